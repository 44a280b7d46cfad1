# Fehlertexte: die Fehlermeldungen des gRPC-Dienstes (als
# google.rpc.LocalizedMessage an Aufrufer gesendet, die accept-language senden)
# und das Präfix der Fehlerzeilen der Kommandozeile. Ressourcennamen, Feldpfade
# und ETags bleiben in jeder Sprache unverändert.

# Das Präfix einer Fehlerzeile der Kommandozeile, vor der Meldung.
error-line = Fehler: { $message }

# $count (Number) - wie viele Felder ungültig sind
# $fields (String) - ihre Pfade, etwa market.country, durch Kommas getrennt
api-invalid-request =
    { $count ->
        [one] Die Anfrage enthält ein ungültiges Feld: { $fields }. Die Feldverletzungen (field violations) geben an, was falsch ist.
       *[other] Die Anfrage enthält { $count } ungültige Felder: { $fields }. Die Feldverletzungen (field violations) geben an, was falsch ist.
    }
api-unknown-preset = Es gibt keine Marktvorlage mit diesem Namen; bekannte Vorlagen: { $presets }.
api-invalid-page-token = Das Seitentoken wurde nicht von diesem Server für diese Anfrage ausgestellt; ohne Seitentoken neu beginnen.
# $name (String) - der Ressourcenname, etwa markets/fr
api-not-found = { $name } existiert nicht.
api-already-exists = { $name } existiert bereits.
api-etag-mismatch = { $name } wurde seit dem letzten Lesen geändert; erneut lesen und den Vorgang wiederholen.
# $referrers (String) - die Namen der Ressourcen, die es verwenden, durch Kommas getrennt
api-in-use = { $name } wird noch von { $referrers } verwendet; zuerst die verweisenden Ressourcen ändern oder löschen.
api-internal = Der Server konnte die Anfrage nicht verarbeiten; Details stehen in seinem Protokoll.
api-cancelled = Der Aufruf wurde abgebrochen, bevor seine Arbeit beendet war.
api-store-unavailable = Der Server kann gerade keine Daten speichern (sein Datenträger oder sein Datenbank-Cluster fällt aus); gleich noch einmal versuchen.
api-undecodable = Die Anfrage ist keine gültige Nachricht dieser Methode (etwa ein Textfeld, das kein UTF-8 ist).
api-deadline-exceeded = Der Aufruf dauerte länger als die Grenze des Servers von { $seconds } Sekunden.
api-overloaded = Der Server ist ausgelastet; gleich noch einmal versuchen.
api-unauthenticated = { $method } braucht ein Token: die Metadaten "authorization: Bearer TOKEN" senden (GLOCAL_TOKEN für die Befehle von glocal).
api-permission-denied = { $principal } hat die Rolle { $role } und darf { $method } nicht aufrufen; dafür ist die Rolle { $needed } nötig.

# Ein Eintrag der errors von RenderMessage: eine Datei, die beim Formatieren
# ausgelassen wurde, weil sie beim Hochladen nicht geparst wurde.
# $path (String) - der Pfad der Datei im Bundle, etwa app/main.ftl
# $locale (String) - die Locale des Bundles, etwa fr
render-file-refused = { $path } des Bundles { $locale } wurde ausgelassen: Die Datei wurde beim Hochladen ungeparst abgelehnt (siehe ihren Syntaxfehler) und liefert daher keine Nachrichten
render-not-translated = { $id } ist für { $locale } nicht übersetzt (gesucht in { $chain }): Die Quelle { $source } liefert die Nachricht, wie es der letzte Fallback einer Laufzeitumgebung täte

# Die Kommandozeile kann den Server von --server nicht nutzen (Fehlerzeilen).
client-server-refused = der glocal-Server unter { $url } ist nicht erreichbar: dort lauscht nichts (Verbindung abgelehnt); starten Sie einen mit `glocal serve --listen { $address }`
client-server-unreachable = der glocal-Server unter { $url } ist nicht erreichbar: { $error }
client-token-missing = GLOCAL_TOKEN auf ein Token aus der Token-Datei des Servers setzen
client-token-unknown = der Server kennt das Token in GLOCAL_TOKEN nicht
client-server-not-grpc = der glocal-Server unter { $url } ist nicht erreichbar: dort antwortet etwas, aber kein gRPC-Server ({ $error }); prüfen Sie die Adresse oder starten Sie glocal auf einem freien Port mit `glocal serve --listen HOST:PORT`
client-server-not-glocal = der glocal-Server unter { $url } ist nicht erreichbar: dort antwortet ein gRPC-Server, aber ohne die Dienste von glocal (UNIMPLEMENTED); prüfen Sie die Adresse oder starten Sie glocal auf einem freien Port mit `glocal serve --listen HOST:PORT`
api-change-too-large = Diese Änderung ist zu groß für eine Transaktion der Datenbank des Servers: Sie braucht { $operations } Operationen und { $bytes } Bytes, die Datenbank nimmt { $max_operations } Operationen und { $max_bytes } Bytes an. Eine kleinere Änderung senden (weniger Ressourcen oder Dateien pro Anfrage) oder den Betrieb bitten, --max-txn-ops und --max-request-bytes von etcd sowie --etcd-max-txn-ops und --etcd-max-request-bytes von glocal zu erhöhen.
