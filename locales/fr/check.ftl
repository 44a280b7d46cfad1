# Textes de `glocal check` : lignes d’erreur, remarques, titres du rapport,
# lignes de synthèse et aide de chaque règle. Les variables sont remplies par
# le programme ; les noms des options (--source), les identifiants de règle
# (missing-message), les noms de fichier et l’espace réservé {"{"}locale{"}"}
# restent identiques dans toutes les langues.

## Lignes d’erreur (code de sortie 2), affichées après le préfixe d’erreur.

# $flag (String) - l’option de ligne de commande, comme --source
# $path (String) - le chemin indiqué
check-not-a-directory = { $flag } { $path } : dossier introuvable
check-cannot-read = impossible de lire { $path } : { $error }
check-history-bad-line = { $path }:{ $line } : pas un instantané de couverture : { $error }
check-not-utf8 = { $path } n’est pas du texte UTF-8 ; les fichiers Fluent doivent être en UTF-8
# Un dossier de l’arborescence des langues contient plus de dossiers que glocal n’en parcourt en suivant les liens symboliques.
# $path (String) - le dossier parcouru ; $max (Number) - le nombre maximal de dossiers parcourus sous un dossier
check-too-many-folders =
    { $max ->
        [one] { $path } contient plus de { $max } dossier (en suivant les liens symboliques) ; un lien symbolique sort-il de l’arborescence des langues ?
        [many] { $path } contient plus de { $max } de dossiers (en suivant les liens symboliques) ; un lien symbolique sort-il de l’arborescence des langues ?
       *[other] { $path } contient plus de { $max } dossiers (en suivant les liens symboliques) ; un lien symbolique sort-il de l’arborescence des langues ?
    }
# $format (String) - le format du rapport, comme SARIF ou JSON
check-cannot-write = impossible d’écrire le rapport { $format } dans { $path } : { $error }
check-no-mode = indiquez ce qu’il faut vérifier : --source DIR --l10n DIR (mode lint), --plan PLAN (mode plan) ou --server URL --roadmap NAME (mode serveur)
# $first, $second (String) - deux options qui choisissent des modes différents
check-two-modes = { $first } et { $second } choisissent des modes différents ; utilisez une seule des options --source/--l10n, --plan ou --server
check-lint-needs-both = le mode lint nécessite à la fois --source DIR et --l10n DIR ; il manque { $missing }
# $modes (String) - les modes, comme « modes plan et serveur »
check-flag-needs-mode = { $flag } ne s’applique qu’en { $modes }
check-modes-plan-and-server = modes plan et serveur
check-modes-server = mode serveur
check-modes-plan = mode plan
check-server-needs-roadmap = --server nécessite --roadmap products/PRODUCT/roadmaps/ROADMAP
# $why (String) - pourquoi la valeur est incorrecte (fourni par le programme, en anglais)
check-bad-locale = { $flag } { $value } : { $why }
check-bad-date = --as-of { $value } : { $why }
check-bad-min-coverage = { $why } (utilisez un pourcentage comme 80, ou LOCALE=PERCENT comme fr=95)
check-percent-out-of-range = le pourcentage doit être un nombre compris entre 0 et 100
# $what (String) - une langue, ou le texte de check-min-coverage-default
check-min-coverage-twice = --min-coverage indique { $what } deux fois
check-min-coverage-default = un minimum par défaut
check-bad-roadmap-name = --roadmap { $value } : { $why } (le mode serveur nécessite le nom complet, products/PRODUCT/roadmaps/ROADMAP)
check-bad-lang = --lang { $value } : glocal n’a pas de textes dans cette langue ; langues disponibles : { $available }
# $position (String) - fichier:ligne:colonne
# $more (Number) - nombre d’autres problèmes dans le fichier
check-bad-plan =
    { $more ->
        [0] { $position } : { $message }
        [one] { $position } : { $message } (et { $more } autre problème)
        [many] { $position } : { $message } (et { $more } autres problèmes)
       *[other] { $position } : { $message } (et { $more } autres problèmes)
    }
