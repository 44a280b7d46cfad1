//! CheckRoadmap, GetCoverageMatrix, RenderMessage and SuggestMarketLocales over a real server.

mod common;

use common::{assert_error, TestServer};
use glocal::api::pb::glocal::v1::{self as pb, planning_service_client::PlanningServiceClient};
use glocal::api::pb::google::r#type::Date;
use glocal::store::Store as _;
use tonic::Code;

const SOURCE: &str = "\
checkout-title = Checkout
checkout-items =
    { $count ->
        [one] One item
       *[other] { $count } items
    }
imprint-address = Kettlery GmbH, Berlin
";

fn date(y: i32, m: i32, d: i32) -> Option<Date> {
    Some(Date {
        year: y,
        month: m,
        day: d,
    })
}

async fn seed(server: &TestServer) {
    let mut m = server.markets().await;
    m.import_market_preset(pb::ImportMarketPresetRequest {
        preset: "amazon-marketplaces".into(),
        skip_requirements: false,
    })
    .await
    .unwrap();
    server
        .product_with_variant(
            "kettle",
            "eu",
            vec!["markets/amazon-de".into(), "markets/amazon-ca".into()],
        )
        .await;
    let mut p = server.products().await;
    let write = |locale: &str, text: &str| pb::WriteBundleFilesRequest {
        name: format!("products/kettle/bundles/{locale}"),
        files: vec![pb::FileContent {
            path: "shop.ftl".into(),
            content: text.into(),
        }],
        replace: true,
        etag: String::new(),
    };
    p.write_bundle_files(write("en-US", SOURCE)).await.unwrap();
    p.write_bundle_files(write("de-DE", "checkout-title = Kasse\n"))
        .await
        .unwrap();
    p.write_bundle_files(write(
        "fr",
        "checkout-title = Paiement\ncheckout-items =\n    { $count ->\n        [one] Un article\n       *[other] { $count } articles\n    }\n",
    ))
    .await
    .unwrap();
    let mut planning = PlanningServiceClient::new(server.channel().await);
    for (id, market) in [("de", "markets/amazon-de"), ("ca", "markets/amazon-ca")] {
        planning
            .create_launch(pb::CreateLaunchRequest {
                parent: "products/kettle".into(),
                launch_id: id.into(),
                launch: Some(pb::Launch {
                    market: market.into(),
                    variant: "products/kettle/variants/eu".into(),
                    phases: vec![pb::PhaseDate {
                        phase: pb::LaunchPhase::Ga as i32,
                        date: date(2027, 3, 1),
                    }],
                    ..Default::default()
                }),
            })
            .await
            .unwrap();
    }
    planning
        .create_roadmap(pb::CreateRoadmapRequest {
            parent: "products/kettle".into(),
            roadmap_id: "launch".into(),
            roadmap: Some(pb::Roadmap {
                items: vec![pb::RoadmapItem {
                    id: "checkout".into(),
                    messages: vec!["checkout-*".into(), "imprint-*".into()],
                    ..Default::default()
                }],
                ..Default::default()
            }),
        })
        .await
        .unwrap();
}

fn check(as_of: Option<Date>) -> pb::CheckRoadmapRequest {
    pb::CheckRoadmapRequest {
        name: "products/kettle/roadmaps/launch".into(),
        as_of,
        ..Default::default()
    }
}

