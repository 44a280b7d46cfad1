# Pourquoi une requête au service gRPC est invalide, au-delà de ce que vérifie
# le modèle (validation.ftl) : noms, jetons de page, masques, fichiers et
# limites. Envoyé en google.rpc.LocalizedMessage d’une violation de champ aux
# appelants qui envoient accept-language. Noms de champ et valeurs restent
# tels quels.
#
# Chaque texte suit le champ qu’il concerne, comme dans « page_token : n’est
# pas un jeton renvoyé par ce service » : la plupart commencent par un verbe.
# Les noms de ressource (markets/fr), de champ (next_page_token), de méthode
# (WriteBundleFiles) et le chemin * restent identiques dans toutes les langues.

## Champs obligatoires et noms de ressource

# $pattern (String) - la forme du nom de ressource, comme markets/{market}
request-name-required = est obligatoire (un nom de la forme { $pattern })
# $pattern (String) - la forme d’un nom de bundle : products/{product}/bundles/{locale}
request-bundle-name-required = est obligatoire ({ $pattern })
# $preset (String) - le nom du préréglage de marché de glocal : amazon-marketplaces
request-preset-required = est obligatoire (« { $preset } »)
# Pas de variable. Le champ est le nom du produit du plan.
request-plan-product-required = est obligatoire : un plan décrit un seul produit
# Pas de variable. Le champ est le nom d’un lancement qui n’a pas la forme
# products/{product}/launches/{launch}.
request-launch-name-invalid = n’est pas un nom de lancement

## Références à d’autres ressources

# $name (String) - le nom de la ressource référencée, comme markets/fr
request-reference-not-found = { $name } n’existe pas
# $variant (String) - le nom de la variante du lancement, comme products/kettle/variants/eu
# $market (String) - le nom du marché du lancement, comme markets/ca
request-launch-not-sold-in = la variante { $variant } n’est pas vendue sur le marché { $market } ; ajoutez d’abord le marché à la variante

# Une langue du lancement ne fait pas partie des langues de vitrine de son marché.
# $locale (String) - la langue du lancement, comme fr-FR
# $market (String) - le nom du marché du lancement, comme markets/ca
# $locales (String) - les langues de vitrine du marché, séparées par des virgules, comme en-CA, fr-CA
request-launch-locale-not-in-market = { $locale } ne fait pas partie des langues de vitrine du marché { $market } [{ $locales }]

## Valeurs

# $value (String) - le nombre envoyé pour un champ énuméré, comme 42
request-enum-unknown = { $value } n’est pas une valeur connue
# $value (String) - le nombre envoyé pour le type d’exigence, comme 42
request-requirement-kind-unknown = { $value } n’est pas un type d’exigence connu
# Pas de variable. Une taille, un nombre de jours ou une taille de page inférieurs à zéro.
request-not-negative = ne doit pas être négatif
# Pas de variable. Suit, entre parenthèses, la raison pour laquelle un
# google.type.Date n’est pas une date (comme « le mois 13 n’est pas compris entre 1 et 12 »).
request-date-incomplete = (une date complète, avec l’année, le mois et le jour, est obligatoire)
# $id (String) - l’identifiant de message envoyé, comme « hello world »
request-message-id-invalid = « { $id } » n’est pas un identifiant de message (comme « hello » ou « hello.title »)

## Jetons de page (page_token)

# Pas de variable. next_page_token est le champ de la réponse précédente.
request-page-token-invalid = n’est pas un jeton renvoyé par ce service ; transmettez next_page_token tel quel
# Pas de variable.
request-page-token-other-filters = a été émis pour d’autres filtres ; ne modifiez aucun champ autre que page_token d’une page à l’autre
# Pas de variable. Le jeton de page de ListRevisions.
request-revision-page-token-invalid = n’est pas un jeton renvoyé par ce service

## Masques de mise à jour (update_mask.paths)

# Pas de variable. « * » (tous les champs) est un chemin à lui seul.
request-mask-star-not-alone = « * » doit être le seul chemin
# $path (String) - le chemin indiqué, comme etag
request-mask-output-only = « { $path } » est un champ en sortie seule et ne peut pas être modifié
# $path (String) - le chemin indiqué, comme colour
# $fields (String) - les champs modifiables de la ressource, séparés par des virgules
request-mask-not-updatable = « { $path } » n’est pas un champ modifiable ; champs modifiables : { $fields }

## Fichiers d’un bundle (WriteBundleFiles)

# Pas de variable. replace est un champ de la requête.
request-bundle-files-empty = nécessite au moins un fichier (ou activez replace pour vider le bundle)
request-velocity-days = doit être compris entre 1 et { $max } jours
request-handoff-unit = { $problem }
request-handoff-target-language = trgLang { $language } n’est pas une étiquette de langue : { $problem }
request-handoff-nothing-translated = ne contient aucun message traduit : remplissez le <target> de chaque unité d’un message
# $count (Number) - nombre de fichiers de la requête
# $max (Number) - nombre maximal de fichiers par requête
request-bundle-too-many-files =
    { $count ->
        [one] contient { $count } fichier
        [many] contient { $count } fichiers
       *[other] contient { $count } fichiers
    } ; une requête en accepte au plus { $max } (envoyez plusieurs requêtes)
