# Das Dashboard von glocal (glocal serve --http-listen, glocal check --html).

## Formate

# $year, $month, $day (String) - das Jahr sowie Monat und Tag mit zwei Ziffern
dashboard-date = { $day }.{ $month }.{ $year }
# $value (String) - eine Zahl mit einer Nachkommastelle
dashboard-percent = { $value }{"\u00A0"}%

## Seitenrahmen

dashboard-app-name = glocal-Dashboard
dashboard-skip = Zum Inhalt springen
dashboard-nav-products = Alle Produkte
dashboard-logout = Abmelden
dashboard-language = Sprache
# $date (String) - ein Datum, $source (String) - die Plandatei
dashboard-static-note = Von glocal check am { $date } aus { $source } erstellt; das Live-Dashboard öffnen Sie mit glocal serve --http-listen.

## Produkte

dashboard-products-title = Produkte
dashboard-products-empty = Noch kein Produkt. Importieren Sie einen Plan mit: glocal import PLAN.toml
dashboard-col-product = Produkt
dashboard-col-source-locale = Quell-Locale
dashboard-col-display-name = Anzeigename

## Produktseite

# $product (String) - der Anzeigename des Produkts
dashboard-product-title = { $product }: Bereitschaft für die Lokalisierung
dashboard-controls = Prüfeinstellungen
dashboard-controls-roadmap = Zu prüfende Roadmap
dashboard-controls-as-of = Stichtag
dashboard-controls-window = Fenster vor einem Bedarfstermin (Tage)
dashboard-controls-apply = Prüfen
dashboard-no-roadmap = Dieses Produkt hat noch keine Roadmap, daher gibt es nichts zu prüfen.
dashboard-verdict-label = Bewertung der Roadmap
dashboard-verdict-ready = Bereit
dashboard-verdict-at-risk = Gefährdet
dashboard-verdict-blocked = Blockiert
# $date (String) - der Tag der Prüfung, $days (Number) - das Fenster
dashboard-checked-as-of = Geprüft mit Stichtag { $date }, mit einem Fenster von { $days ->
    [one] { $days } Tag
   *[other] { $days } Tagen
} vor jedem Bedarfstermin.

## Heatmap

dashboard-heatmap-title = Abdeckung nach Markteinführung und Locale
dashboard-heatmap-intro = Jede Zelle ist eine Locale, die eine Markteinführung benötigt: der Anteil ihrer benötigten Nachrichten, die ihre Fallback-Kette vollständig bereitstellt, und darunter der Anteil im eigenen Bundle der Locale. Symbol und Farbe zeigen die Bewertung der Markteinführung.
# $percent (String) - der Text von dashboard-percent
dashboard-heatmap-own = eigen { $percent }
dashboard-heatmap-optional = fakultativ
dashboard-heatmap-table = Die Heatmap als Tabelle
dashboard-heatmap-empty = Noch keine Markteinführung dieser Roadmap benötigt eine Locale.
# $locale (String), $market (String), $effective (String) und $own (String) - Prozentwerte, $servedBy (String) - eine Locale oder dashboard-not-served
dashboard-cell-title = { $locale } für { $market }: { $effective } vollständig bereitgestellt, { $own } im eigenen Bundle, bereitgestellt von: { $servedBy }.
dashboard-not-served = kein Bundle
# $reasons (String) - die Gründe, durch Semikolons getrennt
dashboard-cell-reasons = Benötigt, weil: { $reasons }
dashboard-cell-optional = Optional: eine Storefront-Locale, die die Markteinführung nicht ausliefert.

## Warum eine Locale benötigt wird

# $name (String) - der Markt
dashboard-reason-storefront-default = die Standard-Locale des Shops ({ $name })
# $name (String) - die Markteinführung
dashboard-reason-launch-locale = die Markteinführung liefert sie aus ({ $name })
# $name (String) - die Anforderung, $summary (String) - was sie besagt
dashboard-reason-requirement = { $name }: { $summary }
# $name (String) - die Anforderung, $summary (String) - was sie besagt, $reference (String) - die Rechtsgrundlage
dashboard-reason-law = Gesetz { $name }: { $summary } ({ $reference })
# $name (String) - der Roadmap-Eintrag
dashboard-reason-roadmap-item = Roadmap-Eintrag { $name }
# $name (String) - die Variante
dashboard-reason-variant = Variante { $name }
dashboard-obligation-mandatory = verpflichtend
dashboard-obligation-recommended = empfohlen

## Tabellenspalten

dashboard-col-launch = Markteinführung
dashboard-col-market = Markt
dashboard-col-locale = Ziel-Locale
dashboard-col-date = Einführungsdatum
dashboard-col-verdict = Bewertung
dashboard-col-effective = Vollständig bereitgestellt
dashboard-col-own = Eigenes Bundle
dashboard-col-served-by = Bereitgestellt von
dashboard-col-reasons = Benötigt, weil
dashboard-col-need-date = Benötigt am
dashboard-col-due = Fällig
dashboard-col-forecast = Prognose

## Zeitleiste

