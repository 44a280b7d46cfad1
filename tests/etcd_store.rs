//! The etcd store against a real etcd (Debian's `etcd-server`), started on
//! free loopback ports: `GLOCAL_ETCD_BIN` names the binary. Ignored by
//! `cargo test` (a fresh machine has no etcd); `.ci/run` installs etcd and
//! runs it:
//!
//! GLOCAL_ETCD_BIN=/usr/bin/etcd cargo test --test etcd_store -- --ignored

use glocal::store::{Body, ChangeSet, EtcdConfig, EtcdStore, Expect, Op, Store, StoreError};

struct Etcd {
    child: std::process::Child,
    url: String,
    _dir: tempfile::TempDir,
}

impl Drop for Etcd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_etcd() -> Etcd {
    let bin = std::env::var("GLOCAL_ETCD_BIN").expect("GLOCAL_ETCD_BIN names the etcd binary");
    let dir = tempfile::tempdir().unwrap();
    let (client, peer) = (free_port(), free_port());
    let url = format!("http://127.0.0.1:{client}");
    let child = std::process::Command::new(bin)
        .args(["--name", "t", "--data-dir"])
        .arg(dir.path().join("data"))
        .args([
            "--listen-client-urls",
            &url,
            "--advertise-client-urls",
            &url,
        ])
        .args(["--listen-peer-urls", &format!("http://127.0.0.1:{peer}")])
        .args([
            "--initial-advertise-peer-urls",
            &format!("http://127.0.0.1:{peer}"),
        ])
        .args(["--initial-cluster", &format!("t=http://127.0.0.1:{peer}")])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", client)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Etcd {
        child,
        url,
        _dir: dir,
    }
}

fn put(name: &str, expect: Expect, refs: &[&str]) -> Op {
    Op::Put {
        name: name.into(),
        expect,
        refs: refs.iter().map(|r| r.to_string()).collect(),
        body: Body::encode(&serde_json::json!({"name": name})).unwrap(),
    }
}

fn change(ops: Vec<Op>) -> ChangeSet {
    ChangeSet {
        method: "test".into(),
        ops,
    }
}

/// Preconditions, references, listing from a point, counts, revisions,
/// the generation, and concurrent etag writers that lose no update.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs etcd: set GLOCAL_ETCD_BIN and run with --ignored (.ci/run does)"]
async fn the_etcd_store_keeps_the_stores_rules() {
    let etcd = start_etcd();
    let config = EtcdConfig::parse(&format!(
        "etcd://{}/t",
        etcd.url.trim_start_matches("http://")
    ))
    .unwrap();
    let store = std::sync::Arc::new(EtcdStore::connect(&config).await.unwrap());
    let written = store
        .commit(change(vec![put("markets/a", Expect::Absent, &[])]))
        .await
        .unwrap();
    let etag = written[0].etag.clone();
    let s = store.clone();
    let got = tokio::task::spawn_blocking(move || s.get("markets/a"))
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(got.etag, etag);
    assert_eq!(
        store
            .commit(change(vec![put("markets/a", Expect::Absent, &[])]))
            .await,
        Err(StoreError::AlreadyExists {
            name: "markets/a".into()
        })
    );
    assert!(matches!(
        store
            .commit(change(vec![put(
                "markets/a",
                Expect::Etag("1".into()),
                &[]
            )]))
            .await,
        Err(StoreError::EtagMismatch { .. })
    ));
    assert!(matches!(
        store
            .commit(change(vec![put(
                "products/p",
                Expect::Absent,
                &["markets/zz"]
            )]))
            .await,
        Err(StoreError::MissingReference { .. })
    ));
    store
        .commit(change(vec![put(
            "products/p",
            Expect::Absent,
            &["markets/a"],
        )]))
        .await
        .unwrap();
    assert!(matches!(
        store
            .commit(change(vec![Op::Delete {
                name: "markets/a".into(),
                expect: Expect::Exists
            }]))
            .await,
        Err(StoreError::Referenced { .. })
    ));
    for id in ["b", "c", "d"] {
        store
            .commit(change(vec![put(
                &format!("markets/{id}"),
                Expect::Absent,
                &[],
            )]))
            .await
            .unwrap();
    }
    let s = store.clone();
    let (list, count, revs, gen) = tokio::task::spawn_blocking(move || {
        (
            s.list("markets", Some("b")).unwrap(),
            s.count("markets").unwrap(),
            s.revisions("markets/a", None, 10).unwrap(),
            s.generation(),
        )
    })
    .await
    .unwrap();
    let names: Vec<&str> = list.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["markets/c", "markets/d"]);
    assert_eq!(count, 4);
    assert_eq!(revs.len(), 1);
    assert_eq!(revs[0].after.as_ref().unwrap().etag, etag);
    assert!(gen > 0);
    // Concurrent writers with etags lose no update.
    let mut tasks = Vec::new();
    store
        .commit(change(vec![put("markets/n", Expect::Absent, &[])]))
        .await
        .unwrap();
    for _ in 0..8 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            let mut done = 0;
            while done < 5 {
                let current = {
                    let s = s.clone();
                    tokio::task::spawn_blocking(move || s.get("markets/n"))
                        .await
                        .unwrap()
                        .unwrap()
                        .unwrap()
                };
                if s.commit(change(vec![put(
                    "markets/n",
                    Expect::Etag(current.etag),
                    &[],
                )]))
                .await
                .is_ok()
                {
                    done += 1;
                }
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let s = store.clone();
    let revs = tokio::task::spawn_blocking(move || s.revisions("markets/n", None, 100).unwrap())
        .await
        .unwrap();
    assert_eq!(revs.len(), 41);
}
