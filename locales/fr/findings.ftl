# Les détails des constats : ce que la vérification a trouvé sur un message
# d’une langue. Les rapports les affichent après l’identifiant de la règle et
# celui du message. Les identifiants de message, les variables ($name), les
# noms de fichier, les étiquettes de langue et les sélecteurs restent
# identiques dans toutes les langues.

## Beaucoup de détails indiquent quelle partie d’un message ils concernent :
## $part (String) - value ou attribute ; $attribute (String) - le nom de l’attribut

# $count (Number) - messages et termes de la source
finding-missing-locale =
    { $count ->
        [one] la langue n’a aucun fichier de bundle ; la source compte { $count } message ou terme
        [many] la langue n’a aucun fichier de bundle ; la source compte { $count } messages et termes
       *[other] la langue n’a aucun fichier de bundle ; la source compte { $count } messages et termes
    }
# $parser (String) - le message de l’analyseur Fluent, en anglais
# $line, $column (Number) - l’endroit où se termine le texte illisible
finding-syntax-error = { $parser } (jusqu’à la ligne { $line }, colonne { $column })
# $id (String) - l’identifiant du message ; $line (Number) - la ligne de sa première définition
finding-duplicate-in-file = identifiant { $id } en double, première définition à la ligne { $line }
# $file (String) - le fichier de la première définition
finding-duplicate-in-bundle = identifiant { $id } en double, première définition dans { $file }
# $kind (String) - message ou term
finding-missing-message =
    { $kind ->
        [term] le terme { $id } n’est pas traduit
       *[message] le message { $id } n’est pas traduit
    }
finding-missing-value = { $id } a une valeur dans la source, mais ici seulement des attributs
finding-missing-attribute = l’attribut .{ $attribute } manque dans { $id }
finding-obsolete-message =
    { $kind ->
        [term] le terme { $id } n’est pas dans la source
       *[message] le message { $id } n’est pas dans la source
    }
# $variables (String) - les variables, comme « $user, $count »
finding-unknown-variable =
    { $part ->
        [attribute] l’attribut .{ $attribute } utilise { $variables }, que le message source n’utilise jamais
       *[value] la valeur utilise { $variables }, que le message source n’utilise jamais
    }
# $variable (String) - le nom d’une variable, sans $
# $variants (String) - les textes de finding-own-text ou finding-variant, séparés par des virgules
finding-dropped-variable =
    { $part ->
        [attribute] l’attribut .{ $attribute } omet ${ $variable }, que la source affiche, dans { $variants }
       *[value] la valeur omet ${ $variable }, que la source affiche, dans { $variants }
    }
# Le texte d’un motif sans variantes.
finding-own-text = son texte
# $keys (String) - les clés de la variante, comme [one] ou [masculine][other]
finding-variant = la variante { $keys }
finding-identical-to-source =
    { $part ->
        [attribute] l’attribut .{ $attribute } reprend le texte source, sans traduction
       *[value] la valeur reprend le texte source, sans traduction
    }
# $reference (String) - l’identifiant référencé, comme -brand ou menu.title
finding-unresolved-reference =
    { $part ->
        [attribute]
            { $kind ->
                [term] l’attribut .{ $attribute } fait référence au terme { $reference }, que ni la langue ni la source ne définissent
               *[message] l’attribut .{ $attribute } fait référence au message { $reference }, que ni la langue ni la source ne définissent
            }
       *[value]
            { $kind ->
                [term] la valeur fait référence au terme { $reference }, que ni la langue ni la source ne définissent
               *[message] la valeur fait référence au message { $reference }, que ni la langue ni la source ne définissent
            }
    }
# $selector (String) - le sélecteur, comme $count
# $missing, $categories (String) - catégories de pluriel CLDR, comme « few, many »
# $locale (String) - la langue
finding-missing-plural-category =
    { $part ->
        [attribute] l’attribut .{ $attribute } sélectionne selon { $selector } sans les catégories de pluriel { $missing } ({ $locale } nécessite { $categories })
       *[value] la valeur sélectionne selon { $selector } sans les catégories de pluriel { $missing } ({ $locale } nécessite { $categories })
    }

## Vérifications des feuilles de route.

# $item (String) - l’identifiant de l’élément de feuille de route ; $selector (String) - ce qu’il désigne
finding-unknown-message = l’élément de feuille de route « { $item } » désigne « { $selector } », que le bundle source ne définit pas
# $locale (String) - la langue nécessaire ; $bundle (String) - le bundle qui la fournit
finding-fallback-used = le bundle { $bundle } fournit { $count } des { $needed } messages nécessaires
# $policy (String) - la politique de correspondance : EXACT, CLDR_FALLBACK ou SAME_LANGUAGE
# $count (Number) - messages nécessaires ; $words (Number) - leurs mots
finding-no-bundle-serves =
    { $count ->
        [one] aucun bundle ne fournit { $locale } selon la politique { $policy } ; il manque { $count } message nécessaire ({ $words } mots)
        [many] aucun bundle ne fournit { $locale } selon la politique { $policy } ; il manque { $count } messages nécessaires ({ $words } mots)
       *[other] aucun bundle ne fournit { $locale } selon la politique { $policy } ; il manque { $count } messages nécessaires ({ $words } mots)
    }
# Après le détail d’un constat dans un bundle qui fournit une autre langue.
finding-served-by = (dans le bundle { $bundle }, qui fournit { $locale })
# Après le détail d’un manque couvert par des dérogations.
# $waivers (String) - textes de finding-waiver, séparés par des points-virgules
finding-waived = ({ $waivers })
# Après le détail d’un constat sur une langue de vitrine optionnelle (que le
# lancement ne livre pas et qu’aucune exigence n’impose) : INFO seulement.
# $locale (String) - la langue, comme fr-FR
finding-optional-locale = (optionnel : le lancement ne livre pas { $locale })
# $requirement (String) - le nom de l’exigence ; $approver (String) - qui l’a approuvée
# $expiry (String) - le dernier jour, AAAA-MM-JJ ; $reason (String) - pourquoi, dans les termes de la dérogation
finding-waiver = dérogation pour { $requirement } approuvée par { $approver } jusqu’au { $expiry } : { $reason }
finding-waiver-open-ended = dérogation pour { $requirement } approuvée par { $approver } jusqu’à nouvel ordre : { $reason }

# Après le détail d’un message manquant quand des bundles de sa chaîne de repli ont aussi été consultés.
# $bundles (String) - les bundles consultés, dans l’ordre, séparés par des virgules
finding-looked-in = (cherché dans { $bundles })
# $variant (String) - le nom de la variante ; $feature (String) - l’identifiant de la fonctionnalité ; $items (String) - les éléments de la feuille de route, séparés par des virgules
finding-unknown-feature = la variante { $variant } inclut la fonctionnalité « { $feature } », qu’aucun élément des feuilles de route du produit n’a (éléments de cette feuille de route : { $items })

# $item (String) - l’identifiant de l’élément ; $requirement (String) - le nom de l’exigence ; $approver (String) - qui l’a approuvée
finding-unused-waiver = la dérogation de l’élément { $item } pour { $requirement } (approuvée par { $approver }) ne correspond à aucune lacune d’aucun lancement
