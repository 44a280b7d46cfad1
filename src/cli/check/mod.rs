//! `glocal check`: a locale gap report and a pass/fail exit status for CI.
//!
//! Three modes, one engine ([`crate::coverage`]):
//! - **lint** (`--source DIR --l10n DIR`): every locale folder under
//!   `--l10n`, mirroring the source folder's relative paths, is indexed with
//!   [`index_file`] and compared with the source by [`check_locale`], like
//!   compare-locales with all of glocal's checks;
//! - **plan** (`--plan PLAN`): the plan file, its market preset and the
//!   Fluent files its `[product.fluent]` table points to, checked offline by
//!   [`check_roadmap`] for each roadmap;
//! - **server** (`--server URL --roadmap NAME`): `PlanningService.CheckRoadmap`,
//!   optionally after uploading the local tree (`--push DIR`).
//!
//! The result is one [`Report`], judged by the gates ([`gate`]: `--fail-on`,
//! `--min-coverage`, `--baseline`) and written in every format asked for.
//! Exit status: 0 nothing blocks, 1 something does, 2 usage, configuration or
//! I/O errors (one line, from the error returned to the binary).

mod files;
pub mod handoff;
mod history;
mod lint;
mod output;
mod plan_mode;
mod rows;
mod server;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::str::FromStr;

use anyhow::bail;

use super::report::gate::{self, FailOn, Gates, MinCoverage, MinCoverageSpec};
use super::report::{self, baseline::Baseline, texts, Mode, Report};
use super::ServerUrl;
use crate::domain::planning::Weight;
use crate::domain::{CalendarDate, LocaleTag, MessageScope, ResourceKind, ResourceName};

