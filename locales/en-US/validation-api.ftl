# Why a request to the gRPC service is invalid, beyond what the model
# checks (validation.ftl): names, page tokens, masks, files and limits. Sent as
# the google.rpc.LocalizedMessage of a field violation to callers that send
# accept-language. Field names and values stay as they are.
#
# Each text follows the field it is about, as in "page_token: is not a token
# this service returned": most start with a verb. Resource names (markets/fr),
# field names (next_page_token), method names (WriteBundleFiles) and "*" stay
# as they are in every language.

## Required fields and resource names

# $pattern (String) - the form of the resource name, such as markets/{market}
request-name-required = is required (a name of the form { $pattern })
# $pattern (String) - the form of a bundle name: products/{product}/bundles/{locale}
request-bundle-name-required = is required ({ $pattern })
# $preset (String) - the name of the market preset glocal has: amazon-marketplaces
request-preset-required = is required ("{ $preset }")
# No variables. The field is the name of the plan's product.
request-plan-product-required = is required: a plan describes one product
# No variables. The field is the name of a launch that does not have the form
# products/{product}/launches/{launch}.
request-launch-name-invalid = is not a launch name

## References to other resources

# $name (String) - the name of the resource referenced, such as markets/fr
request-reference-not-found = { $name } does not exist
# $variant (String) - the name of the launch's variant, such as products/kettle/variants/eu
# $market (String) - the name of the launch's market, such as markets/ca
request-launch-not-sold-in = { $variant } is not sold in { $market }; add the market to the variant first

# A launch's locale is not one of its market's storefront locales.
# $locale (String) - the launch's locale, such as fr-FR
# $market (String) - the name of the launch's market, such as markets/ca
# $locales (String) - the market's storefront locales, separated by commas, such as en-CA, fr-CA
request-launch-locale-not-in-market = { $locale } is not a storefront locale of { $market } [{ $locales }]

## Values

# $value (String) - the number sent for an enumeration field, such as 42
request-enum-unknown = { $value } is not a known value
# $value (String) - the number sent for the requirement kind, such as 42
request-requirement-kind-unknown = { $value } is not a known requirement kind
# No variables. A size, a number of days or a page size below zero.
request-not-negative = must not be negative
# No variables. Said after why a google.type.Date is not a date (such as
# "month 13 is not between 1 and 12"), in parentheses.
request-date-incomplete = (a full date with year, month and day is required)
# $id (String) - the message id sent, such as "hello world"
request-message-id-invalid = "{ $id }" is not a message id (such as "hello" or "hello.title")

## Page tokens (page_token)

# No variables. next_page_token is the field of the previous answer.
request-page-token-invalid = is not a token this service returned; pass next_page_token unchanged
# No variables.
request-page-token-other-filters = was made for other filters; keep every field but page_token unchanged between pages
# No variables. The page token of ListRevisions.
request-revision-page-token-invalid = is not a token this service returned

## Update masks (update_mask.paths)

# No variables. "*" (every field) is a path of its own.
request-mask-star-not-alone = "*" must be the only path
# $path (String) - the path given, such as etag
request-mask-output-only = "{ $path }" is output only and cannot be updated
# $path (String) - the path given, such as colour
# $fields (String) - the fields of the resource that can be updated, separated by commas
request-mask-not-updatable = "{ $path }" is not an updatable field; updatable fields are { $fields }

## Files of a bundle (WriteBundleFiles)

# No variables. replace is a field of the request.
request-bundle-files-empty = needs at least one file (or set replace to empty the bundle)
# $max (Number) - the largest number of days allowed
request-velocity-days = must be from 1 to { $max } days
# A problem of a translated hand-off (XLIFF 2.0). $problem (String) - "file:unit: reason", in English like a parser's message
request-handoff-unit = { $problem }
# The XLIFF's trgLang is not a locale tag. $language (String); $problem (String) - why
request-handoff-target-language = trgLang { $language } is not a locale tag: { $problem }
request-handoff-nothing-translated = has no translated message: fill the <target> of every unit of a message
# $count (Number) - how many files the request has
# $max (Number) - how many files one request may have
request-bundle-too-many-files = has { $count } files; at most { $max } are accepted per request (send several requests)
# $count (Number) - how many files the bundle would hold after the request
# $max (Number) - the most files a bundle holds
request-bundle-too-many-stored-files = would leave { $count } files in the bundle; a bundle holds at most { $max }
# $path (String) - the file's path in the bundle, such as app/main.ftl
request-bundle-file-sent-twice = "{ $path }" is sent twice
# $size (Number) - the file's size, in bytes
# $max (Number) - the largest size accepted, in bytes
request-bundle-file-too-large = is { $size } bytes; files may be at most { $max } bytes
# $size (Number) - the file's size in the store, its text and its index, in bytes
# $max (Number) - the largest size the store keeps, in bytes
request-bundle-file-too-large-stored = takes { $size } bytes in the store with its index; the store (etcd, by its request limit) keeps files of at most { $max } bytes: split the file, or raise etcd's --max-request-bytes and glocal's --etcd-max-request-bytes
# No variables. A bundle cannot be sent as a whole message.
request-bundle-written-by-file = bundles are written with WriteBundleFiles

## Plans (ImportPlan)

# $name (String) - a resource name, such as markets/fr
request-plan-duplicate = { $name } appears twice in the plan
# $name (String) - the name of a variant, launch or roadmap
# $product (String) - the name of the plan's product, such as products/kettle
request-plan-other-product = { $name } does not belong to the plan's product { $product }
# $target (String) - the name of the resource referenced, such as markets/fr
request-plan-reference-missing = { $target } is neither in the plan nor on the server
# $from (String) - the name of the resource that references it
# $target (String) - the name of the resource referenced
request-plan-reference-deleted = { $from } references { $target }, which was deleted meanwhile
# $target (String) - the name of the resource referenced, such as markets/fr.
# Said by glocal check --plan, which checks a plan file without a server.
request-plan-reference-offline = { $target } is neither in the plan nor in its market preset

## Arguments of RenderMessage (args)

# $count (Number) - how many arguments the request has
# $max (Number) - how many arguments one request may have
request-render-too-many-args = has { $count } arguments; at most { $max } are accepted
# $size (Number) - the size of the longest argument name, in bytes
# $max (Number) - the longest name accepted, in bytes
request-render-arg-name-too-long = has an argument name of { $size } bytes; names may be at most { $max } bytes
# $name (String) - the argument's name, such as count
# $size (Number) - the size of its value, in bytes
# $max (Number) - the largest value accepted, in bytes
request-render-arg-value-too-long = the value of "{ $name }" is { $size } bytes; values may be at most { $max } bytes

## The dashboard's URLs (glocal serve --http-listen)

# $value (String) - what the URL gave; $max (Number)
request-window-days = "{ $value }" is not a window: give a whole number of days from 0 to { $max }
# $value (String) - what the URL gave
request-handoff-format-unknown = "{ $value }" is not a hand-off format; use xliff, csv or ftl
# No variables.
request-handoff-locale-missing = is required: the locale of the task to hand off
