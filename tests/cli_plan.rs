//! `glocal import` and `glocal export` on the real binary against real
//! `glocal serve` processes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{free_address, glocal, serve_binary_fresh, stderr, stdout, ServeProcess};
use glocal::api::pb::glocal::v1::{market_service_client::MarketServiceClient, GetMarketRequest};

fn example_plan() -> PathBuf {
    common::root().join("examples/plan.toml")
}

/// What these tests ask of a `glocal serve` process: imports, exports, and
/// whether it has a market.
trait PlanServer {
    fn import(&self, plan: &Path, extra: &[&str]) -> Output;
    fn export(&self, product: &str) -> Output;
    /// Exports `product`, which must succeed.
    fn export_ok(&self, product: &str) -> String;
    /// Whether the server has `markets/{id}`, asked over gRPC.
    fn has_market(&self, id: &str) -> bool;
}

impl PlanServer for ServeProcess {
    fn import(&self, plan: &Path, extra: &[&str]) -> Output {
        glocal()
            .arg("import")
            .arg(plan)
            .args(["--server", &self.url])
            .args(extra)
            .output()
            .unwrap()
    }

    fn export(&self, product: &str) -> Output {
        glocal()
            .args(["export", "--product", product, "--server", &self.url])
            .output()
            .unwrap()
    }

    fn export_ok(&self, product: &str) -> String {
        let out = self.export(product);
        assert_eq!(out.status.code(), Some(0), "export: {}", stderr(&out));
        stdout(&out)
    }

    fn has_market(&self, id: &str) -> bool {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let mut client = MarketServiceClient::connect(self.url.clone())
                .await
                .unwrap();
            match client
                .get_market(GetMarketRequest {
                    name: format!("markets/{id}"),
                })
                .await
            {
                Ok(_) => true,
                Err(s) if s.code() == tonic::Code::NotFound => false,
                Err(s) => panic!("GetMarket: {s}"),
            }
        })
    }
}

/// Asserts a successful import and returns its standard output.
fn imported(out: Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "import failed:\n{}{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

/// Asserts a failed command (exit 2) and returns its standard error.
fn failed(out: Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(2),
        "expected exit 2:\n{}{}",
        stdout(&out),
        stderr(&out)
    );
    stderr(&out)
}

/// The numbers of "created N, updated N, unchanged N".
fn counts(summary: &str) -> (usize, usize, usize) {
    let number = |word: &str| -> usize {
        let rest =
            &summary[summary.find(word).unwrap_or_else(|| panic!("{summary}")) + word.len()..];
        rest.trim_start()
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    (number("created"), number("updated"), number("unchanged"))
}

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// The 1-based line of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the plan"))
        + 1
}

#[test]
fn the_example_plan_imports_and_a_second_import_changes_nothing() {
    let server = serve_binary_fresh();
    let first = imported(server.import(&example_plan(), &[]));
    let (created, updated, unchanged) = counts(&first);
    // The plan's own 10 resources plus the preset's markets and requirements.
    assert!(created > 10, "{first}");
    assert_eq!((updated, unchanged), (0, 0), "{first}");

    let second = imported(server.import(&example_plan(), &["--verbose"]));
    let (created, updated, unchanged) = counts(&second);
    assert_eq!((created, updated), (0, 0), "{second}");
    assert_eq!(unchanged, 10, "{second}");
    for name in [
        "markets/shop-fi",
        "requirements/canada-bilingual-labelling",
        "products/kettle",
        "products/kettle/variants/ca",
        "products/kettle/launches/fi",
        "products/kettle/roadmaps/launch-2027",
    ] {
        assert!(
            second.contains(&format!("  unchanged {name}\n")),
            "{second}"
        );
    }
}

