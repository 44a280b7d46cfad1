//! Bundles (ProductService) and PlanningService over a real server.

mod common;

use common::{assert_error, TestServer};
use glocal::api::pb::glocal::v1::{
    self as pb, planning_service_client::PlanningServiceClient,
    product_service_client::ProductServiceClient,
};
use glocal::api::pb::google::r#type::Date;
use prost_types::FieldMask;
use tonic::{transport::Channel, Code};

async fn setup(
    server: &TestServer,
) -> (
    ProductServiceClient<Channel>,
    PlanningServiceClient<Channel>,
) {
    let mut m = server.markets().await;
    for (id, country, locales) in [
        ("de", "DE", vec!["de-DE"]),
        ("ca", "CA", vec!["en-CA", "fr-CA"]),
    ] {
        m.create_market(pb::CreateMarketRequest {
            market_id: id.into(),
            market: Some(pb::Market {
                country: country.into(),
                currency: if country == "DE" {
                    "EUR".into()
                } else {
                    "CAD".into()
                },
                storefront_locales: locales.into_iter().map(String::from).collect(),
                ..Default::default()
            }),
        })
        .await
        .unwrap();
    }
    m.create_requirement(pb::CreateRequirementRequest {
        requirement_id: "imprint".into(),
        requirement: Some(pb::Requirement {
            jurisdiction: Some(pb::Jurisdiction {
                place: Some(pb::jurisdiction::Place::Country("DE".into())),
            }),
            kind: pb::RequirementKind::ConsumerInfo as i32,
            summary: "Imprint".into(),
            ..Default::default()
        }),
    })
    .await
    .unwrap();
    let mut p = server.products().await;
    p.create_product(pb::CreateProductRequest {
        product_id: "kettle".into(),
        product: Some(pb::Product {
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
            markets: vec!["markets/de".into()],
            ..Default::default()
        }),
    })
    .await
    .unwrap();
    (p, PlanningServiceClient::new(server.channel().await))
}

fn file(path: &str, content: &str) -> pb::FileContent {
    pb::FileContent {
        path: path.into(),
        content: content.into(),
    }
}

