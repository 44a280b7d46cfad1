//! `glocal push` with the real binary against a real server.

mod common;

use std::path::Path;

use common::{glocal, serve_binary, stderr, stdout};
use glocal::api::pb::glocal::v1 as pb;

fn write(root: &Path, path: &str, text: &str) {
    let file = root.join(path);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, text).unwrap();
}

/// A small multi-locale tree: fr has a syntax error, de a duplicate id.
fn fixture_tree(root: &Path) {
    write(
        root,
        "en-US/main.ftl",
        "hello = Hello { $name }\nbye = Goodbye\n",
    );
    write(
        root,
        "en-US/shop/cart.ftl",
        "cart-title = Your cart\n    .aria-label = Cart\n",
    );
    write(
        root,
        "fr/main.ftl",
        "hello = Bonjour { $name }\nbye = Au revoir { ? }\nok = D'accord\n",
    );
    write(root, "fr/shop/cart.ftl", "cart-title = Votre panier\n");
    write(
        root,
        "de/main.ftl",
        "hello = Hallo { $name }\nbye = Tschüss\nhello = Hallo nochmal\n",
    );
    write(root, "de/notes.txt", "not Fluent");
    write(root, "configs/pontoon.toml", "# not a locale");
    write(root, "not_a_locale/x.ftl", "x = y\n");
}

fn push(url: &str, args: &[&str]) -> std::process::Output {
    glocal()
        .args(["push", "--server", url, "--product", "site"])
        .args(args)
        .output()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pushes_a_tree_and_reports_diagnostics_with_positions() {
    let data = tempfile::tempdir().unwrap();
    let tree = tempfile::tempdir().unwrap();
    fixture_tree(tree.path());
    let server = serve_binary(data.path());

    // Without the product, push fails with exit 2 and says why.
    let out = push(&server.url, &[tree.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("products/site does not exist"),
        "{out:?}"
    );

    let mut client = common::create_product(&server.url, "site").await;

    let out = push(&server.url, &[tree.path().to_str().unwrap()]);
    let stdout = stdout(&out);
    let stderr = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("pushed 3 of 3 locales (5 files"),
        "{stdout}"
    );
    assert!(stderr.contains("skipped not_a_locale/"), "{stderr}");
    assert!(
        stdout.contains(
            "  fr/main.ftl:2: syntax error in bye (parser at 2:19): Expected an inline expression\n"
        ),
        "the syntax error with its entry and position: {stdout}"
    );
    assert!(
        stdout.contains("de/main.ftl:3:1: duplicate id hello"),
        "{stdout}"
    );

    let fr = client
        .get_bundle(pb::GetBundleRequest {
            name: "products/site/bundles/fr".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(fr.files.len(), 2);
    let syntax: Vec<&pb::Diagnostic> = fr
        .diagnostics
        .iter()
        .filter(|d| d.kind == pb::DiagnosticKind::SyntaxError as i32)
        .collect();
    assert_eq!(syntax.len(), 1, "{:?}", fr.diagnostics);
    assert_eq!(
        (
            syntax[0].file.as_str(),
            syntax[0].line,
            syntax[0].column,
            syntax[0].entry_line,
            syntax[0].message_id.as_str()
        ),
        ("main.ftl", 2, 19, 2, "bye")
    );
    assert!(!syntax[0].message.is_empty());
    assert_eq!(
        fr.stats.as_ref().unwrap().messages,
        3,
        "the valid entries still count: {:?}",
        fr.stats
    );
    let de = client
        .get_bundle(pb::GetBundleRequest {
            name: "products/site/bundles/de".into(),
        })
        .await
        .unwrap()
        .into_inner();
    let dup = de
        .diagnostics
        .iter()
        .find(|d| d.kind == pb::DiagnosticKind::DuplicateId as i32)
        .expect("duplicate id");
    assert_eq!(
        (dup.line, dup.column, dup.message_id.as_str()),
        (3, 1, "hello")
    );
    let text = client
        .read_bundle_file(pb::ReadBundleFileRequest {
            name: "products/site/bundles/en-US".into(),
            path: "shop/cart.ftl".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(text.content.starts_with("cart-title = Your cart"));

    // Pushing again after removing a file replaces the bundle; --merge keeps files.
    std::fs::remove_file(tree.path().join("fr/shop/cart.ftl")).unwrap();
    let out = push(
        &server.url,
        &["--locale", "fr", "--merge", tree.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0));
    let fr = client
        .get_bundle(pb::GetBundleRequest {
            name: "products/site/bundles/fr".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(fr.files.len(), 2, "merge keeps shop/cart.ftl");
    let out = push(
        &server.url,
        &["--locale", "fr", tree.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0));
    let fr = client
        .get_bundle(pb::GetBundleRequest {
            name: "products/site/bundles/fr".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(fr.files.len(), 1, "a push replaces the bundle");
    let bundles = client
        .list_bundles(pb::ListBundlesRequest {
            parent: "products/site".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let names: Vec<&str> = bundles.bundles.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "products/site/bundles/de",
            "products/site/bundles/en-US",
            "products/site/bundles/fr"
        ]
    );
}

/// A locale whose upload fails is not counted in the files pushed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_locale_is_not_counted_as_pushed() {
    let data = tempfile::tempdir().unwrap();
    let tree = tempfile::tempdir().unwrap();
    write(tree.path(), "en-US/main.ftl", "hello = Hello\n");
    write(tree.path(), "en-US/more.ftl", "more = More\n");
    write(
        tree.path(),
        "fr/main.ftl",
        &format!("hello = {}\n", "Bonjour ".repeat(20)),
    );
    let server = common::serve_binary_with(
        "127.0.0.1:0",
        &data.path().join("data"),
        &["--max-file-bytes", "64"],
    );
    common::create_product(&server.url, "site").await;
    let out = push(&server.url, &[tree.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stdout(&out).contains("pushed 1 of 2 locales (2 files, 2 words)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn push_usage_errors_exit_two() {
    let tree = tempfile::tempdir().unwrap();
    fixture_tree(tree.path());
    let dir = tree.path().to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "push",
                "--server",
                "ftp://127.0.0.1:1",
                "--product",
                "p",
                "x",
            ],
            "expected a URL",
        ),
        (
            &["push", "--server", "ftp://h:1", "--product", "p", "x"],
            "expected a URL such as http://127.0.0.1:50051 or https://",
        ),
        (
            &[
                "push",
                "--server",
                "http://127.0.0.1:1",
                "--product",
                "p",
                "/nonexistent/tree",
            ],
            "is not a directory",
        ),
        (
            &[
                "push",
                "--server",
                "http://127.0.0.1:1",
                "--product",
                "p",
                "--layout",
                "*.ftl",
                dir,
            ],
            "{locale}",
        ),
        (
            &[
                "push",
                "--server",
                "http://127.0.0.1:1",
                "--product",
                "p",
                "--locale",
                "it",
                dir,
            ],
            "no folder it/",
        ),
        (
            &[
                "push",
                "--server",
                "http://127.0.0.1:1",
                "--product",
                "p",
                dir,
            ],
            "cannot reach the glocal server",
        ),
    ];
    for (args, needle) in cases {
        let out = glocal().args(*args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}
