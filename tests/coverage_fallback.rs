//! The engine's message scope, per-message fallback, chain and syntax-error
//! attribution (`glocal::coverage`), on small `.ftl` fixtures written here:
//! each case is a bundle set, a need, and exactly what the engine answers.

use std::collections::BTreeMap;

use glocal::coverage::checks::{check_locale, BundleView, CheckOptions, LocaleReport};
use glocal::coverage::finding::{Finding, NeedReason, NeedReasonKind, Rule, Severity, WaivedBy};
use glocal::coverage::roadmap::{
    check_roadmap, PlanInputs, RoadmapOptions, RoadmapReport, Verdict,
};
use glocal::coverage::serving_order;
use glocal::domain::ftl::{index_file, FileIndex};
use glocal::domain::planning::{
    Launch, LaunchPhase, LaunchStatus, PhaseDate, Roadmap, RoadmapItem, Waiver,
};
use glocal::domain::{
    CalendarDate, Jurisdiction, LocaleRule, LocaleTag, Market, MarketInput, MatchPolicy,
    MessageScope, Obligation, Product, Requirement, RequirementKind, ResourceKind, ResourceName,
    Variant,
};

fn tag(s: &str) -> LocaleTag {
    LocaleTag::parse(s).unwrap()
}

fn day(s: &str) -> CalendarDate {
    s.parse().unwrap()
}

/// Indexed files, `(path, text)`.
fn files(list: &[(&str, &str)]) -> Vec<(String, FileIndex)> {
    list.iter()
        .map(|(p, t)| (p.to_string(), index_file(t)))
        .collect()
}

fn view(files: &[(String, FileIndex)], scope: MessageScope) -> BundleView<'_> {
    BundleView::new(files.iter().map(|(p, i)| (p.as_str(), i)), scope)
}

fn lint(
    source: &[(&str, &str)],
    target: &[(&str, &str)],
    locale: &str,
    scope: MessageScope,
) -> LocaleReport {
    let (source, target) = (files(source), files(target));
    check_locale(
        &view(&source, scope),
        &view(&target, scope),
        &tag(locale),
        &CheckOptions {
            source_locale: Some(tag("en-US")),
            identical_allowed: vec![],
        },
    )
}

/// `(rule, message id, file:line:column)`.
fn brief(f: &Finding) -> (String, String, String) {
    (
        f.rule.id().to_string(),
        f.message_id.clone().unwrap_or_default(),
        format!(
            "{}:{}:{}",
            f.file.as_deref().unwrap_or("-"),
            f.line,
            f.column
        ),
    )
}

fn briefs<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Vec<(String, String, String)> {
    findings.into_iter().map(brief).collect()
}

fn want(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(r, i, a)| (r.to_string(), i.to_string(), a.to_string()))
        .collect()
}

const STATUS_SOURCE: &[(&str, &str)] = &[
    ("orders/list.ftl", "status-label = Status:\n"),
    ("sync.ftl", "status-label = Status ({ $device })\n"),
];

/// The same id in two source files is two messages under FILE scope: a
/// correct translation of the second is no error, and the first is missing
/// where it belongs. Under BUNDLE scope the translation is compared with the
/// first definition in path order (the other file's), as one FluentBundle
/// would.
#[test]
fn the_same_id_in_two_files_is_two_messages_per_file() {
    let fr = [("sync.ftl", "status-label = État ({ $device })\n")];
    /// A scope, the findings it gives, and (messages, translated, missing).
    type Case<'a> = (
        MessageScope,
        &'a [(&'a str, &'a str, &'a str)],
        (u32, u32, u32),
    );
    let cases: &[Case] = &[
        (
            MessageScope::File,
            &[("missing-message", "status-label", "orders/list.ftl:0:0")],
            (2, 1, 1),
        ),
        (
            MessageScope::Bundle,
            &[("unknown-variable", "status-label", "sync.ftl:1:1")],
            (1, 1, 0),
        ),
    ];
    for (scope, findings, (total, translated, missing)) in cases {
        let report = lint(STATUS_SOURCE, &fr, "fr", *scope);
        assert_eq!(briefs(&report.findings), want(findings), "{scope:?}");
        let s = report.stats;
        assert_eq!(
            (s.source_messages, s.translated_messages, s.missing_messages),
            (*total, *translated, *missing),
            "{scope:?}"
        );
    }
    // A message in another file than the source's: missing where it
    // belongs, obsolete where it is (per file); translated (per bundle).
    let moved = [
        ("orders/list.ftl", "status-label = Statut :\n"),
        ("misc.ftl", "sync-only = x\n"),
    ];
    let source = [
        ("orders/list.ftl", "status-label = Status:\n"),
        ("sync.ftl", "sync-only = Sync\n"),
    ];
    let report = lint(&source, &moved, "fr", MessageScope::File);
    assert_eq!(
        briefs(&report.findings),
        want(&[
            ("obsolete-message", "sync-only", "misc.ftl:1:1"),
            ("missing-message", "sync-only", "sync.ftl:0:0"),
        ])
    );
    let report = lint(&source, &moved, "fr", MessageScope::Bundle);
    assert_eq!(briefs(&report.findings), want(&[]));
}