/// Arguments of `glocal check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 nothing blocks, 1 something blocks, 2 usage, configuration or I/O error."
)]
pub struct CheckArgs {
    /// Lint mode: the folder of the source locale's Fluent files.
    #[arg(long, value_name = "DIR", help_heading = "Lint mode")]
    pub source: Option<PathBuf>,
    /// Lint mode: the folder holding one folder per locale, each mirroring --source.
    #[arg(long, value_name = "DIR", help_heading = "Lint mode")]
    pub l10n: Option<PathBuf>,
    /// Lint mode: the locale of the source folder.
    #[arg(
        long,
        value_name = "TAG",
        default_value = "en-US",
        help_heading = "Lint mode"
    )]
    pub source_locale: String,
    /// Lint mode: fall back, message by message, to the folders of each
    /// locale's CLDR chain present under --l10n (never to the source), as
    /// Fluent's runtimes do, reporting own and effective coverage. Without
    /// it each folder is checked alone, as compare-locales does.
    #[arg(long, help_heading = "Lint mode")]
    pub fallback: bool,
    /// How files share message ids: `file` (an id lives in its file, as in
    /// Fluent's Localization contexts and compare-locales; the default in
    /// lint mode) or `bundle` (every file of a locale in one FluentBundle).
    /// In plan mode it overrides the plan's `message_scope`.
    #[arg(long, value_enum, value_name = "SCOPE")]
    pub scope: Option<ScopeArg>,
    /// Check only these locales (repeatable); in lint mode a locale without a
    /// folder is reported missing.
    #[arg(long = "locale", value_name = "LOCALE")]
    pub locales: Vec<String>,

    /// Plan mode: a plan file (TOML); its [product.fluent] table says where the Fluent files are.
    #[arg(long, value_name = "PLAN", help_heading = "Plan and server modes")]
    pub plan: Option<PathBuf>,
    /// Server mode: the server, such as http://127.0.0.1:50051 or
    /// 127.0.0.1:50051. From the environment (GLOCAL_SERVER) it chooses server
    /// mode only when no lint or plan flag is given.
    #[arg(
        long,
        value_name = "URL",
        env = "GLOCAL_SERVER",
        help_heading = "Plan and server modes"
    )]
    pub server: Option<ServerUrl>,
    /// The roadmap: in plan mode its id (default: every roadmap of the plan); in
    /// server mode its name, products/PRODUCT/roadmaps/ROADMAP, or its id with
    /// --product.
    #[arg(long, value_name = "NAME", help_heading = "Plan and server modes")]
    pub roadmap: Option<String>,
    /// Server mode: the product of a --roadmap given by id (PRODUCT or products/PRODUCT).
    #[arg(long, value_name = "PRODUCT", help_heading = "Plan and server modes")]
    pub product: Option<String>,
    /// Server mode: upload this locale tree ({locale}/**/*.ftl) to the product first.
    #[arg(long, value_name = "DIR", help_heading = "Plan and server modes")]
    pub push: Option<PathBuf>,
    /// The day to check for, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "DATE", help_heading = "Plan and server modes")]
    pub as_of: Option<String>,
    /// Days before a need date inside which a gap blocks (default 14); further
    /// away it is a warning and the launch AT_RISK.
    #[arg(long, value_name = "N", help_heading = "Plan and server modes")]
    pub window_days: Option<u32>,
    /// A market's own window, overriding --window-days for its launches
    /// (`jp=30` or `markets/jp=30`); repeatable.
    #[arg(
        long,
        value_name = "MARKET=DAYS",
        help_heading = "Plan and server modes"
    )]
    pub market_window: Vec<MarketWindowSpec>,
    /// Message ids (or `prefix*`) whose copies of the source text are deliberate (repeatable).
    #[arg(long, value_name = "ID")]
    pub identical_allowed: Vec<String>,
    /// How much more a launch counts in the ranking of translation tasks
    /// when a law demands the translation (default 2).
    #[arg(
        long,
        value_name = "FACTOR",
        value_parser = parse_weight,
        help_heading = "Plan and server modes"
    )]
    pub legal_factor: Option<Weight>,
    /// A JSON-lines file of coverage snapshots (CI can cache it): this run's
    /// are appended, and each launch gets a forecast from the translation
    /// velocity they show (plan mode; a server keeps its own).
    #[arg(long, value_name = "FILE", help_heading = "Plan and server modes")]
    pub history: Option<PathBuf>,
    /// Days of snapshots that make a velocity (default 28).
    #[arg(long, value_name = "N", help_heading = "Plan and server modes")]
    pub velocity_days: Option<u32>,

    /// The reports to write.
    #[command(flatten)]
    pub reports: Box<ReportArgs>,

    /// The least severe finding that fails the check.
    #[arg(long, value_enum, default_value_t = FailOn::Error, help_heading = "Gates")]
    pub fail_on: FailOn,
    /// A minimum coverage in percent, for every locale (`80`) or one (`fr=95`;
    /// a language applies to its regional locales); repeatable.
    #[arg(long, value_name = "[LOCALE=]PERCENT", help_heading = "Gates")]
    pub min_coverage: Vec<MinCoverageSpec>,
    /// A JSON report written earlier by --json: only findings it lacks can fail.
    #[arg(long, value_name = "REPORT.json", help_heading = "Gates")]
    pub baseline: Option<PathBuf>,

    /// The language of the reports' texts and of error lines: de, en-US, es,
    /// fr or ja (default: from LC_ALL, LC_MESSAGES or LANG, else en-US).
    /// Rule ids, flags and the JSON report's keys stay as they are.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

/// The values of `--scope`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScopeArg {
    /// An id lives in its file.
    File,
    /// Every file of a locale is one namespace.
    Bundle,
}

impl From<ScopeArg> for MessageScope {
    fn from(scope: ScopeArg) -> Self {
        match scope {
            ScopeArg::File => MessageScope::File,
            ScopeArg::Bundle => MessageScope::Bundle,
        }
    }
}

/// One `--market-window MARKET=DAYS`.
#[derive(Debug, Clone)]
pub struct MarketWindowSpec {
    /// The market's resource name, `markets/ID`.
    pub market: String,
    /// The window in days.
    pub days: u32,
}

