//! The coverage RPCs of `PlanningService` (CheckRoadmap, GetCoverageMatrix,
//! RenderMessage): load the plan and the stored bundle indexes, run the pure
//! engine of [`crate::coverage`], convert the report. Checks never re-parse
//! Fluent text; results are cached until the store changes.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use crate::coverage::checks::{BundleView, CheckOptions};
use crate::coverage::fallback::fallback_chain;
use crate::coverage::finding::{Finding, Severity};
use crate::coverage::roadmap::{
    self, check_roadmap, PlanInputs, RoadmapOptions, RoadmapReport, Verdict,
};
use crate::domain::bundle::{BundleDoc, BundleFileDoc};
use crate::domain::ftl::FileIndex;
use crate::domain::planning::{Launch, Roadmap, RoadmapItem};
use crate::domain::{self, CalendarDate, LocaleTag, ResourceKind, ResourceName, Violations};
use crate::l10n::{Text, Texts};

use super::convert::{date_from_pb, date_to_pb, decode_body};
use super::crud::{self, parse_name, SharedStore};
use super::pb::glocal::v1 as pb;
use super::ApiError;

/// Most cached check results; the cache is emptied when it is full.
const CACHE_CAPACITY: usize = 256;

/// Check results by request, valid while the store's generation is unchanged.
#[derive(Default)]
pub struct CheckCache {
    /// By request: the store generation and the engine's report, which
    /// holds each finding's text, so that one entry serves every language.
    entries: Mutex<BTreeMap<String, (u64, Arc<RoadmapReport>)>>,
}

/// A product's plan and bundles, loaded from the store.
struct Loaded {
    product: domain::Product,
    markets: BTreeMap<String, domain::Market>,
    requirements: Vec<(String, domain::Requirement)>,
    variants: BTreeMap<String, domain::Variant>,
    launches: Vec<(String, Launch)>,
    bundles: BTreeMap<LocaleTag, Vec<(String, FileIndex)>>,
}

/// Documents keyed by their names.
fn by_name<T, C: FromIterator<(String, T)>>(docs: Vec<(crate::store::Stored, T)>) -> C {
    docs.into_iter().map(|(s, d)| (s.name, d)).collect()
}

fn load(store: &SharedStore, product: &ResourceName) -> Result<Loaded, ApiError> {
    let product_doc: domain::Product =
        decode_body(&crud::get_stored::<pb::Product>(store, product)?)?;
    let children = |kind: ResourceKind| format!("{product}/{}", kind.collection());
    let mut bundles = BTreeMap::new();
    for (stored, doc) in crud::list_all::<pb::Bundle>(store, &children(ResourceKind::Bundle))? {
        let doc: BundleDoc = doc;
        let files = store
            .list(&format!("{}/files", stored.name), None)
            .map_err(|e| ApiError::from_store(ResourceKind::Bundle.type_name(), e))?
            .iter()
            .map(|s| decode_body::<BundleFileDoc>(s).map(|f| (f.path, f.index)))
            .collect::<Result<Vec<_>, _>>()?;
        bundles.insert(doc.locale, files);
    }
    Ok(Loaded {
        product: product_doc,
        markets: by_name(crud::list_all::<pb::Market>(store, "markets")?),
        requirements: by_name(crud::list_all::<pb::Requirement>(store, "requirements")?),
        variants: by_name(crud::list_all::<pb::Variant>(
            store,
            &children(ResourceKind::Variant),
        )?),
        launches: by_name(crud::list_all::<pb::Launch>(
            store,
            &children(ResourceKind::Launch),
        )?),
        bundles,
    })
}

impl Loaded {
    /// The engine's view of this plan, checking `roadmap` over `bundles`.
    fn inputs<'a>(
        &'a self,
        roadmap: &'a Roadmap,
        bundles: &'a BTreeMap<LocaleTag, BundleView<'a>>,
    ) -> PlanInputs<'a> {
        PlanInputs {
            product: &self.product,
            markets: &self.markets,
            requirements: &self.requirements,
            variants: &self.variants,
            launches: &self.launches,
            roadmap,
            bundles,
        }
    }
}

