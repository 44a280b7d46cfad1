//! SARIF that GitHub code scanning accepts: every result of `glocal check
//! --format sarif` has `locations[0].physicalLocation` with an
//! `artifactLocation.uri` in the repository (relative to `%SRCROOT%`, the
//! working directory) and a `region.startLine`, in lint, plan and server
//! modes, for every rule the fixtures trigger (all of them together), and
//! the coverage minimum. Each location is the one the finding means: a
//! missing message at its definition in the source file, a missing locale
//! at the plan's launch (plan mode) or the locale's folder, a finding about
//! the roadmap at its entry in the plan file.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{glocal, serve_binary_fresh, stderr};
use serde_json::Value;

const SOURCE: &str = "\
title = Kettle
boil = Boil for { $minutes } minutes
brew = { $count ->
    [one] One cup
   *[other] { $count } cups
}
-brand = Kettlery
about = About { -brand }
login = Log in
    .title = Sign in here
help = Help
    .tooltip = Press for help
ok = OK
bye = Goodbye
farewell = Farewell
";

/// A French bundle with one finding of every per-locale rule.
const FRENCH: &str = "\
title = Bouilloire
boil = Faire bouillir { $seconds } secondes
brew = { $count ->
    [one] Une tasse
   *[other] { $count } tasses
}
about = À propos de { -marque }
login =
    .title = Connexion
help = Aide
ok = OK
old = Ancien
title = Doublon
farewell = { oops
";

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The repository: `l10n/en-US` (source), `l10n/fr`, `l10n/fr-CA` (served
/// by `fr`), and a plan whose market needs `de-DE` too (no bundle), with an
/// item selector and a variant feature that match nothing and a waiver of a
/// requirement that applies nowhere.
fn repository(root: &Path) {
    write(root, "l10n/en-US/app.ftl", SOURCE);
    write(root, "l10n/fr/app.ftl", FRENCH);
    write(root, "l10n/fr-CA/other.ftl", "extra = Extra\n");
    write(
        root,
        "plan.toml",
        r#"[[market]]
id = "shop-ca"
country = "CA"
currency = "CAD"
storefront_locales = ["fr-CA", "de-DE"]

[[requirement]]
id = "elsewhere"
jurisdiction = { country = "JP" }
kind = "LEGAL_LANGUAGE"
summary = "Applies in another country."
locale_rules = [{ locale = "ja-JP" }]

[product]
id = "kettle"
source_locale = "en-US"

[product.fluent]
directory = "l10n"
layout = "{locale}/**/*.ftl"

[[variant]]
id = "ca"
markets = ["shop-ca"]
features = ["everything", "typo-feature"]

[[launch]]
id = "ca"
market = "shop-ca"
variant = "ca"
phases = [{ phase = "GA", date = 2027-03-01 }]
locales = ["fr-CA", "de-DE"]

[[roadmap]]
id = "r"

[[roadmap.item]]
id = "everything"
messages = ["*", "nope-*"]
waivers = [
  { requirement = "elsewhere", reason = "Not sold there.", approver = "legal@example.com" },
]
"#,
    );
}

/// The 1-based line of the first line of `text` that starts with `start`.
fn line_of(text: &str, start: &str) -> i64 {
    text.lines().position(|l| l.starts_with(start)).unwrap() as i64 + 1
}

/// `glocal check ARGS --format sarif` in `root`: the results.
fn sarif(root: &Path, args: &[&str]) -> Vec<Value> {
    let out = glocal()
        .current_dir(root)
        .arg("check")
        .args(args)
        .args(["--format", "sarif"])
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    log["runs"][0]["results"].as_array().unwrap().clone()
}

/// Every result is located in the repository; returns (rule, locale, uri,
/// line) of each.
fn locations(root: &Path, results: &[Value]) -> Vec<(String, String, String, i64)> {
    results
        .iter()
        .map(|r| {
            let physical = &r["locations"][0]["physicalLocation"];
            let uri = physical["artifactLocation"]["uri"]
                .as_str()
                .unwrap_or_else(|| panic!("no uri: {r}"));
            assert_eq!(
                physical["artifactLocation"]["uriBaseId"], "%SRCROOT%",
                "{r}"
            );
            let line = physical["region"]["startLine"]
                .as_i64()
                .unwrap_or_else(|| panic!("no region: {r}"));
            assert!(line >= 1, "{r}");
            assert!(
                root.join(uri).exists(),
                "{uri} is not in the repository: {r}"
            );
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["properties"]["locale"].as_str().unwrap().to_string(),
                uri.to_string(),
                line,
            )
        })
        .collect()
}

fn rules(located: &[(String, String, String, i64)]) -> BTreeSet<&str> {
    located.iter().map(|(r, ..)| r.as_str()).collect()
}

fn at<'a>(
    located: &'a [(String, String, String, i64)],
    rule: &str,
    locale: &str,
) -> Vec<(&'a str, i64)> {
    located
        .iter()
        .filter(|(r, l, ..)| r == rule && l == locale)
        .map(|(_, _, uri, line)| (uri.as_str(), *line))
        .collect()
}

