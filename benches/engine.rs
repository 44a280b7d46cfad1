//! Benchmarks of the engine on the mozilla.org corpus (`www-l10n`):
//!
//! - `index_file`: [`index_file`] on the largest file of `en/`, and on every
//!   file of `fr/` (throughput in bytes of Fluent source);
//! - `check_locale`: the lint's per-locale check, `fr` against `en`, on
//!   indexed files;
//! - `check_roadmap`: a roadmap needing every message (`*`), checked for one
//!   launch per market of the built-in Amazon preset, with `en` as the source
//!   and a dozen locales as bundles.
//!
//! Run with `cargo bench --bench engine`. The corpus is read from
//! `$GLOCAL_CORPUS` (default: `../shared/corpus` beside the crate); when it is
//! absent the bench says so and exits successfully without measuring.
//! `cargo test --all-targets` runs each benchmark once (criterion's test mode).

use std::collections::{BTreeMap, BTreeSet};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};

use glocal::coverage::checks::{check_locale, BundleView, CheckOptions};
use glocal::coverage::roadmap::{check_roadmap, PlanInputs, RoadmapOptions};
use glocal::domain::ftl::{index_file, FileIndex};
use glocal::domain::planning::{
    Launch, LaunchPhase, LaunchStatus, PhaseDate, Roadmap, RoadmapItem,
};
use glocal::domain::{
    CalendarDate, LocaleTag, Market, MarketPreset, MessageScope, Product, Requirement,
    ResourceKind, ResourceName, Variant, AMAZON_MARKETPLACES,
};

/// The locale folders used as bundles by the roadmap check: the languages of
/// the Amazon storefronts that the corpus has.
const ROADMAP_LOCALES: &[&str] = &[
    "ar", "de", "es-ES", "es-MX", "fr", "it", "ja", "nl", "pl", "pt-BR", "sv-SE", "tr",
];