check-plan-without-fluent = { $plan } : le plan n’indique pas où se trouvent ses fichiers Fluent ; ajoutez une table [product.fluent] avec directory et layout (par exemple directory = "locales", layout = "{"{"}locale{"}"}/**/*.ftl")
check-bad-layout = { $plan } : [product.fluent] layout « { $layout } » : { $why }
check-layout-needs-locale-folder = {"{"}locale{"}"} doit être un nom de dossier complet, comme « {"{"}locale{"}"}/**/*.ftl »
check-layout-plain-prefix = les dossiers avant {"{"}locale{"}"} doivent être des noms simples
check-layout-needs-ftl = le motif après {"{"}locale{"}"}/ doit désigner des fichiers .ftl, comme « {"{"}locale{"}"}/**/*.ftl »
check-layout-bad-glob = le motif après {"{"}locale{"}"}/ n’est pas un glob valide : { $why }
check-no-source-folder = aucun dossier pour la langue source { $locale } dans { $dir }
check-plan-has-no-roadmap = { $plan } : --roadmap { $roadmap } : le plan n’a aucune feuille de route
# $known (String) - les identifiants des feuilles de route du plan, séparés par des virgules
check-unknown-roadmap = { $plan } : --roadmap { $roadmap } : le plan n’a pas de feuille de route de ce nom (feuilles de route du plan : { $known })
check-bad-baseline = --baseline { $path } : { $why }
check-baseline-not-a-report = ce n’est pas un rapport JSON écrit par glocal check --json ({ $why })
# $found, $supported (Number) - versions du schéma
check-baseline-schema = le rapport indique schema_version { $found } ; cette version de glocal lit schema_version { $supported } ou une version antérieure
# $why (String) - ce qui ne va pas dans la valeur (fourni par le programme, en anglais)
check-bad-market-window = { $why } (utilisez MARKET=DAYS, comme jp=30)
check-market-window-twice = --market-window indique { $market } deux fois
check-market-window-no-equals = « { $value } » ne contient pas de « = »
check-market-window-not-days = « { $value } » n’est pas un nombre de jours
check-push-failed = --push { $dir } : l’envoi a échoué (voir ci-dessus) ; rien n’a été vérifié

## Remarques, affichées avec le rapport et conservées dans le rapport JSON.

check-skipped-source-folder = { $folder }/ ignoré : c’est le dossier source
check-skipped-not-locale = { $folder }/ ignoré : ce n’est pas un dossier de langue ({ $why })
check-skipped-same-locale = { $folder }/ ignoré : même langue que { $first }/
# Un dossier de --l10n est un lien symbolique qui ne mène nulle part (ou à lui-même).
# $folder (String) - le nom du lien ; $error (String) - la raison donnée par le système
check-skipped-broken-link = { $folder }/ ignoré : lien symbolique qui ne mène nulle part ({ $error })
check-nothing-to-translate = { $source } ne contient aucun message Fluent : rien à traduire
check-no-locale-folders = aucun dossier de langue dans { $dir } : rien à comparer
check-html-plan-only = --html écrit la page du tableau de bord d’un plan : à utiliser avec --plan (un serveur sert son propre tableau de bord : glocal serve --http-listen)
# $plan (String) - le fichier du plan, $known (String) - ses feuilles de route
check-html-needs-roadmap = { $plan } a plusieurs feuilles de route ({ $known }) : indiquez avec --roadmap celle que --html affiche
check-plan-without-roadmaps = { $plan } n’a aucune feuille de route : rien à vérifier
check-requested-locale-missing = --locale { $locale } : aucun dossier ; signalée comme langue manquante
check-threshold-locale-unchecked = aucune langue vérifiée ne correspond à --min-coverage { $locale }=... : comptée comme couverte à 0 %
check-market-window-unused = --market-window { $market }=... : aucun lancement des feuilles de route vérifiées n’a lieu sur ce marché, la fenêtre ne change donc rien

