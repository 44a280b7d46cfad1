//! `glocal import` and `glocal export`: plan files.
//!
//! A plan file is a TOML document that people write and review: one product
//! with its variants, launches and roadmaps, plus the markets and
//! requirements they use. `examples/plan.toml` is the reference of the format,
//! with a comment on every key. In short:
//!
//! - Resources are named by id where the kind is obvious: `[[market]] id =
//!   "shop-fi"` is `markets/shop-fi`, a variant's `markets = ["shop-fi"]`, a
//!   launch's `variant = "eu"` is a variant of the plan's product, a waiver's
//!   `requirement = "germany-impressum"`. A reference holding a `/` is taken
//!   as a full resource name.
//! - Enums are short words (`kind = "LEGAL_LANGUAGE"`, `phase = "GA"`), dates
//!   are TOML local dates (`2027-01-01`), a jurisdiction is `{ country =
//!   "FI" }`, `{ subdivision = "CA-QC" }` or `{ bloc = "EU" }`.
//! - Unknown keys, wrong types and bad dates are errors with the position in
//!   the file; what the server rejects is pointed back to the entry too.
//!
//! [`PlanSource::parse`] turns the text into a `glocal.v1.Plan`;
//! [`render_plan`] writes a plan back in the same format, deterministically,
//! leaving out fields at their default, so that export → import → export is
//! byte for byte the same.

use std::{
    collections::BTreeMap,
    fmt::Write as _,
    io::Write as _,
    ops::Range,
    path::{Path, PathBuf},
};

use anyhow::Context as _;
use serde::{de::Error as _, Deserialize, Deserializer};
use toml::de::{DeTable, DeValue};
use toml::Spanned;
use tonic_types::StatusExt as _;

use crate::api::pb::glocal::v1::{self as pb, planning_service_client::PlanningServiceClient};
use crate::api::pb::google::r#type::Date;

use super::client::status_error;
use super::ServerUrl;

/// Arguments of `glocal import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The plan file (TOML); see examples/plan.toml for the format.
    pub plan: PathBuf,
    /// The server, such as http://127.0.0.1:50051.
    #[arg(long, env = "GLOCAL_SERVER")]
    pub server: ServerUrl,
    /// Only check the plan against the server; change nothing.
    #[arg(long)]
    pub validate_only: bool,
    /// List every resource name, not only the counts.
    #[arg(short, long)]
    pub verbose: bool,
}

/// Arguments of `glocal export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The server, such as http://127.0.0.1:50051.
    #[arg(long, env = "GLOCAL_SERVER")]
    pub server: ServerUrl,
    /// The product, as an id or `products/{product}`.
    #[arg(long)]
    pub product: String,
    /// Write the plan to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// At most this many names are listed after the summary without `--verbose`.
const SHORT_LIST: usize = 10;

/// Runs `glocal import`.
pub async fn import(args: ImportArgs) -> anyhow::Result<i32> {
    let file = args.plan.display().to_string();
    let text = std::fs::read_to_string(&args.plan)
        .map_err(|e| anyhow::anyhow!("cannot read plan file {file}: {e}"))?;
    let source = match PlanSource::parse(&text) {
        Ok(source) => source,
        Err(problems) => {
            for p in &problems {
                eprint!("{}", p.render(&file, &text));
            }
            eprintln!(
                "error: {file} is not a valid plan file ({}); nothing was sent",
                count(problems.len(), "problem")
            );
            return Ok(2);
        }
    };
    let mut client = PlanningServiceClient::new(args.server.connect().await?);
    let request = pb::ImportPlanRequest {
        plan: Some(source.plan.clone()),
        validate_only: args.validate_only,
    };
    let response = match client.import_plan(request).await {
        Ok(response) => response.into_inner(),
        Err(status) if status.code() == tonic::Code::InvalidArgument => {
            let details = status.get_error_details();
            let Some(bad) = details
                .bad_request()
                .filter(|b| !b.field_violations.is_empty())
            else {
                return Err(status_error(&format!("cannot import {file}"), status));
            };
            for v in &bad.field_violations {
                let problem = Problem {
                    span: source.locate(&v.field),
                    message: format!("{}: {}", v.field, v.description),
                };
                eprint!("{}", problem.render(&file, &text));
            }
            eprintln!(
                "error: the server rejected {file} ({}); nothing was changed",
                count(bad.field_violations.len(), "problem")
            );
            return Ok(2);
        }
        Err(status) => return Err(status_error(&format!("cannot import {file}"), status)),
    };
    print!(
        "{}",
        import_summary(&file, &response, args.validate_only, args.verbose)
    );
    Ok(0)
}

