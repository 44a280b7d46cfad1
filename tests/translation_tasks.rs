//! The ranked translation to-do (`coverage::tasks`), through `glocal check
//! --plan` on plans this test writes: three launches share French
//! (amazon.ca ships fr-CA, amazon.com.be fr-BE, amazon.fr fr-FR), a Quebec
//! law demands fr-CA exactly, and a recommended Belgian rule de-BE exactly.
//! Each row changes a weight, a date or the legal factor and says which
//! bundle comes first, with the exact scores; then the API answers the same
//! through ListTranslationTasks and CheckRoadmap.

mod common;

use std::path::Path;

use common::{assert_error, glocal, serve_plan, stderr, stdout};
use glocal::api::pb::glocal::v1::{self as pb, planning_service_client::PlanningServiceClient};
use serde_json::Value;
use tonic::Code;

const SOURCE: &str =
    "title = Checkout\npay = Pay now\n    .title = Pay\ntotal = Total: { $amount }\n";

/// One plan's settings.
struct Row {
    what: &'static str,
    /// Weight and GA date of the launches ca, be and fr.
    launches: [(f64, &'static str); 3],
    /// Whether the Quebec law (fr-CA, EXACT, MANDATORY) is in the plan.
    quebec_law: bool,
    /// `--legal-factor`, when given.
    legal_factor: Option<&'static str>,
    /// The tasks' locales, in rank order, and their scores.
    ranked: &'static [(&'static str, f64)],
}

fn plan(row: &Row) -> String {
    let mut plan = String::from(
        r#"
[[market]]
id = "amazon-ca"
country = "CA"
currency = "CAD"
storefront_locales = ["en-CA", "fr-CA"]

[[market]]
id = "amazon-com-be"
country = "BE"
currency = "EUR"
storefront_locales = ["fr-BE", "nl-BE"]

[[market]]
id = "amazon-fr"
country = "FR"
currency = "EUR"
storefront_locales = ["fr-FR"]

[[requirement]]
id = "be-german"
jurisdiction = { country = "BE" }
kind = "LEGAL_LANGUAGE"
summary = "German for the German-speaking Community"
locale_rules = [{ locale = "de-BE", obligation = "RECOMMENDED", match_policy = "EXACT" }]
"#,
    );
    if row.quebec_law {
        plan.push_str(
            r#"
[[requirement]]
id = "qc-french"
jurisdiction = { country = "CA" }
kind = "LEGAL_LANGUAGE"
summary = "Charter of the French language"
legal_reference = "CQLR c C-11"
locale_rules = [{ locale = "fr-CA", match_policy = "EXACT" }]
"#,
        );
    }
    plan.push_str(
        r#"
[product]
id = "shop"
source_locale = "en-US"

[product.fluent]
directory = "locales"
layout = "{locale}/**/*.ftl"

[[variant]]
id = "all"
markets = ["amazon-ca", "amazon-com-be", "amazon-fr"]

[[roadmap]]
id = "r"

[[roadmap.item]]
id = "checkout"
messages = ["*"]
"#,
    );
    let names = [
        ("ca", "amazon-ca", "fr-CA"),
        ("be", "amazon-com-be", "fr-BE"),
        ("fr", "amazon-fr", ""),
    ];
    for ((id, market, locale), (weight, date)) in names.iter().zip(row.launches) {
        plan.push_str(&format!(
            "\n[[launch]]\nid = \"{id}\"\nmarket = \"{market}\"\nvariant = \"all\"\nphases = [{{ phase = \"GA\", date = {date} }}]\nweight = {weight:?}\n"
        ));
        if !locale.is_empty() {
            plan.push_str(&format!("locales = [\"{locale}\"]\n"));
        }
    }
    plan
}

fn write_plan(dir: &Path, row: &Row, bundles: &[(&str, &str)]) {
    std::fs::write(dir.join("plan.toml"), plan(row)).unwrap();
    for (locale, text) in bundles {
        let folder = dir.join("locales").join(locale);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("app.ftl"), text).unwrap();
    }
}

