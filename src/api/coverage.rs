//! The coverage RPCs of `PlanningService` (CheckRoadmap, GetCoverageMatrix,
//! RenderMessage): load the plan and the stored bundle indexes, run the pure
//! engine of [`crate::coverage`], convert the report. Checks never re-parse
//! Fluent text; results are cached until the store changes.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use crate::coverage::checks::{BundleView, CheckOptions};
use crate::coverage::finding::{Finding, NeedReason, NeedReasonKind, Severity, WaivedBy};
use crate::coverage::forecast::{Forecast, ForecastStatus, Snapshot};
use crate::coverage::roadmap::{
    self, bundles_read, check_roadmap_until, PlanInputs, RoadmapOptions, RoadmapReport, Verdict,
};
use crate::coverage::tasks::TranslationTask;
use crate::domain::bundle::BundleDoc;
use crate::domain::ftl::FileIndex;
use crate::domain::planning::{Launch, Roadmap, RoadmapItem, Weight};
use crate::domain::{
    self, limits, CalendarDate, LocaleTag, Obligation, ResourceKind, ResourceName, Violations,
};
use crate::l10n::{Text, Texts};

use super::convert::{date_from_pb, date_to_pb, decode_body, enum_value, kind_from_pb, kind_to_pb};
use super::crud::{self, parse_name, SharedStore};
use super::pb::glocal::v1 as pb;
use super::ApiError;

/// Most cached check results; the cache is emptied when it is full.
const CACHE_CAPACITY: usize = 256;

/// Check results by request, valid while the store's generation is unchanged.
#[derive(Default)]
pub struct CheckCache {
    /// By request: the engine's report, which holds each finding's text, so
    /// that one entry serves every language.
    reports: ByGeneration<String, RoadmapReport>,
    /// By request and language (`None`: the texts as the engine wrote
    /// them): the response ready to send, so that a repeated check neither
    /// converts nor renders its findings again.
    responses: ByGeneration<ResponseKey, ReadyResponse>,
}

impl std::fmt::Debug for CheckCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CheckCache")
    }
}

/// A response ready to send, with its encoded size.
struct ReadyResponse {
    response: pb::CheckRoadmapResponse,
    bytes: usize,
}

/// The largest cached response answered on an async worker: copying a
/// larger one (a full answer of a large product is megabytes of small
/// strings, tens of milliseconds) is left to the blocking pool.
const SMALL_RESPONSE_BYTES: usize = 64 * 1024;

/// A cached response's request (as the report's key), language tag, and
/// whether it holds the findings (its view).
type ResponseKey = (String, Option<&'static str>, bool);

/// Values by key, each valid while the store's generation is the one it was
/// made at; emptied when it holds [`CACHE_CAPACITY`].
struct ByGeneration<K, V> {
    entries: Mutex<BTreeMap<K, (u64, Arc<V>)>>,
}

impl<K, V> Default for ByGeneration<K, V> {
    fn default() -> Self {
        ByGeneration {
            entries: Mutex::new(BTreeMap::new()),
        }
    }
}

impl<K: Ord, V> ByGeneration<K, V> {
    /// A poisoned lock only means a panic elsewhere mid-insert; the map is
    /// still a map, so it is used as it is rather than failing the call.
    fn entries(&self) -> std::sync::MutexGuard<'_, BTreeMap<K, (u64, Arc<V>)>> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The value of `key`, if it was made at `generation`.
    fn get(&self, key: &K, generation: u64) -> Option<Arc<V>> {
        match self.entries().get(key) {
            Some((g, value)) if *g == generation => Some(Arc::clone(value)),
            _ => None,
        }
    }

    /// Keeps `value` for `key`, made at `generation`.
    fn keep(&self, key: K, generation: u64, value: Arc<V>) {
        let mut entries = self.entries();
        if entries.len() >= CACHE_CAPACITY {
            entries.clear();
        }
        entries.insert(key, (generation, value));
    }
}

/// A product's plan and bundles, loaded from the store.
struct Loaded {
    product: domain::Product,
    markets: BTreeMap<String, domain::Market>,
    requirements: Vec<(String, domain::Requirement)>,
    variants: BTreeMap<String, domain::Variant>,
    launches: Vec<(String, Launch)>,
    /// Every bundle of the product: its locale and stored name.
    stored_bundles: BTreeMap<LocaleTag, String>,
    /// The bundles read ([`Loaded::read_bundles`]), with their files' indexes.
    bundles: BTreeMap<LocaleTag, Vec<(String, FileIndex)>>,
    /// The item ids of every roadmap of the product (a variant's features).
    feature_ids: BTreeSet<String>,
}

/// A stored [`crate::domain::bundle::BundleFileDoc`] without its text, which checks never read:
/// decoding skips it.
#[derive(serde::Deserialize)]
struct IndexedFile {
    path: String,
    index: FileIndex,
}

/// Documents keyed by their names.
fn by_name<T, C: FromIterator<(String, T)>>(docs: Vec<(crate::store::Stored, T)>) -> C {
    docs.into_iter().map(|(s, d)| (s.name, d)).collect()
}

/// Loads a product's plan and the list of its bundles, without their
/// files ([`Loaded::read_bundles`] reads those a check needs).
fn load(
    store: &SharedStore,
    product: &ResourceName,
    cancel: &Cancellation,
) -> Result<Loaded, ApiError> {
    let product_doc: domain::Product =
        decode_body(&crud::get_stored::<pb::Product>(store, product)?)?;
    let children = |kind: ResourceKind| format!("{product}/{}", kind.collection());
    let mut stored_bundles = BTreeMap::new();
    for (stored, doc) in crud::list_all::<pb::Bundle>(store, &children(ResourceKind::Bundle))? {
        let doc: BundleDoc = doc;
        stored_bundles.insert(doc.locale, stored.name);
    }
    cancel.go_on()?;
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
        stored_bundles,
        bundles: BTreeMap::new(),
        feature_ids: crud::list_all::<pb::Roadmap>(store, &children(ResourceKind::Roadmap))?
            .into_iter()
            .flat_map(|(_, r): (_, Roadmap)| r.items.into_iter().map(|i| i.id))
            .collect(),
    })
}

