# Texte von `glocal check`: Fehlerzeilen, Hinweise, Berichtsüberschriften,
# Zusammenfassungszeilen und die Hilfe zu jeder Regel. Variablen setzt das
# Programm ein; Namen von Optionen (--source), Regel-IDs (missing-message),
# Dateinamen und der Platzhalter {"{"}locale{"}"} bleiben in jeder Sprache unverändert.

## Fehlerzeilen (Exit-Code 2), ausgegeben nach dem Fehlerpräfix.

# $flag (String) - die Kommandozeilenoption, etwa --source
# $path (String) - der angegebene Pfad
check-not-a-directory = { $flag } { $path }: Verzeichnis existiert nicht
check-cannot-read = { $path } kann nicht gelesen werden: { $error }
check-history-bad-line = { $path }:{ $line }: keine Abdeckungsmomentaufnahme: { $error }
check-not-utf8 = { $path } ist kein UTF-8-Text; Fluent-Dateien müssen UTF-8 sein
# Ein Ordner des Locale-Baums enthält mehr Ordner, als glocal durchsucht, wenn es symbolischen Links folgt.
# $path (String) - der durchsuchte Ordner; $max (Number) - die meisten Ordner, die unter einem Ordner durchsucht werden
check-too-many-folders =
    { $max ->
        [one] { $path } enthält mehr als { $max } Ordner (symbolischen Links folgend); führt ein symbolischer Link aus dem Locale-Baum heraus?
       *[other] { $path } enthält mehr als { $max } Ordner (symbolischen Links folgend); führt ein symbolischer Link aus dem Locale-Baum heraus?
    }
# $format (String) - das Berichtsformat, etwa SARIF oder JSON
check-cannot-write = der { $format }-Bericht kann nicht in { $path } geschrieben werden: { $error }
check-no-mode = angeben, was geprüft werden soll: --source DIR --l10n DIR (Lint-Modus), --plan PLAN (Plan-Modus) oder --server URL --roadmap NAME (Server-Modus)
# $first, $second (String) - zwei Optionen, die unterschiedliche Modi wählen
check-two-modes = { $first } und { $second } wählen unterschiedliche Modi; nur eines von --source/--l10n, --plan oder --server verwenden
check-lint-needs-both = der Lint-Modus benötigt sowohl --source DIR als auch --l10n DIR; { $missing } fehlt
# $modes (String) - die Modi, etwa „Plan- und Server-Modus“
check-flag-needs-mode = { $flag } gilt nur im { $modes }
check-modes-plan-and-server = Plan- und Server-Modus
check-modes-server = Server-Modus
check-modes-plan = Plan-Modus
check-server-needs-roadmap = --server benötigt --roadmap products/PRODUCT/roadmaps/ROADMAP
# $why (String) - warum der Wert falsch ist (vom Programm, auf Englisch)
check-bad-locale = { $flag } { $value }: { $why }
check-bad-date = --as-of { $value }: { $why }
check-bad-min-coverage = { $why } (einen Prozentwert wie 80 oder LOCALE=PERCENT wie fr=95 angeben)
check-percent-out-of-range = der Prozentwert muss eine Zahl von 0 bis 100 sein
# $what (String) - eine Locale oder der Text von check-min-coverage-default
check-min-coverage-twice = --min-coverage gibt { $what } zweimal an
check-min-coverage-default = einen Standard-Mindestwert
check-bad-roadmap-name = --roadmap { $value }: { $why } (der Server-Modus benötigt den vollständigen Namen, products/PRODUCT/roadmaps/ROADMAP)
check-bad-lang = --lang { $value }: glocal hat keine Texte in dieser Sprache; verfügbar sind { $available }
# $position (String) - Datei:Zeile:Spalte
# $more (Number) - wie viele weitere Probleme die Datei hat
check-bad-plan =
    { $more ->
        [0] { $position }: { $message }
        [one] { $position }: { $message } (und 1 weiteres Problem)
       *[other] { $position }: { $message } (und { $more } weitere Probleme)
    }
