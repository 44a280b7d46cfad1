# Pourquoi une valeur d’une requête ou d’une option est invalide : les
# descriptions des violations de champ (envoyées en google.rpc.LocalizedMessage
# aux appelants qui envoient accept-language) et les raisons dans les lignes
# d’erreur et les remarques de glocal check. Valeurs, étiquettes et noms de
# champ restent tels quels.

validation-required = est obligatoire

## Étiquettes de langue (BCP 47). $tag (String) - la valeur donnée

# $suggestion (String) - l’étiquette avec des traits d’union, par exemple fr-CA
validation-locale-underscore-fixable = « { $tag } » n’est pas une étiquette BCP 47 : les sous-étiquettes sont séparées par des traits d’union, comme dans « { $suggestion } »
validation-locale-underscore = « { $tag } » n’est pas une étiquette BCP 47 (les sous-étiquettes sont séparées par des traits d’union, par exemple « fr-CA »)
validation-locale-malformed = « { $tag } » n’est pas une étiquette de langue BCP 47 bien formée (par exemple « fr-CA »)
validation-locale-language-length = « { $tag } » ne commence pas par un code de langue ISO 639 de 2 ou 3 lettres (comme « fr » dans « fr-CA »)
validation-locale-no-language = « { $tag } » n’a pas de sous-étiquette de langue (« und » n’est pas une langue qu’un marché peut utiliser)
