//! glocal's own texts in every language: the Fluent resources under
//! `locales/` are complete and format without errors; `glocal check` speaks
//! the language of `--lang`, `LC_ALL`, `LC_MESSAGES` or `LANG`; and the gRPC
//! service answers `accept-language` with a `google.rpc.LocalizedMessage`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Output};

use common::{assert_error, TestServer};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;
use glocal::api::pb::glocal::v1 as pb;
use tonic::Code;
use tonic_types::StatusExt;

// ---------------------------------------------------------------------------
// The resources.
// ---------------------------------------------------------------------------

/// What a resource defines: each message (and `message.attribute`) with the
/// variables its pattern uses.
fn definitions(source: &str, file: &str, language: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{language}/{file} is not valid Fluent: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let id = m.id.name.to_string();
                if let Some(value) = &m.value {
                    out.insert(id.clone(), variables(value));
                }
                for a in &m.attributes {
                    out.insert(format!("{id}.{}", a.id.name), variables(&a.value));
                }
            }
            ast::Entry::Term(t) => panic!("{language}/{file}: unexpected term -{}", t.id.name),
            ast::Entry::Junk { content } => panic!("{language}/{file}: junk {content:?}"),
            _ => {}
        }
    }
    out
}

fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    collect_pattern(pattern, &mut out);
    out
}

fn collect_pattern(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => collect_inline(inline, out),
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for v in variants {
                collect_pattern(&v.value, out);
            }
        }
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, out),
        _ => {}
    }
}

/// Every language defines exactly the source's messages and attributes, each
/// with the source's variables: nothing missing, nothing left over, no
/// variable dropped or invented.
#[test]
fn every_language_translates_every_message_with_the_same_variables() {
    let resources = glocal::l10n::resources();
    let (source_language, source_files) = resources[0];
    assert_eq!(source_language, glocal::l10n::SOURCE_LANGUAGE);
    assert!(resources.len() >= 5, "en-US plus de, fr, es, ja at least");
    for (language, files) in &resources[1..] {
        assert_eq!(files.len(), source_files.len(), "{language}: files");
        for ((file, text), (source_file, source_text)) in files.iter().zip(source_files.iter()) {
            assert_eq!(file, source_file);
            let source = definitions(source_text, file, source_language);
            let translated = definitions(text, file, language);
            let missing: Vec<_> = source
                .keys()
                .filter(|k| !translated.contains_key(*k))
                .collect();
            let extra: Vec<_> = translated
                .keys()
                .filter(|k| !source.contains_key(*k))
                .collect();
            assert!(missing.is_empty(), "{language}/{file} lacks {missing:?}");
            assert!(extra.is_empty(), "{language}/{file} has obsolete {extra:?}");
            for (id, vars) in &source {
                assert_eq!(
                    &translated[id], vars,
                    "{language}/{file} {id}: variables differ from {source_language}"
                );
            }
        }
    }
}

