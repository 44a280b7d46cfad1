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

use std::collections::{BTreeMap, BTreeSet};
use std::io::{IsTerminal, Write as _};
use std::path::{Component, Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::bail;

use super::client::status_error;
use super::plan::PlanSource;
use super::push::{self, PushArgs};
use super::report::gate::{self, FailOn, Gates, MinCoverage, MinCoverageSpec};
use super::report::{
    self, baseline::Baseline, percent, texts, Counts, LaunchResult, LocaleStats, Mode, OwnCoverage,
    Report, ReportFinding, RoadmapResult,
};
use super::tree::{ftl_files, locale_folders, Layout, LocaleFolder};
use super::ServerUrl;
use crate::api::pb::glocal::v1::{self as pb, planning_service_client::PlanningServiceClient};
use crate::api::pb::google::r#type::Date;
use crate::api::{self, ValidPlan};
use crate::coverage::checks::{check_locale, BundleView, CheckOptions};
use crate::coverage::fallback::serving_order;
use crate::coverage::finding::{Finding, Severity};
use crate::coverage::roadmap::{check_roadmap, PlanInputs, RoadmapOptions, Verdict};
use crate::coverage::serve::{serve_locale, Checked};
use crate::domain::ftl::{index_file, FileIndex};
use crate::domain::planning::{Launch, Roadmap};
use crate::domain::{
    self, CalendarDate, LocaleTag, MatchPolicy, MessageScope, ResourceKind, ResourceName,
    Violations,
};

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

/// Runs `glocal check`; returns the exit status (errors are exit 2).
pub async fn check(args: CheckArgs) -> anyhow::Result<i32> {
    let run = validate(&args)?;
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
    let gates = Gates {
        fail_on: args.fail_on,
        min_coverage: MinCoverage::from_specs(&args.min_coverage).map_err(anyhow::Error::msg)?,
        baseline: match &args.baseline {
            Some(path) => Some(Baseline::read(path).map_err(anyhow::Error::msg)?),
            None => None,
        },
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let settings = Settings {
        locales,
        as_of,
        window_days: args.window_days.map(i64::from),
        market_windows: market_windows(&args.market_window)?,
        identical_allowed: args.identical_allowed.clone(),
        scope: args.scope.map(MessageScope::from),
        fallback: args.fallback,
        cwd: cwd.clone(),
    };

    let mut report = match run {
        Run::Lint {
            source,
            l10n,
            source_locale,
        } => lint(&source, &l10n, source_locale, &settings)?,
        Run::Plan { plan } => plan_mode(&plan, args.roadmap.as_deref(), &settings)?,
        Run::Server {
            server,
            roadmap,
            push,
        } => server_mode(&server, &roadmap, push.as_deref(), &settings).await?,
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
    let code = gate::apply(&mut report, &gates);
    let sarif_results = report::sarif::result_count(&report);
    let sarif_limit = args.reports.sarif_max_results;
    let writes_sarif = args.reports.sarif.is_some() || args.reports.format == StdoutFormat::Sarif;
    if writes_sarif && sarif_limit > 0 && sarif_results > sarif_limit {
        report
            .notes
            .push(texts::sarif_truncated(sarif_limit, sarif_results));
    }
    write_outputs(&args.reports, &report, &cwd)?;
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
    if args.push.is_some() {
        let r = &args.reports;
        let to_stdout = [
            ("--json -", &r.json),
            ("--markdown -", &r.markdown),
            ("--junit -", &r.junit),
            ("--sarif -", &r.sarif),
        ]
        .into_iter()
        .find(|(_, p)| p.as_ref().is_some_and(|p| p.as_os_str() == "-"))
        .map(|(flag, _)| flag.to_string());
        let machine = match r.format {
            StdoutFormat::Text | StdoutFormat::None => to_stdout,
            other => Some(format!("--format {}", format!("{other:?}").to_lowercase())),
        };
        if let Some(what) = machine {
            bail!(texts::push_with_stdout_format(&what));
        }
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
struct Settings {
    locales: Vec<LocaleTag>,
    as_of: Option<CalendarDate>,
    window_days: Option<i64>,
    market_windows: BTreeMap<String, i64>,
    identical_allowed: Vec<String>,
    /// `--scope`, when given.
    scope: Option<MessageScope>,
    /// `--fallback` (lint mode).
    fallback: bool,
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
}

// ---------------------------------------------------------------------------
// Files.
// ---------------------------------------------------------------------------

/// Reads and indexes files.
fn index_files(files: &[(String, PathBuf)]) -> anyhow::Result<Vec<(String, FileIndex)>> {
    files
        .iter()
        .map(|(path, file)| {
            let shown = file.display().to_string();
            let bytes = std::fs::read(file)
                .map_err(|e| anyhow::anyhow!(texts::cannot_read(&shown, &e.to_string())))?;
            let text =
                String::from_utf8(bytes).map_err(|_| anyhow::anyhow!(texts::not_utf8(&shown)))?;
            Ok((path.clone(), index_file(&text)))
        })
        .collect()
}

/// `f` over `items` on every core, results in order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else {
                    break;
                };
                let r = f(item);
                results.lock().expect("no worker panics")[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .expect("no worker panics")
        .into_iter()
        .map(|r| r.expect("every item was mapped"))
        .collect()
}

fn require_dir(flag: &str, dir: &Path, settings: &Settings) -> anyhow::Result<()> {
    if dir.is_dir() {
        Ok(())
    } else {
        bail!(texts::not_a_directory(flag, &settings.shown(dir)))
    }
}

// ---------------------------------------------------------------------------
// Lint mode.
// ---------------------------------------------------------------------------

/// Lint mode: every locale folder against the source folder, each alone
/// (as compare-locales) or, with `--fallback`, served message by message
/// along its chain of folders ([`serve_locale`]).
fn lint(
    source_dir: &Path,
    l10n: &Path,
    source_locale: LocaleTag,
    settings: &Settings,
) -> anyhow::Result<Report> {
    require_dir("--source", source_dir, settings)?;
    require_dir("--l10n", l10n, settings)?;
    let mut report = Report::new(Mode::Lint, source_locale.as_str());
    let scope = settings.scope.unwrap_or_default();

    let source_files = ftl_files(source_dir, None)?;
    let chunks: Vec<&[(String, PathBuf)]> = source_files.chunks(8).collect();
    let source_index: Vec<(String, FileIndex)> = parallel_map(&chunks, |c| index_files(c))
        .into_iter()
        .collect::<anyhow::Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
    let source = BundleView::new(source_index.iter().map(|(p, i)| (p.as_str(), i)), scope);
    if source.entries().next().is_none() {
        report
            .notes
            .push(texts::nothing_to_translate(&settings.shown(source_dir)));
        return Ok(report);
    }

    // Every folder is read with --fallback (any may serve another); the
    // folders reported are those of --locale, when given.
    let mut folders = locale_folders(l10n, Some(source_dir), &mut report.notes)?;
    let mut checked_tags: Vec<LocaleTag> = folders.keys().cloned().collect();
    if !settings.locales.is_empty() {
        checked_tags.retain(|tag| settings.locales.contains(tag));
        for wanted in &settings.locales {
            if !folders.contains_key(wanted) {
                report
                    .notes
                    .push(texts::requested_locale_missing(wanted.as_str()));
                folders.insert(
                    wanted.clone(),
                    LocaleFolder {
                        folder: wanted.to_string(),
                        name: wanted.to_string(),
                    },
                );
                checked_tags.push(wanted.clone());
            }
        }
        checked_tags.sort();
        if !settings.fallback {
            folders.retain(|tag, _| checked_tags.contains(tag));
        }
    }
    if checked_tags.is_empty() {
        report
            .notes
            .push(texts::no_locale_folders(&settings.shown(l10n)));
        return Ok(report);
    }

    let options = CheckOptions {
        source_locale: Some(source_locale),
        identical_allowed: settings.identical_allowed.clone(),
    };
    let results = if settings.fallback {
        lint_with_fallback(&source, l10n, &folders, &checked_tags, &options, scope)?
    } else {
        // Each folder alone: read, checked and dropped in turn, on every
        // core, so the tree is never all in memory.
        let jobs: Vec<(&LocaleTag, &LocaleFolder)> = folders
            .iter()
            .filter(|(tag, _)| checked_tags.contains(tag))
            .collect();
        let outcomes = parallel_map(&jobs, |(tag, folder)| {
            let files = read_folder(l10n, folder)?;
            let view = BundleView::new(files.iter().map(|(p, i)| (p.as_str(), i)), scope);
            Ok::<_, anyhow::Error>(check_locale(&source, &view, tag, &options))
        });
        let mut results = Vec::new();
        for ((tag, _), outcome) in jobs.into_iter().zip(outcomes) {
            let own = outcome?;
            results.push(((*tag).clone(), own.findings, own.stats, None, None));
        }
        results
    };

    // The folder of each bundle, for the paths of findings.
    let folder_of = |tag: &str| -> Option<&LocaleFolder> {
        LocaleTag::parse(tag).ok().and_then(|t| folders.get(&t))
    };
    for (tag, findings, s, own, served_by) in results {
        let Some(folder) = folders.get(&tag) else {
            continue;
        };
        let served_by = served_by.map(|b: LocaleTag| {
            folder_of(b.as_str()).map_or_else(|| b.to_string(), |f| f.name.clone())
        });
        report.stats.push(LocaleStats {
            market: None,
            locale: folder.name.clone(),
            served_by,
            roadmap: None,
            launch: None,
            messages: Counts {
                total: s.source_messages,
                translated: s.translated_messages,
                incomplete: s.incomplete_messages,
                missing: s.missing_messages,
            },
            words: Counts {
                total: s.source_words,
                translated: s.translated_words,
                incomplete: s.incomplete_words,
                missing: s.missing_words,
            },
            coverage_percent: percent(s.translated_messages, s.source_messages),
            own,
            obsolete_messages: Some(s.obsolete_messages),
            optional: false,
            reasons: Vec::new(),
            need_date: None,
            due_date: None,
        });
        for mut f in findings {
            // A finding in a fallback bundle is fixed in that bundle's folder.
            let in_folder = f.bundle.as_deref().and_then(folder_of).unwrap_or(folder);
            let base = l10n.join(&in_folder.folder);
            let path = f.file.as_ref().map(|file| settings.shown(&base.join(file)));
            f.locale = folder.name.clone();
            if let Some(bundle) = &mut f.bundle {
                bundle.clone_from(&in_folder.name);
            }
            report.findings.push(report_finding(f, path));
        }
    }
    Ok(report)
}

/// The indexed Fluent files of a locale folder under `l10n` (none when the
/// folder does not exist: a locale asked for with `--locale`).
fn read_folder(l10n: &Path, folder: &LocaleFolder) -> anyhow::Result<Vec<(String, FileIndex)>> {
    let dir = l10n.join(&folder.folder);
    let files = if dir.is_dir() {
        ftl_files(&dir, None)?
    } else {
        Vec::new()
    };
    index_files(&files)
}

/// One locale's lint: its findings and counts, its own share and the nearest
/// bundle that serves it (with `--fallback`).
type LintResult = (
    LocaleTag,
    Vec<Finding>,
    crate::coverage::checks::LocaleStats,
    Option<OwnCoverage>,
    Option<LocaleTag>,
);

/// Lint mode with `--fallback`: every folder is read (any may serve
/// another), each checked once on every core, then each checked locale is
/// served message by message along its chain of folders ([`serve_locale`]).
fn lint_with_fallback(
    source: &BundleView,
    l10n: &Path,
    folders: &BTreeMap<LocaleTag, LocaleFolder>,
    checked_tags: &[LocaleTag],
    options: &CheckOptions,
    scope: MessageScope,
) -> anyhow::Result<Vec<LintResult>> {
    let jobs: Vec<(&LocaleTag, &LocaleFolder)> = folders.iter().collect();
    let indexes = parallel_map(&jobs, |(_, folder)| read_folder(l10n, folder));
    let mut indexed: BTreeMap<LocaleTag, Vec<(String, FileIndex)>> = BTreeMap::new();
    for ((tag, _), files) in jobs.iter().zip(indexes) {
        indexed.insert((*tag).clone(), files?);
    }
    let bundles: BTreeMap<LocaleTag, BundleView> = indexed
        .iter()
        .map(|(tag, files)| {
            (
                tag.clone(),
                BundleView::new(files.iter().map(|(p, i)| (p.as_str(), i)), scope),
            )
        })
        .collect();
    let tags: Vec<&LocaleTag> = bundles.keys().collect();
    let reports = parallel_map(&tags, |tag| {
        check_locale(source, &bundles[*tag], tag, options)
    });
    let mut checked = Checked::new(source, &bundles, options.clone());
    for (tag, own) in tags.iter().zip(reports) {
        checked.insert_report((*tag).clone(), own);
    }
    let available = checked.available();
    let mut results = Vec::new();
    for tag in checked_tags {
        let order = serving_order(tag, &available, MatchPolicy::CldrFallback);
        if order.is_empty() {
            let own = checked.report(tag).clone();
            results.push((tag.clone(), own.findings, own.stats, None, None));
            continue;
        }
        let served = serve_locale(&mut checked, tag, &order);
        let own = Some(OwnCoverage {
            messages: served.own_messages,
            words: served.own_words,
        });
        results.push((
            tag.clone(),
            served.findings,
            served.stats,
            own,
            served.served_by,
        ));
    }
    Ok(results)
}

/// A finding of the engine in the report.
fn report_finding(f: Finding, path: Option<String>) -> ReportFinding {
    let texts = crate::l10n::process_texts();
    let localized_detail = (!texts.is_source() && f.text.is_some()).then(|| f.detail_in(texts));
    ReportFinding {
        rule: f.rule.id().to_string(),
        severity: f.severity,
        market: f.market,
        locale: f.locale,
        bundle: f.bundle,
        file: f.file,
        path,
        line: f.line,
        column: f.column,
        message_id: f.message_id,
        detail: f.detail,
        localized_detail,
        roadmap: None,
        launch: None,
        blocking: false,
        baselined: false,
        reasons: f.reasons,
        need_date: f.need_date,
        due_date: f.due_date,
        waived_by: f.waived_by,
    }
}

// ---------------------------------------------------------------------------
// Plan and server modes: launches into the report.
// ---------------------------------------------------------------------------

/// One launch's check, from the engine or from a server.
struct LaunchData {
    result: LaunchResult,
    findings: Vec<ReportFinding>,
    locales: Vec<LocaleStats>,
}

/// Adds a roadmap's check to the report. `path` gives the file on disk of a
/// bundle file (`bundle locale`, `file`), when there is a local tree.
fn add_roadmap(
    report: &mut Report,
    roadmap: &str,
    verdict: Verdict,
    launches: Vec<LaunchData>,
    roadmap_findings: Vec<ReportFinding>,
    path: &dyn Fn(&str, &str) -> Option<String>,
) {
    report.roadmaps.push(RoadmapResult {
        name: roadmap.to_string(),
        verdict,
    });
    for mut f in roadmap_findings {
        f.roadmap = Some(roadmap.to_string());
        report.findings.push(f);
    }
    for launch in launches {
        for mut f in launch.findings {
            // The severity is the engine's (or the server's, which is the
            // same engine). A finding is in the locale's own bundle unless it
            // names a fallback bundle; a missing message belongs in the
            // locale's own.
            if let Some(file) = &f.file {
                f.path = path(f.bundle.as_deref().unwrap_or(&f.locale), file);
            }
            f.roadmap = Some(roadmap.to_string());
            f.launch = Some(launch.result.launch.clone());
            report.findings.push(f);
        }
        for mut s in launch.locales {
            s.roadmap = Some(roadmap.to_string());
            s.launch = Some(launch.result.launch.clone());
            report.stats.push(s);
        }
        report.launches.push(launch.result);
    }
}

/// A stats row of plan and server modes.
#[allow(clippy::too_many_arguments)]
fn coverage_row(
    market: &str,
    locale: &str,
    served_by: Option<String>,
    required: u32,
    effective: u32,
    own: u32,
    required_words: u32,
    effective_words: u32,
    own_words: u32,
    optional: bool,
) -> LocaleStats {
    LocaleStats {
        market: Some(market.to_string()),
        locale: locale.to_string(),
        served_by,
        roadmap: None,
        launch: None,
        messages: Counts {
            total: required,
            translated: effective,
            incomplete: 0,
            missing: required.saturating_sub(effective),
        },
        words: Counts {
            total: required_words,
            translated: effective_words,
            incomplete: 0,
            missing: required_words.saturating_sub(effective_words),
        },
        coverage_percent: percent(effective, required),
        own: Some(OwnCoverage {
            messages: own,
            words: own_words,
        }),
        obsolete_messages: None,
        optional,
        reasons: Vec::new(),
        need_date: None,
        due_date: None,
    }
}

// ---------------------------------------------------------------------------
// Plan mode.
// ---------------------------------------------------------------------------

/// `FILE:LINE:COLUMN` of a byte offset in `text`.
fn position(file: &str, text: &str, offset: Option<usize>) -> String {
    let Some(offset) = offset else {
        return file.to_string();
    };
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    format!("{file}:{line}:{column}")
}

/// A plan's resources as domain values, by name.
struct DomainPlan {
    product: domain::Product,
    markets: BTreeMap<String, domain::Market>,
    requirements: Vec<(String, domain::Requirement)>,
    variants: BTreeMap<String, domain::Variant>,
    launches: Vec<(String, Launch)>,
    roadmaps: Vec<(String, Roadmap)>,
}

fn plan_mode(
    plan_path: &Path,
    roadmap: Option<&str>,
    settings: &Settings,
) -> anyhow::Result<Report> {
    let shown = settings.shown(plan_path);
    let text = std::fs::read_to_string(plan_path)
        .map_err(|e| anyhow::anyhow!(texts::cannot_read(&shown, &e.to_string())))?;
    let source = PlanSource::parse(&text).map_err(|problems| {
        let first = &problems[0];
        anyhow::anyhow!(texts::bad_plan(
            &position(&shown, &text, first.span.as_ref().map(|s| s.start)),
            &first.message,
            problems.len() - 1
        ))
    })?;
    let plan = to_domain(source.plan.clone()).map_err(|v| {
        let list = v.list();
        let first = &list[0];
        anyhow::anyhow!(texts::bad_plan(
            &position(&shown, &text, source.locate(&first.field).map(|s| s.start)),
            &format!(
                "{}: {}",
                first.field,
                first
                    .text
                    .as_ref()
                    .map_or_else(|| first.description.clone(), texts::why)
            ),
            list.len() - 1
        ))
    })?;

    let Some(fluent) = &plan.product.fluent_source else {
        bail!(texts::plan_without_fluent(&shown));
    };
    let Layout { prefix, glob } = Layout::parse(&fluent.layout)
        .map_err(|why| anyhow::anyhow!(texts::bad_layout(&shown, &fluent.layout, &why)))?;
    let dir = plan_path
        .parent()
        .unwrap_or(Path::new(""))
        .join(&fluent.directory);
    require_dir("[product.fluent] directory", &dir, settings)?;
    let base = dir.join(prefix);
    require_dir("[product.fluent] directory", &base, settings)?;

    let source_locale = plan.product.source_locale.clone();
    let mut report = Report::new(Mode::Plan, source_locale.as_str());
    let folders = locale_folders(&base, None, &mut report.notes)?;
    if !folders.contains_key(&source_locale) {
        bail!(texts::no_source_folder(
            source_locale.as_str(),
            &settings.shown(&base)
        ));
    }
    let jobs: Vec<(&LocaleTag, &LocaleFolder)> = folders.iter().collect();
    let indexed = parallel_map(&jobs, |(_, folder)| {
        let files = ftl_files(&base.join(&folder.folder), Some(&glob))?;
        index_files(&files)
    });
    let mut bundles: BTreeMap<LocaleTag, Vec<(String, FileIndex)>> = BTreeMap::new();
    for ((tag, _), files) in jobs.iter().zip(indexed) {
        let files = files?;
        if !files.is_empty() || **tag == source_locale {
            bundles.insert((*tag).clone(), files);
        }
    }
    let mut product = plan.product.clone();
    if let Some(scope) = settings.scope {
        product.message_scope = scope;
    }
    let views: BTreeMap<LocaleTag, BundleView> = bundles
        .iter()
        .map(|(l, files)| {
            (
                l.clone(),
                BundleView::new(
                    files.iter().map(|(p, i)| (p.as_str(), i)),
                    product.message_scope,
                ),
            )
        })
        .collect();

    let product_name = source
        .plan
        .product
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let roadmaps: Vec<&(String, Roadmap)> = match roadmap {
        None => plan.roadmaps.iter().collect(),
        Some(wanted) => {
            let full = if wanted.contains('/') {
                wanted.to_string()
            } else {
                format!("{product_name}/roadmaps/{wanted}")
            };
            let found: Vec<_> = plan.roadmaps.iter().filter(|(n, _)| *n == full).collect();
            if found.is_empty() {
                let known: Vec<String> = plan
                    .roadmaps
                    .iter()
                    .map(|(n, _)| n.rsplit('/').next().unwrap_or(n).to_string())
                    .collect();
                bail!(texts::unknown_roadmap(&shown, wanted, &known));
            }
            found
        }
    };
    if roadmaps.is_empty() {
        report.notes.push(texts::plan_without_roadmaps(&shown));
    }
    let as_of = settings.as_of.unwrap_or_else(CalendarDate::today_utc);
    let window = settings.window_days.unwrap_or(14);
    report.as_of = Some(as_of.to_string());
    report.window_days = Some(window);
    report.market_window_days = settings.market_windows.clone();
    let options = RoadmapOptions {
        as_of,
        window_days: window,
        market_windows: settings.market_windows.clone(),
        checks: CheckOptions {
            source_locale: None,
            identical_allowed: settings.identical_allowed.clone(),
        },
    };
    let path = |bundle: &str, file: &str| {
        let tag = LocaleTag::parse(bundle).ok()?;
        let folder = folders.get(&tag)?;
        Some(settings.shown(&base.join(&folder.folder).join(file)))
    };
    let feature_ids: BTreeSet<String> = plan
        .roadmaps
        .iter()
        .flat_map(|(_, r)| r.items.iter().map(|i| i.id.clone()))
        .collect();
    for (name, roadmap) in roadmaps {
        let inputs = PlanInputs {
            product: &product,
            markets: &plan.markets,
            requirements: &plan.requirements,
            variants: &plan.variants,
            launches: &plan.launches,
            roadmap,
            feature_ids: Some(&feature_ids),
            bundles: &views,
        };
        let checked = check_roadmap(&inputs, &options);
        let launches = checked
            .launches
            .into_iter()
            .map(|l| LaunchData {
                findings: l
                    .findings
                    .into_iter()
                    .map(|f| report_finding(f, None))
                    .collect(),
                locales: l
                    .locales
                    .iter()
                    .map(|c| {
                        let v = &c.coverage;
                        let mut row = coverage_row(
                            &l.market,
                            &c.locale,
                            c.served_by.clone(),
                            v.required_messages,
                            v.effective_messages,
                            v.own_messages,
                            v.required_words,
                            v.effective_words,
                            v.own_words,
                            c.optional,
                        );
                        row.reasons = c.reasons.clone();
                        row.need_date = c.need_date;
                        row.due_date = c.due_date;
                        row
                    })
                    .collect(),
                result: LaunchResult {
                    roadmap: name.clone(),
                    launch: l.launch,
                    market: l.market,
                    variant: l.variant,
                    date: l.date.to_string(),
                    days_until: l.days_until,
                    verdict: l.verdict,
                },
            })
            .collect();
        let roadmap_findings = checked
            .findings
            .into_iter()
            .map(|f| report_finding(f, None))
            .collect();
        add_roadmap(
            &mut report,
            name,
            checked.verdict,
            launches,
            roadmap_findings,
            &path,
        );
    }
    Ok(report)
}

/// Validates a parsed plan into domain values with ImportPlan's validation
/// ([`api::validate_plan`]), offline: every name the plan references must be
/// in the plan or its market preset (there is no server to hold the rest).
/// Every violation is collected.
fn to_domain(plan: pb::Plan) -> Result<DomainPlan, Violations> {
    let Ok(valid) = api::validate_plan(plan, &api::Offline);
    let ValidPlan {
        preset_markets,
        preset_requirements,
        markets,
        requirements,
        product: (_, product),
        variants,
        launches,
        roadmaps,
    } = valid?;
    let requirements: BTreeMap<String, domain::Requirement> = preset_requirements
        .into_iter()
        .chain(requirements)
        .map(named)
        .collect();
    // The engine reports launches in the order given; the server gives them
    // in name order, and so does this.
    let mut launches: Vec<(String, Launch)> = launches.into_iter().map(named).collect();
    launches.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(DomainPlan {
        product,
        markets: preset_markets
            .into_iter()
            .chain(markets)
            .map(named)
            .collect(),
        requirements: requirements.into_iter().collect(),
        variants: variants.into_iter().map(named).collect(),
        launches,
        roadmaps: roadmaps.into_iter().map(named).collect(),
    })
}

/// A plan's resource keyed by its name as a string.
fn named<T>((name, value): (ResourceName, T)) -> (String, T) {
    (name.to_string(), value)
}

// ---------------------------------------------------------------------------
// Server mode.
// ---------------------------------------------------------------------------

fn severity_from_pb(raw: i32) -> Severity {
    match pb::Severity::try_from(raw) {
        Ok(pb::Severity::Warning) => Severity::Warning,
        Ok(pb::Severity::Info) => Severity::Info,
        _ => Severity::Error,
    }
}

fn verdict_from_pb(raw: i32) -> Verdict {
    match pb::Verdict::try_from(raw) {
        Ok(pb::Verdict::Ready) => Verdict::Ready,
        Ok(pb::Verdict::AtRisk) => Verdict::AtRisk,
        _ => Verdict::Blocked,
    }
}

fn finding_from_pb(f: pb::Finding) -> ReportFinding {
    let some = |s: String| (!s.is_empty()).then_some(s);
    ReportFinding {
        rule: f.rule,
        severity: severity_from_pb(f.severity),
        market: some(f.market),
        locale: f.locale,
        bundle: some(f.bundle),
        file: some(f.file),
        path: None,
        line: u32::try_from(f.line).unwrap_or(0),
        column: u32::try_from(f.column).unwrap_or(0),
        message_id: some(f.message_id),
        localized_detail: (!f.localized_detail.is_empty() && f.localized_detail != f.detail)
            .then_some(f.localized_detail),
        detail: f.detail,
        roadmap: None,
        launch: None,
        blocking: false,
        baselined: false,
        reasons: f
            .reasons
            .iter()
            .filter_map(api::need_reason_from_pb)
            .collect(),
        need_date: f.need_date.as_ref().and_then(api::date_of_pb),
        due_date: f.due_date.as_ref().and_then(api::date_of_pb),
        waived_by: f.waived_by.iter().map(api::waived_from_pb).collect(),
    }
}

fn date_text(d: Option<&Date>) -> String {
    d.map_or_else(String::new, |d| {
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    })
}

async fn server_mode(
    server: &ServerUrl,
    roadmap: &ResourceName,
    push_dir: Option<&Path>,
    settings: &Settings,
) -> anyhow::Result<Report> {
    let Some(product) = roadmap.parent() else {
        bail!(texts::server_needs_roadmap());
    };
    let mut folders = BTreeMap::new();
    if let Some(dir) = push_dir {
        require_dir("--push", dir, settings)?;
        let mut notes = Vec::new();
        folders = locale_folders(dir, None, &mut notes)?;
        let code = push::push(PushArgs {
            server: server.clone(),
            product: product.to_string(),
            dir: dir.to_path_buf(),
            layout: "{locale}/**/*.ftl".to_string(),
            locales: Vec::new(),
            merge: false,
            max_files_per_request: 1000,
            max_request_bytes: 16 * 1024 * 1024,
            concurrency: 4,
            all_diagnostics: false,
        })
        .await?;
        if code != 0 {
            bail!(texts::push_failed(&settings.shown(dir)));
        }
    }
    let channel = server.connect().await?;
    let mut client = PlanningServiceClient::new(channel.clone());
    let request = pb::CheckRoadmapRequest {
        name: roadmap.to_string(),
        as_of: settings.as_of.map(|d| Date {
            year: d.year(),
            month: d.month(),
            day: d.day(),
        }),
        window_days: settings
            .window_days
            .map(|w| i32::try_from(w).unwrap_or(i32::MAX)),
        market_window_days: settings
            .market_windows
            .iter()
            .map(|(m, d)| (m.clone(), i32::try_from(*d).unwrap_or(i32::MAX)))
            .collect(),
        identical_allowed: settings.identical_allowed.clone(),
    };
    // Findings' details in the report's language, when it is not en-US.
    let mut request = tonic::Request::new(request);
    let texts = crate::l10n::process_texts();
    if !texts.is_source() {
        if let Ok(value) = texts.language().to_string().parse() {
            request.metadata_mut().insert("accept-language", value);
        }
    }
    let response = client
        .check_roadmap(request)
        .await
        .map_err(|s| status_error(&format!("cannot check {roadmap}"), s))?
        .into_inner();

    // The product's source locale, for the findings about the roadmap.
    let mut products =
        crate::api::pb::glocal::v1::product_service_client::ProductServiceClient::new(channel);
    let source_locale = products
        .get_product(pb::GetProductRequest {
            name: product.to_string(),
        })
        .await
        .map(|p| p.into_inner().source_locale)
        .unwrap_or_default();

    let mut report = Report::new(Mode::Server, source_locale);
    report.as_of = Some(date_text(response.as_of.as_ref()));
    report.window_days = Some(settings.window_days.unwrap_or(14));
    report.market_window_days = settings.market_windows.clone();
    let launches = response
        .launches
        .into_iter()
        .map(|l| LaunchData {
            locales: l
                .locales
                .iter()
                .map(|c| {
                    let v = c.coverage.unwrap_or_default();
                    let n = |x: i32| u32::try_from(x).unwrap_or(0);
                    let mut row = coverage_row(
                        &l.market,
                        &c.locale,
                        (!c.served_by.is_empty()).then(|| c.served_by.clone()),
                        n(v.required_messages),
                        n(v.effective_messages),
                        n(v.own_messages),
                        n(v.required_words),
                        n(v.effective_words),
                        n(v.own_words),
                        c.optional,
                    );
                    row.reasons = c
                        .reasons
                        .iter()
                        .filter_map(api::need_reason_from_pb)
                        .collect();
                    row.need_date = c.need_date.as_ref().and_then(api::date_of_pb);
                    row.due_date = c.due_date.as_ref().and_then(api::date_of_pb);
                    row
                })
                .collect(),
            findings: l.findings.into_iter().map(finding_from_pb).collect(),
            result: LaunchResult {
                roadmap: response.roadmap.clone(),
                launch: l.launch,
                market: l.market,
                variant: l.variant,
                date: date_text(l.date.as_ref()),
                days_until: i64::from(l.days_until.unwrap_or_default()),
                verdict: verdict_from_pb(l.verdict),
            },
        })
        .collect();
    let roadmap_findings = response.findings.into_iter().map(finding_from_pb).collect();
    let path = |bundle: &str, file: &str| {
        let dir = push_dir?;
        let folder: &LocaleFolder = folders.get(&LocaleTag::parse(bundle).ok()?)?;
        Some(settings.shown(&dir.join(&folder.folder).join(file)))
    };
    add_roadmap(
        &mut report,
        &response.roadmap,
        verdict_from_pb(response.verdict),
        launches,
        roadmap_findings,
        &path,
    );
    Ok(report)
}

// ---------------------------------------------------------------------------
// Output.
// ---------------------------------------------------------------------------

/// A report written to a file.
#[derive(Debug, Clone, Copy)]
enum FileFormat {
    Json,
    Markdown,
    Junit,
    Sarif,
}

impl FileFormat {
    fn name(self) -> &'static str {
        match self {
            FileFormat::Json => "JSON",
            FileFormat::Markdown => "Markdown",
            FileFormat::Junit => "JUnit",
            FileFormat::Sarif => "SARIF",
        }
    }

    fn render(self, report: &Report, cwd: &Path, sarif_max_results: usize) -> String {
        match self {
            FileFormat::Json => report::json::render(report),
            FileFormat::Markdown => report::markdown::render(report),
            FileFormat::Junit => report::junit::render(report),
            FileFormat::Sarif => report::sarif::render(report, cwd, sarif_max_results),
        }
    }
}

/// Writes the reports asked for: files first (an unwritable path is an error,
/// exit 2), then standard output.
fn write_outputs(args: &ReportArgs, report: &Report, cwd: &Path) -> anyhow::Result<()> {
    let mut stdout = String::new();
    let files = [
        (FileFormat::Json, &args.json),
        (FileFormat::Markdown, &args.markdown),
        (FileFormat::Junit, &args.junit),
        (FileFormat::Sarif, &args.sarif),
    ];
    for (format, path) in files {
        let Some(path) = path else { continue };
        let text = format.render(report, cwd, args.sarif_max_results);
        if path.as_os_str() == "-" {
            stdout.push_str(&text);
        } else {
            std::fs::write(path, text).map_err(|e| {
                anyhow::anyhow!(texts::cannot_write(
                    format.name(),
                    &path.display().to_string(),
                    &e.to_string()
                ))
            })?;
        }
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let main = match args.format {
        StdoutFormat::Text => report::text::render(report, color),
        StdoutFormat::Json => report::json::render(report),
        StdoutFormat::Markdown => report::markdown::render(report),
        StdoutFormat::Junit => report::junit::render(report),
        StdoutFormat::Sarif => report::sarif::render(report, cwd, args.sarif_max_results),
        StdoutFormat::None => String::new(),
    };
    let mut out = main;
    out.push_str(&stdout);
    if args.github {
        out.push_str(&report::github::render(report));
    }
    let mut lock = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error of the check.
    let _ = lock.write_all(out.as_bytes()).and_then(|()| lock.flush());
    if args.format != StdoutFormat::Text {
        eprintln!("{}", texts::summary_line(&gate::summary_counts(report)));
    }
    Ok(())
}
