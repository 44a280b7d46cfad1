# Why a value of a request or a flag is invalid: the descriptions of field
# violations (sent as their google.rpc.LocalizedMessage to callers that send
# accept-language) and the reasons in glocal check's error lines and notes.
# Values, tags and field names stay as they are in every language.

validation-required = is required

## Locale tags (BCP 47). $tag (String) - the value given

# $suggestion (String) - the tag with hyphens, such as fr-CA
validation-locale-underscore-fixable = "{ $tag }" is not a BCP 47 tag: subtags are separated by hyphens, as in "{ $suggestion }"
validation-locale-underscore = "{ $tag }" is not a BCP 47 tag (subtags are separated by hyphens, such as "fr-CA")
validation-locale-malformed = "{ $tag }" is not a well-formed BCP 47 language tag (such as "fr-CA")
validation-locale-language-length = "{ $tag }" does not start with a 2- or 3-letter ISO 639 language code (such as "fr" in "fr-CA")
validation-locale-no-language = "{ $tag }" has no language subtag ("und" is not a locale a market can use)

## Said of many fields.

# $max (Number) - the most characters the field may have
validation-too-long =
    { $max ->
        [one] is longer than { $max } character
       *[other] is longer than { $max } characters
    }
# A free-text field, such as a display name, contains control characters.
validation-control-characters = contains control characters
# $value (String) - an entry of a list (a code, tag, name or phase) that an earlier entry already gives
validation-listed-twice = { $value } is listed twice
# $value (String) - an entry of a list of ids or message patterns that an earlier entry already gives
validation-listed-twice-quoted = "{ $value }" is listed twice

## Countries (ISO 3166-1), subdivisions (ISO 3166-2), blocs and currencies (ISO 4217).
## $code (String) - the value given

# The country of a market is empty.
validation-country-required = is required (an ISO 3166-1 alpha-2 code such as "CA")
validation-country-malformed = "{ $code }" is not an ISO 3166-1 alpha-2 country code
# $alpha3 (String) - the value as an alpha-3 code, such as USA
# $alpha2 (String) - the alpha-2 code of that country, such as US
validation-country-alpha3 = "{ $code }" is not an ISO 3166-1 alpha-2 country code (the alpha-2 code of { $alpha3 } is { $alpha2 })
# The value is UK, which is not a code; the United Kingdom's code is GB.
validation-country-uk = "UK" is not an ISO 3166-1 country code; the United Kingdom is GB
validation-country-unassigned = "{ $code }" is not an assigned ISO 3166-1 alpha-2 country code
validation-subdivision-malformed = "{ $code }" is not an ISO 3166-2 subdivision code of the form CC-XXX (such as "CA-QC")
# $reason (String) - why its country code is invalid: one of the texts above
validation-subdivision-country = in subdivision "{ $code }": { $reason }
# $code (String) - the subdivision, such as FR-IDF
# $country (String) - the country code it belongs to, such as FR; $countryName (String) - that country's English name
# $marketCountry (String) - the country code of the market, such as CA; $marketCountryName (String) - its English name
validation-subdivision-other-country = { $code } is a subdivision of { $country } ({ $countryName }), not of the market's country { $marketCountry } ({ $marketCountryName })
# $known (String) - the codes of the blocs glocal knows, separated by commas
validation-bloc-unknown = "{ $code }" is not a known bloc; known blocs are { $known }
# $country (String) - the market's country code; $countryName (String) - its English name
# $bloc (String) - the bloc's code, such as EU; $blocName (String) - its English name, such as European Union
validation-bloc-not-member = { $country } ({ $countryName }) is not a member of { $bloc } ({ $blocName })
# The currency of a market is empty.
validation-currency-required = is required (an ISO 4217 code such as "CAD")
validation-currency-unknown = "{ $code }" is not an ISO 4217 currency code

## Markets.

# The market lists no storefront locale.
validation-storefront-locales-required = needs at least one BCP 47 locale tag (such as "fr-CA")
# $locale (String) - the default locale given, such as de-DE
# $locales (String) - the market's storefront locales, separated by commas
validation-default-locale-not-listed = { $locale } is not one of the storefront locales [{ $locales }]
# A key of the market's external ids is malformed.
validation-external-id-key = keys are 1-64 lowercase letters, digits and underscores (such as "amazon_marketplace_id")
# A value of the market's external ids is empty or too long.
validation-external-id-value = values are 1-256 characters

## Dates.

# $year (String) - the year given
validation-date-year = year { $year } is not between 1 and 9999
# $month (String) - the month given
validation-date-month = month { $month } is not between 1 and 12
# $day (String) - the day given
validation-date-day = day { $day } is not a day of the month
# $date (String) - the date given, YYYY-MM-DD, such as 2023-02-29
validation-date-not-in-calendar = { $date } is not a calendar date
# $value (String) - the text given
validation-date-format = "{ $value }" is not a date of the form YYYY-MM-DD

## Resource ids and names. $name (String) - the name given

# $id (String) - the id given; $max (Number) - the most characters an id may have
validation-id-too-long =
    { $max ->
        [one] "{ $id }" is longer than { $max } character
       *[other] "{ $id }" is longer than { $max } characters
    }
