//! Launch locales: which of its market's storefront locales a launch ships.
//!
//! The engine (`glocal::coverage::roadmap`) on a market with five storefront
//! locales: the shipped ones (or the default locale when the launch lists
//! none) and those a requirement demands are needed; the others are optional
//! coverage, whose findings are INFO and never change the verdict. Then the
//! API: a launch locale that is not one of the market's storefront locales is
//! INVALID_ARGUMENT at `launch.locales[i]`.

mod common;

use std::collections::BTreeMap;

use common::{assert_error, TestServer};
use glocal::api::pb::glocal::v1::{self as pb, planning_service_client::PlanningServiceClient};
use glocal::api::pb::google::r#type::Date;
use glocal::coverage::checks::{BundleView, CheckOptions};
use glocal::coverage::finding::Severity;
use glocal::coverage::roadmap::{
    check_roadmap, PlanInputs, RoadmapOptions, RoadmapReport, Verdict,
};
use glocal::domain::ftl::{index_file, FileIndex};
use glocal::domain::planning::{
    Launch, LaunchPhase, LaunchStatus, PhaseDate, Roadmap, RoadmapItem, Waiver,
};
use glocal::domain::{
    CalendarDate, Jurisdiction, LocaleRule, LocaleTag, Market, MarketInput, MatchPolicy,
    MessageScope, Obligation, Product, Requirement, RequirementKind, ResourceKind, ResourceName,
    Variant,
};
use prost_types::FieldMask;
use tonic::Code;

fn tag(s: &str) -> LocaleTag {
    LocaleTag::parse(s).unwrap()
}

fn day(s: &str) -> CalendarDate {
    s.parse().unwrap()
}

fn name(kind: ResourceKind, s: &str) -> ResourceName {
    ResourceName::parse(kind, s).unwrap()
}

const SOURCE: &str = "title = Kettle\nboil = Boil the water\n";

/// The bundles: the en-US source; de-DE and fr-FR complete; nl-NL without
/// `boil`; nothing for pl-PL; en-GB is served by the en-US source.
fn bundles() -> BTreeMap<LocaleTag, Vec<(String, FileIndex)>> {
    [
        ("en-US", SOURCE),
        ("de-DE", "title = Wasserkocher\nboil = Wasser kochen\n"),
        ("fr-FR", "title = Bouilloire\nboil = Faire bouillir l’eau\n"),
        ("nl-NL", "title = Waterkoker\n"),
    ]
    .into_iter()
    .map(|(l, text)| (tag(l), vec![("app.ftl".to_string(), index_file(text))]))
    .collect()
}

