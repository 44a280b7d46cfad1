//! The per-locale checks of the coverage engine (`glocal::coverage::checks`)
//! on the fixture bundles of `tests/fixtures/coverage/`: `en/` is the source,
//! each other folder a locale with the problems its comments describe.

use std::path::Path;

use glocal::coverage::checks::{check_locale, BundleView, CheckOptions, LocaleReport, LocaleStats};
use glocal::coverage::finding::{Finding, Rule, Severity};
use glocal::domain::ftl::{index_file, FileIndex};
use glocal::domain::{LocaleTag, MessageScope};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/coverage");

/// The indexed `.ftl` files under `dir`, by bundle path (`/`-separated,
/// relative to `dir`).
fn load_bundle(dir: &Path) -> Vec<(String, FileIndex)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, FileIndex)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "ftl") {
                let relative = path.strip_prefix(root).unwrap();
                let name: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((name.join("/"), index_file(&text)));
            }
        }
    }
    let mut files = Vec::new();
    if dir.is_dir() {
        walk(dir, dir, &mut files);
    }
    files
}

fn view(files: &[(String, FileIndex)]) -> BundleView<'_> {
    BundleView::new(
        files.iter().map(|(p, i)| (p.as_str(), i)),
        MessageScope::File,
    )
}

fn options() -> CheckOptions {
    CheckOptions {
        source_locale: Some(LocaleTag::parse("en").unwrap()),
        identical_allowed: vec!["copyright".into()],
    }
}

fn check(locale: &str, options: &CheckOptions) -> LocaleReport {
    let source = load_bundle(&Path::new(FIXTURES).join("en"));
    let target = load_bundle(&Path::new(FIXTURES).join(locale));
    check_locale(
        &view(&source),
        &view(&target),
        &LocaleTag::parse(locale).unwrap(),
        options,
    )
}

/// A finding as the tables write it: rule, message id, `file:line:column`.
fn brief(f: &Finding) -> (String, String, String) {
    (
        f.rule.id().to_string(),
        f.message_id.clone().unwrap_or_default(),
        format!(
            "{}:{}:{}",
            f.file.as_deref().unwrap_or("-"),
            f.line,
            f.column
        ),
    )
}

/// The findings of `report` as `(rule, message id, file:line:column)`.
fn briefs(report: &LocaleReport) -> Vec<(String, String, String)> {
    report.findings.iter().map(brief).collect()
}

/// One expectation: in `locale` (checked with [`options`]), a finding of
/// `rule` for `message_id` at `at` exists (`Some`) or none of that rule for
/// that id does (`None`).
struct Case {
    what: &'static str,
    locale: &'static str,
    rule: Rule,
    message_id: &'static str,
    at: Option<&'static str>,
}