check-plan-without-fluent = { $plan }: der Plan gibt nicht an, wo seine Fluent-Dateien liegen; eine Tabelle [product.fluent] mit directory und layout hinzufügen (etwa directory = "locales", layout = "{"{"}locale{"}"}/**/*.ftl")
check-bad-layout = { $plan }: [product.fluent] layout "{ $layout }": { $why }
check-layout-needs-locale-folder = {"{"}locale{"}"} muss ein vollständiger Ordnername sein, etwa "{"{"}locale{"}"}/**/*.ftl"
check-layout-plain-prefix = die Ordner vor {"{"}locale{"}"} müssen einfache Namen sein
check-layout-needs-ftl = das Muster nach {"{"}locale{"}"}/ muss .ftl-Dateien bezeichnen, etwa "{"{"}locale{"}"}/**/*.ftl"
check-layout-bad-glob = das Muster nach {"{"}locale{"}"}/ ist kein gültiger Glob: { $why }
check-no-source-folder = kein Ordner für die Quell-Locale { $locale } unter { $dir }
check-plan-has-no-roadmap = { $plan }: --roadmap { $roadmap }: der Plan hat keine Roadmap
# $known (String) - die Roadmap-IDs des Plans, durch Kommas getrennt
check-unknown-roadmap = { $plan }: --roadmap { $roadmap }: der Plan hat keine solche Roadmap (vorhanden: { $known })
check-bad-baseline = --baseline { $path }: { $why }
check-baseline-not-a-report = kein JSON-Bericht von glocal check --json ({ $why })
# $found, $supported (Number) - Schemaversionen
check-baseline-schema = der Bericht hat schema_version { $found }; diese glocal-Version liest schema_version { $supported } oder älter
# $why (String) - was am Wert falsch ist (vom Programm, auf Englisch)
check-bad-market-window = { $why } (MARKET=DAYS angeben, etwa jp=30)
check-market-window-twice = --market-window gibt { $market } zweimal an
check-market-window-no-equals = "{ $value }" enthält kein '='
check-market-window-not-days = "{ $value }" ist keine Anzahl von Tagen
check-push-failed = --push { $dir }: der Upload ist fehlgeschlagen (siehe oben); es wurde nichts geprüft

## Hinweise, mit dem Bericht ausgegeben und im JSON-Bericht enthalten.

check-skipped-source-folder = { $folder }/ übersprungen: das ist der Quellordner
check-skipped-not-locale = { $folder }/ übersprungen: kein Locale-Ordner ({ $why })
check-skipped-same-locale = { $folder }/ übersprungen: dieselbe Locale wie { $first }/
# Ein Ordner von --l10n ist ein symbolischer Link ins Leere (oder auf sich selbst).
# $folder (String) - der Name des Links; $error (String) - der Grund des Systems
check-skipped-broken-link = { $folder }/ übersprungen: ein symbolischer Link, der ins Leere führt ({ $error })
check-nothing-to-translate = { $source } enthält keine Fluent-Nachrichten: nichts zu übersetzen
check-no-locale-folders = keine Locale-Ordner unter { $dir }: nichts zu vergleichen
check-html-plan-only = --html schreibt die Dashboard-Seite eines Plans: mit --plan verwenden (ein Server liefert sein eigenes Dashboard: glocal serve --http-listen)
# $plan (String) - die Plandatei, $known (String) - ihre Roadmaps
check-html-needs-roadmap = { $plan } hat mehrere Roadmaps ({ $known }): mit --roadmap angeben, welche --html zeigt
check-plan-without-roadmaps = { $plan } hat keine Roadmap: nichts zu prüfen
check-requested-locale-missing = --locale { $locale }: kein Ordner; als fehlende Locale gemeldet
check-threshold-locale-unchecked = keine geprüfte Locale passt zu --min-coverage { $locale }=...: als 0 % abgedeckt gewertet
check-market-window-unused = --market-window { $market }=...: keine Markteinführung der geprüften Roadmaps findet in diesem Markt statt, das Fenster ändert also nichts

# $kept, $total (Number) - geschriebene Ergebnisse, gefundene Ergebnisse
check-sarif-truncated = der SARIF-Bericht enthält { $kept } von { $total } Ergebnissen, die schwerwiegendsten zuerst (--sarif-max-results); der JSON-Bericht enthält alle

