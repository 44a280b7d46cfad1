//! Lint mode (`--source DIR --l10n DIR`): every locale folder against the
//! source folder, like compare-locales with all of glocal's checks.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::files::{index_files, parallel_map, require_dir};
use super::rows::report_finding;
use super::Settings;
use crate::cli::report::{percent, texts, Counts, LocaleStats, Mode, OwnCoverage, Report};
use crate::cli::tree::{ftl_files, locale_folders, LocaleFolder};
use crate::coverage::checks::{check_locale, BundleView, CheckOptions};
use crate::coverage::fallback::serving_order;
use crate::coverage::finding::Finding;
use crate::coverage::serve::{serve_locale, Checked};
use crate::domain::ftl::FileIndex;
use crate::domain::{LocaleTag, MatchPolicy, MessageScope};

/// Lint mode: every locale folder against the source folder, each alone
/// (as compare-locales) or, with `--fallback`, served message by message
/// along its chain of folders ([`serve_locale`]).
pub(super) fn lint(
    source_dir: &Path,
    l10n: &Path,
    source_locale: LocaleTag,
    settings: &Settings,
) -> anyhow::Result<Report> {
    require_dir("--source", source_dir, settings)?;
    require_dir("--l10n", l10n, settings)?;
    let mut report = Report::new(Mode::Lint, source_locale.as_str());
    let scope = settings.scope.unwrap_or_default();

    let source_files = ftl_files(source_dir, None)?;
    let chunks: Vec<&[(String, PathBuf)]> = source_files.chunks(8).collect();
    let source_index: Vec<(String, FileIndex)> = parallel_map(&chunks, |c| index_files(c))
        .into_iter()
        .collect::<anyhow::Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
    let source = BundleView::new(source_index.iter().map(|(p, i)| (p.as_str(), i)), scope);
    if source.entries().next().is_none() {
        report
            .notes
            .push(texts::nothing_to_translate(&settings.shown(source_dir)));
        return Ok(report);
    }

    // Every folder is read with --fallback (any may serve another); the
    // folders reported are those of --locale, when given.
    let mut folders = locale_folders(l10n, Some(source_dir), &mut report.notes)?;
    let mut checked_tags: Vec<LocaleTag> = folders.keys().cloned().collect();
    if !settings.locales.is_empty() {
        checked_tags.retain(|tag| settings.locales.contains(tag));
        for wanted in &settings.locales {
            if !folders.contains_key(wanted) {
                report
                    .notes
                    .push(texts::requested_locale_missing(wanted.as_str()));
                folders.insert(
                    wanted.clone(),
                    LocaleFolder {
                        folder: wanted.to_string(),
                        name: wanted.to_string(),
                    },
                );
                checked_tags.push(wanted.clone());
            }
        }
        checked_tags.sort();
        if !settings.fallback {
            folders.retain(|tag, _| checked_tags.contains(tag));
        }
    }
    if checked_tags.is_empty() {
        report
            .notes
            .push(texts::no_locale_folders(&settings.shown(l10n)));
        return Ok(report);
    }

    let options = CheckOptions {
        source_locale: Some(source_locale),
        identical_allowed: settings.identical_allowed.clone(),
    };
    let results = if settings.fallback {
        lint_with_fallback(&source, l10n, &folders, &checked_tags, &options, scope)?
    } else {
        // Each folder alone: read, checked and dropped in turn, on every
        // core, so the tree is never all in memory.
        let jobs: Vec<(&LocaleTag, &LocaleFolder)> = folders
            .iter()
            .filter(|(tag, _)| checked_tags.contains(tag))
            .collect();
        let outcomes = parallel_map(&jobs, |(tag, folder)| {
            let files = read_folder(l10n, folder)?;
            let view = BundleView::new(files.iter().map(|(p, i)| (p.as_str(), i)), scope);
            Ok::<_, anyhow::Error>(check_locale(&source, &view, tag, &options))
        });
        let mut results = Vec::new();
        for ((tag, _), outcome) in jobs.into_iter().zip(outcomes) {
            let own = outcome?;
            results.push(((*tag).clone(), own.findings, own.stats, None, None));
        }
        results
    };

    report.places.source_folder = Some(settings.shown(source_dir));
    report.places.root = Some(settings.shown(l10n));
    for folder in folders.values() {
        let dir = l10n.join(&folder.folder);
        if dir.is_dir() {
            report
                .places
                .folders
                .insert(folder.name.clone(), settings.shown(&dir));
        }
    }
    // The folder of each bundle, for the paths of findings.
    let folder_of = |tag: &str| -> Option<&LocaleFolder> {
        LocaleTag::parse(tag).ok().and_then(|t| folders.get(&t))
    };
    for (tag, findings, s, own, served_by) in results {
        let Some(folder) = folders.get(&tag) else {
            continue;
        };
        let served_by = served_by.map(|b: LocaleTag| {
            folder_of(b.as_str()).map_or_else(|| b.to_string(), |f| f.name.clone())
        });
        report.stats.push(LocaleStats {
            market: None,
            locale: folder.name.clone(),
            served_by,
            roadmap: None,
            launch: None,
            messages: Counts {
                total: s.source_messages,
                translated: s.translated_messages,
                incomplete: s.incomplete_messages,
                missing: s.missing_messages,
            },
            words: Counts {
                total: s.source_words,
                translated: s.translated_words,
                incomplete: s.incomplete_words,
                missing: s.missing_words,
            },
            coverage_percent: percent(s.translated_messages, s.source_messages),
            own,
            obsolete_messages: Some(s.obsolete_messages),
            optional: false,
            reasons: Vec::new(),
            need_date: None,
            due_date: None,
        });
        for mut f in findings {
            // A finding in a fallback bundle is fixed in that bundle's folder.
            let in_folder = f.bundle.as_deref().and_then(folder_of).unwrap_or(folder);
            let base = l10n.join(&in_folder.folder);
            let path = f.file.as_ref().map(|file| settings.shown(&base.join(file)));
            f.locale = folder.name.clone();
            if let Some(bundle) = &mut f.bundle {
                bundle.clone_from(&in_folder.name);
            }
            report.findings.push(report_finding(f, path));
        }
    }
    Ok(report)
}