#[test]
fn every_lint_result_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    repository(root);
    let results = sarif(
        root,
        &[
            "--source",
            "l10n/en-US",
            "--l10n",
            "l10n",
            "--source-locale",
            "en-US",
            "--locale",
            "fr",
            "--locale",
            "de",
            "--min-coverage",
            "fr=99",
        ],
    );
    let located = locations(root, &results);
    assert_eq!(
        rules(&located),
        BTreeSet::from([
            "dropped-variable",
            "duplicate-id",
            "identical-to-source",
            "min-coverage",
            "missing-attribute",
            "missing-locale",
            "missing-message",
            "missing-plural-category",
            "missing-value",
            "obsolete-message",
            "syntax-error",
            "unknown-variable",
            "unresolved-reference",
        ])
    );
    // A missing term and message at their definitions in the source.
    assert_eq!(
        at(&located, "missing-message", "fr"),
        [
            ("l10n/en-US/app.ftl", line_of(SOURCE, "-brand")),
            ("l10n/en-US/app.ftl", line_of(SOURCE, "bye")),
        ]
    );
    // A problem of the translation where it is.
    assert_eq!(
        at(&located, "obsolete-message", "fr"),
        [("l10n/fr/app.ftl", line_of(FRENCH, "old"))]
    );
    // A locale without a folder where its folder belongs, and a coverage
    // minimum at the locale's folder.
    assert_eq!(at(&located, "missing-locale", "de"), [("l10n", 1)]);
    assert_eq!(at(&located, "min-coverage", "fr"), [("l10n/fr", 1)]);
}

#[test]
fn every_plan_result_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    repository(root);
    let plan = std::fs::read_to_string(root.join("plan.toml")).unwrap();
    let located = locations(
        root,
        &sarif(root, &["--plan", "plan.toml", "--as-of", "2027-02-20"]),
    );
    assert_eq!(
        rules(&located),
        BTreeSet::from([
            "dropped-variable",
            "duplicate-id",
            "fallback-used",
            "identical-to-source",
            "missing-attribute",
            "missing-locale",
            "missing-message",
            "missing-plural-category",
            "missing-value",
            "syntax-error",
            "unknown-feature",
            "unknown-message",
            "unknown-variable",
            "unresolved-reference",
            "unused-waiver",
        ])
    );
    let launch = line_of(&plan, "[[launch]]");
    let item = line_of(&plan, "[[roadmap.item]]");
    assert_eq!(
        at(&located, "missing-locale", "de-DE"),
        [("plan.toml", launch)]
    );
    assert_eq!(
        at(&located, "missing-message", "fr-CA"),
        [("l10n/en-US/app.ftl", line_of(SOURCE, "bye"))]
    );
    assert_eq!(
        at(&located, "unknown-message", "en-US"),
        [("plan.toml", item)]
    );
    assert_eq!(
        at(&located, "unused-waiver", "en-US"),
        [("plan.toml", item)]
    );
    assert_eq!(
        at(&located, "unknown-feature", "en-US"),
        [("plan.toml", line_of(&plan, "[[variant]]"))]
    );
    // In the fallback bundle that serves fr-CA.
    assert_eq!(
        at(&located, "unknown-variable", "fr-CA"),
        [("l10n/fr/app.ftl", line_of(FRENCH, "boil"))]
    );
}

#[test]
fn every_server_result_is_located_through_the_pushed_tree() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    repository(root);
    let server = serve_binary_fresh();
    let import = glocal()
        .current_dir(root)
        .args(["import", "--server", &server.address, "plan.toml"])
        .output()
        .unwrap();
    assert!(import.status.success(), "{}", stderr(&import));
    let results = sarif(
        root,
        &[
            "--server",
            &server.address,
            "--roadmap",
            "r",
            "--product",
            "kettle",
            "--push",
            "l10n",
            "--as-of",
            "2027-02-20",
        ],
    );
    let located = locations(root, &results);
    // The same rules as plan mode: the same engine on the same files.
    let plan = locations(
        root,
        &sarif(root, &["--plan", "plan.toml", "--as-of", "2027-02-20"]),
    );
    assert_eq!(rules(&located), rules(&plan));
    assert_eq!(
        at(&located, "missing-message", "fr-CA"),
        [("l10n/en-US/app.ftl", line_of(SOURCE, "bye"))]
    );
    assert_eq!(
        at(&located, "unknown-variable", "fr-CA"),
        [("l10n/fr/app.ftl", line_of(FRENCH, "boil"))]
    );
    // No plan file in server mode: a missing locale at the tree's folder
    // (where its folder belongs), the roadmap's findings at the source folder.
    assert_eq!(at(&located, "missing-locale", "de-DE"), [("l10n", 1)]);
    assert_eq!(at(&located, "unused-waiver", "en-US"), [("l10n/en-US", 1)]);
}