const CHECKOUT: &str =
    "checkout-title = Checkout\ncheckout-total = Total: { $amount }\ncheckout-pay = Pay now\n";

/// A message lost to a syntax error is reported once, on its entry: the
/// entry's first line and the id it starts with; the parser's position stays
/// in the detail. It is counted missing, not reported as missing-message.
#[test]
fn a_syntax_error_is_reported_on_the_entry_it_swallows() {
    let pl = [(
        "shop.ftl",
        "checkout-title = Kasa\ncheckout-total = Razem: { $amount\ncheckout-pay = Zapłać\n",
    )];
    let report = lint(&[("shop.ftl", CHECKOUT)], &pl, "pl", MessageScope::File);
    assert_eq!(
        briefs(&report.findings),
        want(&[("syntax-error", "checkout-total", "shop.ftl:2:1")])
    );
    assert!(
        report.findings[0]
            .detail
            .contains("(up to line 3, column 2)"),
        "{}",
        report.findings[0].detail
    );
    assert_eq!(report.findings[0].severity, Severity::Error);
    assert_eq!(
        (
            report.stats.translated_messages,
            report.stats.missing_messages
        ),
        (2, 1)
    );
}

#[test]
fn serving_orders_follow_the_one_chain() {
    use MatchPolicy::{CldrFallback as F, Exact as E, SameLanguage as S};
    let available = |list: &[&str]| list.iter().map(|s| tag(s)).collect::<Vec<_>>();
    let cases: &[(&str, &[&str], MatchPolicy, &[&str])] = &[
        // pt-AO → pt-PT → pt, then pt's default content pt-BR.
        (
            "pt-AO",
            &["es", "pt", "pt-BR", "pt-PT"],
            F,
            &["pt-PT", "pt", "pt-BR"],
        ),
        ("pt-AO", &["es", "pt", "pt-BR", "pt-PT"], E, &[]),
        (
            "pt-AO",
            &["pt-BR", "pt-MZ", "pt-PT"],
            S,
            &["pt-PT", "pt-BR", "pt-MZ"],
        ),
        // en-GB → en-001 → en, served by en-US at en.
        ("en-GB", &["en-US", "fr"], F, &["en-US"]),
        ("en-GB", &["en-US", "fr"], E, &[]),
        (
            "en-GB",
            &["en-001", "en-GB", "en-US"],
            F,
            &["en-GB", "en-001", "en-US"],
        ),
        ("fr-CA", &["en-US", "fr", "fr-CA"], F, &["fr-CA", "fr"]),
        ("fr-CA", &["fr-FR"], F, &["fr-FR"]),
        ("fr-CA", &["fr", "fr-CA"], E, &["fr-CA"]),
    ];
    for (locale, list, policy, expected) in cases {
        let got: Vec<String> = serving_order(&tag(locale), &available(list), *policy)
            .into_iter()
            .map(|(t, _)| t.to_string())
            .collect();
        assert_eq!(got, *expected, "{locale} from {list:?} under {policy:?}");
    }
}

// ---------------------------------------------------------------------------
// Roadmap checks: one market, one launch, one item needing every message.
// ---------------------------------------------------------------------------