#[test]
fn the_example_plan_round_trips_through_export() {
    let dir = tempfile::tempdir().unwrap();
    let a = serve_binary_fresh();
    imported(a.import(&example_plan(), &[]));
    let exported = a.export_ok("kettle");
    assert!(exported.starts_with("# glocal plan of products/kettle"));
    // The export names the preset markets it uses, with their requirements.
    for needle in [
        "id = \"amazon-ca\"",
        "id = \"quebec-french-language\"",
        "jurisdiction = { subdivision = \"CA-QC\" }",
        "phases = [{ phase = \"BETA\", date = 2027-02-01 }, { phase = \"GA\", date = 2027-04-15 }]",
        "[[roadmap.item]]",
    ] {
        assert!(exported.contains(needle), "{needle}:\n{exported}");
    }
    // `status = "PLANNED"` and `message_scope = "file"` are the defaults, so
    // they are left out.
    assert!(!exported.contains("status ="), "{exported}");
    assert!(!exported.contains("message_scope"), "{exported}");

    // --output writes the same text to a file.
    let file = dir.path().join("kettle.toml");
    let out = glocal()
        .args(["export", "--product", "products/kettle", "--server", &a.url])
        .arg("--output")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), exported);

    let b = serve_binary_fresh();
    imported(b.import(&file, &[]));
    assert_eq!(b.export_ok("kettle"), exported, "export → import → export");
    // And the exported plan is unchanged on the server it came from.
    let again = imported(a.import(&file, &[]));
    assert_eq!(counts(&again).0 + counts(&again).1, 0, "{again}");
}

/// Every field of every resource at a value other than its default, written
/// the way `glocal export` writes it (so its requirements are exactly those of
/// its markets, in name order).
const EVERY_FIELD: &str = r#"
[[market]]
id = "shop-ca"
display_name = "Shop \"Canada\" \\ Québec"
country = "CA"
subdivisions = ["CA-QC", "CA-NB"]
blocs = ["USMCA"]
currency = "CAD"
storefront_locales = ["en-CA", "fr-CA"]
default_locale = "fr-CA"
external_ids = { erp_code = "SHOP-CA", shopify_shop_id = "shop-ca-1" }

[[market]]
id = "shop-fi"
display_name = "Shop Finland"
country = "FI"
blocs = ["EU", "EEA"]
currency = "EUR"
storefront_locales = ["fi-FI", "sv-FI"]

[[requirement]]
id = "r-bloc"
jurisdiction = { bloc = "EU" }
kind = "ACCESSIBILITY"
summary = "Accessible."

[[requirement]]
id = "r-country"
jurisdiction = { country = "FI" }
kind = "SAFETY_MARK"
summary = "Safety texts in Finnish and Swedish.\nSecond line."
legal_reference = "Kuluttajaturvallisuuslaki 920/2011, s. 10"
source_url = "https://www.finlex.fi/fi/laki/ajantasa/2011/20110920"
effective_from = 2011-09-01
effective_until = 2031-12-31
product_categories = ["kitchen", "toys"]
locale_rules = [
  { locale = "fi-FI", obligation = "RECOMMENDED", match_policy = "EXACT", must_be_default = true },
  { locale = "sv-FI", match_policy = "SAME_LANGUAGE" },
  { locale = "en", obligation = "RECOMMENDED" },
]
required_messages = ["safety-*", "warning-hot"]

[[requirement]]
id = "r-sub"
jurisdiction = { subdivision = "CA-QC" }
kind = "LEGAL_LANGUAGE"
summary = "French."
locale_rules = [{ locale = "fr-CA" }]

[product]
id = "gadget"
display_name = "Gadget"
source_locale = "en-US"
categories = ["kitchen"]
message_scope = "bundle"

[product.fluent]
directory = "l10n/ftl"
layout = "{locale}/**/*.ftl"

[[variant]]
id = "na"
display_name = "Gadget NA"
sku = "GDG-NA-1"
markets = ["shop-ca"]
attributes = { plug = "type-b", voltage = "120" }
features = ["pairing", "presets"]
required_messages = ["qc-*"]

[[variant]]
id = "nordic"
display_name = "Gadget Nordic"
markets = ["shop-fi", "shop-ca"]

[[launch]]
id = "ca"
market = "shop-ca"
variant = "na"
phases = [{ phase = "ALPHA", date = 2027-01-04 }, { phase = "BETA", date = 2027-02-01 }, { phase = "GA", date = 2027-03-01 }]
status = "LAUNCHED"
locales = ["fr-CA", "en-CA"]

[[launch]]
id = "fi"
market = "shop-fi"
variant = "nordic"
phases = [{ phase = "GA", date = 2027-06-01 }]
status = "CANCELLED"

[[launch]]
id = "fi-paused"
market = "shop-fi"
variant = "nordic"
phases = [{ phase = "BETA", date = 2027-05-01 }]
status = "PAUSED"

[[roadmap]]
id = "h1"
display_name = "H1 2027"