/// Runs `glocal check --plan` and returns its JSON report's tasks.
fn tasks_of(dir: &Path, row: &Row) -> Vec<Value> {
    let json = dir.join("report.json");
    let mut args = vec![
        "check".to_string(),
        "--plan".into(),
        dir.join("plan.toml").display().to_string(),
        "--as-of".into(),
        "2027-01-01".into(),
        "--json".into(),
        json.display().to_string(),
    ];
    if let Some(f) = row.legal_factor {
        args.extend(["--legal-factor".to_string(), f.to_string()]);
    }
    let out = glocal().args(&args).output().unwrap();
    assert!(json.exists(), "{}: {}", row.what, stdout(&out));
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    report["tasks"].as_array().cloned().unwrap_or_default()
}

fn approx(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

/// Due dates are the launch date less the 14-day window; as of 2027-01-01,
/// 2027-04-11 is 100 days away (86 days to due) and 2027-02-14 44 (30).
const LATER: &str = "2027-04-11";
const SOONER: &str = "2027-02-14";

#[test]
fn the_sooner_heavier_legal_task_ranks_first_and_moves_with_weights_and_dates() {
    const D: f64 = 86.0;
    let rows = [
        Row {
            what: "equal launches: the law doubles fr-CA's one launch, fr serves two",
            launches: [(1.0, LATER), (1.0, LATER), (1.0, LATER)],
            quebec_law: true,
            legal_factor: None,
            // A tie of scores and due dates: by locale.
            ranked: &[("fr", 2.0 / D), ("fr-CA", 2.0 / D), ("de-BE", 1.0 / D)],
        },
        Row {
            what: "amazon.ca launches sooner",
            launches: [(1.0, SOONER), (1.0, LATER), (1.0, LATER)],
            quebec_law: true,
            legal_factor: None,
            ranked: &[("fr-CA", 2.0 / 30.0), ("fr", 2.0 / D), ("de-BE", 1.0 / D)],
        },
        Row {
            what: "amazon.com.be weighs 5",
            launches: [(1.0, LATER), (5.0, LATER), (1.0, LATER)],
            quebec_law: true,
            legal_factor: None,
            ranked: &[("fr", 6.0 / D), ("de-BE", 5.0 / D), ("fr-CA", 2.0 / D)],
        },
        Row {
            what: "a legal factor of 1: the law counts for nothing more",
            launches: [(1.0, LATER), (1.0, LATER), (1.0, LATER)],
            quebec_law: true,
            legal_factor: Some("1"),
            ranked: &[("fr", 2.0 / D), ("de-BE", 1.0 / D), ("fr-CA", 1.0 / D)],
        },
        Row {
            what: "a legal factor of 10",
            launches: [(1.0, LATER), (1.0, LATER), (1.0, LATER)],
            quebec_law: true,
            legal_factor: Some("10"),
            ranked: &[("fr-CA", 10.0 / D), ("fr", 2.0 / D), ("de-BE", 1.0 / D)],
        },
        Row {
            what: "without the Quebec law, fr serves all three launches",
            launches: [(2.0, SOONER), (1.0, LATER), (0.5, LATER)],
            quebec_law: false,
            legal_factor: None,
            ranked: &[("fr", 2.0 / 30.0 + 1.0 / D + 0.5 / D), ("de-BE", 1.0 / D)],
        },
    ];
    for row in &rows {
        let dir = tempfile::tempdir().unwrap();
        write_plan(dir.path(), row, &[("en-US", SOURCE)]);
        let tasks = tasks_of(dir.path(), row);
        let got: Vec<(String, f64)> = tasks
            .iter()
            .map(|t| {
                (
                    t["locale"].as_str().unwrap().to_string(),
                    t["score"].as_f64().unwrap(),
                )
            })
            .collect();
        assert_eq!(got.len(), row.ranked.len(), "{}: {got:?}", row.what);
        for ((locale, score), (want_locale, want_score)) in got.iter().zip(row.ranked) {
            assert_eq!(locale, want_locale, "{}: {got:?}", row.what);
            assert!(approx(*score, *want_score), "{}: {got:?}", row.what);
        }
        // Every task asks for the three source messages (4 words), none
        // of whose bundles exists yet.
        for t in &tasks {
            assert_eq!(t["message_count"], 3, "{}", row.what);
            assert_eq!(t["words"], 5, "{}", row.what);
            assert_eq!(t["bundle_exists"], false, "{}", row.what);
        }
    }
}

#[test]
fn a_task_names_the_launches_it_unblocks_and_the_laws_behind_them() {
    let row = Row {
        what: "equal",
        launches: [(1.0, SOONER), (3.0, LATER), (1.0, LATER)],
        quebec_law: true,
        legal_factor: None,
        ranked: &[],
    };
    let dir = tempfile::tempdir().unwrap();
    write_plan(dir.path(), &row, &[("en-US", SOURCE)]);
    let tasks = tasks_of(dir.path(), &row);
    let fr_ca = &tasks[0];
    assert_eq!(fr_ca["locale"], "fr-CA");
    assert_eq!(fr_ca["due_date"], "2027-01-31");
    assert_eq!(fr_ca["severity"], "warning");
    let launches = fr_ca["launches"].as_array().unwrap();
    assert_eq!(launches.len(), 1);
    assert_eq!(launches[0]["launch"], "products/shop/launches/ca");
    assert_eq!(launches[0]["market"], "markets/amazon-ca");
    assert_eq!(launches[0]["requirements"][0], "requirements/qc-french");
    assert_eq!(launches[0]["storefront"], true);
    assert_eq!(launches[0]["locales"][0], "fr-CA");
    assert_eq!(launches[0]["days_left"], 30);
    let fr = tasks.iter().find(|t| t["locale"] == "fr").unwrap();
    let unblocked: Vec<(&str, &str, f64)> = fr["launches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["launch"].as_str().unwrap(),
                l["locales"][0].as_str().unwrap(),
                l["weight"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        unblocked,
        [
            ("products/shop/launches/be", "fr-BE", 3.0),
            ("products/shop/launches/fr", "fr-FR", 1.0)
        ]
    );
    assert!(fr["launches"][0]["requirements"]
        .as_array()
        .unwrap()
        .is_empty());
    let messages: Vec<(&str, &str, u64)> = fr["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["file"].as_str().unwrap(),
                m["id"].as_str().unwrap(),
                m["words"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        messages,
        [
            ("app.ftl", "pay", 3),
            ("app.ftl", "title", 1),
            ("app.ftl", "total", 1)
        ]
    );
    // The EXACT de-BE rule is served by de-BE alone, recommended: no law.
    let de_be = tasks.iter().find(|t| t["locale"] == "de-BE").unwrap();
    assert_eq!(de_be["launches"][0]["locales"][0], "de-BE");
    assert_eq!(de_be["launches"][0]["storefront"], false);
    assert_eq!(de_be["severity"], "warning");
}

/// A bundle that defines a message with a gap serves it: only that bundle
/// (or one before it on the serving order) can fix it, so the message goes
/// to it, not to the shared `fr`.
#[test]
fn a_message_served_with_a_gap_goes_to_the_bundle_serving_it() {
    let row = Row {
        what: "fr-BE has pay without its attribute",
        launches: [(1.0, LATER), (1.0, LATER), (1.0, LATER)],
        quebec_law: false,
        legal_factor: None,
        ranked: &[],
    };
    let dir = tempfile::tempdir().unwrap();
    write_plan(
        dir.path(),
        &row,
        &[
            ("en-US", SOURCE),
            ("fr", "title = Caisse\n"),
            ("fr-BE", "pay = Payer\n"),
        ],
    );
    let tasks = tasks_of(dir.path(), &row);
    let by_locale = |l: &str| {
        tasks
            .iter()
            .find(|t| t["locale"] == l)
            .unwrap_or_else(|| panic!("no {l} task in {tasks:?}"))
    };
    let ids = |t: &Value| -> Vec<(String, Vec<String>)> {
        t["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["id"].as_str().unwrap().to_string(),
                    m["locales"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|l| l.as_str().unwrap().to_string())
                        .collect(),
                )
            })
            .collect()
    };
    let all = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // fr: what fr-CA and fr-FR lack, and total for all three.
    assert_eq!(
        ids(by_locale("fr")),
        [
            ("pay".to_string(), all(&["fr-CA", "fr-FR"])),
            ("total".to_string(), all(&["fr-BE", "fr-CA", "fr-FR"]))
        ]
    );
    assert_eq!(by_locale("fr")["bundle_exists"], true);
    // fr-BE: its broken pay, which it serves before fr.
    assert_eq!(
        ids(by_locale("fr-BE")),
        [("pay".to_string(), all(&["fr-BE"]))]
    );
    assert_eq!(tasks.len(), 3, "{tasks:?}");
}

#[tokio::test]
async fn list_translation_tasks_answers_the_check_tasks_and_validates_its_request() {
    let row = Row {
        what: "api",
        launches: [(1.0, SOONER), (1.0, LATER), (1.0, LATER)],
        quebec_law: true,
        legal_factor: None,
        ranked: &[],
    };
    let dir = tempfile::tempdir().unwrap();
    write_plan(dir.path(), &row, &[("en-US", SOURCE)]);
    let server = serve_plan(dir.path(), "shop");
    let mut planning = PlanningServiceClient::connect(server.url.clone())
        .await
        .unwrap();
    let date = glocal::api::pb::google::r#type::Date {
        year: 2027,
        month: 1,
        day: 1,
    };
    let listed = planning
        .list_translation_tasks(pb::ListTranslationTasksRequest {
            parent: "products/shop/roadmaps/r".into(),
            as_of: Some(date),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.legal_factor, 2.0);
    let locales: Vec<&str> = listed.tasks.iter().map(|t| t.locale.as_str()).collect();
    assert_eq!(locales, ["fr-CA", "fr", "de-BE"]);
    assert_eq!(listed.tasks[0].bundle, "products/shop/bundles/fr-CA");
    assert!(listed.tasks[0].launches[0].legal);
    assert!(approx(listed.tasks[0].score, 2.0 / 30.0));
    assert_eq!(listed.tasks[1].messages.len(), 3);

    // CheckRoadmap carries the same tasks; the basic view without messages.
    let check = |view: pb::CheckView| pb::CheckRoadmapRequest {
        name: "products/shop/roadmaps/r".into(),
        as_of: Some(date),
        view: view as i32,
        legal_factor: Some(10.0),
        ..Default::default()
    };
    let full = planning
        .check_roadmap(check(pb::CheckView::Full))
        .await
        .unwrap()
        .into_inner();
    let ranked: Vec<&str> = full.tasks.iter().map(|t| t.locale.as_str()).collect();
    assert_eq!(ranked, ["fr-CA", "fr", "de-BE"]);
    assert!(approx(full.tasks[0].score, 10.0 / 30.0));
    let basic = planning
        .check_roadmap(check(pb::CheckView::Basic))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(basic.tasks.len(), 3);
    assert!(basic.tasks.iter().all(|t| t.messages.is_empty()));
    assert_eq!(basic.tasks[1].message_count, 3);

    // A bad legal factor is INVALID_ARGUMENT on its field.
    let err = planning
        .list_translation_tasks(pb::ListTranslationTasksRequest {
            parent: "products/shop/roadmaps/r".into(),
            legal_factor: Some(-1.0),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("legal_factor"),
    );
    let err = planning
        .list_translation_tasks(pb::ListTranslationTasksRequest {
            parent: "products/shop".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_error(&err, Code::InvalidArgument, "INVALID_FIELD", Some("parent"));
}

#[test]
fn a_bad_weight_or_legal_factor_is_refused() {
    let row = Row {
        what: "negative weight",
        launches: [(-1.0, LATER), (1.0, LATER), (1.0, LATER)],
        quebec_law: false,
        legal_factor: None,
        ranked: &[],
    };
    let dir = tempfile::tempdir().unwrap();
    write_plan(dir.path(), &row, &[("en-US", SOURCE)]);
    let out = glocal()
        .args([
            "check",
            "--plan",
            &dir.path().join("plan.toml").display().to_string(),
        ])
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let said = stderr(&out);
    assert!(
        said.contains("weight") && said.contains("must be a finite number of at least 0, not -1"),
        "{said}"
    );
    let out = glocal()
        .args(["check", "--legal-factor", "lots"])
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("must be a finite number of at least 0, not lots"),
        "{}",
        stderr(&out)
    );
}

/// Seconds of noon UTC on a day of December 2026.
fn december_noon(day: i64) -> i64 {
    // 2026-12-01T00:00:00Z.
    1_796_083_200 + (day - 1) * 86_400 + 43_200
}

#[test]
fn history_forecasts_on_track_late_and_no_data_and_appends_this_run() {
    let row = Row {
        what: "forecast",
        launches: [(1.0, SOONER), (1.0, LATER), (1.0, LATER)],
        quebec_law: false,
        legal_factor: None,
        ranked: &[],
    };
    let dir = tempfile::tempdir().unwrap();
    write_plan(dir.path(), &row, &[("en-US", SOURCE)]);
    // fr: 1 word in 10 days (0.1 a day); de-BE: none recorded.
    let history = dir.path().join("history.jsonl");
    let snapshot = |day: i64, translated: u32| {
        serde_json::json!({
            "time": december_noon(day),
            "locale": "fr",
            "files": {"app.ftl": {"needed": 5, "translated": translated}},
        })
        .to_string()
    };
    std::fs::write(
        &history,
        format!("{}\n{}\n", snapshot(20, 0), snapshot(30, 1)),
    )
    .unwrap();
    let json = dir.path().join("report.json");
    let out = glocal()
        .current_dir(dir.path())
        .args([
            "check",
            "--plan",
            "plan.toml",
            "--as-of",
            "2027-01-01",
            "--history",
            "history.jsonl",
            "--json",
            "report.json",
        ])
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(json.exists(), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let forecasts: Vec<(String, Value)> = report["launches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["launch"].as_str().unwrap().to_string(),
                l["forecast"].clone(),
            )
        })
        .collect();
    // The fr task's 5 words at 0.1 a day: 50 days, 2027-02-20.
    assert_eq!(
        forecasts,
        [
            (
                "products/shop/launches/be".to_string(),
                serde_json::json!({"status": "NO_DATA", "late_days": 0, "no_data": ["de-BE"]})
            ),
            (
                "products/shop/launches/ca".to_string(),
                serde_json::json!({"status": "LATE", "eta": "2027-02-20", "late_days": 20})
            ),
            (
                "products/shop/launches/fr".to_string(),
                serde_json::json!({"status": "ON_TRACK", "eta": "2027-02-20", "late_days": 0})
            ),
        ]
    );
    let text = stdout(&out);
    assert!(
        text.contains("(in 44 days): AT_RISK — forecast LATE by 20 days, done 2027-02-20"),
        "{text}"
    );
    // The to-do says when each task is done, at what speed.
    let fr = &report["tasks"][0];
    assert_eq!(fr["locale"], "fr");
    assert_eq!(fr["eta"], "2027-02-20");
    assert!((fr["words_per_day"].as_f64().unwrap() - 0.1).abs() < 1e-9);
    assert!(
        report["tasks"][1].get("eta").is_none(),
        "de-BE has no velocity"
    );
    assert!(
        text.contains("done 2027-02-20 at 0.1 words a day"),
        "{text}"
    );
    // This run's snapshot of the one non-source bundle there is: none (only
    // en-US exists), so the file keeps its two lines; with a fr bundle, one
    // more line.
    assert_eq!(
        std::fs::read_to_string(&history).unwrap().lines().count(),
        2
    );
    std::fs::create_dir_all(dir.path().join("locales/fr")).unwrap();
    std::fs::write(dir.path().join("locales/fr/app.ftl"), "title = Caisse\n").unwrap();
    let out = glocal()
        .current_dir(dir.path())
        .args([
            "check",
            "--plan",
            "plan.toml",
            "--as-of",
            "2027-01-01",
            "--history",
            "history.jsonl",
        ])
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "{}", stderr(&out));
    let lines: Vec<String> = std::fs::read_to_string(&history)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(lines.len(), 3);
    let last: Value = serde_json::from_str(&lines[2]).unwrap();
    assert_eq!(last["locale"], "fr");
    assert_eq!(
        last["files"]["app.ftl"],
        serde_json::json!({"needed": 5, "translated": 1})
    );

    // A line that is not a snapshot: an error naming the file and line.
    std::fs::write(&history, "{\"time\": 1}\n").unwrap();
    let out = glocal()
        .current_dir(dir.path())
        .args(["check", "--plan", "plan.toml", "--history", "history.jsonl"])
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("history.jsonl:1: not a coverage snapshot"),
        "{}",
        stderr(&out)
    );
}

