# Le tableau de bord de glocal (glocal serve --http-listen, glocal check --html).

## Formats d’affichage

# $year, $month, $day (String) - l’année, ainsi que le mois et le jour sur deux chiffres
dashboard-date = { $day }/{ $month }/{ $year }
# $value (String) - un nombre avec une décimale
dashboard-percent = { $value }{"\u202F"}%

## Cadre de la page

dashboard-app-name = tableau de bord glocal
dashboard-skip = Aller au contenu
dashboard-nav-products = Tous les produits
dashboard-logout = Se déconnecter
dashboard-language = Langue
# $date (String) - une date, $source (String) - le fichier du plan
dashboard-static-note = Écrit par glocal check le { $date } à partir de { $source } ; ouvrez le tableau de bord en direct avec glocal serve --http-listen.

## Produits

dashboard-products-title = Produits
dashboard-products-empty = Aucun produit pour l’instant. Importez un plan avec : glocal import PLAN.toml
dashboard-col-product = Produit
dashboard-col-source-locale = Langue source
dashboard-col-display-name = Nom

## Page du produit

# $product (String) - le nom affiché du produit
dashboard-product-title = { $product } : préparation à la localisation
dashboard-controls = Paramètres de la vérification
dashboard-controls-roadmap = Feuille de route
dashboard-controls-as-of = À la date du
dashboard-controls-window = Fenêtre avant une date de besoin (jours)
dashboard-controls-apply = Vérifier
dashboard-no-roadmap = Ce produit n’a pas encore de feuille de route : il n’y a donc rien à vérifier.
dashboard-verdict-label = Verdict de la feuille de route
dashboard-verdict-ready = Prêt
dashboard-verdict-at-risk = À risque
dashboard-verdict-blocked = Bloqué
# $date (String) - le jour de la vérification, $days (Number) - la fenêtre
dashboard-checked-as-of = Vérifié au { $date }, avec une fenêtre de { $days ->
    [one] { $days } jour
    [many] { $days } jours
   *[other] { $days } jours
} avant chaque date de besoin.

## Carte de chaleur

dashboard-heatmap-title = Couverture par lancement et par langue
dashboard-heatmap-intro = Chaque cellule est une langue dont un lancement a besoin : la part de ses messages nécessaires que sa chaîne de repli fournit complets et, en dessous, la part dans le bundle propre de la langue. Le symbole et la couleur indiquent le verdict du lancement.
# $percent (String) - le texte de dashboard-percent
dashboard-heatmap-own = propre { $percent }
dashboard-heatmap-optional = optionnelle
dashboard-heatmap-table = La carte de chaleur sous forme de tableau
dashboard-heatmap-empty = Aucun lancement de cette feuille de route n’a encore besoin d’une langue.
# $locale (String), $market (String), $effective (String) et $own (String) - pourcentages, $servedBy (String) - une langue ou dashboard-not-served
dashboard-cell-title = { $locale } pour { $market } : { $effective } fournis complets, { $own } dans son propre bundle ; fournie par : { $servedBy }.
dashboard-not-served = aucun bundle
# $reasons (String) - les raisons, séparées par des points-virgules
dashboard-cell-reasons = Raisons du besoin : { $reasons }
dashboard-cell-optional = Optionnelle : une langue de la boutique que le lancement ne livre pas.

## Pourquoi une langue est nécessaire

# $name (String) - le marché
dashboard-reason-storefront-default = la langue par défaut de la boutique ({ $name })
# $name (String) - le lancement
dashboard-reason-launch-locale = le lancement la livre ({ $name })
# $name (String) - l’exigence, $summary (String) - ce qu’elle dit
dashboard-reason-requirement = { $name } : { $summary }
# $name (String) - l’exigence, $summary (String) - ce qu’elle dit, $reference (String) - la référence juridique
dashboard-reason-law = loi { $name } : { $summary } ({ $reference })
# $name (String) - l’élément de feuille de route
dashboard-reason-roadmap-item = élément de feuille de route { $name }
# $name (String) - la variante
dashboard-reason-variant = variante { $name }
dashboard-obligation-mandatory = obligatoire
dashboard-obligation-recommended = recommandée

## Colonnes des tableaux

dashboard-col-launch = Lancement
dashboard-col-market = Marché
dashboard-col-locale = Langue
dashboard-col-date = Date de lancement
dashboard-col-verdict = Verdict du lancement
dashboard-col-effective = Fournis complets
dashboard-col-own = Bundle propre
dashboard-col-served-by = Fournie par
dashboard-col-reasons = Raisons du besoin
dashboard-col-need-date = Nécessaire le
dashboard-col-due = Échéance
dashboard-col-forecast = Prévision

## Chronologie