impl Loaded {
    /// Reads the files of the bundles a check of `roadmap` reads
    /// ([`bundles_read`]: the source's and those the launches may be served
    /// from), and only those: a product's other bundles are never decoded.
    fn read_bundles(
        &mut self,
        store: &SharedStore,
        roadmap: &Roadmap,
        cancel: &Cancellation,
    ) -> Result<(), ApiError> {
        let available: Vec<LocaleTag> = self.stored_bundles.keys().cloned().collect();
        let wanted = bundles_read(&self.inputs(roadmap, &BTreeMap::new()), &available);
        for locale in wanted {
            let Some(name) = self.stored_bundles.get(&locale) else {
                continue;
            };
            cancel.go_on()?;
            self.bundles.insert(locale, indexed_files(store, name)?);
        }
        Ok(())
    }

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
            feature_ids: Some(&self.feature_ids),
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
                BundleView::new(
                    files.iter().map(|(p, i)| (p.as_str(), i)),
                    loaded.product.message_scope,
                ),
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

/// A finding as the API sends it, with its detail in `texts`' language too
/// when the caller asked for one.
pub fn finding_to_pb(f: &Finding, texts: Option<Texts>) -> pb::Finding {
    pb::Finding {
        rule: f.rule.id().to_string(),
        severity: severity_to_pb(f.severity),
        market: f.market.clone().unwrap_or_default(),
        locale: f.locale.clone(),
        bundle: f.bundle.clone().unwrap_or_default(),
        file: f.file.clone().unwrap_or_default(),
        line: i32::try_from(f.line).unwrap_or(i32::MAX),
        column: i32::try_from(f.column).unwrap_or(i32::MAX),
        message_id: f.message_id.clone().unwrap_or_default(),
        detail: f.detail.clone(),
        localized_detail: texts.map(|t| f.detail_in(t)).unwrap_or_default(),
        reasons: f.reasons.iter().map(need_reason_to_pb).collect(),
        need_date: f.need_date.map(date_to_pb),
        due_date: f.due_date.map(date_to_pb),
        waived_by: f.waived_by.iter().map(waived_to_pb).collect(),
        source_line: i32::try_from(f.source_line).unwrap_or(i32::MAX),
    }
}

fn severity_to_pb(s: Severity) -> i32 {
    (match s {
        Severity::Error => pb::Severity::Error,
        Severity::Warning => pb::Severity::Warning,
        Severity::Info => pb::Severity::Info,
    }) as i32
}

/// The engine's form of a severity a server sent (ERROR for an unknown one,
/// so that nothing unknown passes a gate).
pub fn severity_from_pb(raw: i32) -> Severity {
    match pb::Severity::try_from(raw) {
        Ok(pb::Severity::Warning) => Severity::Warning,
        Ok(pb::Severity::Info) => Severity::Info,
        _ => Severity::Error,
    }
}

/// A to-do item as the API sends it.
fn todo_to_pb(t: &roadmap::TodoItem) -> pb::TodoItem {
    pb::TodoItem {
        launch: t.launch.clone(),
        market: t.market.clone(),
        locale: t.locale.clone(),
        messages: i32::try_from(t.messages).unwrap_or(i32::MAX),
        words: i32::try_from(t.words).unwrap_or(i32::MAX),
        need_date: Some(date_to_pb(t.need_date)),
        due_date: t.due_date.map(date_to_pb),
        severity: severity_to_pb(t.severity),
    }
}

/// The engine's form of a to-do item a server sent; `None` without a valid
/// need date.
pub fn todo_from_pb(t: &pb::TodoItem) -> Option<roadmap::TodoItem> {
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    Some(roadmap::TodoItem {
        launch: t.launch.clone(),
        market: t.market.clone(),
        locale: t.locale.clone(),
        messages: count(t.messages),
        words: count(t.words),
        need_date: t.need_date.as_ref().and_then(date_of_pb)?,
        due_date: t.due_date.as_ref().and_then(date_of_pb),
        severity: severity_from_pb(t.severity),
    })
}

fn need_reason_to_pb(r: &NeedReason) -> pb::NeedReason {
    use pb::need_reason::Kind as K;
    pb::NeedReason {
        kind: (match r.kind {
            NeedReasonKind::StorefrontDefault => K::StorefrontDefault,
            NeedReasonKind::LaunchLocale => K::LaunchLocale,
            NeedReasonKind::Requirement => K::Requirement,
            NeedReasonKind::RoadmapItem => K::RoadmapItem,
            NeedReasonKind::Variant => K::Variant,
        }) as i32,
        name: r.name.clone(),
        requirement_kind: r
            .requirement_kind
            .map_or(pb::RequirementKind::Unspecified, kind_to_pb) as i32,
        summary: r.summary.clone(),
        legal_reference: r.legal_reference.clone(),
        obligation: (match r.obligation {
            Obligation::Mandatory => pb::Obligation::Mandatory,
            Obligation::Recommended => pb::Obligation::Recommended,
        }) as i32,
    }
}

/// The engine's form of a reason a server sent; `None` for a kind this
/// version does not know.
pub fn need_reason_from_pb(r: &pb::NeedReason) -> Option<NeedReason> {
    use pb::need_reason::Kind as K;
    let kind = match K::try_from(r.kind).ok()? {
        K::Unspecified => return None,
        K::StorefrontDefault => NeedReasonKind::StorefrontDefault,
        K::LaunchLocale => NeedReasonKind::LaunchLocale,
        K::Requirement => NeedReasonKind::Requirement,
        K::RoadmapItem => NeedReasonKind::RoadmapItem,
        K::Variant => NeedReasonKind::Variant,
    };
    let obligation = match pb::Obligation::try_from(r.obligation) {
        Ok(pb::Obligation::Recommended) => Obligation::Recommended,
        _ => Obligation::Mandatory,
    };
    let mut out = NeedReason::new(kind, r.name.as_str(), obligation);
    out.requirement_kind = kind_from_pb(r.requirement_kind).flatten();
    out.summary = r.summary.clone();
    out.legal_reference = r.legal_reference.clone();
    Some(out)
}

fn waived_to_pb(w: &WaivedBy) -> pb::Waived {
    pb::Waived {
        requirement: w.requirement.clone(),
        approver: w.approver.clone(),
        expiry: w.expiry.map(date_to_pb),
    }
}

/// The engine's form of a waiver a server sent.
pub fn waived_from_pb(w: &pb::Waived) -> WaivedBy {
    WaivedBy {
        requirement: w.requirement.clone(),
        approver: w.approver.clone(),
        expiry: w.expiry.as_ref().and_then(date_of_pb),
    }
}

/// A calendar date from a `google.type.Date` a server sent; `None` when it
/// is not a valid day.
pub fn date_of_pb(d: &super::pb::google::r#type::Date) -> Option<CalendarDate> {
    CalendarDate::from_ymd(d.year, d.month, d.day).ok()
}

use crate::coverage::roadmap::percent_of as percent;

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
        optional: l.optional,
        reasons: l.reasons.iter().map(need_reason_to_pb).collect(),
        need_date: l.need_date.map(date_to_pb),
        due_date: l.due_date.map(date_to_pb),
    }
}

fn as_of(date: Option<&super::pb::google::r#type::Date>) -> Result<CalendarDate, ApiError> {
    let mut v = Violations::new();
    let d = date_from_pb(date, "as_of", &mut v);
    v.into_result(d.unwrap_or_else(CalendarDate::today_utc))
        .map_err(ApiError::invalid)
}

