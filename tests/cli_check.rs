//! `glocal check` with the real binary on the fixtures in
//! `tests/fixtures/check/`: the three modes, every report format (each
//! parsed), the gates and the exit statuses.
//!
//! Fixtures:
//! - `lint/`: source `en-US/` (two files, a term, a plural); `fr/` complete
//!   with one obsolete message (a warning); `de/` with an unknown variable, a
//!   syntax error, a duplicate id and a missing file; `configs/` is no locale.
//! - `clean/`: `fr` translates everything.
//! - `nothing/`: the source has no message yet.
//! - `plan/plan.toml`: two shops (fr-FR served by `fr`, de-DE), two roadmaps;
//!   `fr` lacks `dimmer-level`, needed by the fr launch on 2030-03-01.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{copy_tree, glocal, root, serve_binary, stderr, stdout};
use serde_json::Value;

const LINT_SOURCE: &str = "tests/fixtures/check/lint/en-US";
const LINT_L10N: &str = "tests/fixtures/check/lint";
const PLAN: &str = "tests/fixtures/check/plan/plan.toml";

/// Runs `glocal check ARGS` in the repository root.
fn check(args: &[&str]) -> Output {
    check_in(root(), args)
}

/// Runs `glocal check ARGS` in `dir`.
fn check_in(dir: &Path, args: &[&str]) -> Output {
    glocal()
        .arg("check")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run glocal")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit status")
}

/// Exit 2, nothing on stdout, and exactly one line on stderr: `error: ...`.
fn assert_one_line_error(out: &Output, contains: &str) {
    let err = stderr(out);
    assert_eq!(code(out), 2, "stderr: {err}");
    assert_eq!(stdout(out), "", "stderr: {err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line expected: {err}");
    assert!(lines[0].starts_with("error: "), "{err}");
    assert!(lines[0].contains(contains), "{err}");
}

fn lint_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["--source", LINT_SOURCE, "--l10n", LINT_L10N];
    args.extend_from_slice(extra);
    args
}

fn json_report(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn findings<'a>(report: &'a Value, locale: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["locale"] == locale)
        .collect()
}

// ---------------------------------------------------------------------------
// Lint mode and the text report.
// ---------------------------------------------------------------------------

#[test]
fn lint_text_report_groups_by_locale_and_file() {
    let out = check(&lint_args(&[]));
    let text = stdout(&out);
    assert_eq!(code(&out), 1, "{text}");
    assert!(!text.contains('\x1b'), "no colour when piped: {text}");
    assert!(
        text.starts_with("glocal check (lint): 2 locales against en-US\n"),
        "{text}"
    );
    assert!(
        text.contains("note: skipped configs/: not a locale folder"),
        "{text}"
    );
    assert!(
        text.contains("note: skipped en-US/: it is the source folder"),
        "{text}"
    );
    assert!(
        text.contains("\nde: 3/7 messages (42.9%), 5/15 words\n"),
        "{text}"
    );
    assert!(
        text.contains("  tests/fixtures/check/lint/de/main.ftl\n"),
        "{text}"
    );
    assert!(
        text.contains("  tests/fixtures/check/lint/de/shop/cart.ftl\n"),
        "missing file named where the translation belongs: {text}"
    );
    assert!(
        text.contains("2:1  error    syntax-error      bye"),
        "{text}"
    );
    assert!(
        text.contains("\nfr: 7/7 messages (100%), 15/15 words\n"),
        "{text}"
    );
    // de before fr, de's files in path order.
    let de = text.find("\nde: ").unwrap();
    let fr = text.find("\nfr: ").unwrap();
    assert!(de < fr);
    assert!(text.find("de/main.ftl").unwrap() < text.find("de/shop/cart.ftl").unwrap());
    let last = text.lines().last().unwrap();
    assert_eq!(
        last,
        "FAILED: 6 blocking findings (6 errors, 2 warnings, 0 notes) in 2 locales; --fail-on error"
    );

    let coloured = check(&lint_args(&["--color", "always"]));
    assert!(stdout(&coloured).contains("\x1b[1;31merror\x1b[0m"));
}

#[test]
fn exit_statuses_and_fail_on() {
    // 0: everything translated.
    let out = check(&[
        "--source",
        "tests/fixtures/check/clean/en-US",
        "--l10n",
        "tests/fixtures/check/clean",
    ]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).ends_with(
        "PASSED: nothing blocks (0 errors, 0 warnings, 0 notes) in 1 locale; --fail-on error\n"
    ));

    // fr alone has a warning only: passes unless warnings fail.
    assert_eq!(code(&check(&lint_args(&["--locale", "fr"]))), 0);
    assert_eq!(
        code(&check(&lint_args(&[
            "--locale",
            "fr",
            "--fail-on",
            "warning"
        ]))),
        1
    );
    // de has errors: fails, unless nothing fails.
    assert_eq!(code(&check(&lint_args(&["--locale", "de"]))), 1);
    assert_eq!(
        code(&check(&lint_args(&[
            "--locale",
            "de",
            "--fail-on",
            "never"
        ]))),
        0
    );
}

#[test]
fn a_branch_with_nothing_to_translate_passes() {
    let out = check(&[
        "--source",
        "tests/fixtures/check/nothing/en-US",
        "--l10n",
        "tests/fixtures/check/nothing",
    ]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).contains("has no Fluent messages: nothing to translate"));
}

#[test]
fn a_requested_locale_without_folder_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    let out = check(&lint_args(&[
        "--locale",
        "es",
        "--json",
        json.to_str().unwrap(),
    ]));
    assert_eq!(code(&out), 1);
    let report = json_report(&json);
    let es = findings(&report, "es");
    assert_eq!(es.len(), 1);
    assert_eq!(es[0]["rule"], "missing-locale");
    assert_eq!(report["stats"][0]["coverage_percent"], 0.0);
}

// ---------------------------------------------------------------------------
// Formats.
// ---------------------------------------------------------------------------