## Der Textbericht.

# $mode (String) - lint, plan oder server
# $locales (Number) - wie viele Locales geprüft wurden
check-text-title =
    glocal check ({ $mode }): { $locales ->
        [one] 1 Locale
       *[other] { $locales } Locales
    } gegen { $source } geprüft
# $verdict (String) - READY, AT_RISK oder BLOCKED
check-roadmap-line = Roadmap { $name }, Stand { $date }: { $verdict }
# $when (String) - der Text von check-days
check-launch-line = { $launch } in { $market } am { $date } ({ $when }): { $verdict }
check-forecast-on-track = Prognose ON_TRACK{ $eta ->
    [none] {""}
   *[other] {""}, fertig am { $eta }
}
check-forecast-late = Prognose LATE um { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
}, fertig am { $eta }
check-forecast-no-data = Prognose NO_DATA (kein Fortschritt für { $bundles } erfasst)
# $days (Number) - Tage bis zum Datum; negativ, wenn es vorbei ist
check-days =
    { $days ->
        [0] heute
        [1] in 1 Tag
        [one] in { $days } Tag
       *[other] in { $days } Tagen
    }
# $days (Number) - Tage seit dem Datum
check-days-ago =
    { $days ->
        [one] vor 1 Tag
       *[other] vor { $days } Tagen
    }
check-market-heading = Markt { $market }
check-no-market-heading = Roadmap
check-locale-served-by = { $locale } (bereitgestellt von { $bundle })
# Der Block des Textberichts, der sagt, was die Markteinführungen freigibt.
check-todo-heading = zu übersetzen, nach Fälligkeit:
check-todo-line =
    fällig { $due }: { $locale } für { $launch }, { $messages ->
        [one] 1 Nachricht
       *[other] { $messages } Nachrichten
    } ({ $words ->
        [one] 1 Wort
       *[other] { $words } Wörter
    })
check-todo-blocks = blockiert heute
check-tasks-heading = Übersetzungsaufgaben, dringendste zuerst:
check-task-line =
    { $rank }. { $locale }{ $new ->
        [yes] {" "}(neues Bundle)
       *[no] {""}
    }: { $messages ->
        [one] 1 Nachricht
       *[other] { $messages } Nachrichten
    } ({ $words ->
        [one] 1 Wort
       *[other] { $words } Wörter
    }), fällig { $due }, Punktzahl { $score }
check-task-eta = fertig am { $eta } bei { $speed } Wörtern pro Tag
check-task-launch =
    für { $launch } ({ $locales }, Gewicht { $weight }{ $laws ->
        [none] {""}
       *[other] , Gesetz: { $laws }
    })
check-markdown-tasks = Übersetzungsaufgaben, dringendste zuerst
check-column-rank = #
check-column-bundle = Bundle
check-column-score = Punktzahl
check-column-unblocks = Gibt frei
check-task-new-bundle = neu
check-task-law = Gesetz
# $percent (String) - der Text von check-percent
check-locale-stats = { $translated }/{ $total } Nachrichten ({ $percent }), { $translatedWords }/{ $totalWords } Wörter
check-not-served = kein Bundle stellt sie bereit
# $value (String) - eine Zahl mit einer Nachkommastelle, etwa 84.6
check-percent = { $value } %
check-threshold-failed = { $place }: die Abdeckung von { $percent } liegt unter dem Minimum von { $minimum }
check-threshold-place = { $locale } in { $market }
check-baselined-mark = (in der Baseline)
check-count-errors =
    { $count ->
        [one] 1 Fehler
       *[other] { $count } Fehler
    }
check-count-warnings =
    { $count ->
        [one] 1 Warnung
       *[other] { $count } Warnungen
    }
check-count-notes =
    { $count ->
        [one] 1 Hinweis
       *[other] { $count } Hinweise
    }