/// A validated CheckRoadmap request.
pub struct CheckRequest {
    name: ResourceName,
    as_of: CalendarDate,
    window: i64,
    with_findings: bool,
    legal_factor: Weight,
    velocity_days: i64,
    /// The request as the cache knows it (all but the view and language).
    key: String,
    request: pb::CheckRoadmapRequest,
}

impl CheckRequest {
    /// Validates `req`: INVALID_ARGUMENT with every violation.
    pub fn new(req: pb::CheckRoadmapRequest) -> Result<CheckRequest, ApiError> {
        validate_check(req, "name")
    }

    /// The check behind a ListTranslationTasks request, validated as
    /// CheckRoadmap's (the roadmap's field is `parent`).
    pub fn for_tasks(req: pb::ListTranslationTasksRequest) -> Result<CheckRequest, ApiError> {
        validate_check(
            pb::CheckRoadmapRequest {
                name: req.parent,
                as_of: req.as_of,
                window_days: req.window_days,
                market_window_days: req.market_window_days,
                identical_allowed: req.identical_allowed,
                view: pb::CheckView::Basic as i32,
                legal_factor: req.legal_factor,
                velocity_days: None,
            },
            "parent",
        )
    }

    /// The cached response in `texts`' language, if the store has not
    /// changed since it was made and it is small (at most
    /// [`SMALL_RESPONSE_BYTES`] encoded): cheap to copy, so a server
    /// answers it on its async worker, without a trip to the blocking pool.
    pub fn cached_small(
        &self,
        store: &SharedStore,
        cache: &CheckCache,
        texts: Option<Texts>,
    ) -> Option<pb::CheckRoadmapResponse> {
        self.cached(store, cache, texts, SMALL_RESPONSE_BYTES)
    }

    /// The cached response of at most `max_bytes`, as [`Self::cached_small`].
    fn cached(
        &self,
        store: &SharedStore,
        cache: &CheckCache,
        texts: Option<Texts>,
        max_bytes: usize,
    ) -> Option<pb::CheckRoadmapResponse> {
        let ready = cache
            .responses
            .get(&self.response_key(texts), store.generation())
            .filter(|r| r.bytes <= max_bytes)?;
        crate::metrics::check_cache(true);
        Some(ready.response.clone())
    }

    fn response_key(&self, texts: Option<Texts>) -> ResponseKey {
        (
            self.key.clone(),
            texts.map(|t| t.language_tag()),
            self.with_findings,
        )
    }
}

fn validate_check(
    req: pb::CheckRoadmapRequest,
    name_field: &str,
) -> Result<CheckRequest, ApiError> {
    let name = parse_name(ResourceKind::Roadmap, name_field, &req.name)?;
    let as_of = as_of(req.as_of.as_ref())?;
    let mut v = Violations::new();
    let window = i64::from(req.window_days.unwrap_or(14));
    if window < 0 {
        v.add("window_days", Text::new("request-not-negative"));
    }
    // The map is unordered: over its cap, its entries are not read one by
    // one (the violation of the whole map is the answer).
    let windows_within_cap = limits::check_entries(
        req.market_window_days.len(),
        limits::MAX_MARKETS,
        "market_window_days",
        &mut v,
    ) == req.market_window_days.len();
    let allowed = limits::check_entries(
        req.identical_allowed.len(),
        limits::MAX_IDENTICAL_ALLOWED,
        "identical_allowed",
        &mut v,
    );
    for (i, pattern) in req.identical_allowed.iter().take(allowed).enumerate() {
        limits::check_length(
            pattern,
            limits::MAX_MESSAGE_PATTERN,
            format!("identical_allowed[{i}]"),
            &mut v,
        );
    }
    let windows = req.market_window_days.iter().filter(|_| windows_within_cap);
    for (market, days) in windows {
        if let Err(e) = ResourceName::parse_text(ResourceKind::Market, market) {
            v.add(format!("market_window_days[{market:?}]"), e);
        } else if *days < 0 {
            v.add(
                format!("market_window_days[{market:?}]"),
                Text::new("request-not-negative"),
            );
        }
    }
    let with_findings = enum_value(req.view, "view", &mut v, |raw| {
        Some(match pb::CheckView::try_from(raw).ok()? {
            pb::CheckView::Unspecified => None,
            pb::CheckView::Full => Some(true),
            pb::CheckView::Basic => Some(false),
        })
    })
    .unwrap_or(true);
    let legal_factor = match req.legal_factor.map(Weight::new) {
        None => roadmap::default_legal_factor(),
        Some(Ok(f)) => f,
        Some(Err(e)) => {
            v.add("legal_factor", e);
            roadmap::default_legal_factor()
        }
    };
    let velocity_days = i64::from(
        req.velocity_days
            .unwrap_or(crate::coverage::forecast::DEFAULT_VELOCITY_DAYS as i32),
    );
    if !(1..=MAX_VELOCITY_DAYS).contains(&velocity_days) {
        v.add(
            "velocity_days",
            Text::new("request-velocity-days").number("max", MAX_VELOCITY_DAYS),
        );
    }
    v.into_result(()).map_err(ApiError::invalid)?;

    let key = format!(
        "{name}|{as_of}|{window}|{:?}|{:?}|{}|{velocity_days}",
        req.market_window_days.iter().collect::<BTreeMap<_, _>>(),
        req.identical_allowed,
        legal_factor.get(),
    );
    Ok(CheckRequest {
        name,
        as_of,
        window,
        with_findings,
        legal_factor,
        velocity_days,
        key,
        request: req,
    })
}

/// CheckRoadmap; `texts` is the caller's language, if it asked for one.
/// Stops with [`ApiError::Cancelled`] between loading steps once `cancel`
/// says the call is gone (its deadline passed, or the client left).
pub fn check(
    store: &SharedStore,
    cache: &CheckCache,
    request: &CheckRequest,
    texts: Option<Texts>,
    cancel: &Cancellation,
) -> Result<pb::CheckRoadmapResponse, ApiError> {
    // Read before the store is: a write during the check makes the
    // results kept below stale at once, never fresh while stale.
    let generation = store.generation();
    if let Some(response) = request.cached(store, cache, texts, usize::MAX) {
        return Ok(response);
    }
    let (name, as_of, with_findings) = (&request.name, request.as_of, request.with_findings);
    let response_key = request.response_key(texts);
    let report = checked_report(store, cache, request, generation, cancel)?;
    let findings = |findings: &[Finding]| -> Vec<pb::Finding> {
        if with_findings {
            findings.iter().map(|f| finding_to_pb(f, texts)).collect()
        } else {
            Vec::new()
        }
    };
    let response = pb::CheckRoadmapResponse {
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
                days_until: Some(i32::try_from(l.days_until).unwrap_or(i32::MAX)),
                verdict: verdict_to_pb(l.verdict),
                findings: findings(&l.findings),
                forecast: l.forecast.as_ref().map(forecast_to_pb),
                locales: l
                    .locales
                    .iter()
                    .map(|c| coverage_to_pb(&l.market, c))
                    .collect(),
            })
            .collect(),
        findings: findings(&report.findings),
        todo: report.todo.iter().map(todo_to_pb).collect(),
        tasks: report
            .tasks
            .iter()
            .map(|t| task_to_pb(t, &product_of(name), with_findings))
            .collect(),
    };
    let ready = ReadyResponse {
        bytes: prost::Message::encoded_len(&response),
        response: response.clone(),
    };
    cache
        .responses
        .keep(response_key, generation, Arc::new(ready));
    Ok(response)
}

