//! One plan validator: a bad plan gets the same violations from ImportPlan
//! on a real server and from `glocal check --plan` on the real binary, which
//! checks it offline: the same fields, the same English descriptions, the
//! same texts in German.
//!
//! Each case is a plan file and the same plan as `pb::Plan`. The file goes
//! through `glocal import --validate-only` too, whose problems must be those
//! ImportPlan gives the `pb::Plan`: that shows the two are the same plan.
//! The server is empty, so it knows no more than the offline check does.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::TestServer;
use glocal::api::pb::glocal::v1::{self as pb, planning_service_client::PlanningServiceClient};
use glocal::api::pb::google::r#type::Date;
use tonic::Code;
use tonic_types::StatusExt;

/// A valid plan: one market, the product, a variant, a launch, a roadmap.
const BASE: &str = r#"[[market]]
id = "shop-fr"
country = "FR"
currency = "EUR"
storefront_locales = ["fr-FR"]

[product]
id = "lamp"
source_locale = "en-US"

[[variant]]
id = "eu"
markets = ["shop-fr"]

[[launch]]
id = "fr"
market = "shop-fr"
variant = "eu"
phases = [{ phase = "GA", date = 2030-03-01 }]

[[roadmap]]
id = "v1"

[[roadmap.item]]
id = "dimmer"
title = "Dimmer"
messages = ["dimmer-*"]
"#;

fn market(name: &str, country: &str, locale: &str) -> pb::Market {
    pb::Market {
        name: name.into(),
        country: country.into(),
        currency: "EUR".into(),
        storefront_locales: vec![locale.into()],
        ..Default::default()
    }
}

fn launch(id: &str, market: &str, day: i32) -> pb::Launch {
    pb::Launch {
        name: format!("products/lamp/launches/{id}"),
        market: market.into(),
        variant: "products/lamp/variants/eu".into(),
        phases: vec![pb::PhaseDate {
            phase: pb::LaunchPhase::Ga as i32,
            date: Some(Date {
                year: 2030,
                month: 3,
                day,
            }),
        }],
        ..Default::default()
    }
}

/// [`BASE`] as `ImportPlan` takes it.
fn base() -> pb::Plan {
    pb::Plan {
        market_preset: String::new(),
        markets: vec![market("markets/shop-fr", "FR", "fr-FR")],
        requirements: vec![],
        product: Some(pb::Product {
            name: "products/lamp".into(),
            source_locale: "en-US".into(),
            ..Default::default()
        }),
        variants: vec![pb::Variant {
            name: "products/lamp/variants/eu".into(),
            markets: vec!["markets/shop-fr".into()],
            ..Default::default()
        }],
        launches: vec![launch("fr", "markets/shop-fr", 1)],
        roadmaps: vec![pb::Roadmap {
            name: "products/lamp/roadmaps/v1".into(),
            items: vec![pb::RoadmapItem {
                id: "dimmer".into(),
                title: "Dimmer".into(),
                messages: vec!["dimmer-*".into()],
                ..Default::default()
            }],
            ..Default::default()
        }],
    }
}

/// [`BASE`] with `old` (which it must contain once) replaced by `new`.
fn edit(old: &str, new: &str) -> String {
    assert_eq!(BASE.matches(old).count(), 1, "{old:?}");
    BASE.replacen(old, new, 1)
}

