# glocal's dashboard (glocal serve --http-listen, glocal check --html).

## Formats

# $year, $month, $day (String) - the year, and the month and day with two digits
dashboard-date = { $year }-{ $month }-{ $day }
# $value (String) - a number with one decimal
dashboard-percent = { $value }%

## Page frame

dashboard-app-name = glocal dashboard
dashboard-skip = Skip to the content
dashboard-nav-products = All products
dashboard-logout = Sign out
dashboard-language = Language
# $date (String) - a date, $source (String) - the plan file
dashboard-static-note = Written by glocal check on { $date } from { $source }; open the live dashboard with glocal serve --http-listen.

## Products

dashboard-products-title = Products
dashboard-products-empty = No product yet. Import a plan with: glocal import PLAN.toml
dashboard-col-product = Product
dashboard-col-source-locale = Source locale
dashboard-col-display-name = Name

## Product page

# $product (String) - the product's display name
dashboard-product-title = { $product }: localization readiness
dashboard-controls = Check settings
dashboard-controls-roadmap = Roadmap
dashboard-controls-as-of = As of
dashboard-controls-window = Window before a need date (days)
dashboard-controls-apply = Check
dashboard-no-roadmap = This product has no roadmap yet, so there is nothing to check.
dashboard-verdict-label = Roadmap verdict
dashboard-verdict-ready = Ready
dashboard-verdict-at-risk = At risk
dashboard-verdict-blocked = Blocked
# $date (String) - the check's day, $days (Number) - the window
dashboard-checked-as-of = Checked as of { $date }, with a window of { $days ->
    [one] { $days } day
   *[other] { $days } days
} before each need date.

## Heatmap

dashboard-heatmap-title = Coverage by launch and locale
dashboard-heatmap-intro = Each cell is a locale a launch needs: the share of its needed messages that its fallback chain serves complete, and below it the share in the locale's own bundle. The symbol and the colour give the launch's verdict.
# $percent (String) - the text of dashboard-percent
dashboard-heatmap-own = own { $percent }
dashboard-heatmap-optional = optional
dashboard-heatmap-table = The heatmap as a table
dashboard-heatmap-empty = No launch of this roadmap needs a locale yet.
# $locale (String), $market (String), $effective (String) and $own (String) - percents, $servedBy (String) - a locale or dashboard-not-served
dashboard-cell-title = { $locale } for { $market }: { $effective } served complete, { $own } in its own bundle, served by { $servedBy }.
dashboard-not-served = no bundle
# $reasons (String) - the reasons, separated by semicolons
dashboard-cell-reasons = Needed because: { $reasons }
dashboard-cell-optional = Optional: a storefront locale the launch does not ship.

## Why a locale is needed

# $name (String) - the market
dashboard-reason-storefront-default = the storefront's default locale ({ $name })
# $name (String) - the launch
dashboard-reason-launch-locale = the launch ships it ({ $name })
# $name (String) - the requirement, $summary (String) - what it says
dashboard-reason-requirement = { $name }: { $summary }
# $name (String) - the requirement, $summary (String) - what it says, $reference (String) - the legal reference
dashboard-reason-law = law { $name }: { $summary } ({ $reference })
# $name (String) - the roadmap item
dashboard-reason-roadmap-item = roadmap item { $name }
# $name (String) - the variant
dashboard-reason-variant = variant { $name }
dashboard-obligation-mandatory = mandatory
dashboard-obligation-recommended = recommended

## Table columns

dashboard-col-launch = Launch
dashboard-col-market = Market
dashboard-col-locale = Locale
dashboard-col-date = Launch date
dashboard-col-verdict = Verdict
dashboard-col-effective = Served complete
dashboard-col-own = Own bundle
dashboard-col-served-by = Served by
dashboard-col-reasons = Needed because
dashboard-col-need-date = Needed on
dashboard-col-due = Due
dashboard-col-forecast = Forecast

## Timeline

