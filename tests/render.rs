//! RenderMessage cannot hurt the server: files the indexer refused are never
//! parsed, a byte order mark is stripped, the first definition wins as the
//! coverage engine decides, inconsistencies are errors rather than panics,
//! and the arguments are capped.

mod common;

use std::collections::HashMap;

use common::{assert_error, TestServer};
use glocal::api::pb::glocal::v1::{self as pb, planning_service_client::PlanningServiceClient};
use tonic::Code;
use tonic_health::pb::{
    health_check_response::ServingStatus, health_client::HealthClient, HealthCheckRequest,
};

/// Creates `products/p` (source `en-US`).
async fn product(server: &TestServer) {
    server
        .products()
        .await
        .create_product(pb::CreateProductRequest {
            product_id: "p".into(),
            product: Some(pb::Product {
                source_locale: "en-US".into(),
                ..Default::default()
            }),
        })
        .await
        .unwrap();
}

/// Writes the bundle of `locale` of `products/p`, replacing it.
async fn bundle(server: &TestServer, locale: &str, files: &[(&str, &str)]) {
    server
        .products()
        .await
        .write_bundle_files(pb::WriteBundleFilesRequest {
            name: format!("products/p/bundles/{locale}"),
            files: files
                .iter()
                .map(|(path, content)| pb::FileContent {
                    path: (*path).into(),
                    content: (*content).into(),
                })
                .collect(),
            replace: true,
            etag: String::new(),
        })
        .await
        .unwrap();
}

fn request(locale: &str, id: &str, args: &[(&str, &str)]) -> pb::RenderMessageRequest {
    pb::RenderMessageRequest {
        product: "products/p".into(),
        locale: locale.into(),
        message_id: id.into(),
        args: args
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect(),
        file: String::new(),
        match_policy: 0,
        pseudo: 0,
    }
}

async fn render(
    server: &TestServer,
    req: pb::RenderMessageRequest,
) -> Result<pb::RenderMessageResponse, tonic::Status> {
    PlanningServiceClient::new(server.channel().await)
        .render_message(req)
        .await
        .map(tonic::Response::into_inner)
}

async fn assert_serving(server: &TestServer) {
    let status = HealthClient::new(server.channel().await)
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .expect("the server still answers")
        .into_inner();
    assert_eq!(status.status, ServingStatus::Serving as i32);
}

/// `x = ` and 100,000 `{`: the indexer refuses it without parsing.
fn too_deep() -> String {
    format!("x = {}\n", "{".repeat(100_000))
}

const REFUSED_NOTE: &str = "b.ftl of bundle en-US was left out: it was refused unparsed when \
                            it was uploaded (see its syntax error), so it provides no messages";

#[tokio::test]
async fn a_refused_file_is_never_parsed_and_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    product(&server).await;
    let deep = too_deep();
    bundle(
        &server,
        "en-US",
        &[("a.ftl", "hello = Hello { $name }\n"), ("b.ftl", &deep)],
    )
    .await;

    let hello = render(&server, request("en-US", "hello", &[("name", "Ada")]))
        .await
        .expect("the good message renders");
    assert_eq!(hello.text, "Hello Ada");
    assert_eq!(hello.locale, "en-US");
    assert_eq!(hello.errors, [REFUSED_NOTE]);
    assert_serving(&server).await;

    // The message that could only come from the refused file: an error
    // naming the file, and the server lives on.
    let err = render(&server, request("en-US", "x", &[]))
        .await
        .unwrap_err();
    let message = assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    assert_eq!(
        message,
        "products/p message x (tried en-US; left out, refused unparsed on upload: \
         b.ftl of bundle en-US) does not exist"
    );
    assert_serving(&server).await;

    // And again after a restart (the stored file is the same).
    server.stop().await;
    let server = TestServer::start(dir.path()).await;
    let again = render(&server, request("en-US", "hello", &[("name", "Ada")]))
        .await
        .unwrap();
    assert_eq!((again.text.as_str(), again.errors.len()), ("Hello Ada", 1));
    assert_serving(&server).await;
    server.stop().await;
}