/// A bad plan and what both ways of checking it must say.
struct Case {
    what: &'static str,
    toml: String,
    plan: pb::Plan,
    /// Every violation ImportPlan reports, in order: field, English
    /// description, German text.
    violations: Vec<(&'static str, &'static str, &'static str)>,
    /// The first violation's reason in English and German where the offline
    /// check words it otherwise: a missing reference, which it looked for in
    /// the plan and its market preset only.
    offline: Option<(&'static str, &'static str)>,
}

const BAD_ID_EN: &str = "is not a valid id: use lowercase letters, digits and hyphens, \
                         starting with a letter and not ending with a hyphen";
const BAD_ID_DE: &str = "ist keine gültige ID: Kleinbuchstaben, Ziffern und Bindestriche \
                         verwenden, mit einem Buchstaben beginnen und nicht mit einem Bindestrich enden";

/// The reasons of a name whose id `id` is invalid, in English and German
/// (leaked: a test lives briefly).
fn bad_id(name: &str, id: &str) -> (&'static str, &'static str) {
    let en = format!("in \"{name}\": id \"{id}\" {BAD_ID_EN}");
    let de = format!("im Namen \"{name}\": die ID \"{id}\" {BAD_ID_DE}");
    (en.leak(), de.leak())
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();

    let mut plan = base();
    plan.launches.push(launch("fr", "markets/shop-fr", 2));
    cases.push(Case {
        what: "a launch id given twice",
        toml: format!(
            "{BASE}\n[[launch]]\nid = \"fr\"\nmarket = \"shop-fr\"\nvariant = \"eu\"\n\
             phases = [{{ phase = \"GA\", date = 2030-03-02 }}]\n"
        ),
        plan,
        violations: vec![(
            "plan.launches[1].name",
            "products/lamp/launches/fr appears twice in the plan",
            "products/lamp/launches/fr kommt im Plan zweimal vor",
        )],
        offline: None,
    });

    let mut plan = base();
    plan.markets.push(market("markets/Shop-DE", "DE", "de-DE"));
    let (en, de) = bad_id("markets/Shop-DE", "Shop-DE");
    cases.push(Case {
        what: "a market id that is not a resource id",
        toml: format!(
            "{BASE}\n[[market]]\nid = \"Shop-DE\"\ncountry = \"DE\"\ncurrency = \"EUR\"\n\
             storefront_locales = [\"de-DE\"]\n"
        ),
        plan,
        violations: vec![("plan.markets[1].name", en, de)],
        offline: None,
    });

    // A reference to an entry that is in the plan but invalid is not a
    // missing reference: the entry's own violation says what is wrong.
    let mut plan = base();
    plan.markets[0].country = "ZZ".into();
    cases.push(Case {
        what: "references to an invalid market",
        toml: edit("country = \"FR\"", "country = \"ZZ\""),
        plan,
        violations: vec![(
            "plan.markets[0].country",
            "\"ZZ\" is not an assigned ISO 3166-1 alpha-2 country code",
            "\"ZZ\" ist kein vergebener ISO-3166-1-Alpha-2-Ländercode",
        )],
        offline: None,
    });

    let mut plan = base();
    plan.variants[0].markets.push("markets/shop-fr".into());
    cases.push(Case {
        what: "a launch of an invalid variant",
        toml: edit(
            "markets = [\"shop-fr\"]",
            "markets = [\"shop-fr\", \"shop-fr\"]",
        ),
        plan,
        violations: vec![(
            "plan.variants[0].markets[1]",
            "markets/shop-fr is listed twice",
            "markets/shop-fr ist doppelt aufgeführt",
        )],
        offline: None,
    });

    // A roadmap's missing market is named at the item's field.
    let mut plan = base();
    plan.roadmaps[0].items[0].markets = vec!["markets/shop-fr".into(), "markets/nowhere".into()];
    cases.push(Case {
        what: "a roadmap item's market that is nowhere",
        toml: edit(
            "messages = [\"dimmer-*\"]",
            "messages = [\"dimmer-*\"]\nmarkets = [\"shop-fr\", \"nowhere\"]",
        ),
        plan,
        violations: vec![(
            "plan.roadmaps[0].items[0].markets[1]",
            "markets/nowhere is neither in the plan nor on the server",
            "markets/nowhere ist weder im Plan noch auf dem Server vorhanden",
        )],
        offline: Some((
            "markets/nowhere is neither in the plan nor in its market preset",
            "markets/nowhere ist weder im Plan noch in dessen Marktvorlage enthalten",
        )),
    });

    // A launch in a market that is nowhere is not also "not sold" there.
    let mut plan = base();
    plan.launches[0].market = "markets/nowhere".into();
    cases.push(Case {
        what: "a launch in a market that is nowhere",
        toml: edit("market = \"shop-fr\"", "market = \"nowhere\""),
        plan,
        violations: vec![(
            "plan.launches[0].market",
            "markets/nowhere is neither in the plan nor on the server",
            "markets/nowhere ist weder im Plan noch auf dem Server vorhanden",
        )],
        offline: Some((
            "markets/nowhere is neither in the plan nor in its market preset",
            "markets/nowhere ist weder im Plan noch in dessen Marktvorlage enthalten",
        )),
    });

    // A launch's locales must be storefront locales of its market (here a
    // market of the plan, so the offline check knows it too).
    let mut plan = base();
    plan.launches[0].locales = vec!["fr-FR".into(), "en-GB".into()];
    cases.push(Case {
        what: "a launch locale that is not a storefront locale of its market",
        toml: edit(
            "variant = \"eu\"\nphases",
            "variant = \"eu\"\nlocales = [\"fr-FR\", \"en-GB\"]\nphases",
        ),
        plan,
        violations: vec![(
            "plan.launches[0].locales[1]",
            "en-GB is not a storefront locale of markets/shop-fr [fr-FR]",
            "en-GB ist keine der Storefront-Locales von markets/shop-fr [fr-FR]",
        )],
        offline: None,
    });

    // With the product's name invalid, every entry is still checked on its
    // own, and the product's other fields are not (its name is reported).
    let mut plan = base();
    let product = plan.product.as_mut().unwrap();
    product.name = "products/Lamp".into();
    product.source_locale = "en_US".into();
    for v in &mut plan.variants {
        v.name = v.name.replace("/lamp/", "/Lamp/");
    }
    for l in &mut plan.launches {
        l.name = l.name.replace("/lamp/", "/Lamp/");
        l.variant = l.variant.replace("/lamp/", "/Lamp/");
    }
    for r in &mut plan.roadmaps {
        r.name = r.name.replace("/lamp/", "/Lamp/");
    }
    let product = bad_id("products/Lamp", "Lamp");
    let variant = bad_id("products/Lamp/variants/eu", "Lamp");
    let launch_name = bad_id("products/Lamp/launches/fr", "Lamp");
    let roadmap = bad_id("products/Lamp/roadmaps/v1", "Lamp");
    cases.push(Case {
        what: "a product id that is not a resource id",
        toml: edit(
            "id = \"lamp\"\nsource_locale = \"en-US\"",
            "id = \"Lamp\"\nsource_locale = \"en_US\"",
        ),
        plan,
        violations: vec![
            ("plan.product.name", product.0, product.1),
            ("plan.variants[0].name", variant.0, variant.1),
            ("plan.launches[0].name", launch_name.0, launch_name.1),
            ("plan.roadmaps[0].name", roadmap.0, roadmap.1),
        ],
        offline: None,
    });

    // Violations come in the same order, so the error line shows the same
    // first one: the entries' own, then the missing references. (The
    // invalid roadmap's references are not checked.)
    let mut plan = base();
    plan.markets.push(market("markets/shop-de", "DE", "de-DE"));
    plan.launches[0].market = "markets/shop-de".into();
    plan.variants[0].markets.push("markets/nowhere".into());
    plan.roadmaps[0].items[0].messages = vec!["not a selector".into()];
    cases.push(Case {
        what: "a missing reference, a launch where its variant is not sold, a bad selector",
        toml: edit("market = \"shop-fr\"", "market = \"shop-de\"")
            .replace("[\"dimmer-*\"]", "[\"not a selector\"]")
            .replace("[\"shop-fr\"]", "[\"shop-fr\", \"nowhere\"]")
            + "\n[[market]]\nid = \"shop-de\"\ncountry = \"DE\"\ncurrency = \"EUR\"\n\
               storefront_locales = [\"de-DE\"]\n",
        plan,
        violations: vec![
            (
                "plan.launches[0].market",
                "products/lamp/variants/eu is not sold in markets/shop-de; add the market \
                 to the variant first",
                "products/lamp/variants/eu wird in markets/shop-de nicht verkauft; zuerst den \
                 Markt zur Variante hinzufügen",
            ),
            (
                "plan.roadmaps[0].items[0].messages[0]",
                "\"not a selector\" is not a Fluent message id or id pattern (such as \
                 \"imprint-address\" or \"imprint-*\"); a file is named by its path, such as \
                 \"checkout/cart.ftl\"",
                "\"not a selector\" ist keine Fluent-Nachrichten-ID und kein ID-Muster (etwa \
                 \"imprint-address\" oder \"imprint-*\"); eine Datei wird über ihren Pfad \
                 angegeben, etwa \"checkout/cart.ftl\"",
            ),
            (
                "plan.variants[0].markets[1]",
                "markets/nowhere is neither in the plan nor on the server",
                "markets/nowhere ist weder im Plan noch auf dem Server vorhanden",
            ),
        ],
        offline: None,
    });

    cases
}

fn glocal(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glocal"))
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("GLOCAL_LOG", "warn")
        .output()
        .expect("run glocal")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The problems `glocal import` printed: (`LINE:COLUMN`, message) of each
/// `FILE:LINE:COLUMN: message` line.
fn import_problems(file: &str, out: &Output) -> Vec<(String, String)> {
    stderr(out)
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("{file}:")))
        .map(|rest| {
            let mut parts = rest.splitn(3, ':');
            let (line, column, message) = (
                parts.next().unwrap(),
                parts.next().unwrap(),
                parts.next().unwrap(),
            );
            (format!("{line}:{column}"), message.trim_start().to_string())
        })
        .collect()
}