#[test]
fn json_report_follows_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("report.json");
    let out = check(&lint_args(&[
        "--json",
        json.to_str().unwrap(),
        "--format",
        "none",
    ]));
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "", "--format none prints nothing");
    assert!(
        stderr(&out).starts_with("FAILED: 6 blocking findings"),
        "{}",
        stderr(&out)
    );
    let r = json_report(&json);
    assert_eq!(r["schema_version"], 2);
    assert_eq!(r["tool"]["name"], "glocal");
    assert_eq!(r["mode"], "lint");
    assert_eq!(r["source_locale"], "en-US");
    assert_eq!(r["summary"]["passed"], false);
    assert_eq!(r["summary"]["exit_code"], 1);
    assert_eq!(r["summary"]["blocking"], 6);
    let fields = [
        "rule",
        "severity",
        "market",
        "locale",
        "file",
        "path",
        "line",
        "column",
        "message_id",
        "detail",
        "blocking",
        "baselined",
    ];
    for f in r["findings"].as_array().unwrap() {
        for field in fields {
            assert!(f.get(field).is_some(), "{field} in {f}");
        }
    }
    // The junk of `bye = Tschüss {` runs into `-brand = Kettlery`: both
    // messages are lost to it, each reported on it.
    let syntax: Vec<&Value> = findings(&r, "de")
        .into_iter()
        .filter(|f| f["rule"] == "syntax-error")
        .collect();
    assert_eq!(syntax.len(), 2);
    assert_eq!(
        (&syntax[0]["message_id"], &syntax[1]["message_id"]),
        (&Value::from("-brand"), &Value::from("bye"))
    );
    assert_eq!(syntax[0]["file"], "main.ftl");
    assert_eq!(syntax[0]["path"], "tests/fixtures/check/lint/de/main.ftl");
    assert_eq!(
        (syntax[0]["line"].as_u64(), syntax[0]["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(syntax[0]["severity"], "error");
    assert!(syntax[0]["market"].is_null());

    let stats = r["stats"].as_array().unwrap();
    assert_eq!(stats.len(), 2);
    let de = &stats[0];
    assert_eq!(de["locale"], "de");
    assert_eq!(de["messages"]["total"], 7);
    assert_eq!(de["messages"]["translated"], 3);
    assert_eq!(de["messages"]["missing"], 4);
    assert_eq!(de["words"]["total"], 15);
    assert_eq!(de["words"]["translated"], 5);
    let fr = &stats[1];
    assert_eq!(
        (
            fr["messages"]["translated"].as_u64(),
            fr["obsolete_messages"].as_u64()
        ),
        (Some(7), Some(1))
    );

    // --json - writes the report to standard output.
    let out = check(&lint_args(&["--format", "none", "--json", "-"]));
    let back: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(back["findings"], r["findings"]);
}

#[test]
fn junit_report_has_a_case_per_locale() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junit.xml");
    let out = check(&lint_args(&["--junit", path.to_str().unwrap()]));
    assert_eq!(code(&out), 1);
    let xml = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("tests"), Some("2"));
    assert_eq!(root.attribute("failures"), Some("1"));
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 1);
    assert_eq!(suites[0].attribute("name"), Some("locales"));
    let cases: Vec<_> = suites[0]
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let names: Vec<_> = cases.iter().map(|c| c.attribute("name").unwrap()).collect();
    assert_eq!(names, ["de", "fr"]);
    for case in &cases {
        assert!(case.attribute("classname").is_some());
    }
    let failure = cases[0]
        .children()
        .find(|n| n.has_tag_name("failure"))
        .expect("de fails");
    assert_eq!(failure.attribute("message"), Some("6 blocking findings"));
    let text = failure.text().unwrap();
    assert!(
        text.contains("tests/fixtures/check/lint/de/main.ftl:2:1: error[syntax-error] bye:"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 6);
    assert!(cases[1].children().all(|n| !n.has_tag_name("failure")));
    let out_text = cases[1]
        .children()
        .find(|n| n.has_tag_name("system-out"))
        .and_then(|n| n.text())
        .unwrap();
    assert!(
        out_text.contains("warning[obsolete-message] old-banner"),
        "{out_text}"
    );
}

/// The SARIF 2.1.0 JSON schema shipped in the `serde-sarif` package (the
/// OASIS schema its types are generated from), found in Cargo's registry.
fn sarif_schema() -> Option<Value> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).ok()?;
    let at = lock.find("name = \"serde-sarif\"\nversion = \"")?;
    let rest = &lock[at + "name = \"serde-sarif\"\nversion = \"".len()..];
    let version = &rest[..rest.find('"')?];
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    for index in std::fs::read_dir(home.join("registry/src")).ok()? {
        let schema = index
            .ok()?
            .path()
            .join(format!("serde-sarif-{version}/src/schema.json"));
        if let Ok(text) = std::fs::read_to_string(&schema) {
            return serde_json::from_str(&text).ok();
        }
    }
    None
}

/// Validates a SARIF log against the SARIF 2.1.0 schema, when the schema is
/// in Cargo's registry.
fn assert_valid_sarif(sarif: &Value) {
    match sarif_schema() {
        Some(schema) => {
            // The OASIS schema's patterns of `language` properties have a
            // stray `]`, a literal in ECMA-262 (Annex B) but an error for the
            // Rust regex engine behind the meta-schema's `format: regex`:
            // escape it, which keeps its meaning.
            let text = schema.to_string().replace("{2}]?$", "{2}\\\\]?$");
            let schema: Value = serde_json::from_str(&text).unwrap();
            let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
            let errors: Vec<String> = validator
                .iter_errors(sarif)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{errors:#?}");
            // The validator does catch what is wrong.
            let mut broken = sarif.clone();
            broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
            assert!(!validator.is_valid(&broken));
        }
        None => eprintln!(
            "serde-sarif's schema.json not found in Cargo's registry: structure checked only"
        ),
    }
}

#[test]
fn sarif_report_is_valid_sarif_2_1_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.sarif");
    let out = check(&lint_args(&["--sarif", path.to_str().unwrap()]));
    assert_eq!(code(&out), 1);
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();

    assert_valid_sarif(&sarif);

    // The properties code scanning needs, checked by hand too.
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "glocal");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() >= 15);
    for rule in rules {
        assert!(rule["id"].is_string());
        assert!(!rule["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .is_empty());
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
    }
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            .as_str()
            .map(|u| u.starts_with("file:///")),
        Some(true)
    );
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 8);
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let location = &r["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("tests/fixtures/check/lint/"), "{uri}");
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    let syntax = results
        .iter()
        .find(|r| r["ruleId"] == "syntax-error")
        .unwrap();
    let region = &syntax["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(2), Some(1))
    );
}

#[test]
fn sarif_report_keeps_the_most_severe_results_within_its_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.sarif");
    let json = dir.path().join("report.json");
    let out = check(&lint_args(&[
        "--sarif",
        path.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
        "--sarif-max-results",
        "3",
    ]));
    assert_eq!(code(&out), 1);
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_valid_sarif(&sarif);
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    // The fixture has warnings too; only blocking errors made the cut.
    for r in results {
        assert_eq!(r["level"], "error", "{r}");
        assert_eq!(r["properties"]["blocking"], true, "{r}");
    }
    let notification = &run["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "warning");
    let told = notification["message"]["text"].as_str().unwrap();
    assert!(told.contains("3 of 8 results"), "{told}");
    // The other reports say so, and keep every finding.
    assert!(stdout(&out).contains("the SARIF report holds 3 of 8 results"));
    let report = json_report(&json);
    assert_eq!(report["findings"].as_array().unwrap().len(), 8);
    assert!(report["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n.as_str().unwrap().contains("3 of 8 results")));

    // 0 lifts the limit; under the limit nothing is said.
    for limit in ["0", "8"] {
        let out = check(&lint_args(&[
            "--sarif",
            path.to_str().unwrap(),
            "--sarif-max-results",
            limit,
        ]));
        assert_eq!(code(&out), 1);
        let sarif: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 8);
        assert!(sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"].is_null());
        assert!(!stdout(&out).contains("SARIF report holds"));
    }
}

#[test]
fn github_annotations() {
    let out = check(&lint_args(&["--format", "none", "--github"]));
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8, "{text}");
    for line in &lines {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning "),
            "{line}"
        );
        assert!(line.contains("::"), "{line}");
    }
    assert!(lines.contains(&"::error file=tests/fixtures/check/lint/de/main.ftl,line=2,col=1,title=glocal syntax-error::de: bye: Expected a token starting with \"}\" (up to line 3, column 9)"), "{text}");
    assert!(lines.contains(&"::error file=tests/fixtures/check/lint/de/shop/cart.ftl,title=glocal missing-message::de: cart-title: message cart-title is not translated"), "{text}");
    assert!(lines.contains(&"::warning file=tests/fixtures/check/lint/fr/main.ftl,line=10,col=1,title=glocal obsolete-message::fr: old-banner: message old-banner is not in the source"), "{text}");
}