#[tokio::test]
async fn a_refused_file_of_an_earlier_bundle_is_reported_too() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    product(&server).await;
    bundle(&server, "en-US", &[("a.ftl", "hello = Hello\n")]).await;
    let deep = too_deep();
    bundle(
        &server,
        "fr",
        &[("a.ftl", "other = Autre\n"), ("b.ftl", &deep)],
    )
    .await;

    let hello = render(&server, request("fr", "hello", &[])).await.unwrap();
    assert_eq!(
        (hello.text.as_str(), hello.locale.as_str()),
        ("Hello", "en-US")
    );
    // fr has no hello: the source supplies it as the last fallback, and the
    // response says so, after naming the refused file of the bundle tried.
    assert_eq!(
        hello.errors,
        [
            REFUSED_NOTE.replace("bundle en-US", "bundle fr"),
            "hello is not translated for fr (looked in fr): the source en-US supplies it, \
             as a runtime's last fallback would"
                .to_string()
        ]
    );
    assert_serving(&server).await;
    server.stop().await;
}

#[tokio::test]
async fn a_byte_order_mark_is_stripped() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    product(&server).await;
    bundle(
        &server,
        "en-US",
        &[("a.ftl", "\u{feff}hello = Hello\n    .title = Greeting\n")],
    )
    .await;
    let hello = render(&server, request("en-US", "hello", &[]))
        .await
        .unwrap();
    assert_eq!(hello.text, "Hello");
    assert!(hello.errors.is_empty(), "{:?}", hello.errors);
    let title = render(&server, request("en-US", "hello.title", &[]))
        .await
        .unwrap();
    assert_eq!(title.text, "Greeting");
    server.stop().await;
}

/// `a.ftl` defines `dupe` with only an attribute, `b.ftl` with a value: the
/// first definition (in path order) wins, as in the coverage engine and in
/// Fluent, so the bundle has `dupe.title` and no value of `dupe`.
#[tokio::test]
async fn the_first_definition_wins_even_without_a_value() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    product(&server).await;
    let files = [
        ("a.ftl", "dupe =\n    .title = T\n"),
        ("b.ftl", "dupe = value\n"),
    ];
    bundle(&server, "en-US", &files).await;

    let title = render(&server, request("en-US", "dupe.title", &[]))
        .await
        .expect("no panic");
    assert_eq!((title.text.as_str(), title.locale.as_str()), ("T", "en-US"));
    assert_eq!(
        title.errors,
        ["b.ftl: Attempt to override an existing message: \"dupe\"."]
    );

    // The value: the definition that serves `dupe` (a.ftl's, the first in
    // path order) has none, and a runtime looks no further.
    let err = render(&server, request("en-US", "dupe", &[]))
        .await
        .unwrap_err();
    let message = assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    assert_eq!(
        message,
        "products/p message dupe (bundle en-US serves dupe from a.ftl, without a value) does not exist"
    );
    // Under FILE scope (the default) b.ftl's `dupe` is a message of its own.
    let b = render(
        &server,
        pb::RenderMessageRequest {
            file: "b.ftl".into(),
            ..request("en-US", "dupe", &[])
        },
    )
    .await
    .unwrap();
    assert_eq!((b.text.as_str(), b.locale.as_str()), ("value", "en-US"));

    // A locale whose bundle is built that way serves `dupe` itself, as a
    // runtime would: its attribute, and no value (no fallback for the part).
    bundle(&server, "fr", &files).await;
    bundle(
        &server,
        "en-US",
        &[("a.ftl", "dupe = Value\n    .title = Title\n")],
    )
    .await;
    let err = render(&server, request("fr", "dupe", &[]))
        .await
        .unwrap_err();
    let message = assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    assert_eq!(
        message,
        "products/p message dupe (bundle fr serves dupe from a.ftl, without a value) does not exist"
    );
    let title = render(&server, request("fr", "dupe.title", &[]))
        .await
        .unwrap();
    assert_eq!((title.text.as_str(), title.locale.as_str()), ("T", "fr"));
    server.stop().await;
}