struct Plan {
    product: Product,
    markets: BTreeMap<String, Market>,
    requirements: Vec<(String, Requirement)>,
    variants: BTreeMap<String, Variant>,
    launches: Vec<(String, Launch)>,
    roadmap: Roadmap,
    bundles: BTreeMap<LocaleTag, Vec<(String, FileIndex)>>,
}

fn name(kind: ResourceKind, s: &str) -> ResourceName {
    ResourceName::parse(kind, s).unwrap()
}

/// A plan for a market of `country` with `storefront` locales, launching GA
/// on 2027-03-01, whose roadmap needs every source message, over `bundles`.
fn plan(country: &str, storefront: &[&str], bundles: &[(&str, &[(&str, &str)])]) -> Plan {
    let market = MarketInput {
        country: country.into(),
        currency: "EUR".into(),
        storefront_locales: storefront.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
    .validate("market")
    .unwrap();
    let variant = Variant {
        display_name: String::new(),
        sku: String::new(),
        markets: vec![name(ResourceKind::Market, "markets/m")],
        attributes: Default::default(),
        features: vec![],
        required_messages: vec![],
    };
    let launch = Launch {
        market: name(ResourceKind::Market, "markets/m"),
        variant: name(ResourceKind::Variant, "products/p/variants/v"),
        phases: vec![PhaseDate {
            phase: LaunchPhase::Ga,
            date: day("2027-03-01"),
        }],
        status: LaunchStatus::Planned,
        locales: vec![],
        weight: Default::default(),
    };
    Plan {
        product: Product {
            display_name: String::new(),
            source_locale: tag("en-US"),
            categories: vec![],
            fluent_source: None,
            message_scope: MessageScope::File,
        },
        markets: [("markets/m".to_string(), market)].into(),
        requirements: vec![],
        variants: [("products/p/variants/v".to_string(), variant)].into(),
        launches: vec![("products/p/launches/l".to_string(), launch)],
        roadmap: Roadmap {
            display_name: String::new(),
            items: vec![RoadmapItem {
                id: "everything".into(),
                title: String::new(),
                messages: vec!["*".into()],
                target_date: None,
                markets: vec![],
                waivers: vec![],
            }],
        },
        bundles: bundles
            .iter()
            .map(|(locale, list)| (tag(locale), files(list)))
            .collect(),
    }
}

/// A requirement of the market's country asking for `locale` under `policy`.
fn requirement(plan: &mut Plan, locale: &str, policy: MatchPolicy) {
    let country = plan.markets["markets/m"].country;
    plan.requirements.push((
        "requirements/law".into(),
        Requirement {
            jurisdiction: Jurisdiction::Country(country),
            kind: RequirementKind::LegalLanguage,
            summary: "A language law".into(),
            legal_reference: "Law 1".into(),
            source_url: String::new(),
            effective_from: None,
            effective_until: None,
            product_categories: vec![],
            locale_rules: vec![LocaleRule {
                locale: tag(locale),
                obligation: Obligation::Mandatory,
                match_policy: policy,
                must_be_default: false,
            }],
            required_messages: vec![],
        },
    ));
}

/// The check as of 2027-02-20 (inside the 14-day window: gaps block).
fn run(plan: &Plan) -> RoadmapReport {
    run_with(plan, None)
}

/// [`run`], knowing the item ids of every roadmap of the product.
fn run_with(
    plan: &Plan,
    feature_ids: Option<&std::collections::BTreeSet<String>>,
) -> RoadmapReport {
    let views: BTreeMap<LocaleTag, BundleView> = plan
        .bundles
        .iter()
        .map(|(l, f)| (l.clone(), view(f, plan.product.message_scope)))
        .collect();
    let inputs = PlanInputs {
        product: &plan.product,
        markets: &plan.markets,
        requirements: &plan.requirements,
        variants: &plan.variants,
        launches: &plan.launches,
        roadmap: &plan.roadmap,
        feature_ids,
        bundles: &views,
    };
    check_roadmap(
        &inputs,
        &RoadmapOptions {
            as_of: day("2027-02-20"),
            window_days: 14,
            market_windows: BTreeMap::new(),
            checks: CheckOptions::default(),
            legal_factor: glocal::coverage::roadmap::default_legal_factor(),
        },
    )
}

/// The coverage of `locale`: (required, own, effective, served_by).
fn coverage(report: &RoadmapReport, locale: &str) -> (u32, u32, u32, Option<String>) {
    let c = report.launches[0]
        .locales
        .iter()
        .find(|c| c.locale == locale)
        .unwrap_or_else(|| panic!("no coverage for {locale}"));
    (
        c.coverage.required_messages,
        c.coverage.own_messages,
        c.coverage.effective_messages,
        c.served_by.clone(),
    )
}

/// `(rule, severity, locale, message id)` of a launch's findings.
fn launch_findings(report: &RoadmapReport) -> Vec<(String, Severity, String, String)> {
    report.launches[0]
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.id().to_string(),
                f.severity,
                f.locale.clone(),
                f.message_id.clone().unwrap_or_default(),
            )
        })
        .collect()
}