# $id (String) - the id given
validation-id-malformed = "{ $id }" is not a valid id: use lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen
# $pattern (String) - the form of the names expected, such as markets/{market}
validation-name-malformed = "{ $name }" is not a resource name of the form { $pattern }
validation-name-unknown-kind = "{ $name }" is not a resource name such as markets/ca, requirements/r, products/p or products/p/variants/v
# $reason (String) - why a part of the name is invalid, such as its locale: one of the texts of this file
validation-name-part = in "{ $name }": { $reason }
# $reason (String) - why an id in the name is invalid: validation-required, validation-id-too-long or validation-id-malformed
validation-name-id = in "{ $name }": id { $reason }
# $locale (String) - the locale of the name in canonical case, such as fr-CA
validation-name-locale-case = in "{ $name }": write the locale as { $locale }
# $pattern (String) - the form of the name expected, such as markets/{market}
validation-name-required = is required ({ $pattern })

## Bundles and their files. $path (String) - the file path given

# The file path is empty.
validation-path-empty = "" is required
# $max (Number) - the most bytes a path may have
validation-path-too-long =
    { $max ->
        [one] "{ $path }" is longer than { $max } byte
       *[other] "{ $path }" is longer than { $max } bytes
    }
validation-path-absolute = "{ $path }" must be relative (no leading '/')
validation-path-backslash = "{ $path }" must use '/' to separate folders, not '\'
validation-path-not-ftl = "{ $path }" must end in .ftl
validation-path-segments = "{ $path }" must not have empty, '.' or '..' segments
validation-path-control-characters = "{ $path }" must not contain control characters
# $name (String) - the bundle name given
validation-bundle-name-malformed = "{ $name }" is not a bundle name of the form products/{"{"}product{"}"}/bundles/{"{"}locale{"}"}

## Products and variants.

# The product's source locale is empty.
validation-source-locale-required = is required (the BCP 47 tag the texts are written in, such as "en-US")
# The directory of the product's Fluent files is empty.
validation-directory-required = is required (such as "locales")
# The directory of the product's Fluent files is absolute or uses backslashes.
validation-directory-relative = must be a relative path with '/' separators
# The layout of the product's Fluent files lacks the placeholder {locale}.
validation-layout-no-locale = must contain {"{"}locale{"}"} (such as "{"{"}locale{"}"}/**/*.ftl")
# The layout of the product's Fluent files does not name .ftl files.
validation-layout-not-ftl = must end in .ftl (such as "{"{"}locale{"}"}/**/*.ftl")
# The layout of the product's Fluent files leads out of their directory.
validation-layout-outside = must stay inside the directory (no leading '/', no '..')
# The variant's SKU is too long or contains control characters.
validation-sku = is at most 64 printable characters
# A key of the variant's attributes is malformed.
validation-attribute-key = keys are 1-64 lowercase letters, digits, '-' and '_'
# A value of the variant's attributes is too long.
validation-attribute-value = values are at most 256 characters

## Requirements.

# $pattern (String) - the message id or pattern given
validation-message-pattern = "{ $pattern }" is not a Fluent message id or id pattern (such as "imprint-address" or "imprint-*")
# The requirement has no jurisdiction; country, subdivision and bloc are field names.
validation-jurisdiction-required = is required: set one of country, subdivision or bloc
# The requirement's kind is unspecified.
validation-kind-required = is required (such as REQUIREMENT_KIND_LEGAL_LANGUAGE)
# The requirement's summary is empty.
validation-summary-required = is required: say what the rule asks for
# $url (String) - the source URL given
validation-url = "{ $url }" is not an http or https URL
# $until (String) - the last day in effect, YYYY-MM-DD; $from (String) - the first day (effective_from is a field name)
validation-effective-until-before = { $until } is before effective_from { $from }
# $locale (String) - a locale that an earlier rule of the requirement already names
validation-locale-two-rules = { $locale } has two rules
# A second locale rule of the requirement says must_be_default.
validation-one-default-locale = only one locale can be required as the default

## Launches and roadmaps.

# $variant (String) - the variant's name; $product (String) - the name of the launch's product
validation-launch-variant-of-other-product = { $variant } is not a variant of { $product }
# A weight (of a launch, or the legal factor) is negative, infinite or not a number.
validation-weight = must be a finite number of at least 0, not { $value }
# The launch has no phase.
validation-phases-required = needs at least one phase with its date
# A phase of the launch is unspecified; ALPHA, BETA and GA are its values.
validation-phase-required = is required (ALPHA, BETA or GA)
# $phase (String) - a phase, such as GA; $date (String) - its date, YYYY-MM-DD
# $earlierPhase (String) - the phase that comes before it, such as BETA; $earlierDate (String) - that phase's date, which is later
validation-phase-order = { $phase } on { $date } is before { $earlierPhase } on { $earlierDate }; phases must be in order
# $selector (String) - the entry given: not a message id, an id pattern or a .ftl path
validation-message-selector = "{ $selector }" is not a Fluent message id or id pattern (such as "imprint-address" or "imprint-*"); a file is named by its path, such as "checkout/cart.ftl"
# $id (String) - the id of the roadmap item, which an earlier item has too
validation-item-id-taken = "{ $id }" is used by another item
# The roadmap item names no messages.
validation-messages-required = needs at least one message id, id pattern or file path
# The waiver gives no reason.
validation-waiver-reason-required = is required: say why the gap is accepted
# The waiver names no approver.
validation-waiver-approver-required = is required: say who accepted the gap

## Limits of a request.

# The last violation of a request that has too many to list them all, in place of the others.
# $count (Number) - how many violations were left out
validation-more-violations =
    { $count ->
        [one] and { $count } more violation, not listed
       *[other] and { $count } more violations, not listed
    }
# A list or map of a request has more entries than glocal takes.
# $max (Number) - the most entries it may have
validation-too-many-entries =
    { $max ->
        [one] may have at most { $max } entry
       *[other] may have at most { $max } entries
    }