check-count-baselined = { $count } aus der Baseline bekannt
check-list-separator = {", "}
check-clause-separator = {"; "}
check-note-line = Hinweis: { $note }
check-locale-line = { $locale }: { $stats }
check-decimal-separator = {","}
check-summary-passed =
    BESTANDEN: nichts blockiert ({ $counts }) in { $locales ->
        [one] 1 Locale
       *[other] { $locales } Locales
    }
check-summary-failed =
    FEHLGESCHLAGEN: { $blocking ->
        [one] 1 blockierender Befund
       *[other] { $blocking } blockierende Befunde
    } ({ $counts }) in { $locales ->
        [one] 1 Locale
       *[other] { $locales } Locales
    }
check-summary-below-minimum =
    { $locales ->
        [one] 1 Locale
       *[other] { $locales } Locales
    } unter der Mindestabdeckung

## Der Markdown-Bericht (ein Pull-Request-Kommentar oder eine Job-Zusammenfassung).

check-markdown-passed = glocal check: ✅ bestanden
check-markdown-failed =
    glocal check: ❌ { $blocking ->
        [one] 1 blockierender Befund
       *[other] { $blocking } blockierende Befunde
    }
check-column-market = Markt
check-column-locale = Locale
check-column-messages = Nachrichten
check-column-words = Wörter
check-column-coverage = Abdeckung
check-column-errors = Fehler
check-column-warnings = Warnungen
check-column-launch = Markteinführung
check-column-date = Datum
check-column-days = Tage
check-column-verdict = Bewertung
check-column-where = Stelle
check-column-rule = Regel
check-column-message = Nachricht
check-column-detail = Details
check-markdown-findings-all = Befunde ({ $total })
check-markdown-findings-top = Wichtigste Befunde ({ $shown } von { $total })
check-markdown-launches = Markteinführungen
check-markdown-todo = Was die Markteinführungen freigibt
check-column-due = Fällig
check-markdown-coverage = Abdeckung
check-markdown-notes = Hinweise
check-markdown-findings-left-out =
    … und { $count ->
        [one] 1 weiterer Befund
       *[other] { $count } weitere Befunde
    }, aus Platzgründen im Pull-Request-Kommentar ausgelassen; die JSON-, SARIF- und JUnit-Berichte enthalten alle.
check-markdown-rows-left-out =
    … und { $count ->
        [one] 1 weitere Zeile
       *[other] { $count } weitere Zeilen
    }, aus Platzgründen im Pull-Request-Kommentar ausgelassen.

## JUnit-XML und GitHub-Annotationen.

check-junit-suite-locales = Locales
check-junit-suite-roadmap = Roadmap
check-junit-blocking =
    { $count ->
        [one] 1 blockierender Befund
       *[other] { $count } blockierende Befunde
    }
check-junit-below-minimum = Abdeckung unter dem Minimum

## Die Regeln: eine einzeilige Zusammenfassung und ein Hilfetext (SARIF, GitHub).

rule-min-coverage = Die Abdeckung einer Locale liegt unter ihrem Minimum.
    .help = Der Anteil der Quellnachrichten, die die Locale vollständig übersetzt (im Plan- und Server-Modus: der Nachrichten, die ihre Märkte benötigen, Fallback eingeschlossen), liegt unter dem mit --min-coverage festgelegten Minimum. Die fehlenden Nachrichten übersetzen oder das Minimum senken.
rule-missing-locale = Eine benötigte Locale wird von keinem Bundle bereitgestellt.
    .help = Die Locale hat überhaupt keine Fluent-Datei (Lint-Modus), oder kein Bundle erfüllt sie gemäß ihrer Zuordnungsregel (Plan- und Server-Modus). Jede Nachricht, die sie benötigt, fehlt. Den Ordner der Locale mit ihren Übersetzungen hinzufügen.
rule-missing-message = Eine Quellnachricht oder ein Quellterm ist nicht übersetzt.
    .help = Die Quelle definiert die Nachricht (oder den Term), die Locale nicht. Der Befund nennt die Quelldatei: Die Übersetzung gehört in die Datei der Locale mit demselben Pfad.