/// The files of the stored bundle `bundle` with their indexes, without
/// their text (decoding skips it).
pub fn indexed_files(
    store: &SharedStore,
    bundle: &str,
) -> Result<Vec<(String, FileIndex)>, ApiError> {
    store
        .list(&format!("{bundle}/files"), None)
        .map_err(|e| ApiError::from_store(ResourceKind::Bundle.type_name(), e))?
        .iter()
        .map(|s| decode_body::<IndexedFile>(s).map(|f| (f.path, f.index)))
        .collect()
}

/// The engine's report of `request`, from the cache CheckRoadmap and
/// ListTranslationTasks share (for the dashboard's pages).
pub fn report(
    store: &SharedStore,
    cache: &CheckCache,
    request: &CheckRequest,
    cancel: &Cancellation,
) -> Result<Arc<RoadmapReport>, ApiError> {
    let generation = store.generation();
    checked_report(store, cache, request, generation, cancel)
}

/// The engine's report of `request`, kept by the cache for `generation`
/// (read before the store is).
fn checked_report(
    store: &SharedStore,
    cache: &CheckCache,
    request: &CheckRequest,
    generation: u64,
    cancel: &Cancellation,
) -> Result<Arc<RoadmapReport>, ApiError> {
    let cached = cache.reports.get(&request.key, generation);
    crate::metrics::check_cache(cached.is_some());
    if let Some(report) = cached {
        return Ok(report);
    }
    let report = Arc::new(run_check(store, request, cancel)?);
    cache
        .reports
        .keep(request.key.clone(), generation, Arc::clone(&report));
    Ok(report)
}

/// ListTranslationTasks: the ranked tasks of the roadmap's check (the
/// check's report comes from the same cache as CheckRoadmap's).
pub fn translation_tasks(
    store: &SharedStore,
    cache: &CheckCache,
    request: &CheckRequest,
    cancel: &Cancellation,
) -> Result<pb::ListTranslationTasksResponse, ApiError> {
    let generation = store.generation();
    let report = checked_report(store, cache, request, generation, cancel)?;
    let product = product_of(&request.name);
    Ok(pb::ListTranslationTasksResponse {
        roadmap: request.name.to_string(),
        as_of: Some(date_to_pb(request.as_of)),
        legal_factor: request.legal_factor.get(),
        tasks: report
            .tasks
            .iter()
            .map(|t| task_to_pb(t, &product, true))
            .collect(),
    })
}

/// The coverage snapshots that writes recorded for the bundles that receive
/// `tasks` (the ones a forecast reads).
fn stored_snapshots(
    store: &SharedStore,
    loaded: &Loaded,
    tasks: &[TranslationTask],
) -> Result<Vec<Snapshot>, ApiError> {
    let mut snapshots = Vec::new();
    let wanted: BTreeSet<&str> = tasks.iter().map(|t| t.locale.as_str()).collect();
    for (locale, name) in &loaded.stored_bundles {
        if !wanted.contains(locale.as_str()) {
            continue;
        }
        for stored in store
            .list(&snapshots_collection(name), None)
            .map_err(|e| ApiError::from_store("glocal.v1.Bundle", e))?
        {
            snapshots.push(decode_body::<Snapshot>(&stored)?);
        }
    }
    Ok(snapshots)
}

/// The collection of a bundle's coverage snapshots (one per day).
pub fn snapshots_collection(bundle: &str) -> String {
    format!("{bundle}/snapshots")
}

/// Most days of snapshots a velocity may span.
const MAX_VELOCITY_DAYS: i64 = 3650;

fn forecast_to_pb(f: &Forecast) -> pb::LaunchForecast {
    use pb::launch_forecast::Status;
    pb::LaunchForecast {
        status: match f.status {
            ForecastStatus::OnTrack => Status::OnTrack,
            ForecastStatus::Late => Status::Late,
            ForecastStatus::NoData => Status::NoData,
        } as i32,
        eta: f.eta.map(date_to_pb),
        late_days: i32::try_from(f.late_days).unwrap_or(i32::MAX),
        no_data: f.no_data.clone(),
    }
}

/// The engine's form of a forecast a server sent; `None` when unset.
pub fn forecast_from_pb(f: &pb::LaunchForecast) -> Option<Forecast> {
    use pb::launch_forecast::Status;
    Some(Forecast {
        status: match Status::try_from(f.status).ok()? {
            Status::Unspecified => return None,
            Status::OnTrack => ForecastStatus::OnTrack,
            Status::Late => ForecastStatus::Late,
            Status::NoData => ForecastStatus::NoData,
        },
        eta: f.eta.as_ref().and_then(date_of_pb),
        late_days: i64::from(f.late_days),
        no_data: f.no_data.clone(),
    })
}

/// The product name of a roadmap name (`products/p` of `products/p/roadmaps/r`).
fn product_of(roadmap: &ResourceName) -> String {
    roadmap.parent().map(|p| p.to_string()).unwrap_or_default()
}

fn task_to_pb(t: &TranslationTask, product: &str, with_messages: bool) -> pb::TranslationTask {
    let n = |x: u32| i32::try_from(x).unwrap_or(i32::MAX);
    pb::TranslationTask {
        bundle: format!("{product}/bundles/{}", t.locale),
        locale: t.locale.clone(),
        bundle_exists: t.bundle_exists,
        message_count: n(t.message_count),
        word_count: n(t.words),
        due_date: t.due_date.map(date_to_pb),
        score: t.score,
        eta: t.eta.map(date_to_pb),
        words_per_day: t.words_per_day.unwrap_or_default(),
        severity: severity_to_pb(t.severity),
        launches: t
            .launches
            .iter()
            .map(|l| pb::TaskLaunch {
                launch: l.launch.clone(),
                market: l.market.clone(),
                weight: l.weight.get(),
                legal: l.legal(),
                requirements: l.requirements.clone(),
                storefront: l.storefront,
                locales: l.locales.clone(),
                message_count: n(l.messages),
                word_count: n(l.words),
                due_date: l.due_date.map(date_to_pb),
                days_left: Some(
                    i32::try_from(l.days_left.clamp(i32::MIN.into(), i32::MAX.into())).unwrap_or(0),
                ),
                severity: severity_to_pb(l.severity),
            })
            .collect(),
        messages: if with_messages {
            t.messages
                .iter()
                .map(|m| pb::TaskMessage {
                    file: m.file.clone(),
                    message_id: m.id.clone(),
                    words: n(m.words),
                    due_date: m.due_date.map(date_to_pb),
                    locales: m.locales.clone(),
                    launches: m.launches.clone(),
                })
                .collect()
        } else {
            Vec::new()
        },
    }
}