const APP: &str = "a = A\nb = B\nc = C\nd = D\ne = E\nf = F\n";
const LEGAL: &str = "g = G\nh = H\ni = I\n";
const FR_APP: &str = "a = A fr\nb = B fr\nc = C fr\nd = D fr\ne = E fr\nf = F fr\n";
const FR_LEGAL: &str = "g = G fr\nh = H fr\ni = I fr\n";

fn fr_ca_plan() -> Plan {
    plan(
        "CA",
        &["fr-CA"],
        &[
            ("en-US", &[("app.ftl", APP), ("legal.ftl", LEGAL)]),
            ("fr", &[("app.ftl", FR_APP), ("legal.ftl", FR_LEGAL)]),
            ("fr-CA", &[("legal.ftl", "h = H québécois\n")]),
        ],
    )
}

/// fr-CA with one override file: every other message is served by fr, as in
/// Fluent's runtimes; own coverage 1 of 9, effective 9 of 9, and a note says
/// which bundle serves how many.
#[test]
fn an_override_bundle_is_served_message_by_message() {
    let report = run(&fr_ca_plan());
    assert_eq!(
        report.verdict,
        Verdict::Ready,
        "{:?}",
        launch_findings(&report)
    );
    assert_eq!(coverage(&report, "fr-CA"), (9, 1, 9, Some("fr-CA".into())));
    let findings = &report.launches[0].findings;
    assert_eq!(findings.len(), 1, "{findings:?}");
    let note = &findings[0];
    assert_eq!(
        (note.rule, note.severity, note.bundle.as_deref()),
        (Rule::FallbackUsed, Severity::Info, Some("fr"))
    );
    assert_eq!(
        note.detail,
        "the fr bundle serves 8 of the 9 needed messages"
    );
}

/// An EXACT rule accepts only the locale's own bundle: the 8 messages fr-CA
/// does not override are gaps.
#[test]
fn an_exact_rule_is_not_served_by_the_chain() {
    let mut plan = fr_ca_plan();
    requirement(&mut plan, "fr-CA", MatchPolicy::Exact);
    let report = run(&plan);
    assert_eq!(report.verdict, Verdict::Blocked);
    assert_eq!(coverage(&report, "fr-CA"), (9, 1, 1, Some("fr-CA".into())));
    let gaps: Vec<String> = launch_findings(&report)
        .into_iter()
        .filter(|f| f.1 == Severity::Error)
        .map(|f| format!("{} {}", f.0, f.3))
        .collect();
    assert_eq!(
        gaps,
        [
            "missing-message a",
            "missing-message b",
            "missing-message c",
            "missing-message d",
            "missing-message e",
            "missing-message f",
            "missing-message g",
            "missing-message i",
        ]
    );
}

/// en-GB (en-GB → en-001 → en) is served by an en-US bundle under
/// CLDR_FALLBACK, and not under EXACT.
#[test]
fn en_gb_is_served_by_en_us_along_its_chain_only() {
    let mut plan = plan("GB", &["en-GB"], &[("en-US", &[("app.ftl", APP)])]);
    let report = run(&plan);
    assert_eq!(report.verdict, Verdict::Ready);
    assert_eq!(coverage(&report, "en-GB"), (6, 0, 6, Some("en-US".into())));
    requirement(&mut plan, "en-GB", MatchPolicy::Exact);
    let report = run(&plan);
    assert_eq!(report.verdict, Verdict::Blocked);
    assert_eq!(
        launch_findings(&report)
            .into_iter()
            .filter(|f| f.1 == Severity::Error)
            .collect::<Vec<_>>(),
        [(
            "missing-locale".to_string(),
            Severity::Error,
            "en-GB".to_string(),
            String::new()
        )]
    );
}

