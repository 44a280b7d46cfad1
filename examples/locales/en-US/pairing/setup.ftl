pairing-title = Pair your kettle
pairing-step-1 = Hold the power button for three seconds.
pairing-step-2 = Open the { -brand } app and tap “Add kettle”.
pairing-error-timeout = The kettle did not answer within { $seconds } seconds.
pairing-error-bluetooth = Turn on Bluetooth to pair your kettle.
