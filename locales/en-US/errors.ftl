# Texts of errors: the gRPC service's error messages (sent as
# google.rpc.LocalizedMessage to callers that send accept-language) and the
# error lines of the command line. Resource names, field paths and
# etags stay as they are in every language.

# An error line of the command line.
# $message (String) - what went wrong
error-line = error: { $message }

# $count (Number) - how many fields are invalid
# $fields (String) - their paths, such as market.country, separated by commas
api-invalid-request =
    { $count ->
        [one] The request has an invalid field: { $fields }. The field violations say what is wrong.
       *[other] The request has { $count } invalid fields: { $fields }. The field violations say what is wrong.
    }
# $presets (String) - the names of the market presets glocal has
api-unknown-preset = There is no market preset of that name; the known presets are { $presets }.
api-invalid-page-token = The page token is not one this server issued for this request; start again without a page token.
# $name (String) - the resource name, such as markets/fr
api-not-found = { $name } does not exist.
api-already-exists = { $name } already exists.
api-etag-mismatch = { $name } has changed since you read it; read it again and retry.
# $referrers (String) - the names of the resources that use it, separated by commas
api-in-use = { $name } is still used by { $referrers }; change or delete those first.
api-internal = The server failed to handle the request; its log has the details.
api-cancelled = The call was cancelled before its work ended.
api-store-unavailable = The server cannot store data right now (its disk or its database cluster is failing); retry in a moment.
api-undecodable = The request is not a valid message of this method (for example, a text field that is not UTF-8).
# $seconds (Number) - the server's limit per call
api-deadline-exceeded = The call took longer than the server's limit of { $seconds } seconds.
api-overloaded = The server is busy; retry in a moment.
# $method (String) - the method called, such as glocal.v1.MarketService/CreateMarket
api-unauthenticated = { $method } needs a token: send the metadata "authorization: Bearer TOKEN" (GLOCAL_TOKEN for glocal's commands).
# $principal (String) - who called; $role (String) - the caller's role; $needed (String) - the role the method needs; $method (String) - the method
api-permission-denied = { $principal } has the { $role } role and may not call { $method }, which needs the { $needed } role.

# An entry of RenderMessage's errors: a file left out of the bundle it
# formats with, since it was not parsed on upload.
# $path (String) - the file's path in the bundle, such as app/main.ftl
# $locale (String) - the bundle's locale, such as fr
render-file-refused = { $path } of bundle { $locale } was left out: it was refused unparsed when it was uploaded (see its syntax error), so it provides no messages
# $id (String) - the message; $locale (String) - the locale asked for; $chain (String) - the bundles looked in; $source (String) - the source locale
render-not-translated = { $id } is not translated for { $locale } (looked in { $chain }): the source { $source } supplies it, as a runtime's last fallback would

# The command line cannot use the server of --server (error lines).
# $url (String) - the server's URL, such as http://127.0.0.1:50051
# $address (String) - its host and port, such as 127.0.0.1:50051
client-server-refused = cannot reach the glocal server at { $url }: nothing listens there (connection refused); start one with `glocal serve --listen { $address }`
# $error (String) - what went wrong (from the program, in English)
client-server-unreachable = cannot reach the glocal server at { $url }: { $error }
client-token-missing = set GLOCAL_TOKEN to a token of the server's tokens file
client-token-unknown = the server does not know the token in GLOCAL_TOKEN
client-server-not-grpc = cannot reach the glocal server at { $url }: something answers there, but it is not a gRPC server ({ $error }); check the address, or start glocal on a free port with `glocal serve --listen HOST:PORT`
client-server-not-glocal = cannot reach the glocal server at { $url }: a gRPC server answers there, but it has none of glocal's services (UNIMPLEMENTED); check the address, or start glocal on a free port with `glocal serve --listen HOST:PORT`
# $operations (Number) - etcd operations the change needs; $max_operations (Number) - etcd's limit per transaction; $bytes (Number) - the change's size; $max_bytes (Number) - etcd's limit per request
api-change-too-large = This change is too large for one transaction of the server's database: it needs { $operations } operations and { $bytes } bytes, and the database accepts { $max_operations } operations and { $max_bytes } bytes. Send a smaller change (fewer resources or files per request), or ask the operator to raise etcd's --max-txn-ops and --max-request-bytes and glocal's --etcd-max-txn-ops and --etcd-max-request-bytes.
