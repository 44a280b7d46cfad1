//! The per-locale checks on the real mozilla.org corpus, for comparison with
//! Mozilla's `compare-locales` (see `tests/compare_locales.py`).
//!
//! Ignored by default (the corpus is not part of the project):
//!
//! ```sh
//! GLOCAL_AGREEMENT_OUT=/tmp/glocal.json \
//!     cargo test --release --test corpus_agreement -- --ignored --nocapture
//! ```
//!
//! `GLOCAL_CORPUS` is the folder holding `www-l10n/` (default
//! `../shared/corpus`, beside the repository). The test indexes every file
//! with `index_file`, checks every locale folder against `en/`, prints per
//! locale the counts of missing messages, obsolete messages and missing
//! attributes, and, when `GLOCAL_AGREEMENT_OUT` is set, writes them (with the
//! ids, each as `file:id`), the statistics and the other findings there as
//! JSON. Locales are checked under FILE scope, as compare-locales compares
//! them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use glocal::coverage::checks::{check_locale, BundleView, CheckOptions};
use glocal::coverage::finding::Rule;
use glocal::domain::ftl::{index_file, FileIndex};
use glocal::domain::{LocaleTag, MessageScope};

/// The `.ftl` files under `dir` as (bundle path, text), in path order.
fn read_bundle(dir: &Path) -> Vec<(String, String)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "ftl") {
                let relative = path.strip_prefix(root).unwrap();
                let name: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push((name.join("/"), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    files
}

#[test]
#[ignore = "reads the corpus in ../shared/corpus (or GLOCAL_CORPUS); run with --ignored"]
fn corpus_agreement() {
    let corpus = std::env::var_os("GLOCAL_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let root = corpus.join("www-l10n");
    if !root.join("en").is_dir() {
        println!(
            "corpus_agreement: no corpus at {} (set GLOCAL_CORPUS to the folder holding www-l10n/); skipped",
            root.display()
        );
        return;
    }

    let mut locales: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "en" && name != "configs")
        .collect();
    locales.sort();

    let read_start = Instant::now();
    let source_text = read_bundle(&root.join("en"));
    let targets_text: Vec<(String, Vec<(String, String)>)> = locales
        .iter()
        .map(|l| (l.clone(), read_bundle(&root.join(l))))
        .collect();
    let read_time = read_start.elapsed();

    let index_start = Instant::now();
    let index = |files: &[(String, String)]| -> Vec<(String, FileIndex)> {
        files
            .iter()
            .map(|(path, text)| (path.clone(), index_file(text)))
            .collect()
    };
    let source_files = index(&source_text);
    let targets: Vec<(String, Vec<(String, FileIndex)>)> = targets_text
        .iter()
        .map(|(l, files)| (l.clone(), index(files)))
        .collect();
    let index_time = index_start.elapsed();

    // compare-locales compares each file with the source file of the same
    // path: glocal's FILE scope.
    let scope = MessageScope::File;
    let source = BundleView::new(source_files.iter().map(|(p, i)| (p.as_str(), i)), scope);
    let options = CheckOptions {
        source_locale: Some(LocaleTag::parse("en").unwrap()),
        identical_allowed: Vec::new(),
    };
    let mut check_time = Duration::ZERO;
    let mut out = BTreeMap::new();
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    println!(
        "{:8} {:>8} {:>8} {:>8} {:>8}",
        "locale", "missing", "obsolete", "attrs", "findings"
    );
    for (locale, files) in &targets {
        let tag = LocaleTag::parse(locale).unwrap();
        let start = Instant::now();
        let target = BundleView::new(files.iter().map(|(p, i)| (p.as_str(), i)), scope);
        let report = check_locale(&source, &target, &tag, &options);
        check_time += start.elapsed();
        // Each as `file:id`: the same id in two files is two messages.
        let key = |f: &glocal::coverage::finding::Finding| {
            format!(
                "{}:{}",
                f.file.as_deref().unwrap_or_default(),
                f.message_id.as_deref().unwrap_or_default()
            )
        };
        let ids = |rule: Rule| -> BTreeSet<String> { report.of_rule(rule).map(key).collect() };
        // A source message lost to a syntax error is missing for
        // compare-locales (its parser skips the junk); glocal reports it as
        // the syntax error on that message.
        let lost = report.of_rule(Rule::SyntaxError).filter(|f| {
            f.message_id.as_deref().is_some_and(|id| {
                source
                    .get(f.file.as_deref().unwrap_or_default(), id)
                    .is_some()
            })
        });
        let missing: BTreeSet<String> = ids(Rule::MissingMessage)
            .into_iter()
            .chain(lost.map(key))
            .collect();
        let obsolete = ids(Rule::ObsoleteMessage);
        let attributes = ids(Rule::MissingAttribute);
        println!(
            "{locale:8} {:>8} {:>8} {:>8} {:>8}",
            missing.len(),
            obsolete.len(),
            attributes.len(),
            report.findings.len()
        );
        for f in &report.findings {
            *totals.entry(f.rule.id()).or_default() += 1;
        }
        out.insert(
            locale.clone(),
            serde_json::json!({
                "missing": missing,
                "obsolete": obsolete,
                "missing_attributes": attributes,
                "stats": report.stats,
                "other_findings": report
                    .findings
                    .iter()
                    .filter(|f| !matches!(
                        f.rule,
                        Rule::MissingMessage | Rule::ObsoleteMessage | Rule::MissingAttribute
                    ))
                    .map(ToString::to_string)
                    .collect::<Vec<_>>(),
            }),
        );
    }
    println!("findings by rule over all locales: {totals:?}");
    let files: usize = targets.iter().map(|(_, f)| f.len()).sum::<usize>() + source_files.len();
    println!(
        "{} locales, {files} files: read {read_time:?}, index {index_time:?}, check {check_time:?}",
        targets.len()
    );
    if let Some(path) = std::env::var_os("GLOCAL_AGREEMENT_OUT") {
        let json = serde_json::json!({
            "locales": out,
            "timing_seconds": {
                "read": read_time.as_secs_f64(),
                "index": index_time.as_secs_f64(),
                "check": check_time.as_secs_f64(),
            },
        });
        std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
        println!("wrote {}", Path::new(&path).display());
    }
}