#[tokio::test]
async fn check_roadmap_gates_launches_by_date() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    seed(&server).await;
    let mut planning = PlanningServiceClient::new(server.channel().await);

    let early = planning
        .check_roadmap(check(date(2027, 1, 1)))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(early.verdict, pb::Verdict::AtRisk as i32);
    let de = early
        .launches
        .iter()
        .find(|l| l.market == "markets/amazon-de")
        .unwrap();
    assert_eq!(
        (de.verdict, de.days_until),
        (pb::Verdict::AtRisk as i32, Some(59))
    );
    // AT_RISK: the gaps are warnings (the engine's severities, as
    // `glocal check` shows them too).
    assert!(!de
        .findings
        .iter()
        .any(|f| f.severity == pb::Severity::Error as i32));
    let missing: Vec<(&str, &str, &str)> = de
        .findings
        .iter()
        .filter(|f| f.severity == pb::Severity::Warning as i32 && f.rule == "missing-message")
        .map(|f| (f.rule.as_str(), f.locale.as_str(), f.message_id.as_str()))
        .collect();
    assert_eq!(
        missing,
        [
            ("missing-message", "de-DE", "checkout-items"),
            ("missing-message", "de-DE", "imprint-address")
        ]
    );
    // The launch lists no locales: it ships Amazon.de's default, de-DE.
    // The market's other storefront locales are optional coverage: those
    // without any bundle get one missing-locale note each (INFO, never
    // blocking); en-GB (en-GB → en-001 → en) is served by the en-US source.
    let no_bundle: Vec<(&str, i32)> = de
        .findings
        .iter()
        .filter(|f| f.rule == "missing-locale")
        .map(|f| (f.locale.as_str(), f.severity))
        .collect();
    let info = pb::Severity::Info as i32;
    assert_eq!(
        no_bundle,
        [
            ("cs-CZ", info),
            ("nl-NL", info),
            ("pl-PL", info),
            ("tr-TR", info)
        ]
    );
    let rows: Vec<(&str, bool)> = de
        .locales
        .iter()
        .map(|c| (c.locale.as_str(), c.optional))
        .collect();
    assert_eq!(
        rows,
        [
            ("cs-CZ", true),
            ("de-DE", false),
            ("en-GB", true),
            ("nl-NL", true),
            ("pl-PL", true),
            ("tr-TR", true)
        ]
    );
    let cov = de
        .locales
        .iter()
        .find(|c| c.locale == "de-DE")
        .unwrap()
        .coverage
        .unwrap();
    assert_eq!((cov.required_messages, cov.effective_messages), (3, 1));

    // Amazon.ca: fr-CA is served by fr (a fallback, noted); en-CA by the en-US source.
    let ca = early
        .launches
        .iter()
        .find(|l| l.market == "markets/amazon-ca")
        .unwrap();
    let fr_ca = ca.locales.iter().find(|c| c.locale == "fr-CA").unwrap();
    assert_eq!(fr_ca.served_by, "fr");
    assert!(ca.findings.iter().any(|f| f.rule == "fallback-used"
        && f.locale == "fr-CA"
        && f.severity == pb::Severity::Info as i32));
    assert!(ca.findings.iter().any(|f| f.rule == "missing-message"
        && f.locale == "fr-CA"
        && f.message_id == "imprint-address"
        && f.severity == pb::Severity::Warning as i32));
    // The launch ships en-CA (the default); fr-CA is needed all the same,
    // because quebec-french-language demands it.
    let rows: Vec<(&str, bool)> = ca
        .locales
        .iter()
        .map(|c| (c.locale.as_str(), c.optional))
        .collect();
    assert_eq!(rows, [("en-CA", false), ("fr-CA", false)]);

    // Details in the caller's language only when it asks (accept-language);
    // the cached answer of one language is not served to another.
    assert!(early
        .launches
        .iter()
        .flat_map(|l| &l.findings)
        .all(|f| f.localized_detail.is_empty()));
    let mut in_japanese = tonic::Request::new(check(date(2027, 1, 1)));
    in_japanese
        .metadata_mut()
        .insert("accept-language", "ja-JP".parse().unwrap());
    let ja = planning
        .check_roadmap(in_japanese)
        .await
        .unwrap()
        .into_inner();
    let gap = ja
        .launches
        .iter()
        .flat_map(|l| &l.findings)
        .find(|f| f.locale == "de-DE" && f.message_id == "checkout-items")
        .unwrap();
    assert_eq!(gap.detail, "message checkout-items is not translated");
    assert_eq!(
        gap.localized_detail,
        "メッセージ checkout-items が翻訳されていません"
    );
    let again = planning
        .check_roadmap(check(date(2027, 1, 1)))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(again, early);

    let late = planning
        .check_roadmap(check(date(2027, 2, 20)))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(late.verdict, pb::Verdict::Blocked as i32);
    let per_market: Vec<i32> = late.launches.iter().map(|l| l.verdict).collect();
    assert_eq!(
        per_market,
        [pb::Verdict::Blocked as i32, pb::Verdict::Blocked as i32]
    );
    let wide = planning
        .check_roadmap(pb::CheckRoadmapRequest {
            window_days: Some(3),
            ..check(date(2027, 2, 20))
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(wide.verdict, pb::Verdict::AtRisk as i32, "a 3-day window");

    // Repeated checks are answered from the cache; a write invalidates it.
    let again = planning
        .check_roadmap(check(date(2027, 1, 1)))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(again, early);
    let mut p = server.products().await;
    p.write_bundle_files(pb::WriteBundleFilesRequest {
        name: "products/kettle/bundles/de-DE".into(),
        files: vec![pb::FileContent {
            path: "shop.ftl".into(),
            content: "checkout-title = Kasse\ncheckout-items = { $count } Artikel\nimprint-address = Kettlery GmbH, Berlin\n".into(),
        }],
        replace: true,
        etag: String::new(),
    })
    .await
    .unwrap();
    let fixed = planning
        .check_roadmap(check(date(2027, 1, 1)))
        .await
        .unwrap()
        .into_inner();
    let de = fixed
        .launches
        .iter()
        .find(|l| l.market == "markets/amazon-de")
        .unwrap();
    assert!(
        !de.findings.iter().any(|f| f.rule == "missing-message"),
        "{:?}",
        de.findings
    );
    let cov = de
        .locales
        .iter()
        .find(|c| c.locale == "de-DE")
        .unwrap()
        .coverage
        .unwrap();
    assert_eq!((cov.effective_messages, cov.own_percent), (3, 100.0));
    assert!(de
        .findings
        .iter()
        .any(|f| f.rule == "identical-to-source" && f.message_id == "imprint-address"));

    let err = planning
        .check_roadmap(pb::CheckRoadmapRequest {
            name: "products/kettle/roadmaps/nope".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    let err = planning
        .check_roadmap(pb::CheckRoadmapRequest {
            window_days: Some(-1),
            ..check(None)
        })
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("window_days"),
    );
    let err = planning
        .check_roadmap(check(date(2027, 2, 30)))
        .await
        .unwrap_err();
    assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("as_of"));
    server.stop().await;
}

#[tokio::test]
async fn coverage_matrix_render_and_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    seed(&server).await;
    let mut planning = PlanningServiceClient::new(server.channel().await);

    let matrix = planning
        .get_coverage_matrix(pb::GetCoverageMatrixRequest {
            product: "products/kettle".into(),
            as_of: date(2027, 1, 1),
        })
        .await
        .unwrap()
        .into_inner();
    let rows: Vec<(&str, &str, f64)> = matrix
        .rows
        .iter()
        .map(|r| {
            (
                r.market.as_str(),
                r.locale.as_str(),
                r.coverage.unwrap().effective_percent.round(),
            )
        })
        .collect();
    assert!(
        rows.contains(&("markets/amazon-de", "de-DE", 33.0)),
        "{rows:?}"
    );
    assert!(
        rows.contains(&("markets/amazon-ca", "en-CA", 100.0)),
        "{rows:?}"
    );
    // Every storefront locale has a row; those no launch ships are optional.
    let optional: Vec<(&str, &str)> = matrix
        .rows
        .iter()
        .filter(|r| r.optional)
        .map(|r| (r.market.as_str(), r.locale.as_str()))
        .collect();
    assert_eq!(
        optional,
        [
            ("markets/amazon-de", "cs-CZ"),
            ("markets/amazon-de", "en-GB"),
            ("markets/amazon-de", "nl-NL"),
            ("markets/amazon-de", "pl-PL"),
            ("markets/amazon-de", "tr-TR")
        ]
    );

    let render = |locale: &str, id: &str, count: &str| pb::RenderMessageRequest {
        product: "products/kettle".into(),
        locale: locale.into(),
        message_id: id.into(),
        args: [("count".to_string(), count.to_string())].into(),
        file: String::new(),
        match_policy: 0,
        pseudo: 0,
    };
    let one = planning
        .render_message(render("fr-CA", "checkout-items", "1"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (one.text.as_str(), one.locale.as_str()),
        ("Un article", "fr")
    );
    // fr-CA has no bundle: fr, along its chain, is the one tried.
    assert_eq!(one.fallback_chain, ["fr".to_string()]);
    assert!(one.errors.is_empty(), "{:?}", one.errors);
    let many = planning
        .render_message(render("fr-CA", "checkout-items", "3"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(many.text, "3 articles");
    // Pseudolocalized: only text changes; the number and the plural stay.
    for (pseudo, text) in [
        (pb::PseudoTransform::Accented, "3[ aařŧiƈŀeeş]"),
        (pb::PseudoTransform::Bidi, "3[ ɐɹʇıɔʅǝs]"),
    ] {
        let rendered = planning
            .render_message(pb::RenderMessageRequest {
                pseudo: pseudo as i32,
                ..render("fr-CA", "checkout-items", "3")
            })
            .await
            .unwrap()
            .into_inner();
        assert_eq!(rendered.text, text, "{pseudo:?}");
    }
    let err = planning
        .render_message(pb::RenderMessageRequest {
            pseudo: 9,
            ..render("fr-CA", "checkout-items", "3")
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("pseudo"));
    let from_source = planning
        .render_message(render("de-DE", "checkout-items", "2"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (from_source.text.as_str(), from_source.locale.as_str()),
        ("2 items", "en-US")
    );
    // No bundle of de-DE's chain has it: the source supplies it, as a
    // runtime's last fallback, and the response says it is not translated.
    assert_eq!(from_source.fallback_chain, ["de-DE", "en-US"]);
    assert_eq!(
        from_source.errors,
        ["checkout-items is not translated for de-DE (looked in de-DE): the source en-US supplies it, as a runtime's last fallback would"]
    );
    let missing_arg = planning
        .render_message(pb::RenderMessageRequest {
            args: Default::default(),
            ..render("en-US", "checkout-items", "")
        })
        .await
        .unwrap()
        .into_inner();
    assert!(
        !missing_arg.errors.is_empty(),
        "an unknown variable is reported"
    );
    let err = planning
        .render_message(render("en-US", "no-such-message", "1"))
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    let err = planning
        .render_message(render("en_US", "checkout-items", "1"))
        .await
        .unwrap_err();
    assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("locale"));

    let mut markets = server.markets().await;
    let suggested = markets
        .suggest_market_locales(pb::SuggestMarketLocalesRequest {
            market: "markets/amazon-com-be".into(),
        })
        .await
        .unwrap()
        .into_inner();
    let tags: Vec<(&str, bool)> = suggested
        .locales
        .iter()
        .map(|l| (l.locale.as_str(), l.offered))
        .collect();
    for want in [("nl-BE", true), ("fr-BE", true), ("de-BE", false)] {
        assert!(tags.contains(&want), "{want:?} in {tags:?}");
    }
    assert!(!suggested.cldr_version.is_empty());
    server.stop().await;
}

/// `days_until` is present when it is 0 (on the launch day), so that JSON
/// renderings that omit zero values (grpcurl's) still show it.
#[tokio::test]
async fn days_until_is_present_on_the_launch_day() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    seed(&server).await;
    let mut planning = PlanningServiceClient::new(server.channel().await);
    let days = |response: &pb::CheckRoadmapResponse| -> Vec<(String, Option<i32>)> {
        response
            .launches
            .iter()
            .map(|l| (l.market.clone(), l.days_until))
            .collect()
    };
    let on_the_day = planning
        .check_roadmap(check(date(2027, 3, 1)))
        .await
        .unwrap()
        .into_inner();
    let both = |ca: i32, de: i32| {
        vec![
            ("markets/amazon-ca".to_string(), Some(ca)),
            ("markets/amazon-de".to_string(), Some(de)),
        ]
    };
    assert_eq!(days(&on_the_day), both(0, 0));
    let after = planning
        .check_roadmap(check(date(2027, 3, 3)))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(days(&after), both(-2, -2));
    server.stop().await;
}

#[tokio::test]
async fn check_options_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    seed(&server).await;
    let mut planning = PlanningServiceClient::new(server.channel().await);
    let with = |edit: &dyn Fn(&mut pb::CheckRoadmapRequest)| {
        let mut request = check(date(2027, 1, 1));
        edit(&mut request);
        request
    };
    // At the caps: answered.
    planning
        .check_roadmap(with(&|r| {
            r.identical_allowed = (0..1000).map(|i| format!("m{i}-*")).collect();
            r.identical_allowed[0] = "m".repeat(256);
            r.market_window_days = (0..512).map(|i| (format!("markets/m{i}"), 1)).collect();
        }))
        .await
        .unwrap();
    // Over them: one violation per list, and a pattern that is too long.
    let err = planning
        .check_roadmap(with(&|r| {
            r.identical_allowed = (0..1001).map(|i| format!("m{i}")).collect();
            r.market_window_days = (0..513).map(|i| (format!("markets/m{i}"), 1)).collect();
        }))
        .await
        .unwrap_err();
    let violation = |err: &tonic::Status, field| {
        assert_error(err, Code::InvalidArgument, "INVALID_FIELD", Some(field))
    };
    assert_eq!(
        violation(&err, "identical_allowed"),
        "may have at most 1000 entries"
    );
    assert_eq!(
        violation(&err, "market_window_days"),
        "may have at most 512 entries"
    );
    let err = planning
        .check_roadmap(with(&|r| r.identical_allowed = vec!["m".repeat(257)]))
        .await
        .unwrap_err();
    assert_eq!(
        violation(&err, "identical_allowed[0]"),
        "is longer than 256 characters"
    );
    server.stop().await;
}

#[tokio::test]
async fn the_basic_view_is_the_check_without_its_findings() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    seed(&server).await;
    let mut planning = PlanningServiceClient::new(server.channel().await);
    let with_view = |view: pb::CheckView| pb::CheckRoadmapRequest {
        view: view as i32,
        ..check(date(2027, 1, 1))
    };
    // Basic first, then full and unspecified: the cache keeps one response
    // per view, and a basic answer never stands in for a full one.
    let basic = planning
        .check_roadmap(with_view(pb::CheckView::Basic))
        .await
        .unwrap()
        .into_inner();
    let full = planning
        .check_roadmap(with_view(pb::CheckView::Full))
        .await
        .unwrap()
        .into_inner();
    let unspecified = planning
        .check_roadmap(check(date(2027, 1, 1)))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(unspecified, full);
    let finding_count: usize = full.launches.iter().map(|l| l.findings.len()).sum();
    assert!(finding_count > 0);
    let mut stripped = full.clone();
    stripped.findings.clear();
    for launch in &mut stripped.launches {
        launch.findings.clear();
    }
    // And the tasks without their message lists.
    assert!(full.tasks.iter().any(|t| !t.messages.is_empty()));
    for task in &mut stripped.tasks {
        task.messages.clear();
    }
    assert_eq!(basic, stripped);
    assert!(!basic.todo.is_empty() && basic.launches.iter().all(|l| !l.locales.is_empty()));
    let again = planning
        .check_roadmap(with_view(pb::CheckView::Basic))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(again, basic);

    let err = planning
        .check_roadmap(pb::CheckRoadmapRequest {
            view: 7,
            ..check(date(2027, 1, 1))
        })
        .await
        .unwrap_err();
    assert_eq!(
        assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("view")),
        "7 is not a known value"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_check_reads_only_the_bundles_its_launches_may_be_served_from() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    seed(&server).await;
    let mut planning = PlanningServiceClient::new(server.channel().await);
    let decoded_by_a_cold_check = |planning: &mut PlanningServiceClient<_>| {
        let mut planning = planning.clone();
        let store = server.store.clone();
        async move {
            let before = store.documents_decoded();
            let answer = planning
                .check_roadmap(check(date(2027, 1, 1)))
                .await
                .unwrap()
                .into_inner();
            (store.documents_decoded() - before, answer)
        }
    };
    let (decoded, answer) = decoded_by_a_cold_check(&mut planning).await;
    // A bundle of 40 files that no launch (amazon.de, amazon.ca) is served
    // from: the next check decodes its bundle document, none of its files,
    // and answers the same.
    let mut products = server.products().await;
    products
        .write_bundle_files(pb::WriteBundleFilesRequest {
            name: "products/kettle/bundles/ja".into(),
            files: (0..40)
                .map(|i| pb::FileContent {
                    path: format!("f{i}.ftl"),
                    content: "checkout-title = 会計\n".into(),
                })
                .collect(),
            replace: true,
            etag: String::new(),
        })
        .await
        .unwrap();
    let (decoded_with_ja, answer_with_ja) = decoded_by_a_cold_check(&mut planning).await;
    assert_eq!(decoded_with_ja, decoded + 1);
    assert_eq!(answer_with_ja, answer);
    server.stop().await;
}