/// The engine's form of a translation task a server sent (a weight it
/// could not have sent reads as 1).
pub fn task_from_pb(t: &pb::TranslationTask) -> TranslationTask {
    use crate::coverage::tasks::{TaskLaunch, TaskMessage};
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    let date = |d: &Option<super::pb::google::r#type::Date>| d.as_ref().and_then(date_of_pb);
    TranslationTask {
        locale: t.locale.clone(),
        bundle_exists: t.bundle_exists,
        messages: t
            .messages
            .iter()
            .map(|m| TaskMessage {
                file: m.file.clone(),
                id: m.message_id.clone(),
                words: count(m.words),
                due_date: date(&m.due_date),
                locales: m.locales.clone(),
                launches: m.launches.clone(),
            })
            .collect(),
        message_count: count(t.message_count),
        words: count(t.word_count),
        due_date: date(&t.due_date),
        severity: severity_from_pb(t.severity),
        score: t.score,
        eta: date(&t.eta),
        words_per_day: (t.words_per_day > 0.0).then_some(t.words_per_day),
        launches: t
            .launches
            .iter()
            .map(|l| TaskLaunch {
                launch: l.launch.clone(),
                market: l.market.clone(),
                weight: Weight::new(l.weight).unwrap_or_default(),
                requirements: l.requirements.clone(),
                storefront: l.storefront,
                locales: l.locales.clone(),
                messages: count(l.message_count),
                words: count(l.word_count),
                due_date: date(&l.due_date),
                days_left: i64::from(l.days_left.unwrap_or_default()),
                severity: severity_from_pb(l.severity),
            })
            .collect(),
    }
}

/// Loads the roadmap's product and runs the engine.
fn run_check(
    store: &SharedStore,
    request: &CheckRequest,
    cancel: &Cancellation,
) -> Result<RoadmapReport, ApiError> {
    let (name, as_of, window, req) = (
        &request.name,
        request.as_of,
        request.window,
        &request.request,
    );
    let roadmap_doc: Roadmap = decode_body(&crud::get_stored::<pb::Roadmap>(store, name)?)?;
    let product = name
        .parent()
        .ok_or_else(|| ApiError::Internal(format!("roadmap name {name} has no product")))?;
    let mut loaded = load(store, &product, cancel)?;
    loaded.read_bundles(store, &roadmap_doc, cancel)?;
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
        legal_factor: request.legal_factor,
    };
    let mut report = check_roadmap_until(&inputs, &options, || cancel.go_on())?;
    let snapshots = stored_snapshots(store, &loaded, &report.tasks)?;
    crate::coverage::forecast::attach(
        &mut report,
        &snapshots,
        &crate::coverage::forecast::ForecastOptions {
            as_of,
            window_days: request.velocity_days,
        },
    );
    Ok(report)
}

/// GetCoverageMatrix: the roadmap check of one item needing every source
/// message, shipping everywhere, included in every variant.
/// Stops with [`ApiError::Cancelled`] once `cancel` says the call is gone.
pub fn matrix(
    store: &SharedStore,
    req: &pb::GetCoverageMatrixRequest,
    cancel: &Cancellation,
) -> Result<pb::CoverageMatrix, ApiError> {
    let product = parse_name(ResourceKind::Product, "product", &req.product)?;
    let as_of = as_of(req.as_of.as_ref())?;
    let mut loaded = load(store, &product, cancel)?;
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
    loaded.read_bundles(store, &everything, cancel)?;
    let bundles = views(&loaded);
    let inputs = loaded.inputs(&everything, &bundles);
    let options = RoadmapOptions {
        as_of,
        window_days: 14,
        market_windows: BTreeMap::new(),
        checks: CheckOptions::default(),
        legal_factor: roadmap::default_legal_factor(),
    };
    let report = check_roadmap_until(&inputs, &options, || cancel.go_on())?;
    let mut rows: BTreeMap<(String, String), pb::LocaleCoverage> = BTreeMap::new();
    for l in &report.launches {
        for c in &l.locales {
            let row = rows
                .entry((l.market.clone(), c.locale.clone()))
                .or_insert_with(|| coverage_to_pb(&l.market, c));
            // A locale one launch of the market needs is needed there.
            if row.optional && !c.optional {
                *row = coverage_to_pb(&l.market, c);
            }
        }
    }
    Ok(pb::CoverageMatrix {
        product: product.to_string(),
        rows: rows.into_values().collect(),
    })
}

/// RenderMessage (see the `rendering` module below).
pub use rendering::{render, Cancellation};

/// RenderMessage: formats one message with `fluent-bundle`, safely.
///
/// Two parts. `choose_message` alone decides which bundle, file and
/// definition serve the message (the one piece to swap when the engine says
/// it); the rest loads and formats that choice without ever hurting the
/// server:
///
/// - a file the indexer refused (`FileIndex::was_refused`) is never parsed:
///   it is left out and named in the response's `errors`;
/// - a leading byte order mark is stripped, as the indexer does;
/// - the files are added so that fluent-bundle uses the chosen definition;
///   an inconsistency between the index and the parsed text is an
///   `ApiError`, never a panic;
/// - the arguments are capped (`MAX_ARGS`, `MAX_ARG_NAME_BYTES`,
///   `MAX_ARG_VALUE_BYTES`) and built in sorted order, so building them is
///   linear;
/// - the work runs on the blocking pool and stops between files when the
///   call is gone (`Cancellation`).
mod rendering {
    use std::collections::{BTreeMap, HashMap};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    use crate::domain::pseudo::Pseudo;
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
    use tonic::{Code, Status};
    use tonic_types::{ErrorDetails, StatusExt};

    use crate::coverage::checks::BundleView;
    use crate::coverage::fallback::serving_order;
    use crate::coverage::serve::{serving_bundle, MessageKey};
    use crate::domain::bundle::BundleFileDoc;
    use crate::domain::{self, LocaleTag, MatchPolicy, ResourceKind, ResourceName, Violations};
    use crate::l10n::Text;