# $kept, $total (Number) - résultats écrits, résultats trouvés
check-sarif-truncated =
    le rapport SARIF contient { $kept ->
        [one] { $kept } résultat
        [many] { $kept } résultats
       *[other] { $kept } résultats
    } sur { $total }, les plus graves en premier (--sarif-max-results) ; le rapport JSON les contient tous

## Le rapport texte.

# $mode (String) - lint, plan ou server
# $locales (Number) - nombre de langues vérifiées
check-text-title =
    glocal check ({ $mode }) : { $locales ->
        [one] { $locales } langue
        [many] { $locales } langues
       *[other] { $locales } langues
    } par rapport à { $source }
# $verdict (String) - READY, AT_RISK ou BLOCKED
check-roadmap-line = feuille de route { $name } au { $date } : { $verdict }
# $when (String) - le texte de check-days
check-launch-line = { $launch } sur le marché { $market } le { $date } ({ $when }) : { $verdict }
check-forecast-on-track = prévision ON_TRACK{ $eta ->
    [none] {""}
   *[other] {""}, terminé le { $eta }
}
check-forecast-late = prévision LATE de { $days ->
    [one] { $days } jour
    [many] { $days } jours
   *[other] { $days } jours
}, terminé le { $eta }
check-forecast-no-data = prévision NO_DATA (aucun progrès enregistré pour { $bundles })
# $days (Number) - jours restants avant la date ; négatif si elle est passée
check-days =
    { $days ->
        [0] aujourd’hui
        [1] dans 1 jour
        [one] dans { $days } jour
        [many] dans { $days } jours
       *[other] dans { $days } jours
    }
# $days (Number) - jours écoulés depuis la date
check-days-ago =
    { $days ->
        [one] il y a { $days } jour
        [many] il y a { $days } jours
       *[other] il y a { $days } jours
    }
check-market-heading = marché { $market }
check-no-market-heading = feuille de route
check-locale-served-by = { $locale } (fournie par { $bundle })
# Le bloc du rapport texte qui dit ce qui débloque les lancements.
check-todo-heading = à traduire, par échéance :
check-todo-line =
    échéance { $due } : { $locale } pour { $launch }, { $messages ->
        [one] { $messages } message
        [many] { $messages } messages
       *[other] { $messages } messages
    } ({ $words ->
        [one] { $words } mot
        [many] { $words } mots
       *[other] { $words } mots
    })
check-todo-blocks = bloque aujourd’hui
check-tasks-heading = tâches de traduction, la plus urgente d’abord :
check-task-line =
    { $rank }. { $locale }{ $new ->
        [yes] {" "}(nouveau bundle)
       *[no] {""}
    } : { $messages ->
        [one] { $messages } message
        [many] { $messages } messages
       *[other] { $messages } messages
    } ({ $words ->
        [one] { $words } mot
        [many] { $words } mots
       *[other] { $words } mots
    }), échéance { $due }, score { $score }
check-task-eta = terminé le { $eta } à { $speed } mots par jour
check-task-launch =
    pour { $launch } ({ $locales }, poids { $weight }{ $laws ->
        [none] {""}
       *[other] , loi : { $laws }
    })
check-markdown-tasks = Tâches de traduction, la plus urgente d’abord
check-column-rank = #
check-column-bundle = Bundle
check-column-score = Score
check-column-unblocks = Débloque
check-task-new-bundle = nouveau
check-task-law = loi
# $percent (String) - le texte de check-percent
check-locale-stats = { $translated }/{ $total } messages ({ $percent }), { $translatedWords }/{ $totalWords } mots
check-not-served = aucun bundle ne la fournit
# $value (String) - un nombre avec une décimale, comme 84.6
check-percent = { $value } %
check-threshold-failed = { $place } : la couverture de { $percent } est inférieure au minimum de { $minimum }
check-threshold-place = { $locale } sur le marché { $market }
check-baselined-mark = (dans la référence)
check-count-errors =
    { $count ->
        [one] { $count } erreur
        [many] { $count } erreurs
       *[other] { $count } erreurs
    }