#[test]
fn markdown_report_fits_a_pull_request_comment() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    let out = check(&lint_args(&["--markdown", path.to_str().unwrap()]));
    assert_eq!(code(&out), 1);
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(
        md.starts_with("### glocal check: ❌ 6 blocking findings\n"),
        "{md}"
    );
    assert!(
        md.contains("| Market | Locale | Messages | Words | Coverage | Errors | Warnings |  |"),
        "{md}"
    );
    assert!(
        md.contains("|  | `de` | 3/7 | 5/15 | 42.9% | 6 | 1 | ❌ |"),
        "{md}"
    );
    assert!(md.contains("#### Findings (8)"), "{md}");
    // Blocking findings first.
    let first_row = md
        .lines()
        .skip_while(|l| !l.starts_with("|  | Where"))
        .nth(2)
        .unwrap();
    assert!(first_row.starts_with("| ❌ |"), "{first_row}");

    // A large tree: 2,000 source messages, 20 locales translating none.
    let big = tempfile::tempdir().unwrap();
    let mut source = String::new();
    for i in 0..2000 {
        source.push_str(&format!(
            "message-number-{i} = Source text number {i} with some words\n"
        ));
    }
    std::fs::create_dir_all(big.path().join("en-US")).unwrap();
    std::fs::write(big.path().join("en-US/app.ftl"), source).unwrap();
    for locale in [
        "af", "ar", "bg", "bn", "ca", "cs", "da", "de", "el", "es", "et", "fa", "fi", "fr", "he",
        "hi", "hr", "hu", "id", "it",
    ] {
        std::fs::create_dir_all(big.path().join(locale)).unwrap();
        std::fs::write(
            big.path().join(locale).join("app.ftl"),
            "other = Something else\n",
        )
        .unwrap();
    }
    let md_path = big.path().join("big.md");
    let out = check_in(
        big.path(),
        &[
            "--source",
            "en-US",
            "--l10n",
            ".",
            "--format",
            "none",
            "--markdown",
            md_path.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 1);
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(
        md.chars().count() <= 65_536,
        "{} characters",
        md.chars().count()
    );
    assert!(
        md.contains("more findings, left out to fit a pull request comment"),
        "{}",
        &md[md.len() - 400..]
    );
    assert!(
        md.contains("| `it` | 0/2000 |"),
        "every locale row is there"
    );
}

// ---------------------------------------------------------------------------
// Gates.
// ---------------------------------------------------------------------------

