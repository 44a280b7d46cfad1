# Warum ein Wert einer Anfrage oder eines Flags ungültig ist: die Beschreibungen
# von Feldverletzungen (als google.rpc.LocalizedMessage an Aufrufer, die
# accept-language senden) und die Gründe in Fehlerzeilen und Hinweisen von
# glocal check. Werte, Tags und Feldnamen bleiben unverändert.

validation-required = ist erforderlich

## Locale-Tags (BCP 47). $tag (String) - der angegebene Wert

# $suggestion (String) - das Tag mit Bindestrichen, etwa fr-CA
validation-locale-underscore-fixable = "{ $tag }" ist kein BCP-47-Tag: Subtags werden durch Bindestriche getrennt, wie in "{ $suggestion }"
validation-locale-underscore = "{ $tag }" ist kein BCP-47-Tag (Subtags werden durch Bindestriche getrennt, etwa "fr-CA")
validation-locale-malformed = "{ $tag }" ist kein wohlgeformtes BCP-47-Sprach-Tag (etwa "fr-CA")
validation-locale-language-length = "{ $tag }" beginnt nicht mit einem ISO-639-Sprachcode aus 2 oder 3 Buchstaben (etwa "fr" in "fr-CA")
validation-locale-no-language = "{ $tag }" hat kein Sprach-Subtag ("und" ist keine Locale, die ein Markt verwenden kann)

## Für viele Felder.

# $max (Number) - wie viele Zeichen das Feld höchstens haben darf
validation-too-long =
    { $max ->
        [one] ist länger als { $max } Zeichen
       *[other] ist länger als { $max } Zeichen
    }
# Ein Freitextfeld, etwa ein Anzeigename, enthält Steuerzeichen.
validation-control-characters = enthält Steuerzeichen
# $value (String) - ein Eintrag einer Liste (ein Code, Tag, Name oder eine Phase), den ein früherer Eintrag schon angibt
validation-listed-twice = { $value } ist doppelt aufgeführt
# $value (String) - ein Eintrag einer Liste von IDs oder Nachrichtenmustern, den ein früherer Eintrag schon angibt
validation-listed-twice-quoted = "{ $value }" ist doppelt aufgeführt

## Länder (ISO 3166-1), Untergliederungen (ISO 3166-2), Blöcke und Währungen (ISO 4217).
## $code (String) - der angegebene Wert

# Das Land eines Markts ist leer.
validation-country-required = ist erforderlich (ein ISO-3166-1-Alpha-2-Code wie "CA")
validation-country-malformed = "{ $code }" ist kein ISO-3166-1-Alpha-2-Ländercode
# $alpha3 (String) - der Wert als Alpha-3-Code, etwa USA
# $alpha2 (String) - der Alpha-2-Code dieses Landes, etwa US
validation-country-alpha3 = "{ $code }" ist kein ISO-3166-1-Alpha-2-Ländercode (der Alpha-2-Code von { $alpha3 } ist { $alpha2 })
# Der Wert ist UK, das kein Code ist; der Code des Vereinigten Königreichs ist GB.
validation-country-uk = "UK" ist kein ISO-3166-1-Ländercode; das Vereinigte Königreich hat den Code GB
validation-country-unassigned = "{ $code }" ist kein vergebener ISO-3166-1-Alpha-2-Ländercode
validation-subdivision-malformed = "{ $code }" ist kein ISO-3166-2-Code einer Untergliederung der Form CC-XXX (etwa "CA-QC")
# $reason (String) - warum der Ländercode ungültig ist: einer der Texte oben
validation-subdivision-country = in der Untergliederung "{ $code }": { $reason }
# $code (String) - die Untergliederung, etwa FR-IDF
# $country (String) - der Code ihres Landes, etwa FR; $countryName (String) - der englische Name dieses Landes
# $marketCountry (String) - der Ländercode des Markts, etwa CA; $marketCountryName (String) - sein englischer Name
validation-subdivision-other-country = { $code } ist eine Untergliederung von { $country } ({ $countryName }), nicht des Landes des Markts, { $marketCountry } ({ $marketCountryName })
# $known (String) - die Codes der Blöcke, die glocal kennt, durch Kommas getrennt
validation-bloc-unknown = "{ $code }" ist kein bekannter Block; bekannte Blöcke sind { $known }
# $country (String) - der Ländercode des Markts; $countryName (String) - sein englischer Name
# $bloc (String) - der Code des Blocks, etwa EU; $blocName (String) - sein englischer Name, etwa European Union
validation-bloc-not-member = { $country } ({ $countryName }) ist kein Mitglied von { $bloc } ({ $blocName })
# Die Währung eines Markts ist leer.
validation-currency-required = ist erforderlich (ein ISO-4217-Code wie "CAD")
validation-currency-unknown = "{ $code }" ist kein ISO-4217-Währungscode

## Märkte.