/// The server records a coverage snapshot with every bundle write, and
/// CheckRoadmap forecasts from them: one snapshot is NO_DATA; with an
/// earlier one (written into the store as a write ten days ago would have)
/// the velocity gives ON_TRACK and LATE by a known number of days.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bundle_write_records_a_snapshot_and_check_roadmap_forecasts() {
    use glocal::store::{Body, ChangeSet, Expect, Op, Store};
    let today = glocal::domain::CalendarDate::today_utc();
    let leak = |days: i64| -> &'static str {
        Box::leak(today.plus_days(days).unwrap().to_string().into_boxed_str())
    };
    // amazon.ca in 44 days (due in 30), the others in 100 (due in 86).
    let row = Row {
        what: "server forecast",
        launches: [(1.0, leak(44)), (1.0, leak(100)), (1.0, leak(100))],
        quebec_law: false,
        legal_factor: None,
        ranked: &[],
    };
    let dir = tempfile::tempdir().unwrap();
    write_plan(
        dir.path(),
        &row,
        &[("en-US", SOURCE), ("fr", "title = Caisse\n")],
    );
    let server = common::TestServer::start(&dir.path().join("data")).await;
    let url = format!("http://{}", server.addr);
    for args in [
        vec!["import", "plan.toml", "--server", &url],
        vec!["push", "--server", &url, "--product", "shop", "locales"],
    ] {
        let out = glocal()
            .current_dir(dir.path())
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    let collection = "products/shop/bundles/fr/snapshots";
    let stored = server.store.list(collection, None).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].name, format!("{collection}/{today}"));
    let snapshot: Value = serde_json::from_str(stored[0].body.json()).unwrap();
    assert_eq!(snapshot["locale"], "fr");
    assert_eq!(
        snapshot["files"],
        serde_json::json!({"app.ftl": {"needed": 5, "translated": 1}})
    );

    let mut planning = PlanningServiceClient::new(server.channel().await);
    let check = |velocity_days: Option<i32>| pb::CheckRoadmapRequest {
        name: "products/shop/roadmaps/r".into(),
        view: pb::CheckView::Basic as i32,
        velocity_days,
        ..Default::default()
    };
    let forecasts = |response: &pb::CheckRoadmapResponse| -> Vec<(String, i32, i32, Vec<String>)> {
        response
            .launches
            .iter()
            .map(|l| {
                let f = l.forecast.clone().unwrap_or_default();
                (l.launch.clone(), f.status, f.late_days, f.no_data)
            })
            .collect()
    };
    use pb::launch_forecast::Status;
    let one = planning
        .check_roadmap(check(None))
        .await
        .unwrap()
        .into_inner();
    assert!(
        forecasts(&one)
            .iter()
            .all(|(_, status, _, _)| *status == Status::NoData as i32),
        "{:?}",
        forecasts(&one)
    );

    // Ten days ago fr translated nothing: 1 word in 10 days, 0.1 a day; the
    // fr task's 4 words (pay and total) take 40 days.
    let earlier = serde_json::json!({
        "time": snapshot["time"].as_i64().unwrap() - 10 * 86_400,
        "locale": "fr",
        "files": {"app.ftl": {"needed": 5, "translated": 0}},
    });
    server
        .store
        .commit(ChangeSet {
            method: "test".into(),
            ops: vec![Op::Put {
                name: format!("{collection}/{}", today.minus_days(10).unwrap()),
                expect: Expect::Absent,
                refs: vec!["products/shop/bundles/fr".into()],
                body: Body::encode(&earlier).unwrap(),
            }],
        })
        .await
        .unwrap();
    let two = planning
        .check_roadmap(check(None))
        .await
        .unwrap()
        .into_inner();
    let eta = glocal::api::date_of_pb(
        two.launches[1]
            .forecast
            .as_ref()
            .unwrap()
            .eta
            .as_ref()
            .unwrap(),
    );
    assert_eq!(eta, today.plus_days(40));
    let fr_task = two.tasks.iter().find(|t| t.locale == "fr").unwrap();
    assert_eq!(
        glocal::api::date_of_pb(fr_task.eta.as_ref().unwrap()),
        today.plus_days(40)
    );
    assert!((fr_task.words_per_day - 0.1).abs() < 1e-9);
    assert_eq!(
        forecasts(&two),
        [
            (
                "products/shop/launches/be".to_string(),
                Status::NoData as i32,
                0,
                vec!["de-BE".to_string()]
            ),
            (
                "products/shop/launches/ca".to_string(),
                Status::Late as i32,
                10,
                vec![]
            ),
            (
                "products/shop/launches/fr".to_string(),
                Status::OnTrack as i32,
                0,
                vec![]
            ),
        ]
    );
    // A window of 5 days holds one snapshot only: no data again.
    let short = planning
        .check_roadmap(check(Some(5)))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(forecasts(&short)[2].1, Status::NoData as i32);
    let err = planning.check_roadmap(check(Some(0))).await.unwrap_err();
    assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("velocity_days"),
    );
    // Deleting the bundle deletes its snapshots.
    let mut products = server.products().await;
    products
        .delete_bundle(pb::DeleteBundleRequest {
            name: "products/shop/bundles/fr".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(server.store.list(collection, None).unwrap().is_empty());
    server.stop().await;
}