#[test]
fn baseline_fails_only_new_findings() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("l10n");
    copy_tree(&root().join(LINT_L10N), &tree);
    let args = |extra: &[&str]| {
        let mut a = vec![
            "--source",
            "l10n/en-US",
            "--l10n",
            "l10n",
            "--format",
            "none",
        ];
        a.extend_from_slice(extra);
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let run = |extra: &[&str]| {
        let a = args(extra);
        check_in(
            dir.path(),
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    };

    assert_eq!(code(&run(&["--json", "baseline.json"])), 1);
    // Everything is known: passes.
    let out = run(&["--baseline", "baseline.json", "--json", "now.json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let now = json_report(&dir.path().join("now.json"));
    assert_eq!(now["summary"]["baselined"], 8);
    assert_eq!(now["summary"]["blocking"], 0);

    // Lines move: still known (positions are not part of the match).
    let de = tree.join("de/main.ftl");
    let text = std::fs::read_to_string(&de).unwrap();
    std::fs::write(&de, format!("# A comment\n\n{text}")).unwrap();
    assert_eq!(code(&run(&["--baseline", "baseline.json"])), 0);

    // A new problem fails, and only it blocks.
    let fr = tree.join("fr/main.ftl");
    let text = std::fs::read_to_string(&fr).unwrap();
    std::fs::write(&fr, format!("{text}about = Encore {{ $unknown }}\n")).unwrap();
    let out = run(&[
        "--baseline",
        "baseline.json",
        "--json",
        "new.json",
        "--sarif",
        "new.sarif",
    ]);
    assert_eq!(code(&out), 1);
    let new = json_report(&dir.path().join("new.json"));
    let blocking: Vec<&Value> = new["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["blocking"] == true)
        .collect();
    assert_eq!(blocking.len(), 1, "{blocking:#?}");
    assert_eq!(blocking[0]["rule"], "duplicate-id");
    assert_eq!(blocking[0]["locale"], "fr");
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("new.sarif")).unwrap())
            .unwrap();
    let states: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["baselineState"].as_str().unwrap())
        .collect();
    assert_eq!(
        states.iter().filter(|s| **s == "new").count(),
        1,
        "{states:?}"
    );
    assert_eq!(states.iter().filter(|s| **s == "unchanged").count(), 8);

    // A baseline that is not a report: exit 2, one line.
    std::fs::write(dir.path().join("bad.json"), "{\"findings\": 3}").unwrap();
    assert_one_line_error(
        &run(&["--baseline", "bad.json"]),
        "--baseline bad.json: not a JSON report",
    );
    assert_one_line_error(
        &run(&["--baseline", "missing.json"]),
        "--baseline missing.json: cannot read",
    );
}

#[test]
fn coverage_minimums() {
    let clean = [
        "--source",
        "tests/fixtures/check/clean/en-US",
        "--l10n",
        "tests/fixtures/check/clean",
    ];
    let with = |extra: &[&str]| {
        let mut a = clean.to_vec();
        a.extend_from_slice(extra);
        check(&a)
    };
    assert_eq!(code(&with(&["--min-coverage", "100"])), 0);

    // de covers 3 of 7 messages (42.9%), fr all of them.
    let lint = |extra: &[&str]| check(&lint_args(&[&["--fail-on", "never"], extra].concat()));
    assert_eq!(code(&lint(&["--min-coverage", "40"])), 0);
    let out = lint(&["--min-coverage", "50"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.contains("de: coverage 42.9% is below the minimum 50.0%"),
        "{text}"
    );
    assert!(
        text.ends_with("in 2 locales; 1 locale below the minimum coverage; --fail-on never\n"),
        "{text}"
    );
    // A locale's own minimum wins over the default.
    assert_eq!(
        code(&lint(&["--min-coverage", "50", "--min-coverage", "de=40"])),
        0
    );
    assert_eq!(code(&lint(&["--min-coverage", "fr=100"])), 0);
    // A minimum for a locale nothing checked fails.
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    let out = lint(&["--min-coverage", "es=10", "--json", json.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    let r = json_report(&json);
    let t = &r["thresholds"][0];
    assert_eq!(
        (t["locale"].as_str(), t["passed"].as_bool()),
        (Some("es"), Some(false))
    );

    // Thresholds in JUnit: a failed case.
    let junit = dir.path().join("j.xml");
    lint(&["--min-coverage", "50", "--junit", junit.to_str().unwrap()]);
    let xml = std::fs::read_to_string(&junit).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert_eq!(failure.attribute("type"), Some("min-coverage"));

    // Bad values are usage errors.
    assert_eq!(code(&lint(&["--min-coverage", "120"])), 2);
    assert_eq!(code(&lint(&["--min-coverage", "fr_FR=20"])), 2);
}

#[test]
fn configuration_errors_are_one_line_and_exit_2() {
    assert_one_line_error(
        &check(&[
            "--source",
            "tests/fixtures/check/nowhere",
            "--l10n",
            LINT_L10N,
        ]),
        "--source tests/fixtures/check/nowhere: no such directory",
    );
    assert_one_line_error(
        &check(&[
            "--source",
            LINT_SOURCE,
            "--l10n",
            "tests/fixtures/check/nowhere",
        ]),
        "--l10n tests/fixtures/check/nowhere: no such directory",
    );
    assert_one_line_error(&check(&[]), "say what to check");
    assert_one_line_error(&check(&["--source", LINT_SOURCE]), "--l10n is missing");
    assert_one_line_error(
        &check(&lint_args(&["--plan", PLAN])),
        "choose different modes",
    );
    assert_one_line_error(
        &check(&lint_args(&["--as-of", "2030-01-01"])),
        "--as-of applies to plan and server modes only",
    );
    assert_one_line_error(
        &check(&["--plan", "tests/fixtures/check/plan/bad-syntax.toml"]),
        "tests/fixtures/check/plan/bad-syntax.toml:1:9: ",
    );
    assert_one_line_error(
        &check(&["--plan", "tests/fixtures/check/plan/bad-reference.toml"]),
        "bad-reference.toml:40:10: plan.launches[1].market: markets/shop-xx is neither in the plan nor in its market preset",
    );
    assert_one_line_error(
        &check(&["--plan", "tests/fixtures/check/plan/none.toml"]),
        "cannot read tests/fixtures/check/plan/none.toml",
    );
    assert_one_line_error(
        &check(&["--plan", PLAN, "--roadmap", "v9"]),
        "has no such roadmap (it has v1, v2)",
    );
    assert_one_line_error(
        &check(&["--plan", PLAN, "--as-of", "2030-13-01"]),
        "--as-of 2030-13-01",
    );
    let dir = tempfile::tempdir().unwrap();
    let unwritable = dir.path().join("no/such/dir/r.json");
    assert_one_line_error(
        &check(&lint_args(&["--json", unwritable.to_str().unwrap()])),
        "cannot write the JSON report",
    );
}

// ---------------------------------------------------------------------------
// Plan mode.
// ---------------------------------------------------------------------------

#[test]
fn plan_mode_gates_on_launch_dates() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    // Nine days before the fr launch: the missing message blocks.
    let out = check(&[
        "--plan",
        PLAN,
        "--as-of",
        "2030-02-20",
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("roadmap products/lamp/roadmaps/v1 as of 2030-02-20: BLOCKED"),
        "{text}"
    );
    assert!(
        text.contains(
            "  products/lamp/launches/fr in markets/shop-fr on 2030-03-01 (in 9 days): BLOCKED"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "market markets/shop-fr\n  fr-FR (served by fr): 1/2 messages (50.0%), 1/3 words"
        ),
        "{text}"
    );
    let r = json_report(&json);
    assert_eq!(r["mode"], "plan");
    assert_eq!(r["as_of"], "2030-02-20");
    assert_eq!(r["window_days"], 14);
    assert_eq!(r["roadmaps"].as_array().unwrap().len(), 2);
    let verdicts: Vec<(&str, &str, &str)> = r["launches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["roadmap"].as_str().unwrap(),
                l["launch"].as_str().unwrap(),
                l["verdict"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(verdicts.contains(&(
        "products/lamp/roadmaps/v1",
        "products/lamp/launches/fr",
        "BLOCKED"
    )));
    assert!(verdicts.contains(&(
        "products/lamp/roadmaps/v1",
        "products/lamp/launches/de",
        "READY"
    )));
    assert!(verdicts.contains(&(
        "products/lamp/roadmaps/v2",
        "products/lamp/launches/fr",
        "READY"
    )));
    let gap = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "missing-message")
        .unwrap();
    assert_eq!(gap["market"], "markets/shop-fr");
    assert_eq!(gap["locale"], "fr-FR");
    assert_eq!(gap["file"], "lamp.ftl");
    assert_eq!(gap["path"], "tests/fixtures/check/plan/locales/fr/lamp.ftl");
    assert_eq!(gap["launch"], "products/lamp/launches/fr");
    assert_eq!(gap["severity"], "error");
    let fr = r["stats"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["locale"] == "fr-FR" && s["roadmap"] == "products/lamp/roadmaps/v1")
        .unwrap();
    assert_eq!(fr["served_by"], "fr");
    assert_eq!(fr["messages"]["total"], 2);
    assert_eq!(fr["messages"]["translated"], 1);
    assert_eq!(fr["own"]["messages"], 0);

    // Two months ahead the gap is outside the window: at risk, a warning.
    let out = check(&["--plan", PLAN, "--as-of", "2030-01-01", "--roadmap", "v1"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).contains("(in 59 days): AT_RISK"));
    // The same day under other gates and windows: exit status of each.
    let january = |extra: &[&str]| {
        let mut args = vec!["--plan", PLAN, "--as-of", "2030-01-01"];
        args.extend_from_slice(extra);
        check(&args)
    };
    let table: &[(&[&str], i32)] = &[
        (&["--fail-on", "warning"], 1),
        // A wider window makes it block.
        (&["--window-days", "60"], 1),
        // A market's own window overrides --window-days for that market only.
        (&["--market-window", "shop-fr=60"], 1),
        (&["--market-window", "markets/shop-de=60"], 0),
        (&["--window-days", "60", "--market-window", "shop-fr=14"], 0),
    ];
    for (extra, expected) in table {
        assert_eq!(code(&january(extra)), *expected, "{extra:?}");
    }
    let json = tempfile::NamedTempFile::new().unwrap();
    let out = january(&[
        "--market-window",
        "shop-fr=60",
        "--json",
        json.path().to_str().unwrap(),
    ]);
    assert!(stdout(&out).contains("(in 59 days): BLOCKED"));
    assert_eq!(
        json_report(json.path())["market_window_days"],
        serde_json::json!({"markets/shop-fr": 60})
    );
    // A window for a market no launch is in changes nothing, and says so.
    let out = january(&["--market-window", "shop-it=60"]);
    assert_eq!(code(&out), 0);
    assert!(
        stdout(&out).contains(
            "note: --market-window markets/shop-it=...: no launch of the checked roadmaps is in that market"
        ),
        "{}",
        stdout(&out)
    );
    // Roadmap v2 alone is ready.
    assert_eq!(
        code(&check(&[
            "--plan",
            PLAN,
            "--as-of",
            "2030-02-20",
            "--roadmap",
            "v2"
        ])),
        0
    );
    // --locale keeps only that locale.
    let out = check(&["--plan", PLAN, "--as-of", "2030-02-20", "--locale", "de-DE"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

/// The last line of a text report.
fn headline(out: &Output) -> String {
    stdout(out).lines().last().unwrap_or_default().to_string()
}

#[test]
fn headline_says_ready_at_risk_or_blocked_under_each_fail_on() {
    // v2 is READY on 2030-01-01; v1's fr launch is AT_RISK that day (its gap
    // is 59 days ahead, first blocking on 2030-03-01 - 14 days) and BLOCKED
    // on 2030-02-20 (9 days ahead).
    let ready = |f: &str| {
        format!("PASSED: nothing blocks (0 errors, 0 warnings, 1 note) in 2 locales; --fail-on {f}")
    };
    let at_risk = |f: &str| {
        format!("nothing blocks today; 1 launch AT_RISK, first due 2030-02-15 (0 errors, 1 warning, 1 note) in 2 locales; --fail-on {f}")
    };
    let at_risk_failed = |f: &str| {
        format!("FAILED: 1 blocking finding (0 errors, 1 warning, 1 note) in 2 locales; 1 launch AT_RISK, first due 2030-02-15; --fail-on {f}")
    };
    let blocked = |f: &str| {
        format!(
            "FAILED: 1 blocking finding (1 error, 0 warnings, 1 note) in 2 locales; --fail-on {f}"
        )
    };
    // (roadmap, --as-of, --fail-on, exit status, headline).
    type Headline = fn(&str) -> String;
    let table: [(&str, &str, &str, i32, Headline); 10] = [
        ("v2", "2030-01-01", "error", 0, ready),
        ("v2", "2030-01-01", "at-risk", 0, ready),
        ("v2", "2030-01-01", "warning", 0, ready),
        ("v1", "2030-01-01", "error", 0, at_risk),
        ("v1", "2030-01-01", "at-risk", 1, at_risk_failed),
        ("v1", "2030-01-01", "warning", 1, at_risk_failed),
        ("v1", "2030-01-01", "never", 0, at_risk),
        ("v1", "2030-02-20", "error", 1, blocked),
        ("v1", "2030-02-20", "at-risk", 1, blocked),
        ("v1", "2030-02-20", "warning", 1, blocked),
    ];
    for (roadmap, as_of, fail_on, exit, expected) in &table {
        let args = [
            "--plan",
            PLAN,
            "--roadmap",
            roadmap,
            "--as-of",
            as_of,
            "--fail-on",
            fail_on,
        ];
        let out = check(&args);
        let case = format!("{args:?}");
        assert_eq!(code(&out), *exit, "{case}: {}", stdout(&out));
        assert_eq!(headline(&out), expected(fail_on), "{case}");
        // The same line on standard error when standard output is a machine
        // format.
        let mut none = args.to_vec();
        none.extend(["--format", "none"]);
        let out = check(&none);
        assert_eq!(code(&out), *exit, "{case}");
        assert_eq!(stdout(&out), "", "{case}");
        assert_eq!(stderr(&out), format!("{}\n", expected(fail_on)), "{case}");
    }
}

#[test]
fn markdown_title_and_json_summary_show_the_risk() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    let md = dir.path().join("r.md");
    let run = |as_of: &str, extra: &[&str]| {
        let mut args = vec![
            "--plan",
            PLAN,
            "--roadmap",
            "v1",
            "--as-of",
            as_of,
            "--format",
            "none",
            "--json",
            json.to_str().unwrap(),
            "--markdown",
            md.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let out = check(&args);
        let md = std::fs::read_to_string(&md).unwrap();
        (code(&out), json_report(&json)["summary"].clone(), md)
    };

    let (exit, summary, md) = run("2030-01-01", &[]);
    assert_eq!(exit, 0);
    assert_eq!(
        summary,
        serde_json::json!({
            "passed": true,
            "exit_code": 0,
            "fail_on": "error",
            "locales": 2,
            "errors": 0,
            "warnings": 1,
            "infos": 1,
            "blocking": 0,
            "baselined": 0,
            "thresholds_failed": 0,
            "at_risk_launches": 1,
            "first_due": "2030-02-15",
        })
    );
    assert!(
        md.starts_with(
            "### glocal check: ⚠️ nothing blocks today; 1 launch AT_RISK, first due 2030-02-15\n\n\
             nothing blocks today; 1 launch AT\\_RISK, first due 2030-02-15 (0 errors, 1 warning, 1 note) in 2 locales; --fail-on error\n"
        ),
        "{md}"
    );

    // --fail-on at-risk: the gap blocks.
    let (exit, summary, md) = run("2030-01-01", &["--fail-on", "at-risk"]);
    assert_eq!(exit, 1);
    assert_eq!(summary["passed"], false);
    assert_eq!(summary["exit_code"], 1);
    assert_eq!(summary["fail_on"], "at-risk");
    assert_eq!(summary["blocking"], 1);
    assert_eq!(summary["at_risk_launches"], 1);
    assert_eq!(summary["first_due"], "2030-02-15");
    assert!(
        md.starts_with("### glocal check: ❌ 1 blocking finding\n"),
        "{md}"
    );
    let gap = &json_report(&json)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "missing-message")
        .unwrap()
        .clone();
    assert_eq!(gap["severity"], "warning");
    assert_eq!(gap["blocking"], true);

    // A market's own window moves the due date: 2030-03-01 - 30 days.
    let (exit, summary, _) = run("2030-01-01", &["--market-window", "shop-fr=30"]);
    assert_eq!(exit, 0);
    assert_eq!(summary["at_risk_launches"], 1);
    assert_eq!(summary["first_due"], "2030-01-30");

    // BLOCKED: nothing at risk, no due date (the field is absent).
    let (exit, summary, _) = run("2030-02-20", &[]);
    assert_eq!(exit, 1);
    assert_eq!(summary["at_risk_launches"], 0);
    assert_eq!(summary.get("first_due"), None);

    // A baselined gap is known: it neither blocks nor counts as a risk (the
    // baseline, the BLOCKED run's report, has the gap and the fallback note).
    let baseline = dir.path().join("baseline.json");
    std::fs::copy(&json, &baseline).unwrap();
    let (exit, summary, _) = run(
        "2030-01-01",
        &[
            "--fail-on",
            "at-risk",
            "--baseline",
            baseline.to_str().unwrap(),
        ],
    );
    assert_eq!(exit, 0);
    assert_eq!(summary["baselined"], 2);
    assert_eq!(summary["at_risk_launches"], 0);
    assert_eq!(summary.get("first_due"), None);

    // Lint mode has no launches: the fields are there, zero and absent.
    let out = check(&lint_args(&[
        "--locale",
        "fr",
        "--format",
        "none",
        "--json",
        json.to_str().unwrap(),
    ]));
    assert_eq!(code(&out), 0);
    let summary = &json_report(&json)["summary"];
    assert_eq!(summary["at_risk_launches"], 0);
    assert_eq!(summary.get("first_due"), None);
    assert_eq!(
        stderr(&out),
        "PASSED: nothing blocks (0 errors, 1 warning, 0 notes) in 1 locale; --fail-on error\n"
    );
}

#[test]
fn junit_fails_an_at_risk_launch_only_under_fail_on_at_risk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junit.xml");
    // (--fail-on, exit, failures).
    for (fail_on, exit, failures) in [("error", 0, "0"), ("at-risk", 1, "1"), ("never", 0, "0")] {
        let out = check(&[
            "--plan",
            PLAN,
            "--roadmap",
            "v1",
            "--as-of",
            "2030-01-01",
            "--fail-on",
            fail_on,
            "--junit",
            path.to_str().unwrap(),
        ]);
        assert_eq!(code(&out), exit, "{fail_on}");
        let xml = std::fs::read_to_string(&path).unwrap();
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.attribute("tests"), Some("2"), "{fail_on}");
        assert_eq!(root.attribute("failures"), Some(failures), "{fail_on}");
        let fr = root
            .descendants()
            .find(|n| n.has_tag_name("testcase") && n.attribute("name") == Some("fr-FR"))
            .expect("the fr-FR case");
        let gap = "tests/fixtures/check/plan/locales/fr/lamp.ftl: warning[missing-message] dimmer-level: message dimmer-level is not translated (in the fr bundle, which serves fr-FR) — storefront default locale of markets/shop-fr, roadmap item dimmer, due 2030-02-15";
        let failure = fr.children().find(|n| n.has_tag_name("failure"));
        let system_out = fr
            .children()
            .find(|n| n.has_tag_name("system-out"))
            .and_then(|n| n.text())
            .unwrap_or_default();
        if fail_on == "at-risk" {
            let failure = failure.expect("fr-FR fails");
            assert_eq!(failure.attribute("message"), Some("1 blocking finding"));
            assert_eq!(failure.attribute("type"), Some("missing-message"));
            assert_eq!(failure.text(), Some(gap));
            assert!(!system_out.contains(gap), "{system_out}");
        } else {
            assert!(failure.is_none(), "{fail_on}: {xml}");
            assert_eq!(
                system_out,
                format!(
                    "fr-FR (served by fr): 1/2 messages (50.0%), 1/3 words\n\
                     info[fallback-used]: the fr bundle serves 1 of the 2 needed messages — storefront default locale of markets/shop-fr, due 2030-02-15\n{gap}"
                ),
                "{fail_on}"
            );
        }
    }
}

#[test]
fn market_window_errors_are_one_line_and_exit_2() {
    let plan = |extra: &[&str]| {
        let mut args = vec!["--plan", PLAN];
        args.extend_from_slice(extra);
        check(&args)
    };
    // Values clap rejects: its usage error, naming the flag and the value.
    let usage_error = |out: &Output, contains: &str| {
        let err = stderr(out);
        assert_eq!(code(out), 2, "{err}");
        assert_eq!(stdout(out), "");
        assert!(err.starts_with("error: invalid value"), "{err}");
        assert!(err.contains("--market-window"), "{err}");
        assert!(err.contains(contains), "{err}");
    };
    usage_error(
        &plan(&["--market-window", "shop-fr"]),
        "has no '=' (use MARKET=DAYS, such as jp=30)",
    );
    usage_error(
        &plan(&["--market-window", "shop-fr=soon"]),
        "\"soon\" is not a number of days",
    );
    usage_error(&plan(&["--market-window", "Shop FR=3"]), "MARKET=DAYS");
    assert_one_line_error(
        &plan(&[
            "--market-window",
            "shop-fr=3",
            "--market-window",
            "markets/shop-fr=4",
        ]),
        "--market-window gives markets/shop-fr twice",
    );
    assert_one_line_error(
        &check(&lint_args(&["--market-window", "shop-fr=3"])),
        "--market-window applies to plan and server modes only",
    );
}

#[test]
fn plan_mode_on_the_example_plan_offline() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    let out = check(&[
        "--plan",
        "examples/plan.toml",
        "--as-of",
        "2027-02-01",
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let r = json_report(&json);
    let verdict = |launch: &str| {
        r["launches"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["launch"] == launch)
            .map(|l| l["verdict"].as_str().unwrap().to_string())
    };
    assert_eq!(
        verdict("products/kettle/launches/ca").as_deref(),
        Some("BLOCKED")
    );
    assert_eq!(
        verdict("products/kettle/launches/de").as_deref(),
        Some("AT_RISK")
    );
    // The preset's markets are there (amazon-ca's storefront locales).
    assert!(r["stats"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["market"] == "markets/amazon-ca"
            && s["locale"] == "fr-CA"
            && s["served_by"] == "fr"));
    // Each gap is gated by its own need date: the pairing item is needed on
    // its target date, 2027-03-15, 42 days ahead, so its gap in fr-CA (served
    // by fr, where the translation belongs) is a warning, while the ca launch
    // is blocked by a gap needed on its launch date.
    let pairing: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["message_id"] == "pairing-error-bluetooth" && f["market"] == "markets/amazon-ca"
        })
        .collect();
    assert_eq!(pairing.len(), 1, "{pairing:?}");
    assert_eq!(pairing[0]["path"], "examples/locales/fr/pairing/setup.ftl");
    assert_eq!(pairing[0]["bundle"], "fr");
    assert_eq!(pairing[0]["severity"], "warning");
    assert!(r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["blocking"] == true && f["launch"] == "products/kettle/launches/ca"));
}

// ---------------------------------------------------------------------------
// Server mode.
// ---------------------------------------------------------------------------

#[test]
fn server_mode_pushes_then_checks() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_binary(&dir.path().join("data"));
    let import = glocal()
        .args(["import", PLAN, "--server", &server.url])
        .output()
        .unwrap();
    assert!(import.status.success(), "{}", stderr(&import));

    let json = dir.path().join("server.json");
    let out = check(&[
        "--server",
        &server.url,
        "--roadmap",
        "products/lamp/roadmaps/v1",
        "--push",
        "tests/fixtures/check/plan/locales",
        "--as-of",
        "2030-02-20",
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1, "{}\n{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("roadmap products/lamp/roadmaps/v1 as of 2030-02-20: BLOCKED"));
    let r = json_report(&json);
    assert_eq!(r["mode"], "server");
    assert_eq!(r["source_locale"], "en-US");
    let gap = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "missing-message")
        .unwrap();
    assert_eq!(gap["path"], "tests/fixtures/check/plan/locales/fr/lamp.ftl");
    assert_eq!(gap["blocking"], true);

    // The same findings as plan mode on the same files.
    let plan_json = dir.path().join("plan.json");
    check(&[
        "--plan",
        PLAN,
        "--roadmap",
        "v1",
        "--as-of",
        "2030-02-20",
        "--json",
        plan_json.to_str().unwrap(),
    ]);
    let p = json_report(&plan_json);
    let keys = |r: &Value| {
        let mut k: Vec<String> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {} {} {} {} {}",
                    f["rule"], f["severity"], f["market"], f["locale"], f["path"], f["message_id"]
                )
            })
            .collect();
        k.sort();
        k
    };
    assert_eq!(keys(&r), keys(&p));
    assert_eq!(without_forecast(&r["launches"]), p["launches"]);
    // What unblocks the launch: the same list from the engine offline and
    // from CheckRoadmap.
    let todo = serde_json::json!([{
        "roadmap": "products/lamp/roadmaps/v1",
        "launch": "products/lamp/launches/fr",
        "market": "markets/shop-fr",
        "locale": "fr-FR",
        "messages": 1,
        "words": 2,
        "need_date": "2030-03-01",
        "due_date": "2030-02-15",
        "severity": "error"
    }]);
    assert_eq!(r["todo"], todo);
    assert_eq!(p["todo"], todo);
    // Every finding is located; the missing message at its source line.
    assert_eq!(
        gap["location"],
        serde_json::json!({"path": "tests/fixtures/check/plan/locales/en-US/lamp.ftl",
                           "line": gap["source_line"], "column": 0})
    );
    assert!(gap["source_line"].as_u64().unwrap() > 0);
    assert!(r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["location"]["path"].is_string()));

    // Markdown: the to-do table.
    let md = dir.path().join("r.md");
    check(&[
        "--plan",
        PLAN,
        "--roadmap",
        "v1",
        "--as-of",
        "2030-02-20",
        "--markdown",
        md.to_str().unwrap(),
    ]);
    let md = std::fs::read_to_string(md).unwrap();
    assert!(
        md.contains(
            "#### What unblocks the launches\n\n| Due | Locale | Launch | Messages | Words |\n\
             | --- | --- | --- | ---: | ---: |\n\
             | ❌ 2030-02-15 | `fr-FR` | `products/lamp/launches/fr` | 1 | 2 |\n"
        ),
        "{md}"
    );

    // Without --push, later: the bundles are on the server; at risk in January.
    let out = check(&[
        "--server",
        &server.url,
        "--roadmap",
        "products/lamp/roadmaps/v1",
        "--as-of",
        "2030-01-01",
    ]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));

    // In French, the server words the details (accept-language); the JSON
    // report keeps them in English.
    let json = dir.path().join("fr.json");
    let out = check(&[
        "--server",
        &server.url,
        "--roadmap",
        "products/lamp/roadmaps/v1",
        "--as-of",
        "2030-01-01",
        "--lang",
        "fr",
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(
        stdout(&out).contains(
            "le message dimmer-level n’est pas traduit (dans le bundle fr, qui fournit fr-FR)"
        ),
        "{}",
        stdout(&out)
    );
    let r = json_report(&json);
    let gap = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "missing-message")
        .unwrap();
    assert_eq!(
        gap["detail"],
        "message dimmer-level is not translated (in the fr bundle, which serves fr-FR)"
    );

    // Server errors are one line, exit 2.
    assert_one_line_error(
        &check(&[
            "--server",
            &server.url,
            "--roadmap",
            "products/lamp/roadmaps/nope",
        ]),
        "cannot check products/lamp/roadmaps/nope: NotFound",
    );
    assert_one_line_error(
        &check(&["--server", &server.url, "--roadmap", "v1"]),
        "--roadmap v1",
    );
    drop(server);
    assert_one_line_error(
        &check(&[
            "--server",
            "http://127.0.0.1:9",
            "--roadmap",
            "products/lamp/roadmaps/v1",
        ]),
        "cannot reach the glocal server",
    );
}