/// Every message of every language formats without an error, with its
/// variables as numbers across plural categories and as strings.
#[test]
fn every_message_formats_in_every_language() {
    let resources = glocal::l10n::resources();
    let mut source_ids = BTreeMap::new();
    for (file, text) in resources[0].1 {
        source_ids.extend(definitions(text, file, "en-US"));
    }
    for (language, files) in resources {
        let mut bundle = FluentBundle::new(vec![language.parse().unwrap()]);
        bundle.set_use_isolating(false);
        for (file, text) in *files {
            let resource = FluentResource::try_new(text.to_string())
                .unwrap_or_else(|_| panic!("{language}/{file} parses"));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| panic!("{language}/{file}: {e:?}"));
        }
        for (key, vars) in &source_ids {
            let (id, attribute) = match key.split_once('.') {
                Some((id, a)) => (id, Some(a)),
                None => (key.as_str(), None),
            };
            let message = bundle.get_message(id).unwrap();
            let pattern = match attribute {
                Some(a) => message.get_attribute(a).unwrap().value(),
                None => message.value().unwrap(),
            };
            let mut samples: Vec<FluentArgs> = [0, 1, 2, 3, 5, 11, 22, 101, 1_000_000]
                .iter()
                .map(|n| {
                    let mut args = FluentArgs::new();
                    for v in vars {
                        args.set(v.as_str(), *n);
                    }
                    args
                })
                .collect();
            let mut strings = FluentArgs::new();
            for v in vars {
                strings.set(v.as_str(), format!("«{v}»"));
            }
            samples.push(strings);
            for args in &samples {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(args), &mut errors);
                assert!(errors.is_empty(), "{language} {key}: {errors:?}");
                assert!(!text.trim().is_empty(), "{language} {key} is empty");
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The command line.
// ---------------------------------------------------------------------------

const LINT_SOURCE: &str = "tests/fixtures/check/lint/en-US";
const LINT_L10N: &str = "tests/fixtures/check/lint";

/// `glocal check` on the lint fixtures, with the locale variables given and
/// every other one removed.
fn check_with(env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_glocal"));
    command
        .arg("check")
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("GLOCAL_LOG", "warn");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("run glocal")
}

fn lint(env: &[(&str, &str)], extra: &[&str]) -> Output {
    let mut args = vec!["--source", LINT_SOURCE, "--l10n", LINT_L10N];
    args.extend_from_slice(extra);
    check_with(env, &args)
}

fn text(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn err(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The last line of the text report: the summary.
fn summary(out: &Output) -> String {
    text(out).lines().last().unwrap_or_default().to_string()
}

#[test]
fn check_speaks_the_chosen_language() {
    // Each language's summary line, from its own resource: the same findings
    // in five languages.
    type Variables<'a> = &'a [(&'a str, &'a str)];
    let table: &[(Variables, &[&str], &str)] = &[
        (&[], &[], "FAILED: 6 blocking findings (6 errors, 2 warnings, 0 notes) in 2 locales; --fail-on error"),
        (&[], &["--lang", "de"], "FEHLGESCHLAGEN: 6 blockierende Befunde"),
        (&[], &["--lang", "de-AT"], "FEHLGESCHLAGEN: 6 blockierende Befunde"),
        (&[("LANG", "fr_FR.UTF-8")], &[], "ÉCHEC : 6 constats bloquants (6 erreurs, 2 avertissements, 0 remarque) dans 2 langues ; --fail-on error"),
        (&[("LANG", "es_MX.UTF-8")], &[], "FALLIDO"),
        (&[("LANG", "de_DE.UTF-8"), ("LC_ALL", "ja_JP.UTF-8")], &[], "不合格"),
        (&[("LANG", "de_DE.UTF-8"), ("LC_MESSAGES", "es_ES")], &[], "FALLIDO"),
        // --lang wins over the environment.
        (&[("LC_ALL", "ja_JP.UTF-8")], &["--lang", "en-US"], "FAILED: 6 blocking findings"),
        // A language glocal has no texts in, from the environment: English.
        (&[("LANG", "pt_BR.UTF-8")], &[], "FAILED: 6 blocking findings"),
        (&[("LANG", "C.UTF-8")], &[], "FAILED: 6 blocking findings"),
    ];
    for (env, extra, expected) in table {
        let out = lint(env, extra);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{env:?} {extra:?}: {}",
            err(&out)
        );
        assert!(
            summary(&out).starts_with(expected),
            "{env:?} {extra:?}: {}",
            summary(&out)
        );
    }
}

#[test]
fn reports_translate_texts_but_not_ids_or_keys() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    let sarif = dir.path().join("r.sarif");
    let markdown = dir.path().join("r.md");
    let out = lint(
        &[],
        &[
            "--lang",
            "de",
            "--json",
            json.to_str().unwrap(),
            "--sarif",
            sarif.to_str().unwrap(),
            "--markdown",
            markdown.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("Locales"), "{}", text(&out));

    // JSON: keys, rule ids and values stay English, notes included; the text
    // report says the notes in German.
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(report["schema_version"], 2);
    assert!(report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "missing-message"));
    let notes: Vec<&str> = report["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes.contains(&"skipped en-US/: it is the source folder"),
        "{notes:?}"
    );
    assert!(
        text(&out).contains("Hinweis: en-US/ übersprungen: das ist der Quellordner"),
        "{}",
        text(&out)
    );

    // Finding details: German in the text report, English in JSON.
    assert!(
        text(&out).contains("Nachricht cart-title ist nicht übersetzt"),
        "{}",
        text(&out)
    );
    let bye = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["message_id"] == "cart-title")
        .unwrap();
    assert_eq!(bye["detail"], "message cart-title is not translated");

    // SARIF: rule ids stay, their help is German.
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let missing = rules.iter().find(|r| r["id"] == "missing-message").unwrap();
    let short = missing["shortDescription"]["text"].as_str().unwrap();
    assert_ne!(short, "A source message or term is not translated.");
    assert!(short.contains("nicht übersetzt"), "{short}");

    // Markdown: German headings.
    let md = std::fs::read_to_string(&markdown).unwrap();
    assert!(
        md.contains("| Markt |") || md.contains("| Locale |"),
        "{md}"
    );
    assert!(!md.contains("| Messages |"), "{md}");
}

#[test]
fn error_lines_are_in_the_chosen_language() {
    let out = check_with(
        &[("LANG", "fr_FR.UTF-8")],
        &[
            "--source",
            "tests/fixtures/check/nowhere",
            "--l10n",
            LINT_L10N,
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let e = err(&out);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.starts_with("erreur"), "{e}");
    assert!(e.contains("--source tests/fixtures/check/nowhere"), "{e}");

    // The reasons validation gives are in the language too.
    let out = lint(&[], &["--lang", "de", "--locale", "fr_CA"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        err(&out),
        "Fehler: --locale fr_CA: \"fr_CA\" ist kein BCP-47-Tag: Subtags werden durch Bindestriche getrennt, wie in \"fr-CA\"\n"
    );

    // An explicit --lang glocal cannot serve is an error that lists the languages.
    for bad in ["pt-BR", "not a tag"] {
        let out = lint(&[], &["--lang", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let e = err(&out);
        assert_eq!(e.lines().count(), 1, "{e}");
        assert!(e.starts_with("error: --lang "), "{e}");
        assert!(e.contains("de, en-US, es, fr, ja"), "{e}");
        assert_eq!(text(&out), "");
    }
}

// ---------------------------------------------------------------------------
// The gRPC service.
// ---------------------------------------------------------------------------

fn with_language<T>(message: T, accept_language: Option<&str>) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    if let Some(value) = accept_language {
        request
            .metadata_mut()
            .insert("accept-language", value.parse().unwrap());
    }
    request
}

/// A request to create market `shop` in `country`, selling in `currency`
/// with one storefront `locale` (some of them invalid on purpose).
fn shop(country: &str, currency: &str, locale: &str) -> pb::CreateMarketRequest {
    pb::CreateMarketRequest {
        market_id: "shop".into(),
        market: Some(pb::Market {
            display_name: "x".into(),
            country: country.into(),
            currency: currency.into(),
            storefront_locales: vec![locale.into()],
            ..Default::default()
        }),
    }
}

/// The LocalizedMessage of an error: (locale, message).
fn localized(status: &tonic::Status) -> Option<(String, String)> {
    status
        .get_error_details()
        .localized_message()
        .map(|m| (m.locale.clone(), m.message.clone()))
}

#[tokio::test]
async fn errors_carry_a_localized_message_in_the_callers_language() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let mut markets = server.markets().await;
    let get = |accept: Option<&str>| {
        with_language(
            pb::GetMarketRequest {
                name: "markets/nowhere".into(),
            },
            accept,
        )
    };

    type Localized<'a> = Option<(&'a str, &'a str)>;
    let table: &[(Option<&str>, Localized)] = &[
        (None, None),
        (Some("de"), Some(("de", "markets/nowhere existiert nicht."))),
        (
            Some("de-CH, en;q=0.5"),
            Some(("de", "markets/nowhere existiert nicht.")),
        ),
        (Some("fr-CA"), Some(("fr", "markets/nowhere n’existe pas."))),
        (
            Some("pt-BR, ja;q=0.8, es;q=0.3"),
            Some(("ja", "markets/nowhere は存在しません。")),
        ),
        (
            Some("en-GB"),
            Some(("en-US", "markets/nowhere does not exist.")),
        ),
        // A language glocal lacks: the source language, still localized.
        (
            Some("pt-BR"),
            Some(("en-US", "markets/nowhere does not exist.")),
        ),
        // Nothing readable: as without the header.
        (Some("*"), None),
    ];
    for (accept, expected) in table {
        let status = markets.get_market(get(*accept)).await.unwrap_err();
        assert_error(&status, Code::NotFound, "RESOURCE_NOT_FOUND", None);
        // The status message stays English, for developers and logs.
        assert_eq!(
            status.message(),
            "markets/nowhere does not exist",
            "{accept:?}"
        );
        let got = localized(&status);
        assert_eq!(
            got.as_ref().map(|(l, m)| (l.as_str(), m.as_str())),
            *expected,
            "accept-language {accept:?}"
        );
    }

    // Invalid fields: the localized message names them; BadRequest keeps
    // each violation.
    let status = markets
        .create_market(with_language(shop("USA", "EURO", "en-US"), Some("es")))
        .await
        .unwrap_err();
    assert_error(
        &status,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("market.country"),
    );
    let (locale, message) = localized(&status).unwrap();
    assert_eq!(locale, "es");
    assert!(
        message.contains("market.country, market.currency"),
        "{message}"
    );
    assert!(message.contains("2 campos"), "{message}");

    // A violation that validation words as one of glocal's texts (the
    // model's reasons are) carries it in the caller's language too.
    let status = markets
        .create_market(with_language(shop("USA", "EUR", "fr_CA"), Some("fr")))
        .await
        .unwrap_err();
    let details = status.get_error_details();
    let violations = &details.bad_request().unwrap().field_violations;
    let locale = violations
        .iter()
        .find(|v| v.field == "market.storefront_locales[0]")
        .unwrap();
    assert_eq!(
        locale.description,
        "\"fr_CA\" is not a BCP 47 tag: subtags are separated by hyphens, as in \"fr-CA\""
    );
    let in_french = locale.localized_message.as_ref().unwrap();
    assert_eq!(in_french.locale, "fr");
    assert_eq!(
        in_french.message,
        "« fr_CA » n’est pas une étiquette BCP 47 : les sous-étiquettes sont séparées par des traits d’union, comme dans « fr-CA »"
    );
    let country = violations
        .iter()
        .find(|v| v.field == "market.country")
        .unwrap();
    assert_eq!(
        country.localized_message.as_ref().unwrap().message,
        "« USA » n’est pas un code de pays ISO 3166-1 alpha-2 (le code alpha-2 de USA est US)"
    );
    // Without accept-language, no violation carries one.
    let status = markets
        .create_market(with_language(shop("CA", "CAD", "fr_CA"), None))
        .await
        .unwrap_err();
    assert!(status
        .get_error_details()
        .bad_request()
        .unwrap()
        .field_violations
        .iter()
        .all(|v| v.localized_message.is_none()));

    // An unknown preset names the presets there are.
    let status = markets
        .import_market_preset(with_language(
            pb::ImportMarketPresetRequest {
                preset: "nope".into(),
                ..Default::default()
            },
            Some("ja"),
        ))
        .await
        .unwrap_err();
    assert_error(
        &status,
        Code::InvalidArgument,
        "UNKNOWN_PRESET",
        Some("preset"),
    );
    let (locale, message) = localized(&status).unwrap();
    assert_eq!(locale, "ja");
    assert!(message.contains("amazon-marketplaces"), "{message}");

    // The API's own reasons (validation-api.ftl) are said in the caller's
    // language too, and in the same English as before.
    let status = markets
        .list_markets(with_language(
            pb::ListMarketsRequest {
                page_token: "nonsense".into(),
                ..Default::default()
            },
            Some("de-AT"),
        ))
        .await
        .unwrap_err();
    assert_error(
        &status,
        Code::InvalidArgument,
        "INVALID_PAGE_TOKEN",
        Some("page_token"),
    );
    let details = status.get_error_details();
    let token = &details.bad_request().unwrap().field_violations[0];
    assert_eq!(
        token.description,
        "is not a token this service returned; pass next_page_token unchanged"
    );
    let in_german = token.localized_message.as_ref().unwrap();
    assert_eq!(in_german.locale, "de");
    assert_eq!(
        in_german.message,
        "ist kein Token, das dieser Dienst zurückgegeben hat; next_page_token unverändert übergeben"
    );

    markets
        .create_market(pb::CreateMarketRequest {
            market_id: "ca".into(),
            market: Some(pb::Market {
                display_name: "Canada".into(),
                country: "CA".into(),
                currency: "CAD".into(),
                storefront_locales: vec!["en-CA".into(), "fr-CA".into()],
                ..Default::default()
            }),
        })
        .await
        .unwrap();
    let status = markets
        .update_market(with_language(
            pb::UpdateMarketRequest {
                market: Some(pb::Market {
                    name: "markets/ca".into(),
                    ..Default::default()
                }),
                update_mask: Some(prost_types::FieldMask {
                    paths: vec!["display_name".into(), "etag".into(), "colour".into()],
                }),
            },
            Some("ja"),
        ))
        .await
        .unwrap_err();
    assert_error(
        &status,
        Code::InvalidArgument,
        "INVALID_FIELD",
        Some("update_mask.paths[1]"),
    );
    let details = status.get_error_details();
    let said: Vec<(&str, &str, &str)> = details
        .bad_request()
        .unwrap()
        .field_violations
        .iter()
        .map(|v| {
            let localized = v.localized_message.as_ref().unwrap();
            assert_eq!(localized.locale, "ja");
            (
                v.field.as_str(),
                v.description.as_str(),
                localized.message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            (
                "update_mask.paths[1]",
                "\"etag\" is output only and cannot be updated",
                "「etag」は出力専用のため更新できません",
            ),
            (
                "update_mask.paths[2]",
                "\"colour\" is not an updatable field; updatable fields are display_name, country, subdivisions, blocs, currency, storefront_locales, default_locale, external_ids",
                "「colour」は更新可能なフィールドではありません。更新可能なフィールド：display_name, country, subdivisions, blocs, currency, storefront_locales, default_locale, external_ids",
            ),
        ]
    );

    server.stop().await;
}
