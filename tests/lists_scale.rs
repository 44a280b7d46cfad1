//! Lists scale with the page, not the collection: a page reads only the
//! documents it needs (counted by the store's `documents_decoded`), paging
//! returns every item once and in order, and store work never holds up the
//! server's async workers (a GetMarket answers while an import's commit is
//! held).

mod common;

use std::{sync::Arc, time::Duration};

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use common::assert_error;
use glocal::api::pb::glocal::v1::{
    self as pb, market_service_client::MarketServiceClient,
    planning_service_client::PlanningServiceClient,
};
use glocal::store::{ChangeSet, Expect, Op, SledStore, Store};
use tokio::sync::oneshot;
use tonic::{transport::Channel, Code};

/// A real server on 127.0.0.1:0 whose store the test keeps, served by a
/// runtime of its own with ONE async worker: blocking work on that worker
/// would hold up every other call.
struct StoreServer {
    addr: std::net::SocketAddr,
    store: Arc<SledStore>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<(), glocal::api::ServeError>>>,
}

impl StoreServer {
    fn start(dir: &std::path::Path) -> StoreServer {
        let store = Arc::new(SledStore::open(dir).expect("open store"));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let served: Arc<dyn Store> = store.clone();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                glocal::api::serve_with(
                    listener,
                    served,
                    glocal::api::ServeConfig {
                        drain_timeout: Duration::from_secs(1),
                        ..Default::default()
                    },
                    async {
                        let _ = rx.await;
                    },
                )
                .await
            })
        });
        StoreServer {
            addr,
            store,
            shutdown: Some(tx),
            thread: Some(thread),
        }
    }

    async fn channel(&self) -> Channel {
        Channel::from_shared(format!("http://{}", self.addr))
            .unwrap()
            .connect()
            .await
            .expect("connect")
    }

    async fn stop(mut self) {
        let _ = self.shutdown.take().unwrap().send(());
        let thread = self.thread.take().unwrap();
        tokio::task::spawn_blocking(move || thread.join())
            .await
            .unwrap()
            .unwrap()
            .expect("server stops cleanly");
    }
}

fn market(country: &str) -> pb::Market {
    pb::Market {
        display_name: format!("Shop {country}"),
        country: country.into(),
        currency: "EUR".into(),
        storefront_locales: vec![format!("de-{country}")],
        ..Default::default()
    }
}

/// Creates `markets/seed` through the API, then `count` more markets
/// (`markets/m00000`…) straight in the store, in a few transactions: every
/// tenth one in Austria, the others in Germany.
async fn fill(server: &StoreServer, count: usize) -> Vec<String> {
    let mut c = MarketServiceClient::new(server.channel().await);
    c.create_market(pb::CreateMarketRequest {
        market_id: "seed".into(),
        market: Some(market("DE")),
    })
    .await
    .unwrap();
    let de = server.store.get("markets/seed").unwrap().unwrap().body;
    c.create_market(pb::CreateMarketRequest {
        market_id: "seed-at".into(),
        market: Some(market("AT")),
    })
    .await
    .unwrap();
    let at = server.store.get("markets/seed-at").unwrap().unwrap().body;
    let names: Vec<String> = (0..count).map(|i| format!("markets/m{i:05}")).collect();
    for chunk in names.chunks(1000).enumerate() {
        let (first, chunk) = chunk;
        let ops = chunk
            .iter()
            .enumerate()
            .map(|(i, name)| Op::Put {
                name: name.clone(),
                expect: Expect::Absent,
                refs: vec![],
                body: if (first * 1000 + i) % 10 == 0 {
                    at.clone()
                } else {
                    de.clone()
                },
            })
            .collect();
        server
            .store
            .commit(ChangeSet {
                method: "test/fill".into(),
                ops,
            })
            .await
            .unwrap();
    }
    let mut all = names;
    all.push("markets/seed".into());
    all.push("markets/seed-at".into());
    all.sort();
    all
}