/// Runs `glocal export`.
pub async fn export(args: ExportArgs) -> anyhow::Result<i32> {
    let product = if args.product.contains('/') {
        args.product.clone()
    } else {
        format!("products/{}", args.product)
    };
    let mut client = PlanningServiceClient::new(args.server.connect().await?);
    let plan = client
        .export_plan(pb::ExportPlanRequest {
            product: product.clone(),
        })
        .await
        .map_err(|status| status_error(&format!("cannot export {product}"), status))?
        .into_inner();
    let text = render_plan(&plan)?;
    match &args.output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .context("cannot write the plan to standard output")?;
        }
        Some(path) => {
            write_file(path, &text)?;
            eprintln!("wrote the plan of {product} to {}", path.display());
        }
    }
    Ok(0)
}

/// Writes `text` to `path` through a temporary file beside it, so that a
/// failed export never leaves half a plan.
fn write_file(path: &Path, text: &str) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(".tmp");
    let tmp = path.with_file_name(tmp_name);
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            anyhow::anyhow!("cannot write {}: {e}", path.display())
        })
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The lines printed after a successful import.
fn import_summary(
    file: &str,
    r: &pb::ImportPlanResponse,
    validate_only: bool,
    verbose: bool,
) -> String {
    let (created, updated, unchanged, kept) = (
        r.created.len(),
        r.updated.len(),
        r.unchanged.len(),
        r.kept.len(),
    );
    let kept_note = if kept > 0 {
        format!(", kept {kept} existing preset resources")
    } else {
        String::new()
    };
    let mut out = if validate_only {
        format!(
            "{file} is valid; an import would give created {created}, updated {updated}, \
             unchanged {unchanged}{kept_note} (--validate-only: nothing was changed)\n"
        )
    } else {
        format!("imported {file}: created {created}, updated {updated}, unchanged {unchanged}{kept_note}\n")
    };
    let total = created + updated + unchanged + kept;
    if verbose || total <= SHORT_LIST {
        let (c, u) = if validate_only {
            ("would create", "would update")
        } else {
            ("created", "updated")
        };
        for (verb, names) in [
            (c, &r.created),
            (u, &r.updated),
            ("unchanged", &r.unchanged),
            ("kept", &r.kept),
        ] {
            for name in names {
                let _ = writeln!(out, "  {verb} {name}");
            }
        }
    } else if total > 0 {
        out.push_str("  (use --verbose to list the names)\n");
    }
    out
}

// ---------------------------------------------------------------------------
// The file format, as read.
// ---------------------------------------------------------------------------

