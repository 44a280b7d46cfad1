//! MarketService over a real server: markets, requirements, the preset.

mod common;

use common::{assert_error, TestServer};
use glocal::api::pb::glocal::v1::{self as pb, jurisdiction::Place};
use glocal::api::pb::google::r#type::Date;
use prost_types::FieldMask;
use tonic::Code;

fn market(country: &str, locales: &[&str]) -> pb::Market {
    pb::Market {
        display_name: format!("Shop {country}"),
        country: country.into(),
        currency: "EUR".into(),
        storefront_locales: locales.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

fn create(id: &str, market: pb::Market) -> pb::CreateMarketRequest {
    pb::CreateMarketRequest {
        market_id: id.into(),
        market: Some(market),
    }
}

fn mask(paths: &[&str]) -> Option<FieldMask> {
    Some(FieldMask {
        paths: paths.iter().map(|s| s.to_string()).collect(),
    })
}

#[tokio::test]
async fn market_crud_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let mut c = server.markets().await;

    let fi = c
        .create_market(create("shop-fi", market("FI", &["fi-FI", "sv-FI"])))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(fi.name, "markets/shop-fi");
    assert_eq!(
        fi.default_locale, "fi-FI",
        "defaults to the first storefront locale"
    );
    assert!(!fi.etag.is_empty() && fi.create_time.is_some() && fi.update_time.is_some());

    let got = c
        .get_market(pb::GetMarketRequest {
            name: "markets/shop-fi".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(got, fi);

    // Each invalid field is reported as a BadRequest violation naming it.
    let cases: Vec<(&str, pb::Market, &str, &str)> = vec![
        (
            "zz",
            market("ZZ", &["en-GB"]),
            "market.country",
            "not an assigned",
        ),
        (
            "usa",
            market("USA", &["en-US"]),
            "market.country",
            "alpha-2 code of USA is US",
        ),
        (
            "sub",
            pb::Market {
                subdivisions: vec!["FR-IDF".into()],
                ..market("BE", &["fr-BE"])
            },
            "market.subdivisions[0]",
            "not of the market's country",
        ),
        (
            "subfmt",
            pb::Market {
                subdivisions: vec!["QC".into()],
                ..market("CA", &["fr-CA"])
            },
            "market.subdivisions[0]",
            "CC-XXX",
        ),
        (
            "bcp",
            market("FR", &["fr_FR"]),
            "market.storefront_locales[0]",
            "hyphens",
        ),
        (
            "bcp2",
            market("FR", &["fr-FRANCE-"]),
            "market.storefront_locales[0]",
            "well-formed",
        ),
        (
            "default",
            pb::Market {
                default_locale: "de-DE".into(),
                ..market("FR", &["fr-FR"])
            },
            "market.default_locale",
            "not one of the storefront locales",
        ),
        (
            "bloc",
            pb::Market {
                blocs: vec!["GCC".into()],
                ..market("FR", &["fr-FR"])
            },
            "market.blocs[0]",
            "not a member",
        ),
        (
            "cur",
            pb::Market {
                currency: "EURO".into(),
                ..market("FR", &["fr-FR"])
            },
            "market.currency",
            "ISO 4217",
        ),
    ];
    for (id, m, field, needle) in cases {
        let err = c.create_market(create(id, m)).await.unwrap_err();
        let desc = assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some(field));
        assert!(desc.contains(needle), "{field}: {desc}");
    }
    let err = c
        .create_market(create("Shop_FI", market("FI", &["fi-FI"])))
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("market_id"),
    );
    let err = c
        .create_market(pb::CreateMarketRequest {
            market_id: "x".into(),
            market: None,
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("market"));

    let err = c
        .create_market(create("shop-fi", market("FI", &["fi-FI"])))
        .await
        .unwrap_err();
    assert_error(&err, Code::AlreadyExists, "RESOURCE_ALREADY_EXISTS", None);
    let err = c
        .get_market(pb::GetMarketRequest {
            name: "markets/nowhere".into(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    let err = c
        .get_market(pb::GetMarketRequest {
            name: "market/shop-fi".into(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("name"));

    // Update with the current etag succeeds; a stale etag is ABORTED.
    let updated = c
        .update_market(pb::UpdateMarketRequest {
            market: Some(pb::Market {
                name: fi.name.clone(),
                etag: fi.etag.clone(),
                display_name: "Suomi".into(),
                ..Default::default()
            }),
            update_mask: mask(&["display_name"]),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(updated.display_name, "Suomi");
    assert_eq!(
        updated.storefront_locales, fi.storefront_locales,
        "fields outside the mask are kept"
    );
    assert_ne!(updated.etag, fi.etag);
    assert_eq!(updated.create_time, fi.create_time);
    let err = c
        .update_market(pb::UpdateMarketRequest {
            market: Some(pb::Market {
                name: fi.name.clone(),
                etag: fi.etag.clone(),
                display_name: "Stale".into(),
                ..Default::default()
            }),
            update_mask: mask(&["display_name"]),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::Aborted, "ETAG_MISMATCH", None);
    let err = c
        .delete_market(pb::DeleteMarketRequest {
            name: fi.name.clone(),
            etag: fi.etag.clone(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::Aborted, "ETAG_MISMATCH", None);

    // An update that makes the market invalid is rejected, naming the field.
    let err = c
        .update_market(pb::UpdateMarketRequest {
            market: Some(pb::Market {
                name: fi.name.clone(),
                default_locale: "en-GB".into(),
                ..Default::default()
            }),
            update_mask: mask(&["default_locale"]),
        })
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("market.default_locale"),
    );
    let err = c
        .update_market(pb::UpdateMarketRequest {
            market: Some(pb::Market {
                name: "markets/nowhere".into(),
                ..Default::default()
            }),
            update_mask: None,
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);

    c.delete_market(pb::DeleteMarketRequest {
        name: fi.name.clone(),
        etag: updated.etag.clone(),
    })
    .await
    .unwrap();
    let err = c
        .delete_market(pb::DeleteMarketRequest {
            name: fi.name.clone(),
            etag: String::new(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    server.stop().await;
}

#[tokio::test]
async fn update_mask_semantics() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let mut c = server.markets().await;
    let base = pb::Market {
        subdivisions: vec!["CA-QC".into()],
        external_ids: [("erp".to_string(), "42".to_string())].into(),
        currency: "CAD".into(),
        ..market("CA", &["en-CA", "fr-CA"])
    };
    c.create_market(create("ca", base.clone())).await.unwrap();
    let update = |m: pb::Market, paths: Option<&[&str]>| pb::UpdateMarketRequest {
        market: Some(pb::Market {
            name: "markets/ca".into(),
            ..m
        }),
        update_mask: paths.map(|p| FieldMask {
            paths: p.iter().map(|s| s.to_string()).collect(),
        }),
    };

    // No mask: every field the request sets, and only those.
    let m = c
        .update_market(update(
            pb::Market {
                display_name: "Canada".into(),
                ..Default::default()
            },
            None,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (
            m.display_name.as_str(),
            m.subdivisions.len(),
            m.external_ids.len()
        ),
        ("Canada", 1, 1)
    );

    // A named field is replaced, even with an empty value (clears it).
    let m = c
        .update_market(update(
            pb::Market::default(),
            Some(&["subdivisions", "external_ids"]),
        ))
        .await
        .unwrap()
        .into_inner();
    assert!(m.subdivisions.is_empty() && m.external_ids.is_empty());
    assert_eq!(m.display_name, "Canada");

    // Fields set in the request but outside the mask are ignored.
    let m = c
        .update_market(update(
            pb::Market {
                display_name: "Ignored".into(),
                currency: "USD".into(),
                ..Default::default()
            },
            Some(&["currency"]),
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (m.display_name.as_str(), m.currency.as_str()),
        ("Canada", "USD")
    );

    // "*" replaces every field: a full market is needed.
    let err = c
        .update_market(update(
            pb::Market {
                display_name: "Only".into(),
                ..Default::default()
            },
            Some(&["*"]),
        ))
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("market.country"),
    );
    let m = c
        .update_market(update(base.clone(), Some(&["*"])))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(m.subdivisions, base.subdivisions);

    // Output-only and unknown paths are rejected.
    let err = c
        .update_market(update(pb::Market::default(), Some(&["etag"])))
        .await
        .unwrap_err();
    let d = assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("update_mask.paths[0]"),
    );
    assert!(d.contains("output only"), "{d}");
    let err = c
        .update_market(update(
            pb::Market::default(),
            Some(&["display_name", "colour"]),
        ))
        .await
        .unwrap_err();
    let d = assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("update_mask.paths[1]"),
    );
    assert!(d.contains("not an updatable field"), "{d}");
    server.stop().await;
}

#[tokio::test]
async fn list_markets_pages_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let mut c = server.markets().await;
    let imported = c
        .import_market_preset(pb::ImportMarketPresetRequest {
            preset: "amazon-marketplaces".into(),
            skip_requirements: true,
        })
        .await
        .unwrap()
        .into_inner();
    let total = imported.created.len();
    assert!(total >= 22, "{total}");

    let mut seen = Vec::new();
    let mut token = String::new();
    let mut pages = 0;
    loop {
        let page = c
            .list_markets(pb::ListMarketsRequest {
                page_size: 5,
                page_token: token.clone(),
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        assert!(page.markets.len() <= 5);
        assert_eq!(page.total_size as usize, total);
        seen.extend(page.markets.into_iter().map(|m| m.name));
        pages += 1;
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert!(pages >= 5, "{pages} pages");
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, seen, "names come in order, without duplicates");
    assert_eq!(seen.len(), total);

    let eu = c
        .list_markets(pb::ListMarketsRequest {
            bloc: "EU".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let eu_names: Vec<&str> = eu.markets.iter().map(|m| m.name.as_str()).collect();
    assert!(
        eu_names.contains(&"markets/amazon-de") && !eu_names.contains(&"markets/amazon-co-uk"),
        "{eu_names:?}"
    );
    let ca = c
        .list_markets(pb::ListMarketsRequest {
            country: "ca".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(ca.markets.len(), 1);
    assert_eq!(ca.markets[0].name, "markets/amazon-ca");

    // A token is bound to the filters it was made for.
    let first = c
        .list_markets(pb::ListMarketsRequest {
            page_size: 2,
            bloc: "EU".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let err = c
        .list_markets(pb::ListMarketsRequest {
            page_size: 2,
            page_token: first.next_page_token,
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
        .list_markets(pb::ListMarketsRequest {
            page_token: "nonsense".into(),
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
        .list_markets(pb::ListMarketsRequest {
            bloc: "NAFTA".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("bloc"));
    let err = c
        .list_markets(pb::ListMarketsRequest {
            page_size: -1,
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("page_size"),
    );
    server.stop().await;
}

#[tokio::test]
async fn preset_import_is_idempotent_and_keeps_edits() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let mut c = server.markets().await;
    let req = pb::ImportMarketPresetRequest {
        preset: "amazon-marketplaces".into(),
        skip_requirements: false,
    };
    let first = c
        .import_market_preset(req.clone())
        .await
        .unwrap()
        .into_inner();
    assert!(first.created.contains(&"markets/amazon-co-uk".to_string()));
    assert!(first
        .created
        .contains(&"requirements/quebec-french-language".to_string()));
    assert!(first.unchanged.is_empty() && first.kept.is_empty());
    assert!(!first.preset_version.is_empty());
    let uk = c
        .get_market(pb::GetMarketRequest {
            name: "markets/amazon-co-uk".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(uk.country, "GB");
    assert_eq!(uk.external_ids["amazon_marketplace_id"], "A1F83G8C2ARO7P");

    c.update_market(pb::UpdateMarketRequest {
        market: Some(pb::Market {
            name: uk.name.clone(),
            display_name: "Our UK shop".into(),
            ..Default::default()
        }),
        update_mask: mask(&["display_name"]),
    })
    .await
    .unwrap();
    let second = c
        .import_market_preset(req.clone())
        .await
        .unwrap()
        .into_inner();
    assert!(second.created.is_empty(), "{:?}", second.created);
    assert_eq!(second.kept, vec!["markets/amazon-co-uk".to_string()]);
    assert_eq!(second.unchanged.len(), first.created.len() - 1);
    let uk = c
        .get_market(pb::GetMarketRequest {
            name: "markets/amazon-co-uk".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(uk.display_name, "Our UK shop", "the import keeps edits");

    let err = c
        .import_market_preset(pb::ImportMarketPresetRequest {
            preset: "ebay".into(),
            skip_requirements: false,
        })
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "UNKNOWN_PRESET",
        Some("preset"),
    );
    server.stop().await;
}

fn requirement(place: Place) -> pb::Requirement {
    pb::Requirement {
        jurisdiction: Some(pb::Jurisdiction { place: Some(place) }),
        kind: pb::RequirementKind::LegalLanguage as i32,
        summary: "Swedish alongside Finnish".into(),
        effective_from: Some(Date {
            year: 2027,
            month: 1,
            day: 1,
        }),
        locale_rules: vec![pb::LocaleRule {
            locale: "sv-FI".into(),
            obligation: pb::Obligation::Mandatory as i32,
            match_policy: pb::MatchPolicy::SameLanguage as i32,
            must_be_default: false,
        }],
        required_messages: vec!["safety-*".into()],
        ..Default::default()
    }
}

#[tokio::test]
async fn requirement_crud_errors_and_applicability() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let mut c = server.markets().await;
    c.import_market_preset(pb::ImportMarketPresetRequest {
        preset: "amazon-marketplaces".into(),
        skip_requirements: false,
    })
    .await
    .unwrap();

    let created = c
        .create_requirement(pb::CreateRequirementRequest {
            requirement_id: "fi-swedish".into(),
            requirement: Some(requirement(Place::Country("FI".into()))),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(created.name, "requirements/fi-swedish");
    let got = c
        .get_requirement(pb::GetRequirementRequest {
            name: created.name.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(got, created);

    let cases: Vec<(pb::Requirement, &str)> = vec![
        (
            requirement(Place::Country("ZZ".into())),
            "requirement.jurisdiction.country",
        ),
        (
            requirement(Place::Bloc("NAFTA".into())),
            "requirement.jurisdiction.bloc",
        ),
        (
            requirement(Place::Subdivision("Quebec".into())),
            "requirement.jurisdiction.subdivision",
        ),
        (
            pb::Requirement {
                jurisdiction: None,
                ..requirement(Place::Country("FI".into()))
            },
            "requirement.jurisdiction",
        ),
        (
            pb::Requirement {
                kind: 0,
                ..requirement(Place::Country("FI".into()))
            },
            "requirement.kind",
        ),
        (
            pb::Requirement {
                kind: 99,
                ..requirement(Place::Country("FI".into()))
            },
            "requirement.kind",
        ),
        (
            pb::Requirement {
                effective_until: Some(Date {
                    year: 2026,
                    month: 1,
                    day: 1,
                }),
                ..requirement(Place::Country("FI".into()))
            },
            "requirement.effective_until",
        ),
        (
            pb::Requirement {
                effective_from: Some(Date {
                    year: 2026,
                    month: 2,
                    day: 30,
                }),
                ..requirement(Place::Country("FI".into()))
            },
            "requirement.effective_from",
        ),
    ];
    for (r, field) in cases {
        let err = c
            .create_requirement(pb::CreateRequirementRequest {
                requirement_id: "bad".into(),
                requirement: Some(r),
            })
            .await
            .unwrap_err();
        assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some(field));
    }

    let listed = c
        .list_requirements(pb::ListRequirementsRequest {
            jurisdiction: "fi".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let names: Vec<&str> = listed
        .requirements
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "requirements/fi-swedish",
            "requirements/finland-finnish-swedish"
        ]
    );
    let privacy = c
        .list_requirements(pb::ListRequirementsRequest {
            kind: pb::RequirementKind::Privacy as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(privacy.requirements.len(), 1);

    // amazon-ca has the subdivision CA-QC: Quebec's rule applies; amazon-com does not.
    let applicable = |market: &str, y, m, d| pb::ListApplicableRequirementsRequest {
        market: market.into(),
        date: Some(Date {
            year: y,
            month: m,
            day: d,
        }),
        product_categories: vec![],
    };
    let ca = c
        .list_applicable_requirements(applicable("markets/amazon-ca", 2026, 6, 1))
        .await
        .unwrap()
        .into_inner();
    let ca_names: Vec<&str> = ca.requirements.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(ca_names, ["requirements/quebec-french-language"]);
    let de_2025 = c
        .list_applicable_requirements(applicable("markets/amazon-de", 2025, 6, 27))
        .await
        .unwrap()
        .into_inner();
    let de_later = c
        .list_applicable_requirements(applicable("markets/amazon-de", 2025, 6, 28))
        .await
        .unwrap()
        .into_inner();
    let names = |r: &pb::ListApplicableRequirementsResponse| {
        r.requirements
            .iter()
            .map(|r| r.name.clone())
            .collect::<Vec<_>>()
    };
    assert!(!names(&de_2025).contains(&"requirements/eu-accessibility-act".to_string()));
    assert!(
        names(&de_later).contains(&"requirements/eu-accessibility-act".to_string()),
        "in effect from 2025-06-28"
    );
    assert!(names(&de_later).contains(&"requirements/germany-impressum".to_string()));
    let today = c
        .list_applicable_requirements(pb::ListApplicableRequirementsRequest {
            market: "markets/amazon-fr".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(today.date.is_some(), "the evaluated date is echoed");
    let err = c
        .list_applicable_requirements(applicable("markets/nowhere", 2026, 1, 1))
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    let err = c
        .list_applicable_requirements(applicable("markets/amazon-ca", 2026, 13, 1))
        .await
        .unwrap_err();
    assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("date"));

    let updated = c
        .update_requirement(pb::UpdateRequirementRequest {
            requirement: Some(pb::Requirement {
                name: created.name.clone(),
                etag: created.etag.clone(),
                summary: "Changed".into(),
                ..Default::default()
            }),
            update_mask: mask(&["summary"]),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(updated.summary, "Changed");
    assert_eq!(updated.locale_rules, created.locale_rules);
    let err = c
        .delete_requirement(pb::DeleteRequirementRequest {
            name: created.name.clone(),
            etag: created.etag.clone(),
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::Aborted, "ETAG_MISMATCH", None);
    c.delete_requirement(pb::DeleteRequirementRequest {
        name: created.name.clone(),
        etag: updated.etag,
    })
    .await
    .unwrap();
    let err = c
        .get_requirement(pb::GetRequirementRequest { name: created.name })
        .await
        .unwrap_err();
    assert_error(&err, Code::NotFound, "RESOURCE_NOT_FOUND", None);
    server.stop().await;
}

/// A bad id does not hide the resource's own violations: CreateMarket reports
/// them all at once, id first (and a missing market with the id too).
#[tokio::test]
async fn create_reports_a_bad_id_with_the_resources_violations() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let mut c = server.markets().await;
    let fields = |status: &tonic::Status| -> Vec<String> {
        use tonic_types::StatusExt;
        status
            .get_error_details()
            .bad_request()
            .map(|b| b.field_violations.iter().map(|v| v.field.clone()).collect())
            .unwrap_or_default()
    };

    let err = c
        .create_market(create("Shop_FI", market("ZZ", &["fi-FI"])))
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("market_id"),
    );
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("market.country"),
    );
    assert_eq!(fields(&err), ["market_id", "market.country"]);

    let err = c
        .create_market(pb::CreateMarketRequest {
            market_id: "Shop_FI".into(),
            market: None,
        })
        .await
        .unwrap_err();
    assert_eq!(fields(&err), ["market_id", "market"]);

    // The same for the other creates with an id: a requirement.
    let err = c
        .create_requirement(pb::CreateRequirementRequest {
            requirement_id: "Bad Id".into(),
            requirement: None,
        })
        .await
        .unwrap_err();
    assert_eq!(fields(&err), ["requirement_id", "requirement"]);
    server.stop().await;
}
