//! A check whose caller is gone stops: CheckRoadmap and GetCoverageMatrix
//! over a product big enough that a cold check takes far longer than the
//! caller waits, asked with a short deadline. The work stops (the process's
//! `checks_cancelled` counter says where it did) instead of running to its
//! end for nobody. A test binary of its own: the counter is process-wide.

mod common;

use std::time::{Duration, Instant};

use common::TestServer;
use glocal::api::pb::glocal::v1::{self as pb, planning_service_client::PlanningServiceClient};
use tonic::Code;

const LOCALES: usize = 60;
const MESSAGES: usize = 300;

fn file(prefix: &str) -> String {
    (0..MESSAGES)
        .map(|i| format!("msg-{i} = {prefix} text number {i} with {{ $count }} words\n"))
        .collect()
}

/// The Amazon markets, a product shipping to all of them, the source and
/// `LOCALES` translations of `MESSAGES` messages, a launch per market and a
/// roadmap needing every message.
async fn seed(server: &TestServer) {
    let mut m = server.markets().await;
    m.import_market_preset(pb::ImportMarketPresetRequest {
        preset: "amazon-marketplaces".into(),
        skip_requirements: false,
    })
    .await
    .unwrap();
    let markets: Vec<String> = m
        .list_markets(pb::ListMarketsRequest {
            page_size: 100,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .markets
        .into_iter()
        .map(|m| m.name)
        .collect();
    server
        .product_with_variant("big", "all", markets.clone())
        .await;
    let mut p = server.products().await;
    let locales = std::iter::once("en-US".to_string()).chain((0..LOCALES).map(|i| {
        format!(
            "x{}{}",
            char::from(b'a' + (i / 26) as u8),
            char::from(b'a' + (i % 26) as u8)
        )
    }));
    for locale in locales {
        p.write_bundle_files(pb::WriteBundleFilesRequest {
            name: format!("products/big/bundles/{locale}"),
            files: vec![pb::FileContent {
                path: "main.ftl".into(),
                content: file(&locale),
            }],
            replace: true,
            etag: String::new(),
        })
        .await
        .unwrap();
    }
    let mut planning = PlanningServiceClient::new(server.channel().await);
    for (i, market) in markets.iter().enumerate() {
        planning
            .create_launch(pb::CreateLaunchRequest {
                parent: "products/big".into(),
                launch_id: format!("l{i}"),
                launch: Some(pb::Launch {
                    market: market.clone(),
                    variant: "products/big/variants/all".into(),
                    phases: vec![pb::PhaseDate {
                        phase: pb::LaunchPhase::Ga as i32,
                        date: Some(glocal::api::pb::google::r#type::Date {
                            year: 2030,
                            month: 1,
                            day: 1,
                        }),
                    }],
                    ..Default::default()
                }),
            })
            .await
            .unwrap();
    }
    planning
        .create_roadmap(pb::CreateRoadmapRequest {
            parent: "products/big".into(),
            roadmap_id: "all".into(),
            roadmap: Some(pb::Roadmap {
                items: vec![pb::RoadmapItem {
                    id: "everything".into(),
                    messages: vec!["*".into()],
                    ..Default::default()
                }],
                ..Default::default()
            }),
        })
        .await
        .unwrap();
}

fn cancelled() -> u64 {
    glocal::metrics::events().checks_cancelled.get()
}

/// Waits until `cancelled()` reaches `count`.
async fn until_cancelled(count: u64) {
    let start = Instant::now();
    while cancelled() < count {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the check did not stop: {} cancelled",
            cancelled()
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

fn with_deadline<T>(message: T, deadline: Duration) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request.set_timeout(deadline);
    request
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checks_stop_when_their_caller_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    seed(&server).await;
    let mut planning = PlanningServiceClient::new(server.channel().await);
    let check = pb::CheckRoadmapRequest {
        name: "products/big/roadmaps/all".into(),
        ..Default::default()
    };
    let short = Duration::from_millis(50);
    assert_eq!(cancelled(), 0);

    // A cold check asked with a short deadline ends at the deadline, and its
    // work stops.
    let asked = Instant::now();
    let err = planning
        .check_roadmap(with_deadline(check.clone(), short))
        .await
        .unwrap_err();
    assert!(
        matches!(err.code(), Code::DeadlineExceeded | Code::Cancelled),
        "{err:?}"
    );
    until_cancelled(1).await;
    let stopped_after = asked.elapsed();

    // The same check, waited for, runs to its end: the cold check takes
    // longer than the deadline, so the stop above was not its end.
    let started = Instant::now();
    let report = planning
        .check_roadmap(check.clone())
        .await
        .unwrap()
        .into_inner();
    let full = started.elapsed();
    assert_eq!(report.launches.len(), 23);
    assert_eq!(cancelled(), 1, "a check waited for is not stopped");
    assert!(
        full > short,
        "the cold check took {full:?}, no more than the deadline"
    );
    eprintln!("stopped after {stopped_after:?}; the whole check takes {full:?}");

    // GetCoverageMatrix is never cached: the same with it.
    let matrix = pb::GetCoverageMatrixRequest {
        product: "products/big".into(),
        ..Default::default()
    };
    let err = planning
        .get_coverage_matrix(with_deadline(matrix.clone(), short))
        .await
        .unwrap_err();
    assert!(
        matches!(err.code(), Code::DeadlineExceeded | Code::Cancelled),
        "{err:?}"
    );
    until_cancelled(2).await;
    let rows = planning
        .get_coverage_matrix(matrix)
        .await
        .unwrap()
        .into_inner()
        .rows;
    assert!(!rows.is_empty());
    assert_eq!(cancelled(), 2);
    server.stop().await;
}