    use super::super::convert::{decode_body, enum_value, match_policy_from_pb};
    use super::super::crud::{self, parse_name, SharedStore};
    use super::super::pb::glocal::v1 as pb;
    use super::super::{ApiError, ERROR_DOMAIN};

    /// Most arguments of one RenderMessage call. A message uses a handful of
    /// variables; `FluentArgs` keeps its arguments in a sorted `Vec`, so the
    /// cap also bounds looking them up.
    const MAX_ARGS: usize = 256;
    /// Longest argument name, in bytes: a Fluent variable is an identifier
    /// (`$count`), a few dozen bytes at most.
    const MAX_ARG_NAME_BYTES: usize = 1024;
    /// Longest argument value, in bytes: a name, a number, a date as text.
    const MAX_ARG_VALUE_BYTES: usize = 16 * 1024;

    /// Whether a RenderMessage call is gone: set by the [`CancelOnDrop`] its
    /// handler holds, read between files by the work on the blocking pool,
    /// which the handler's end does not stop.
    #[derive(Debug, Clone, Default)]
    pub struct Cancellation(Arc<AtomicBool>);

    impl Cancellation {
        /// A guard that sets the flag when dropped: the handler holds it, so
        /// the flag is set when the call's future is dropped (deadline
        /// passed, cancelled, client gone) or ends.
        pub fn cancel_on_drop(&self) -> CancelOnDrop {
            CancelOnDrop(Arc::clone(&self.0))
        }

        /// Whether the call is gone.
        pub fn is_cancelled(&self) -> bool {
            self.0.load(Ordering::Relaxed)
        }

        /// [`ApiError::Cancelled`] once the call is gone (counted in the
        /// metrics), to stop a check there.
        pub fn go_on(&self) -> Result<(), ApiError> {
            if self.is_cancelled() {
                crate::metrics::check_cancelled();
                Err(ApiError::Cancelled)
            } else {
                Ok(())
            }
        }

        fn check(&self) -> Result<(), RenderError> {
            if self.is_cancelled() {
                Err(RenderError::Cancelled)
            } else {
                Ok(())
            }
        }
    }

    /// Sets its [`Cancellation`] when dropped.
    #[derive(Debug)]
    pub struct CancelOnDrop(Arc<AtomicBool>);