/// Amazon.de-like: five storefront locales, de-DE the default.
fn market() -> Market {
    MarketInput {
        country: "DE".into(),
        currency: "EUR".into(),
        storefront_locales: ["de-DE", "en-GB", "fr-FR", "nl-NL", "pl-PL"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        ..Default::default()
    }
    .validate("market")
    .unwrap()
}

/// A requirement of Germany demanding `locale` (MANDATORY, CLDR_FALLBACK).
fn law(locale: &str) -> (String, Requirement) {
    (
        "requirements/law".into(),
        Requirement {
            jurisdiction: Jurisdiction::Country(market().country),
            kind: RequirementKind::LegalLanguage,
            summary: "A language law".into(),
            legal_reference: String::new(),
            source_url: String::new(),
            effective_from: None,
            effective_until: None,
            product_categories: vec![],
            locale_rules: vec![LocaleRule {
                locale: tag(locale),
                obligation: Obligation::Mandatory,
                match_policy: MatchPolicy::CldrFallback,
                must_be_default: false,
            }],
            required_messages: vec![],
        },
    )
}

/// The check as of 2027-02-20 of a GA on 2027-03-01 (inside the 14-day
/// window: a needed gap blocks) of a launch shipping `locales`, needing
/// every source message.
fn run(locales: &[&str], requirements: &[(String, Requirement)]) -> RoadmapReport {
    run_with(locales, requirements, "2027-02-20", vec![])
}

/// [`run`] as of `as_of`, with `waivers` on the roadmap's one item.
fn run_with(
    locales: &[&str],
    requirements: &[(String, Requirement)],
    as_of: &str,
    waivers: Vec<Waiver>,
) -> RoadmapReport {
    let product = Product {
        display_name: String::new(),
        source_locale: tag("en-US"),
        categories: vec![],
        fluent_source: None,
        message_scope: MessageScope::File,
    };
    let markets: BTreeMap<String, Market> = [("markets/m".to_string(), market())].into();
    let variants: BTreeMap<String, Variant> = [(
        "products/p/variants/v".to_string(),
        Variant {
            display_name: String::new(),
            sku: String::new(),
            markets: vec![name(ResourceKind::Market, "markets/m")],
            attributes: Default::default(),
            features: vec![],
            required_messages: vec![],
        },
    )]
    .into();
    let launches = vec![(
        "products/p/launches/l".to_string(),
        Launch {
            market: name(ResourceKind::Market, "markets/m"),
            variant: name(ResourceKind::Variant, "products/p/variants/v"),
            phases: vec![PhaseDate {
                phase: LaunchPhase::Ga,
                date: day("2027-03-01"),
            }],
            status: LaunchStatus::Planned,
            locales: locales.iter().map(|l| tag(l)).collect(),
            weight: Default::default(),
        },
    )];
    let roadmap = Roadmap {
        display_name: String::new(),
        items: vec![RoadmapItem {
            id: "everything".into(),
            title: String::new(),
            messages: vec!["*".into()],
            target_date: None,
            markets: vec![],
            waivers,
        }],
    };
    let files = bundles();
    let views: BTreeMap<LocaleTag, BundleView> = files
        .iter()
        .map(|(l, f)| {
            (
                l.clone(),
                BundleView::new(f.iter().map(|(p, i)| (p.as_str(), i)), MessageScope::File),
            )
        })
        .collect();
    let inputs = PlanInputs {
        product: &product,
        markets: &markets,
        requirements,
        variants: &variants,
        launches: &launches,
        roadmap: &roadmap,
        feature_ids: None,
        bundles: &views,
    };
    let options = RoadmapOptions {
        as_of: day(as_of),
        window_days: 14,
        market_windows: BTreeMap::new(),
        checks: CheckOptions::default(),
        legal_factor: glocal::coverage::roadmap::default_legal_factor(),
    };
    check_roadmap(&inputs, &options)
}

/// One case: what the launch ships, the requirements, and what the engine
/// must answer.
struct Case {
    what: &'static str,
    ships: &'static [&'static str],
    requirements: Vec<(String, Requirement)>,
    verdict: Verdict,
    /// Every coverage row: locale, optional, effective of required messages.
    rows: &'static [(&'static str, bool, u32, u32)],
    /// Every finding: rule, locale, severity, message id.
    findings: &'static [(&'static str, &'static str, Severity, &'static str)],
    /// The to-do list: locale, messages, words, due date, severity.
    todo: &'static [(&'static str, u32, u32, &'static str, Severity)],
}