fn more(n: usize, one: &str, other: &str) -> String {
    match n {
        0 => String::new(),
        1 => format!(" ({one})"),
        n => format!(" ({})", other.replace("{n}", &n.to_string())),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn import_plan_and_check_plan_report_the_same_violations() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path()).await;
    let url = format!("http://{}", server.addr);
    let mut planning = PlanningServiceClient::new(server.channel().await);
    let work = tempfile::tempdir().unwrap();

    // The base plan is valid: the server accepts it, and the offline check
    // gets past validation to the missing [product.fluent] table.
    std::fs::write(work.path().join("base.toml"), BASE).unwrap();
    planning
        .import_plan(pb::ImportPlanRequest {
            plan: Some(base()),
            validate_only: true,
        })
        .await
        .expect("the base plan is valid");
    let out = glocal(work.path(), &["check", "--plan", "base.toml"]);
    assert_eq!(
        stderr(&out),
        "error: base.toml: the plan does not say where its Fluent files are; add a \
         [product.fluent] table with directory and layout (such as directory = \"locales\", \
         layout = \"{locale}/**/*.ftl\")\n"
    );

    let mut failures = Vec::new();
    for (i, case) in cases().into_iter().enumerate() {
        let file = format!("case-{i}.toml");
        std::fs::write(work.path().join(&file), &case.toml).unwrap();

        // ImportPlan, in German.
        let mut request = tonic::Request::new(pb::ImportPlanRequest {
            plan: Some(case.plan.clone()),
            validate_only: false,
        });
        request
            .metadata_mut()
            .insert("accept-language", "de".parse().unwrap());
        let status = planning.import_plan(request).await.unwrap_err();
        assert_eq!(
            status.code(),
            Code::InvalidArgument,
            "{}: {status:?}",
            case.what
        );
        let details = status.get_error_details();
        assert_eq!(details.error_info().unwrap().reason, "INVALID_FIELD");
        let got: Vec<(String, String, String)> = details
            .bad_request()
            .unwrap()
            .field_violations
            .iter()
            .map(|v| {
                let localized = v.localized_message.as_ref().unwrap_or_else(|| {
                    panic!("{}: {} has no localized message", case.what, v.field)
                });
                assert_eq!(localized.locale, "de");
                (
                    v.field.clone(),
                    v.description.clone(),
                    localized.message.clone(),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = case
            .violations
            .iter()
            .map(|(f, en, de)| (f.to_string(), en.to_string(), de.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{}: ImportPlan gave {got:#?}", case.what));
        }

        // The same file through `glocal import`: the same violations, so
        // the file is the plan above.
        let out = tokio::task::spawn_blocking({
            let (dir, file, url) = (work.path().to_path_buf(), file.clone(), url.clone());
            move || {
                glocal(
                    &dir,
                    &["import", &file, "--server", &url, "--validate-only"],
                )
            }
        })
        .await
        .unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}: {}",
            case.what,
            stderr(&out)
        );
        let problems = import_problems(&file, &out);
        let messages: Vec<String> = problems.iter().map(|(_, m)| m.clone()).collect();
        let from_server: Vec<String> = got.iter().map(|(f, en, _)| format!("{f}: {en}")).collect();
        assert_eq!(
            messages, from_server,
            "{}: the file is not the plan",
            case.what
        );
        let position = &problems[0].0;

        // `glocal check --plan`, offline, in English and in German.
        let (field, en, de) = case.violations[0];
        let (en, de) = case.offline.unwrap_or((en, de));
        let n = want.len() - 1;
        let expected_en = format!(
            "error: {file}:{position}: {field}: {en}{}\n",
            more(n, "and 1 more problem", "and {n} more problems")
        );
        let expected_de = format!(
            "Fehler: {file}:{position}: {field}: {de}{}\n",
            more(n, "und 1 weiteres Problem", "und {n} weitere Probleme")
        );
        for (args, expected) in [
            (vec!["check", "--plan", &file], expected_en),
            (vec!["check", "--lang", "de", "--plan", &file], expected_de),
        ] {
            let out = glocal(work.path(), &args);
            if out.status.code() != Some(2) || stderr(&out) != expected {
                failures.push(format!(
                    "{}: {args:?} exited {:?} with\n  {:?}\nnot\n  {expected:?}",
                    case.what,
                    out.status.code(),
                    stderr(&out)
                ));
            }
        }
    }
    server.stop().await;
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A plan no file can hold (file entries are always the product's): a
/// launch of another product, and no product name at all. The offline
/// validation, called directly, says what ImportPlan says.
#[tokio::test]
async fn entries_of_no_file_get_the_same_violations_too() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path()).await;
    let mut planning = PlanningServiceClient::new(server.channel().await);
    let mut other = base();
    other.launches[0].name = "products/kettle/launches/fr".into();
    let mut nameless = base();
    nameless.product.as_mut().unwrap().name.clear();
    for (plan, want) in [
        (
            other,
            vec![(
                "plan.launches[0].name",
                "products/kettle/launches/fr does not belong to the plan's product products/lamp",
            )],
        ),
        (
            nameless,
            vec![(
                "plan.product.name",
                "is required: a plan describes one product",
            )],
        ),
    ] {
        let status = planning
            .import_plan(pb::ImportPlanRequest {
                plan: Some(plan.clone()),
                validate_only: true,
            })
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
        let online: Vec<(String, String)> = status
            .get_error_details()
            .bad_request()
            .unwrap()
            .field_violations
            .iter()
            .map(|v| (v.field.clone(), v.description.clone()))
            .collect();
        let Ok(result) = glocal::api::validate_plan(plan, &glocal::api::Offline);
        let offline: Vec<(String, String)> = result
            .unwrap_err()
            .list()
            .iter()
            .map(|v| (v.field.clone(), v.description.clone()))
            .collect();
        let want: Vec<(String, String)> = want
            .into_iter()
            .map(|(f, d)| (f.to_string(), d.to_string()))
            .collect();
        assert_eq!(online, want);
        assert_eq!(offline, want);
    }
    server.stop().await;
}