[[roadmap.item]]
id = "pairing"
title = "Pairing"
messages = ["pairing/setup.ftl", "pairing-*", "-brand-name"]
target_date = 2027-02-15
markets = ["shop-fi", "shop-ca"]
waivers = [
  { requirement = "r-country", reason = "Swedish later", approver = "pm@example.com", expiry = 2027-09-30 },
  { requirement = "r-sub", reason = "QC ships in H2", approver = "legal@example.com" },
]

[[roadmap.item]]
id = "presets"
title = "Presets"
messages = ["preset-*"]

[[roadmap]]
id = "h2"

[[roadmap.item]]
id = "later"
title = "Later"
messages = ["later-*"]
"#;

#[test]
fn a_plan_with_every_field_set_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), "plan.toml", EVERY_FIELD);
    let a = serve_binary_fresh();
    let first = imported(a.import(&plan, &[]));
    assert_eq!(counts(&first), (13, 0, 0), "{first}");
    let exported = a.export_ok("gadget");

    // Nothing was lost or changed on the way: the export holds the same TOML.
    let want: toml::Table = toml::from_str(EVERY_FIELD).unwrap();
    let got: toml::Table = toml::from_str(&exported).unwrap();
    assert_eq!(got, want, "exported:\n{exported}");

    let exported_file = write(dir.path(), "exported.toml", &exported);
    let b = serve_binary_fresh();
    assert_eq!(counts(&imported(b.import(&exported_file, &[]))), (13, 0, 0));
    assert_eq!(b.export_ok("gadget"), exported, "byte for byte");
}

const SMALL: &str = r#"[product]
id = "kettle"
source_locale = "en-US"
"#;

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let plan = write(
        dir.path(),
        "plan.toml",
        &format!("{SMALL}\n[[market]]\nid = \"fi\ncountry = \"FI\"\n"),
    );
    // No server is needed to find it.
    let out = glocal()
        .arg("import")
        .arg(&plan)
        .args(["--server", "http://127.0.0.1:1"])
        .output()
        .unwrap();
    let err = failed(out);
    let expected = format!("{}:6:9: ", plan.display());
    assert!(err.starts_with(&expected), "{expected}\n{err}");
    assert!(err.contains("nothing was sent"), "{err}");
}

#[test]
fn an_unknown_field_is_an_error_at_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let content =
        format!("{SMALL}\n[[market]]\nid = \"fi\"\ncontry = \"FI\"\n\n[[launch]]\nid = \"x\"\n");
    let plan = write(dir.path(), "plan.toml", &content);
    let out = glocal()
        .arg("import")
        .arg(&plan)
        .args(["--server", "http://127.0.0.1:1"])
        .output()
        .unwrap();
    let err = failed(out);
    let line = line_of(&content, "contry");
    assert!(
        err.starts_with(&format!(
            "{}:{line}:1: unknown field `contry`, expected one of",
            plan.display()
        )),
        "{err}"
    );

    // A wrong type and a quoted date are errors too, with their positions.
    for (bad, needle, column) in [
        ("[[market]]\nid = \"fi\"\nblocs = \"EU\"\n", "blocs", 9),
        (
            "[[launch]]\nid = \"x\"\nphases = [{ phase = \"GA\", date = \"2027-01-01\" }]\n",
            "phases",
            34,
        ),
        ("[[launch]]\nid = \"x\"\nstatus = \"DONE\"\n", "status", 10),
    ] {
        let content = format!("{SMALL}\n{bad}");
        let plan = write(dir.path(), "plan.toml", &content);
        let err = failed(
            glocal()
                .arg("import")
                .arg(&plan)
                .args(["--server", "http://127.0.0.1:1"])
                .output()
                .unwrap(),
        );
        let at = format!(
            "{}:{}:{column}: ",
            plan.display(),
            line_of(&content, needle)
        );
        assert!(err.starts_with(&at), "{at}\n{err}");
    }
}

#[test]
fn a_bad_message_scope_is_an_error_at_its_position() {
    let dir = tempfile::tempdir().unwrap();
    for value in ["global", "BUNDLE"] {
        let content = format!("{SMALL}message_scope = \"{value}\"\n");
        let plan = write(dir.path(), "plan.toml", &content);
        let err = failed(
            glocal()
                .arg("import")
                .arg(&plan)
                .args(["--server", "http://127.0.0.1:1"])
                .output()
                .unwrap(),
        );
        let at = format!(
            "{}:4:17: unknown variant `{value}`, expected `file` or `bundle`\n",
            plan.display()
        );
        assert!(err.starts_with(&at), "{at}\n{err}");
        assert!(err.contains("nothing was sent"), "{err}");
    }
}

