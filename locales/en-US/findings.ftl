# The details of findings: what the check found about one message of one
# locale. The reports show them after the rule id and the message id. Message
# ids, variables ($name), file names, locale tags and selectors stay as they
# are in every language.

## Many details say which part of a message they are about:
## $part (String) - value or attribute; $attribute (String) - the attribute's name

# $count (Number) - messages and terms of the source
finding-missing-locale = the locale has no bundle file; the source has { $count } messages and terms
# $parser (String) - the Fluent parser's message, in English
# $line, $column (Number) - where the unparsable text ends
finding-syntax-error = { $parser } (up to line { $line }, column { $column })
# $id (String) - the message id; $line (Number) - the line of its first definition
finding-duplicate-in-file = duplicate id { $id }, first defined at line { $line }
# $file (String) - the file of the first definition
finding-duplicate-in-bundle = duplicate id { $id }, first defined in { $file }
# $kind (String) - message or term
finding-missing-message =
    { $kind ->
        [term] term { $id } is not translated
       *[message] message { $id } is not translated
    }
finding-missing-value = { $id } has a value in the source, only attributes here
finding-missing-attribute = { $id } lacks the attribute .{ $attribute }
finding-obsolete-message =
    { $kind ->
        [term] term { $id } is not in the source
       *[message] message { $id } is not in the source
    }
# $variables (String) - the variables, such as "$user, $count"
finding-unknown-variable =
    { $part ->
        [attribute] the attribute .{ $attribute } uses { $variables }, which the source message never uses
       *[value] the value uses { $variables }, which the source message never uses
    }
# $variable (String) - a variable's name, without $
# $variants (String) - the texts of finding-own-text or finding-variant, separated by commas
finding-dropped-variable =
    { $part ->
        [attribute] the attribute .{ $attribute } drops ${ $variable }, which the source displays, in { $variants }
       *[value] the value drops ${ $variable }, which the source displays, in { $variants }
    }
# The text of a pattern without variants.
finding-own-text = its text
# $keys (String) - the variant's keys, such as [one] or [masculine][other]
finding-variant = variant { $keys }
finding-identical-to-source =
    { $part ->
        [attribute] the attribute .{ $attribute } is the source text, untranslated
       *[value] the value is the source text, untranslated
    }
# $reference (String) - the referenced id, such as -brand or menu.title
finding-unresolved-reference =
    { $part ->
        [attribute]
            { $kind ->
                [term] the attribute .{ $attribute } references term { $reference }, which neither the locale nor the source defines
               *[message] the attribute .{ $attribute } references message { $reference }, which neither the locale nor the source defines
            }
       *[value]
            { $kind ->
                [term] the value references term { $reference }, which neither the locale nor the source defines
               *[message] the value references message { $reference }, which neither the locale nor the source defines
            }
    }
# $selector (String) - the selector, such as $count
# $missing, $categories (String) - CLDR plural categories, such as "few, many"
# $locale (String) - the locale
finding-missing-plural-category =
    { $part ->
        [attribute] the attribute .{ $attribute } selects on { $selector } without the plural categories { $missing } ({ $locale } needs { $categories })
       *[value] the value selects on { $selector } without the plural categories { $missing } ({ $locale } needs { $categories })
    }

## Roadmap checks.

# $item (String) - the roadmap item's id; $selector (String) - what it names
finding-unknown-message = roadmap item "{ $item }" names "{ $selector }", which the source bundle does not define
# Said of a needed locale. $bundle (String) - a bundle of its fallback chain
# $count (Number) - the needed messages that bundle serves; $needed (Number) - all needed messages of the locale
finding-fallback-used = the { $bundle } bundle serves { $count } of the { $needed } needed messages
# $policy (String) - the match policy: EXACT, CLDR_FALLBACK or SAME_LANGUAGE
# $count (Number) - messages needed; $words (Number) - their words
finding-no-bundle-serves =
    { $count ->
        [one] no bundle serves { $locale } under { $policy }; 1 needed message ({ $words } words) is missing
       *[other] no bundle serves { $locale } under { $policy }; { $count } needed messages ({ $words } words) are missing
    }
# After the detail of a finding in a bundle that serves another locale.
finding-served-by = (in the { $bundle } bundle, which serves { $locale })
# After the detail of a gap that waivers excuse.
# $waivers (String) - texts of finding-waiver, separated by semicolons
finding-waived = ({ $waivers })
# After the detail of a finding about an optional storefront locale (one the
# launch does not ship and no requirement demands): it is INFO, never blocking.
# $locale (String) - the locale, such as fr-FR
finding-optional-locale = (optional: the launch does not ship { $locale })
# $requirement (String) - the requirement's name; $approver (String) - who approved it
# $expiry (String) - the last day, YYYY-MM-DD; $reason (String) - why, in the waiver's words
finding-waiver = waived for { $requirement } by { $approver } until { $expiry }: { $reason }
finding-waiver-open-ended = waived for { $requirement } by { $approver } until further notice: { $reason }

# After a missing message's detail when bundles of its fallback chain were looked in too.
# $bundles (String) - the bundles looked in, in order, separated by commas
finding-looked-in = (looked in { $bundles })
# $variant (String) - the variant's name; $feature (String) - the feature id; $items (String) - the roadmap's item ids, separated by commas
finding-unknown-feature = variant { $variant } includes the feature "{ $feature }", which no roadmap item of the product has (this roadmap's items: { $items })

# A roadmap waiver that excused no gap of any launch.
# $item (String) - the roadmap item id; $requirement (String) - the requirement's name; $approver (String) - who approved it
finding-unused-waiver = the waiver of item { $item } for { $requirement } (approved by { $approver }) matched no gap of any launch