# Der Markt nennt keine Storefront-Locale.
validation-storefront-locales-required = benötigt mindestens ein BCP-47-Locale-Tag (etwa "fr-CA")
# $locale (String) - die angegebene Standard-Locale, etwa de-DE
# $locales (String) - die Storefront-Locales des Markts, durch Kommas getrennt
validation-default-locale-not-listed = { $locale } ist keine der Storefront-Locales [{ $locales }]
# Ein Schlüssel der externen IDs des Markts ist fehlerhaft.
validation-external-id-key = Schlüssel bestehen aus 1 bis 64 Kleinbuchstaben, Ziffern und Unterstrichen (etwa "amazon_marketplace_id")
# Ein Wert der externen IDs des Markts ist leer oder zu lang.
validation-external-id-value = Werte haben 1 bis 256 Zeichen

## Datumsangaben.

# $year (String) - das angegebene Jahr
validation-date-year = das Jahr { $year } liegt nicht zwischen 1 und 9999
# $month (String) - der angegebene Monat
validation-date-month = der Monat { $month } liegt nicht zwischen 1 und 12
# $day (String) - der angegebene Tag
validation-date-day = der Tag { $day } ist kein Tag des Monats
# $date (String) - das angegebene Datum, JJJJ-MM-TT, etwa 2023-02-29
validation-date-not-in-calendar = { $date } ist kein Kalenderdatum
# $value (String) - der angegebene Text
validation-date-format = "{ $value }" ist kein Datum der Form JJJJ-MM-TT

## Ressourcen-IDs und -Namen. $name (String) - der angegebene Name

# $id (String) - die angegebene ID; $max (Number) - wie viele Zeichen eine ID höchstens haben darf
validation-id-too-long =
    { $max ->
        [one] "{ $id }" ist länger als { $max } Zeichen
       *[other] "{ $id }" ist länger als { $max } Zeichen
    }
# $id (String) - die angegebene ID
validation-id-malformed = "{ $id }" ist keine gültige ID: Kleinbuchstaben, Ziffern und Bindestriche verwenden, mit einem Buchstaben beginnen und nicht mit einem Bindestrich enden
# $pattern (String) - die erwartete Form der Namen, etwa markets/{market}
validation-name-malformed = "{ $name }" ist kein Ressourcenname der Form { $pattern }
validation-name-unknown-kind = "{ $name }" ist kein Ressourcenname wie markets/ca, requirements/r, products/p oder products/p/variants/v
# $reason (String) - warum ein Teil des Namens ungültig ist, etwa seine Locale: einer der Texte dieser Datei
validation-name-part = im Namen "{ $name }": { $reason }
# $reason (String) - warum eine ID im Namen ungültig ist: validation-required, validation-id-too-long oder validation-id-malformed
validation-name-id = im Namen "{ $name }": die ID { $reason }
# $locale (String) - die Locale des Namens in kanonischer Schreibweise, etwa fr-CA
validation-name-locale-case = im Namen "{ $name }": die Locale als { $locale } schreiben
# $pattern (String) - die erwartete Form des Namens, etwa markets/{market}
validation-name-required = ist erforderlich ({ $pattern })

## Bundles und ihre Dateien. $path (String) - der angegebene Dateipfad

# Der Dateipfad ist leer.
validation-path-empty = ist erforderlich (der Pfad "" ist leer)
# $max (Number) - wie viele Bytes ein Pfad höchstens haben darf
validation-path-too-long =
    { $max ->
        [one] "{ $path }" ist länger als { $max } Byte
       *[other] "{ $path }" ist länger als { $max } Bytes
    }
validation-path-absolute = "{ $path }" muss relativ sein (ohne führendes '/')
validation-path-backslash = "{ $path }" muss Ordner mit '/' trennen, nicht mit '\'
validation-path-not-ftl = "{ $path }" muss auf .ftl enden
validation-path-segments = "{ $path }" darf keine leeren, '.'- oder '..'-Segmente enthalten
validation-path-control-characters = "{ $path }" darf keine Steuerzeichen enthalten
# $name (String) - der angegebene Bundle-Name
validation-bundle-name-malformed = "{ $name }" ist kein Bundle-Name der Form products/{"{"}product{"}"}/bundles/{"{"}locale{"}"}

## Produkte und Varianten.

# Die Quell-Locale des Produkts ist leer.
validation-source-locale-required = ist erforderlich (das BCP-47-Tag, in dem die Texte geschrieben sind, etwa "en-US")
# Das Verzeichnis der Fluent-Dateien des Produkts ist leer.
validation-directory-required = ist erforderlich (etwa "locales")
# Das Verzeichnis der Fluent-Dateien des Produkts ist absolut oder verwendet Backslashes.
validation-directory-relative = muss ein relativer Pfad mit '/' als Trennzeichen sein
# Dem Layout der Fluent-Dateien des Produkts fehlt der Platzhalter {locale}.
validation-layout-no-locale = muss {"{"}locale{"}"} enthalten (etwa "{"{"}locale{"}"}/**/*.ftl")
# Das Layout der Fluent-Dateien des Produkts bezeichnet keine .ftl-Dateien.
validation-layout-not-ftl = muss auf .ftl enden (etwa "{"{"}locale{"}"}/**/*.ftl")
# Das Layout der Fluent-Dateien des Produkts führt aus ihrem Verzeichnis hinaus.
validation-layout-outside = muss innerhalb des Verzeichnisses bleiben (kein führendes '/', kein '..')
# Die SKU der Variante ist zu lang oder enthält Steuerzeichen.
validation-sku = darf höchstens 64 druckbare Zeichen haben
# Ein Schlüssel der Attribute der Variante ist fehlerhaft.
validation-attribute-key = Schlüssel bestehen aus 1 bis 64 Kleinbuchstaben, Ziffern, '-' und '_'
# Ein Wert der Attribute der Variante ist zu lang.
validation-attribute-value = Werte haben höchstens 256 Zeichen