impl FromStr for MarketWindowSpec {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let Some((market, days)) = s.split_once('=') else {
            return Err(texts::bad_market_window(&texts::market_window_no_equals(s)));
        };
        let market = market.trim();
        let name = if market.contains('/') {
            market.to_string()
        } else {
            format!("markets/{market}")
        };
        let name = ResourceName::parse_text(ResourceKind::Market, &name)
            .map_err(|e| texts::bad_market_window(&texts::why(&e)))?;
        let days: u32 = days
            .trim()
            .parse()
            .map_err(|_| texts::bad_market_window(&texts::market_window_not_days(days)))?;
        Ok(MarketWindowSpec {
            market: name.to_string(),
            days,
        })
    }
}

/// The windows of `--market-window`, by market name; a market given twice is
/// an error.
/// A `--legal-factor`: a finite number of at least 0.
fn parse_weight(s: &str) -> Result<Weight, String> {
    let value: f64 = s
        .trim()
        .parse()
        .map_err(|_| texts::why(&crate::l10n::Text::new("validation-weight").text("value", s)))?;
    Weight::new(value).map_err(|e| texts::why(&e))
}

fn market_windows(specs: &[MarketWindowSpec]) -> anyhow::Result<BTreeMap<String, i64>> {
    let mut out = BTreeMap::new();
    for spec in specs {
        if out
            .insert(spec.market.clone(), i64::from(spec.days))
            .is_some()
        {
            bail!(texts::market_window_twice(&spec.market));
        }
    }
    Ok(out)
}

/// Chooses the language of glocal's texts for this process: `--lang`, else
/// the POSIX locale variables, else `en-US`. An explicit `--lang` that glocal
/// has no texts for is an error; a locale variable is only a wish.
pub fn choose_language(lang: Option<&str>) -> anyhow::Result<()> {
    let texts = match lang {
        Some(value) => {
            let wanted: unic_langid::LanguageIdentifier = value
                .parse()
                .map_err(|_| anyhow::anyhow!(texts::bad_lang(value, &available_languages())))?;
            crate::l10n::Texts::best_match(&[wanted])
                .ok_or_else(|| anyhow::anyhow!(texts::bad_lang(value, &available_languages())))?
        }
        None => crate::l10n::language_from_posix_env(|name| std::env::var(name).ok())
            .map(|wanted| crate::l10n::Texts::negotiate(&[wanted]))
            .unwrap_or_default(),
    };
    crate::l10n::set_process_texts(texts);
    Ok(())
}

/// `de, en-US, es, fr, ja`.
fn available_languages() -> String {
    let mut tags: Vec<String> = crate::l10n::Texts::available()
        .iter()
        .map(|l| l.to_string())
        .collect();
    tags.sort();
    tags.join(", ")
}

/// The report formats of `glocal check` (several at once).
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The report on standard output.
    #[arg(long, value_enum, default_value_t = StdoutFormat::Text, help_heading = "Reports")]
    pub format: StdoutFormat,
    /// Also write the JSON report (versioned schema) to PATH (`-`: standard output).
    #[arg(long, value_name = "PATH", help_heading = "Reports")]
    pub json: Option<PathBuf>,
    /// Also write a Markdown report (PR comment, step summary) to PATH.
    #[arg(long, value_name = "PATH", help_heading = "Reports")]
    pub markdown: Option<PathBuf>,
    /// Also write the dashboard's page of the roadmap (plan mode) to PATH:
    /// one self-contained HTML file, for a CI artifact.
    #[arg(long, value_name = "PATH", help_heading = "Reports")]
    pub html: Option<PathBuf>,
    /// Also write a JUnit XML report to PATH.
    #[arg(long, value_name = "PATH", help_heading = "Reports")]
    pub junit: Option<PathBuf>,
    /// Also write a SARIF 2.1.0 report to PATH.
    #[arg(long, value_name = "PATH", help_heading = "Reports")]
    pub sarif: Option<PathBuf>,
    /// Also print GitHub Actions annotations (::error/::warning) on standard output.
    #[arg(long, help_heading = "Reports")]
    pub github: bool,
    /// At most this many results in the SARIF report, the most severe first
    /// (GitHub code scanning shows 5,000 per run and refuses more than
    /// 25,000); 0 for no limit.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 5000,
        help_heading = "Reports"
    )]
    pub sarif_max_results: usize,
    /// Colour in the text report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, help_heading = "Reports")]
    pub color: ColorChoice,
}

