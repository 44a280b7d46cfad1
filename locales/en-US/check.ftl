# Texts of `glocal check`: error lines, notes, report headings, summary lines
# and the help of each rule. Variables are filled in by the program; names of
# flags (--source), rule ids (missing-message), file names and the
# placeholder {"{"}locale{"}"} stay as they are in every language.

## Error lines (exit code 2), printed after the error prefix.

# $flag (String) - the command-line flag, such as --source
# $path (String) - the path given
check-not-a-directory = { $flag } { $path }: no such directory
check-cannot-read = cannot read { $path }: { $error }
# A line of the --history file is not a snapshot. $path (String); $line (Number); $error (String)
check-history-bad-line = { $path }:{ $line }: not a coverage snapshot: { $error }
check-not-utf8 = { $path } is not UTF-8 text; Fluent files must be UTF-8
# A folder of the locale tree holds more folders than glocal walks, following symbolic links.
# $path (String) - the folder walked; $max (Number) - the most folders walked under one folder
check-too-many-folders =
    { $max ->
        [one] { $path } holds more than { $max } folder (following symbolic links); does a symbolic link lead out of the locale tree?
       *[other] { $path } holds more than { $max } folders (following symbolic links); does a symbolic link lead out of the locale tree?
    }
# $format (String) - the report format, such as SARIF or JSON
check-cannot-write = cannot write the { $format } report to { $path }: { $error }
check-no-mode = say what to check: --source DIR --l10n DIR (lint mode), --plan PLAN (plan mode) or --server URL --roadmap NAME (server mode)
# $first, $second (String) - two flags that choose different modes
check-two-modes = { $first } and { $second } choose different modes; use one of --source/--l10n, --plan or --server
check-lint-needs-both = lint mode needs both --source DIR and --l10n DIR; { $missing } is missing
# $modes (String) - the modes, such as "plan and server modes"
check-flag-needs-mode = { $flag } applies to { $modes } only
check-modes-plan-and-server = plan and server modes
check-modes-server = server mode
check-modes-plan = plan mode
check-server-needs-roadmap = --server needs --roadmap products/PRODUCT/roadmaps/ROADMAP
# $why (String) - why the value is wrong (from the program, in English)
check-bad-locale = { $flag } { $value }: { $why }
check-bad-date = --as-of { $value }: { $why }
check-bad-min-coverage = { $why } (use a percentage such as 80, or LOCALE=PERCENT such as fr=95)
check-percent-out-of-range = the percentage must be a number from 0 to 100
# $what (String) - a locale, or the text of check-min-coverage-default
check-min-coverage-twice = --min-coverage gives { $what } twice
check-min-coverage-default = a default minimum
check-bad-roadmap-name = --roadmap { $value }: { $why } (server mode needs the full name, products/PRODUCT/roadmaps/ROADMAP)
# $available (String) - the languages glocal has texts in
check-bad-lang = --lang { $value }: glocal has no texts in that language; it has { $available }
# $position (String) - file:line:column
# $more (Number) - how many more problems the file has
check-bad-plan =
    { $more ->
        [0] { $position }: { $message }
        [one] { $position }: { $message } (and 1 more problem)
       *[other] { $position }: { $message } (and { $more } more problems)
    }
check-plan-without-fluent = { $plan }: the plan does not say where its Fluent files are; add a [product.fluent] table with directory and layout (such as directory = "locales", layout = "{"{"}locale{"}"}/**/*.ftl")
check-bad-layout = { $plan }: [product.fluent] layout "{ $layout }": { $why }
check-layout-needs-locale-folder = {"{"}locale{"}"} must be a whole folder name, such as "{"{"}locale{"}"}/**/*.ftl"
check-layout-plain-prefix = the folders before {"{"}locale{"}"} must be plain names
check-layout-needs-ftl = the pattern after {"{"}locale{"}"}/ must name .ftl files, such as "{"{"}locale{"}"}/**/*.ftl"
check-layout-bad-glob = the pattern after {"{"}locale{"}"}/ is not a valid glob: { $why }
check-no-source-folder = no folder for the source locale { $locale } under { $dir }
check-plan-has-no-roadmap = { $plan }: --roadmap { $roadmap }: the plan has no roadmap
# $known (String) - the plan's roadmap ids, separated by commas
check-unknown-roadmap = { $plan }: --roadmap { $roadmap }: the plan has no such roadmap (it has { $known })
check-bad-baseline = --baseline { $path }: { $why }
check-baseline-not-a-report = not a JSON report written by glocal check --json ({ $why })
# $found, $supported (Number) - schema versions
check-baseline-schema = the report has schema_version { $found }; this glocal reads schema_version { $supported } or older
# $why (String) - what is wrong with the value (from the program, in English)
check-bad-market-window = { $why } (use MARKET=DAYS, such as jp=30)
check-market-window-twice = --market-window gives { $market } twice
# $value (String) - the value given
check-market-window-no-equals = "{ $value }" has no '='
check-market-window-not-days = "{ $value }" is not a number of days
check-push-failed = --push { $dir }: the upload failed (see above); nothing was checked