// ---------------------------------------------------------------------------
// The README's samples are real output.
// ---------------------------------------------------------------------------

/// Each ```console block of README's `glocal check` section that runs
/// `glocal check` on a fixture: (arguments, expected output).
fn readme_console_samples() -> Vec<(Vec<String>, String)> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("## Locale gap reports in CI: glocal check")
        .expect("the README section");
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let mut samples = Vec::new();
    let mut rest = section;
    while let Some(at) = rest.find("```console\n$ glocal check ") {
        let block = &rest[at + "```console\n$ ".len()..];
        let end = block.find("\n```").unwrap();
        let (command, output) = block[..end].split_once('\n').unwrap();
        let args: Vec<String> = command
            .split_whitespace()
            .skip(2)
            .map(String::from)
            .collect();
        samples.push((args, format!("{output}\n")));
        rest = &block[end..];
    }
    samples
}

/// A server's launches without their `forecast`, which plan mode gives only
/// with `--history` (the server records its snapshots on every write): the
/// rest must agree. Every launch has one, and those waiting for a bundle
/// whose history is one push are NO_DATA.
fn without_forecast(launches: &Value) -> Value {
    let mut launches = launches.clone();
    for l in launches.as_array_mut().unwrap() {
        let f = l.as_object_mut().unwrap().remove("forecast").unwrap();
        let status = f["status"].as_str().unwrap();
        assert!(
            (l["verdict"] == "READY" && status == "ON_TRACK") || status == "NO_DATA",
            "{l} {f}"
        );
    }
    launches
}

