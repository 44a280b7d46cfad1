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

## Pour de nombreux champs.

# $max (Number) - le nombre maximal de caractères du champ
validation-too-long =
    { $max ->
        [one] dépasse { $max } caractère
        [many] dépasse { $max } de caractères
       *[other] dépasse { $max } caractères
    }
# Un champ de texte libre, comme un nom d’affichage, contient des caractères de contrôle.
validation-control-characters = contient des caractères de contrôle
# $value (String) - une entrée d’une liste (un code, une étiquette, un nom ou une phase) qu’une entrée précédente donne déjà
validation-listed-twice = { $value } figure deux fois dans la liste
# $value (String) - une entrée d’une liste d’identifiants ou de motifs de message qu’une entrée précédente donne déjà
validation-listed-twice-quoted = « { $value } » figure deux fois dans la liste

## Pays (ISO 3166-1), subdivisions (ISO 3166-2), blocs et devises (ISO 4217).
## $code (String) - la valeur donnée

# Le pays d’un marché est vide.
validation-country-required = est obligatoire (un code ISO 3166-1 alpha-2, par exemple « CA »)
validation-country-malformed = « { $code } » n’est pas un code de pays ISO 3166-1 alpha-2
# $alpha3 (String) - la valeur en tant que code alpha-3, par exemple USA
# $alpha2 (String) - le code alpha-2 de ce pays, par exemple US
validation-country-alpha3 = « { $code } » n’est pas un code de pays ISO 3166-1 alpha-2 (le code alpha-2 de { $alpha3 } est { $alpha2 })
# La valeur est UK, qui n’est pas un code ; le code du Royaume-Uni est GB.
validation-country-uk = « UK » n’est pas un code de pays ISO 3166-1 ; le code du Royaume-Uni est GB
validation-country-unassigned = « { $code } » n’est pas un code de pays ISO 3166-1 alpha-2 attribué
validation-subdivision-malformed = « { $code } » n’est pas un code de subdivision ISO 3166-2 de la forme CC-XXX (par exemple « CA-QC »)
# $reason (String) - pourquoi son code de pays est invalide : l’un des textes ci-dessus
validation-subdivision-country = dans la subdivision « { $code } » : { $reason }
# $code (String) - la subdivision, par exemple FR-IDF
# $country (String) - le code du pays dont elle fait partie, par exemple FR ; $countryName (String) - le nom anglais de ce pays
# $marketCountry (String) - le code du pays du marché, par exemple CA ; $marketCountryName (String) - son nom anglais
validation-subdivision-other-country = { $code } est une subdivision de { $country } ({ $countryName }), pas du pays du marché, { $marketCountry } ({ $marketCountryName })
# $known (String) - les codes des blocs que glocal connaît, séparés par des virgules
validation-bloc-unknown = « { $code } » n’est pas un bloc connu ; blocs connus : { $known }
# $country (String) - le code du pays du marché ; $countryName (String) - son nom anglais
# $bloc (String) - le code du bloc, par exemple EU ; $blocName (String) - son nom anglais, par exemple European Union
validation-bloc-not-member = { $country } ({ $countryName }) n’est pas membre de { $bloc } ({ $blocName })
# La devise d’un marché est vide.
validation-currency-required = est obligatoire (un code ISO 4217, par exemple « CAD »)
validation-currency-unknown = « { $code } » n’est pas un code de devise ISO 4217

## Marchés.

# Le marché n’indique aucune langue de vitrine.
validation-storefront-locales-required = nécessite au moins une étiquette de langue BCP 47 (par exemple « fr-CA »)
# $locale (String) - la langue par défaut donnée, par exemple de-DE
# $locales (String) - les langues de vitrine du marché, séparées par des virgules
validation-default-locale-not-listed = { $locale } ne fait pas partie des langues de vitrine [{ $locales }]
# Une clé des identifiants externes du marché est mal formée.
validation-external-id-key = les clés comptent de 1 à 64 lettres minuscules, chiffres et traits de soulignement (par exemple « amazon_marketplace_id »)
# Une valeur des identifiants externes du marché est vide ou trop longue.
validation-external-id-value = les valeurs comptent de 1 à 256 caractères

## Dates.