/// The indexed Fluent files of a locale folder under `l10n` (none when the
/// folder does not exist: a locale asked for with `--locale`).
pub(super) fn read_folder(
    l10n: &Path,
    folder: &LocaleFolder,
) -> anyhow::Result<Vec<(String, FileIndex)>> {
    let dir = l10n.join(&folder.folder);
    let files = if dir.is_dir() {
        ftl_files(&dir, None)?
    } else {
        Vec::new()
    };
    index_files(&files)
}

/// One locale's lint: its findings and counts, its own share and the nearest
/// bundle that serves it (with `--fallback`).
pub(super) type LintResult = (
    LocaleTag,
    Vec<Finding>,
    crate::coverage::checks::LocaleStats,
    Option<OwnCoverage>,
    Option<LocaleTag>,
);

/// Lint mode with `--fallback`: every folder is read (any may serve
/// another), each checked once on every core, then each checked locale is
/// served message by message along its chain of folders ([`serve_locale`]).
pub(super) fn lint_with_fallback(
    source: &BundleView,
    l10n: &Path,
    folders: &BTreeMap<LocaleTag, LocaleFolder>,
    checked_tags: &[LocaleTag],
    options: &CheckOptions,
    scope: MessageScope,
) -> anyhow::Result<Vec<LintResult>> {
    let jobs: Vec<(&LocaleTag, &LocaleFolder)> = folders.iter().collect();
    let indexes = parallel_map(&jobs, |(_, folder)| read_folder(l10n, folder));
    let mut indexed: BTreeMap<LocaleTag, Vec<(String, FileIndex)>> = BTreeMap::new();
    for ((tag, _), files) in jobs.iter().zip(indexes) {
        indexed.insert((*tag).clone(), files?);
    }
    let bundles: BTreeMap<LocaleTag, BundleView> = indexed
        .iter()
        .map(|(tag, files)| {
            (
                tag.clone(),
                BundleView::new(files.iter().map(|(p, i)| (p.as_str(), i)), scope),
            )
        })
        .collect();
    let tags: Vec<&LocaleTag> = bundles.keys().collect();
    let reports = parallel_map(&tags, |tag| {
        check_locale(source, &bundles[*tag], tag, options)
    });
    let mut checked = Checked::new(source, &bundles, options.clone());
    for (tag, own) in tags.iter().zip(reports) {
        checked.insert_report((*tag).clone(), own);
    }
    let available = checked.available();
    let mut results = Vec::new();
    for tag in checked_tags {
        let order = serving_order(tag, &available, MatchPolicy::CldrFallback);
        if order.is_empty() {
            let own = checked.report(tag).clone();
            results.push((tag.clone(), own.findings, own.stats, None, None));
            continue;
        }
        let served = serve_locale(&mut checked, tag, &order);
        let own = Some(OwnCoverage {
            messages: served.own_messages,
            words: served.own_words,
        });
        results.push((
            tag.clone(),
            served.findings,
            served.stats,
            own,
            served.served_by,
        ));
    }
    Ok(results)
}