dashboard-timeline-title = Zeitleiste der Markteinführungen
dashboard-timeline-intro = Die Phasen jeder Markteinführung auf einer Datumsachse. Das schattierte Band vor einem Bedarfstermin ist das Fenster, in dem eine fehlende Übersetzung die Markteinführung blockiert; die Raute ist der Fälligkeitstermin, der Kreis der prognostizierte Tag, an dem die Übersetzungen fertig sind.
# $date (String)
dashboard-timeline-today = Heute, { $date }
# $phase (String) - die Phase, $date (String)
dashboard-timeline-phase = { $phase } ab { $date }
# $start (String), $end (String)
dashboard-timeline-window = Fenster vom { $start } bis zum Bedarfstermin { $end }
# $date (String)
dashboard-timeline-due = Fällig am { $date }
# $date (String)
dashboard-timeline-eta = Prognose: Übersetzungen fertig am { $date }
dashboard-timeline-legend = Legende
dashboard-timeline-legend-window = Fenster vor einem Bedarfstermin
dashboard-timeline-legend-due = Fälligkeitstermin
dashboard-timeline-legend-eta = prognostizierte Fertigstellung
dashboard-phase-alpha = Alphaphase
dashboard-phase-beta = Betaphase
dashboard-phase-ga = Allgemeine Verfügbarkeit
dashboard-forecast-on-track = im Plan
# $days (Number)
dashboard-forecast-late = { $days ->
    [one] { $days } Tag zu spät
   *[other] { $days } Tage zu spät
}
dashboard-forecast-no-data = zu wenig Verlauf für eine Prognose
dashboard-forecast-none = keine Prognose

## Aufgaben

dashboard-todo-title = Was zuerst übersetzt werden sollte
dashboard-todo-intro = Eine Aufgabe je Bundle, das Übersetzungen erhalten soll, geordnet danach, was es pro verbleibendem Tag freigibt (Gewicht der Markteinführung, mal dem rechtlichen Faktor, wenn ein Gesetz es verlangt).
dashboard-todo-empty = Für diese Markteinführungen ist nichts mehr zu übersetzen.
dashboard-col-rank = Rang
dashboard-col-bundle = Ziel-Bundle
dashboard-col-messages = Nachrichten
dashboard-col-words = Wörter
dashboard-col-score = Punktzahl
dashboard-col-unblocks = Gibt frei
dashboard-col-handoff = Übergabe
dashboard-todo-new-bundle = neues Bundle
dashboard-todo-law = Gesetz
# $date (String), $speed (String) - Wörter pro Tag, eine Nachkommastelle
dashboard-todo-eta = fertig am { $date } bei { $speed } Wörtern pro Tag
# $command (String)
dashboard-todo-static-hint = Übergabedateien für Übersetzer: { $command }

## Befunde

dashboard-findings-title = Befunde
dashboard-findings-filter = Befunde filtern
dashboard-filter-all = Alle
dashboard-filter-apply = Filtern
dashboard-findings-shown = Angezeigte Befunde
dashboard-findings-none = Keine Befunde.
dashboard-col-severity = Schweregrad
dashboard-col-rule = Regel
dashboard-col-place = Stelle
dashboard-col-message = Nachricht
dashboard-col-detail = Was falsch ist
dashboard-severity-error = Fehler
dashboard-severity-warning = Warnung
dashboard-severity-info = Hinweis
dashboard-roadmap-finding = die Roadmap

## Bundle-Seite

# $locale (String), $product (String)
dashboard-bundle-title = Bundle { $locale } von { $product }
# $translated (String), $total (String), $percent (String) - counts and a percent, formatted
dashboard-bundle-coverage = { $translated } von { $total } Quellnachrichten übersetzt ({ $percent })
# $missing (String), $incomplete (String), $obsolete (String) - counts, formatted
dashboard-bundle-counts = fehlend: { $missing }, unvollständig: { $incomplete }, nicht in der Quelle: { $obsolete }
dashboard-bundle-files = Dateien
dashboard-bundle-diagnostics = Probleme in den Dateien
dashboard-bundle-no-diagnostics = Die Dateien lassen sich ohne Probleme parsen.
dashboard-bundle-source = Dies ist das Quell-Bundle: Die anderen werden mit ihm verglichen.
dashboard-col-file = Datei
dashboard-col-line = Zeile
dashboard-col-size = Größe (Bytes)
dashboard-col-problems = Probleme
dashboard-bundles = Bundles des Produkts

## Anmeldung und Fehler

dashboard-login-title = Anmelden
dashboard-login-intro = Dieser Server benötigt ein Zugriffstoken. Ein Administrator erstellt eines mit: glocal token new
dashboard-login-token = Zugriffstoken
dashboard-login-submit = Anmelden
dashboard-login-bad = Dieses Token ist ungültig.
dashboard-error-title = Diese Seite kann nicht angezeigt werden
# $what (String)
dashboard-error-not-found = Nicht gefunden: { $what }
# $role (String)
dashboard-error-forbidden = Ein Token mit der Rolle { $role } darf diese Seite nicht lesen.
dashboard-error-internal = Der Server konnte diese Seite nicht erstellen; sein Protokoll nennt den Grund.
dashboard-error-cross-site = Dieses Formular wurde von der Seite einer anderen Website gesendet und deshalb abgewiesen. Melden Sie sich auf der Seite des Dashboards selbst an.
# $host (String) - der Host-Header der Anfrage
dashboard-error-wrong-host = Dieses Dashboard hat keine Tokens und antwortet nur auf einen Loopback-Namen (localhost, 127.0.0.1, [::1]), nicht auf { $host }.