#[test]
fn readme_samples_are_real_output() {
    let samples = readme_console_samples();
    assert!(samples.len() >= 2, "{samples:?}");
    for (args, expected) in samples {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = check(&args);
        assert_eq!(stdout(&out), expected, "glocal check {}", args.join(" "));
    }
}

// ---------------------------------------------------------------------------
// Message scope, per-message fallback, folder names, syntax errors.
// ---------------------------------------------------------------------------

/// Writes `files` (`path`, text) under `dir`.
fn write_tree(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// The stats row of `locale` in a JSON report.
fn stats_row<'a>(report: &'a Value, locale: &str) -> &'a Value {
    report["stats"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["locale"] == locale)
        .unwrap_or_else(|| panic!("no stats for {locale}: {}", report["stats"]))
}

/// (rule, message id, path, line) of a locale's findings.
fn brief_findings(report: &Value, locale: &str) -> Vec<String> {
    findings(report, locale)
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {}",
                f["rule"].as_str().unwrap(),
                f["message_id"].as_str().unwrap_or("-"),
                f["path"].as_str().unwrap_or("-"),
                f["line"]
            )
        })
        .collect()
}

const TREE: &[(&str, &str)] = &[
    (
        "en-US/app.ftl",
        "hello = Hello\nbye = Goodbye\nthanks = Thank you\n",
    ),
    (
        "fr/app.ftl",
        "hello = Bonjour\nbye = Au revoir\nthanks = Merci\n",
    ),
    ("fr-CA/app.ftl", "hello = Allô\n"),
    (
        "pt_BR/app.ftl",
        "hello = Olá\nbye = Tchau\nthanks = Obrigado\n",
    ),
    (
        "ja-JP-mac/app.ftl",
        "hello = こんにちは\nbye = さようなら\nthanks = ありがとう\n",
    ),
    (
        "de/app.ftl",
        "hello = Hallo\nbye = Tschüss { $name\nthanks = Danke\n",
    ),
];