/// The report printed on standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StdoutFormat {
    /// Human text, grouped by market, locale and file.
    Text,
    /// The JSON report.
    Json,
    /// The Markdown report.
    Markdown,
    /// JUnit XML.
    Junit,
    /// SARIF 2.1.0.
    Sarif,
    /// Nothing (the summary line goes to standard error).
    None,
}

/// When the text report has colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The mode and its inputs, validated.
enum Run {
    Lint {
        source: PathBuf,
        l10n: PathBuf,
        source_locale: LocaleTag,
    },
    Plan {
        plan: PathBuf,
    },
    Server {
        server: ServerUrl,
        roadmap: ResourceName,
        push: Option<PathBuf>,
    },
}

/// Runs the mode of `args` and returns its report, before gates and
/// outputs (`--locale` applied): what `glocal check` writes and `glocal
/// handoff` hands off.
pub(crate) async fn mode_report(args: &CheckArgs) -> anyhow::Result<Report> {
    let run = validate(args)?;
    let locales: Vec<LocaleTag> = args
        .locales
        .iter()
        .map(|l| {
            LocaleTag::parse(l)
                .map_err(|e| anyhow::anyhow!(texts::bad_locale("--locale", l, &texts::why(&e))))
        })
        .collect::<Result<_, _>>()?;
    let as_of = match &args.as_of {
        Some(s) => Some(
            CalendarDate::parse(s)
                .map_err(|e| anyhow::anyhow!(texts::bad_date(s, &texts::why(&e))))?,
        ),
        None => None,
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let settings = Settings {
        locales,
        as_of,
        window_days: args.window_days.map(i64::from),
        market_windows: market_windows(&args.market_window)?,
        identical_allowed: args.identical_allowed.clone(),
        legal_factor: args
            .legal_factor
            .unwrap_or_else(crate::coverage::roadmap::default_legal_factor),
        history: args.history.clone(),
        velocity_days: args
            .velocity_days
            .map_or(crate::coverage::forecast::DEFAULT_VELOCITY_DAYS, i64::from),
        scope: args.scope.map(MessageScope::from),
        fallback: args.fallback,
        html: args.reports.html.is_some(),
        cwd: cwd.clone(),
    };
    if settings.html && !matches!(run, Run::Plan { .. }) {
        anyhow::bail!(texts::html_plan_only());
    }

    let mut report = match run {
        Run::Lint {
            source,
            l10n,
            source_locale,
        } => lint::lint(&source, &l10n, source_locale, &settings)?,
        Run::Plan { plan } => plan_mode::plan_mode(&plan, args.roadmap.as_deref(), &settings)?,
        Run::Server {
            server,
            roadmap,
            push,
        } => server::server_mode(&server, &roadmap, push.as_deref(), &settings).await?,
    };
    // A window for a market that no launch checked is in is probably a typo.
    for market in settings.market_windows.keys() {
        if !report.launches.iter().any(|l| &l.market == market) {
            report.notes.push(texts::market_window_unused(market));
        }
    }
    if report.mode != Mode::Lint && !settings.locales.is_empty() {
        keep_locales(&mut report, &settings.locales);
    }
    Ok(report)
}

/// Runs `glocal check`; returns the exit status (errors are exit 2).
pub async fn check(args: CheckArgs) -> anyhow::Result<i32> {
    validate(&args)?;
    let gates = Gates {
        fail_on: args.fail_on,
        min_coverage: MinCoverage::from_specs(&args.min_coverage).map_err(anyhow::Error::msg)?,
        baseline: match &args.baseline {
            Some(path) => Some(Baseline::read(path).map_err(anyhow::Error::msg)?),
            None => None,
        },
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut report = mode_report(&args).await?;
    report.locate();
    let code = gate::apply(&mut report, &gates);
    let sarif_results = report::sarif::result_count(&report);
    let sarif_limit = args.reports.sarif_max_results;
    let writes_sarif = args.reports.sarif.is_some() || args.reports.format == StdoutFormat::Sarif;
    if writes_sarif && sarif_limit > 0 && sarif_results > sarif_limit {
        report
            .notes
            .push(texts::sarif_truncated(sarif_limit, sarif_results));
    }
    output::write_outputs(&args.reports, &report, &cwd)?;
    Ok(code)
}

/// Checks that the flags make one mode.
fn validate(args: &CheckArgs) -> anyhow::Result<Run> {
    let lint = args.source.is_some() || args.l10n.is_some();
    // A server that only GLOCAL_SERVER names is a default for server mode,
    // not a second mode beside the lint and plan flags.
    let server = match &args.server {
        Some(url) if (lint || args.plan.is_some()) && server_only_from_env(url) => None,
        other => other.clone(),
    };
    let mut chosen = Vec::new();
    if lint {
        chosen.push(if args.source.is_some() {
            "--source"
        } else {
            "--l10n"
        });
    }
    if args.plan.is_some() {
        chosen.push("--plan");
    }
    if server.is_some() {
        chosen.push("--server");
    }
    match chosen.as_slice() {
        [] => bail!(texts::no_mode()),
        [_] => {}
        [a, b, ..] => bail!(texts::two_modes(a, b)),
    }
    if args.push.is_some() && server.is_none() {
        bail!(texts::flag_needs_mode("--push", texts::Modes::Server));
    }
    if args.product.is_some() && server.is_none() {
        bail!(texts::flag_needs_mode("--product", texts::Modes::Server));
    }
    // A server records its own snapshots with every bundle write.
    if args.history.is_some() && args.plan.is_none() {
        bail!(texts::flag_needs_mode("--history", texts::Modes::Plan));
    }
    if !lint && args.fallback {
        bail!(texts::flag_needs_mode("--fallback", texts::Modes::Lint));
    }
    if server.is_some() && args.scope.is_some() {
        bail!(texts::flag_needs_mode("--scope", texts::Modes::LintAndPlan));
    }
    if lint {
        for (flag, set) in [
            ("--roadmap", args.roadmap.is_some()),
            ("--as-of", args.as_of.is_some()),
            ("--window-days", args.window_days.is_some()),
            ("--market-window", !args.market_window.is_empty()),
        ] {
            if set {
                bail!(texts::flag_needs_mode(flag, texts::Modes::PlanAndServer));
            }
        }
        let (Some(source), Some(l10n)) = (&args.source, &args.l10n) else {
            bail!(texts::lint_needs_both(if args.source.is_none() {
                "--source"
            } else {
                "--l10n"
            }));
        };
        let source_locale = LocaleTag::parse(&args.source_locale).map_err(|e| {
            anyhow::anyhow!(texts::bad_locale(
                "--source-locale",
                &args.source_locale,
                &texts::why(&e)
            ))
        })?;
        return Ok(Run::Lint {
            source: source.clone(),
            l10n: l10n.clone(),
            source_locale,
        });
    }
    if let Some(plan) = &args.plan {
        return Ok(Run::Plan { plan: plan.clone() });
    }
    let Some(server) = server else {
        bail!(texts::no_mode());
    };
    let Some(roadmap) = &args.roadmap else {
        bail!(texts::server_needs_roadmap());
    };
    let roadmap = server_roadmap(roadmap, args.product.as_deref())?;
    Ok(Run::Server {
        server,
        roadmap,
        push: args.push.clone(),
    })
}

/// Whether `url` came from `GLOCAL_SERVER` alone: the environment names it
/// and the command line has no `--server`.
fn server_only_from_env(url: &ServerUrl) -> bool {
    let from_env = std::env::var("GLOCAL_SERVER")
        .ok()
        .and_then(|v| v.parse::<ServerUrl>().ok());
    let on_command_line = std::env::args_os().skip(2).any(|a| {
        let a = a.to_string_lossy();
        a == "--server" || a.starts_with("--server=")
    });
    from_env.as_ref() == Some(url) && !on_command_line
}

/// The roadmap of server mode: its full name `products/P/roadmaps/R`, or its
/// id `R` with `--product P` (or `products/P`). A `--product` beside a full
/// name must name the same product.
fn server_roadmap(roadmap: &str, product: Option<&str>) -> anyhow::Result<ResourceName> {
    let product = match product {
        Some(p) => {
            let full = if p.contains('/') {
                p.to_string()
            } else {
                format!("products/{p}")
            };
            let name = ResourceName::parse_text(ResourceKind::Product, &full).map_err(|e| {
                anyhow::anyhow!(crate::tr!(
                    "check-server-bad-product",
                    "value" => p,
                    "why" => texts::why(&e)
                ))
            })?;
            Some(name)
        }
        None => None,
    };
    if roadmap.contains('/') {
        let name = ResourceName::parse_text(ResourceKind::Roadmap, roadmap)
            .map_err(|e| anyhow::anyhow!(texts::bad_roadmap_name(roadmap, &texts::why(&e))))?;
        if let Some(product) = &product {
            if name.parent().as_ref() != Some(product) {
                bail!(crate::tr!(
                    "check-server-product-mismatch",
                    "roadmap" => roadmap,
                    "product" => product.as_str()
                ));
            }
        }
        return Ok(name);
    }
    let Some(product) = product else {
        bail!(crate::tr!("check-server-roadmap-needs-product", "value" => roadmap));
    };
    let full = format!("{}/roadmaps/{roadmap}", product.as_str());
    ResourceName::parse_text(ResourceKind::Roadmap, &full).map_err(|e| {
        anyhow::anyhow!(crate::tr!(
            "check-server-bad-roadmap-id",
            "value" => roadmap,
            "why" => texts::why(&e)
        ))
    })
}

/// What every mode needs besides its own inputs.
pub(super) struct Settings {
    locales: Vec<LocaleTag>,
    as_of: Option<CalendarDate>,
    window_days: Option<i64>,
    market_windows: BTreeMap<String, i64>,
    identical_allowed: Vec<String>,
    /// `--legal-factor`, or its default.
    legal_factor: Weight,
    /// `--history`, when given.
    history: Option<PathBuf>,
    /// `--velocity-days`, or its default.
    velocity_days: i64,
    /// `--scope`, when given.
    scope: Option<MessageScope>,
    /// `--fallback` (lint mode).
    fallback: bool,
    /// `--html` (plan mode): make the dashboard's page.
    html: bool,
    cwd: PathBuf,
}

impl Settings {
    /// A path as reports show it: relative to the working directory when it
    /// is inside it, `/`-separated, without `./`.
    fn shown(&self, path: &Path) -> String {
        let relative = if path.is_absolute() {
            match path.strip_prefix(&self.cwd) {
                Ok(p) => p,
                Err(_) => return path.to_string_lossy().replace('\\', "/"),
            }
        } else {
            path
        };
        relative
            .components()
            .filter(|c| !matches!(c, Component::CurDir))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// Keeps the findings and stats of `locales` (a bare language keeps its
/// regional locales too) and the findings that concern no market.
fn keep_locales(report: &mut Report, locales: &[LocaleTag]) {
    let wanted = |locale: &str| {
        LocaleTag::parse(locale).is_ok_and(|t| {
            locales
                .iter()
                .any(|w| *w == t || (w.as_str() == w.language() && w.language() == t.language()))
        })
    };
    report
        .findings
        .retain(|f| f.market.is_none() || wanted(&f.locale));
    report.stats.retain(|s| wanted(&s.locale));
    report.todo.retain(|t| wanted(&t.item.locale));
    // A task stays when its bundle or a locale it serves is wanted.
    report.tasks.retain(|t| {
        wanted(&t.task.locale)
            || t.task
                .launches
                .iter()
                .any(|l| l.locales.iter().any(|locale| wanted(locale)))
    });
}