#[test]
fn a_semantic_error_points_at_the_entry_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let market = |id: &str, country: &str| {
        format!(
            "[[market]]\nid = \"{id}\"\ncountry = \"{country}\"\ncurrency = \"EUR\"\n\
             storefront_locales = [\"fi-FI\"]\n\n"
        )
    };
    let content = format!(
        "{}{}{}{SMALL}",
        market("a", "FI"),
        market("b", "SE"),
        market("c", "ZZ")
    );
    let plan = write(dir.path(), "plan.toml", &content);
    let server = serve_binary_fresh();
    let err = failed(server.import(&plan, &[]));
    let at = format!(
        "{}:{}:11: plan.markets[2].country: \"ZZ\" is not",
        plan.display(),
        line_of(&content, "\"ZZ\"")
    );
    assert!(err.starts_with(&at), "{at}\n{err}");
    assert!(err.contains("nothing was changed"), "{err}");
    assert!(!server.has_market("a"));
}

#[test]
fn an_import_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // Everything is fine except the last launch: its variant is not sold in
    // its market.
    let content = format!(
        "{SMALL}
[[market]]
id = \"shop-fi\"
country = \"FI\"
currency = \"EUR\"
storefront_locales = [\"fi-FI\"]

[[market]]
id = \"shop-se\"
country = \"SE\"
currency = \"SEK\"
storefront_locales = [\"sv-SE\"]

[[variant]]
id = \"fi\"
markets = [\"shop-fi\"]

[[launch]]
id = \"fi\"
market = \"shop-fi\"
variant = \"fi\"
phases = [{{ phase = \"GA\", date = 2027-06-01 }}]

[[launch]]
id = \"se\"
market = \"shop-se\"
variant = \"fi\"
phases = [{{ phase = \"GA\", date = 2027-06-01 }}]
"
    );
    let plan = write(dir.path(), "plan.toml", &content);
    let server = serve_binary_fresh();
    let err = failed(server.import(&plan, &[]));
    let at = format!(
        "{}:{}:10: plan.launches[1].market: ",
        plan.display(),
        line_of(&content, "market = \"shop-se\"")
    );
    assert!(err.starts_with(&at), "{at}\n{err}");

    // Nothing of the plan was created.
    let err = failed(server.export("kettle"));
    assert!(err.contains("NotFound"), "{err}");
    assert!(!server.has_market("shop-fi"));
    assert!(!server.has_market("shop-se"));
}

#[test]
fn a_missing_file_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let out = glocal()
        .arg("import")
        .arg(&missing)
        .args(["--server", "http://127.0.0.1:1"])
        .output()
        .unwrap();
    let err = failed(out);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "error: cannot read plan file {}",
            missing.display()
        )),
        "{err}"
    );
}

#[test]
fn an_unreachable_server_exits_two() {
    // A port that was free a moment ago.
    let url = format!("http://{}", free_address());
    let out = glocal()
        .arg("import")
        .arg(example_plan())
        .args(["--server", &url])
        .output()
        .unwrap();
    let err = failed(out);
    assert!(
        err.starts_with(&format!("error: cannot reach the glocal server at {url}")),
        "{err}"
    );
    let out = glocal()
        .args(["export", "--product", "kettle", "--server", &url])
        .output()
        .unwrap();
    assert!(failed(out).contains("cannot reach the glocal server"));
}

#[test]
fn validate_only_changes_nothing() {
    let server = serve_binary_fresh();
    let out = imported(server.import(&example_plan(), &["--validate-only"]));
    assert!(out.contains("nothing was changed"), "{out}");
    let (would_create, _, _) = counts(&out);
    assert!(would_create > 10, "{out}");
    let err = failed(server.export("kettle"));
    assert!(err.contains("NotFound"), "{err}");
    assert!(!server.has_market("shop-fi"));
    assert!(
        !server.has_market("amazon-de"),
        "the preset is not loaded either"
    );

    // An invalid plan is still reported.
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.toml",
        "[product]\nid = \"kettle\"\nsource_locale = \"en_US\"\n",
    );
    let err = failed(server.import(&bad, &["--validate-only"]));
    assert!(err.contains(":3:17: plan.product.source_locale: "), "{err}");

    // The real import then does what validation announced.
    let out = imported(server.import(&example_plan(), &[]));
    assert_eq!(counts(&out).0, would_create, "{out}");
}
