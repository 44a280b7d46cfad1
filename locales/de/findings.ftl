# Die Details der Befunde: was die Prüfung über eine Nachricht einer Locale
# festgestellt hat. Die Berichte zeigen sie nach der Regel-ID und der
# Nachrichten-ID. Nachrichten-IDs, Variablen ($name), Dateinamen, Locale-Tags
# und Selektoren bleiben in jeder Sprache unverändert.

## Viele Details geben an, welchen Teil einer Nachricht sie betreffen:
## $part (String) - value oder attribute; $attribute (String) - der Name des Attributs

# $count (Number) - Nachrichten und Terme der Quelle
finding-missing-locale =
    { $count ->
        [one] die Locale hat keine Bundle-Datei; die Quelle hat { $count } Nachricht oder Term
       *[other] die Locale hat keine Bundle-Datei; die Quelle hat { $count } Nachrichten und Terme
    }
# $parser (String) - die Meldung des Fluent-Parsers, auf Englisch
# $line, $column (Number) - wo der nicht lesbare Text endet
finding-syntax-error = { $parser } (bis Zeile { $line }, Spalte { $column })
# $id (String) - die Nachrichten-ID; $line (Number) - die Zeile ihrer ersten Definition
finding-duplicate-in-file = doppelte ID { $id }, zuerst definiert in Zeile { $line }
# $file (String) - die Datei der ersten Definition
finding-duplicate-in-bundle = doppelte ID { $id }, zuerst definiert in { $file }
# $kind (String) - message oder term
finding-missing-message =
    { $kind ->
        [term] Term { $id } ist nicht übersetzt
       *[message] Nachricht { $id } ist nicht übersetzt
    }
finding-missing-value = { $id } hat in der Quelle einen Wert, hier nur Attribute
finding-missing-attribute = bei { $id } fehlt das Attribut .{ $attribute }
finding-obsolete-message =
    { $kind ->
        [term] Term { $id } ist nicht in der Quelle
       *[message] Nachricht { $id } ist nicht in der Quelle
    }
# $variables (String) - die Variablen, etwa „$user, $count“
finding-unknown-variable =
    { $part ->
        [attribute] das Attribut .{ $attribute } verwendet { $variables }, die die Quellnachricht nie verwendet
       *[value] der Wert verwendet { $variables }, die die Quellnachricht nie verwendet
    }
# $variable (String) - der Name einer Variablen, ohne $
# $variants (String) - die Texte von finding-own-text oder finding-variant, durch Kommas getrennt
finding-dropped-variable =
    { $part ->
        [attribute] das Attribut .{ $attribute } lässt die Variable ${ $variable } aus, die die Quelle anzeigt; betroffen: { $variants }
       *[value] der Wert lässt die Variable ${ $variable } aus, die die Quelle anzeigt; betroffen: { $variants }
    }
# Der Text eines Musters ohne Varianten.
finding-own-text = der gesamte Text
# $keys (String) - die Schlüssel der Variante, etwa [one] oder [masculine][other]
finding-variant = Variante { $keys }
finding-identical-to-source =
    { $part ->
        [attribute] das Attribut .{ $attribute } ist der unübersetzte Quelltext
       *[value] der Wert ist der unübersetzte Quelltext
    }
# $reference (String) - die referenzierte ID, etwa -brand oder menu.title
finding-unresolved-reference =
    { $part ->
        [attribute]
            { $kind ->
                [term] das Attribut .{ $attribute } verweist auf den Term { $reference }, den weder die Locale noch die Quelle definiert
               *[message] das Attribut .{ $attribute } verweist auf die Nachricht { $reference }, die weder die Locale noch die Quelle definiert
            }
       *[value]
            { $kind ->
                [term] der Wert verweist auf den Term { $reference }, den weder die Locale noch die Quelle definiert
               *[message] der Wert verweist auf die Nachricht { $reference }, die weder die Locale noch die Quelle definiert
            }
    }
# $selector (String) - der Selektor, etwa $count
# $missing, $categories (String) - CLDR-Pluralkategorien, etwa „few, many“
# $locale (String) - die Locale
finding-missing-plural-category =
    { $part ->
        [attribute] im Attribut .{ $attribute } fehlen der Auswahl nach { $selector } die Pluralkategorien { $missing } ({ $locale } benötigt { $categories })
       *[value] im Wert fehlen der Auswahl nach { $selector } die Pluralkategorien { $missing } ({ $locale } benötigt { $categories })
    }

## Roadmap-Prüfungen.

# $item (String) - die ID des Roadmap-Eintrags; $selector (String) - was er nennt
finding-unknown-message = der Roadmap-Eintrag "{ $item }" nennt "{ $selector }", was das Quell-Bundle nicht definiert
# $locale (String) - die benötigte Locale; $bundle (String) - das Bundle, das sie bereitstellt
finding-fallback-used = das Bundle { $bundle } stellt { $count } der { $needed } benötigten Nachrichten bereit
# $policy (String) - die Zuordnungsregel: EXACT, CLDR_FALLBACK oder SAME_LANGUAGE
# $count (Number) - benötigte Nachrichten; $words (Number) - ihre Wörter
finding-no-bundle-serves =
    { $count ->
        [one] kein Bundle stellt { $locale } gemäß { $policy } bereit; { $count } benötigte Nachricht ({ $words } Wörter) fehlt
       *[other] kein Bundle stellt { $locale } gemäß { $policy } bereit; { $count } benötigte Nachrichten ({ $words } Wörter) fehlen
    }
# Nach dem Detail eines Befunds in einem Bundle, das eine andere Locale bereitstellt.
finding-served-by = (im Bundle { $bundle }, das { $locale } bereitstellt)
# Nach dem Detail einer Lücke, die Ausnahmen entschuldigen.
# $waivers (String) - Texte von finding-waiver, durch Semikolons getrennt
finding-waived = ({ $waivers })
# Nach dem Detail eines Befunds zu einer optionalen Storefront-Locale (einer, die
# die Markteinführung nicht ausliefert und die keine Anforderung verlangt): nur INFO.
# $locale (String) - die Locale, etwa fr-FR
finding-optional-locale = (optional: die Markteinführung liefert { $locale } nicht aus)
# $requirement (String) - der Name der Anforderung; $approver (String) - wer sie genehmigt hat
# $expiry (String) - der letzte Tag, JJJJ-MM-TT; $reason (String) - warum, in den Worten der Ausnahme
finding-waiver = Ausnahme für { $requirement }, genehmigt von { $approver }, gültig bis { $expiry }: { $reason }
finding-waiver-open-ended = Ausnahme für { $requirement }, genehmigt von { $approver }, bis auf Weiteres: { $reason }

# Nach dem Detail einer fehlenden Nachricht, wenn auch Bundles ihrer Fallback-Kette durchsucht wurden.
# $bundles (String) - die durchsuchten Bundles, der Reihe nach, durch Kommas getrennt
finding-looked-in = (gesucht in { $bundles })
# $variant (String) - der Name der Variante; $feature (String) - die Feature-ID; $items (String) - die Einträge der Roadmap, durch Kommas getrennt
finding-unknown-feature = die Variante { $variant } enthält das Feature "{ $feature }", das kein Roadmap-Eintrag des Produkts hat (Einträge dieser Roadmap: { $items })

# $item (String) - die ID des Roadmap-Eintrags; $requirement (String) - der Name der Anforderung; $approver (String) - wer sie genehmigt hat
finding-unused-waiver = die Ausnahme des Eintrags { $item } für { $requirement } (genehmigt von { $approver }) betrifft keine Lücke eines Launches