## Notes, printed with the report and kept in the JSON report.

check-skipped-source-folder = skipped { $folder }/: it is the source folder
check-skipped-not-locale = skipped { $folder }/: not a locale folder ({ $why })
check-skipped-same-locale = skipped { $folder }/: the same locale as { $first }/
# A folder of --l10n is a symbolic link to nothing (or to itself).
# $folder (String) - the link's name; $error (String) - the system's reason
check-skipped-broken-link = skipped { $folder }/: a symbolic link that leads nowhere ({ $error })
check-nothing-to-translate = { $source } has no Fluent messages: nothing to translate
check-no-locale-folders = no locale folders under { $dir }: nothing to compare
check-html-plan-only = --html writes the dashboard's page of a plan: use it with --plan (a server serves its own dashboard: glocal serve --http-listen)
# $plan (String) - the plan file, $known (String) - its roadmaps
check-html-needs-roadmap = { $plan } has several roadmaps ({ $known }): say which one --html shows with --roadmap
check-plan-without-roadmaps = { $plan } has no roadmap: nothing to check
check-requested-locale-missing = --locale { $locale }: no folder; reported as a missing locale
check-threshold-locale-unchecked = no checked locale matches --min-coverage { $locale }=...: counted as 0% covered
# $market (String) - the market name, such as markets/jp
check-market-window-unused = --market-window { $market }=...: no launch of the checked roadmaps is in that market, so the window changes nothing

# $kept, $total (Number) - results written, results found
check-sarif-truncated = the SARIF report holds { $kept } of { $total } results, the most severe first (--sarif-max-results); the JSON report has them all

## The text report.

# $mode (String) - lint, plan or server
# $locales (Number) - how many locales were checked
check-text-title =
    glocal check ({ $mode }): { $locales ->
        [one] 1 locale
       *[other] { $locales } locales
    } against { $source }
# $verdict (String) - READY, AT_RISK or BLOCKED
check-roadmap-line = roadmap { $name } as of { $date }: { $verdict }
# $when (String) - the text of check-days
check-launch-line = { $launch } in { $market } on { $date } ({ $when }): { $verdict }
# A launch's readiness forecast (glocal check --history). $eta (String) - the day its translations are done at the current velocity, or "none" when nothing is left
check-forecast-on-track = forecast ON_TRACK{ $eta ->
    [none] {""}
   *[other] {""}, done { $eta }
}
# $days (Number) - days after the due date; $eta (String) - the day its translations are done
check-forecast-late = forecast LATE by { $days ->
    [one] 1 day
   *[other] { $days } days
}, done { $eta }
# $bundles (String) - the bundles without a velocity
check-forecast-no-data = forecast NO_DATA (no progress recorded for { $bundles })
# $days (Number) - days until the date; negative when it has passed
check-days =
    { $days ->
        [0] today
        [1] in 1 day
       *[other] in { $days } days
    }
# $days (Number) - days since the date
check-days-ago =
    { $days ->
        [one] 1 day ago
       *[other] { $days } days ago
    }
check-market-heading = market { $market }
check-no-market-heading = roadmap
check-locale-served-by = { $locale } (served by { $bundle })
# The block of the text report that says what unblocks the launches.
check-todo-heading = to translate, by due date:
# $due (String) - the due date; $locale (String) - the locale; $launch (String) - the launch; $messages (Number) - messages still to translate; $words (Number) - their words in the source
check-todo-line =
    due { $due }: { $locale } for { $launch }, { $messages ->
        [one] 1 message
       *[other] { $messages } messages
    } ({ $words ->
        [one] 1 word
       *[other] { $words } words
    })