/// A plan file. Each array of tables (`[[market]]`) is one repeated field of
/// `glocal.v1.Plan`, in the same order, so that `plan.markets[2]` is the third
/// `[[market]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    #[serde(default)]
    market_preset: String,
    #[serde(default)]
    market: Vec<MarketEntry>,
    #[serde(default)]
    requirement: Vec<RequirementEntry>,
    product: ProductEntry,
    #[serde(default)]
    variant: Vec<VariantEntry>,
    #[serde(default)]
    launch: Vec<LaunchEntry>,
    #[serde(default)]
    roadmap: Vec<RoadmapEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarketEntry {
    id: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    subdivisions: Vec<String>,
    #[serde(default)]
    blocs: Vec<String>,
    #[serde(default)]
    currency: String,
    #[serde(default)]
    storefront_locales: Vec<String>,
    #[serde(default)]
    default_locale: String,
    #[serde(default)]
    external_ids: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementEntry {
    id: String,
    #[serde(default)]
    jurisdiction: Option<Jurisdiction>,
    #[serde(default)]
    kind: Option<Kind>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    legal_reference: String,
    #[serde(default)]
    source_url: String,
    #[serde(default)]
    effective_from: Option<PlanDate>,
    #[serde(default)]
    effective_until: Option<PlanDate>,
    #[serde(default)]
    product_categories: Vec<String>,
    #[serde(default)]
    locale_rules: Vec<LocaleRuleEntry>,
    #[serde(default)]
    required_messages: Vec<String>,
}

/// `{ country = "FR" }`, `{ subdivision = "CA-QC" }` or `{ bloc = "EU" }`.
#[derive(Debug)]
enum Jurisdiction {
    Country(String),
    Subdivision(String),
    Bloc(String),
}

impl<'de> Deserialize<'de> for Jurisdiction {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Table {
            country: Option<String>,
            subdivision: Option<String>,
            bloc: Option<String>,
        }
        let t = Table::deserialize(d)?;
        match (t.country, t.subdivision, t.bloc) {
            (Some(c), None, None) => Ok(Jurisdiction::Country(c)),
            (None, Some(s), None) => Ok(Jurisdiction::Subdivision(s)),
            (None, None, Some(b)) => Ok(Jurisdiction::Bloc(b)),
            _ => Err(D::Error::custom(
                "a jurisdiction is exactly one of { country = \"FR\" }, \
                 { subdivision = \"CA-QC\" } or { bloc = \"EU\" }",
            )),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleRuleEntry {
    #[serde(default)]
    locale: String,
    #[serde(default)]
    obligation: Option<ObligationWord>,
    #[serde(default)]
    match_policy: Option<MatchPolicyWord>,
    #[serde(default)]
    must_be_default: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductEntry {
    id: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    source_locale: String,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    message_scope: Option<ScopeWord>,
    #[serde(default)]
    fluent: Option<FluentEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FluentEntry {
    #[serde(default)]
    directory: String,
    #[serde(default)]
    layout: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VariantEntry {
    id: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    sku: String,
    #[serde(default)]
    markets: Vec<String>,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
    #[serde(default)]
    features: Vec<String>,
    #[serde(default)]
    required_messages: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LaunchEntry {
    id: String,
    #[serde(default)]
    market: String,
    #[serde(default)]
    variant: String,
    #[serde(default)]
    phases: Vec<PhaseEntry>,
    #[serde(default)]
    status: Option<StatusWord>,
    #[serde(default)]
    locales: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhaseEntry {
    #[serde(default)]
    phase: Option<PhaseWord>,
    #[serde(default)]
    date: Option<PlanDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoadmapEntry {
    id: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    item: Vec<ItemEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemEntry {
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    messages: Vec<String>,
    #[serde(default)]
    target_date: Option<PlanDate>,
    #[serde(default)]
    markets: Vec<String>,
    #[serde(default)]
    waivers: Vec<WaiverEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WaiverEntry {
    #[serde(default)]
    requirement: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    approver: String,
    #[serde(default)]
    expiry: Option<PlanDate>,
}

/// A TOML local date, such as `2027-02-01` (without quotes or a time).
#[derive(Debug, Clone, Copy)]
struct PlanDate(Date);

impl<'de> Deserialize<'de> for PlanDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let dt = toml::value::Datetime::deserialize(d).map_err(|e| {
            let message = e.to_string();
            D::Error::custom(message.trim_end().replace(
                "a TOML datetime",
                "a date such as 2027-02-01 (a TOML date, without quotes)",
            ))
        })?;
        match (dt.date, dt.time, dt.offset) {
            (Some(date), None, None) => Ok(PlanDate(Date {
                year: i32::from(date.year),
                month: i32::from(date.month),
                day: i32::from(date.day),
            })),
            _ => Err(D::Error::custom(format!(
                "expected a date such as 2027-02-01, found {dt} (a plan has dates, not times)"
            ))),
        }
    }
}

/// Enums of the API written as short words: `kind = "LEGAL_LANGUAGE"` for
/// `REQUIREMENT_KIND_LEGAL_LANGUAGE`. `UNSPECIFIED` is written by leaving the
/// key out.
macro_rules! words {
    ($name:ident => $pb:ident { $($variant:ident = $word:literal),* $(,)? }) => {
        #[derive(Debug, Clone, Copy, Deserialize)]
        enum $name {
            $(#[serde(rename = $word)] $variant),*
        }

        impl $name {
            fn to_pb(self) -> i32 {
                match self {
                    $($name::$variant => pb::$pb::$variant as i32),*
                }
            }

            /// The word of a proto value; `Ok(None)` for UNSPECIFIED.
            fn word_of(raw: i32) -> anyhow::Result<Option<&'static str>> {
                match pb::$pb::try_from(raw) {
                    Ok(pb::$pb::Unspecified) => Ok(None),
                    $(Ok(pb::$pb::$variant) => Ok(Some($word)),)*
                    Err(_) => anyhow::bail!(
                        "the server sent {} value {raw}, which this glocal does not know; \
                         update glocal",
                        stringify!($pb)
                    ),
                }
            }
        }
    };
}

words!(Kind => RequirementKind {
    LegalLanguage = "LEGAL_LANGUAGE",
    Privacy = "PRIVACY",
    ConsumerInfo = "CONSUMER_INFO",
    PricingDisplay = "PRICING_DISPLAY",
    SafetyMark = "SAFETY_MARK",
    AgeRating = "AGE_RATING",
    Accessibility = "ACCESSIBILITY",
    Tax = "TAX",
    Other = "OTHER",
});
words!(ObligationWord => Obligation {
    Mandatory = "MANDATORY",
    Recommended = "RECOMMENDED",
});
words!(MatchPolicyWord => MatchPolicy {
    Exact = "EXACT",
    SameLanguage = "SAME_LANGUAGE",
    CldrFallback = "CLDR_FALLBACK",
});
words!(PhaseWord => LaunchPhase {
    Alpha = "ALPHA",
    Beta = "BETA",
    Ga = "GA",
});
words!(StatusWord => LaunchStatus {
    Planned = "PLANNED",
    Launched = "LAUNCHED",
    Paused = "PAUSED",
    Cancelled = "CANCELLED",
});
// Lowercase, as the domain spells it (`MessageScope::as_str`).
words!(ScopeWord => MessageScope {
    File = "file",
    Bundle = "bundle",
});

// ---------------------------------------------------------------------------
// Reading: text -> pb::Plan, and positions of what the server rejects.
// ---------------------------------------------------------------------------

/// A problem with a plan file, at a byte range of the text when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// Byte range in the file.
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// `FILE:LINE:COLUMN: message`, then the line with a caret under the
    /// range; just `FILE: message` without a position.
    pub fn render(&self, file: &str, text: &str) -> String {
        let Some(span) = &self.span else {
            return format!("{file}: {}\n", self.message);
        };
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_no = text[..start].matches('\n').count() + 1;
        let line = text[line_start..line_end].trim_end_matches('\r');
        let before = &text[line_start..start];
        let column = before.chars().count() + 1;
        let end = floor_char_boundary(text, span.end.clamp(start, line_end));
        let width = text[start..end].chars().count().max(1);
        let pad: String = before
            .chars()
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let gutter = " ".repeat(line_no.to_string().len());
        format!(
            "{file}:{line_no}:{column}: {}\n{gutter} |\n{line_no} | {line}\n{gutter} | {pad}{}\n",
            self.message,
            "^".repeat(width)
        )
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A parsed plan file: the plan to send, and what is needed to point a
/// server's field violation back at the file.
#[derive(Debug, Clone)]
pub(crate) struct PlanSource {
    /// The plan, as `ImportPlan` takes it.
    pub plan: pb::Plan,
    text: String,
}

impl PlanSource {
    /// Parses the text of a plan file; every syntax error, or else the first
    /// structural error (unknown key, wrong type, bad date), with its position.
    pub fn parse(text: &str) -> Result<PlanSource, Vec<Problem>> {
        let (_, mut errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.span().map(|s| (s.start, s.end)));
            let mut problems: Vec<Problem> = errors
                .iter()
                .map(|e| Problem {
                    span: e.span(),
                    message: one_line(e.message()),
                })
                .collect();
            problems.dedup();
            return Err(problems);
        }
        let file: PlanFile = toml::from_str(text).map_err(|e| {
            let message = match e.message() {
                "missing field `product`" => {
                    "the plan has no [product] table: a plan describes one product \
                     (see examples/plan.toml)"
                        .to_string()
                }
                other => one_line(other),
            };
            vec![Problem {
                span: e.span(),
                message,
            }]
        })?;
        Ok(PlanSource::build(file, text))
    }

    fn build(file: PlanFile, text: &str) -> PlanSource {
        let product = format!("products/{}", file.product.id);

        let markets = file
            .market
            .into_iter()
            .map(|m| {
                let name = format!("markets/{}", m.id);
                pb::Market {
                    name,
                    display_name: m.display_name,
                    country: m.country,
                    subdivisions: m.subdivisions,
                    blocs: m.blocs,
                    currency: m.currency,
                    storefront_locales: m.storefront_locales,
                    default_locale: m.default_locale,
                    external_ids: m.external_ids.into_iter().collect(),
                    ..Default::default()
                }
            })
            .collect();

        let requirements = file
            .requirement
            .into_iter()
            .map(|r| {
                use pb::jurisdiction::Place;
                let name = format!("requirements/{}", r.id);
                pb::Requirement {
                    name,
                    jurisdiction: r.jurisdiction.map(|j| pb::Jurisdiction {
                        place: Some(match j {
                            Jurisdiction::Country(c) => Place::Country(c),
                            Jurisdiction::Subdivision(s) => Place::Subdivision(s),
                            Jurisdiction::Bloc(b) => Place::Bloc(b),
                        }),
                    }),
                    kind: r.kind.map_or(0, Kind::to_pb),
                    summary: r.summary,
                    legal_reference: r.legal_reference,
                    source_url: r.source_url,
                    effective_from: r.effective_from.map(|d| d.0),
                    effective_until: r.effective_until.map(|d| d.0),
                    product_categories: r.product_categories,
                    locale_rules: r
                        .locale_rules
                        .into_iter()
                        .map(|l| pb::LocaleRule {
                            locale: l.locale,
                            obligation: l.obligation.map_or(0, ObligationWord::to_pb),
                            match_policy: l.match_policy.map_or(0, MatchPolicyWord::to_pb),
                            must_be_default: l.must_be_default,
                        })
                        .collect(),
                    required_messages: r.required_messages,
                    ..Default::default()
                }
            })
            .collect();
        let p = file.product;
        let product_pb = pb::Product {
            name: product.clone(),
            display_name: p.display_name,
            source_locale: p.source_locale,
            categories: p.categories,
            message_scope: p.message_scope.map_or(0, ScopeWord::to_pb),
            fluent_source: p.fluent.map(|f| pb::FluentSource {
                directory: f.directory,
                layout: f.layout,
            }),
            ..Default::default()
        };

        let mut variants = Vec::new();
        for v in file.variant {
            let name = format!("{product}/variants/{}", v.id);
            let markets = v.markets.iter().map(|m| full_name("markets", m)).collect();
            variants.push(pb::Variant {
                name,
                display_name: v.display_name,
                sku: v.sku,
                markets,
                attributes: v.attributes.into_iter().collect(),
                features: v.features,
                required_messages: v.required_messages,
                ..Default::default()
            });
        }

        let mut launches = Vec::new();
        for l in file.launch {
            let name = format!("{product}/launches/{}", l.id);
            let market = full_name("markets", &l.market);
            let variant = full_name(&format!("{product}/variants"), &l.variant);
            launches.push(pb::Launch {
                name,
                market,
                variant,
                phases: l
                    .phases
                    .into_iter()
                    .map(|p| pb::PhaseDate {
                        phase: p.phase.map_or(0, PhaseWord::to_pb),
                        date: p.date.map(|d| d.0),
                    })
                    .collect(),
                status: l.status.map_or(0, StatusWord::to_pb),
                locales: l.locales,
                ..Default::default()
            });
        }

        let mut roadmaps = Vec::new();
        for r in file.roadmap {
            let name = format!("{product}/roadmaps/{}", r.id);
            let mut items = Vec::new();
            for item in r.item {
                let markets = item
                    .markets
                    .iter()
                    .map(|m| full_name("markets", m))
                    .collect();
                let waivers = item
                    .waivers
                    .into_iter()
                    .map(|w| pb::Waiver {
                        requirement: full_name("requirements", &w.requirement),
                        reason: w.reason,
                        approver: w.approver,
                        expiry: w.expiry.map(|d| d.0),
                    })
                    .collect();
                items.push(pb::RoadmapItem {
                    id: item.id,
                    title: item.title,
                    messages: item.messages,
                    target_date: item.target_date.map(|d| d.0),
                    markets,
                    waivers,
                });
            }
            roadmaps.push(pb::Roadmap {
                name,
                display_name: r.display_name,
                items,
                ..Default::default()
            });
        }

        PlanSource {
            plan: pb::Plan {
                market_preset: file.market_preset,
                markets,
                requirements,
                product: Some(product_pb),
                variants,
                launches,
                roadmaps,
            },
            text: text.to_string(),
        }
    }

    /// The byte range in the file of the field a server violation names,
    /// such as `plan.markets[2].country`, or of the closest enclosing entry.
    pub fn locate(&self, field: &str) -> Option<Range<usize>> {
        let path = file_path(field)?;
        let (root, _) = DeTable::parse_recoverable(&self.text);
        find_in_table(root.get_ref(), &path)
    }
}

/// A resource name for a reference written as an id (or already a name).
fn full_name(collection: &str, value: &str) -> String {
    if value.contains('/') {
        value.to_string()
    } else {
        format!("{collection}/{value}")
    }
}

/// A message on one line: its lines trimmed and joined with spaces.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    /// `.name`
    Field(String),
    /// `["key"]`, a map key.
    Key(String),
    /// `[3]`
    Index(usize),
}

/// Parses a field path such as `plan.markets[2].external_ids["key"]`.
fn parse_path(path: &str) -> Option<Vec<Seg>> {
    let mut segs = Vec::new();
    let mut chars = path.chars().peekable();
    let mut expect_field = true;
    while let Some(&c) = chars.peek() {
        match c {
            '.' if !expect_field => {
                chars.next();
                expect_field = true;
            }
            '[' => {
                chars.next();
                if chars.peek() == Some(&'"') {
                    chars.next();
                    let mut key = String::new();
                    loop {
                        match chars.next()? {
                            '"' => break,
                            '\\' => match chars.next()? {
                                'n' => key.push('\n'),
                                't' => key.push('\t'),
                                'r' => key.push('\r'),
                                other => key.push(other),
                            },
                            other => key.push(other),
                        }
                    }
                    segs.push(Seg::Key(key));
                } else {
                    let mut digits = String::new();
                    while let Some(d) = chars.next_if(char::is_ascii_digit) {
                        digits.push(d);
                    }
                    segs.push(Seg::Index(digits.parse().ok()?));
                }
                if chars.next()? != ']' {
                    return None;
                }
                expect_field = false;
            }
            c if expect_field && (c.is_ascii_alphanumeric() || c == '_') => {
                let mut name = String::new();
                while let Some(x) = chars.next_if(|x| x.is_ascii_alphanumeric() || *x == '_') {
                    name.push(x);
                }
                segs.push(Seg::Field(name));
                expect_field = false;
            }
            _ => return None,
        }
    }
    (!segs.is_empty() && !expect_field).then_some(segs)
}

/// The path in the file of a field of the request: `plan.markets[2].name`
/// is `market[2].id`, `plan.product.fluent_source` is `product.fluent`,
/// `plan.roadmaps[0].items[1]` is `roadmap[0].item[1]`.
fn file_path(field: &str) -> Option<Vec<Seg>> {
    let mut segs = parse_path(field)?.into_iter();
    if segs.next()? != Seg::Field("plan".into()) {
        return None;
    }
    let mut out = Vec::new();
    for (i, seg) in segs.enumerate() {
        out.push(match seg {
            Seg::Field(f) => Seg::Field(
                match (i, f.as_str()) {
                    (0, "markets") => "market",
                    (0, "requirements") => "requirement",
                    (0, "variants") => "variant",
                    (0, "launches") => "launch",
                    (0, "roadmaps") => "roadmap",
                    (_, "name") => "id",
                    (_, "fluent_source") => "fluent",
                    (_, "items") => "item",
                    (_, other) => other,
                }
                .to_string(),
            ),
            other => other,
        });
    }
    Some(out)
}

/// The range of the deepest value along `path` that the document has.
fn find_in_table(table: &DeTable<'_>, path: &[Seg]) -> Option<Range<usize>> {
    let (first, rest) = path.split_first()?;
    let (Seg::Field(key) | Seg::Key(key)) = first else {
        return None;
    };
    let (_, value) = table.iter().find(|(k, _)| k.get_ref().as_ref() == key)?;
    Some(find_in_value(value, rest))
}

fn find_in_value(value: &Spanned<DeValue<'_>>, rest: &[Seg]) -> Range<usize> {
    let here = value.span();
    match (value.get_ref(), rest.first()) {
        (DeValue::Table(t), Some(_)) => find_in_table(t, rest).unwrap_or(here),
        (DeValue::Array(a), Some(Seg::Index(i))) => match a.get(*i) {
            Some(element) => find_in_value(element, &rest[1..]),
            None => here,
        },
        _ => here,
    }
}

// ---------------------------------------------------------------------------
// Writing: pb::Plan -> text.
// ---------------------------------------------------------------------------

/// Longest `key = [ ... ]` line before an array is written one element a line.
const MAX_INLINE: usize = 100;

/// Writes a plan in the plan file format: a header comment, then the plan's
/// resources in the order the server sent them, each field in proto order,
/// fields at their default left out.
pub(crate) fn render_plan(plan: &pb::Plan) -> anyhow::Result<String> {
    let product = plan
        .product
        .as_ref()
        .context("the server sent a plan without a product")?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# glocal plan of {}, written by `glocal export`.",
        product.name
    );
    out.push_str(
        "# Load it with `glocal import FILE --server URL`. Fields at their default are\n\
         # left out; examples/plan.toml in the glocal repository documents the format.\n",
    );
    if !plan.market_preset.is_empty() {
        out.push('\n');
        Out::new(&mut out).str("market_preset", &plan.market_preset);
    }

    for m in &plan.markets {
        out.push_str("\n[[market]]\n");
        let mut w = Out::new(&mut out);
        w.str("id", last_segment(&m.name));
        w.str("display_name", &m.display_name);
        w.str("country", &m.country);
        w.strs("subdivisions", &m.subdivisions);
        w.strs("blocs", &m.blocs);
        w.str("currency", &m.currency);
        w.strs("storefront_locales", &m.storefront_locales);
        if m.storefront_locales.first() != Some(&m.default_locale) {
            w.str("default_locale", &m.default_locale);
        }
        w.map("external_ids", &m.external_ids);
    }

    for r in &plan.requirements {
        out.push_str("\n[[requirement]]\n");
        let mut w = Out::new(&mut out);
        w.str("id", last_segment(&r.name));
        if let Some(place) = r.jurisdiction.as_ref().and_then(|j| j.place.as_ref()) {
            use pb::jurisdiction::Place;
            let (key, value) = match place {
                Place::Country(c) => ("country", c),
                Place::Subdivision(s) => ("subdivision", s),
                Place::Bloc(b) => ("bloc", b),
            };
            w.raw("jurisdiction", &inline_table(&[(key, quote(value))]));
        }
        w.word("kind", Kind::word_of(r.kind)?);
        w.str("summary", &r.summary);
        w.str("legal_reference", &r.legal_reference);
        w.str("source_url", &r.source_url);
        w.date("effective_from", r.effective_from.as_ref());
        w.date("effective_until", r.effective_until.as_ref());
        w.strs("product_categories", &r.product_categories);
        let mut rules = Vec::new();
        for rule in &r.locale_rules {
            let mut fields = vec![("locale", quote(&rule.locale))];
            if let Some(o) = ObligationWord::word_of(rule.obligation)?.filter(|o| *o != "MANDATORY")
            {
                fields.push(("obligation", quote(o)));
            }
            if let Some(m) =
                MatchPolicyWord::word_of(rule.match_policy)?.filter(|m| *m != "CLDR_FALLBACK")
            {
                fields.push(("match_policy", quote(m)));
            }
            if rule.must_be_default {
                fields.push(("must_be_default", "true".into()));
            }
            rules.push(inline_table(&fields));
        }
        w.array("locale_rules", &rules);
        w.strs("required_messages", &r.required_messages);
    }

    out.push_str("\n[product]\n");
    let mut w = Out::new(&mut out);
    w.str("id", last_segment(&product.name));
    w.str("display_name", &product.display_name);
    w.str("source_locale", &product.source_locale);
    w.strs("categories", &product.categories);
    // FILE, the default, is left out, so plans from before the field existed
    // export unchanged.
    w.word(
        "message_scope",
        ScopeWord::word_of(product.message_scope)?.filter(|s| *s != "file"),
    );
    if let Some(f) = &product.fluent_source {
        out.push_str("\n[product.fluent]\n");
        let mut w = Out::new(&mut out);
        w.str("directory", &f.directory);
        w.str("layout", &f.layout);
    }

    let variants_of = format!("{}/variants/", product.name);
    for v in &plan.variants {
        out.push_str("\n[[variant]]\n");
        let mut w = Out::new(&mut out);
        w.str("id", last_segment(&v.name));
        w.str("display_name", &v.display_name);
        w.str("sku", &v.sku);
        w.strs("markets", &ids(&v.markets, "markets/"));
        w.map("attributes", &v.attributes);
        w.strs("features", &v.features);
        w.strs("required_messages", &v.required_messages);
    }

    for l in &plan.launches {
        out.push_str("\n[[launch]]\n");
        let mut w = Out::new(&mut out);
        w.str("id", last_segment(&l.name));
        w.str("market", short(&l.market, "markets/"));
        w.str("variant", short(&l.variant, &variants_of));
        let mut phases = Vec::new();
        for p in &l.phases {
            let mut fields = Vec::new();
            if let Some(word) = PhaseWord::word_of(p.phase)? {
                fields.push(("phase", quote(word)));
            }
            if let Some(d) = &p.date {
                fields.push(("date", date(d)));
            }
            phases.push(inline_table(&fields));
        }
        w.array("phases", &phases);
        w.word(
            "status",
            StatusWord::word_of(l.status)?.filter(|s| *s != "PLANNED"),
        );
        // Left out when empty, so plans from before the field existed export
        // unchanged.
        w.strs("locales", &l.locales);
    }

    for r in &plan.roadmaps {
        out.push_str("\n[[roadmap]]\n");
        let mut w = Out::new(&mut out);
        w.str("id", last_segment(&r.name));
        w.str("display_name", &r.display_name);
        for item in &r.items {
            out.push_str("\n[[roadmap.item]]\n");
            let mut w = Out::new(&mut out);
            w.str("id", &item.id);
            w.str("title", &item.title);
            w.strs("messages", &item.messages);
            w.date("target_date", item.target_date.as_ref());
            w.strs("markets", &ids(&item.markets, "markets/"));
            let waivers: Vec<String> = item
                .waivers
                .iter()
                .map(|wv| {
                    let mut fields = vec![(
                        "requirement",
                        quote(short(&wv.requirement, "requirements/")),
                    )];
                    if !wv.reason.is_empty() {
                        fields.push(("reason", quote(&wv.reason)));
                    }
                    if !wv.approver.is_empty() {
                        fields.push(("approver", quote(&wv.approver)));
                    }
                    if let Some(d) = &wv.expiry {
                        fields.push(("expiry", date(d)));
                    }
                    inline_table(&fields)
                })
                .collect();
            w.array("waivers", &waivers);
        }
    }
    Ok(out)
}

/// Appends `key = value` lines, skipping values at their default.
struct Out<'a>(&'a mut String);

impl<'a> Out<'a> {
    fn new(out: &'a mut String) -> Self {
        Out(out)
    }

    fn raw(&mut self, key: &str, value: &str) {
        let _ = writeln!(self.0, "{} = {value}", bare_or_quoted(key));
    }

    fn str(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.raw(key, &quote(value));
        }
    }

    fn word(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.raw(key, &quote(v));
        }
    }

    fn date(&mut self, key: &str, value: Option<&Date>) {
        if let Some(d) = value {
            self.raw(key, &date(d));
        }
    }

    fn strs(&mut self, key: &str, values: &[String]) {
        let rendered: Vec<String> = values.iter().map(|v| quote(v)).collect();
        self.array(key, &rendered);
    }

    /// An array of rendered values: on one line if it fits, else one element
    /// a line.
    fn array(&mut self, key: &str, rendered: &[String]) {
        if rendered.is_empty() {
            return;
        }
        let key = bare_or_quoted(key);
        let inline = format!("{key} = [{}]", rendered.join(", "));
        if inline.chars().count() <= MAX_INLINE {
            self.0.push_str(&inline);
            self.0.push('\n');
        } else {
            let _ = writeln!(self.0, "{key} = [");
            for r in rendered {
                let _ = writeln!(self.0, "  {r},");
            }
            self.0.push_str("]\n");
        }
    }

    fn map(&mut self, key: &str, map: &std::collections::HashMap<String, String>) {
        if map.is_empty() {
            return;
        }
        let sorted: BTreeMap<&String, &String> = map.iter().collect();
        let fields: Vec<(&str, String)> = sorted
            .into_iter()
            .map(|(k, v)| (k.as_str(), quote(v)))
            .collect();
        self.raw(key, &inline_table(&fields));
    }
}

/// `{ a = 1, b = 2 }`
fn inline_table(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{} = {v}", bare_or_quoted(k)))
        .collect();
    format!("{{ {} }}", body.join(", "))
}

/// A TOML local date.
fn date(d: &Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// A TOML basic string, escaped.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A key as is if it is a bare TOML key, else quoted.
fn bare_or_quoted(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare {
        key.to_string()
    } else {
        quote(key)
    }
}

/// The id of a resource name (its last segment).
fn last_segment(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// A reference as an id when it has the expected prefix, else the full name.
fn short<'a>(name: &'a str, prefix: &str) -> &'a str {
    match name.strip_prefix(prefix) {
        Some(id) if !id.contains('/') && !id.is_empty() => id,
        _ => name,
    }
}

fn ids(names: &[String], prefix: &str) -> Vec<String> {
    names.iter().map(|n| short(n, prefix).to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_map_to_file_paths() {
        let f = |s: &str| Seg::Field(s.into());
        assert_eq!(
            file_path("plan.markets[2].country"),
            Some(vec![f("market"), Seg::Index(2), f("country")])
        );
        assert_eq!(
            file_path("plan.markets[0].external_ids[\"Bad Key\"]"),
            Some(vec![
                f("market"),
                Seg::Index(0),
                f("external_ids"),
                Seg::Key("Bad Key".into())
            ])
        );
        assert_eq!(
            file_path("plan.roadmaps[1].items[0].waivers[2].requirement"),
            Some(vec![
                f("roadmap"),
                Seg::Index(1),
                f("item"),
                Seg::Index(0),
                f("waivers"),
                Seg::Index(2),
                f("requirement")
            ])
        );
        assert_eq!(
            file_path("plan.product.fluent_source.layout"),
            Some(vec![f("product"), f("fluent"), f("layout")])
        );
        assert_eq!(
            file_path("plan.variants[0].name"),
            Some(vec![f("variant"), Seg::Index(0), f("id")])
        );
        assert_eq!(file_path("plan (products/p)"), None);
        assert_eq!(file_path("market.country"), None);
        assert_eq!(parse_path("a..b"), None);
        assert_eq!(parse_path("a["), None);
    }

    const MINIMAL: &str = "[product]\nid = \"p\"\nsource_locale = \"en-US\"\n";

    #[test]
    fn problems_have_line_and_column() {
        let text = format!("{MINIMAL}\n[[market]]\nid = \"m\"\ncontry = \"FI\"\n");
        let problems = PlanSource::parse(&text).unwrap_err();
        let shown = problems[0].render("plan.toml", &text);
        assert!(
            shown.starts_with("plan.toml:7:1: unknown field `contry`"),
            "{shown}"
        );
        assert!(
            shown.contains("7 | contry = \"FI\"\n  | ^^^^^^\n"),
            "{shown}"
        );

        let text = format!("{MINIMAL}\n[[launch]]\nid = \"l\"\nphases = [{{ phase = \"GA\", date = \"2027-01-01\" }}]\n");
        let problems = PlanSource::parse(&text).unwrap_err();
        let shown = problems[0].render("p.toml", &text);
        assert!(shown.starts_with("p.toml:7:"), "{shown}");
        assert!(shown.contains("without quotes"), "{shown}");
    }

    #[test]
    fn violations_point_at_the_entry() {
        let text = format!(
            "{MINIMAL}\n[[market]]\nid = \"a\"\n\n[[market]]\nid = \"b\"\ncountry = \"ZZ\"\n\n\
             [[variant]]\nid = \"v\"\nmarkets = [\"a\", \"gone\"]\n"
        );
        let source = PlanSource::parse(&text).unwrap();
        let at = |field: &str, _description: &str| source.locate(field).map(|span| &text[span]);
        assert_eq!(at("plan.markets[1].country", ""), Some("\"ZZ\""));
        assert_eq!(
            at("plan.markets[0].country", "is required"),
            Some("[[market]]")
        );
        assert_eq!(at("plan.product.name", ""), Some("\"p\""));
        assert_eq!(
            at(
                "plan.variants[0].markets[1]",
                "markets/gone is neither in the plan nor on the server"
            ),
            Some("\"gone\"")
        );
        assert_eq!(at("plan", "x"), None);
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(quote("a\"b\\c\nd\u{7}é"), "\"a\\\"b\\\\c\\nd\\u0007é\"");
        assert_eq!(bare_or_quoted("amazon_id"), "amazon_id");
        assert_eq!(bare_or_quoted("a b"), "\"a b\"");
        let parsed: toml::Table = toml::from_str(&format!("k = {}", quote("x\"\t\u{1}y"))).unwrap();
        assert_eq!(parsed["k"].as_str(), Some("x\"\t\u{1}y"));
    }
}