# $year (String) - l’année donnée
validation-date-year = l’année { $year } n’est pas comprise entre 1 et 9999
# $month (String) - le mois donné
validation-date-month = le mois { $month } n’est pas compris entre 1 et 12
# $day (String) - le jour donné
validation-date-day = le jour { $day } n’est pas un jour du mois
# $date (String) - la date donnée, AAAA-MM-JJ, par exemple 2023-02-29
validation-date-not-in-calendar = { $date } n’est pas une date du calendrier
# $value (String) - le texte donné
validation-date-format = « { $value } » n’est pas une date de la forme AAAA-MM-JJ

## Identifiants et noms de ressource. $name (String) - le nom donné

# $id (String) - l’identifiant donné ; $max (Number) - le nombre maximal de caractères d’un identifiant
validation-id-too-long =
    { $max ->
        [one] « { $id } » dépasse { $max } caractère
        [many] « { $id } » dépasse { $max } de caractères
       *[other] « { $id } » dépasse { $max } caractères
    }
# $id (String) - l’identifiant donné
validation-id-malformed = « { $id } » n’est pas un identifiant valide : utilisez des lettres minuscules, des chiffres et des traits d’union, en commençant par une lettre et sans finir par un trait d’union
# $pattern (String) - la forme attendue des noms, par exemple markets/{market}
validation-name-malformed = « { $name } » n’est pas un nom de ressource de la forme { $pattern }
validation-name-unknown-kind = « { $name } » n’est pas un nom de ressource comme markets/ca, requirements/r, products/p ou products/p/variants/v
# $reason (String) - pourquoi une partie du nom est invalide, par exemple sa langue : l’un des textes de ce fichier
validation-name-part = dans « { $name } » : { $reason }
# $reason (String) - pourquoi un identifiant du nom est invalide : validation-required, validation-id-too-long ou validation-id-malformed
validation-name-id = dans « { $name } » : l’identifiant { $reason }
# $locale (String) - la langue du nom avec la casse canonique, par exemple fr-CA
validation-name-locale-case = dans « { $name } » : écrivez la langue sous la forme { $locale }
# $pattern (String) - la forme attendue du nom, par exemple markets/{market}
validation-name-required = est obligatoire ({ $pattern })

## Bundles et leurs fichiers. $path (String) - le chemin de fichier donné

# Le chemin du fichier est vide.
validation-path-empty = est obligatoire (le chemin « » est vide)
# $max (Number) - le nombre maximal d’octets d’un chemin
validation-path-too-long =
    { $max ->
        [one] « { $path } » dépasse { $max } octet
        [many] « { $path } » dépasse { $max } d’octets
       *[other] « { $path } » dépasse { $max } octets
    }
validation-path-absolute = « { $path } » doit être relatif (pas de '/' au début)
validation-path-backslash = « { $path } » doit séparer les dossiers par '/', pas par '\'
validation-path-not-ftl = « { $path } » doit se terminer par .ftl
validation-path-segments = « { $path } » ne doit pas contenir de segments vides, '.' ou '..'
validation-path-control-characters = « { $path } » ne doit pas contenir de caractères de contrôle
# $name (String) - le nom de bundle donné
validation-bundle-name-malformed = « { $name } » n’est pas un nom de bundle de la forme products/{"{"}product{"}"}/bundles/{"{"}locale{"}"}

## Produits et variantes.

# La langue source du produit est vide.
validation-source-locale-required = est obligatoire (l’étiquette BCP 47 de la langue des textes, par exemple « en-US »)
# Le dossier des fichiers Fluent du produit est vide.
validation-directory-required = est obligatoire (par exemple « locales »)
# Le dossier des fichiers Fluent du produit est absolu ou utilise des barres obliques inverses.
validation-directory-relative = doit être un chemin relatif avec '/' comme séparateur
# Le layout des fichiers Fluent du produit ne contient pas l’espace réservé {locale}.
validation-layout-no-locale = doit contenir {"{"}locale{"}"} (par exemple « {"{"}locale{"}"}/**/*.ftl »)
# Le layout des fichiers Fluent du produit ne désigne pas des fichiers .ftl.
validation-layout-not-ftl = doit se terminer par .ftl (par exemple « {"{"}locale{"}"}/**/*.ftl »)
# Le layout des fichiers Fluent du produit sort de leur dossier.
validation-layout-outside = doit rester dans le dossier (pas de '/' au début, pas de '..')
# Le SKU de la variante est trop long ou contient des caractères de contrôle.
validation-sku = compte au plus 64 caractères imprimables
# Une clé des attributs de la variante est mal formée.
validation-attribute-key = les clés comptent de 1 à 64 lettres minuscules, chiffres, '-' et '_'
# Une valeur des attributs de la variante est trop longue.
validation-attribute-value = les valeurs comptent au plus 256 caractères

