pairing-title = Associer votre bouilloire
pairing-step-1 = Maintenez le bouton marche pendant trois secondes.
pairing-step-2 = Ouvrez l’application { -brand } et touchez « Ajouter une bouilloire ».
pairing-error-timeout = La bouilloire n’a pas répondu en { $seconds } secondes.