fn views(loaded: &Loaded) -> BTreeMap<LocaleTag, BundleView<'_>> {
    loaded
        .bundles
        .iter()
        .map(|(l, files)| {
            (
                l.clone(),
                BundleView::new(files.iter().map(|(p, i)| (p.as_str(), i))),
            )
        })
        .collect()
}

fn verdict_to_pb(v: Verdict) -> i32 {
    (match v {
        Verdict::Ready => pb::Verdict::Ready,
        Verdict::AtRisk => pb::Verdict::AtRisk,
        Verdict::Blocked => pb::Verdict::Blocked,
    }) as i32
}

/// The proto form of a finding.
/// A finding as the API sends it, with its detail in `texts`' language too
/// when the caller asked for one.
pub fn finding_to_pb(f: &Finding, texts: Option<Texts>) -> pb::Finding {
    pb::Finding {
        rule: f.rule.id().to_string(),
        severity: (match f.severity {
            Severity::Error => pb::Severity::Error,
            Severity::Warning => pb::Severity::Warning,
            Severity::Info => pb::Severity::Info,
        }) as i32,
        market: f.market.clone().unwrap_or_default(),
        locale: f.locale.clone(),
        file: f.file.clone().unwrap_or_default(),
        line: i32::try_from(f.line).unwrap_or(i32::MAX),
        column: i32::try_from(f.column).unwrap_or(i32::MAX),
        message_id: f.message_id.clone().unwrap_or_default(),
        detail: f.detail.clone(),
        localized_detail: texts.map(|t| f.detail_in(t)).unwrap_or_default(),
    }
}

fn percent(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        100.0
    } else {
        f64::from(part) * 100.0 / f64::from(whole)
    }
}

fn coverage_to_pb(market: &str, l: &roadmap::LocaleCoverage) -> pb::LocaleCoverage {
    let c = &l.coverage;
    let n = |x: u32| i32::try_from(x).unwrap_or(i32::MAX);
    pb::LocaleCoverage {
        market: market.to_string(),
        locale: l.locale.clone(),
        served_by: l.served_by.clone().unwrap_or_default(),
        coverage: Some(pb::Coverage {
            required_messages: n(c.required_messages),
            own_messages: n(c.own_messages),
            effective_messages: n(c.effective_messages),
            required_words: n(c.required_words),
            own_words: n(c.own_words),
            effective_words: n(c.effective_words),
            own_percent: percent(c.own_messages, c.required_messages),
            effective_percent: percent(c.effective_messages, c.required_messages),
        }),
    }
}

fn as_of(date: Option<&super::pb::google::r#type::Date>) -> Result<CalendarDate, ApiError> {
    let mut v = Violations::new();
    let d = date_from_pb(date, "as_of", &mut v);
    v.into_result(d.unwrap_or_else(CalendarDate::today_utc))
        .map_err(ApiError::invalid)
}