const fn case(
    what: &'static str,
    locale: &'static str,
    rule: Rule,
    message_id: &'static str,
    at: Option<&'static str>,
) -> Case {
    Case {
        what,
        locale,
        rule,
        message_id,
        at,
    }
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // One case per rule (missing-locale has its own test below).
    case("missing message", "fr", Rule::MissingMessage, "files", Some("app.ftl:0:0")),
    case("missing term", "de", Rule::MissingMessage, "-brand", Some("app.ftl:0:0")),
    case("missing file: its messages", "ja", Rule::MissingMessage, "checkout", Some("shop/cart.ftl:0:0")),
    case("missing value", "fr", Rule::MissingValue, "login", Some("app.ftl:17:1")),
    case("missing attribute", "fr", Rule::MissingAttribute, "email.placeholder", Some("app.ftl:20:1")),
    case("only attributes, one missing", "fr", Rule::MissingAttribute, "search.aria-label", Some("app.ftl:23:1")),
    case("only attributes, the other present", "fr", Rule::MissingAttribute, "search.placeholder", None),
    case("only attributes: no value to miss", "fr", Rule::MissingValue, "search", None),
    case("term attributes are private", "fr", Rule::MissingAttribute, "-vendor.gender", None),
    case("obsolete message", "fr", Rule::ObsoleteMessage, "old-banner", Some("app.ftl:34:1")),
    case("obsolete term", "de", Rule::ObsoleteMessage, "-unused", Some("app.ftl:10:1")),
    case("locale's own referenced term", "de", Rule::ObsoleteMessage, "-de-article", None),
    case("duplicate id in a file", "fr", Rule::DuplicateId, "cart-title", Some("shop/cart.ftl:3:1")),
    case("per file, an id in another file than the source's is obsolete there", "de", Rule::ObsoleteMessage, "hello", Some("shop/cart.ftl:5:1")),
    case("per file, no duplicate across files", "de", Rule::DuplicateId, "hello", None),
    case("syntax error, at its entry", "fr", Rule::SyntaxError, "", Some("shop/cart.ftl:4:1")),
    case("unknown variable", "fr", Rule::UnknownVariable, "hello", Some("app.ftl:8:1")),
    case("dropped variable", "fr", Rule::DroppedVariable, "hello", Some("app.ftl:8:1")),
    case("French [other] dropping $count", "fr", Rule::DroppedVariable, "items", Some("app.ftl:11:1")),
    case("[one] One item without $count", "de", Rule::DroppedVariable, "items", None),
    case("[one] One file while the source shows $count", "en-GB", Rule::DroppedVariable, "files", None),
    case("Japanese dropping $count", "ja", Rule::DroppedVariable, "items", None),
    case("Japanese select with only [other]", "ja", Rule::DroppedVariable, "files", None),
    case("unresolved term reference", "fr", Rule::UnresolvedReference, "about", Some("app.ftl:32:1")),
    case("unresolved message attribute", "de", Rule::UnresolvedReference, "about", Some("app.ftl:33:1")),
    case("term resolved by the source", "de", Rule::UnresolvedReference, "welcome", None),
    case("term attribute resolved by the source", "fr", Rule::UnresolvedReference, "checkout", None),
    case("missing plural categories", "pl", Rule::MissingPluralCategory, "items", Some("app.ftl:10:1")),
    case("default [many] serves other", "pl", Rule::MissingPluralCategory, "files", None),
    case("CLDR French needs many", "fr", Rule::MissingPluralCategory, "items", Some("app.ftl:11:1")),
    case("Japanese needs only other", "ja", Rule::MissingPluralCategory, "files", None),
    case("identical to source", "fr", Rule::IdenticalToSource, "privacy", Some("app.ftl:26:1")),
    case("identical but allowed", "fr", Rule::IdenticalToSource, "copyright", None),
    case("identical but only a number", "fr", Rule::IdenticalToSource, "version", None),
    case("identical in the source's language", "en-GB", Rule::IdenticalToSource, "privacy", None),
];