# Added to a to-do line whose gaps block the launch today.
check-todo-blocks = blocks today
# The block of the text report that ranks the translation tasks across launches.
check-tasks-heading = translation tasks, most urgent first:
# $rank (Number) - its place in the ranking; $locale (String) - the bundle that should receive the translations; $new (String) - "yes" when the product has no such bundle yet; $messages (Number); $words (Number); $due (String) - the earliest due date; $score (String) - what it unblocks per day left
check-task-line =
    { $rank }. { $locale }{ $new ->
        [yes] {" "}(new bundle)
       *[no] {""}
    }: { $messages ->
        [one] 1 message
       *[other] { $messages } messages
    } ({ $words ->
        [one] 1 word
       *[other] { $words } words
    }), due { $due }, score { $score }
# One launch a task unblocks. $launch (String); $locales (String) - its needed locales the task serves; $weight (String) - the launch's weight; $laws (String) - the requirements demanding it, or empty
# When a task's bundle is done at its velocity. $eta (String) - the day; $speed (String) - translated words per day, one decimal
check-task-eta = done { $eta } at { $speed } words a day
check-task-launch =
    for { $launch } ({ $locales }, weight { $weight }{ $laws ->
        [none] {""}
       *[other] , law: { $laws }
    })
check-markdown-tasks = Translation tasks, most urgent first
check-column-rank = #
check-column-bundle = Bundle
check-column-score = Score
check-column-unblocks = Unblocks
# Marks a task's bundle that does not exist yet, in the Markdown table.
check-task-new-bundle = new
# Marks a launch a law makes a task urgent for, in the Markdown table.
check-task-law = law
# $percent (String) - the text of check-percent
check-locale-stats = { $translated }/{ $total } messages ({ $percent }), { $translatedWords }/{ $totalWords } words
check-not-served = no bundle serves it
# $value (String) - a number with one decimal, such as 84.6
check-percent = { $value }%
check-threshold-failed = { $place }: coverage { $percent } is below the minimum { $minimum }
check-threshold-place = { $locale } in { $market }
check-baselined-mark = (in baseline)
check-count-errors =
    { $count ->
        [one] 1 error
       *[other] { $count } errors
    }
check-count-warnings =
    { $count ->
        [one] 1 warning
       *[other] { $count } warnings
    }
check-count-notes =
    { $count ->
        [one] 1 note
       *[other] { $count } notes
    }
check-count-baselined = { $count } known from the baseline
check-list-separator = {", "}
# Between the clauses of the summary line.
check-clause-separator = {"; "}
# A note of the run, such as a skipped folder.
check-note-line = note: { $note }
# $locale (String) - the locale, with what serves it; $stats (String) - the text of check-locale-stats
check-locale-line = { $locale }: { $stats }
# The decimal separator of percentages (84.6).
check-decimal-separator = {"."}
check-summary-passed =
    PASSED: nothing blocks ({ $counts }) in { $locales ->
        [one] 1 locale
       *[other] { $locales } locales
    }
check-summary-failed =
    FAILED: { $blocking ->
        [one] 1 blocking finding
       *[other] { $blocking } blocking findings
    } ({ $counts }) in { $locales ->
        [one] 1 locale
       *[other] { $locales } locales
    }
check-summary-below-minimum =
    { $locales ->
        [one] 1 locale
       *[other] { $locales } locales
    } below the minimum coverage

## The Markdown report (a pull request comment or a job summary).

check-markdown-passed = glocal check: ✅ passed
check-markdown-failed =
    glocal check: ❌ { $blocking ->
        [one] 1 blocking finding
       *[other] { $blocking } blocking findings
    }