#[tokio::test]
async fn bundle_files_are_indexed_merged_replaced_and_validated() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let (mut p, _) = setup(&server).await;
    let write =
        |name: &str, files: Vec<pb::FileContent>, replace: bool| pb::WriteBundleFilesRequest {
            name: name.into(),
            files,
            replace,
            etag: String::new(),
        };
    let b = p
        .write_bundle_files(write(
            "products/kettle/bundles/fr-ca",
            vec![
                file(
                    "main.ftl",
                    "hello = Bonjour { $name }\n    .title = Salut\n-brand = Bouilloire\n",
                ),
                file("shop/cart.ftl", "cart = Panier\nhello = Encore\n"),
            ],
            false,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        b.name, "products/kettle/bundles/fr-CA",
        "the locale is canonical"
    );
    assert_eq!(b.locale, "fr-CA");
    // The product's scope is FILE (the default): shop/cart.ftl's hello is a
    // message of its own, no duplicate.
    let stats = b.stats.unwrap();
    assert_eq!(
        (stats.files, stats.messages, stats.terms, stats.attributes),
        (2, 3, 1, 1)
    );
    assert!(b.diagnostics.is_empty(), "{:?}", b.diagnostics);

    // Under BUNDLE scope the same files are one namespace: hello is counted
    // once and defined again in shop/cart.ftl.
    p.update_product(pb::UpdateProductRequest {
        product: Some(pb::Product {
            name: "products/kettle".into(),
            message_scope: pb::MessageScope::Bundle as i32,
            ..Default::default()
        }),
        update_mask: Some(prost_types::FieldMask {
            paths: vec!["message_scope".into()],
        }),
    })
    .await
    .unwrap();
    let b = p
        .write_bundle_files(write(
            "products/kettle/bundles/fr-CA",
            vec![
                file(
                    "main.ftl",
                    "hello = Bonjour { $name }\n    .title = Salut\n-brand = Bouilloire\n",
                ),
                file("shop/cart.ftl", "cart = Panier\nhello = Encore\n"),
            ],
            true,
        ))
        .await
        .unwrap()
        .into_inner();
    let stats = b.stats.unwrap();
    assert_eq!(
        (stats.files, stats.messages, stats.terms, stats.attributes),
        (2, 2, 1, 1)
    );
    let across = &b.diagnostics[0];
    assert_eq!(
        across.kind,
        pb::DiagnosticKind::DuplicateIdAcrossFiles as i32
    );
    assert_eq!(
        (across.file.as_str(), across.line, across.column),
        ("shop/cart.ftl", 2, 1)
    );

    // Merge by path: a new file is added, the others stay.
    let b2 = p
        .write_bundle_files(write(
            "products/kettle/bundles/fr-CA",
            vec![file("extra.ftl", "bye = Au revoir\n")],
            false,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(b2.files.len(), 3);
    assert_ne!(b2.etag, b.etag);
    // A stale etag is refused.
    let err = p
        .write_bundle_files(pb::WriteBundleFilesRequest {
            etag: b.etag.clone(),
            ..write(
                "products/kettle/bundles/fr-CA",
                vec![file("x.ftl", "x = y\n")],
                false,
            )
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::Aborted, "ETAG_MISMATCH", None);
    // Replace: only the files sent remain.
    let b3 = p
        .write_bundle_files(write(
            "products/kettle/bundles/fr-CA",
            vec![file("main.ftl", "hello = Allô\n")],
            true,
        ))
        .await
        .unwrap()
        .into_inner();
    let paths: Vec<&str> = b3.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["main.ftl"]);
    assert!(b3.diagnostics.is_empty());
    let text = p
        .read_bundle_file(pb::ReadBundleFileRequest {
            name: "products/kettle/bundles/fr-CA".into(),
            path: "main.ftl".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(text.content, "hello = Allô\n");
    let err = p
        .read_bundle_file(pb::ReadBundleFileRequest {
            name: "products/kettle/bundles/fr-CA".into(),
            path: "extra.ftl".into(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);

    // A syntax error is stored and reported with its position; valid entries count.
    let b4 = p
        .write_bundle_files(write(
            "products/kettle/bundles/de",
            vec![file("a.ftl", "ok = Gut\nbad = { ?\nfine = Fein\n")],
            false,
        ))
        .await
        .unwrap()
        .into_inner();
    let d = &b4.diagnostics[0];
    assert_eq!(
        (d.kind, d.file.as_str(), d.line),
        (pb::DiagnosticKind::SyntaxError as i32, "a.ftl", 2)
    );
    assert!(d.column > 1 && !d.message.is_empty(), "{d:?}");
    assert_eq!(b4.stats.unwrap().messages, 2);

    // Validation and limits.
    let cases: Vec<(pb::WriteBundleFilesRequest, &str)> = vec![
        (
            write(
                "products/kettle/bundles/fr_CA",
                vec![file("a.ftl", "")],
                false,
            ),
            "name",
        ),
        (
            write(
                "products/kettle/bundles/fr",
                vec![file("/abs.ftl", "")],
                false,
            ),
            "files[0].path",
        ),
        (
            write(
                "products/kettle/bundles/fr",
                vec![file("a/../b.ftl", "")],
                false,
            ),
            "files[0].path",
        ),
        (
            write("products/kettle/bundles/fr", vec![file("a.txt", "")], false),
            "files[0].path",
        ),
        (
            write(
                "products/kettle/bundles/fr",
                vec![file("a.ftl", ""), file("a.ftl", "")],
                false,
            ),
            "files[1].path",
        ),
        (
            write(
                "products/kettle/bundles/fr",
                vec![file("big.ftl", &"x".repeat(1024 * 1024 + 1))],
                false,
            ),
            "files[0].content",
        ),
        (write("products/kettle/bundles/fr", vec![], false), "files"),
    ];
    for (req, field) in cases {
        let err = p.write_bundle_files(req).await.unwrap_err();
        assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some(field));
    }
    let err = p
        .write_bundle_files(write(
            "products/teapot/bundles/fr",
            vec![file("a.ftl", "a = b\n")],
            false,
        ))
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);

    let list = p
        .list_bundles(pb::ListBundlesRequest {
            parent: "products/kettle".into(),
            page_size: 1,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!((list.bundles.len(), list.total_size), (1, 2));
    assert!(!list.next_page_token.is_empty());
    let got = p
        .get_bundle(pb::GetBundleRequest {
            name: "products/kettle/bundles/de".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(got, b4);

    // A product with bundles is deleted only with force; delete a bundle on its own.
    let err = p
        .delete_product(pb::DeleteProductRequest {
            name: "products/kettle".into(),
            etag: String::new(),
            force: false,
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::FailedPrecondition, "RESOURCE_IN_USE", None);
    p.delete_bundle(pb::DeleteBundleRequest {
        name: "products/kettle/bundles/de".into(),
        etag: got.etag,
    })
    .await
    .unwrap();
    let err = p
        .get_bundle(pb::GetBundleRequest {
            name: "products/kettle/bundles/de".into(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    p.delete_product(pb::DeleteProductRequest {
        name: "products/kettle".into(),
        etag: String::new(),
        force: true,
    })
    .await
    .unwrap();
    let err = p
        .get_bundle(pb::GetBundleRequest {
            name: "products/kettle/bundles/fr-CA".into(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    server.stop().await;
}

fn date(y: i32, m: i32, d: i32) -> Option<Date> {
    Some(Date {
        year: y,
        month: m,
        day: d,
    })
}

fn launch(market: &str, phases: &[(pb::LaunchPhase, Option<Date>)]) -> pb::Launch {
    pb::Launch {
        market: market.into(),
        variant: "products/kettle/variants/eu".into(),
        phases: phases
            .iter()
            .map(|(p, d)| pb::PhaseDate {
                phase: *p as i32,
                date: *d,
            })
            .collect(),
        ..Default::default()
    }
}

#[tokio::test]
async fn launches_are_validated_against_markets_and_variants() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let (_, mut planning) = setup(&server).await;
    use pb::LaunchPhase::{Beta, Ga};
    let create = |id: &str, l: pb::Launch| pb::CreateLaunchRequest {
        parent: "products/kettle".into(),
        launch_id: id.into(),
        launch: Some(l),
    };
    let de = planning
        .create_launch(create(
            "de-2027",
            launch(
                "markets/de",
                &[(Beta, date(2027, 2, 1)), (Ga, date(2027, 3, 1))],
            ),
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(de.name, "products/kettle/launches/de-2027");
    assert_eq!(de.status, pb::LaunchStatus::Planned as i32);
    assert_eq!(
        planning
            .get_launch(pb::GetLaunchRequest {
                name: de.name.clone()
            })
            .await
            .unwrap()
            .into_inner(),
        de
    );

    let cases: Vec<(pb::Launch, &str, &str)> = vec![
        (
            launch("markets/ca", &[(Ga, date(2027, 3, 1))]),
            "launch.market",
            "not sold in markets/ca",
        ),
        (
            launch("markets/fr", &[(Ga, date(2027, 3, 1))]),
            "launch.market",
            "does not exist",
        ),
        (
            launch(
                "markets/de",
                &[(Beta, date(2027, 4, 1)), (Ga, date(2027, 3, 1))],
            ),
            "launch.phases[1].date",
            "before",
        ),
        (
            launch(
                "markets/de",
                &[(Ga, date(2027, 3, 1)), (Ga, date(2027, 4, 1))],
            ),
            "launch.phases[1].phase",
            "twice",
        ),
        (launch("markets/de", &[]), "launch.phases", "at least one"),
        (
            launch("markets/de", &[(Ga, date(2027, 2, 30))]),
            "launch.phases[0].date",
            "calendar date",
        ),
        (
            pb::Launch {
                variant: "products/kettle/variants/us".into(),
                ..launch("markets/de", &[(Ga, date(2027, 3, 1))])
            },
            "launch.variant",
            "does not exist",
        ),
        (
            pb::Launch {
                variant: "products/mug/variants/eu".into(),
                ..launch("markets/de", &[(Ga, date(2027, 3, 1))])
            },
            "launch.variant",
            "not a variant of products/kettle",
        ),
    ];
    for (l, field, needle) in cases {
        let err = planning.create_launch(create("bad", l)).await.unwrap_err();
        let d = assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some(field));
        assert!(d.contains(needle), "{field}: {d}");
    }
    let err = planning
        .create_launch(create(
            "de-2027",
            launch("markets/de", &[(Ga, date(2027, 3, 1))]),
        ))
        .await
        .unwrap_err();
    assert_error(&err, Code::AlreadyExists, "RESOURCE_ALREADY_EXISTS", None);

    let updated = planning
        .update_launch(pb::UpdateLaunchRequest {
            launch: Some(pb::Launch {
                name: de.name.clone(),
                etag: de.etag.clone(),
                status: pb::LaunchStatus::Paused as i32,
                ..Default::default()
            }),
            update_mask: Some(FieldMask {
                paths: vec!["status".into()],
            }),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (updated.status, updated.phases.len()),
        (pb::LaunchStatus::Paused as i32, 2)
    );
    let list = planning
        .list_launches(pb::ListLaunchesRequest {
            parent: "products/kettle".into(),
            market: "markets/de".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(list.launches.len(), 1);

    // A launched variant and market cannot be deleted from under the launch.
    let mut p = server.products().await;
    let err = p
        .delete_variant(pb::DeleteVariantRequest {
            name: "products/kettle/variants/eu".into(),
            etag: String::new(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::FailedPrecondition, "RESOURCE_IN_USE", None);
    planning
        .delete_launch(pb::DeleteLaunchRequest {
            name: de.name.clone(),
            etag: updated.etag,
        })
        .await
        .unwrap();
    p.delete_variant(pb::DeleteVariantRequest {
        name: "products/kettle/variants/eu".into(),
        etag: String::new(),
    })
    .await
    .unwrap();
    server.stop().await;
}

fn roadmap() -> pb::Roadmap {
    pb::Roadmap {
        display_name: "2027 H1".into(),
        items: vec![pb::RoadmapItem {
            id: "checkout".into(),
            title: "New checkout".into(),
            messages: vec!["checkout-*".into(), "shop/cart.ftl".into(), "hello".into()],
            target_date: date(2027, 3, 1),
            markets: vec!["markets/de".into()],
            waivers: vec![pb::Waiver {
                requirement: "requirements/imprint".into(),
                reason: "Legal review pending".into(),
                approver: "pm@example.com".into(),
                expiry: date(2027, 6, 30),
            }],
        }],
        ..Default::default()
    }
}

#[tokio::test]
async fn roadmaps_and_whole_plans() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let (_, mut planning) = setup(&server).await;
    let create = |id: &str, r: pb::Roadmap| pb::CreateRoadmapRequest {
        parent: "products/kettle".into(),
        roadmap_id: id.into(),
        roadmap: Some(r),
    };
    let h1 = planning
        .create_roadmap(create("h1", roadmap()))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        planning
            .get_roadmap(pb::GetRoadmapRequest {
                name: h1.name.clone()
            })
            .await
            .unwrap()
            .into_inner(),
        h1
    );

    let mut bad = roadmap();
    bad.items[0].markets = vec!["markets/fr".into()];
    let err = planning
        .create_roadmap(create("bad", bad))
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("roadmap.items[0].markets[0]"),
    );
    let mut bad = roadmap();
    bad.items[0].waivers[0].requirement = "requirements/nope".into();
    let err = planning
        .create_roadmap(create("bad", bad))
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("roadmap.items[0].waivers[0].requirement"),
    );
    let mut bad = roadmap();
    bad.items[0].messages = vec!["../up.ftl".into()];
    bad.items[0].waivers[0].approver.clear();
    let err = planning
        .create_roadmap(create("bad", bad))
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("roadmap.items[0].messages[0]"),
    );
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("roadmap.items[0].waivers[0].approver"),
    );

    let renamed = planning
        .update_roadmap(pb::UpdateRoadmapRequest {
            roadmap: Some(pb::Roadmap {
                name: h1.name.clone(),
                display_name: "H1".into(),
                ..Default::default()
            }),
            update_mask: None,
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (renamed.display_name.as_str(), renamed.items.len()),
        ("H1", 1)
    );
    let list = planning
        .list_roadmaps(pb::ListRoadmapsRequest {
            parent: "products/kettle".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(list.roadmaps.len(), 1);
    // The waived requirement cannot be deleted while the roadmap names it.
    let err = server
        .markets()
        .await
        .delete_requirement(pb::DeleteRequirementRequest {
            name: "requirements/imprint".into(),
            etag: String::new(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::FailedPrecondition, "RESOURCE_IN_USE", None);

    // Export, then import into an empty server, then export again: the same plan.
    planning
        .create_launch(pb::CreateLaunchRequest {
            parent: "products/kettle".into(),
            launch_id: "de".into(),
            launch: Some(launch(
                "markets/de",
                &[(pb::LaunchPhase::Ga, date(2027, 3, 1))],
            )),
        })
        .await
        .unwrap();
    let exported = planning
        .export_plan(pb::ExportPlanRequest {
            product: "products/kettle".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        exported.markets.len(),
        1,
        "only the markets the product uses"
    );
    assert_eq!(exported.requirements.len(), 1);
    assert!(
        exported.product.as_ref().unwrap().etag.is_empty(),
        "no output-only fields"
    );

    let other_dir = tempfile::tempdir().unwrap();
    let other = TestServer::start(other_dir.path()).await;
    let mut other_planning = PlanningServiceClient::new(other.channel().await);
    let check = other_planning
        .import_plan(pb::ImportPlanRequest {
            plan: Some(exported.clone()),
            validate_only: true,
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(check.created.len(), 6);
    let err = other_planning
        .export_plan(pb::ExportPlanRequest {
            product: "products/kettle".into(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    let imported = other_planning
        .import_plan(pb::ImportPlanRequest {
            plan: Some(exported.clone()),
            validate_only: false,
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(imported.created.len(), 6, "{imported:?}");
    let again = other_planning
        .export_plan(pb::ExportPlanRequest {
            product: "products/kettle".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(again, exported);
    let twice = other_planning
        .import_plan(pb::ImportPlanRequest {
            plan: Some(exported.clone()),
            validate_only: false,
        })
        .await
        .unwrap()
        .into_inner();
    assert!(
        twice.created.is_empty() && twice.updated.is_empty() && twice.unchanged.len() == 6,
        "{twice:?}"
    );

    // A plan with one bad entry changes nothing, and names every bad field.
    let mut broken = exported.clone();
    broken.product.as_mut().unwrap().display_name = "Changed".into();
    broken.markets[0].country = "ZZ".into();
    broken.launches[0].market = "markets/nowhere".into();
    let err = other_planning
        .import_plan(pb::ImportPlanRequest {
            plan: Some(broken),
            validate_only: false,
        })
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("plan.markets[0].country"),
    );
    let after = other_planning
        .export_plan(pb::ExportPlanRequest {
            product: "products/kettle".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(after, exported, "nothing changed");
    other.stop().await;
    server.stop().await;
}

#[tokio::test]
async fn bundle_limits_are_configurable_and_enforced() {
    let dir = tempfile::tempdir().unwrap();
    let config = glocal::api::ServeConfig {
        bundle_limits: glocal::api::BundleLimits {
            max_file_bytes: 64,
            max_files_per_request: 2,
            max_files_per_bundle: 3,
            max_stored_file_bytes: None,
        },
        max_request_bytes: 4096,
        ..Default::default()
    };
    let server = TestServer::start_with(dir.path(), config).await;
    let (mut p, _) = setup(&server).await;
    let write = |files: Vec<pb::FileContent>| pb::WriteBundleFilesRequest {
        name: "products/kettle/bundles/fr".into(),
        files,
        replace: false,
        etag: String::new(),
    };
    let err = p
        .write_bundle_files(write(vec![file(
            "a.ftl",
            &format!("a = {}\n", "x".repeat(80)),
        )]))
        .await
        .unwrap_err();
    let d = assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("files[0].content"),
    );
    assert!(d.contains("at most 64 bytes"), "{d}");
    let err = p
        .write_bundle_files(write(vec![
            file("a.ftl", "a = b\n"),
            file("b.ftl", "b = c\n"),
            file("c.ftl", "c = d\n"),
        ]))
        .await
        .unwrap_err();
    let d = assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("files"));
    assert!(d.contains("at most 2"), "{d}");
    let many: Vec<pb::FileContent> = (0..2)
        .map(|i| file(&format!("f{i}.ftl"), &"# comment\n".repeat(300)))
        .collect();
    let err = p.write_bundle_files(write(many)).await.unwrap_err();
    assert_eq!(err.code(), Code::OutOfRange, "{err:?}");
    assert!(
        err.message().contains("the limit is: 4096 bytes"),
        "{err:?}"
    );
    p.write_bundle_files(write(vec![file("a.ftl", "a = b\n")]))
        .await
        .unwrap();
    // The bundle holds at most 3 files, over all requests; rewriting a file
    // it holds does not count twice.
    p.write_bundle_files(write(vec![
        file("a.ftl", "a = c\n"),
        file("b.ftl", "b = c\n"),
    ]))
    .await
    .unwrap();
    p.write_bundle_files(write(vec![file("c.ftl", "c = d\n")]))
        .await
        .unwrap();
    let err = p
        .write_bundle_files(write(vec![file("d.ftl", "d = e\n")]))
        .await
        .unwrap_err();
    let d = assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("files"));
    assert_eq!(
        d,
        "would leave 4 files in the bundle; a bundle holds at most 3"
    );
    // Replacing the bundle with fewer files is accepted.
    let mut replace = write(vec![file("d.ftl", "d = e\n")]);
    replace.replace = true;
    let bundle = p.write_bundle_files(replace).await.unwrap().into_inner();
    assert_eq!(bundle.files.len(), 1, "{bundle:?}");

    let mut planning = PlanningServiceClient::new(server.channel().await);
    let r = planning
        .create_roadmap(pb::CreateRoadmapRequest {
            parent: "products/kettle".into(),
            roadmap_id: "h2".into(),
            roadmap: Some(roadmap()),
        })
        .await
        .unwrap()
        .into_inner();
    let err = planning
        .delete_roadmap(pb::DeleteRoadmapRequest {
            name: r.name.clone(),
            etag: "stale".into(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::Aborted, "ETAG_MISMATCH", None);
    planning
        .delete_roadmap(pb::DeleteRoadmapRequest {
            name: r.name.clone(),
            etag: r.etag,
        })
        .await
        .unwrap();
    let err = planning
        .get_roadmap(pb::GetRoadmapRequest { name: r.name })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    server.stop().await;
}