check-count-warnings =
    { $count ->
        [one] { $count } avertissement
        [many] { $count } avertissements
       *[other] { $count } avertissements
    }
check-count-notes =
    { $count ->
        [one] { $count } remarque
        [many] { $count } remarques
       *[other] { $count } remarques
    }
check-count-baselined = { $count } déjà dans la référence
check-list-separator = {", "}
check-clause-separator = {" ; "}
check-note-line = remarque : { $note }
check-locale-line = { $locale } : { $stats }
check-decimal-separator = {","}
check-summary-passed =
    RÉUSSI : rien de bloquant ({ $counts }) dans { $locales ->
        [one] { $locales } langue
        [many] { $locales } langues
       *[other] { $locales } langues
    }
check-summary-failed =
    ÉCHEC : { $blocking ->
        [one] { $blocking } constat bloquant
        [many] { $blocking } constats bloquants
       *[other] { $blocking } constats bloquants
    } ({ $counts }) dans { $locales ->
        [one] { $locales } langue
        [many] { $locales } langues
       *[other] { $locales } langues
    }
check-summary-below-minimum =
    { $locales ->
        [one] { $locales } langue
        [many] { $locales } langues
       *[other] { $locales } langues
    } sous la couverture minimale

## Le rapport Markdown (un commentaire de pull request ou un résumé de job).

check-markdown-passed = glocal check : ✅ réussi
check-markdown-failed =
    glocal check : ❌ { $blocking ->
        [one] { $blocking } constat bloquant
        [many] { $blocking } constats bloquants
       *[other] { $blocking } constats bloquants
    }
check-column-market = Marché
check-column-locale = Langue
check-column-messages = Messages
check-column-words = Mots
check-column-coverage = Couverture
check-column-errors = Erreurs
check-column-warnings = Avertissements
check-column-launch = Lancement
check-column-date = Date
check-column-days = Jours
check-column-verdict = Verdict
check-column-where = Emplacement
check-column-rule = Règle
check-column-message = Message
check-column-detail = Détail
check-markdown-findings-all = Constats ({ $total })
check-markdown-findings-top = Principaux constats ({ $shown } sur { $total })
check-markdown-launches = Lancements
check-markdown-todo = Ce qui débloque les lancements
check-column-due = Échéance
check-markdown-coverage = Couverture
check-markdown-notes = Remarques
check-markdown-findings-left-out =
    … et { $count ->
        [one] { $count } autre constat
        [many] { $count } autres constats
       *[other] { $count } autres constats
    }, omis pour tenir dans un commentaire de pull request ; les rapports JSON, SARIF et JUnit les contiennent tous.
check-markdown-rows-left-out =
    … et { $count ->
        [one] { $count } autre ligne, omise
        [many] { $count } autres lignes, omises
       *[other] { $count } autres lignes, omises
    } pour tenir dans un commentaire de pull request.

## XML JUnit et annotations GitHub.

check-junit-suite-locales = langues
check-junit-suite-roadmap = feuille de route
check-junit-blocking =
    { $count ->
        [one] { $count } constat bloquant
        [many] { $count } constats bloquants
       *[other] { $count } constats bloquants
    }
check-junit-below-minimum = couverture inférieure au minimum

## Les règles : un résumé d’une ligne et un texte d’aide (SARIF, GitHub).

rule-min-coverage = La couverture d’une langue est inférieure à son minimum.
    .help = La part des messages source que la langue traduit entièrement (en modes plan et serveur : parmi les messages dont ses marchés ont besoin, repli compris) est inférieure au minimum défini avec --min-coverage. Traduisez les messages manquants ou abaissez le minimum.
rule-missing-locale = Aucun bundle ne fournit une langue nécessaire.
    .help = La langue n’a aucun fichier Fluent (mode lint), ou aucun bundle ne la satisfait selon sa politique de correspondance (modes plan et serveur). Tous les messages dont elle a besoin sont manquants. Ajoutez le dossier de la langue avec ses traductions.