#[test]
fn one_case_per_rule() {
    let mut failures = Vec::new();
    for c in CASES {
        let report = check(c.locale, &options());
        let found: Vec<String> = report
            .of_rule(c.rule)
            .filter(|f| f.message_id.as_deref().unwrap_or_default() == c.message_id)
            .map(|f| brief(f).2)
            .collect();
        let ok = match c.at {
            Some(at) => found == [at],
            None => found.is_empty(),
        };
        if !ok {
            failures.push(format!(
                "{} ({}, {} {}): expected {:?}, found {found:?}",
                c.what, c.locale, c.rule, c.message_id, c.at
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `(rule, message id, file:line:column)`, as the tables write a finding.
type Brief = (&'static str, &'static str, &'static str);

/// Every finding of every fixture locale: nothing more than the table says.
#[test]
fn exact_findings_per_locale() {
    #[rustfmt::skip]
    let expected: &[(&str, &[Brief])] = &[
        ("fr", &[
            ("missing-message", "files", "app.ftl:0:0"),
            ("unknown-variable", "hello", "app.ftl:8:1"),
            ("dropped-variable", "hello", "app.ftl:8:1"),
            ("dropped-variable", "items", "app.ftl:11:1"),
            ("missing-plural-category", "items", "app.ftl:11:1"),
            ("missing-value", "login", "app.ftl:17:1"),
            ("missing-attribute", "email.placeholder", "app.ftl:20:1"),
            ("missing-attribute", "search.aria-label", "app.ftl:23:1"),
            ("identical-to-source", "privacy", "app.ftl:26:1"),
            ("unresolved-reference", "about", "app.ftl:32:1"),
            ("obsolete-message", "old-banner", "app.ftl:34:1"),
            ("duplicate-id", "cart-title", "shop/cart.ftl:3:1"),
            ("syntax-error", "", "shop/cart.ftl:4:1"),
        ]),
        ("de", &[
            ("missing-message", "-brand", "app.ftl:0:0"),
            ("obsolete-message", "-unused", "app.ftl:10:1"),
            ("unresolved-reference", "about", "app.ftl:33:1"),
            ("obsolete-message", "hello", "shop/cart.ftl:5:1"),
        ]),
        ("ja", &[
            ("missing-message", "cart-title", "shop/cart.ftl:0:0"),
            ("missing-message", "cart-total", "shop/cart.ftl:0:0"),
            ("missing-message", "checkout", "shop/cart.ftl:0:0"),
        ]),
        ("pl", &[("missing-plural-category", "items", "app.ftl:10:1")]),
        ("en-GB", &[]),
    ];
    for (locale, findings) in expected {
        let report = check(locale, &options());
        let want: Vec<(String, String, String)> = findings
            .iter()
            .map(|(r, i, a)| (r.to_string(), i.to_string(), a.to_string()))
            .collect();
        assert_eq!(briefs(&report), want, "{locale}");
        for f in &report.findings {
            assert_eq!(f.locale, *locale);
            assert_eq!(f.severity, f.rule.default_severity());
            assert_eq!(f.market, None);
        }
    }
}

#[test]
fn details_name_what_is_wrong() {
    let report = check("fr", &options());
    let detail = |rule: Rule, id: &str| {
        report
            .of_rule(rule)
            .find(|f| f.message_id.as_deref() == Some(id))
            .map(|f| f.detail.clone())
            .unwrap()
    };
    assert!(detail(Rule::UnknownVariable, "hello").contains("$nom"));
    let dropped = detail(Rule::DroppedVariable, "items");
    assert!(
        dropped.contains("$count") && dropped.contains("[other]"),
        "{dropped}"
    );
    assert!(detail(Rule::UnresolvedReference, "about").contains("-partner"));
    assert!(detail(Rule::MissingPluralCategory, "items").contains("many"));
    let syntax = report.of_rule(Rule::SyntaxError).next().unwrap();
    assert!(syntax.detail.contains("Expected"), "{}", syntax.detail);
    assert_eq!(syntax.severity, Severity::Error);
}

#[test]
fn identical_to_source_allow_list() {
    let ids = |options: &CheckOptions, locale: &str| -> Vec<String> {
        check(locale, options)
            .of_rule(Rule::IdenticalToSource)
            .map(|f| f.message_id.clone().unwrap())
            .collect()
    };
    // Without an allow-list, the copyright line is a copy too.
    let none = CheckOptions {
        source_locale: Some(LocaleTag::parse("en").unwrap()),
        identical_allowed: vec![],
    };
    assert_eq!(ids(&none, "fr"), ["privacy", "copyright"]);
    assert_eq!(ids(&none, "ja"), ["copyright"]);
    // A prefix silences every id it starts.
    let prefix = CheckOptions {
        identical_allowed: vec!["priv*".into(), "copy*".into()],
        ..none.clone()
    };
    assert_eq!(ids(&prefix, "fr"), Vec::<String>::new());
    // An attribute alone, or the whole message.
    assert!(prefix.identical_is_allowed("privacy.title"));
    let exact = CheckOptions {
        identical_allowed: vec!["email.placeholder".into(), "login".into()],
        ..none.clone()
    };
    assert!(exact.identical_is_allowed("email.placeholder"));
    assert!(!exact.identical_is_allowed("email"));
    assert!(exact.identical_is_allowed("login.title"));
    // Without a source locale, en-GB copies are reported like any other.
    let unknown_source = CheckOptions::default();
    assert_eq!(
        ids(&unknown_source, "en-GB").len(),
        // Every message whose value or attribute has letters, except
        // email.placeholder (changed) and files (changed).
        [
            "hello",
            "welcome",
            "items",
            "login",
            "login.title",
            "email",
            "email.title",
            "search.placeholder",
            "search.aria-label",
            "privacy",
            "copyright",
            "about",
            "cart-title",
            "cart-total",
            "checkout"
        ]
        .len()
    );
}

#[test]
fn stats_count_messages_and_words() {
    // Source: 16 ids (14 messages, 2 terms), 40 words.
    let fr = check("fr", &options()).stats;
    assert_eq!(
        fr,
        LocaleStats {
            source_messages: 16,
            source_words: 40,
            // login (7 words), email (5) and search (4) lack a part.
            translated_messages: 12,
            translated_words: 22,
            incomplete_messages: 3,
            incomplete_words: 16,
            // files: "file", "files".
            missing_messages: 1,
            missing_words: 2,
            // old-banner.
            obsolete_messages: 1,
        }
    );
    let ja = check("ja", &options()).stats;
    // shop/cart.ftl: 3 messages, 5 words.
    assert_eq!(
        (
            ja.translated_messages,
            ja.translated_words,
            ja.missing_messages,
            ja.missing_words
        ),
        (13, 35, 3, 5)
    );
    // de: -brand (1 word) missing, -unused and shop/cart.ftl's hello (the
    // source has hello in app.ftl only) obsolete, -de-article its own.
    let de = check("de", &options()).stats;
    assert_eq!(
        (
            de.translated_messages,
            de.missing_words,
            de.obsolete_messages
        ),
        (15, 1, 2)
    );
}

#[test]
fn missing_locale() {
    let source = load_bundle(&Path::new(FIXTURES).join("en"));
    let report = check_locale(
        &view(&source),
        &BundleView::new([], MessageScope::File),
        &LocaleTag::parse("it").unwrap(),
        &options(),
    );
    assert_eq!(
        briefs(&report),
        [(
            "missing-locale".to_string(),
            String::new(),
            "-:0:0".to_string()
        )]
    );
    assert_eq!(report.stats.missing_messages, 16);
    assert_eq!(report.stats.missing_words, 40);
    assert_eq!(report.stats.translated_messages, 0);
}

#[test]
fn bundle_view_first_definition_wins() {
    let a = index_file("x = A\ny = A\n");
    let b = index_file("x = B\nz = B\n");
    // Given out of order: sorted by path.
    let view = BundleView::new([("b.ftl", &b), ("a.ftl", &a)], MessageScope::Bundle);
    assert_eq!(view.files()[0].0, "a.ftl");
    // One namespace: the first definition in path order, asked for any file.
    for file in ["a.ftl", "b.ftl"] {
        let x = view.get(file, "x").unwrap();
        assert_eq!(
            (x.file, x.entry.value.as_ref().unwrap().source.as_str()),
            ("a.ftl", "A")
        );
    }
    let ids: Vec<&str> = view.entries().map(|l| l.entry.id.as_str()).collect();
    assert_eq!(ids, ["x", "y", "z"]);

    // Per file: `x` of b.ftl is its own message.
    let view = BundleView::new([("b.ftl", &b), ("a.ftl", &a)], MessageScope::File);
    let x = view.get("b.ftl", "x").unwrap();
    assert_eq!(
        (x.file, x.entry.value.as_ref().unwrap().source.as_str()),
        ("b.ftl", "B")
    );
    assert!(view.get("b.ftl", "y").is_none());
    let ids: Vec<(&str, &str)> = view
        .entries()
        .map(|l| (l.file, l.entry.id.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("a.ftl", "x"),
            ("a.ftl", "y"),
            ("b.ftl", "x"),
            ("b.ftl", "z")
        ]
    );
    assert_eq!(view.get_anywhere("x").unwrap().file, "a.ftl");
}

/// Under BUNDLE scope a locale's files are one namespace: the `hello` that
/// de defines again in shop/cart.ftl is a duplicate of app.ftl's, not an
/// obsolete message.
#[test]
fn bundle_scope_reports_ids_defined_in_two_files() {
    let source = load_bundle(&Path::new(FIXTURES).join("en"));
    let target = load_bundle(&Path::new(FIXTURES).join("de"));
    fn bundle(files: &[(String, FileIndex)]) -> BundleView<'_> {
        BundleView::new(
            files.iter().map(|(p, i)| (p.as_str(), i)),
            MessageScope::Bundle,
        )
    }
    let report = check_locale(
        &bundle(&source),
        &bundle(&target),
        &LocaleTag::parse("de").unwrap(),
        &options(),
    );
    let hello: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.message_id.as_deref() == Some("hello"))
        .map(brief)
        .collect();
    assert_eq!(
        hello,
        [(
            "duplicate-id".to_string(),
            "hello".to_string(),
            "shop/cart.ftl:5:1".to_string()
        )]
    );
    assert_eq!(report.stats.obsolete_messages, 1);
}

#[test]
fn report_serializes_with_rule_ids() {
    let report = check("pl", &options());
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["findings"][0]["rule"], "missing-plural-category");
    assert_eq!(json["findings"][0]["severity"], "warning");
    assert_eq!(json["stats"]["source_messages"], 16);
}