dashboard-timeline-title = Launch timeline
dashboard-timeline-intro = Each launch's phases on a date axis. The shaded band before a need date is the window in which a missing translation blocks the launch; the diamond is the due date, the circle the forecast day the translations are done.
# $date (String)
dashboard-timeline-today = Today, { $date }
# $phase (String) - the phase, $date (String)
dashboard-timeline-phase = { $phase } from { $date }
# $start (String), $end (String)
dashboard-timeline-window = Window from { $start } to the need date { $end }
# $date (String)
dashboard-timeline-due = Due { $date }
# $date (String)
dashboard-timeline-eta = Forecast: translations done { $date }
dashboard-timeline-legend = Legend
dashboard-timeline-legend-window = window before a need date
dashboard-timeline-legend-due = due date
dashboard-timeline-legend-eta = forecast done
dashboard-phase-alpha = Alpha
dashboard-phase-beta = Beta
dashboard-phase-ga = General availability
dashboard-forecast-on-track = on track
# $days (Number)
dashboard-forecast-late = { $days ->
    [one] late by { $days } day
   *[other] late by { $days } days
}
dashboard-forecast-no-data = not enough history to forecast
dashboard-forecast-none = no forecast

## To-do

dashboard-todo-title = What to translate first
dashboard-todo-intro = One task per bundle that should receive translations, ranked by what it unblocks per day left (launch weight, times the legal factor when a law demands it).
dashboard-todo-empty = Nothing is left to translate for these launches.
dashboard-col-rank = Rank
dashboard-col-bundle = Bundle
dashboard-col-messages = Messages
dashboard-col-words = Words
dashboard-col-score = Score
dashboard-col-unblocks = Unblocks
dashboard-col-handoff = Hand-off
dashboard-todo-new-bundle = new bundle
dashboard-todo-law = law
# $date (String), $speed (String) - words a day, one decimal
dashboard-todo-eta = done { $date } at { $speed } words a day
# $command (String)
dashboard-todo-static-hint = Hand-off files for translators: { $command }

## Findings

dashboard-findings-title = Findings
dashboard-findings-filter = Filter the findings
dashboard-filter-all = All
dashboard-filter-apply = Filter
dashboard-findings-shown = Findings shown
dashboard-findings-none = No findings.
dashboard-col-severity = Severity
dashboard-col-rule = Rule
dashboard-col-place = Where
dashboard-col-message = Message
dashboard-col-detail = What is wrong
dashboard-severity-error = Error
dashboard-severity-warning = Warning
dashboard-severity-info = Note
dashboard-roadmap-finding = the roadmap

## Bundle page

# $locale (String), $product (String)
dashboard-bundle-title = Bundle { $locale } of { $product }
# $translated (String), $total (String), $percent (String) - counts and a percent, formatted
dashboard-bundle-coverage = { $translated } of { $total } source messages translated ({ $percent })
# $missing (String), $incomplete (String), $obsolete (String) - counts, formatted
dashboard-bundle-counts = { $missing } missing, { $incomplete } incomplete, { $obsolete } not in the source
dashboard-bundle-files = Files
dashboard-bundle-diagnostics = Problems in the files
dashboard-bundle-no-diagnostics = The files parse without problems.
dashboard-bundle-source = This is the source bundle: the others are compared with it.
dashboard-col-file = File
dashboard-col-line = Line
dashboard-col-size = Bytes
dashboard-col-problems = Problems
dashboard-bundles = Bundles

## Sign-in and errors

dashboard-login-title = Sign in
dashboard-login-intro = This server needs an access token. An administrator makes one with: glocal token new
dashboard-login-token = Access token
dashboard-login-submit = Sign in
dashboard-login-bad = That token is not valid.
dashboard-error-title = Cannot show this page
# $what (String)
dashboard-error-not-found = Not found: { $what }
# $role (String)
dashboard-error-forbidden = A token with the role { $role } may not read this page.
dashboard-error-internal = The server could not build this page; its log says why.
dashboard-error-cross-site = This form was sent from another site's page, so it was refused. Sign in from the dashboard's own page.
# $host (String) - the Host header of the request
dashboard-error-wrong-host = This dashboard has no tokens and answers only to a loopback name (localhost, 127.0.0.1, [::1]), not to { $host }.