/// A runtime takes the first bundle that has the message, complete or not:
/// an fr-CA message without fr's attribute is served by fr-CA, and the
/// missing attribute is its gap (no runtime shows fr's attribute).
#[test]
fn the_first_bundle_with_the_message_serves_it_complete_or_not() {
    let plan = plan(
        "CA",
        &["fr-CA"],
        &[
            (
                "en-US",
                &[(
                    "app.ftl",
                    "email = Email\n    .placeholder = you@example.com\n",
                )],
            ),
            (
                "fr",
                &[(
                    "app.ftl",
                    "email = Courriel\n    .placeholder = vous@exemple.fr\n",
                )],
            ),
            ("fr-CA", &[("app.ftl", "email = Courriel\n")]),
        ],
    );
    let report = run(&plan);
    assert_eq!(report.verdict, Verdict::Blocked);
    assert_eq!(coverage(&report, "fr-CA"), (1, 0, 0, Some("fr-CA".into())));
    assert_eq!(
        launch_findings(&report),
        [(
            "missing-attribute".to_string(),
            Severity::Error,
            "fr-CA".to_string(),
            "email.placeholder".to_string()
        )]
    );
}

/// A needed message lost to a syntax error is a blocking syntax-error on that
/// message, with its file and line, not a missing message; also when a
/// fallback bundle has the message (the runtime shows fr's text, but the
/// fr-CA translation meant for it is lost).
#[test]
fn a_message_lost_to_a_syntax_error_is_a_syntax_error_gap() {
    let source = [("shop.ftl", CHECKOUT)];
    let broken =
        "checkout-title = Kasa\ncheckout-total = Razem: { $amount\ncheckout-pay = Zapłać\n";
    let plan = plan(
        "PL",
        &["pl-PL"],
        &[("en-US", &source), ("pl-PL", &[("shop.ftl", broken)])],
    );
    let report = run(&plan);
    assert_eq!(report.verdict, Verdict::Blocked);
    let gaps = &report.launches[0].findings;
    assert_eq!(
        briefs(gaps.iter().filter(|f| f.severity == Severity::Error)),
        want(&[("syntax-error", "checkout-total", "shop.ftl:2:1")])
    );
    assert_eq!(coverage(&report, "pl-PL"), (3, 2, 2, Some("pl-PL".into())));

    let fixed =
        "checkout-title = Kasa\ncheckout-total = Razem: { $amount }\ncheckout-pay = Zapłać\n";
    let plan = plan_with_pl_fallback(&source, broken, fixed);
    let report = run(&plan);
    let error: Vec<&Finding> = report.launches[0]
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(
        briefs(error.iter().copied()),
        want(&[("syntax-error", "checkout-total", "shop.ftl:2:1")])
    );
    assert_eq!(error[0].locale, "pl-PL");
    assert_eq!(error[0].bundle, None, "the error is in pl-PL's own file");
    assert_eq!(coverage(&report, "pl-PL"), (3, 2, 2, Some("pl-PL".into())));
}

fn plan_with_pl_fallback(source: &[(&str, &str)], broken: &str, fixed: &str) -> Plan {
    plan(
        "PL",
        &["pl-PL"],
        &[
            ("en-US", source),
            ("pl", &[("shop.ftl", fixed)]),
            ("pl-PL", &[("shop.ftl", broken)]),
        ],
    )
}

/// Under FILE scope a roadmap selector resolves to (file, id) pairs: an id in
/// two source files is needed twice, each from its own file.
#[test]
fn roadmap_selectors_resolve_to_file_and_id() {
    let mut p = plan(
        "FR",
        &["fr-FR"],
        &[
            ("en-US", STATUS_SOURCE),
            (
                "fr-FR",
                &[("sync.ftl", "status-label = État ({ $device })\n")],
            ),
        ],
    );
    p.roadmap.items[0].messages = vec!["status-*".into()];
    let report = run(&p);
    assert_eq!(coverage(&report, "fr-FR"), (2, 1, 1, Some("fr-FR".into())));
    assert_eq!(
        briefs(report.launches[0].findings.iter()),
        want(&[("missing-message", "status-label", "orders/list.ftl:0:0")])
    );
    // By file: only sync.ftl's.
    p.roadmap.items[0].messages = vec!["sync.ftl".into()];
    let report = run(&p);
    assert_eq!(report.verdict, Verdict::Ready);
    assert_eq!(coverage(&report, "fr-FR"), (1, 1, 1, Some("fr-FR".into())));
}

