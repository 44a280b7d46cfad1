//! The hand-off round trip: `glocal handoff` writes the ranked tasks'
//! messages as XLIFF 2.0, a translator fills every target, `glocal handoff
//! import` merges them into the locale tree, and the check then finds them
//! translated, select expressions and placeables intact. The same through
//! the API: ExportHandoff, then ImportHandoff into the bundle, then
//! CheckRoadmap.

mod common;

use std::path::Path;

use common::handoff_samples::{fill, prefix_fr};
use common::{assert_error, glocal, serve_plan, stderr, stdout};
use fluent_syntax::ast;
use glocal::api::pb::glocal::v1::{
    self as pb, planning_service_client::PlanningServiceClient,
    product_service_client::ProductServiceClient,
};
use serde_json::Value;
use tonic::Code;

const SOURCE: &str = "\
# Shown on the checkout button.
pay = Pay { $amount }
    .title = Pay now
items = { $count ->
    [one] One item in { -brand }
   *[other] { $count } items in { -brand }
}
-brand = Shop
";

const PLAN: &str = r#"
[[market]]
id = "amazon-fr"
country = "FR"
currency = "EUR"
storefront_locales = ["fr-FR"]

[product]
id = "shop"
source_locale = "en-US"

[product.fluent]
directory = "locales"
layout = "{locale}/**/*.ftl"

[[variant]]
id = "all"
markets = ["amazon-fr"]

[[launch]]
id = "fr"
market = "amazon-fr"
variant = "all"
phases = [{ phase = "GA", date = 2027-04-11 }]

[[roadmap]]
id = "r"

[[roadmap.item]]
id = "checkout"
messages = ["pay", "items"]
"#;

fn write_plan(dir: &Path) {
    std::fs::write(dir.join("plan.toml"), PLAN).unwrap();
    for (locale, file, text) in [
        ("en-US", "shop/cart.ftl", SOURCE),
        ("fr", "shop/cart.ftl", "# Traductions\n-brand = Boutique\n"),
    ] {
        let path = dir.join("locales").join(locale).join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn check_json(dir: &Path) -> Value {
    let json = dir.join("report.json");
    let out = glocal()
        .current_dir(dir)
        .args([
            "check",
            "--plan",
            "plan.toml",
            "--as-of",
            "2027-01-01",
            "--json",
        ])
        .arg(&json)
        .output()
        .unwrap();
    assert!(json.exists(), "{}", stderr(&out));
    serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap()
}

fn missing(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "missing-message" || f["rule"] == "missing-attribute")
        .map(|f| format!("{} {}", f["locale"], f["message_id"]))
        .collect()
}

/// The structure of a Fluent pattern: placeables and select keys, text left out.
fn shape(pattern: &ast::Pattern<&str>) -> Vec<String> {
    let mut out = Vec::new();
    for e in &pattern.elements {
        match e {
            ast::PatternElement::TextElement { .. } => {}
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Select { selector, variants } => {
                    out.push(format!("select {selector:?}"));
                    for v in variants {
                        out.push(format!("[{:?}] default={}", v.key, v.default));
                        out.extend(shape(&v.value));
                    }
                }
                ast::Expression::Inline(inline) => out.push(format!("{inline:?}")),
            },
        }
    }
    out
}

/// Message id → (value shape, attribute names), from a Fluent file.
fn shapes(text: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
    let resource = fluent_syntax::parser::parse(text).expect("valid Fluent");
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => Some((
                m.id.name.to_string(),
                m.value.as_ref().map(shape).unwrap_or_default(),
                m.attributes.iter().map(|a| a.id.name.to_string()).collect(),
            )),
            _ => None,
        })
        .collect()
}

/// `glocal ARGS` in `dir`, in English.
fn glocal_in(dir: &Path, args: &[&str]) -> std::process::Output {
    glocal()
        .current_dir(dir)
        .args(args)
        .env("LANG", "C")
        .output()
        .unwrap()
}