rule-missing-message = Un message ou un terme source n’est pas traduit.
    .help = La source définit le message (ou le terme), la langue non. Le constat indique le fichier source : la traduction doit figurer dans le fichier de la langue ayant le même chemin.
rule-missing-value = La traduction n’a que des attributs, la source a une valeur.
    .help = Le message source a une valeur ; le message de la langue n’a que des attributs, donc le code qui formate le message n’obtient rien. Traduisez la valeur.
rule-missing-attribute = Un attribut source n’est pas traduit.
    .help = Le message source a l’attribut (`id.attr`) ; le message de la langue ne l’a pas. Ajoutez l’attribut à la traduction.
rule-obsolete-message = La langue définit un message que la source n’a plus.
    .help = Le message (ou le terme) n’est pas dans la source : il y a été supprimé ou renommé. Supprimez-le de la langue ou renommez-le.
rule-duplicate-id = Un identifiant est défini deux fois.
    .help = La langue définit l’identifiant deux fois (dans un même fichier, ou dans deux fichiers du bundle) ; Fluent utilise la première définition et ignore l’autre. N’en gardez qu’une.
rule-syntax-error = Une partie d’un fichier n’est pas du Fluent valide.
    .help = L’analyseur Fluent a rejeté une partie du fichier, à la position indiquée ; les entrées qui s’y trouvent sont perdues. Corrigez la syntaxe.
rule-unknown-variable = La traduction utilise une variable que la source ne transmet jamais.
    .help = La traduction utilise une `$variable` que le message source n’utilise nulle part : le code ne la transmet donc jamais et le lecteur voit un marqueur d’erreur. Utilisez les variables de la source.
rule-dropped-variable = La traduction omet une variable que la source affiche.
    .help = Une variante de la traduction n’affiche pas une `$variable` que la source affiche. Les variantes de pluriel exactes (`[one]`) et les langues n’ayant qu’une seule forme de pluriel peuvent omettre un nombre ; sinon, affichez-le.
rule-unresolved-reference = Une référence à un message ou à un terme ne renvoie à rien.
    .help = La traduction fait référence à un message ou à un terme (ou à l’un de ses attributs) que ni la langue ni la source ne définissent. Corrigez la référence ou ajoutez l’entrée.
rule-missing-plural-category = Il manque à une sélection de pluriel une catégorie dont la langue a besoin.
    .help = Il manque à une sélection numérique de la traduction une catégorie de pluriel CLDR de la langue (comme `few` et `many` en polonais), si bien que certains nombres obtiennent la variante par défaut. Ajoutez les variantes.
rule-identical-to-source = La traduction est identique au texte source.
    .help = Le texte traduit est identique à celui de la source, probablement laissé sans traduction. Traduisez-le, ou autorisez la copie avec --identical-allowed ID.
rule-unknown-message = Une feuille de route désigne un message que la source ne définit pas.
    .help = Un élément de feuille de route désigne un identifiant, un motif ou un fichier qui ne correspond à rien dans le bundle source. Ajoutez les messages à la source ou corrigez la feuille de route.
rule-fallback-used = Une langue est fournie par un autre bundle de sa chaîne de repli.
    .help = La langue nécessaire n’a pas de bundle propre ; un autre bundle de sa chaîne de repli CLDR (comme `fr` pour `fr-CA`) la fournit. Il s’agit d’une remarque, pas d’un problème.

check-modes-lint = mode lint
check-modes-lint-and-plan = modes lint et plan
rule-unknown-feature = Une variante inclut une fonctionnalité qu’aucun élément de la feuille de route n’a.
    .help = Les fonctionnalités d’une variante désignent des éléments de la feuille de route ; une qui n’en désigne aucun n’exige rien, ce qui est sans doute une faute de frappe. Corrigez les fonctionnalités de la variante ou ajoutez l’élément à la feuille de route.
check-folder-read-as = { $folder }/ n’est pas une étiquette de langue BCP 47 : il est signalé comme { $folder } et vérifié avec les données CLDR de { $tag }

## Mode serveur : la feuille de route par son id avec --product.

