# Warum eine Anfrage an den gRPC-Dienst ungültig ist, über das hinaus, was das
# Modell prüft (validation.ftl): Namen, Seitentokens, Masken, Dateien und
# Grenzen. Als google.rpc.LocalizedMessage einer Feldverletzung an Aufrufer
# gesendet, die accept-language senden. Feldnamen und Werte bleiben unverändert.
#
# Jeder Text folgt auf das Feld, um das es geht, wie in „page_token: ist kein
# Token, das dieser Dienst zurückgegeben hat“: Die meisten beginnen mit einem
# Verb. Ressourcennamen (markets/fr), Feldnamen (next_page_token),
# Methodennamen (WriteBundleFiles) und "*" bleiben in jeder Sprache unverändert.

## Pflichtfelder und Ressourcennamen

# $pattern (String) - die Form des Ressourcennamens, etwa markets/{market}
request-name-required = ist erforderlich (ein Name der Form { $pattern })
# $pattern (String) - die Form eines Bundle-Namens: products/{product}/bundles/{locale}
request-bundle-name-required = ist erforderlich ({ $pattern })
# $preset (String) - der Name der Marktvorlage, die glocal hat: amazon-marketplaces
request-preset-required = ist erforderlich ("{ $preset }")
# Keine Variablen. Das Feld ist der Name des Produkts des Plans.
request-plan-product-required = ist erforderlich: Ein Plan beschreibt genau ein Produkt
# Keine Variablen. Das Feld ist der Name einer Markteinführung, der nicht die
# Form products/{product}/launches/{launch} hat.
request-launch-name-invalid = ist kein Name einer Markteinführung

## Verweise auf andere Ressourcen

# $name (String) - der Name der Ressource, auf die verwiesen wird, etwa markets/fr
request-reference-not-found = { $name } existiert nicht
# $variant (String) - der Name der Variante der Markteinführung, etwa products/kettle/variants/eu
# $market (String) - der Name des Markts der Markteinführung, etwa markets/ca
request-launch-not-sold-in = { $variant } wird in { $market } nicht verkauft; zuerst den Markt zur Variante hinzufügen

# Eine Locale der Markteinführung ist keine der Storefront-Locales ihres Markts.
# $locale (String) - die Locale der Markteinführung, etwa fr-FR
# $market (String) - der Name des Markts der Markteinführung, etwa markets/ca
# $locales (String) - die Storefront-Locales des Markts, durch Kommas getrennt, etwa en-CA, fr-CA
request-launch-locale-not-in-market = { $locale } ist keine der Storefront-Locales von { $market } [{ $locales }]

## Werte

# $value (String) - die Zahl, die für ein Aufzählungsfeld gesendet wurde, etwa 42
request-enum-unknown = { $value } ist kein bekannter Wert
# $value (String) - die Zahl, die für die Art der Anforderung gesendet wurde, etwa 42
request-requirement-kind-unknown = { $value } ist keine bekannte Art von Anforderung
# Keine Variablen. Eine Größe, eine Anzahl Tage oder eine Seitengröße unter null.
request-not-negative = darf nicht negativ sein
# Keine Variablen. Folgt in Klammern darauf, warum ein google.type.Date kein
# Datum ist (etwa „Monat 13 liegt nicht zwischen 1 und 12“).
request-date-incomplete = (ein vollständiges Datum mit Jahr, Monat und Tag ist erforderlich)
# $id (String) - die gesendete Nachrichten-ID, etwa "hello world"
request-message-id-invalid = "{ $id }" ist keine Nachrichten-ID (etwa "hello" oder "hello.title")

## Seitentokens (page_token)

# Keine Variablen. next_page_token ist das Feld der vorigen Antwort.
request-page-token-invalid = ist kein Token, das dieser Dienst zurückgegeben hat; next_page_token unverändert übergeben
# Keine Variablen.
request-page-token-other-filters = wurde für andere Filter ausgestellt; zwischen den Seiten alle Felder außer page_token unverändert lassen
# Keine Variablen. Das Seitentoken von ListRevisions.
request-revision-page-token-invalid = ist kein Token, das dieser Dienst zurückgegeben hat

## Aktualisierungsmasken (update_mask.paths)

# Keine Variablen. "*" (jedes Feld) ist ein Pfad für sich.
request-mask-star-not-alone = "*" muss der einzige Pfad sein
# $path (String) - der angegebene Pfad, etwa etag
request-mask-output-only = "{ $path }" ist ein reines Ausgabefeld und kann nicht aktualisiert werden
# $path (String) - der angegebene Pfad, etwa colour
# $fields (String) - die Felder der Ressource, die aktualisiert werden können, durch Kommas getrennt
request-mask-not-updatable = "{ $path }" ist kein aktualisierbares Feld; aktualisierbare Felder sind { $fields }

## Dateien eines Bundles (WriteBundleFiles)

# Keine Variablen. replace ist ein Feld der Anfrage.
request-bundle-files-empty = braucht mindestens eine Datei (oder replace setzen, um das Bundle zu leeren)
request-velocity-days = muss zwischen 1 und { $max } Tagen liegen
request-handoff-unit = { $problem }
request-handoff-target-language = trgLang { $language } ist kein Locale-Tag: { $problem }
request-handoff-nothing-translated = enthält keine übersetzte Nachricht: füllen Sie das <target> jeder Einheit einer Nachricht
# $count (Number) - wie viele Dateien die Anfrage enthält
# $max (Number) - wie viele Dateien eine Anfrage enthalten darf
request-bundle-too-many-files =
    { $count ->
        [one] enthält { $count } Datei
       *[other] enthält { $count } Dateien
    }; eine Anfrage darf höchstens { $max } enthalten (mehrere Anfragen senden)