/// `glocal handoff --plan` of the test plan as of 2027-01-01, its XLIFF
/// written into `dir/out` and its fr hand-off returned.
fn hand_off_xliff(dir: &Path, out: &str) -> String {
    let run = glocal_in(
        dir,
        &[
            "handoff",
            "--plan",
            "plan.toml",
            "--as-of",
            "2027-01-01",
            "--xliff",
            out,
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    std::fs::read_to_string(dir.join(out).join("fr.xlf")).unwrap()
}

/// A translator's target for each unit, except that pay's drops its
/// `{ $amount }`.
fn drop_pay_placeholder(unit: &str, content: &str) -> Option<String> {
    if unit == "pay" {
        Some("Payer".to_string())
    } else {
        prefix_fr(unit, content)
    }
}

#[test]
fn handoff_then_import_translates_the_messages_with_their_structure() {
    let dir = tempfile::tempdir().unwrap();
    write_plan(dir.path());
    assert_eq!(
        missing(&check_json(dir.path())),
        [r#""fr-FR" "items""#, r#""fr-FR" "pay""#]
    );

    let out = glocal()
        .current_dir(dir.path())
        .args([
            "handoff",
            "--plan",
            "plan.toml",
            "--as-of",
            "2027-01-01",
            "--xliff",
            "out",
            "--csv",
            "out",
            "--ftl",
            "skeletons",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with("wrote 3 hand-off files\n"),
        "{}",
        stdout(&out)
    );
    let xliff = std::fs::read_to_string(dir.path().join("out/fr.xlf")).unwrap();
    assert!(xliff.contains(r#"srcLang="en-US" trgLang="fr""#), "{xliff}");
    assert!(xliff.contains(r#"<file id="f1" original="shop/cart.ftl">"#));
    assert!(xliff.contains(r#"disp="{ $amount }""#), "{xliff}");
    assert!(xliff.contains(r#"<note category="comment">Shown on the checkout button.</note>"#));
    assert!(xliff.contains(r#"<note category="due">2027-03-28</note>"#));
    assert!(
        xliff.contains(r#"<unit id="items:one" name="items[one]""#),
        "{xliff}"
    );
    let csv = std::fs::read_to_string(dir.path().join("out/fr.csv")).unwrap();
    assert!(
        csv.starts_with("id,file,source,words,due,launches\r\n"),
        "{csv}"
    );
    let skeleton = std::fs::read_to_string(dir.path().join("skeletons/fr/shop/cart.ftl")).unwrap();
    assert!(skeleton.contains("# pay = Pay { $amount }\n"), "{skeleton}");

    // A translator fills every target; glocal merges them into fr.
    let translated = fill(&xliff, prefix_fr);
    std::fs::write(dir.path().join("fr.xlf"), translated).unwrap();
    let out = glocal()
        .current_dir(dir.path())
        .args(["handoff", "import", "fr.xlf", "--l10n", "locales"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("imported 2 messages into 1 file"),
        "{}",
        stdout(&out)
    );
    let merged = std::fs::read_to_string(dir.path().join("locales/fr/shop/cart.ftl")).unwrap();
    assert!(
        merged.starts_with("# Traductions\n-brand = Boutique\n"),
        "{merged}"
    );
    assert!(merged.contains("FR "), "{merged}");
    // The same placeables, selector, keys, default and attributes as the source.
    let source_shapes = shapes(SOURCE);
    let mut merged_shapes = shapes(&merged);
    merged_shapes.sort();
    let mut want = source_shapes.clone();
    want.sort();
    assert_eq!(merged_shapes, want, "{merged}");
    assert_eq!(missing(&check_json(dir.path())), Vec::<String>::new());
}

#[test]
fn an_import_with_a_wrong_placeholder_writes_nothing_and_names_the_unit() {
    let dir = tempfile::tempdir().unwrap();
    write_plan(dir.path());
    let xliff = hand_off_xliff(dir.path(), "out");
    // Every target filled, but pay's drops its { $amount }.
    let translated = fill(&xliff, drop_pay_placeholder);
    std::fs::write(dir.path().join("fr.xlf"), translated).unwrap();
    let before = std::fs::read_to_string(dir.path().join("locales/fr/shop/cart.ftl")).unwrap();
    let out = glocal()
        .current_dir(dir.path())
        .args(["handoff", "import", "fr.xlf", "--l10n", "locales"])
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let said = stderr(&out);
    assert!(
        said.contains("fr.xlf: shop/cart.ftl:pay: target drops placeholder { $amount }"),
        "{said}"
    );
    assert!(
        said.contains("1 problem in the translated files; nothing was written"),
        "{said}"
    );
    let after = std::fs::read_to_string(dir.path().join("locales/fr/shop/cart.ftl")).unwrap();
    assert_eq!(before, after);

    // A locale file that cannot be read (not UTF-8) stops the import: it is
    // never taken for an empty one and overwritten.
    std::fs::write(dir.path().join("fr.xlf"), fill(&xliff, prefix_fr)).unwrap();
    let latin1 = b"# Traductions\ncaf = Caf\xe9\n".to_vec();
    let file = dir.path().join("locales/fr/shop/cart.ftl");
    std::fs::write(&file, &latin1).unwrap();
    let out = glocal_in(
        dir.path(),
        &["handoff", "import", "fr.xlf", "--l10n", "locales"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&file).unwrap(), latin1);
}

#[tokio::test]
async fn export_and_import_handoff_through_the_api() {
    let dir = tempfile::tempdir().unwrap();
    write_plan(dir.path());
    let server = serve_plan(dir.path(), "shop");
    let mut planning = PlanningServiceClient::connect(server.url.clone())
        .await
        .unwrap();
    let mut products = ProductServiceClient::connect(server.url.clone())
        .await
        .unwrap();
    let date = glocal::api::pb::google::r#type::Date {
        year: 2027,
        month: 1,
        day: 1,
    };
    let exported = planning
        .export_handoff(pb::ExportHandoffRequest {
            parent: "products/shop/roadmaps/r".into(),
            as_of: Some(date),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let paths: Vec<(&str, &str)> = exported
        .files
        .iter()
        .map(|f| (f.path.as_str(), f.locale.as_str()))
        .collect();
    assert_eq!(paths, [("fr.xlf", "fr")]);
    // The server's XLIFF is the command line's (plan mode, same files).
    assert_eq!(exported.files[0].content, hand_off_xliff(dir.path(), "cli"));
    let skeletons = planning
        .export_handoff(pb::ExportHandoffRequest {
            parent: "products/shop/roadmaps/r".into(),
            as_of: Some(date),
            format: pb::HandoffFormat::Ftl as i32,
            locales: vec!["de".into()],
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(skeletons.files.is_empty(), "no de task: {skeletons:?}");

    // A bad unit: INVALID_ARGUMENT on `content`, nothing written.
    let bad = fill(&exported.files[0].content, drop_pay_placeholder);
    let err = products
        .import_handoff(pb::ImportHandoffRequest {
            parent: "products/shop".into(),
            content: bad,
            ..Default::default()
        })
        .await
        .unwrap_err();
    let said = assert_error(
        &err,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("content"),
    );
    assert!(
        said.contains("shop/cart.ftl:pay: target drops placeholder"),
        "{said}"
    );

    let imported = products
        .import_handoff(pb::ImportHandoffRequest {
            parent: "products/shop".into(),
            content: fill(&exported.files[0].content, prefix_fr),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(imported.imported_messages, 2);
    assert_eq!(imported.files, ["shop/cart.ftl"]);
    assert_eq!(
        imported.bundle.as_ref().unwrap().name,
        "products/shop/bundles/fr"
    );
    let check = planning
        .check_roadmap(pb::CheckRoadmapRequest {
            name: "products/shop/roadmaps/r".into(),
            as_of: Some(date),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(check.todo.is_empty(), "{:?}", check.todo);
    assert!(check.tasks.is_empty());
    assert_eq!(check.verdict, pb::Verdict::Ready as i32);
    let file = products
        .read_bundle_file(pb::ReadBundleFileRequest {
            name: "products/shop/bundles/fr".into(),
            path: "shop/cart.ftl".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(file
        .content
        .starts_with("# Traductions\n-brand = Boutique\n"));
    assert_eq!(shapes(&file.content).len(), 2);
}

#[test]
fn lint_mode_hands_off_what_each_locale_lacks_or_has_broken() {
    let dir = tempfile::tempdir().unwrap();
    let out = glocal()
        .args([
            "handoff",
            "--source",
            "tests/fixtures/check/lint/en-US",
            "--l10n",
            "tests/fixtures/check/lint",
            "--csv",
        ])
        .arg(dir.path())
        .current_dir(common::root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = std::fs::read_to_string(dir.path().join("de.csv")).unwrap();
    let ids: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter_map(|row| row.split(',').next())
        .filter(|id| !id.is_empty() && !id.starts_with('.'))
        .collect();
    // Two lost to a syntax error, two missing; fr lacks nothing.
    assert_eq!(ids, ["-brand", "bye", "cart-empty", "cart-title"], "{csv}");
    assert!(!dir.path().join("fr.csv").exists());
}