/// CheckRoadmap; `texts` is the caller's language, if it asked for one.
pub fn check(
    store: &SharedStore,
    cache: &CheckCache,
    req: &pb::CheckRoadmapRequest,
    texts: Option<Texts>,
) -> Result<pb::CheckRoadmapResponse, ApiError> {
    let name = parse_name(ResourceKind::Roadmap, "name", &req.name)?;
    let as_of = as_of(req.as_of.as_ref())?;
    let mut v = Violations::new();
    let window = i64::from(req.window_days.unwrap_or(14));
    if window < 0 {
        v.add("window_days", Text::new("request-not-negative"));
    }
    for (market, days) in &req.market_window_days {
        if let Err(e) = ResourceName::parse_text(ResourceKind::Market, market) {
            v.add(format!("market_window_days[{market:?}]"), e);
        } else if *days < 0 {
            v.add(
                format!("market_window_days[{market:?}]"),
                Text::new("request-not-negative"),
            );
        }
    }
    v.into_result(()).map_err(ApiError::invalid)?;

    let key = format!(
        "{name}|{as_of}|{window}|{:?}|{:?}",
        req.market_window_days.iter().collect::<BTreeMap<_, _>>(),
        req.identical_allowed,
    );
    let generation = store.generation();
    let cached = match cache.entries.lock().expect("cache lock").get(&key) {
        Some((g, report)) if *g == generation => Some(Arc::clone(report)),
        _ => None,
    };
    let report = match cached {
        Some(report) => report,
        None => {
            let report = Arc::new(run_check(store, &name, as_of, window, req)?);
            let mut entries = cache.entries.lock().expect("cache lock");
            if entries.len() >= CACHE_CAPACITY {
                entries.clear();
            }
            entries.insert(key, (generation, Arc::clone(&report)));
            report
        }
    };
    Ok(pb::CheckRoadmapResponse {
        roadmap: name.to_string(),
        as_of: Some(date_to_pb(as_of)),
        verdict: verdict_to_pb(report.verdict),
        launches: report
            .launches
            .iter()
            .map(|l| pb::LaunchCheck {
                launch: l.launch.clone(),
                market: l.market.clone(),
                variant: l.variant.clone(),
                date: Some(date_to_pb(l.date)),
                days_until: i32::try_from(l.days_until).unwrap_or(i32::MAX),
                verdict: verdict_to_pb(l.verdict),
                findings: l.findings.iter().map(|f| finding_to_pb(f, texts)).collect(),
                locales: l
                    .locales
                    .iter()
                    .map(|c| coverage_to_pb(&l.market, c))
                    .collect(),
            })
            .collect(),
        findings: report
            .findings
            .iter()
            .map(|f| finding_to_pb(f, texts))
            .collect(),
    })
}

/// Loads the roadmap's product and runs the engine.
fn run_check(
    store: &SharedStore,
    name: &ResourceName,
    as_of: CalendarDate,
    window: i64,
    req: &pb::CheckRoadmapRequest,
) -> Result<RoadmapReport, ApiError> {
    let roadmap_doc: Roadmap = decode_body(&crud::get_stored::<pb::Roadmap>(store, name)?)?;
    let product = name.parent().expect("a roadmap name has a product");
    let loaded = load(store, &product)?;
    let bundles = views(&loaded);
    let inputs = loaded.inputs(&roadmap_doc, &bundles);
    let options = RoadmapOptions {
        as_of,
        window_days: window,
        market_windows: req
            .market_window_days
            .iter()
            .map(|(k, v)| (k.clone(), i64::from(*v)))
            .collect(),
        checks: CheckOptions {
            source_locale: None,
            identical_allowed: req.identical_allowed.clone(),
        },
    };
    Ok(check_roadmap(&inputs, &options))
}

/// GetCoverageMatrix: the roadmap check of one item needing every source
/// message, shipping everywhere, included in every variant.
pub fn matrix(
    store: &SharedStore,
    req: &pb::GetCoverageMatrixRequest,
) -> Result<pb::CoverageMatrix, ApiError> {
    let product = parse_name(ResourceKind::Product, "product", &req.product)?;
    let as_of = as_of(req.as_of.as_ref())?;
    let mut loaded = load(store, &product)?;
    for v in loaded.variants.values_mut() {
        v.features.clear();
    }
    let everything = Roadmap {
        display_name: String::new(),
        items: vec![RoadmapItem {
            id: "all-messages".into(),
            title: String::new(),
            messages: vec!["*".into()],
            target_date: None,
            markets: vec![],
            waivers: vec![],
        }],
    };
    let bundles = views(&loaded);
    let inputs = loaded.inputs(&everything, &bundles);
    let options = RoadmapOptions {
        as_of,
        window_days: 14,
        market_windows: BTreeMap::new(),
        checks: CheckOptions::default(),
    };
    let report = check_roadmap(&inputs, &options);
    let mut rows: BTreeMap<(String, String), pb::LocaleCoverage> = BTreeMap::new();
    for l in &report.launches {
        for c in &l.locales {
            rows.entry((l.market.clone(), c.locale.clone()))
                .or_insert_with(|| coverage_to_pb(&l.market, c));
        }
    }
    Ok(pb::CoverageMatrix {
        product: product.to_string(),
        rows: rows.into_values().collect(),
    })
}