#[tokio::test]
async fn the_bundle_resolves_references_as_the_engine_does() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    product(&server).await;
    // The message is in b.ftl; its term's first definition is in a.ftl.
    bundle(
        &server,
        "en-US",
        &[
            ("b.ftl", "hello = Hello from { -brand }\n-brand = B\n"),
            ("a.ftl", "-brand = A\n"),
        ],
    )
    .await;
    let hello = render(&server, request("en-US", "hello", &[]))
        .await
        .unwrap();
    assert_eq!(hello.text, "Hello from A");
    assert_eq!(
        hello.errors,
        ["b.ftl: Attempt to override an existing term: \"brand\"."]
    );
    server.stop().await;
}

#[tokio::test]
async fn arguments_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    product(&server).await;
    bundle(
        &server,
        "en-US",
        &[("a.ftl", "hello = Hello { $name } ({ $a255 })\n")],
    )
    .await;

    let many: HashMap<String, String> = (0..100_000)
        .map(|i| (format!("a{i}"), i.to_string()))
        .collect();
    let err = render(
        &server,
        pb::RenderMessageRequest {
            args: many,
            ..request("en-US", "hello", &[])
        },
    )
    .await
    .unwrap_err();
    let description = assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("args"));
    assert_eq!(
        description,
        "has 100000 arguments; at most 256 are accepted"
    );

    // The most allowed: 256 arguments, the longest name and value.
    let mut most: HashMap<String, String> = (1..254)
        .map(|i| (format!("a{i}"), "x".repeat(16 * 1024)))
        .collect();
    most.insert("name".into(), "Ada".into());
    most.insert("a255".into(), "ok".into());
    most.insert("n".repeat(1024), "long name".into());
    assert_eq!(most.len(), 256);
    let hello = render(
        &server,
        pb::RenderMessageRequest {
            args: most.clone(),
            ..request("en-US", "hello", &[])
        },
    )
    .await
    .unwrap();
    assert_eq!(hello.text, "Hello Ada (ok)");

    // One byte more in a name, or in a value.
    let mut long_name = most.clone();
    long_name.remove(&"n".repeat(1024));
    long_name.insert("n".repeat(1025), String::new());
    let err = render(
        &server,
        pb::RenderMessageRequest {
            args: long_name,
            ..request("en-US", "hello", &[])
        },
    )
    .await
    .unwrap_err();
    let description = assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("args"));
    assert_eq!(
        description,
        "has an argument name of 1025 bytes; names may be at most 1024 bytes"
    );
    let mut long_value = most;
    long_value.insert("a1".into(), "x".repeat(16 * 1024 + 1));
    let err = render(
        &server,
        pb::RenderMessageRequest {
            args: long_value,
            ..request("en-US", "hello", &[])
        },
    )
    .await
    .unwrap_err();
    let description = assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("args"));
    assert_eq!(
        description,
        "the value of \"a1\" is 16385 bytes; values may be at most 16384 bytes"
    );
    assert_serving(&server).await;
    server.stop().await;
}

/// The fixture of [`render_supplies_what_the_check_serves`]: locale, files.
const SERVED: &[(&str, &[(&str, &str)])] = &[
    (
        "en-US",
        &[
            ("app.ftl", "a = A\nb = B\nc = C\n"),
            ("legal.ftl", "g = G\nh = H\n"),
        ],
    ),
    (
        "fr",
        &[
            ("app.ftl", "a = A fr\nb = B fr\nc = C fr\n"),
            ("legal.ftl", "g = G fr\nh = H fr\n"),
        ],
    ),
    ("fr-CA", &[("legal.ftl", "h = H qc\n")]),
    ("de", &[("app.ftl", "a = A de\nb = B { $x\nc = C de\n")]),
    ("pt-PT", &[("app.ftl", "a = A pt\n")]),
    (
        "pt-BR",
        &[
            ("app.ftl", "a = A br\nb = B br\n"),
            ("legal.ftl", "g = G br\n"),
        ],
    ),
    ("en-GB", &[("legal.ftl", "h = H gb\n")]),
];