# $count (Number) - nombre de fichiers que le bundle contiendrait après la requête
# $max (Number) - nombre maximal de fichiers d'un bundle
request-bundle-too-many-stored-files =
    { $count ->
        [one] laisserait { $count } fichier dans le bundle
        [many] laisserait { $count } fichiers dans le bundle
       *[other] laisserait { $count } fichiers dans le bundle
    } ; un bundle en contient au plus { $max }
# $path (String) - le chemin du fichier dans le bundle, comme app/main.ftl
request-bundle-file-sent-twice = « { $path } » est envoyé deux fois
# $size (Number) - la taille du fichier, en octets
# $max (Number) - la taille maximale acceptée, en octets
request-bundle-file-too-large =
    { $size ->
        [one] fait { $size } octet
        [many] fait { $size } octets
       *[other] fait { $size } octets
    } ; { $max ->
        [one] un fichier peut faire au plus { $max } octet
        [many] un fichier peut faire au plus { $max } octets
       *[other] un fichier peut faire au plus { $max } octets
    }
# $size (Number) - la taille du fichier dans le stockage, texte et index, en octets
# $max (Number) - la taille maximale que garde le stockage, en octets
request-bundle-file-too-large-stored =
    { $size ->
        [one] occupe { $size } octet dans le stockage avec son index
        [many] occupe { $size } octets dans le stockage avec son index
       *[other] occupe { $size } octets dans le stockage avec son index
    } ; { $max ->
        [one] le stockage (etcd, par sa limite de requête) garde des fichiers d’au plus { $max } octet
        [many] le stockage (etcd, par sa limite de requête) garde des fichiers d’au plus { $max } octets
       *[other] le stockage (etcd, par sa limite de requête) garde des fichiers d’au plus { $max } octets
    } : scindez le fichier, ou augmentez --max-request-bytes d’etcd et --etcd-max-request-bytes de glocal
# Pas de variable. Un bundle ne peut pas être envoyé d’un seul bloc.
request-bundle-written-by-file = les bundles s’écrivent avec WriteBundleFiles

## Plans (ImportPlan)

# $name (String) - un nom de ressource, comme markets/fr
request-plan-duplicate = { $name } figure deux fois dans le plan
# $name (String) - le nom d’une variante, d’un lancement ou d’une feuille de route
# $product (String) - le nom du produit du plan, comme products/kettle
request-plan-other-product = { $name } n’appartient pas au produit { $product } du plan
# $target (String) - le nom de la ressource référencée, comme markets/fr
request-plan-reference-missing = { $target } ne figure ni dans le plan ni sur le serveur
# $from (String) - le nom de la ressource qui y fait référence
# $target (String) - le nom de la ressource référencée
request-plan-reference-deleted = { $from } fait référence à { $target }, qui a été supprimé entre-temps
# $target (String) - le nom de la ressource référencée, comme markets/fr.
# Dit par glocal check --plan, qui vérifie un fichier de plan sans serveur.
request-plan-reference-offline = { $target } ne figure ni dans le plan ni dans son préréglage de marché

## Arguments de RenderMessage (args)

# $count (Number) - nombre d’arguments de la requête
# $max (Number) - nombre maximal d’arguments par requête
request-render-too-many-args =
    { $count ->
        [one] contient { $count } argument
        [many] contient { $count } arguments
       *[other] contient { $count } arguments
    } ; une requête en accepte au plus { $max }
# $size (Number) - la taille du nom d’argument le plus long, en octets
# $max (Number) - la taille maximale acceptée d’un nom, en octets
request-render-arg-name-too-long =
    { $size ->
        [one] contient un nom d’argument de { $size } octet
        [many] contient un nom d’argument de { $size } octets
       *[other] contient un nom d’argument de { $size } octets
    } ; { $max ->
        [one] un nom peut faire au plus { $max } octet
        [many] un nom peut faire au plus { $max } octets
       *[other] un nom peut faire au plus { $max } octets
    }
# $name (String) - le nom de l’argument, comme count
# $size (Number) - la taille de sa valeur, en octets
# $max (Number) - la taille maximale acceptée d’une valeur, en octets
request-render-arg-value-too-long =
    { $size ->
        [one] la valeur de « { $name } » fait { $size } octet
        [many] la valeur de « { $name } » fait { $size } octets
       *[other] la valeur de « { $name } » fait { $size } octets
    } ; { $max ->
        [one] une valeur peut faire au plus { $max } octet
        [many] une valeur peut faire au plus { $max } octets
       *[other] une valeur peut faire au plus { $max } octets
    }

## URL du tableau de bord (glocal serve --http-listen)

# $value (String) - ce que l’URL a donné ; $max (Number)
request-window-days = « { $value } » n’est pas une fenêtre : indiquez un nombre entier de jours de 0 à { $max }
# $value (String) - ce que l’URL a donné
request-handoff-format-unknown = « { $value } » n’est pas un format de livraison ; utilisez xliff, csv ou ftl
# Pas de variable.
request-handoff-locale-missing = est obligatoire : la locale de la tâche à livrer
