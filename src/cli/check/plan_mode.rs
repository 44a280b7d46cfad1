//! Plan mode (`--plan PLAN`): the plan file, its market preset and the
//! Fluent files its `[product.fluent]` table points to, checked offline.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::bail;

use super::files::{index_files, parallel_map, require_dir};
use super::history;
use super::rows::{add_roadmap, coverage_row, report_finding, LaunchData};
use super::Settings;
use crate::api::pb::glocal::v1 as pb;
use crate::api::{self, ValidPlan};
use crate::cli::report::{
    texts, LaunchResult, Mode, Places, PlanEntry, Report, TaskEntry, TodoEntry,
};
use crate::cli::tree::{ftl_files, locale_folders, Layout, LocaleFolder};
use crate::coverage::checks::{BundleView, CheckOptions};
use crate::coverage::forecast::{attach, ForecastOptions, Snapshot};
use crate::coverage::roadmap::{check_roadmap, PlanInputs, RoadmapOptions, RoadmapReport};
use crate::domain::ftl::FileIndex;
use crate::domain::planning::{Launch, Roadmap};
use crate::domain::{self, CalendarDate, LocaleTag, ResourceName, Violations};
use crate::plan_file::PlanSource;

/// The 1-based line and column (in characters) of a byte offset in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

/// `FILE:LINE:COLUMN` of a byte offset in `text`.
pub(super) fn position(file: &str, text: &str, offset: Option<usize>) -> String {
    let Some(offset) = offset else {
        return file.to_string();
    };
    let (line, column) = line_column(text, offset);
    format!("{file}:{line}:{column}")
}

/// A plan's resources as domain values, by name.
pub(super) struct DomainPlan {
    product: domain::Product,
    markets: BTreeMap<String, domain::Market>,
    requirements: Vec<(String, domain::Requirement)>,
    variants: BTreeMap<String, domain::Variant>,
    launches: Vec<(String, Launch)>,
    roadmaps: Vec<(String, Roadmap)>,
}

