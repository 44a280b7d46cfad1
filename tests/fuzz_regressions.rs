//! The fuzz targets' checks (`fuzz/src/`, shared with `fuzz/fuzz_targets/`)
//! on real inputs and on every input a fuzz run crashed on, so that what was
//! fixed stays fixed without a fuzzer. A crash input is kept as a fixture in
//! `tests/fixtures/fuzz/TARGET/`, or inline when it is short; each test runs
//! the very function the target runs on it.

#[path = "../fuzz/src/lib.rs"]
mod glocal_fuzz;

use std::path::{Path, PathBuf};

use glocal_fuzz::masks::{self, Update};
use glocal_fuzz::{ftl, locales, names, plan};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` whose name ends with `suffix`.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The kept crash inputs of `target`.
fn crashes(target: &str) -> Vec<PathBuf> {
    files(&root().join("tests/fixtures/fuzz").join(target), "")
}

// The checks hold on real inputs (so a crash means a bug, not a wrong check).

#[test]
fn fluent_index_checks_hold_on_the_repository_files() {
    let mut n = 0;
    for dir in ["locales", "examples", "tests/fixtures"] {
        for path in files(&root().join(dir), ".ftl") {
            ftl::check(&std::fs::read_to_string(&path).unwrap());
            n += 1;
        }
    }
    assert!(n > 10, "only {n} .ftl files");
}

#[test]
fn plan_file_checks_hold_on_the_example_plans() {
    for path in [
        "examples/plan.toml",
        "tests/fixtures/check/plan/plan.toml",
        "tests/fixtures/check/plan/bad-reference.toml",
        "tests/fixtures/check/plan/bad-syntax.toml",
    ] {
        plan::check(&std::fs::read_to_string(root().join(path)).unwrap());
    }
}

#[test]
fn resource_name_checks_hold_on_names() {
    for s in [
        "markets/ca",
        "requirements/eu-gpsr",
        "products/p",
        "products/p/variants/v1",
        "products/p/bundles/fr-CA",
        "products/p/bundles/fr-ca",
        "products/p/launches/l",
        "products/p/roadmaps/r",
        "markets/",
        "markets/CA",
        "",
        "/",
        "things/x",
    ] {
        names::check(s);
    }
}

#[test]
fn locale_chain_checks_hold_on_the_documented_chains() {
    for required in [
        "fr-CA",
        "es-US",
        "pt-AO",
        "en-CH",
        "zh-MO",
        "zh-TW",
        "sr-ME",
        "nb-NO",
        "hi-Latn-IN",
        "ca-ES-valencia",
        "en",
        "fr_CA",
        "x",
    ] {
        locales::check(&format!(
            "{required}\npt-MZ\nzh-Hant-HK\nsr-Cyrl\nnn\nen-001\n"
        ));
    }
}

#[test]
fn update_mask_checks_hold_on_updates() {
    use glocal::api::pb::glocal::v1 as pb;
    use prost_types::FieldMask;
    let mask = |paths: &[&str]| {
        Some(FieldMask {
            paths: paths.iter().map(|p| p.to_string()).collect(),
        })
    };
    let market = |m: pb::Market| pb::Market {
        name: masks::SEED_MARKET.into(),
        ..m
    };
    let updates = [
        Update::Market(pb::UpdateMarketRequest {
            market: Some(market(pb::Market {
                display_name: "New".into(),
                country: "SE".into(),
                ..Default::default()
            })),
            update_mask: mask(&["display_name"]),
        }),
        Update::Market(pb::UpdateMarketRequest {
            market: Some(market(pb::Market {
                display_name: "New".into(),
                ..Default::default()
            })),
            update_mask: None,
        }),
        Update::Market(pb::UpdateMarketRequest {
            market: Some(market(masks::seed_market())),
            update_mask: mask(&["*"]),
        }),
        Update::Market(pb::UpdateMarketRequest {
            market: Some(market(pb::Market::default())),
            update_mask: mask(&["etag", "nope", "*"]),
        }),
        Update::Requirement(pb::UpdateRequirementRequest {
            requirement: Some(pb::Requirement {
                name: masks::SEED_REQUIREMENT.into(),
                summary: "Changed".into(),
                ..Default::default()
            }),
            update_mask: mask(&["summary", "locale_rules"]),
        }),
    ];
    for update in updates {
        // Through the fixture encoding too.
        let again = Update::decode(&update.encode()).expect("decodes");
        masks::check(update);
        masks::check(again);
    }
}

// Crashes found by fuzzing: each kept input, run as its target runs it.

/// `fluent_index`, crash-be7fee34 (7 KB), reduced to the two inputs below:
/// fluent-syntax 0.12.0 accepts a select expression whose variants end
/// with a lone `*` not followed by `[` (`Parser::get_variants` sets
/// `has_default` on the `*`, then breaks out of the loop on the missing
/// `[`), so a select with no default variant, or with no variant at all,
/// parses without error. The reference parser refuses both (E0010,
/// "Expected one of the variants to be marked as default (*)"), and so do
/// the JavaScript and Python ones; `index_file` indexes the entry as valid,
/// with a selector whose `default_key` is "" (not among its keys) and, for
/// the second, no leaf variant at all (`Pattern::variants` promises at
/// least one). The file was reported clean while other Fluent tools, and the
/// translators' editors, reject it; `index_file` now makes junk of the entry
/// at the `*`, as `fluent.syntax` does (E0010 / E0011).
#[test]
fn a_select_without_a_default_variant_is_a_syntax_error() {
    for input in ["f = { $c ->\n   [one] x\n  *}\n", "f={$c ->\n*}"] {
        ftl::check(input);
        let index = ftl::index_on_server_stack(input);
        assert!(
            index.entries.is_empty() && !index.diagnostics.is_empty(),
            "{input:?} is indexed as valid: {index:?}"
        );
    }
}

/// What [`a_locale_tag_is_its_own_canonical_form`] does to a market:
/// `en-zzzzz-aaaa` and `en-Aaaa-zzzzz` are two storefront locales to
/// validation (`en-aaaa-zzzzz`, `en-Aaaa-zzzzz`) but one once stored and
/// read back, so the stored market lists a locale twice and cannot be
/// written back as it is read (INVALID_ARGUMENT, "listed twice").
#[test]
fn a_stored_market_reads_back_as_it_was_validated() {
    use glocal::api::pb::glocal::v1 as pb;
    masks::check(Update::Market(pb::UpdateMarketRequest {
        market: Some(pb::Market {
            name: masks::SEED_MARKET.into(),
            storefront_locales: vec!["en-zzzzz-aaaa".into(), "en-Aaaa-zzzzz".into()],
            default_locale: "en-Aaaa-zzzzz".into(),
            ..Default::default()
        }),
        update_mask: Some(prost_types::FieldMask {
            paths: vec!["storefront_locales".into(), "default_locale".into()],
        }),
    }));
}

/// `locale_chains`, crash-d025b2c9 (`ca3zh-MO\nzh-HaAOnt-CAhS`), reduced to
/// `en-zzzzz-aaaa`: `LocaleTag::parse` accepts a 4-letter variant that does
/// not start with a digit (BCP 47 wants 5–8 characters, or 4 starting with
/// a digit; unic-langid 0.9.6's `Variant::from_bytes` tests `&&` where it
/// means `||`), sorts the variants, and the canonical `en-aaaa-zzzzz` then
/// parses as the script `Aaaa`: `en-Aaaa-zzzzz`. Stored values are
/// re-parsed when read (`Deserialize for LocaleTag`), so what a client
/// wrote is not what it reads back, and two storefront locales that
/// validation saw as different can come back as one. The fix belongs in
/// `LocaleTag::parse` (src/domain/locale.rs): refuse such a variant.
#[test]
fn a_locale_tag_is_its_own_canonical_form() {
    for input in [
        "en-zzzzz-aaaa",
        "ca3zh-MO\nzh-HaAOnt-CAhS",
        "sl-rozaj-biske-abcd",
    ] {
        locales::check(input);
        // The fix's expectation: not a tag at all.
        let tag = input.lines().last().unwrap();
        assert!(
            glocal::domain::LocaleTag::parse(tag).is_err(),
            "{tag:?} has a 4-letter variant"
        );
    }
}

#[test]
fn fluent_index_crashes_stay_fixed() {
    for path in crashes("fluent_index") {
        if let Ok(text) = String::from_utf8(std::fs::read(&path).unwrap()) {
            ftl::check(&text);
        }
    }
}

#[test]
fn plan_file_crashes_stay_fixed() {
    for path in crashes("plan_file") {
        if let Ok(text) = String::from_utf8(std::fs::read(&path).unwrap()) {
            plan::check(&text);
        }
    }
}

/// A product id that is a whole name (`products/plamp`, refused by the
/// validation) rendered its header from the parsed name
/// (`products/products/plamp`) but its `id` from the last segment, so the
/// render of the render differed.
#[test]
fn a_product_id_with_a_slash_renders_the_same_twice() {
    plan::check("[product]\nid = \"products/plamp\"\nsource_locale = \"en-US\"\n");
}

#[test]
fn resource_name_crashes_stay_fixed() {
    for path in crashes("resource_names") {
        if let Ok(text) = String::from_utf8(std::fs::read(&path).unwrap()) {
            names::check(&text);
        }
    }
}

#[test]
fn locale_chain_crashes_stay_fixed() {
    for path in crashes("locale_chains") {
        if let Ok(text) = String::from_utf8(std::fs::read(&path).unwrap()) {
            locales::check(&text);
        }
    }
}

#[test]
fn update_mask_crashes_stay_fixed() {
    for path in crashes("update_masks") {
        let update = Update::decode(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|| panic!("{} is no update", path.display()));
        masks::check(update);
    }
}