rule-missing-value = Die Übersetzung hat nur Attribute, die Quelle einen Wert.
    .help = Die Quellnachricht hat einen Wert; die Nachricht der Locale hat nur Attribute, sodass Code, der die Nachricht formatiert, nichts erhält. Den Wert übersetzen.
rule-missing-attribute = Ein Quellattribut ist nicht übersetzt.
    .help = Die Quellnachricht hat das Attribut (`id.attr`); der Nachricht der Locale fehlt es. Das Attribut zur Übersetzung hinzufügen.
rule-obsolete-message = Die Locale definiert eine Nachricht, die es in der Quelle nicht mehr gibt.
    .help = Die Nachricht (oder der Term) ist nicht in der Quelle: Sie wurde dort entfernt oder umbenannt. Aus der Locale entfernen oder ebenfalls umbenennen.
rule-duplicate-id = Eine ID ist doppelt definiert.
    .help = Die Locale definiert die ID zweimal (in einer Datei oder in zwei Dateien des Bundles); Fluent verwendet die erste Definition und ignoriert die andere. Nur eine behalten.
rule-syntax-error = Ein Teil einer Datei ist kein gültiges Fluent.
    .help = Der Fluent-Parser hat einen Teil der Datei an der angegebenen Position abgelehnt; die Einträge dort gehen verloren. Die Syntax korrigieren.
rule-unknown-variable = Die Übersetzung verwendet eine Variable, die die Quelle nie übergibt.
    .help = Die Übersetzung verwendet eine `$variable`, die in der Quellnachricht nirgends vorkommt; der Code übergibt sie also nie, und der Leser sieht eine Fehlermarkierung. Die Variablen der Quelle verwenden.
rule-dropped-variable = Die Übersetzung lässt eine Variable aus, die die Quelle anzeigt.
    .help = Eine Variante der Übersetzung zeigt eine `$variable` nicht an, die die Quelle anzeigt. Exakte Pluralvarianten (`[one]`) und Sprachen mit nur einer Pluralform dürfen eine Anzahl weglassen; ansonsten die Variable anzeigen.
rule-unresolved-reference = Ein Nachrichten- oder Termverweis lässt sich nirgends auflösen.
    .help = Die Übersetzung verweist auf eine Nachricht oder einen Term (oder ein Attribut davon), die weder die Locale noch die Quelle definiert. Den Verweis korrigieren oder den Eintrag hinzufügen.
rule-missing-plural-category = Einer Pluralauswahl fehlt eine Kategorie, die die Sprache benötigt.
    .help = Einer numerischen Auswahl der Übersetzung fehlt eine CLDR-Pluralkategorie der Sprache der Locale (etwa `few` und `many` im Polnischen), sodass manche Zahlen die Standardvariante erhalten. Die Varianten hinzufügen.
rule-identical-to-source = Die Übersetzung entspricht dem Quelltext.
    .help = Der übersetzte Text ist mit dem der Quelle identisch und wurde wahrscheinlich nicht übersetzt. Übersetzen oder die Kopie mit --identical-allowed ID erlauben.
rule-unknown-message = Eine Roadmap nennt eine Nachricht, die die Quelle nicht definiert.
    .help = Ein Roadmap-Eintrag nennt eine ID, ein Muster oder eine Datei, die im Quell-Bundle auf nichts passt. Die Nachrichten zur Quelle hinzufügen oder die Roadmap korrigieren.
rule-fallback-used = Eine Locale wird von einem anderen Bundle ihrer Fallback-Kette bereitgestellt.
    .help = Die benötigte Locale hat kein eigenes Bundle; ein anderes Bundle ihrer CLDR-Fallback-Kette (etwa `fr` für `fr-CA`) stellt sie bereit. Ein Hinweis, kein Problem.

check-modes-lint = Lint-Modus
check-modes-lint-and-plan = Lint- und Plan-Modus
rule-unknown-feature = Eine Variante enthält ein Feature, das kein Roadmap-Eintrag hat.
    .help = Die Features einer Variante nennen Roadmap-Einträge; eines, das keinen nennt, verlangt nichts, was wohl ein Tippfehler ist. Die Features der Variante korrigieren oder den Eintrag zur Roadmap hinzufügen.