## Exigences.

# $pattern (String) - l’identifiant ou le motif de message donné
validation-message-pattern = « { $pattern } » n’est ni un identifiant de message Fluent ni un motif d’identifiants (par exemple « imprint-address » ou « imprint-* »)
# L’exigence n’a pas de juridiction ; country, subdivision et bloc sont des noms de champ.
validation-jurisdiction-required = est obligatoire : indiquez country, subdivision ou bloc
# Le type de l’exigence n’est pas précisé.
validation-kind-required = est obligatoire (par exemple REQUIREMENT_KIND_LEGAL_LANGUAGE)
# Le résumé de l’exigence est vide.
validation-summary-required = est obligatoire : dites ce que la règle exige
# $url (String) - l’URL source donnée
validation-url = « { $url } » n’est pas une URL http ou https
# $until (String) - le dernier jour en vigueur, AAAA-MM-JJ ; $from (String) - le premier (effective_from est un nom de champ)
validation-effective-until-before = { $until } est antérieur à effective_from { $from }
# $locale (String) - une langue qu’une règle précédente de l’exigence nomme déjà
validation-locale-two-rules = { $locale } a deux règles
# Une deuxième règle de langue de l’exigence indique must_be_default.
validation-one-default-locale = une seule langue peut être exigée comme langue par défaut

## Lancements et feuilles de route.

# $variant (String) - le nom de la variante ; $product (String) - le nom du produit du lancement
validation-launch-variant-of-other-product = { $variant } n’est pas une variante de { $product }
validation-weight = doit être un nombre fini d’au moins 0, pas { $value }
# Le lancement n’a aucune phase.
validation-phases-required = nécessite au moins une phase avec sa date
# Une phase du lancement n’est pas précisée ; ALPHA, BETA et GA sont ses valeurs.
validation-phase-required = est obligatoire (ALPHA, BETA ou GA)
# $phase (String) - une phase, par exemple GA ; $date (String) - sa date, AAAA-MM-JJ
# $earlierPhase (String) - la phase qui la précède, par exemple BETA ; $earlierDate (String) - sa date, qui est postérieure
validation-phase-order = { $phase } le { $date } précède { $earlierPhase } le { $earlierDate } ; les phases doivent se suivre dans l’ordre
# $selector (String) - l’entrée donnée : ni un identifiant de message, ni un motif d’identifiants, ni un chemin .ftl
validation-message-selector = « { $selector } » n’est ni un identifiant de message Fluent ni un motif d’identifiants (par exemple « imprint-address » ou « imprint-* ») ; un fichier se désigne par son chemin, par exemple « checkout/cart.ftl »
# $id (String) - l’identifiant de l’élément de feuille de route, qu’un élément précédent a aussi
validation-item-id-taken = « { $id } » est déjà utilisé par un autre élément
# L’élément de feuille de route ne désigne aucun message.
validation-messages-required = nécessite au moins un identifiant de message, un motif d’identifiants ou un chemin de fichier
# La dérogation ne donne pas de raison.
validation-waiver-reason-required = est obligatoire : dites pourquoi le manque est accepté
# La dérogation ne nomme pas qui l’a approuvée.
validation-waiver-approver-required = est obligatoire : dites qui a accepté le manque

## Limites d’une requête.

# La dernière violation d’une requête qui en a trop pour toutes les lister, à la place des autres.
# $count (Number) - combien de violations ont été laissées de côté
validation-more-violations =
    { $count ->
        [one] et { $count } autre violation, non listée
        [many] et { $count } d’autres violations, non listées
       *[other] et { $count } autres violations, non listées
    }
# Une liste ou une table d’une requête a plus d’entrées que glocal n’en accepte.
# $max (Number) - le nombre maximal d’entrées
validation-too-many-entries =
    { $max ->
        [one] ne peut pas avoir plus de { $max } entrée
        [many] ne peut pas avoir plus de { $max } d’entrées
       *[other] ne peut pas avoir plus de { $max } entrées
    }