check-column-market = Market
check-column-locale = Locale
check-column-messages = Messages
check-column-words = Words
check-column-coverage = Coverage
check-column-errors = Errors
check-column-warnings = Warnings
check-column-launch = Launch
check-column-date = Date
check-column-days = Days
check-column-verdict = Verdict
check-column-where = Where
check-column-rule = Rule
check-column-message = Message
check-column-detail = Detail
check-markdown-findings-all = Findings ({ $total })
check-markdown-findings-top = Top findings ({ $shown } of { $total })
check-markdown-launches = Launches
check-markdown-todo = What unblocks the launches
check-column-due = Due
check-markdown-coverage = Coverage
check-markdown-notes = Notes
check-markdown-findings-left-out =
    … and { $count ->
        [one] 1 more finding
       *[other] { $count } more findings
    }, left out to fit a pull request comment; the JSON, SARIF and JUnit reports have them all.
check-markdown-rows-left-out =
    … and { $count ->
        [one] 1 more row
       *[other] { $count } more rows
    }, left out to fit a pull request comment.

## JUnit XML and GitHub annotations.

check-junit-suite-locales = locales
check-junit-suite-roadmap = roadmap
check-junit-blocking =
    { $count ->
        [one] 1 blocking finding
       *[other] { $count } blocking findings
    }
check-junit-below-minimum = coverage below the minimum

## The rules: a one-line summary and a help text (SARIF, GitHub).

rule-min-coverage = A locale's coverage is below its minimum.
    .help = The share of the source messages that the locale translates completely (in plan and server modes: of the messages its markets need, fallback included) is below the minimum set with --min-coverage. Translate the missing messages or lower the minimum.
rule-missing-locale = No bundle serves a locale that is needed.
    .help = The locale has no Fluent file at all (lint mode), or no bundle satisfies it under its match policy (plan and server modes). Every message it needs is missing. Add the locale's folder with its translations.
rule-missing-message = A source message or term is not translated.
    .help = The source defines the message (or term), the locale does not. The finding names the source file: the locale's file of the same path is where the translation belongs.
rule-missing-value = The translation has only attributes, the source a value.
    .help = The source message has a value; the locale's message has attributes only, so code that formats the message gets nothing. Translate the value.
rule-missing-attribute = A source attribute is not translated.
    .help = The source message has the attribute (`id.attr`); the locale's message lacks it. Add the attribute to the translation.
rule-obsolete-message = The locale defines a message the source no longer has.
    .help = The message (or term) is not in the source: it was removed or renamed there. Remove it from the locale or rename it.
rule-duplicate-id = An id is defined twice.
    .help = The locale defines the id twice (in one file, or in two files of the bundle); Fluent uses the first definition and ignores the other. Keep one.
rule-syntax-error = Part of a file is not valid Fluent.
    .help = The Fluent parser rejected part of the file, at the position given; the entries there are lost. Fix the syntax.
rule-unknown-variable = The translation uses a variable the source never passes.
    .help = The translation uses a `$variable` that the source message uses nowhere, so the code never passes it and the reader sees an error marker. Use the source's variables.
rule-dropped-variable = The translation leaves out a variable the source shows.
    .help = A variant of the translation does not show a `$variable` that the source displays. Exact plural variants (`[one]`) and languages with a single plural form may drop a count; otherwise show it.
rule-unresolved-reference = A message or term reference resolves nowhere.
    .help = The translation references a message or term (or an attribute of one) that neither the locale nor the source defines. Fix the reference or add the entry.
rule-missing-plural-category = A plural select lacks a category the language needs.
    .help = A numeric select of the translation lacks a CLDR plural category of the locale's language (such as `few` and `many` in Polish), so some numbers get the default variant. Add the variants.
rule-identical-to-source = The translation is the source text.
    .help = The translated text is identical to the source's, probably left untranslated. Translate it, or allow the copy with --identical-allowed ID.
rule-unknown-message = A roadmap names a message the source does not define.
    .help = A roadmap item names an id, a pattern or a file that matches nothing in the source bundle. Add the messages to the source or fix the roadmap.
rule-fallback-used = A locale is served by another bundle on its fallback chain.
    .help = The needed locale has no bundle of its own; another bundle on its CLDR fallback chain (such as `fr` for `fr-CA`) serves it. A note, not a problem.

check-modes-lint = lint mode
check-modes-lint-and-plan = lint and plan modes
rule-unknown-feature = A variant includes a feature no roadmap item has.
    .help = The variant's features name roadmap items; one that names none needs nothing, which is most likely a typo. Fix the variant's features or add the item to the roadmap.
check-folder-read-as = { $folder }/ is not a BCP 47 locale tag: it is reported as { $folder } and checked with the CLDR data of { $tag }