/// For every needed locale × message of a fixture, the bundle RenderMessage
/// supplies a message from is the one the engine's per-message fallback (what
/// CheckRoadmap and `glocal check` report) says serves it; where none does,
/// RenderMessage shows the source and says it is not translated.
#[tokio::test]
async fn render_supplies_what_the_check_serves() {
    use glocal::coverage::checks::{BundleView, CheckOptions};
    use glocal::coverage::serve::{serve_message, Checked, MessageKey};
    use glocal::coverage::serving_order;
    use glocal::domain::ftl::index_file;
    use glocal::domain::{LocaleTag, MatchPolicy, MessageScope};
    use std::collections::BTreeMap;

    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    product(&server).await;
    for (locale, files) in SERVED {
        bundle(&server, locale, files).await;
    }

    let tag = |s: &str| LocaleTag::parse(s).unwrap();
    let indexed: BTreeMap<LocaleTag, Vec<(String, glocal::domain::ftl::FileIndex)>> = SERVED
        .iter()
        .map(|(l, files)| {
            (
                tag(l),
                files
                    .iter()
                    .map(|(p, t)| (p.to_string(), index_file(t)))
                    .collect(),
            )
        })
        .collect();
    let views: BTreeMap<LocaleTag, BundleView> = indexed
        .iter()
        .map(|(l, f)| {
            (
                l.clone(),
                BundleView::new(f.iter().map(|(p, i)| (p.as_str(), i)), MessageScope::File),
            )
        })
        .collect();
    let source = &views[&tag("en-US")];
    let mut checked = Checked::new(source, &views, CheckOptions::default());
    let available: Vec<LocaleTag> = views.keys().cloned().collect();
    let mut compared = 0;
    let policies = [
        (MatchPolicy::CldrFallback, pb::MatchPolicy::Unspecified),
        (MatchPolicy::Exact, pb::MatchPolicy::Exact),
        (MatchPolicy::SameLanguage, pb::MatchPolicy::SameLanguage),
    ];
    let locales = [
        "fr-CA", "fr-FR", "en-GB", "en-CA", "de-DE", "pt-AO", "pt-BR",
    ];
    for ((policy, raw), locale) in policies
        .iter()
        .flat_map(|p| locales.iter().map(move |l| (*p, *l)))
    {
        let locale = tag(locale);
        let order = serving_order(&locale, &available, policy);
        let keys: Vec<(String, String)> = source
            .entries()
            .map(|l| (l.file.to_string(), l.entry.id.clone()))
            .collect();
        for (file, id) in keys {
            let service = serve_message(
                &mut checked,
                &locale,
                &order,
                MessageKey {
                    file: &file,
                    id: &id,
                },
            );
            let rendered = render(
                &server,
                pb::RenderMessageRequest {
                    match_policy: raw as i32,
                    ..request(locale.as_str(), &id, &[("x", "1")])
                },
            )
            .await
            .unwrap_or_else(|e| panic!("{locale} {id} {policy:?}: {e:?}"));
            let served = service.served_by.as_ref().map(ToString::to_string);
            match served {
                Some(bundle) => {
                    assert_eq!(rendered.locale, bundle, "{locale} {file}:{id} {policy:?}");
                    assert!(
                        !rendered.errors.iter().any(|e| e.contains("not translated")),
                        "{locale} {id}: {:?}",
                        rendered.errors
                    );
                }
                None => {
                    assert_eq!(rendered.locale, "en-US", "{locale} {file}:{id} {policy:?}");
                    assert!(
                        rendered
                            .errors
                            .iter()
                            .any(|e| e.contains("is not translated")),
                        "{locale} {id}: {:?}",
                        rendered.errors
                    );
                }
            }
            compared += 1;
        }
    }
    assert_eq!(compared, 3 * 7 * 5);
    // Spot checks of what the chain serves.
    let supplier = |locale: &'static str, id: &'static str| {
        let server = &server;
        async move {
            render(server, request(locale, id, &[("x", "1")]))
                .await
                .unwrap()
                .locale
        }
    };
    assert_eq!(supplier("fr-CA", "h").await, "fr-CA");
    assert_eq!(supplier("fr-CA", "a").await, "fr");
    assert_eq!(supplier("en-GB", "a").await, "en-US");
    assert_eq!(supplier("en-GB", "h").await, "en-GB");
    assert_eq!(supplier("pt-AO", "a").await, "pt-PT");
    assert_eq!(supplier("pt-AO", "b").await, "pt-BR");
    // de lost b to a syntax error: de-DE's b comes from the source, untranslated.
    assert_eq!(supplier("de-DE", "b").await, "en-US");
    server.stop().await;
}
