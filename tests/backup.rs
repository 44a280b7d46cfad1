//! `glocal backup` and `glocal restore` on the real binary: a snapshot of a
//! live server taken while writers keep writing holds every write
//! acknowledged before it started and no write in part; restored into a new
//! directory, a server serves the same resources and revisions; a non-empty
//! directory and a damaged snapshot are refused before anything is written.

mod common;

use std::{
    path::Path,
    sync::{
        atomic::{AtomicBool, AtomicUsize, Ordering},
        Arc,
    },
};

use common::{glocal, stderr, stdout, TestServer};
use glocal::api::pb::glocal::v1 as pb;

fn market(country: &str) -> pb::Market {
    pb::Market {
        country: country.into(),
        currency: "EUR".into(),
        storefront_locales: vec!["fr-FR".into()],
        ..Default::default()
    }
}

/// Markets, a product with a variant, two bundles, and an update (so that
/// some resources have several revisions).
async fn seed(server: &TestServer) {
    let mut m = server.markets().await;
    for (id, country) in [("fr", "FR"), ("de", "DE")] {
        m.create_market(pb::CreateMarketRequest {
            market_id: id.into(),
            market: Some(market(country)),
        })
        .await
        .unwrap();
    }
    m.update_market(pb::UpdateMarketRequest {
        market: Some(pb::Market {
            name: "markets/fr".into(),
            display_name: "France".into(),
            ..Default::default()
        }),
        update_mask: None,
    })
    .await
    .unwrap();
    let mut p = server.products().await;
    p.create_product(pb::CreateProductRequest {
        product_id: "kettle".into(),
        product: Some(pb::Product {
            display_name: "Kettle".into(),
            source_locale: "en-US".into(),
            ..Default::default()
        }),
    })
    .await
    .unwrap();
    p.create_variant(pb::CreateVariantRequest {
        parent: "products/kettle".into(),
        variant_id: "eu".into(),
        variant: Some(pb::Variant {
            markets: vec!["markets/fr".into(), "markets/de".into()],
            ..Default::default()
        }),
    })
    .await
    .unwrap();
    for (locale, text) in [
        ("en-US", "title = Kettle\nitems = { $count } items\n"),
        ("fr", "title = Bouilloire\n"),
    ] {
        p.write_bundle_files(pb::WriteBundleFilesRequest {
            name: format!("products/kettle/bundles/{locale}"),
            files: vec![pb::FileContent {
                path: "shop.ftl".into(),
                content: text.into(),
            }],
            replace: true,
            etag: String::new(),
        })
        .await
        .unwrap();
    }
}