fn list(size: i32, token: &str) -> pb::ListMarketsRequest {
    pb::ListMarketsRequest {
        page_size: size,
        page_token: token.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_page_decodes_only_what_it_returns() {
    let dir = tempfile::tempdir().unwrap();
    let server = StoreServer::start(dir.path());
    let all = fill(&server, 5000).await;
    let mut c = MarketServiceClient::new(server.channel().await);

    let before = server.store.documents_decoded();
    let page = c.list_markets(list(10, "")).await.unwrap().into_inner();
    let decoded = server.store.documents_decoded() - before;
    assert_eq!(page.markets.len(), 10);
    assert_eq!(page.total_size as usize, all.len());
    assert!(!page.next_page_token.is_empty());
    assert!(
        decoded <= 11,
        "a page of 10 out of {} decoded {decoded} documents",
        all.len()
    );

    // A later page seeks to its token: it reads as little as the first.
    let before = server.store.documents_decoded();
    let second = c
        .list_markets(list(10, &page.next_page_token))
        .await
        .unwrap()
        .into_inner();
    let decoded = server.store.documents_decoded() - before;
    assert_eq!(
        second.markets.first().map(|m| m.name.as_str()),
        Some(all[10].as_str())
    );
    assert!(decoded <= 11, "the second page decoded {decoded} documents");

    // Paging through returns every market exactly once, in name order,
    // reading each about once.
    let before = server.store.documents_decoded();
    let (mut seen, mut token, mut pages) = (Vec::new(), String::new(), 0u64);
    loop {
        let page = c
            .list_markets(list(700, &token))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(page.total_size as usize, all.len());
        seen.extend(page.markets.into_iter().map(|m| m.name));
        pages += 1;
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(seen, all);
    let decoded = server.store.documents_decoded() - before;
    assert!(
        decoded <= all.len() as u64 + pages,
        "{pages} pages decoded {decoded} documents"
    );
    server.stop().await;
}

#[tokio::test]
async fn filtered_pages_stop_when_full_and_stay_bound_to_their_filters() {
    let dir = tempfile::tempdir().unwrap();
    let server = StoreServer::start(dir.path());
    fill(&server, 5000).await;
    let mut c = MarketServiceClient::new(server.channel().await);
    let austria = |token: &str| pb::ListMarketsRequest {
        page_size: 10,
        page_token: token.into(),
        country: "AT".into(),
        ..Default::default()
    };

    // The first page counts the matches (total_size) once…
    let first = c.list_markets(austria("")).await.unwrap().into_inner();
    assert_eq!(first.total_size, 501);
    assert_eq!(first.markets.len(), 10);
    assert!(first.markets.iter().all(|m| m.country == "AT"));
    // …and the next ones, while the store is unchanged, read only until
    // they are full: ten matches are a hundred markets apart.
    let before = server.store.documents_decoded();
    let second = c
        .list_markets(austria(&first.next_page_token))
        .await
        .unwrap()
        .into_inner();
    let decoded = server.store.documents_decoded() - before;
    assert_eq!(second.total_size, 501);
    assert_eq!(second.markets[0].name, "markets/m00100");
    assert!(
        decoded <= 120,
        "a filtered page decoded {decoded} documents"
    );

    // After a write the count is taken again.
    c.create_market(pb::CreateMarketRequest {
        market_id: "zz-at".into(),
        market: Some(market("AT")),
    })
    .await
    .unwrap();
    let third = c
        .list_markets(austria(&second.next_page_token))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(third.total_size, 502);
    assert_eq!(third.markets[0].name, "markets/m00200");

    // A token stays bound to its filters.
    let err = c
        .list_markets(pb::ListMarketsRequest {
            page_size: 10,
            page_token: first.next_page_token.clone(),
            country: "DE".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_PAGE_TOKEN",
        Some("page_token"),
    );
    let err = c
        .list_markets(list(10, "bm90IGEgdG9rZW4"))
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_PAGE_TOKEN",
        Some("page_token"),
    );

    // Tokens of earlier servers (the last name and the filters) still work.
    let old = URL_SAFE_NO_PAD.encode(r#"{"after":"markets/m00009","filter":"country=;bloc="}"#);
    let page = c.list_markets(list(2, &old)).await.unwrap().into_inner();
    let names: Vec<&str> = page.markets.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["markets/m00010", "markets/m00011"]);
    server.stop().await;
}

fn plan(markets: usize) -> pb::Plan {
    pb::Plan {
        markets: (0..markets)
            .map(|i| pb::Market {
                name: format!("markets/plan-{i:04}"),
                ..market("DE")
            })
            .collect(),
        product: Some(pb::Product {
            name: "products/lamp".into(),
            display_name: "Desk lamp".into(),
            source_locale: "en-US".into(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_get_answers_while_an_import_commits() {
    let dir = tempfile::tempdir().unwrap();
    let server = StoreServer::start(dir.path());
    let mut markets = MarketServiceClient::new(server.channel().await);
    markets
        .create_market(pb::CreateMarketRequest {
            market_id: "seed".into(),
            market: Some(market("DE")),
        })
        .await
        .unwrap();

    // The import's transaction is held at its start, as a long one would
    // run; the server has one async worker.
    let mut held = server.store.hold_commits();
    let mut planning = PlanningServiceClient::new(server.channel().await);
    let import = tokio::spawn(async move {
        planning
            .import_plan(pb::ImportPlanRequest {
                plan: Some(plan(300)),
                validate_only: false,
            })
            .await
    });
    held.until_held(1).await;

    // The server still answers, before the import does. (The timeout only
    // turns a hang into a failure.)
    let got = tokio::time::timeout(
        Duration::from_secs(30),
        markets.get_market(pb::GetMarketRequest {
            name: "markets/seed".into(),
        }),
    )
    .await
    .expect("GetMarket answers while an ImportPlan commits")
    .unwrap()
    .into_inner();
    assert_eq!(got.name, "markets/seed");
    let listed = tokio::time::timeout(Duration::from_secs(30), markets.list_markets(list(5, "")))
        .await
        .expect("ListMarkets answers while an ImportPlan commits")
        .unwrap()
        .into_inner();
    assert_eq!(listed.markets.len(), 1);
    assert!(!import.is_finished(), "the import is still held");

    held.release();
    let imported = import.await.unwrap().unwrap().into_inner();
    assert_eq!(imported.created.len(), 301);
    server.stop().await;
}