## Server mode: the roadmap given by id with --product.

# $value (String) - the value of --product; $why (String) - why it is wrong (from the program)
check-server-bad-product = --product { $value }: { $why }
# $roadmap (String) - the full roadmap name given; $product (String) - the product --product names, such as products/lamp
check-server-product-mismatch = --roadmap { $roadmap } is not a roadmap of --product { $product }; give one of the two, or make them agree
# $value (String) - the roadmap id given
check-server-roadmap-needs-product = --roadmap { $value } is a roadmap id: give its product with --product PRODUCT, or the full name products/PRODUCT/roadmaps/{ $value }
# $value (String) - the roadmap id given; $why (String) - why it is wrong (from the program)
check-server-bad-roadmap-id = --roadmap { $value }: { $why }

## The headline when nothing blocks today but a launch is AT_RISK (its gaps
## are needed after the window). AT_RISK is the verdict as the reports show
## it: keep it as it is.

# $launches (Number) - launches AT_RISK; $date (String) - the first day one of their gaps blocks (YYYY-MM-DD)
check-summary-at-risk-launches =
    { $launches ->
        [one] 1 launch AT_RISK, first due { $date }
       *[other] { $launches } launches AT_RISK, first due { $date }
    }
# $risk (String) - the text of check-summary-at-risk-launches; $counts and $locales as in check-summary-passed
check-summary-at-risk =
    nothing blocks today; { $risk } ({ $counts }) in { $locales ->
        [one] 1 locale
       *[other] { $locales } locales
    }
# The Markdown title; $risk (String) - the text of check-summary-at-risk-launches
check-markdown-at-risk = glocal check: ⚠️ nothing blocks today; { $risk }

rule-unused-waiver = A roadmap waiver matched no gap of any launch.
    .help = A waiver excuses gaps that a requirement makes; one that excuses nothing is stale or names the wrong requirement. Remove the waiver or correct its requirement.
# After a gap's detail: why the locale and message are needed, and the last day before the gap blocks.
# $reasons (String) - texts of check-reason-*, separated by commas; $due (String) - YYYY-MM-DD
check-why = — { $reasons }, due { $due }
# $market (String) - the market's name, such as markets/fr
check-reason-storefront-default = storefront default locale of { $market }
# $launch (String) - the launch's name
check-reason-launch-locale = shipped by launch { $launch }
# $requirement (String) - the requirement's summary (its name when it has none)
check-reason-requirement = required by { $requirement }
# $requirement (String) - the requirement's summary; $reference (String) - its legal reference
check-reason-requirement-legal = required by { $requirement } ({ $reference })
# $item (String) - the roadmap item id
check-reason-roadmap-item = roadmap item { $item }
# $variant (String) - the variant's name
check-reason-variant = required by variant { $variant }

## glocal handoff

handoff-no-output = say where to write the hand-off: --xliff DIR, --csv DIR or --ftl DIR
# $roadmap (String) - the roadmap's name
handoff-cannot-export = cannot export the hand-off of { $roadmap }
# $files (Number) - files written
handoff-written = { $files ->
    [one] wrote 1 hand-off file
   *[other] wrote { $files } hand-off files
}
handoff-no-source-folder = the check has no source folder to read the messages from
# $count (Number) - problems found in the XLIFF files
handoff-import-refused = { $count ->
    [one] 1 problem in the translated files; nothing was written
   *[other] { $count } problems in the translated files; nothing was written
}
# $file (String) - the XLIFF file; $path (String) - the original path it names
handoff-bad-path = { $file }: { $path } is not a Fluent file path of a locale tree; nothing was written
# $messages (Number); $files (Number)
handoff-imported = imported { $messages ->
    [one] 1 message
   *[other] { $messages } messages
} into { $files ->
    [one] 1 file
   *[other] { $files } files
}
# $path (String); $error (String)
handoff-cannot-write = cannot write { $path }: { $error }

## glocal pseudo

pseudo-needs-out = a folder needs --out DIR for its pseudolocalized copy
# $files (Number); $transform (String) - accented or bidi; $out (String) - the folder
pseudo-written = { $files ->
    [one] wrote 1 { $transform } file to { $out }
   *[other] wrote { $files } { $transform } files to { $out }
}
