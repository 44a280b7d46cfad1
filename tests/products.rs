//! ProductService, RevisionService, concurrency, restarts, health and reflection.

mod common;

use common::{assert_error, TestServer};
use glocal::api::pb::glocal::v1 as pb;
use prost::Message;
use prost_types::FieldMask;
use tonic::Code;

async fn seed_markets(server: &TestServer) {
    let mut c = server.markets().await;
    for (id, country, locale) in [("fr", "FR", "fr-FR"), ("be", "BE", "fr-BE")] {
        c.create_market(pb::CreateMarketRequest {
            market_id: id.into(),
            market: Some(pb::Market {
                country: country.into(),
                currency: "EUR".into(),
                storefront_locales: vec![locale.into()],
                ..Default::default()
            }),
        })
        .await
        .unwrap();
    }
}

fn product() -> pb::Product {
    pb::Product {
        display_name: "Kettle".into(),
        source_locale: "en-US".into(),
        categories: vec!["appliances".into()],
        ..Default::default()
    }
}

fn variant(markets: &[&str]) -> pb::Variant {
    pb::Variant {
        display_name: "Kettle EU".into(),
        sku: "KET-EU-1".into(),
        markets: markets.iter().map(|s| s.to_string()).collect(),
        attributes: [("plug".to_string(), "type-e".to_string())].into(),
        features: vec!["boil-timer".into()],
        required_messages: vec!["kettle-*".into()],
        ..Default::default()
    }
}