/// RenderMessage: formats the message with `fluent-bundle`, taking the first
/// bundle along the locale's fallback chain (then its language's other
/// bundles, then the source) that defines it.
pub fn render(
    store: &SharedStore,
    req: &pb::RenderMessageRequest,
) -> Result<pb::RenderMessageResponse, ApiError> {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

    let product = parse_name(ResourceKind::Product, "product", &req.product)?;
    let locale = LocaleTag::parse(&req.locale).map_err(|e| ApiError::invalid_field("locale", e))?;
    let (id, attribute) = match req.message_id.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (req.message_id.as_str(), None),
    };
    domain::MessagePattern::parse(id)
        .ok()
        .filter(|_| !id.contains('*') && !id.starts_with('-'))
        .ok_or_else(|| {
            ApiError::invalid_field(
                "message_id",
                Text::new("request-message-id-invalid").text("id", req.message_id.as_str()),
            )
        })?;
    let product_doc: domain::Product =
        decode_body(&crud::get_stored::<pb::Product>(store, &product)?)?;

    let mut chain: Vec<LocaleTag> = fallback_chain(&locale);
    let available: Vec<LocaleTag> =
        crud::list_all::<pb::Bundle>(store, &format!("{product}/bundles"))?
            .into_iter()
            .map(|(_, d)| d.locale)
            .collect();
    for l in available
        .iter()
        .filter(|l| l.language() == locale.language())
    {
        if !chain.contains(l) {
            chain.push(l.clone());
        }
    }
    if !chain.contains(&product_doc.source_locale) {
        chain.push(product_doc.source_locale.clone());
    }
    let tried: Vec<String> = chain.iter().map(ToString::to_string).collect();
    for candidate in &chain {
        if !available.contains(candidate) {
            continue;
        }
        let bundle_name = format!("{product}/bundles/{candidate}");
        let files: Vec<BundleFileDoc> = store
            .list(&format!("{bundle_name}/files"), None)
            .map_err(|e| ApiError::from_store(ResourceKind::Bundle.type_name(), e))?
            .iter()
            .map(decode_body)
            .collect::<Result<_, _>>()?;
        let defines = files.iter().any(|f| {
            f.index.entry(id).is_some_and(|e| match attribute {
                Some(a) => e.attributes.iter().any(|x| x.name == a),
                None => e.value.is_some(),
            })
        });
        if !defines {
            continue;
        }
        let langid: unic_langid::LanguageIdentifier = candidate
            .as_str()
            .parse()
            .expect("locale tags are valid language ids");
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        let mut errors: Vec<String> = Vec::new();
        for f in files {
            // Rendering needs the Fluent AST, which the index does not keep:
            // this is the one place text is parsed again.
            let resource =
                FluentResource::try_new(f.content).unwrap_or_else(|(partial, _)| partial);
            if let Err(errs) = bundle.add_resource(resource) {
                errors.extend(errs.iter().map(|e| format!("{}: {e}", f.path)));
            }
        }
        let mut args = FluentArgs::new();
        for (k, v) in &req.args {
            match v.parse::<f64>() {
                Ok(n) => args.set(k.as_str(), FluentValue::from(n)),
                Err(_) => args.set(k.as_str(), FluentValue::from(v.as_str())),
            }
        }
        let message = bundle
            .get_message(id)
            .expect("the index says the bundle defines it");
        let pattern = match attribute {
            Some(a) => message.get_attribute(a).map(|x| x.value()),
            None => message.value(),
        }
        .expect("the index says the pattern exists");
        let mut format_errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, Some(&args), &mut format_errors)
            .into_owned();
        errors.extend(format_errors.iter().map(|e| e.to_string()));
        return Ok(pb::RenderMessageResponse {
            text,
            locale: candidate.to_string(),
            fallback_chain: tried,
            errors,
        });
    }
    Err(ApiError::NotFound {
        resource_type: "glocal.v1.Message",
        name: format!(
            "{product} message {} (tried {})",
            req.message_id,
            tried.join(", ")
        ),
    })
}