pub(super) fn plan_mode(
    plan_path: &Path,
    roadmap: Option<&str>,
    settings: &Settings,
) -> anyhow::Result<Report> {
    let shown = settings.shown(plan_path);
    let text = std::fs::read_to_string(plan_path)
        .map_err(|e| anyhow::anyhow!(texts::cannot_read(&shown, &e.to_string())))?;
    let source = PlanSource::parse(&text).map_err(|problems| {
        let first = &problems[0];
        anyhow::anyhow!(texts::bad_plan(
            &position(&shown, &text, first.span.as_ref().map(|s| s.start)),
            &first.message,
            problems.len() - 1
        ))
    })?;
    let plan = to_domain(source.plan.clone()).map_err(|v| {
        let list = v.list();
        let first = &list[0];
        anyhow::anyhow!(texts::bad_plan(
            &position(&shown, &text, source.locate(&first.field).map(|s| s.start)),
            &format!(
                "{}: {}",
                first.field,
                first
                    .text
                    .as_ref()
                    .map_or_else(|| first.description.clone(), texts::why)
            ),
            v.found().saturating_sub(1)
        ))
    })?;

    let Some(fluent) = &plan.product.fluent_source else {
        bail!(texts::plan_without_fluent(&shown));
    };
    let Layout { prefix, glob } = Layout::parse(&fluent.layout)
        .map_err(|why| anyhow::anyhow!(texts::bad_layout(&shown, &fluent.layout, &why)))?;
    let dir = plan_path
        .parent()
        .unwrap_or(Path::new(""))
        .join(&fluent.directory);
    require_dir("[product.fluent] directory", &dir, settings)?;
    let base = dir.join(prefix);
    require_dir("[product.fluent] directory", &base, settings)?;

    let source_locale = plan.product.source_locale.clone();
    let mut report = Report::new(Mode::Plan, source_locale.as_str());
    let folders = locale_folders(&base, None, &mut report.notes)?;
    if !folders.contains_key(&source_locale) {
        bail!(texts::no_source_folder(
            source_locale.as_str(),
            &settings.shown(&base)
        ));
    }
    let jobs: Vec<(&LocaleTag, &LocaleFolder)> = folders.iter().collect();
    let indexed = parallel_map(&jobs, |(_, folder)| {
        let files = ftl_files(&base.join(&folder.folder), Some(&glob))?;
        index_files(&files)
    });
    let mut bundles: BTreeMap<LocaleTag, Vec<(String, FileIndex)>> = BTreeMap::new();
    for ((tag, _), files) in jobs.iter().zip(indexed) {
        let files = files?;
        if !files.is_empty() || **tag == source_locale {
            bundles.insert((*tag).clone(), files);
        }
    }
    let mut product = plan.product.clone();
    if let Some(scope) = settings.scope {
        product.message_scope = scope;
    }
    let views: BTreeMap<LocaleTag, BundleView> = bundles
        .iter()
        .map(|(l, files)| {
            (
                l.clone(),
                BundleView::new(
                    files.iter().map(|(p, i)| (p.as_str(), i)),
                    product.message_scope,
                ),
            )
        })
        .collect();

    let product_name = source
        .plan
        .product
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let roadmaps: Vec<&(String, Roadmap)> = match roadmap {
        None => plan.roadmaps.iter().collect(),
        Some(wanted) => {
            let full = if wanted.contains('/') {
                wanted.to_string()
            } else {
                format!("{product_name}/roadmaps/{wanted}")
            };
            let found: Vec<_> = plan.roadmaps.iter().filter(|(n, _)| *n == full).collect();
            if found.is_empty() {
                let known: Vec<String> = plan
                    .roadmaps
                    .iter()
                    .map(|(n, _)| n.rsplit('/').next().unwrap_or(n).to_string())
                    .collect();
                bail!(texts::unknown_roadmap(&shown, wanted, &known));
            }
            found
        }
    };
    if roadmaps.is_empty() {
        report.notes.push(texts::plan_without_roadmaps(&shown));
    }
    if settings.html && roadmaps.len() > 1 {
        let known: Vec<String> = roadmaps.iter().map(|(n, _)| short(n).to_string()).collect();
        bail!(texts::html_needs_roadmap(&shown, &known));
    }
    let as_of = settings.as_of.unwrap_or_else(CalendarDate::today_utc);
    let window = settings.window_days.unwrap_or(14);
    report.as_of = Some(as_of.to_string());
    report.window_days = Some(window);
    report.market_window_days = settings.market_windows.clone();
    let html_plan = HtmlPlan {
        product: &product_name,
        plan: &plan,
        shown: &shown,
        as_of,
        window,
        market_windows: &settings.market_windows,
    };
    let options = RoadmapOptions {
        as_of,
        window_days: window,
        market_windows: settings.market_windows.clone(),
        checks: CheckOptions {
            source_locale: None,
            identical_allowed: settings.identical_allowed.clone(),
        },
        legal_factor: settings.legal_factor,
    };
    let bundle_folders = folders
        .iter()
        .map(|(tag, f)| (tag.to_string(), settings.shown(&base.join(&f.folder))))
        .collect();
    report.places = plan_places(&source, &text, &shown, bundle_folders);
    report.places.root = Some(settings.shown(&base));
    report.places.source_folder = report.places.folders.get(source_locale.as_str()).cloned();
    let path = |bundle: &str, file: &str| {
        let tag = LocaleTag::parse(bundle).ok()?;
        let folder = folders.get(&tag)?;
        Some(settings.shown(&base.join(&folder.folder).join(file)))
    };
    let feature_ids: BTreeSet<String> = plan
        .roadmaps
        .iter()
        .flat_map(|(_, r)| r.items.iter().map(|i| i.id.clone()))
        .collect();
    // --history: this run's snapshot of every bundle, appended to the file,
    // and the forecast from all of its snapshots.
    let history = match &settings.history {
        None => None,
        Some(path) => {
            let source_view = views.get(&source_locale);
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
            let snapshots: Vec<Snapshot> = views
                .iter()
                .filter(|(tag, _)| **tag != source_locale)
                .filter_map(|(tag, view)| {
                    Some(Snapshot::of(source_view?, view, tag, now, &options.checks))
                })
                .collect();
            Some(history::append(path, &snapshots, settings)?)
        }
    };
    for (name, roadmap) in roadmaps {
        let inputs = PlanInputs {
            product: &product,
            markets: &plan.markets,
            requirements: &plan.requirements,
            variants: &plan.variants,
            launches: &plan.launches,
            roadmap,
            feature_ids: Some(&feature_ids),
            bundles: &views,
        };
        let mut checked = check_roadmap(&inputs, &options);
        if let Some(snapshots) = &history {
            attach(
                &mut checked,
                snapshots,
                &ForecastOptions {
                    as_of,
                    window_days: settings.velocity_days,
                },
            );
        }
        if settings.html {
            report.html_page = Some(html_page(&html_plan, Some((name, &checked))));
        }
        report
            .todo
            .extend(checked.todo.iter().map(|item| TodoEntry {
                roadmap: name.clone(),
                item: item.clone(),
            }));
        report
            .tasks
            .extend(checked.tasks.iter().map(|task| TaskEntry {
                roadmap: name.clone(),
                task: task.clone(),
            }));
        let launches = checked
            .launches
            .into_iter()
            .map(|l| {
                let forecast = l.forecast.clone();
                LaunchData {
                    findings: l
                        .findings
                        .into_iter()
                        .map(|f| report_finding(f, None))
                        .collect(),
                    locales: l
                        .locales
                        .iter()
                        .map(|c| {
                            let v = &c.coverage;
                            let mut row = coverage_row(
                                &l.market,
                                &c.locale,
                                c.served_by.clone(),
                                v.required_messages,
                                v.effective_messages,
                                v.own_messages,
                                v.required_words,
                                v.effective_words,
                                v.own_words,
                                c.optional,
                            );
                            row.reasons = c.reasons.clone();
                            row.need_date = c.need_date;
                            row.due_date = c.due_date;
                            row
                        })
                        .collect(),
                    result: LaunchResult {
                        roadmap: name.clone(),
                        launch: l.launch,
                        market: l.market,
                        variant: l.variant,
                        date: l.date.to_string(),
                        days_until: l.days_until,
                        verdict: l.verdict,
                        forecast,
                    },
                }
            })
            .collect();
        let roadmap_findings = checked
            .findings
            .into_iter()
            .map(|f| report_finding(f, None))
            .collect();
        add_roadmap(
            &mut report,
            name,
            checked.verdict,
            launches,
            roadmap_findings,
            &path,
        );
    }
    if settings.html && report.html_page.is_none() {
        report.html_page = Some(html_page(&html_plan, None));
    }
    Ok(report)
}