/// Each folder alone by default (fr-CA lacks two messages); with
/// `--fallback` fr-CA's other messages are served by fr, own 1 of 3.
#[test]
fn lint_fallback_serves_each_message_along_the_chain() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(dir.path(), TREE);
    let json = dir.path().join("r.json");
    let args = [
        "--source", "en-US", "--l10n", ".", "--locale", "fr-CA", "--json", "r.json",
    ];
    let out = check_in(dir.path(), &args);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let alone = json_report(&json);
    assert_eq!(
        brief_findings(&alone, "fr-CA"),
        [
            "missing-message bye fr-CA/app.ftl 0",
            "missing-message thanks fr-CA/app.ftl 0"
        ]
    );
    assert_eq!(stats_row(&alone, "fr-CA")["messages"]["translated"], 1);

    let mut with_fallback = args.to_vec();
    with_fallback.push("--fallback");
    let out = check_in(dir.path(), &with_fallback);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let served = json_report(&json);
    assert_eq!(
        brief_findings(&served, "fr-CA"),
        ["fallback-used - - 0"],
        "{}",
        served["findings"]
    );
    let note = findings(&served, "fr-CA")[0];
    assert_eq!(note["bundle"], "fr");
    assert_eq!(
        note["detail"],
        "the fr bundle serves 2 of the 3 needed messages"
    );
    let row = stats_row(&served, "fr-CA");
    assert_eq!(row["messages"]["translated"], 3);
    assert_eq!(row["own"]["messages"], 1);
    assert_eq!(row["served_by"], "fr-CA");
    assert!(stdout(&out).contains("fr-CA"), "{}", stdout(&out));

    // A locale without a folder that fr serves entirely: no missing-locale.
    let out = check_in(
        dir.path(),
        &[
            "--source",
            "en-US",
            "--l10n",
            ".",
            "--locale",
            "fr-BE",
            "--fallback",
            "--json",
            "r.json",
        ],
    );
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let served = json_report(&json);
    assert_eq!(brief_findings(&served, "fr-BE"), ["fallback-used - - 0"]);
    let row = stats_row(&served, "fr-BE");
    assert_eq!(
        (
            &row["messages"]["translated"],
            &row["own"]["messages"],
            &row["served_by"]
        ),
        (&Value::from(3), &Value::from(0), &Value::from("fr"))
    );
}