check-server-bad-product = --product { $value } : { $why }
check-server-product-mismatch = --roadmap { $roadmap } n’est pas une feuille de route de --product { $product } ; donnez l’un des deux, ou faites-les concorder
check-server-roadmap-needs-product = --roadmap { $value } est un id de feuille de route : donnez son produit avec --product PRODUCT, ou le nom complet products/PRODUCT/roadmaps/{ $value }
check-server-bad-roadmap-id = --roadmap { $value } : { $why }

## Le titre quand rien ne bloque aujourd’hui mais qu’un lancement est AT_RISK.

check-summary-at-risk-launches =
    { $launches ->
        [one] { $launches } lancement AT_RISK, première échéance le { $date }
        [many] { $launches } lancements AT_RISK, première échéance le { $date }
       *[other] { $launches } lancements AT_RISK, première échéance le { $date }
    }
check-summary-at-risk =
    rien de bloquant aujourd’hui ; { $risk } ({ $counts }) dans { $locales ->
        [one] { $locales } langue
        [many] { $locales } langues
       *[other] { $locales } langues
    }
check-markdown-at-risk = glocal check : ⚠️ rien de bloquant aujourd’hui ; { $risk }

rule-unused-waiver = Une dérogation de la feuille de route ne correspond à aucune lacune d’aucun lancement.
    .help = Une dérogation excuse les lacunes qu’une exigence cause ; une qui n’excuse rien est périmée ou désigne la mauvaise exigence. Supprimez la dérogation ou corrigez son exigence.
# $reasons (String) - textes de check-reason-*, séparés par des virgules ; $due (String) - AAAA-MM-JJ
check-why = — { $reasons }, échéance le { $due }
# $market (String) - le nom du marché
check-reason-storefront-default = langue par défaut de la boutique de { $market }
# $launch (String) - le nom du lancement
check-reason-launch-locale = livrée par le lancement { $launch }
# $requirement (String) - le résumé de l’exigence
check-reason-requirement = exigée par { $requirement }
# $requirement (String) - le résumé ; $reference (String) - la référence juridique
check-reason-requirement-legal = exigée par { $requirement } ({ $reference })
# $item (String) - l’identifiant de l’élément
check-reason-roadmap-item = élément de feuille de route { $item }
# $variant (String) - le nom de la variante
check-reason-variant = exigée par la variante { $variant }

## glocal handoff

handoff-no-output = indiquez où écrire la livraison : --xliff DIR, --csv DIR ou --ftl DIR
handoff-cannot-export = impossible d’exporter la livraison de { $roadmap }
handoff-written = { $files ->
    [one] { $files } fichier de livraison écrit
    [many] { $files } fichiers de livraison écrits
   *[other] { $files } fichiers de livraison écrits
}
handoff-no-source-folder = la vérification n’a pas de dossier source où lire les messages
handoff-import-refused = { $count ->
    [one] { $count } problème dans les fichiers traduits ; rien n’a été écrit
    [many] { $count } problèmes dans les fichiers traduits ; rien n’a été écrit
   *[other] { $count } problèmes dans les fichiers traduits ; rien n’a été écrit
}
handoff-bad-path = { $file } : { $path } n’est pas un chemin de fichier Fluent d’une arborescence de langues ; rien n’a été écrit
handoff-imported = { $messages ->
    [one] { $messages } message importé
    [many] { $messages } messages importés
   *[other] { $messages } messages importés
} dans { $files ->
    [one] { $files } fichier
    [many] { $files } fichiers
   *[other] { $files } fichiers
}
handoff-cannot-write = impossible d’écrire { $path } : { $error }

## glocal pseudo

pseudo-needs-out = un dossier a besoin de --out DIR pour sa copie pseudo-localisée
pseudo-written = { $files ->
    [one] { $files } fichier ({ $transform }) écrit dans { $out }
    [many] { $files } fichiers ({ $transform }) écrits dans { $out }
   *[other] { $files } fichiers ({ $transform }) écrits dans { $out }
}