/// A variant feature no roadmap item has is a warning naming the variant
/// and the roadmap's items; it adds no need.
#[test]
fn an_unknown_feature_is_a_warning() {
    let mut p = plan("DE", &["de-DE"], &[("en-US", &[("app.ftl", APP)])]);
    p.variants
        .get_mut("products/p/variants/v")
        .unwrap()
        .features = vec!["everything".into(), "everyting".into()];
    let report = run(&p);
    assert_eq!(
        briefs(&report.findings),
        want(&[("unknown-feature", "everyting", "-:0:0")])
    );
    assert_eq!(report.findings[0].severity, Severity::Warning);
    // A feature another roadmap of the product has is no typo.
    let ids = ["everything".to_string(), "everyting".to_string()].into();
    assert!(run_with(&p, Some(&ids)).findings.is_empty());
    assert_eq!(
        report.findings[0].detail,
        "variant products/p/variants/v includes the feature \"everyting\", which no roadmap item of the product has (this roadmap's items: everything)"
    );
}

/// A syntax error that runs into the next entries (an unclosed `{`) loses
/// them too, and a file refused unparsed (nested too deep) loses all its
/// messages: each such message gets its syntax-error finding, never a silent
/// missing-message, in lint and in the roadmap check.
#[test]
fn every_message_a_syntax_error_swallows_is_reported() {
    let source = [("app.ftl", "hello = Hello\nbye = Goodbye\nthanks = Thanks\n")];
    let fr = [("app.ftl", "hello = {\nbye = Au revoir\nthanks = Merci\n")];
    let report = lint(&source, &fr, "fr", MessageScope::File);
    let briefs = briefs(&report.findings);
    assert!(
        !briefs.iter().any(|b| b.0 == "missing-message"),
        "{briefs:?}"
    );
    let lost: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == Rule::SyntaxError)
        .filter_map(|f| f.message_id.as_deref())
        .collect();
    assert!(
        lost.contains(&"hello") && lost.contains(&"bye"),
        "{briefs:?}"
    );
    assert_eq!(
        report.stats.missing_messages as usize,
        lost.len(),
        "{briefs:?}"
    );

    let deep = format!(
        "bye = Salut\nhello = {}$x{}\n",
        "{".repeat(200),
        "}".repeat(200)
    );
    let refused = [("app.ftl", deep.as_str())];
    let report = lint(&source, &refused, "fr", MessageScope::File);
    assert_eq!(
        report
            .findings
            .iter()
            .map(|f| (f.rule.id(), f.message_id.clone().unwrap_or_default()))
            .collect::<Vec<_>>(),
        [
            ("syntax-error", String::new()),
            ("syntax-error", "bye".to_string()),
            ("syntax-error", "hello".to_string()),
            ("syntax-error", "thanks".to_string()),
        ]
    );
    // In a roadmap: fr serves the messages, but fr-CA's refused file is a
    // blocking gap on each of them.
    let plan = plan(
        "CA",
        &["fr-CA"],
        &[
            ("en-US", &source),
            (
                "fr",
                &[(
                    "app.ftl",
                    "hello = Bonjour\nbye = Au revoir\nthanks = Merci\n",
                )],
            ),
            ("fr-CA", &refused),
        ],
    );
    let report = run(&plan);
    assert_eq!(report.verdict, Verdict::Blocked);
    let gaps: Vec<String> = launch_findings(&report)
        .into_iter()
        .filter(|f| f.1 == Severity::Error)
        .map(|f| format!("{} {}", f.0, f.3))
        .collect();
    assert_eq!(
        gaps,
        [
            "syntax-error bye",
            "syntax-error hello",
            "syntax-error thanks"
        ]
    );
    assert_eq!(coverage(&report, "fr-CA"), (3, 0, 0, Some("fr".into())));
}