/// `pt_BR/` is pt-BR; `ja-JP-mac/` keeps its name, is checked with ja-JP's
/// data, and says so; no folder is skipped silently.
#[test]
fn lint_reads_underscores_and_keeps_non_bcp47_folder_names() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(dir.path(), TREE);
    write_tree(dir.path(), &[("configs/x.toml", "")]);
    let out = check_in(
        dir.path(),
        &["--source", "en-US", "--l10n", ".", "--json", "r.json"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let r = json_report(&dir.path().join("r.json"));
    let locales: Vec<&str> = r["stats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["locale"].as_str().unwrap())
        .collect();
    assert_eq!(locales, ["de", "fr", "fr-CA", "ja-JP-mac", "pt-BR"]);
    assert_eq!(stats_row(&r, "pt-BR")["messages"]["translated"], 3);
    assert_eq!(stats_row(&r, "ja-JP-mac")["messages"]["translated"], 3);
    assert_eq!(brief_findings(&r, "ja-JP-mac"), Vec::<String>::new());
    let notes: Vec<&str> = r["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes.contains(&"ja-JP-mac/ is not a BCP 47 locale tag: it is reported as ja-JP-mac and checked with the CLDR data of ja-JP"),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.starts_with("skipped configs/")),
        "{notes:?}"
    );
}

/// A message lost to a syntax error is reported on its entry (line 2,
/// `bye`), not as missing; the parser's position stays in the detail.
#[test]
fn lint_reports_a_syntax_error_on_the_entry_it_swallows() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(dir.path(), TREE);
    let out = check_in(
        dir.path(),
        &[
            "--source", "en-US", "--l10n", ".", "--locale", "de", "--json", "r.json",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let r = json_report(&dir.path().join("r.json"));
    assert_eq!(brief_findings(&r, "de"), ["syntax-error bye de/app.ftl 2"]);
    let f = findings(&r, "de")[0];
    assert_eq!(f["column"], 1);
    assert!(
        f["detail"]
            .as_str()
            .unwrap()
            .contains("(up to line 3, column 2)"),
        "{}",
        f["detail"]
    );
    assert_eq!(stats_row(&r, "de")["messages"]["missing"], 1);
    assert!(
        stdout(&out).contains("    2:1  error    syntax-error  bye  "),
        "{}",
        stdout(&out)
    );
}

/// `--scope bundle`: one namespace per locale; `--scope file` (the default):
/// the same id in two files is two messages.
#[test]
fn lint_scope_file_and_bundle() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(
        dir.path(),
        &[
            ("en-US/orders/list.ftl", "status-label = Status:\n"),
            ("en-US/sync.ftl", "status-label = Status ({ $device })\n"),
            ("fr/sync.ftl", "status-label = État ({ $device })\n"),
        ],
    );
    let run = |scope: &str| {
        let out = check_in(
            dir.path(),
            &[
                "--source", "en-US", "--l10n", ".", "--scope", scope, "--json", "r.json",
            ],
        );
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        brief_findings(&json_report(&dir.path().join("r.json")), "fr")
    };
    assert_eq!(
        run("file"),
        ["missing-message status-label fr/orders/list.ftl 0"]
    );
    assert_eq!(
        run("bundle"),
        ["unknown-variable status-label fr/sync.ftl 1"]
    );
}

#[test]
fn fallback_and_scope_flags_belong_to_their_modes() {
    let out = check(&["--plan", PLAN, "--fallback"]);
    assert_one_line_error(&out, "--fallback applies to lint mode only");
    let out = check(&[
        "--server",
        "http://127.0.0.1:1",
        "--roadmap",
        "products/p/roadmaps/r",
        "--scope",
        "bundle",
    ]);
    assert_one_line_error(&out, "--scope applies to lint and plan modes only");
}

/// CheckRoadmap and `glocal check --plan` agree finding for finding,
/// severities included, at risk and blocked; a needed message lost to a
/// syntax error is a syntax-error gap on its entry in both.
#[test]
fn plan_and_server_modes_agree_finding_for_finding() {
    let dir = tempfile::tempdir().unwrap();
    let plan_dir = dir.path().join("plan");
    copy_tree(&root().join("tests/fixtures/check/plan"), &plan_dir);
    std::fs::write(
        plan_dir.join("locales/de-DE/lamp.ftl"),
        "dimmer-title = Helligkeitsregler\ndimmer-level = Helligkeit { $percent Prozent\ntimer-title = Ausschalttimer\n",
    )
    .unwrap();
    let server = serve_binary(&dir.path().join("data"));
    let plan = plan_dir.join("plan.toml");
    let import = glocal()
        .args(["import", plan.to_str().unwrap(), "--server", &server.url])
        .output()
        .unwrap();
    assert!(import.status.success(), "{}", stderr(&import));
    let push = glocal()
        .args(["push", "--server", &server.url, "--product", "lamp"])
        .arg(plan_dir.join("locales"))
        .output()
        .unwrap();
    assert!(push.status.success(), "{}", stderr(&push));

    let keys = |r: &Value| {
        let mut k: Vec<String> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {} {} {} {} {} {} {} {} {} {} {}",
                    f["rule"],
                    f["severity"],
                    f["market"],
                    f["locale"],
                    f["file"],
                    f["line"],
                    f["message_id"],
                    f["detail"],
                    f["reasons"],
                    f["need_date"],
                    f["due_date"],
                    f["waived_by"]
                )
            })
            .collect();
        k.sort();
        k
    };
    // 2030-02-20: fr is blocked; 2030-01-01: fr at risk; 2030-05-25: de blocked.
    for as_of in ["2030-01-01", "2030-02-20", "2030-05-25"] {
        let server_json = dir.path().join(format!("server-{as_of}.json"));
        let plan_json = dir.path().join(format!("plan-{as_of}.json"));
        check(&[
            "--server",
            &server.url,
            "--roadmap",
            "products/lamp/roadmaps/v1",
            "--as-of",
            as_of,
            "--json",
            server_json.to_str().unwrap(),
        ]);
        check(&[
            "--plan",
            plan.to_str().unwrap(),
            "--roadmap",
            "v1",
            "--as-of",
            as_of,
            "--json",
            plan_json.to_str().unwrap(),
        ]);
        let (s, p) = (json_report(&server_json), json_report(&plan_json));
        assert_eq!(keys(&s), keys(&p), "{as_of}");
        assert_eq!(without_forecast(&s["launches"]), p["launches"], "{as_of}");
        // The stats rows' reasons and dates agree too.
        let why = |r: &Value| -> Vec<String> {
            let mut rows: Vec<String> = r["stats"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| {
                    format!(
                        "{} {} {} {} {}",
                        x["market"], x["locale"], x["reasons"], x["need_date"], x["due_date"]
                    )
                })
                .collect();
            rows.sort();
            rows
        };
        assert_eq!(why(&s), why(&p), "{as_of}");
        assert!(
            p["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["reasons"].is_array() && f["due_date"].is_string()),
            "{as_of}"
        );
        let lost: Vec<&Value> = p["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "syntax-error")
            .collect();
        assert_eq!(lost.len(), 1, "{as_of}: {}", p["findings"]);
        assert_eq!(
            (&lost[0]["message_id"], &lost[0]["line"], &lost[0]["locale"]),
            (
                &Value::from("dimmer-level"),
                &Value::from(2),
                &Value::from("de-DE")
            )
        );
        let want = if as_of == "2030-05-25" {
            "error"
        } else {
            "warning"
        };
        assert_eq!(lost[0]["severity"], want, "{as_of}");
    }
}

/// Plan mode, JSON: every finding of the fixture plan and every stats row
/// says why its locale is needed and by when the gap blocks.
#[test]
fn plan_findings_say_why_and_by_when() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("plan.json");
    check(&[
        "--plan",
        PLAN,
        "--as-of",
        "2030-02-20",
        "--json",
        json.to_str().unwrap(),
    ]);
    let r = json_report(&json);
    assert_eq!(r["schema_version"], 2);
    let all = r["findings"].as_array().unwrap();
    assert_eq!(all.len(), 3, "{all:?}");
    for f in all {
        assert!(!f["reasons"].as_array().unwrap().is_empty(), "{f}");
        assert!(
            f["need_date"].is_string() && f["due_date"].is_string(),
            "{f}"
        );
    }
    for s in r["stats"].as_array().unwrap() {
        assert!(!s["reasons"].as_array().unwrap().is_empty(), "{s}");
        assert!(s["due_date"].is_string(), "{s}");
    }
    // The fr launch (2030-03-01, window 14): due 2030-02-15.
    let gap = all
        .iter()
        .find(|f| f["rule"] == "missing-message" && f["message_id"] == "dimmer-level")
        .unwrap();
    assert_eq!(
        gap["reasons"],
        serde_json::json!([
            {"kind": "storefront-default", "name": "markets/shop-fr", "obligation": "MANDATORY"},
            {"kind": "roadmap-item", "name": "dimmer", "obligation": "MANDATORY"}
        ])
    );
    assert_eq!(
        (&gap["need_date"], &gap["due_date"]),
        (&Value::from("2030-03-01"), &Value::from("2030-02-15"))
    );
    assert!(gap.get("waived_by").is_none(), "{gap}");
    // The v2 roadmap's timer item is needed on its target date 2030-09-01.
    let v2_note = all
        .iter()
        .find(|f| f["roadmap"] == "products/lamp/roadmaps/v2")
        .unwrap();
    assert_eq!(
        (
            &v2_note["rule"],
            &v2_note["need_date"],
            &v2_note["due_date"]
        ),
        (
            &Value::from("fallback-used"),
            &Value::from("2030-09-01"),
            &Value::from("2030-08-18")
        )
    );
    // The text report follows the gap's detail with why and by when.
    let out = check(&["--plan", PLAN, "--roadmap", "v1", "--as-of", "2030-02-20"]);
    let text = stdout(&out);
    assert!(
        text.contains("message dimmer-level is not translated (in the fr bundle, which serves fr-FR) — storefront default locale of markets/shop-fr, roadmap item dimmer, due 2030-02-15"),
        "{text}"
    );
}

/// A roadmap check whose answer is larger than a gRPC client's default
/// limit (4 MiB): server mode reads it all.
#[test]
fn server_mode_reads_answers_larger_than_four_mebibytes() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_binary(&dir.path().join("data"));
    let import = glocal()
        .args(["import", PLAN, "--server", &server.url])
        .output()
        .unwrap();
    assert!(import.status.success(), "{}", stderr(&import));
    // 12,000 needed messages, translated nowhere: a finding per message in
    // each of the two launches.
    let tree = dir.path().join("locales");
    for locale in ["en-US", "fr", "de"] {
        std::fs::create_dir_all(tree.join(locale)).unwrap();
    }
    let source: String = (0..12_000)
        .map(|i| format!("dimmer-level-{i} = Brightness level number {i}\n"))
        .collect();
    std::fs::write(tree.join("en-US/lamp.ftl"), source).unwrap();
    for locale in ["fr", "de"] {
        std::fs::write(tree.join(locale).join("lamp.ftl"), "other = x\n").unwrap();
    }
    let json = dir.path().join("server.json");
    let out = check(&[
        "--server",
        &server.url,
        "--roadmap",
        "products/lamp/roadmaps/v1",
        "--push",
        tree.to_str().unwrap(),
        "--as-of",
        "2030-02-20",
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1, "{}\n{}", stdout(&out), stderr(&out));
    let r = json_report(&json);
    let missing = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "missing-message")
        .count();
    assert_eq!(missing, 24_000);
}
