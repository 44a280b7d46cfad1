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