## Anforderungen.

# $pattern (String) - die angegebene Nachrichten-ID oder das Muster
validation-message-pattern = "{ $pattern }" ist keine Fluent-Nachrichten-ID und kein ID-Muster (etwa "imprint-address" oder "imprint-*")
# Die Anforderung hat keinen Geltungsbereich; country, subdivision und bloc sind Feldnamen.
validation-jurisdiction-required = ist erforderlich: eines von country, subdivision oder bloc angeben
# Die Art der Anforderung ist nicht angegeben.
validation-kind-required = ist erforderlich (etwa REQUIREMENT_KIND_LEGAL_LANGUAGE)
# Die Zusammenfassung der Anforderung ist leer.
validation-summary-required = ist erforderlich: angeben, was die Regel verlangt
# $url (String) - die angegebene Quell-URL
validation-url = "{ $url }" ist keine http- oder https-URL
# $until (String) - der letzte Tag der Geltung, JJJJ-MM-TT; $from (String) - der erste Tag (effective_from ist ein Feldname)
validation-effective-until-before = { $until } liegt vor effective_from { $from }
# $locale (String) - eine Locale, die eine frühere Regel der Anforderung schon nennt
validation-locale-two-rules = { $locale } hat zwei Regeln
# Eine zweite Locale-Regel der Anforderung setzt must_be_default.
validation-one-default-locale = nur eine Locale kann als Standard verlangt werden

## Markteinführungen und Roadmaps.

# $variant (String) - der Name der Variante; $product (String) - der Name des Produkts der Markteinführung
validation-launch-variant-of-other-product = { $variant } ist keine Variante von { $product }
validation-weight = muss eine endliche Zahl von mindestens 0 sein, nicht { $value }
# Die Markteinführung hat keine Phase.
validation-phases-required = benötigt mindestens eine Phase mit ihrem Datum
# Eine Phase der Markteinführung ist nicht angegeben; ALPHA, BETA und GA sind ihre Werte.
validation-phase-required = ist erforderlich (ALPHA, BETA oder GA)
# $phase (String) - eine Phase, etwa GA; $date (String) - ihr Datum, JJJJ-MM-TT
# $earlierPhase (String) - die Phase, die davor kommt, etwa BETA; $earlierDate (String) - deren Datum, das später liegt
validation-phase-order = { $phase } am { $date } liegt vor { $earlierPhase } am { $earlierDate }; die Phasen müssen in ihrer Reihenfolge liegen
# $selector (String) - der angegebene Eintrag: weder eine Nachrichten-ID noch ein ID-Muster noch ein .ftl-Pfad
validation-message-selector = "{ $selector }" ist keine Fluent-Nachrichten-ID und kein ID-Muster (etwa "imprint-address" oder "imprint-*"); eine Datei wird über ihren Pfad angegeben, etwa "checkout/cart.ftl"
# $id (String) - die ID des Roadmap-Eintrags, die ein früherer Eintrag auch hat
validation-item-id-taken = "{ $id }" wird von einem anderen Eintrag verwendet
# Der Roadmap-Eintrag nennt keine Nachrichten.
validation-messages-required = benötigt mindestens eine Nachrichten-ID, ein ID-Muster oder einen Dateipfad
# Die Ausnahme nennt keinen Grund.
validation-waiver-reason-required = ist erforderlich: angeben, warum die Lücke akzeptiert wird
# Die Ausnahme nennt niemanden, der sie genehmigt hat.
validation-waiver-approver-required = ist erforderlich: angeben, wer die Lücke akzeptiert hat

## Grenzen einer Anfrage.

# Die letzte Feldverletzung einer Anfrage mit zu vielen, um alle aufzuführen, anstelle der übrigen.
# $count (Number) - wie viele Feldverletzungen ausgelassen wurden
validation-more-violations =
    { $count ->
        [one] und { $count } weitere, nicht aufgeführte Feldverletzung
       *[other] und { $count } weitere, nicht aufgeführte Feldverletzungen
    }
# Eine Liste oder Zuordnung einer Anfrage hat mehr Einträge, als glocal annimmt.
# $max (Number) - die höchste erlaubte Zahl an Einträgen
validation-too-many-entries =
    { $max ->
        [one] darf höchstens { $max } Eintrag haben
       *[other] darf höchstens { $max } Einträge haben
    }