    impl Drop for CancelOnDrop {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Relaxed);
        }
    }

    /// Why RenderMessage gave no text.
    #[derive(Debug)]
    pub enum RenderError {
        /// The request failed.
        Api(ApiError),
        /// The call was gone before the work ended (CANCELLED).
        Cancelled,
    }

    impl From<ApiError> for RenderError {
        fn from(e: ApiError) -> Self {
            RenderError::Api(e)
        }
    }

    impl From<RenderError> for Status {
        fn from(e: RenderError) -> Status {
            match e {
                RenderError::Api(e) => e.into(),
                RenderError::Cancelled => Status::with_error_details(
                    Code::Cancelled,
                    "the call was cancelled before the message was rendered",
                    ErrorDetails::with_error_info("CANCELLED", ERROR_DOMAIN, HashMap::new()),
                ),
            }
        }
    }

    /// Where a message is served from, as [`choose_message`] decides.
    struct Choice {
        /// The locales tried, in order.
        tried: Vec<LocaleTag>,
        /// The bundle and the file whose definition serves the message;
        /// `None` when no bundle defines it.
        served: Option<Served>,
        /// The bundle and file whose definition serves the message but lacks
        /// the value or attribute asked for (a runtime looks no further).
        lacking: Option<(LocaleTag, String)>,
    }

    /// The bundle and file that serve a message.
    struct Served {
        locale: LocaleTag,
        /// The bundle path of the file holding the chosen definition.
        file: String,
        /// Whether no bundle of the locale's chain has the message and the
        /// source supplies it, as a runtime's last fallback.
        last_resort: bool,
    }

    /// The files of the product's bundles, each bundle loaded once, when
    /// first asked for, sorted by path.
    struct Bundles<'s> {
        store: &'s SharedStore,
        product: &'s ResourceName,
        cancel: &'s Cancellation,
        loaded: BTreeMap<LocaleTag, Vec<BundleFileDoc>>,
    }

    impl Bundles<'_> {
        fn files(&mut self, locale: &LocaleTag) -> Result<&[BundleFileDoc], RenderError> {
            if !self.loaded.contains_key(locale) {
                self.cancel.check()?;
                let name = format!("{}/bundles/{locale}/files", self.product);
                let mut files: Vec<BundleFileDoc> = self
                    .store
                    .list(&name, None)
                    .map_err(|e| ApiError::from_store(ResourceKind::Bundle.type_name(), e))?
                    .iter()
                    .map(decode_body)
                    .collect::<Result<_, _>>()?;
                files.sort_by(|a, b| a.path.cmp(&b.path));
                self.loaded.insert(locale.clone(), files);
            }
            Ok(self.loaded.get(locale).map_or(&[], Vec::as_slice))
        }
    }

    /// The choice: which bundle, file and definition serve `id` for
    /// `locale`, by the engine's rule ([`serving_bundle`] along
    /// [`serving_order`] under `policy`, CLDR_FALLBACK unless the request
    /// names another, as a need of the roadmap check would): the
    /// first bundle of the locale's one chain that defines the message (in
    /// `file`, the source file the message lives in, under the product's
    /// [`MessageScope::File`](domain::MessageScope); the first definition
    /// anywhere under BUNDLE scope, or for an id the source lacks). So the
    /// bundle that supplies a message here is the one the roadmap check says
    /// serves it. When none does, the source supplies it, as a runtime's
    /// last fallback, and the caller says so.
    ///
    /// As in a runtime, the first bundle that has the message serves it,
    /// whether or not its definition has the part asked for: a missing
    /// value or attribute there is an error, not a reason to look further.
    fn choose_message(
        locale: &LocaleTag,
        product: &domain::Product,
        available: &[LocaleTag],
        (id, attribute, file): (&str, Option<&str>, Option<&str>),
        policy: MatchPolicy,
        bundles: &mut Bundles<'_>,
    ) -> Result<Choice, RenderError> {
        let order = serving_order(locale, available, policy);
        let source_locale = &product.source_locale;
        let mut wanted: Vec<&LocaleTag> = order.iter().map(|(b, _)| b).collect();
        if available.contains(source_locale) {
            wanted.push(source_locale);
        }
        for l in &wanted {
            bundles.files(l)?;
        }
        let scope = product.message_scope;
        let views: BTreeMap<LocaleTag, BundleView> = bundles
            .loaded
            .iter()
            .map(|(l, files)| {
                (
                    l.clone(),
                    BundleView::new(files.iter().map(|f| (f.path.as_str(), &f.index)), scope),
                )
            })
            .collect();
        // The source file the message lives in: the one asked for, else the
        // source's first definition; an id the source lacks is looked up
        // bundle-wide.
        let source_file = file.map(str::to_string).or_else(|| {
            views
                .get(source_locale)
                .and_then(|v| v.get_anywhere(id))
                .map(|l| l.file.to_string())
        });
        let served = match &source_file {
            Some(file) => serving_bundle(&views, &order, MessageKey { file, id }),
            None => order.iter().find_map(|(b, _)| {
                views
                    .get(b)?
                    .get_anywhere(id)
                    .map(|located| (b.clone(), located))
            }),
        };
        let mut tried: Vec<LocaleTag> = order.into_iter().map(|(b, _)| b).collect();
        let has_part = |entry: &domain::ftl::Entry| match attribute {
            Some(a) => entry.attributes.iter().any(|x| x.name == a),
            None => entry.value.is_some(),
        };
        if let Some((bundle, located)) = &served {
            if !has_part(located.entry) {
                return Ok(Choice {
                    tried,
                    served: None,
                    lacking: Some((bundle.clone(), located.file.to_string())),
                });
            }
        }
        let served = match served {
            Some((locale, located)) => Some(Served {
                locale,
                file: located.file.to_string(),
                last_resort: false,
            }),
            None if !tried.contains(source_locale) => {
                tried.push(source_locale.clone());
                views
                    .get(source_locale)
                    .and_then(|v| match &source_file {
                        Some(file) => v.get(file, id).or_else(|| v.get_anywhere(id)),
                        None => v.get_anywhere(id),
                    })
                    .filter(|located| has_part(located.entry))
                    .map(|located| Served {
                        locale: source_locale.clone(),
                        file: located.file.to_string(),
                        last_resort: true,
                    })
            }
            None => None,
        };
        Ok(Choice {
            tried,
            served,
            lacking: None,
        })
    }

    /// RenderMessage: formats the message that [`choose_message`] chooses
    /// with `fluent-bundle`; stops with [`RenderError::Cancelled`] when
    /// `cancel` is set.
    pub fn render(
        store: &SharedStore,
        req: &pb::RenderMessageRequest,
        cancel: &Cancellation,
    ) -> Result<pb::RenderMessageResponse, RenderError> {
        let product = parse_name(ResourceKind::Product, "product", &req.product)?;
        let locale =
            LocaleTag::parse(&req.locale).map_err(|e| ApiError::invalid_field("locale", e))?;
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
        let args = checked_args(&req.args)?;
        let product_doc: domain::Product =
            decode_body(&crud::get_stored::<pb::Product>(store, &product)?)?;
        let available: Vec<LocaleTag> =
            crud::list_all::<pb::Bundle>(store, &format!("{product}/bundles"))?
                .into_iter()
                .map(|(_, d)| d.locale)
                .collect();

        let mut bundles = Bundles {
            store,
            product: &product,
            cancel,
            loaded: BTreeMap::new(),
        };
        let file = (!req.file.is_empty()).then_some(req.file.as_str());
        let mut v = Violations::new();
        let policy = enum_value(
            req.match_policy,
            "match_policy",
            &mut v,
            match_policy_from_pb,
        )
        .unwrap_or(MatchPolicy::CldrFallback);
        let pseudo = enum_value(req.pseudo, "pseudo", &mut v, |raw| {
            Some(match pb::PseudoTransform::try_from(raw).ok()? {
                pb::PseudoTransform::Unspecified => None,
                pb::PseudoTransform::Accented => Some(Pseudo::Accented),
                pb::PseudoTransform::Bidi => Some(Pseudo::Bidi),
            })
        });
        v.into_result(()).map_err(ApiError::invalid)?;
        let choice = choose_message(
            &locale,
            &product_doc,
            &available,
            (id, attribute, file),
            policy,
            &mut bundles,
        )?;

        // Files refused on upload in the bundles tried up to the one that
        // serves: never parsed, and perhaps where the message was meant to be.
        let mut refused: Vec<(LocaleTag, String)> = Vec::new();
        for l in &choice.tried {
            if available.contains(l) {
                for f in bundles.files(l)? {
                    if f.index.was_refused() {
                        refused.push((l.clone(), f.path.clone()));
                    }
                }
            }
            if choice.served.as_ref().is_some_and(|s| &s.locale == l) {
                break;
            }
        }
        let tried: Vec<String> = choice.tried.iter().map(ToString::to_string).collect();
        if let Some((bundle, file)) = &choice.lacking {
            let part = attribute.map_or_else(|| "value".to_string(), |a| format!("attribute .{a}"));
            return Err(ApiError::NotFound {
                resource_type: "glocal.v1.Message",
                name: format!(
                    "{product} message {} (bundle {bundle} serves {id} from {file}, without a {part})",
                    req.message_id
                ),
            }
            .into());
        }
        let Some(served) = choice.served else {
            let refused = if refused.is_empty() {
                String::new()
            } else {
                let files: Vec<String> = refused
                    .iter()
                    .map(|(l, path)| format!("{path} of bundle {l}"))
                    .collect();
                format!(
                    "; left out, refused unparsed on upload: {}",
                    files.join(", ")
                )
            };
            return Err(ApiError::NotFound {
                resource_type: "glocal.v1.Message",
                name: format!(
                    "{product} message {} (tried {}{refused})",
                    req.message_id,
                    tried.join(", "),
                ),
            }
            .into());
        };
        let mut errors: Vec<String> = refused
            .iter()
            .map(|(l, path)| {
                Text::new("render-file-refused")
                    .text("path", path.as_str())
                    .text("locale", l.as_str())
                    .to_string()
            })
            .collect();
        if served.last_resort {
            let chain: Vec<&str> = tried[..tried.len() - 1]
                .iter()
                .map(String::as_str)
                .collect();
            errors.push(
                Text::new("render-not-translated")
                    .text("id", req.message_id.as_str())
                    .text("locale", locale.as_str())
                    .text("chain", chain.join(", "))
                    .text("source", served.locale.as_str())
                    .to_string(),
            );
        }
        let files = bundles
            .loaded
            .remove(&served.locale)
            .ok_or_else(|| ApiError::Internal(format!("bundle {} not loaded", served.locale)))?;
        let text = format_chosen(
            &served,
            files,
            (id, attribute),
            (&args, pseudo),
            cancel,
            &mut errors,
        )?;
        Ok(pb::RenderMessageResponse {
            text,
            locale: served.locale.to_string(),
            fallback_chain: tried,
            errors,
        })
    }

    /// The arguments sorted by name, or why they are refused: more than
    /// [`MAX_ARGS`], a name longer than [`MAX_ARG_NAME_BYTES`], a value
    /// longer than [`MAX_ARG_VALUE_BYTES`] (each reported once, on `args`).
    fn checked_args(args: &HashMap<String, String>) -> Result<Vec<(&str, &str)>, ApiError> {
        let mut v = Violations::new();
        if args.len() > MAX_ARGS {
            v.add(
                "args",
                Text::new("request-render-too-many-args")
                    .count("count", args.len())
                    .count("max", MAX_ARGS),
            );
        }
        let longest_name = args.keys().map(String::len).max().unwrap_or(0);
        if longest_name > MAX_ARG_NAME_BYTES {
            v.add(
                "args",
                Text::new("request-render-arg-name-too-long")
                    .count("size", longest_name)
                    .count("max", MAX_ARG_NAME_BYTES),
            );
        }
        // The first name (in sorted order) of a value too long, among
        // names not too long themselves.
        let long_value = args
            .iter()
            .filter(|(k, v)| k.len() <= MAX_ARG_NAME_BYTES && v.len() > MAX_ARG_VALUE_BYTES)
            .min_by(|a, b| a.0.cmp(b.0));
        if let Some((name, value)) = long_value {
            v.add(
                "args",
                Text::new("request-render-arg-value-too-long")
                    .text("name", name.as_str())
                    .count("size", value.len())
                    .count("max", MAX_ARG_VALUE_BYTES),
            );
        }
        v.into_result(()).map_err(ApiError::invalid)?;
        let mut sorted: Vec<(&str, &str)> =
            args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
        Ok(sorted)
    }

    /// Formats the definition `served` chose from the bundle's `files`
    /// (sorted by path), adding fluent-bundle's problems to `errors`.
    ///
    /// Files the indexer refused are never parsed. The others are added in
    /// path order, as the engine resolves references (`{ -brand }` finds
    /// the first definition in path order); only when an earlier file also
    /// defines the id (which today's choice never picks) does the chosen
    /// file go first, so that fluent-bundle, which keeps the first
    /// definition it is given, uses the chosen one.
    fn format_chosen(
        served: &Served,
        files: Vec<BundleFileDoc>,
        (id, attribute): (&str, Option<&str>),
        (args, pseudo): (&[(&str, &str)], Option<Pseudo>),
        cancel: &Cancellation,
        errors: &mut Vec<String>,
    ) -> Result<String, RenderError> {
        let inconsistent = |what: &str| {
            ApiError::Internal(format!(
                "rendering {id} from {} of bundle {}: {what}",
                served.file, served.locale
            ))
        };
        let langid: unic_langid::LanguageIdentifier = served
            .locale
            .as_str()
            .parse()
            .map_err(|e| inconsistent(&format!("the locale is no language id: {e}")))?;
        let mut files: Vec<BundleFileDoc> = files
            .into_iter()
            .filter(|f| !f.index.was_refused())
            .collect();
        let chosen = files
            .iter()
            .position(|f| f.path == served.file)
            .ok_or_else(|| inconsistent("the file is missing or was refused on upload"))?;
        if files[..chosen].iter().any(|f| f.index.entry(id).is_some()) {
            let file = files.remove(chosen);
            files.insert(0, file);
        }

        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        // Like Firefox's pseudo-locales: fluent-bundle transforms each text
        // element as it formats, never a placeable's value.
        bundle.set_transform(pseudo.map(Pseudo::transform));
        for f in files {
            cancel.check()?;
            // Rendering needs the Fluent AST, which the index does not keep:
            // this is the one place text is parsed again.
            let text = match f.content.strip_prefix('\u{feff}') {
                Some(rest) => rest.to_string(),
                None => f.content,
            };
            let resource = FluentResource::try_new(text).unwrap_or_else(|(partial, _)| partial);
            if let Err(errs) = bundle.add_resource(resource) {
                errors.extend(errs.iter().map(|e| format!("{}: {e}", f.path)));
            }
        }
        cancel.check()?;

        let message = bundle
            .get_message(id)
            .ok_or_else(|| inconsistent("fluent-bundle does not find the message"))?;
        let pattern = match attribute {
            Some(a) => message.get_attribute(a).map(|x| x.value()),
            None => message.value(),
        }
        .ok_or_else(|| inconsistent("fluent-bundle's definition lacks the part"))?;
        // Sorted names: each `set` appends, so building is linear.
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for &(k, v) in args {
            match v.parse::<f64>() {
                Ok(n) => fluent_args.set(k, FluentValue::from(n)),
                Err(_) => fluent_args.set(k, FluentValue::from(v)),
            }
        }
        let mut format_errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, Some(&fluent_args), &mut format_errors)
            .into_owned();
        errors.extend(format_errors.iter().map(|e| e.to_string()));
        Ok(text)
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::domain::ftl::index_file;

        fn file(path: &str, content: &str) -> BundleFileDoc {
            BundleFileDoc {
                path: path.into(),
                content: content.into(),
                index: index_file(content),
            }
        }

        fn served() -> Served {
            Served {
                locale: LocaleTag::parse("en-US").unwrap(),
                file: "a.ftl".into(),
                last_resort: false,
            }
        }

        #[test]
        fn formatting_stops_when_the_call_is_gone() {
            let files = vec![file("a.ftl", "hello = Hello\n"), file("b.ftl", "x = X\n")];
            let cancel = Cancellation::default();
            let mut errors = Vec::new();
            let text = format_chosen(
                &served(),
                files.clone(),
                ("hello", None),
                (&[], None),
                &cancel,
                &mut errors,
            );
            assert_eq!(text.ok().as_deref(), Some("Hello"));
            let accented = format_chosen(
                &served(),
                files.clone(),
                ("hello", None),
                (&[], Some(Pseudo::Accented)),
                &cancel,
                &mut errors,
            );
            assert_eq!(accented.ok().as_deref(), Some("[Ħeeŀŀoo]"));
            drop(cancel.cancel_on_drop());
            let stopped = format_chosen(
                &served(),
                files,
                ("hello", None),
                (&[], None),
                &cancel,
                &mut errors,
            );
            assert!(
                matches!(stopped, Err(RenderError::Cancelled)),
                "{stopped:?}"
            );
            let status = Status::from(RenderError::Cancelled);
            assert_eq!(status.code(), Code::Cancelled);
            assert_eq!(
                status
                    .get_error_details()
                    .error_info()
                    .map(|i| i.reason.as_str()),
                Some("CANCELLED")
            );
        }

        #[test]
        fn arguments_come_sorted() {
            let args: HashMap<String, String> = [("b", "2"), ("a", "1"), ("c", "3")]
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .into();
            let sorted = checked_args(&args).map_err(|e| e.to_string());
            assert_eq!(sorted, Ok(vec![("a", "1"), ("b", "2"), ("c", "3")]));
        }
    }
}