# $count (Number) - wie viele Dateien das Bundle nach der Anfrage enthielte
# $max (Number) - wie viele Dateien ein Bundle höchstens enthält
request-bundle-too-many-stored-files =
    { $count ->
        [one] ließe { $count } Datei im Bundle
       *[other] ließe { $count } Dateien im Bundle
    }; ein Bundle enthält höchstens { $max }
# $path (String) - der Pfad der Datei im Bundle, etwa app/main.ftl
request-bundle-file-sent-twice = "{ $path }" wird zweimal gesendet
# $size (Number) - die Größe der Datei in Bytes
# $max (Number) - die größte zulässige Größe in Bytes
request-bundle-file-too-large =
    { $size ->
        [one] ist { $size } Byte groß
       *[other] ist { $size } Bytes groß
    }; { $max ->
        [one] Dateien dürfen höchstens { $max } Byte groß sein
       *[other] Dateien dürfen höchstens { $max } Bytes groß sein
    }
# $size (Number) - die Größe der Datei im Speicher, Text und Index, in Bytes
# $max (Number) - die größte Größe, die der Speicher aufnimmt, in Bytes
request-bundle-file-too-large-stored =
    { $size ->
        [one] belegt mit ihrem Index { $size } Byte im Speicher
       *[other] belegt mit ihrem Index { $size } Bytes im Speicher
    }; { $max ->
        [one] der Speicher (etcd, durch seine Anfragegrenze) nimmt Dateien von höchstens { $max } Byte auf
       *[other] der Speicher (etcd, durch seine Anfragegrenze) nimmt Dateien von höchstens { $max } Bytes auf
    }: Teilen Sie die Datei, oder erhöhen Sie etcds --max-request-bytes und glocals --etcd-max-request-bytes
# Keine Variablen. Ein Bundle kann nicht als Ganzes gesendet werden.
request-bundle-written-by-file = Bundles werden mit WriteBundleFiles geschrieben

## Pläne (ImportPlan)

# $name (String) - ein Ressourcenname, etwa markets/fr
request-plan-duplicate = { $name } kommt im Plan zweimal vor
# $name (String) - der Name einer Variante, Markteinführung oder Roadmap
# $product (String) - der Name des Produkts des Plans, etwa products/kettle
request-plan-other-product = { $name } gehört nicht zum Produkt { $product } des Plans
# $target (String) - der Name der Ressource, auf die verwiesen wird, etwa markets/fr
request-plan-reference-missing = { $target } ist weder im Plan noch auf dem Server vorhanden
# $from (String) - der Name der Ressource, die darauf verweist
# $target (String) - der Name der Ressource, auf die verwiesen wird
request-plan-reference-deleted = { $from } verweist auf { $target }, das inzwischen gelöscht wurde
# $target (String) - der Name der Ressource, auf die verwiesen wird, etwa markets/fr.
# Von glocal check --plan gesagt, das eine Plandatei ohne Server prüft.
request-plan-reference-offline = { $target } ist weder im Plan noch in dessen Marktvorlage enthalten

## Argumente von RenderMessage (args)

# $count (Number) - wie viele Argumente die Anfrage enthält
# $max (Number) - wie viele Argumente eine Anfrage enthalten darf
request-render-too-many-args =
    { $count ->
        [one] enthält { $count } Argument
       *[other] enthält { $count } Argumente
    }; höchstens { $max } werden angenommen
# $size (Number) - die Größe des längsten Argumentnamens in Bytes
# $max (Number) - der längste zulässige Name in Bytes
request-render-arg-name-too-long =
    { $size ->
        [one] enthält einen Argumentnamen von { $size } Byte
       *[other] enthält einen Argumentnamen von { $size } Bytes
    }; { $max ->
        [one] Namen dürfen höchstens { $max } Byte lang sein
       *[other] Namen dürfen höchstens { $max } Bytes lang sein
    }
# $name (String) - der Name des Arguments, etwa count
# $size (Number) - die Größe seines Werts in Bytes
# $max (Number) - der größte zulässige Wert in Bytes
request-render-arg-value-too-long =
    { $size ->
        [one] der Wert von "{ $name }" ist { $size } Byte groß
       *[other] der Wert von "{ $name }" ist { $size } Bytes groß
    }; { $max ->
        [one] Werte dürfen höchstens { $max } Byte groß sein
       *[other] Werte dürfen höchstens { $max } Bytes groß sein
    }

## URLs des Dashboards (glocal serve --http-listen)

# $value (String) - was die URL angab; $max (Number)
request-window-days = „{ $value }“ ist kein Fenster: Geben Sie eine ganze Zahl von Tagen von 0 bis { $max } an
# $value (String) - was die URL angab
request-handoff-format-unknown = „{ $value }“ ist kein Übergabeformat; verwenden Sie xliff, csv oder ftl
# Keine Variablen.
request-handoff-locale-missing = ist erforderlich: die Locale der Aufgabe, die übergeben werden soll
