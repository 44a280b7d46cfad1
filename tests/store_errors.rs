//! A failing disk: store I/O errors are UNAVAILABLE (ErrorInfo
//! `STORE_UNAVAILABLE`, RetryInfo), the store reports itself failing until a
//! write reaches the disk again, and shutdown reports a failed last flush
//! without panicking. Failures are injected with the store's test hook, and
//! once for real: a file size limit (RLIMIT_FSIZE) on the real binary makes
//! the kernel refuse sled's writes, as a full disk does.

mod common;

use std::{sync::Arc, time::Duration};

use common::assert_error;
use glocal::api::pb::glocal::v1::{self as pb, market_service_client::MarketServiceClient};
use glocal::store::{IoFaults, SledStore, Store, StoreHealth};
use tokio::sync::oneshot;
use tonic::{transport::Channel, Code};
use tonic_types::StatusExt;

/// A real server on 127.0.0.1:0 whose store the test keeps.
struct StoreServer {
    addr: std::net::SocketAddr,
    store: Arc<SledStore>,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<tokio::task::JoinHandle<Result<(), glocal::api::ServeError>>>,
}

impl StoreServer {
    async fn start(dir: &std::path::Path) -> StoreServer {
        let store = Arc::new(SledStore::open(dir).expect("open store"));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(glocal::api::serve_with(
            listener,
            store.clone(),
            glocal::api::ServeConfig {
                drain_timeout: Duration::from_secs(1),
                ..Default::default()
            },
            async {
                let _ = rx.await;
            },
        ));
        StoreServer {
            addr,
            store,
            shutdown: Some(tx),
            handle: Some(handle),
        }
    }

    async fn markets(&self) -> MarketServiceClient<Channel> {
        let channel = Channel::from_shared(format!("http://{}", self.addr))
            .unwrap()
            .connect()
            .await
            .expect("connect");
        MarketServiceClient::new(channel)
    }

    /// Stops the server; what `serve_with` returned.
    async fn stop(mut self) -> Result<(), glocal::api::ServeError> {
        let _ = self.shutdown.take().unwrap().send(());
        self.handle
            .take()
            .unwrap()
            .await
            .expect("serve_with does not panic")
    }
}

/// Waits until the server's Health/Check says SERVING (`serving`) or
/// NOT_SERVING.
async fn until_serving(server: &StoreServer, serving: bool) {
    use tonic_health::pb::{health_check_response::ServingStatus, health_client::HealthClient};
    let channel = Channel::from_shared(format!("http://{}", server.addr))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut health = HealthClient::new(channel);
    let want = if serving {
        ServingStatus::Serving
    } else {
        ServingStatus::NotServing
    } as i32;
    for _ in 0..200 {
        let status = health
            .check(tonic_health::pb::HealthCheckRequest::default())
            .await
            .unwrap()
            .into_inner()
            .status;
        if status == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("Health never said {want}");
}

fn create(id: &str) -> pb::CreateMarketRequest {
    pb::CreateMarketRequest {
        market_id: id.into(),
        market: Some(pb::Market {
            display_name: format!("Shop {id}"),
            country: "FR".into(),
            currency: "EUR".into(),
            storefront_locales: vec!["fr-FR".into()],
            ..Default::default()
        }),
    }
}

fn get(name: &str) -> pb::GetMarketRequest {
    pb::GetMarketRequest { name: name.into() }
}

/// Asserts that `status` is the store's UNAVAILABLE, with a retry delay.
fn assert_unavailable(status: &tonic::Status) {
    assert_error(status, Code::Unavailable, "STORE_UNAVAILABLE", None);
    let details = status.get_error_details();
    let retry = details
        .retry_info()
        .unwrap_or_else(|| panic!("no RetryInfo in {status:?}"));
    assert!(
        retry.retry_delay.is_some_and(|d| !d.is_zero()),
        "{status:?}"
    );
    assert!(
        !status.message().contains("os error"),
        "I/O details stay in the log: {status:?}"
    );
}

/// Waits until the store reports `healthy`. (The timeout only turns a hang
/// into a failure.)
async fn until_health(store: &SledStore, healthy: bool) {
    let mut watch = store.health();
    tokio::time::timeout(
        Duration::from_secs(60),
        watch.wait_for(|h| matches!(h, StoreHealth::Healthy) == healthy),
    )
    .await
    .unwrap_or_else(|_| panic!("the store never became healthy={healthy}"))
    .expect("the store's health watch stays open");
}

#[tokio::test]
async fn failed_commits_are_unavailable_until_a_write_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let server = StoreServer::start(dir.path()).await;
    let mut c = server.markets().await;
    c.create_market(create("before")).await.unwrap();
    assert!(server.store.healthy());
    let mut health = server.store.health();
    assert_eq!(*health.borrow_and_update(), StoreHealth::Healthy);

    server.store.inject_io_faults(IoFaults {
        commits: true,
        flushes: false,
    });
    let err = c.create_market(create("during")).await.unwrap_err();
    assert_unavailable(&err);
    assert!(!server.store.healthy());
    assert!(
        health.has_changed().unwrap(),
        "the watch reports the change"
    );
    assert!(matches!(
        &*health.borrow_and_update(),
        StoreHealth::Failing { error } if error.contains("No space left on device")
    ));
    // Health says so to load balancers.
    until_serving(&server, false).await;
    // Nothing was written, and reads still work.
    let err = c.get_market(get("markets/during")).await.unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    c.get_market(get("markets/before")).await.unwrap();

    server.store.inject_io_faults(IoFaults::NONE);
    c.create_market(create("after")).await.unwrap();
    assert!(server.store.healthy());
    assert_eq!(*health.borrow_and_update(), StoreHealth::Healthy);
    until_serving(&server, true).await;
    server.stop().await.unwrap();
}