/// `markets/x` → `x`.
fn short(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// What the `--html` page shows besides the check.
struct HtmlPlan<'a> {
    product: &'a str,
    plan: &'a DomainPlan,
    shown: &'a str,
    as_of: CalendarDate,
    window: i64,
    market_windows: &'a BTreeMap<String, i64>,
}

/// The `glocal handoff` command that writes the hand-off files of the
/// page's tasks: the same plan, roadmap, day and windows (the settings
/// that decide which tasks there are), each word quoted for a POSIX shell.
fn handoff_command(page: &HtmlPlan, roadmap: Option<&str>) -> String {
    let mut words: Vec<String> = vec!["glocal".into(), "handoff".into(), "--plan".into()];
    words.push(page.shown.to_string());
    if let Some(roadmap) = roadmap {
        words.extend(["--roadmap".into(), short(roadmap).to_string()]);
    }
    words.extend(["--as-of".into(), page.as_of.to_string()]);
    if page.window != 14 {
        words.extend(["--window-days".into(), page.window.to_string()]);
    }
    for (market, days) in page.market_windows {
        words.extend([
            "--market-window".into(),
            format!("{}={days}", short(market)),
        ]);
    }
    words.extend(["--xliff".into(), "DIR".into()]);
    words
        .iter()
        .map(|w| {
            let plain = !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-./:=@%+,".contains(c));
            if plain {
                w.clone()
            } else {
                shlex::try_quote(w).map_or_else(|_| w.clone(), |q| q.into_owned())
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The dashboard's product page of `check` (`None`: the plan has no
/// roadmap), as one file in the language of the run.
fn html_page(page: &HtmlPlan, check: Option<(&str, &RoadmapReport)>) -> String {
    use crate::dashboard::{product_page, FindingFilter, Frame, Links, ProductPage};
    let frame = Frame {
        texts: crate::l10n::process_texts(),
        live: false,
        signed_in: false,
        languages: Vec::new(),
        note: Some(texts::html_note(
            &crate::dashboard::format_date(crate::l10n::process_texts(), CalendarDate::today_utc()),
            page.shown,
        )),
    };
    let links = Links::File {
        handoff_command: handoff_command(page, check.map(|(name, _)| name)),
    };
    let roadmaps: Vec<String> = page.plan.roadmaps.iter().map(|(n, _)| n.clone()).collect();
    product_page(
        &frame,
        &ProductPage {
            product: page.product,
            display_name: &page.plan.product.display_name,
            roadmaps: &roadmaps,
            check,
            as_of: page.as_of,
            window_days: page.window,
            launches: &page.plan.launches,
            filter: &FindingFilter::default(),
            links: &links,
        },
    )
}

/// Where a plan's entries and bundles are: the plan file (`shown`), the
/// line of each launch, roadmap, roadmap item (by id and by selector) and
/// variant feature, and the folder of each bundle (`folders`).
fn plan_places(
    source: &PlanSource,
    text: &str,
    shown: &str,
    folders: BTreeMap<String, String>,
) -> Places {
    let line = |field: String| {
        source
            .locate(&field)
            .map(|span| u32::try_from(line_column(text, span.start).0).unwrap_or(u32::MAX))
    };
    let mut lines = BTreeMap::new();
    let plan = &source.plan;
    for (i, l) in plan.launches.iter().enumerate() {
        if let Some(n) = line(format!("plan.launches[{i}]")) {
            lines.entry(PlanEntry::Launch(l.name.clone())).or_insert(n);
        }
    }
    for (i, r) in plan.roadmaps.iter().enumerate() {
        if let Some(n) = line(format!("plan.roadmaps[{i}]")) {
            lines.entry(PlanEntry::Roadmap(r.name.clone())).or_insert(n);
        }
        for (j, item) in r.items.iter().enumerate() {
            let Some(n) = line(format!("plan.roadmaps[{i}].items[{j}]")) else {
                continue;
            };
            lines.insert(PlanEntry::Item(r.name.clone(), item.id.clone()), n);
            for selector in &item.messages {
                lines
                    .entry(PlanEntry::Item(r.name.clone(), selector.clone()))
                    .or_insert(n);
            }
        }
    }
    for (i, v) in plan.variants.iter().enumerate() {
        if let Some(n) = line(format!("plan.variants[{i}]")) {
            for feature in &v.features {
                lines
                    .entry(PlanEntry::Feature(feature.clone()))
                    .or_insert(n);
            }
        }
    }
    Places {
        folders,
        source_folder: None,
        root: None,
        plan_file: Some(shown.to_string()),
        plan_lines: lines,
    }
}

/// Validates a parsed plan into domain values with ImportPlan's validation
/// ([`api::validate_plan`]), offline: every name the plan references must be
/// in the plan or its market preset (there is no server to hold the rest).
/// Every violation is collected.
pub(super) fn to_domain(plan: pb::Plan) -> Result<DomainPlan, Violations> {
    let Ok(valid) = api::validate_plan(plan, &api::Offline);
    let ValidPlan {
        preset_markets,
        preset_requirements,
        markets,
        requirements,
        product: (_, product),
        variants,
        launches,
        roadmaps,
    } = valid?;
    let requirements: BTreeMap<String, domain::Requirement> = preset_requirements
        .into_iter()
        .chain(requirements)
        .map(named)
        .collect();
    // The engine reports launches in the order given; the server gives them
    // in name order, and so does this.
    let mut launches: Vec<(String, Launch)> = launches.into_iter().map(named).collect();
    launches.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(DomainPlan {
        product,
        markets: preset_markets
            .into_iter()
            .chain(markets)
            .map(named)
            .collect(),
        requirements: requirements.into_iter().collect(),
        variants: variants.into_iter().map(named).collect(),
        launches,
        roadmaps: roadmaps.into_iter().map(named).collect(),
    })
}

/// A plan's resource keyed by its name as a string.
pub(super) fn named<T>((name, value): (ResourceName, T)) -> (String, T) {
    (name.to_string(), value)
}
