pairing-title = Wasserkocher koppeln
pairing-step-1 = Halten Sie die Ein-Taste drei Sekunden lang gedrückt.
pairing-step-2 = Öffnen Sie die { -brand }-App und tippen Sie auf „Wasserkocher hinzufügen“.
pairing-error-timeout = Der Wasserkocher hat nicht innerhalb von { $seconds } Sekunden geantwortet.
pairing-error-bluetooth = Schalten Sie Bluetooth ein, um Ihren Wasserkocher zu koppeln.