#[tokio::test]
async fn product_and_variant_crud_and_references() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    seed_markets(&server).await;
    let mut p = server.products().await;
    let mut m = server.markets().await;

    let kettle = p
        .create_product(pb::CreateProductRequest {
            product_id: "kettle".into(),
            product: Some(product()),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(kettle.name, "products/kettle");
    assert_eq!(
        p.get_product(pb::GetProductRequest {
            name: kettle.name.clone()
        })
        .await
        .unwrap()
        .into_inner(),
        kettle
    );
    let err = p
        .create_product(pb::CreateProductRequest {
            product_id: "bad".into(),
            product: Some(pb::Product {
                source_locale: "english".into(),
                ..product()
            }),
        })
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("product.source_locale"),
    );
    let err = p
        .create_product(pb::CreateProductRequest {
            product_id: "kettle".into(),
            product: Some(product()),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::AlreadyExists, "RESOURCE_ALREADY_EXISTS", None);
    let listed = p
        .list_products(pb::ListProductsRequest {
            category: "appliances".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.products.len(), 1);
    let none = p
        .list_products(pb::ListProductsRequest {
            category: "toys".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(none.products.is_empty());

    let create_variant = |id: &str, v: pb::Variant| pb::CreateVariantRequest {
        parent: "products/kettle".into(),
        variant_id: id.into(),
        variant: Some(v),
    };
    let eu = p
        .create_variant(create_variant("eu", variant(&["markets/fr", "markets/be"])))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(eu.name, "products/kettle/variants/eu");
    assert_eq!(
        p.get_variant(pb::GetVariantRequest {
            name: eu.name.clone()
        })
        .await
        .unwrap()
        .into_inner(),
        eu
    );

    // A variant naming a market that does not exist is rejected, naming the field.
    let err = p
        .create_variant(create_variant("uk", variant(&["markets/fr", "markets/gb"])))
        .await
        .unwrap_err();
    let d = assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("variant.markets[1]"),
    );
    assert!(d.contains("markets/gb does not exist"), "{d}");
    let err = p
        .create_variant(create_variant("x", variant(&["gb"])))
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("variant.markets[0]"),
    );
    let err = p
        .create_variant(pb::CreateVariantRequest {
            parent: "products/teapot".into(),
            variant_id: "eu".into(),
            variant: Some(variant(&[])),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);

    // A market a variant is sold in cannot be deleted.
    let err = m
        .delete_market(pb::DeleteMarketRequest {
            name: "markets/be".into(),
            etag: String::new(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::FailedPrecondition, "RESOURCE_IN_USE", None);
    let failure = tonic_types::StatusExt::get_error_details(&err);
    let subjects: Vec<&str> = failure
        .precondition_failure()
        .unwrap()
        .violations
        .iter()
        .map(|v| v.subject.as_str())
        .collect();
    assert_eq!(subjects, ["products/kettle/variants/eu"]);

    // Dropping the market from the variant frees it.
    let updated = p
        .update_variant(pb::UpdateVariantRequest {
            variant: Some(pb::Variant {
                name: eu.name.clone(),
                etag: eu.etag.clone(),
                markets: vec!["markets/fr".into()],
                ..Default::default()
            }),
            update_mask: Some(FieldMask {
                paths: vec!["markets".into()],
            }),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(updated.markets, ["markets/fr"]);
    assert_eq!(updated.sku, eu.sku);
    let err = p
        .update_variant(pb::UpdateVariantRequest {
            variant: Some(pb::Variant {
                name: eu.name.clone(),
                markets: vec!["markets/gb".into()],
                ..Default::default()
            }),
            update_mask: None,
        })
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("variant.markets[0]"),
    );
    m.delete_market(pb::DeleteMarketRequest {
        name: "markets/be".into(),
        etag: String::new(),
    })
    .await
    .unwrap();

    let fr_variants = p
        .list_variants(pb::ListVariantsRequest {
            parent: "products/kettle".into(),
            market: "markets/fr".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(fr_variants.variants.len(), 1);
    let err = p
        .list_variants(pb::ListVariantsRequest {
            parent: "products/teapot".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);

    // A product with variants is deleted only with force, and takes them along.
    let err = p
        .delete_product(pb::DeleteProductRequest {
            name: kettle.name.clone(),
            etag: String::new(),
            force: false,
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::FailedPrecondition, "RESOURCE_IN_USE", None);
    let renamed = p
        .update_product(pb::UpdateProductRequest {
            product: Some(pb::Product {
                name: kettle.name.clone(),
                display_name: "Smart kettle".into(),
                ..Default::default()
            }),
            update_mask: None,
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(renamed.display_name, "Smart kettle");
    p.delete_product(pb::DeleteProductRequest {
        name: kettle.name.clone(),
        etag: renamed.etag,
        force: true,
    })
    .await
    .unwrap();
    let err = p
        .get_variant(pb::GetVariantRequest {
            name: eu.name.clone(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    // The market is free again.
    m.delete_market(pb::DeleteMarketRequest {
        name: "markets/fr".into(),
        etag: String::new(),
    })
    .await
    .unwrap();

    // Deleting a variant on its own.
    p.create_product(pb::CreateProductRequest {
        product_id: "mug".into(),
        product: Some(product()),
    })
    .await
    .unwrap();
    let v = p
        .create_variant(pb::CreateVariantRequest {
            parent: "products/mug".into(),
            variant_id: "plain".into(),
            variant: Some(variant(&[])),
        })
        .await
        .unwrap()
        .into_inner();
    p.delete_variant(pb::DeleteVariantRequest {
        name: v.name.clone(),
        etag: v.etag,
    })
    .await
    .unwrap();
    p.delete_product(pb::DeleteProductRequest {
        name: "products/mug".into(),
        etag: String::new(),
        force: false,
    })
    .await
    .unwrap();
    server.stop().await;
}

#[tokio::test]
async fn revisions_record_every_change_and_outlive_the_resource() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    seed_markets(&server).await;
    let mut m = server.markets().await;
    for name in ["A", "B", "C"] {
        m.update_market(pb::UpdateMarketRequest {
            market: Some(pb::Market {
                name: "markets/fr".into(),
                display_name: name.into(),
                ..Default::default()
            }),
            update_mask: None,
        })
        .await
        .unwrap();
    }
    m.delete_market(pb::DeleteMarketRequest {
        name: "markets/fr".into(),
        etag: String::new(),
    })
    .await
    .unwrap();
    let mut r = server.revisions().await;
    let mut all = Vec::new();
    let mut token = String::new();
    loop {
        let page = r
            .list_revisions(pb::ListRevisionsRequest {
                parent: "markets/fr".into(),
                page_size: 2,
                page_token: token,
            })
            .await
            .unwrap()
            .into_inner();
        all.extend(page.revisions);
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    let methods: Vec<&str> = all
        .iter()
        .map(|r| r.method.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        methods,
        [
            "CreateMarket",
            "UpdateMarket",
            "UpdateMarket",
            "UpdateMarket",
            "DeleteMarket"
        ]
    );
    assert!(all[0].before.is_none() && all[4].after.is_none());
    let after = all[2].after.as_ref().unwrap();
    assert_eq!(after.type_url, "type.googleapis.com/glocal.v1.Market");
    let market = pb::Market::decode(after.value.as_slice()).unwrap();
    assert_eq!(market.display_name, "B");
    let before = pb::Market::decode(all[2].before.as_ref().unwrap().value.as_slice()).unwrap();
    assert_eq!(before.display_name, "A");
    assert!(all[0].name.starts_with("markets/fr/revisions/"));

    let err = r
        .list_revisions(pb::ListRevisionsRequest {
            parent: "markets/never".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    let err = r
        .list_revisions(pb::ListRevisionsRequest {
            parent: "things/x".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("parent"));
    server.stop().await;
}

/// Eight writers each add ten keys to one market with read-modify-write on
/// etags, retrying on ABORTED: no update may be lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writers_with_etags_lose_no_update() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    seed_markets(&server).await;
    let mut tasks = Vec::new();
    for writer in 0..8 {
        let mut c = server.markets().await;
        tasks.push(tokio::spawn(async move {
            let mut aborted = 0;
            for i in 0..10 {
                loop {
                    let current = c
                        .get_market(pb::GetMarketRequest {
                            name: "markets/fr".into(),
                        })
                        .await
                        .unwrap()
                        .into_inner();
                    let mut ids = current.external_ids.clone();
                    ids.insert(format!("w{writer}_{i}"), "x".into());
                    let result = c
                        .update_market(pb::UpdateMarketRequest {
                            market: Some(pb::Market {
                                name: current.name,
                                etag: current.etag,
                                external_ids: ids,
                                ..Default::default()
                            }),
                            update_mask: Some(FieldMask {
                                paths: vec!["external_ids".into()],
                            }),
                        })
                        .await;
                    match result {
                        Ok(_) => break,
                        Err(s) if s.code() == Code::Aborted => aborted += 1,
                        Err(s) => panic!("unexpected {s:?}"),
                    }
                }
            }
            aborted
        }));
    }
    let mut aborted = 0;
    for t in tasks {
        aborted += t.await.unwrap();
    }
    let mut c = server.markets().await;
    let fr = c
        .get_market(pb::GetMarketRequest {
            name: "markets/fr".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        fr.external_ids.len(),
        80,
        "every writer's every key is there ({aborted} retries)"
    );
    server.stop().await;
}

#[tokio::test]
async fn data_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    seed_markets(&server).await;
    let mut p = server.products().await;
    p.create_product(pb::CreateProductRequest {
        product_id: "kettle".into(),
        product: Some(product()),
    })
    .await
    .unwrap();
    let v = p
        .create_variant(pb::CreateVariantRequest {
            parent: "products/kettle".into(),
            variant_id: "eu".into(),
            variant: Some(variant(&["markets/fr"])),
        })
        .await
        .unwrap()
        .into_inner();
    server.stop().await;

    let server = TestServer::start(dir.path()).await;
    let mut p = server.products().await;
    let again = p
        .get_variant(pb::GetVariantRequest {
            name: v.name.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(again, v);
    // Reference counts survive too.
    let mut m = server.markets().await;
    let err = m
        .delete_market(pb::DeleteMarketRequest {
            name: "markets/fr".into(),
            etag: String::new(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::FailedPrecondition, "RESOURCE_IN_USE", None);
    let history = server
        .revisions()
        .await
        .list_revisions(pb::ListRevisionsRequest {
            parent: v.name,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(history.revisions.len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn health_reports_serving_and_reflection_lists_services() {
    use tonic_health::pb::{
        health_check_response::ServingStatus, health_client::HealthClient, HealthCheckRequest,
    };
    use tonic_reflection::pb::v1::{
        server_reflection_client::ServerReflectionClient,
        server_reflection_request::MessageRequest, server_reflection_response::MessageResponse,
        ServerReflectionRequest,
    };
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let mut health = HealthClient::new(server.channel().await);
    for service in [
        "",
        "glocal.v1.MarketService",
        "glocal.v1.ProductService",
        "glocal.v1.RevisionService",
    ] {
        let status = health
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .unwrap()
            .into_inner();
        assert_eq!(status.status, ServingStatus::Serving as i32, "{service:?}");
    }
    let mut reflection = ServerReflectionClient::new(server.channel().await);
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut stream = reflection
        .server_reflection_info(tokio_stream::iter([request]))
        .await
        .unwrap()
        .into_inner();
    let response = stream.message().await.unwrap().unwrap();
    let Some(MessageResponse::ListServicesResponse(list)) = response.message_response else {
        panic!("{response:?}")
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    for want in [
        "glocal.v1.MarketService",
        "glocal.v1.ProductService",
        "glocal.v1.RevisionService",
        "grpc.health.v1.Health",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
    }
    // The error details are resolvable, so grpcurl can print field violations.
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::FileContainingSymbol(
            "google.rpc.BadRequest".into(),
        )),
    };
    let mut stream = reflection
        .server_reflection_info(tokio_stream::iter([request]))
        .await
        .unwrap()
        .into_inner();
    let response = stream.message().await.unwrap().unwrap();
    assert!(
        matches!(
            response.message_response,
            Some(MessageResponse::FileDescriptorResponse(_))
        ),
        "{response:?}"
    );
    server.stop().await;
}

/// A client watching health sees NOT_SERVING on shutdown, and its open stream
/// does not hold the server past the drain timeout.
#[tokio::test]
async fn shutdown_reports_not_serving_and_does_not_wait_forever_for_streams() {
    use tonic_health::pb::{
        health_check_response::ServingStatus, health_client::HealthClient, HealthCheckRequest,
    };
    let dir = tempfile::tempdir().unwrap();
    let config = glocal::api::ServeConfig {
        drain_timeout: std::time::Duration::from_millis(300),
        ..Default::default()
    };
    let server = TestServer::start_with(dir.path(), config).await;
    let mut health = HealthClient::new(server.channel().await);
    let mut watch = health
        .watch(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        watch.message().await.unwrap().unwrap().status,
        ServingStatus::Serving as i32
    );
    let stopping = tokio::spawn(server.stop());
    let next = watch.message().await.unwrap().unwrap();
    assert_eq!(next.status, ServingStatus::NotServing as i32);
    // The watch stays open; the server still stops (well within this bound).
    tokio::time::timeout(std::time::Duration::from_secs(30), stopping)
        .await
        .expect("the server stops despite an open stream")
        .unwrap();
}

#[tokio::test]
async fn product_message_scope_is_created_read_and_updated() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let mut p = server.products().await;
    let create = |id: &str, scope: i32| pb::CreateProductRequest {
        product_id: id.into(),
        product: Some(pb::Product {
            message_scope: scope,
            ..product()
        }),
    };
    let get = |name: &str| pb::GetProductRequest { name: name.into() };

    // Unspecified is FILE, and the server says so explicitly.
    let plain = p
        .create_product(create("plain", 0))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(plain.message_scope, pb::MessageScope::File as i32);
    let app = p
        .create_product(create("app", pb::MessageScope::Bundle as i32))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(app.message_scope, pb::MessageScope::Bundle as i32);
    let read = p
        .get_product(get("products/app"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(read.message_scope, pb::MessageScope::Bundle as i32);

    // An update without a mask that leaves the field unspecified keeps it.
    let renamed = p
        .update_product(pb::UpdateProductRequest {
            product: Some(pb::Product {
                name: "products/app".into(),
                display_name: "App".into(),
                ..Default::default()
            }),
            update_mask: None,
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (renamed.display_name.as_str(), renamed.message_scope),
        ("App", pb::MessageScope::Bundle as i32)
    );
    // The mask names it: back to FILE, by value or by clearing it.
    let to_file = p
        .update_product(pb::UpdateProductRequest {
            product: Some(pb::Product {
                name: "products/app".into(),
                message_scope: pb::MessageScope::File as i32,
                ..Default::default()
            }),
            update_mask: Some(FieldMask {
                paths: vec!["message_scope".into()],
            }),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(to_file.message_scope, pb::MessageScope::File as i32);
    assert_eq!(to_file.display_name, "App");
    let to_bundle = p
        .update_product(pb::UpdateProductRequest {
            product: Some(pb::Product {
                name: "products/plain".into(),
                message_scope: pb::MessageScope::Bundle as i32,
                ..Default::default()
            }),
            update_mask: Some(FieldMask {
                paths: vec!["message_scope".into()],
            }),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(to_bundle.message_scope, pb::MessageScope::Bundle as i32);
    let cleared = p
        .update_product(pb::UpdateProductRequest {
            product: Some(pb::Product {
                name: "products/plain".into(),
                ..Default::default()
            }),
            update_mask: Some(FieldMask {
                paths: vec!["message_scope".into()],
            }),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(cleared.message_scope, pb::MessageScope::File as i32);
    assert_eq!(
        p.get_product(get("products/plain"))
            .await
            .unwrap()
            .into_inner()
            .message_scope,
        pb::MessageScope::File as i32
    );

    // A number the proto does not define is a field violation, on create and update.
    let err = p.create_product(create("bad", 7)).await.unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("product.message_scope"),
    );
    let err = p
        .update_product(pb::UpdateProductRequest {
            product: Some(pb::Product {
                name: "products/plain".into(),
                message_scope: -1,
                ..Default::default()
            }),
            update_mask: None,
        })
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("product.message_scope"),
    );
}

#[tokio::test]
async fn get_bundle_names_the_entry_a_syntax_error_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let mut p = server.products().await;
    p.create_product(pb::CreateProductRequest {
        product_id: "shop".into(),
        product: Some(product()),
    })
    .await
    .unwrap();
    let written = p
        .write_bundle_files(pb::WriteBundleFilesRequest {
            name: "products/shop/bundles/de".into(),
            files: vec![pb::FileContent {
                path: "shop.ftl".into(),
                content: "checkout-title = Kasse\n\
                          checkout-total = Razem: { $amount\n\
                          checkout-pay = Zahlen\n"
                    .into(),
            }],
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let expected = pb::Diagnostic {
        file: "shop.ftl".into(),
        kind: pb::DiagnosticKind::SyntaxError as i32,
        line: 3,
        column: 1,
        end_line: 3,
        end_column: 2,
        message: "Expected a token starting with \"}\"".into(),
        message_id: "checkout-total".into(),
        entry_line: 2,
    };
    assert_eq!(written.diagnostics, std::slice::from_ref(&expected));
    let bundle = p
        .get_bundle(pb::GetBundleRequest {
            name: "products/shop/bundles/de".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(bundle.diagnostics, std::slice::from_ref(&expected));
    assert_eq!(bundle.stats.unwrap().messages, 2, "the other entries count");
    let file = p
        .read_bundle_file(pb::ReadBundleFileRequest {
            name: "products/shop/bundles/de".into(),
            path: "shop.ftl".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(file.diagnostics, [expected]);
}