#[tokio::test]
async fn failed_flushes_are_unavailable_and_the_store_recovers_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let server = StoreServer::start(dir.path()).await;
    let mut c = server.markets().await;
    let before = c
        .create_market(create("before"))
        .await
        .unwrap()
        .into_inner();

    server.store.inject_io_faults(IoFaults {
        commits: false,
        flushes: true,
    });
    let err = c
        .update_market(pb::UpdateMarketRequest {
            market: Some(pb::Market {
                display_name: "Renamed".into(),
                ..before.clone()
            }),
            update_mask: None,
        })
        .await
        .unwrap_err();
    assert_unavailable(&err);
    assert!(!server.store.healthy());

    // Without any request, the store notices that the disk works again.
    server.store.inject_io_faults(IoFaults::NONE);
    until_health(&server.store, true).await;
    c.create_market(create("after")).await.unwrap();
    server.stop().await.unwrap();

    // What was acknowledged is on disk.
    let store = SledStore::open(dir.path()).unwrap();
    for name in ["markets/before", "markets/after"] {
        assert!(store.get(name).unwrap().is_some(), "{name}");
    }
}

#[tokio::test]
async fn a_failed_last_flush_still_stops_cleanly_with_what_was_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let server = StoreServer::start(dir.path()).await;
    let mut c = server.markets().await;
    c.create_market(create("before")).await.unwrap();
    server.store.inject_io_faults(IoFaults {
        commits: false,
        flushes: true,
    });
    let store = Arc::clone(&server.store);
    // Every acknowledged write was flushed before it was acknowledged, so a
    // last flush that fails loses nothing: the server stops cleanly (and
    // `glocal serve` exits 0).
    match server.stop().await {
        Ok(()) => {}
        other => panic!("serve_with returned {other:?}"),
    }
    store.inject_io_faults(IoFaults::NONE);
    drop(store);
    let store = SledStore::open(dir.path()).unwrap();
    assert!(store.get("markets/before").unwrap().is_some());
}

/// The real binary under a file size limit: the kernel refuses sled's
/// writes with EFBIG, as a full disk refuses them with ENOSPC.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn a_real_write_error_is_unavailable_until_the_disk_accepts_writes_again() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    if Command::new("prlimit")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .map_or(true, |s| !s.success())
    {
        eprintln!("skipped: prlimit (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // SIGXFSZ would kill the server: ignored by the shell, it stays ignored
    // across exec. prlimit sets the soft limit only, so it can be lifted.
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(r#"trap '' XFSZ; exec prlimit --fsize=262144: "$0" serve --listen 127.0.0.1:0 --data-dir "$1""#)
        .arg(env!("CARGO_BIN_EXE_glocal"))
        .arg(&data)
        .env("GLOCAL_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn glocal serve");
    struct Kill(std::process::Child);
    impl Drop for Kill {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut ready = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut ready)
        .unwrap();
    let pid = child.id();
    let child = Kill(child);
    let address = ready
        .strip_prefix("glocal serving on ")
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {ready:?}"))
        .to_string();
    let channel = Channel::from_shared(format!("http://{address}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut c = MarketServiceClient::new(channel);
    c.create_market(create("before")).await.unwrap();

    // Write until the file limit is hit: the first failure is UNAVAILABLE.
    let mut failed = None;
    for i in 0..200 {
        let ops = (0..50).map(|j| pb::Market {
            name: format!("markets/fill-{i:03}-{j:02}"),
            ..create("x").market.unwrap()
        });
        let plan = pb::Plan {
            markets: ops.collect(),
            product: Some(pb::Product {
                name: format!("products/p{i}"),
                display_name: "P".into(),
                source_locale: "en-US".into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        let channel = Channel::from_shared(format!("http://{address}"))
            .unwrap()
            .connect()
            .await
            .unwrap();
        let mut planning =
            glocal::api::pb::glocal::v1::planning_service_client::PlanningServiceClient::new(
                channel,
            );
        if let Err(e) = planning
            .import_plan(pb::ImportPlanRequest {
                plan: Some(plan),
                validate_only: false,
            })
            .await
        {
            failed = Some(e);
            break;
        }
    }
    let err = failed.expect("the file size limit stops writes");
    assert_unavailable(&err);
    assert_unavailable(&c.create_market(create("during")).await.unwrap_err());

    // Lift the limit: the store reopens its database and writes again.
    let lifted = Command::new("prlimit")
        .args(["--pid", &pid.to_string(), "--fsize=unlimited:"])
        .status()
        .unwrap();
    assert!(lifted.success());
    let mut attempts = 0;
    loop {
        match c.create_market(create("after")).await {
            Ok(_) => break,
            Err(e) if attempts < 300 => {
                assert_eq!(e.code(), Code::Unavailable, "{e:?}");
                attempts += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("writes never succeeded again: {e:?}"),
        }
    }
    c.get_market(get("markets/before")).await.unwrap();
    drop(child);

    let store = SledStore::open(&data).unwrap();
    for name in ["markets/before", "markets/after"] {
        assert!(store.get(name).unwrap().is_some(), "{name}");
    }
}