check-folder-read-as = { $folder }/ ist kein BCP-47-Locale-Tag: es wird als { $folder } gemeldet und mit den CLDR-Daten von { $tag } geprüft

## Server-Modus: die Roadmap als ID mit --product.

check-server-bad-product = --product { $value }: { $why }
check-server-product-mismatch = --roadmap { $roadmap } ist keine Roadmap von --product { $product }; geben Sie eines von beiden an oder bringen Sie sie in Übereinstimmung
check-server-roadmap-needs-product = --roadmap { $value } ist eine Roadmap-ID: geben Sie ihr Produkt mit --product PRODUCT an oder den vollständigen Namen products/PRODUCT/roadmaps/{ $value }
check-server-bad-roadmap-id = --roadmap { $value }: { $why }

## Die Überschrift, wenn heute nichts blockiert, aber ein Launch AT_RISK ist.

check-summary-at-risk-launches =
    { $launches ->
        [one] 1 Launch AT_RISK, erste Fälligkeit { $date }
       *[other] { $launches } Launches AT_RISK, erste Fälligkeit { $date }
    }
check-summary-at-risk =
    heute blockiert nichts; { $risk } ({ $counts }) in { $locales ->
        [one] 1 Locale
       *[other] { $locales } Locales
    }
check-markdown-at-risk = glocal check: ⚠️ heute blockiert nichts; { $risk }

rule-unused-waiver = Eine Ausnahme der Roadmap betrifft keine Lücke eines Launches.
    .help = Eine Ausnahme entschuldigt Lücken, die eine Anforderung verursacht; eine, die nichts entschuldigt, ist veraltet oder nennt die falsche Anforderung. Die Ausnahme entfernen oder ihre Anforderung korrigieren.
# $reasons (String) - Texte von check-reason-*, durch Kommas getrennt; $due (String) - JJJJ-MM-TT
check-why = — { $reasons }, fällig am { $due }
# $market (String) - der Name des Markts
check-reason-storefront-default = Standard-Locale des Shops von { $market }
# $launch (String) - der Name des Launches
check-reason-launch-locale = ausgeliefert vom Launch { $launch }
# $requirement (String) - die Zusammenfassung der Anforderung
check-reason-requirement = verlangt von { $requirement }
# $requirement (String) - die Zusammenfassung; $reference (String) - die Rechtsgrundlage
check-reason-requirement-legal = verlangt von { $requirement } ({ $reference })
# $item (String) - die ID des Roadmap-Eintrags
check-reason-roadmap-item = Roadmap-Eintrag { $item }
# $variant (String) - der Name der Variante
check-reason-variant = verlangt von der Variante { $variant }

## glocal handoff

handoff-no-output = geben Sie an, wohin die Übergabe geschrieben wird: --xliff DIR, --csv DIR oder --ftl DIR
handoff-cannot-export = die Übergabe von { $roadmap } kann nicht exportiert werden
handoff-written = { $files ->
    [one] 1 Übergabedatei geschrieben
   *[other] { $files } Übergabedateien geschrieben
}
handoff-no-source-folder = die Prüfung hat keinen Quellordner, aus dem die Nachrichten gelesen werden können
handoff-import-refused = { $count ->
    [one] 1 Problem in den übersetzten Dateien; nichts wurde geschrieben
   *[other] { $count } Probleme in den übersetzten Dateien; nichts wurde geschrieben
}
handoff-bad-path = { $file }: { $path } ist kein Fluent-Dateipfad eines Locale-Baums; nichts wurde geschrieben
handoff-imported = { $messages ->
    [one] 1 Nachricht
   *[other] { $messages } Nachrichten
} in { $files ->
    [one] 1 Datei
   *[other] { $files } Dateien
} importiert
handoff-cannot-write = { $path } kann nicht geschrieben werden: { $error }

## glocal pseudo

pseudo-needs-out = ein Ordner braucht --out DIR für seine pseudolokalisierte Kopie
pseudo-written = { $files ->
    [one] 1 Datei ({ $transform }) nach { $out } geschrieben
   *[other] { $files } Dateien ({ $transform }) nach { $out } geschrieben
}
