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
        "products/p message x (tried en-US, en; left out, refused unparsed on upload: \
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
    assert_eq!(
        hello.errors,
        [REFUSED_NOTE.replace("bundle en-US", "bundle fr")]
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

    // The value: the first definition has none, so the bundle does not
    // define it, and no other bundle does.
    let err = render(&server, request("en-US", "dupe", &[]))
        .await
        .unwrap_err();
    let message = assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    assert_eq!(
        message,
        "products/p message dupe (tried en-US, en) does not exist"
    );

    // A locale whose bundle is built that way falls back for the value,
    // and keeps its own attribute.
    bundle(&server, "fr", &files).await;
    bundle(
        &server,
        "en-US",
        &[("a.ftl", "dupe = Value\n    .title = Title\n")],
    )
    .await;
    let value = render(&server, request("fr", "dupe", &[])).await.unwrap();
    assert_eq!(
        (value.text.as_str(), value.locale.as_str()),
        ("Value", "en-US")
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
