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
