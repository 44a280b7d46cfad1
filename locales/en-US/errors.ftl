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

# An entry of RenderMessage's errors: a file left out of the bundle it
# formats with, since it was not parsed on upload.
# $path (String) - the file's path in the bundle, such as app/main.ftl
# $locale (String) - the bundle's locale, such as fr
render-file-refused = { $path } of bundle { $locale } was left out: it was refused unparsed when it was uploaded (see its syntax error), so it provides no messages
# $id (String) - the message; $locale (String) - the locale asked for; $chain (String) - the bundles looked in; $source (String) - the source locale
render-not-translated = { $id } is not translated for { $locale } (looked in { $chain }): the source { $source } supplies it, as a runtime's last fallback would