/// A gap says why it is needed (the storefront default, the requirement with
/// its kind, summary and legal reference, the roadmap item, each with its
/// obligation), when the messages are needed and the last day before it
/// blocks (need date minus the window); the locale's coverage says the same.
#[test]
fn a_gap_says_why_and_by_when() {
    let mut plan = fr_ca_plan();
    requirement(&mut plan, "fr-CA", MatchPolicy::Exact);
    let report = run(&plan);
    let gap = report.launches[0]
        .findings
        .iter()
        .find(|f| f.rule == Rule::MissingMessage && f.message_id.as_deref() == Some("a"))
        .expect("a gap on a");
    let mut storefront = NeedReason::new(
        NeedReasonKind::StorefrontDefault,
        "markets/m",
        Obligation::Mandatory,
    );
    let mut law = NeedReason::new(
        NeedReasonKind::Requirement,
        "requirements/law",
        Obligation::Mandatory,
    );
    law.requirement_kind = Some(RequirementKind::LegalLanguage);
    law.summary = "A language law".into();
    law.legal_reference = "Law 1".into();
    let item = NeedReason::new(
        NeedReasonKind::RoadmapItem,
        "everything",
        Obligation::Mandatory,
    );
    assert_eq!(gap.reasons, [storefront.clone(), law.clone(), item]);
    assert_eq!(
        (gap.need_date, gap.due_date, gap.waived_by.len()),
        (Some(day("2027-03-01")), Some(day("2027-02-15")), 0)
    );
    let cov = report.launches[0]
        .locales
        .iter()
        .find(|c| c.locale == "fr-CA")
        .expect("fr-CA coverage");
    storefront.obligation = Obligation::Mandatory;
    assert_eq!(cov.reasons, [storefront, law]);
    assert_eq!(
        (cov.need_date, cov.due_date),
        (Some(day("2027-03-01")), Some(day("2027-02-15")))
    );
    let json = serde_json::to_value(gap).unwrap();
    assert_eq!(
        json["reasons"][1],
        serde_json::json!({
            "kind": "requirement",
            "name": "requirements/law",
            "requirement_kind": "LEGAL_LANGUAGE",
            "summary": "A language law",
            "legal_reference": "Law 1",
            "obligation": "MANDATORY"
        })
    );
    assert_eq!(json["due_date"], "2027-02-15");
}

/// A waiver that excuses a gap is named on it (`waived_by`); one that
/// matches no gap of any launch is an `unused-waiver` note of the roadmap.
#[test]
fn waivers_are_named_and_unused_ones_noted() {
    let mut plan = fr_ca_plan();
    // en-CA is needed only by the law, and no bundle serves it exactly.
    requirement(&mut plan, "en-CA", MatchPolicy::Exact);
    let waiver = |requirement: &str| Waiver {
        requirement: name(ResourceKind::Requirement, requirement),
        reason: "later".into(),
        approver: "legal".into(),
        expiry: Some(day("2027-06-30")),
    };
    plan.roadmap.items[0].waivers = vec![waiver("requirements/law"), waiver("requirements/other")];
    let report = run(&plan);
    let gap = report.launches[0]
        .findings
        .iter()
        .find(|f| f.rule == Rule::MissingLocale)
        .expect("a missing-locale gap");
    assert_eq!(gap.severity, Severity::Info);
    assert_eq!(
        gap.waived_by,
        [WaivedBy {
            requirement: "requirements/law".into(),
            approver: "legal".into(),
            expiry: Some(day("2027-06-30")),
        }]
    );
    assert_eq!(
        (gap.need_date, gap.due_date),
        (Some(day("2027-03-01")), Some(day("2027-02-15")))
    );
    let unused: Vec<(Rule, Severity, Option<&str>, &str)> = report
        .findings
        .iter()
        .map(|f| {
            (
                f.rule,
                f.severity,
                f.message_id.as_deref(),
                f.detail.as_str(),
            )
        })
        .collect();
    assert_eq!(
        unused,
        [(
            Rule::UnusedWaiver,
            Severity::Info,
            Some("everything"),
            "the waiver of item everything for requirements/other (approved by legal) matched no gap of any launch"
        )]
    );
    assert_eq!(
        report.findings[0].waived_by[0].requirement,
        "requirements/other"
    );
}