/// The `.ftl` files under `dir`, as (`/`-separated path relative to `dir`,
/// text), in path order.
fn read_ftl_tree(dir: &Path) -> Vec<(String, String)> {
    fn walk(dir: &Path, relative: &str, out: &mut Vec<(String, String)>) {
        let entries =
            std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        for entry in entries {
            let entry = entry.expect("a directory entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let rel = if relative.is_empty() {
                name.clone()
            } else {
                format!("{relative}/{name}")
            };
            if path.is_dir() {
                walk(&path, &rel, out);
            } else if name.ends_with(".ftl") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                out.push((rel, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Indexes every file of a folder read by [`read_ftl_tree`].
fn index_all(files: &[(String, String)]) -> Vec<(String, FileIndex)> {
    files
        .iter()
        .map(|(path, text)| (path.clone(), index_file(text)))
        .collect()
}

fn view(files: &[(String, FileIndex)], scope: MessageScope) -> BundleView<'_> {
    BundleView::new(files.iter().map(|(p, i)| (p.as_str(), i)), scope)
}

fn total_bytes(files: &[(String, String)]) -> u64 {
    files.iter().map(|(_, t)| t.len() as u64).sum()
}

fn tag(s: &str) -> LocaleTag {
    LocaleTag::parse(s).unwrap_or_else(|_| panic!("{s} is a locale tag"))
}

fn date(s: &str) -> CalendarDate {
    CalendarDate::parse(s).unwrap_or_else(|_| panic!("{s} is a date"))
}

/// 1. `index_file` on the largest source file and on a whole locale folder.
fn bench_index(c: &mut Criterion, en: &[(String, String)], fr: &[(String, String)]) {
    let (largest_path, largest) = en
        .iter()
        .max_by_key(|(_, text)| text.len())
        .expect("en/ has .ftl files");
    let mut group = c.benchmark_group("index_file");
    group.throughput(Throughput::Bytes(largest.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("largest_en_file", largest_path),
        largest,
        |b, text| b.iter(|| index_file(black_box(text))),
    );
    group.throughput(Throughput::Bytes(total_bytes(fr)));
    group.bench_with_input(
        BenchmarkId::new("locale_folder", format!("fr ({} files)", fr.len())),
        fr,
        |b, files| {
            b.iter(|| {
                files
                    .iter()
                    .map(|(_, text)| index_file(black_box(text)))
                    .collect::<Vec<_>>()
            })
        },
    );
    group.finish();
}

/// 2. The lint's per-locale check: `fr` against `en`, on indexed files (the
///    bundle views are built in each iteration, as the lint builds them).
fn bench_check_locale(c: &mut Criterion, en: &[(String, FileIndex)], fr: &[(String, FileIndex)]) {
    let options = CheckOptions {
        source_locale: Some(tag("en")),
        identical_allowed: Vec::new(),
    };
    let locale = tag("fr");
    let mut group = c.benchmark_group("check_locale");
    group.bench_function("fr_against_en", |b| {
        b.iter(|| {
            let source = view(en, MessageScope::File);
            let target = view(fr, MessageScope::File);
            check_locale(&source, &target, &locale, &options)
        })
    });
    group.finish();
}

/// The plan of the roadmap benchmark, as domain values (what plan mode
/// gets from `api::validate_plan` for a plan file).
struct Plan {
    product: Product,
    markets: BTreeMap<String, Market>,
    requirements: Vec<(String, Requirement)>,
    variants: BTreeMap<String, Variant>,
    launches: Vec<(String, Launch)>,
    roadmap: Roadmap,
    feature_ids: BTreeSet<String>,
}

/// A product sourced in `en`, one variant sold in every market of the
/// Amazon preset (with its starter requirements), one launch per market
/// (GA on 2027-06-01, the market's default locale) and a roadmap of one item
/// needing every message.
fn amazon_plan() -> Plan {
    let preset = MarketPreset::load(AMAZON_MARKETPLACES).expect("the built-in preset loads");
    let product_name = ResourceName::top_level(ResourceKind::Product, "bench");
    let product = Product {
        display_name: "Engine benchmark".to_string(),
        source_locale: tag("en"),
        categories: Vec::new(),
        fluent_source: None,
        message_scope: MessageScope::File,
    };
    let markets: BTreeMap<String, Market> = preset
        .markets
        .iter()
        .map(|m| {
            (
                ResourceName::top_level(ResourceKind::Market, &m.id).to_string(),
                m.market.clone(),
            )
        })
        .collect();
    let requirements = preset
        .requirements
        .iter()
        .map(|r| {
            (
                ResourceName::top_level(ResourceKind::Requirement, &r.id).to_string(),
                r.requirement.clone(),
            )
        })
        .collect();
    let variant_name = ResourceName::variant(&product_name, "global");
    let variant = Variant {
        display_name: "Everywhere".to_string(),
        sku: "BENCH-1".to_string(),
        markets: preset
            .markets
            .iter()
            .map(|m| ResourceName::top_level(ResourceKind::Market, &m.id))
            .collect(),
        attributes: BTreeMap::new(),
        features: Vec::new(),
        required_messages: Vec::new(),
    };
    let mut launches: Vec<(String, Launch)> = preset
        .markets
        .iter()
        .map(|m| {
            (
                ResourceName::child(&product_name, ResourceKind::Launch, &m.id).to_string(),
                Launch {
                    market: ResourceName::top_level(ResourceKind::Market, &m.id),
                    variant: variant_name.clone(),
                    phases: vec![PhaseDate {
                        phase: LaunchPhase::Ga,
                        date: date("2027-06-01"),
                    }],
                    status: LaunchStatus::Planned,
                    locales: Vec::new(),
                    weight: Default::default(),
                },
            )
        })
        .collect();
    // Plan mode reports launches in name order.
    launches.sort_by(|a, b| a.0.cmp(&b.0));
    let roadmap = Roadmap {
        display_name: "Everything".to_string(),
        items: vec![RoadmapItem {
            id: "everything".to_string(),
            title: "Every message of the source".to_string(),
            messages: vec!["*".to_string()],
            target_date: None,
            markets: Vec::new(),
            waivers: Vec::new(),
        }],
    };
    let feature_ids = roadmap.items.iter().map(|i| i.id.clone()).collect();
    Plan {
        product,
        markets,
        requirements,
        variants: BTreeMap::from([(variant_name.to_string(), variant)]),
        launches,
        roadmap,
        feature_ids,
    }
}

/// 3. `check_roadmap` of the Amazon plan against indexed bundles.
fn bench_check_roadmap(c: &mut Criterion, plan: &Plan, views: &BTreeMap<LocaleTag, BundleView>) {
    let inputs = PlanInputs {
        product: &plan.product,
        markets: &plan.markets,
        requirements: &plan.requirements,
        variants: &plan.variants,
        launches: &plan.launches,
        roadmap: &plan.roadmap,
        feature_ids: Some(&plan.feature_ids),
        bundles: views,
    };
    let options = RoadmapOptions {
        as_of: date("2027-01-01"),
        window_days: 14,
        market_windows: BTreeMap::new(),
        checks: CheckOptions::default(),
        legal_factor: glocal::coverage::roadmap::default_legal_factor(),
    };
    let report = check_roadmap(&inputs, &options);
    eprintln!(
        "check_roadmap: {} launches, {} bundles ({} locales besides en), verdict {:?}, {} findings, {} todo items",
        report.launches.len(),
        views.len(),
        views.len() - 1,
        report.verdict,
        report
            .launches
            .iter()
            .map(|l| l.findings.len())
            .sum::<usize>()
            + report.findings.len(),
        report.todo.len(),
    );
    let mut group = c.benchmark_group("check_roadmap");
    // A check takes about a quarter of a second: flat sampling makes the ten
    // samples fit in a few seconds (linear sampling would need 55 checks).
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function(
        BenchmarkId::new(
            "amazon_all_messages",
            format!("{} launches x {} bundles", plan.launches.len(), views.len()),
        ),
        |b| b.iter(|| check_roadmap(black_box(&inputs), &options)),
    );
    group.finish();
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("GLOCAL_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

fn main() {
    let corpus = corpus_dir();
    let tree = corpus.join("www-l10n");
    if !tree.join("en").is_dir() {
        println!("corpus not found at {}; set GLOCAL_CORPUS", tree.display());
        return;
    }

    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();

    let en_text = read_ftl_tree(&tree.join("en"));
    let fr_text = read_ftl_tree(&tree.join("fr"));
    bench_index(&mut c, &en_text, &fr_text);

    let en = index_all(&en_text);
    let fr = index_all(&fr_text);
    bench_check_locale(&mut c, &en, &fr);

    let mut indexed: Vec<(LocaleTag, Vec<(String, FileIndex)>)> = vec![(tag("en"), en)];
    for folder in ROADMAP_LOCALES {
        let dir = tree.join(folder);
        if dir.is_dir() {
            indexed.push((tag(folder), index_all(&read_ftl_tree(&dir))));
        } else {
            eprintln!("{} is missing: left out of check_roadmap", dir.display());
        }
    }
    let views: BTreeMap<LocaleTag, BundleView> = indexed
        .iter()
        .map(|(tag, files)| (tag.clone(), view(files, MessageScope::File)))
        .collect();
    bench_check_roadmap(&mut c, &amazon_plan(), &views);

    c.final_summary();
}