#[test]
fn a_launch_needs_the_locales_it_ships_and_the_others_are_optional() {
    use Severity::{Error, Info};
    let cases = [
        Case {
            what: "ships two of five: the other three are INFO only",
            ships: &["de-DE", "fr-FR"],
            requirements: vec![],
            verdict: Verdict::Ready,
            rows: &[
                ("de-DE", false, 2, 2),
                ("en-GB", true, 2, 2),
                ("fr-FR", false, 2, 2),
                ("nl-NL", true, 2, 1),
                ("pl-PL", true, 2, 0),
            ],
            findings: &[
                ("fallback-used", "en-GB", Info, ""),
                ("missing-message", "nl-NL", Info, "boil"),
                ("missing-locale", "pl-PL", Info, ""),
            ],
            todo: &[],
        },
        Case {
            what: "ships nothing listed: the default locale only",
            ships: &[],
            requirements: vec![],
            verdict: Verdict::Ready,
            rows: &[
                ("de-DE", false, 2, 2),
                ("en-GB", true, 2, 2),
                ("fr-FR", true, 2, 2),
                ("nl-NL", true, 2, 1),
                ("pl-PL", true, 2, 0),
            ],
            findings: &[
                ("fallback-used", "en-GB", Info, ""),
                ("missing-message", "nl-NL", Info, "boil"),
                ("missing-locale", "pl-PL", Info, ""),
            ],
            todo: &[],
        },
        Case {
            what: "a requirement adds a locale the launch does not list",
            ships: &["de-DE", "fr-FR"],
            requirements: vec![law("pl-PL")],
            verdict: Verdict::Blocked,
            rows: &[
                ("de-DE", false, 2, 2),
                ("en-GB", true, 2, 2),
                ("fr-FR", false, 2, 2),
                ("nl-NL", true, 2, 1),
                ("pl-PL", false, 2, 0),
            ],
            findings: &[
                ("missing-locale", "pl-PL", Error, ""),
                ("fallback-used", "en-GB", Info, ""),
                ("missing-message", "nl-NL", Info, "boil"),
            ],
            todo: &[("pl-PL", 2, 4, "2027-02-15", Error)],
        },
        Case {
            what: "the same gap blocks in a locale the launch ships",
            ships: &["de-DE", "nl-NL"],
            requirements: vec![],
            verdict: Verdict::Blocked,
            rows: &[
                ("de-DE", false, 2, 2),
                ("en-GB", true, 2, 2),
                ("fr-FR", true, 2, 2),
                ("nl-NL", false, 2, 1),
                ("pl-PL", true, 2, 0),
            ],
            findings: &[
                ("missing-message", "nl-NL", Error, "boil"),
                ("fallback-used", "en-GB", Info, ""),
                ("missing-locale", "pl-PL", Info, ""),
            ],
            todo: &[("nl-NL", 1, 3, "2027-02-15", Error)],
        },
    ];
    for case in cases {
        let report = run(case.ships, &case.requirements);
        let launch = &report.launches[0];
        assert_eq!(
            (report.verdict, launch.verdict),
            (case.verdict, case.verdict),
            "{}",
            case.what
        );
        let rows: Vec<(&str, bool, u32, u32)> = launch
            .locales
            .iter()
            .map(|c| {
                (
                    c.locale.as_str(),
                    c.optional,
                    c.coverage.required_messages,
                    c.coverage.effective_messages,
                )
            })
            .collect();
        assert_eq!(rows, case.rows, "{}", case.what);
        let findings: Vec<(&str, &str, Severity, &str)> = launch
            .findings
            .iter()
            .map(|f| {
                (
                    f.rule.id(),
                    f.locale.as_str(),
                    f.severity,
                    f.message_id.as_deref().unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(findings, case.findings, "{}", case.what);
        let todo = todo_of(&report);
        let todo: Vec<(&str, u32, u32, &str, Severity)> = todo
            .iter()
            .map(|(l, m, w, d, s)| (*l, *m, *w, d.as_str(), *s))
            .collect();
        assert_eq!(todo, case.todo, "{}", case.what);
    }
}

/// The to-do list: locale, messages, words, due date, severity.
fn todo_of(report: &RoadmapReport) -> Vec<(&str, u32, u32, String, Severity)> {
    report
        .todo
        .iter()
        .map(|t| {
            assert_eq!(t.launch, "products/p/launches/l");
            assert_eq!(t.market, "markets/m");
            (
                t.locale.as_str(),
                t.messages,
                t.words,
                t.due_date.map(|d| d.to_string()).unwrap_or_default(),
                t.severity,
            )
        })
        .collect()
}

#[test]
fn the_todo_list_counts_what_blocks_or_risks_and_leaves_out_what_is_waived() {
    use Severity::{Error, Warning};
    let law_pl = || vec![law("pl-PL")];
    // Inside the window: errors; sorted by due date, then locale.
    assert_eq!(
        todo_of(&run(&["de-DE", "nl-NL"], &law_pl())),
        [
            ("nl-NL", 1, 3, "2027-02-15".to_string(), Error),
            ("pl-PL", 2, 4, "2027-02-15".to_string(), Error),
        ]
    );
    // Two months before: the same gaps put the launch at risk.
    let early = run_with(&["de-DE", "nl-NL"], &law_pl(), "2026-12-20", vec![]);
    assert_eq!(early.verdict, Verdict::AtRisk);
    assert_eq!(
        todo_of(&early),
        [
            ("nl-NL", 1, 3, "2027-02-15".to_string(), Warning),
            ("pl-PL", 2, 4, "2027-02-15".to_string(), Warning),
        ]
    );
    // A waiver of the law leaves pl-PL nothing to translate before the launch.
    let waiver = Waiver {
        requirement: name(ResourceKind::Requirement, "requirements/law"),
        reason: "Polish after launch".into(),
        approver: "legal@example.com".into(),
        expiry: None,
    };
    let waived = run_with(&["de-DE"], &law_pl(), "2027-02-20", vec![waiver]);
    assert_eq!(waived.verdict, Verdict::Ready);
    assert_eq!(todo_of(&waived), []);
}

#[test]
fn an_optional_gap_says_why_it_is_only_a_note() {
    let report = run(&["de-DE", "fr-FR"], &[]);
    let details: Vec<(&str, &str)> = report.launches[0]
        .findings
        .iter()
        .map(|f| (f.locale.as_str(), f.detail.as_str()))
        .collect();
    assert_eq!(
        details,
        [
            (
                "en-GB",
                "the en-US bundle serves 2 of the 2 needed messages"
            ),
            (
                "nl-NL",
                "message boil is not translated (optional: the launch does not ship nl-NL)"
            ),
            (
                "pl-PL",
                "no bundle serves pl-PL under CLDR_FALLBACK; 2 needed messages (4 words) are \
                 missing (optional: the launch does not ship pl-PL)"
            ),
        ]
    );
}

// ---------------------------------------------------------------------------
// The API: a launch locale must be a storefront locale of its market.
// ---------------------------------------------------------------------------

fn ga() -> Vec<pb::PhaseDate> {
    vec![pb::PhaseDate {
        phase: pb::LaunchPhase::Ga as i32,
        date: Some(Date {
            year: 2027,
            month: 3,
            day: 1,
        }),
    }]
}

async fn seed(server: &TestServer) -> PlanningServiceClient<tonic::transport::Channel> {
    let mut m = server.markets().await;
    m.create_market(pb::CreateMarketRequest {
        market_id: "ca".into(),
        market: Some(pb::Market {
            country: "CA".into(),
            currency: "CAD".into(),
            storefront_locales: vec!["en-CA".into(), "fr-CA".into()],
            ..Default::default()
        }),
    })
    .await
    .unwrap();
    server
        .product_with_variant("kettle", "na", vec!["markets/ca".into()])
        .await;
    PlanningServiceClient::new(server.channel().await)
}

fn create(id: &str, locales: &[&str]) -> pb::CreateLaunchRequest {
    pb::CreateLaunchRequest {
        parent: "products/kettle".into(),
        launch_id: id.into(),
        launch: Some(pb::Launch {
            market: "markets/ca".into(),
            variant: "products/kettle/variants/na".into(),
            phases: ga(),
            locales: locales.iter().map(|l| l.to_string()).collect(),
            ..Default::default()
        }),
    }
}

#[tokio::test]
async fn a_launch_locale_must_be_a_storefront_locale_of_its_market() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let mut planning = seed(&server).await;

    let err = planning
        .create_launch(create("ca", &["fr-CA", "de-DE"]))
        .await
        .unwrap_err();
    let description = assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("launch.locales[1]"),
    );
    assert_eq!(
        description,
        "de-DE is not a storefront locale of markets/ca [en-CA, fr-CA]"
    );

    // Tags are checked as BCP 47 tags, each at most once.
    let err = planning
        .create_launch(create("ca", &["fr-CA", "FR-ca"]))
        .await
        .unwrap_err();
    let description = assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("launch.locales[1]"),
    );
    assert_eq!(description, "fr-CA is listed twice");

    // Stored in canonical case, in the order given.
    let created = planning
        .create_launch(create("ca", &["fr-ca", "en-CA"]))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(created.locales, ["fr-CA", "en-CA"]);

    // UpdateLaunch checks them too.
    let err = planning
        .update_launch(pb::UpdateLaunchRequest {
            launch: Some(pb::Launch {
                name: "products/kettle/launches/ca".into(),
                locales: vec!["fr-FR".into()],
                ..Default::default()
            }),
            update_mask: Some(FieldMask {
                paths: vec!["locales".into()],
            }),
        })
        .await
        .unwrap_err();
    let description = assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("launch.locales[0]"),
    );
    assert_eq!(
        description,
        "fr-FR is not a storefront locale of markets/ca [en-CA, fr-CA]"
    );
    let updated = planning
        .update_launch(pb::UpdateLaunchRequest {
            launch: Some(pb::Launch {
                name: "products/kettle/launches/ca".into(),
                ..Default::default()
            }),
            update_mask: Some(FieldMask {
                paths: vec!["locales".into()],
            }),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(updated.locales.is_empty(), "{:?}", updated.locales);
}