dashboard-timeline-title = Chronologie des lancements
dashboard-timeline-intro = Les phases de chaque lancement sur un axe de dates. La bande ombrée avant une date de besoin est la fenêtre pendant laquelle une traduction manquante bloque le lancement ; le losange est l’échéance, le cercle le jour prévu où les traductions seront terminées.
# $date (String)
dashboard-timeline-today = Aujourd’hui, { $date }
# $phase (String) - la phase, $date (String)
dashboard-timeline-phase = { $phase } à partir du { $date }
# $start (String), $end (String)
dashboard-timeline-window = Fenêtre du { $start } jusqu’à la date de besoin, le { $end }
# $date (String)
dashboard-timeline-due = Échéance le { $date }
# $date (String)
dashboard-timeline-eta = Prévision : traductions terminées le { $date }
dashboard-timeline-legend = Légende
dashboard-timeline-legend-window = fenêtre avant une date de besoin
dashboard-timeline-legend-due = échéance
dashboard-timeline-legend-eta = fin prévue
dashboard-phase-alpha = Phase alpha
dashboard-phase-beta = Phase bêta
dashboard-phase-ga = Disponibilité générale
dashboard-forecast-on-track = dans les temps
# $days (Number)
dashboard-forecast-late = { $days ->
    [one] { $days } jour de retard
    [many] { $days } jours de retard
   *[other] { $days } jours de retard
}
dashboard-forecast-no-data = historique insuffisant pour établir une prévision
dashboard-forecast-none = aucune prévision

## À faire

dashboard-todo-title = Ce qu’il faut traduire en premier
dashboard-todo-intro = Une tâche par bundle qui doit recevoir des traductions, classées selon ce qu’elles débloquent par jour restant (poids du lancement, multiplié par le facteur juridique quand une loi l’exige).
dashboard-todo-empty = Il ne reste rien à traduire pour ces lancements.
dashboard-col-rank = Rang
dashboard-col-bundle = Bundle cible
dashboard-col-messages = Nombre de messages
dashboard-col-words = Mots
dashboard-col-score = Score de priorité
dashboard-col-unblocks = Débloque
dashboard-col-handoff = Livraison
dashboard-todo-new-bundle = nouveau bundle
dashboard-todo-law = loi
# $date (String), $speed (String) - mots par jour, avec une décimale
dashboard-todo-eta = terminé le { $date } à { $speed } mots par jour
# $command (String)
dashboard-todo-static-hint = Fichiers de livraison pour les traducteurs : { $command }

## Constats

dashboard-findings-title = Constats
dashboard-findings-filter = Filtrer les constats
dashboard-filter-all = Tous
dashboard-filter-apply = Filtrer
dashboard-findings-shown = Constats affichés
dashboard-findings-none = Aucun constat.
dashboard-col-severity = Gravité
dashboard-col-rule = Règle
dashboard-col-place = Emplacement
dashboard-col-message = Message concerné
dashboard-col-detail = Problème constaté
dashboard-severity-error = Erreur
dashboard-severity-warning = Avertissement
dashboard-severity-info = Remarque
dashboard-roadmap-finding = la feuille de route

## Page du bundle

# $locale (String), $product (String)
dashboard-bundle-title = Bundle { $locale } de { $product }
# $translated (String), $total (String), $percent (String) - counts and a percent, formatted
dashboard-bundle-coverage = Messages source traduits : { $translated } sur { $total } ({ $percent })
# $missing (String), $incomplete (String), $obsolete (String) - counts, formatted
dashboard-bundle-counts = manquants : { $missing } ; incomplets : { $incomplete } ; absents de la source : { $obsolete }
dashboard-bundle-files = Fichiers
dashboard-bundle-diagnostics = Problèmes dans les fichiers
dashboard-bundle-no-diagnostics = Les fichiers s’analysent sans problème.
dashboard-bundle-source = Ceci est le bundle source : les autres sont comparés avec lui.
dashboard-col-file = Fichier
dashboard-col-line = Ligne
dashboard-col-size = Octets
dashboard-col-problems = Problèmes
dashboard-bundles = Bundles du produit

## Connexion et erreurs

dashboard-login-title = Connexion
dashboard-login-intro = Ce serveur exige un jeton d’accès. Un administrateur en crée un avec : glocal token new
dashboard-login-token = Jeton d’accès
dashboard-login-submit = Se connecter
dashboard-login-bad = Ce jeton n’est pas valide.
dashboard-error-title = Impossible d’afficher cette page
# $what (String)
dashboard-error-not-found = Introuvable : { $what }
# $role (String)
dashboard-error-forbidden = Un jeton ayant le rôle { $role } ne peut pas lire cette page.
dashboard-error-internal = Le serveur n’a pas pu construire cette page ; son journal en indique la raison.
dashboard-error-cross-site = Ce formulaire a été envoyé depuis la page d’un autre site ; il a donc été refusé. Connectez-vous depuis la page du tableau de bord lui-même.
# $host (String) - l’en-tête Host de la requête
dashboard-error-wrong-host = Ce tableau de bord n’a pas de jetons et ne répond qu’à un nom de boucle locale (localhost, 127.0.0.1, [::1]), pas à { $host }.