/// Every resource of the server, as debug text, by name, and the
/// revisions of each.
async fn everything(server: &TestServer) -> Vec<(String, String)> {
    let mut m = server.markets().await;
    let mut p = server.products().await;
    let mut r = server.revisions().await;
    let mut out = Vec::new();
    let mut names = Vec::new();
    let mut token = String::new();
    loop {
        let page = m
            .list_markets(pb::ListMarketsRequest {
                page_size: 1000,
                page_token: token,
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        for market in page.markets {
            names.push(market.name.clone());
            out.push((market.name.clone(), format!("{market:?}")));
        }
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    let product = p
        .get_product(pb::GetProductRequest {
            name: "products/kettle".into(),
        })
        .await
        .unwrap()
        .into_inner();
    out.push((product.name.clone(), format!("{product:?}")));
    let variant = p
        .get_variant(pb::GetVariantRequest {
            name: "products/kettle/variants/eu".into(),
        })
        .await
        .unwrap()
        .into_inner();
    out.push((variant.name.clone(), format!("{variant:?}")));
    let bundles = p
        .list_bundles(pb::ListBundlesRequest {
            parent: "products/kettle".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(bundles.bundles.len(), 2);
    for bundle in bundles.bundles {
        let file = p
            .read_bundle_file(pb::ReadBundleFileRequest {
                name: bundle.name.clone(),
                path: "shop.ftl".into(),
            })
            .await
            .unwrap()
            .into_inner();
        out.push((format!("{}/shop.ftl", bundle.name), format!("{file:?}")));
        names.push(bundle.name.clone());
        out.push((bundle.name.clone(), format!("{bundle:?}")));
    }
    names.extend([product.name, variant.name]);
    for name in names {
        let revisions = r
            .list_revisions(pb::ListRevisionsRequest {
                parent: name.clone(),
                page_size: 1000,
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        out.push((format!("{name} revisions"), format!("{revisions:?}")));
    }
    out.sort();
    out
}

fn run(args: &[&str], dir_args: &[&Path]) -> std::process::Output {
    let mut cmd = glocal();
    cmd.args(args);
    for a in dir_args {
        cmd.arg(a);
    }
    cmd.output().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_of_a_live_server_restores_every_acknowledged_write() {
    let work = tempfile::tempdir().unwrap();
    let original = TestServer::start(&work.path().join("original")).await;
    seed(&original).await;

    // A writer that keeps creating markets w0, w1, ... one after another.
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let mut m = original.markets().await;
        let (acknowledged, stop) = (Arc::clone(&acknowledged), Arc::clone(&stop));
        tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                m.create_market(pb::CreateMarketRequest {
                    market_id: format!("w{i}"),
                    market: Some(market("IT")),
                })
                .await
                .unwrap();
                i += 1;
                acknowledged.store(i, Ordering::SeqCst);
            }
        })
    };
    while acknowledged.load(Ordering::SeqCst) < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let before = acknowledged.load(Ordering::SeqCst);
    let snapshot = work.path().join("backups/glocal.snapshot");
    std::fs::create_dir_all(snapshot.parent().unwrap()).unwrap();
    let url = format!("http://{}", original.addr);
    let backup = {
        let snapshot = snapshot.clone();
        tokio::task::spawn_blocking(move || {
            run(&["backup", "--server", &url], &[snapshot.as_path()])
        })
        .await
        .unwrap()
    };
    let after = acknowledged.load(Ordering::SeqCst);
    assert!(backup.status.success(), "{}", stderr(&backup));
    assert!(
        stdout(&backup).starts_with(&format!("wrote {}", snapshot.display())),
        "{}",
        stdout(&backup)
    );
    // Writers kept writing during the backup.
    while acknowledged.load(Ordering::SeqCst) < after + 5 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    // No temporary file is left beside it.
    let beside: Vec<_> = std::fs::read_dir(snapshot.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside, [std::ffi::OsString::from("glocal.snapshot")]);

    let restored_dir = work.path().join("restored");
    let restore = run(
        &["restore"],
        &[snapshot.as_path(), Path::new("--data-dir"), &restored_dir],
    );
    assert!(restore.status.success(), "{}", stderr(&restore));
    assert!(
        stdout(&restore).contains("documents"),
        "{}",
        stdout(&restore)
    );

    let restored = TestServer::start(&restored_dir).await;
    let got = everything(&restored).await;
    // The writer's markets in the snapshot: w0..wN, a prefix with every
    // write acknowledged before the backup started (and maybe a few more).
    let written: Vec<usize> = got
        .iter()
        .filter_map(|(name, _)| name.strip_prefix("markets/w"))
        .filter_map(|id| id.strip_suffix(" revisions").unwrap_or(id).parse().ok())
        .collect();
    let in_snapshot = written.iter().max().map_or(0, |n| n + 1);
    assert!(in_snapshot >= before, "{in_snapshot} < {before}");
    assert!(in_snapshot <= after + 1, "{in_snapshot} > {after}");
    // Everything in the restored store equals the original's (the
    // writer's later markets aside, which were created after the snapshot).
    let want: Vec<(String, String)> = everything(&original)
        .await
        .into_iter()
        .filter(|(name, _)| {
            let Some(id) = name.strip_prefix("markets/w") else {
                return true;
            };
            let n: usize = id.strip_suffix(" revisions").unwrap_or(id).parse().unwrap();
            n < in_snapshot
        })
        .collect();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }

    // The restored store goes on: new revisions come after the restored ones.
    let mut m = restored.markets().await;
    m.update_market(pb::UpdateMarketRequest {
        market: Some(pb::Market {
            name: "markets/fr".into(),
            display_name: "République française".into(),
            ..Default::default()
        }),
        update_mask: None,
    })
    .await
    .unwrap();
    let revisions = restored
        .revisions()
        .await
        .list_revisions(pb::ListRevisionsRequest {
            parent: "markets/fr".into(),
            page_size: 100,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .revisions;
    assert_eq!(revisions.len(), 3);
    let seqs: Vec<u64> = revisions
        .iter()
        .map(|r| r.name.rsplit('/').next().unwrap().parse().unwrap())
        .collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    // A new document's etag is new too.
    let created = m
        .create_market(pb::CreateMarketRequest {
            market_id: "new".into(),
            market: Some(market("ES")),
        })
        .await
        .unwrap()
        .into_inner();
    let etags: Vec<String> = got
        .iter()
        .filter(|(name, _)| name.starts_with("markets/") && !name.ends_with(" revisions"))
        .map(|(_, text)| text.clone())
        .collect();
    assert!(!etags
        .iter()
        .any(|text| text.contains(&format!("etag: \"{}\"", created.etag))));
    restored.stop().await;
    original.stop().await;
}

#[tokio::test]
async fn restore_refuses_a_non_empty_directory_and_a_damaged_snapshot() {
    let work = tempfile::tempdir().unwrap();
    let original = TestServer::start(&work.path().join("original")).await;
    seed(&original).await;
    let snapshot = work.path().join("glocal.snapshot");
    let backup = tokio::task::spawn_blocking({
        let url = format!("http://{}", original.addr);
        let snapshot = snapshot.clone();
        move || run(&["backup", "--server", &url], &[snapshot.as_path()])
    })
    .await
    .unwrap();
    assert!(backup.status.success(), "{}", stderr(&backup));
    original.stop().await;

    // A directory with something in it.
    let busy = work.path().join("busy");
    std::fs::create_dir_all(&busy).unwrap();
    std::fs::write(busy.join("keep.txt"), "mine").unwrap();
    let out = run(
        &["restore"],
        &[snapshot.as_path(), Path::new("--data-dir"), &busy],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not empty"), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(&busy).unwrap().collect();
    assert_eq!(left.len(), 1);

    // One flipped byte anywhere: refused, and nothing written.
    let good = std::fs::read(&snapshot).unwrap();
    for at in [good.len() / 2, good.len() - 1] {
        let mut bad = good.clone();
        bad[at] ^= 0x01;
        let damaged = work.path().join("damaged.snapshot");
        std::fs::write(&damaged, &bad).unwrap();
        let target = work.path().join("target");
        let out = run(
            &["restore"],
            &[damaged.as_path(), Path::new("--data-dir"), &target],
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("damaged") && stderr(&out).contains("nothing was written"),
            "{}",
            stderr(&out)
        );
        assert!(!target.exists());
    }
    // Truncated, and not a snapshot at all.
    let truncated = work.path().join("truncated.snapshot");
    std::fs::write(&truncated, &good[..good.len() - 100]).unwrap();
    let out = run(
        &["restore"],
        &[
            truncated.as_path(),
            Path::new("--data-dir"),
            &work.path().join("t"),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("damaged"), "{}", stderr(&out));
    let out = run(
        &["restore"],
        &[
            Path::new("Cargo.toml"),
            Path::new("--data-dir"),
            &work.path().join("t"),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a glocal snapshot"),
        "{}",
        stderr(&out)
    );
    assert!(!work.path().join("t").exists());

    // An empty directory is fine.
    let empty = work.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = run(
        &["restore"],
        &[snapshot.as_path(), Path::new("--data-dir"), &empty],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let restored = TestServer::start(&empty).await;
    assert_eq!(everything(&restored).await.len(), 14);
    restored.stop().await;
}

#[tokio::test]
async fn backup_needs_the_admin_role() {
    use glocal::api::auth::{required_role, token_hash_hex, Role, TokenTable};
    assert_eq!(
        required_role("/glocal.v1.AdminService/ExportSnapshot"),
        Some(Role::Admin)
    );
    let (viewer, admin) = (
        "viewer-token-0123456789abcdef",
        "admin-token-0123456789abcdef",
    );
    let table = TokenTable::parse(&format!(
        "[[token]]\nprincipal = \"v\"\nrole = \"viewer\"\nsha256 = \"{}\"\n\
         [[token]]\nprincipal = \"a\"\nrole = \"admin\"\nsha256 = \"{}\"\n",
        token_hash_hex(viewer),
        token_hash_hex(admin)
    ))
    .unwrap();
    let work = tempfile::tempdir().unwrap();
    let server = TestServer::start_with(
        &work.path().join("data"),
        glocal::api::ServeConfig {
            tokens: Some(Arc::new(table)),
            ..Default::default()
        },
    )
    .await;
    let url = format!("http://{}", server.addr);
    let out_file = work.path().join("s");
    let backup = |token: &'static str| {
        let (url, out_file) = (url.clone(), out_file.clone());
        tokio::task::spawn_blocking(move || {
            glocal()
                .env("GLOCAL_TOKEN", token)
                .args(["backup", "--server", &url])
                .arg(&out_file)
                .output()
                .unwrap()
        })
    };
    let denied = backup(viewer).await.unwrap();
    assert_eq!(denied.status.code(), Some(2));
    assert!(
        stderr(&denied).contains("PermissionDenied"),
        "{}",
        stderr(&denied)
    );
    assert!(!out_file.exists());
    let allowed = backup(admin).await.unwrap();
    assert!(allowed.status.success(), "{}", stderr(&allowed));
    assert!(out_file.exists());
    server.stop().await;
}
