# Textes des erreurs : les messages d’erreur du service gRPC (envoyés sous
# forme de google.rpc.LocalizedMessage aux appelants qui envoient
# accept-language) et le préfixe des lignes d’erreur de la ligne de commande.
# Les noms de ressource, les chemins de champ et les etags restent identiques
# dans toutes les langues.

# Le préfixe d’une ligne d’erreur de la ligne de commande, avant le message.
error-line = erreur : { $message }

# $count (Number) - nombre de champs non valides
# $fields (String) - leurs chemins, comme market.country, séparés par des virgules
api-invalid-request =
    { $count ->
        [one] La requête contient un champ non valide : { $fields }. Les violations de champ indiquent le problème.
        [many] La requête contient { $count } champs non valides : { $fields }. Les violations de champ indiquent le problème.
       *[other] La requête contient { $count } champs non valides : { $fields }. Les violations de champ indiquent le problème.
    }
api-unknown-preset = Il n’existe aucun préréglage de marché de ce nom ; préréglages connus : { $presets }.
api-invalid-page-token = Ce jeton de page n’a pas été émis par ce serveur pour cette requête ; recommencez sans jeton de page.
# $name (String) - le nom de la ressource, comme markets/fr
api-not-found = { $name } n’existe pas.
api-already-exists = { $name } existe déjà.
api-etag-mismatch = { $name } a été modifié depuis votre dernière lecture ; relisez-le et réessayez.
# $referrers (String) - les noms des ressources qui l’utilisent, séparés par des virgules
api-in-use = { $name } est encore utilisé par { $referrers } ; modifiez ou supprimez d’abord les ressources qui l’utilisent.
api-internal = Le serveur n’a pas pu traiter la requête ; son journal contient les détails.
api-cancelled = L’appel a été annulé avant la fin de son travail.
api-store-unavailable = Le serveur ne peut pas enregistrer de données pour le moment (son disque ou son cluster de base de données est défaillant) ; réessayez dans un instant.
api-undecodable = La requête n’est pas un message valide de cette méthode (par exemple un champ de texte qui n’est pas en UTF-8).
api-deadline-exceeded = L’appel a duré plus longtemps que la limite du serveur de { $seconds } secondes.
api-overloaded = Le serveur est occupé ; réessayez dans un instant.
api-unauthenticated = { $method } demande un jeton : envoyez la métadonnée « authorization: Bearer TOKEN » (GLOCAL_TOKEN pour les commandes de glocal).
api-permission-denied = { $principal } a le rôle { $role } et ne peut pas appeler { $method }, qui demande le rôle { $needed }.

# Une entrée des errors de RenderMessage : un fichier laissé de côté pour le
# formatage, car il n’a pas été analysé lors de son envoi.
# $path (String) - le chemin du fichier dans le bundle, comme app/main.ftl
# $locale (String) - la locale du bundle, comme fr
render-file-refused = { $path } du bundle { $locale } a été laissé de côté : il a été refusé sans être analysé lors de son envoi (voir son erreur de syntaxe), il ne fournit donc aucun message
render-not-translated = { $id } n’est pas traduit pour { $locale } (cherché dans { $chain }) : la source { $source } le fournit, comme le ferait le dernier repli d’un environnement d’exécution

# La ligne de commande ne peut pas utiliser le serveur de --server (lignes d’erreur).
client-server-refused = impossible de joindre le serveur glocal à { $url } : rien n’y écoute (connexion refusée) ; démarrez-en un avec `glocal serve --listen { $address }`
client-server-unreachable = impossible de joindre le serveur glocal à { $url } : { $error }
client-token-missing = donnez à GLOCAL_TOKEN un jeton du fichier de jetons du serveur
client-token-unknown = le serveur ne connaît pas le jeton de GLOCAL_TOKEN
client-server-not-grpc = impossible de joindre le serveur glocal à { $url } : quelque chose y répond, mais ce n’est pas un serveur gRPC ({ $error }) ; vérifiez l’adresse, ou démarrez glocal sur un port libre avec `glocal serve --listen HOST:PORT`
client-server-not-glocal = impossible de joindre le serveur glocal à { $url } : un serveur gRPC y répond, mais sans aucun des services de glocal (UNIMPLEMENTED) ; vérifiez l’adresse, ou démarrez glocal sur un port libre avec `glocal serve --listen HOST:PORT`
api-change-too-large = Cette modification est trop grande pour une transaction de la base de données du serveur : elle demande { $operations } opérations et { $bytes } octets, et la base de données accepte { $max_operations } opérations et { $max_bytes } octets. Envoyez une modification plus petite (moins de ressources ou de fichiers par requête), ou demandez à l’exploitant d’augmenter --max-txn-ops et --max-request-bytes d’etcd et --etcd-max-txn-ops et --etcd-max-request-bytes de glocal.
