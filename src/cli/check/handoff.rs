//! `glocal handoff`: the ranked translation tasks of a check, handed to
//! translators as XLIFF 2.0, CSV or `.ftl` skeletons (one set of files per
//! receiving bundle), and `glocal handoff import`, which merges translated
//! XLIFF back into a locale tree.
//!
//! The modes are `glocal check`'s. Plan mode hands off the plan's tasks
//! from the local source files; lint mode, which has no launches, one task
//! per locale with its missing messages; server mode asks ExportHandoff, so
//! the files are the server's (after `--push DIR`, when given).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::bail;

use super::{mode_report, validate, CheckArgs, Run};
use crate::api::pb::glocal::v1 as pb;
use crate::cli::client::status_error;
use crate::cli::report::{texts, Report};
use crate::coverage::finding::Severity;
use crate::coverage::tasks::{TaskMessage, TranslationTask};
use crate::domain::LocaleTag;
use crate::handoff::{self, Format, HandoffFile};
use crate::tr;

/// Arguments of `glocal handoff`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct HandoffArgs {
    /// `import`: merge translated XLIFF into a locale tree.
    #[command(subcommand)]
    pub command: Option<HandoffCommand>,
    /// Write one XLIFF 2.0 file per receiving bundle (`fr.xlf`) into DIR.
    #[arg(long, value_name = "DIR", help_heading = "Hand-off")]
    pub xliff: Option<PathBuf>,
    /// Write one CSV file per receiving bundle (`fr.csv`) into DIR.
    #[arg(long, value_name = "DIR", help_heading = "Hand-off")]
    pub csv: Option<PathBuf>,
    /// Write `.ftl` skeletons per receiving bundle (`fr/main.ftl`) into DIR.
    #[arg(long, value_name = "DIR", help_heading = "Hand-off")]
    pub ftl: Option<PathBuf>,
    /// The check whose tasks are handed off (its report flags are ignored).
    #[command(flatten)]
    pub check: Box<CheckArgs>,
}

/// `glocal handoff` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum HandoffCommand {
    /// Merge translated XLIFF 2.0 files into a locale tree, all or nothing.
    Import(ImportArgs),
}

/// Arguments of `glocal handoff import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The translated XLIFF files.
    #[arg(required = true, value_name = "FILE.xlf")]
    pub files: Vec<PathBuf>,
    /// The locale tree (one folder per locale) to merge them into.
    #[arg(long, value_name = "DIR")]
    pub l10n: PathBuf,
}

/// Runs `glocal handoff`; returns the exit status.
pub async fn handoff(args: HandoffArgs) -> anyhow::Result<i32> {
    if let Some(HandoffCommand::Import(import)) = args.command {
        return import_files(&import);
    }
    let outputs: Vec<(Format, &PathBuf)> = [
        (Format::Xliff, args.xliff.as_ref()),
        (Format::Csv, args.csv.as_ref()),
        (Format::Ftl, args.ftl.as_ref()),
    ]
    .into_iter()
    .filter_map(|(f, dir)| dir.map(|d| (f, d)))
    .collect();
    if outputs.is_empty() {
        bail!(tr!("handoff-no-output"));
    }
    let run = validate(&args.check)?;
    let mut written: Vec<(PathBuf, HandoffFile)> = Vec::new();
    match run {
        Run::Server {
            server, roadmap, ..
        } => {
            if args.check.push.is_some() {
                // Push (and check) first, as `glocal check --push` does.
                mode_report(&args.check).await?;
            }
            let mut planning = server.connect().await?.planning();
            for (format, dir) in &outputs {
                let context = tr!("handoff-cannot-export", "roadmap" => roadmap.to_string());
                let response = planning
                    .export_handoff(export_request(&args.check, &roadmap.to_string(), *format)?)
                    .await
                    .map_err(|s| status_error(&context, s))?
                    .into_inner();
                written.extend(response.files.into_iter().map(|f| {
                    (
                        (*dir).clone(),
                        HandoffFile {
                            path: f.path,
                            content: f.content,
                        },
                    )
                }));
            }
        }
        _ => {
            let report = mode_report(&args.check).await?;
            let tasks = if report.tasks.is_empty() && report.launches.is_empty() {
                lint_tasks(&report)
            } else {
                report.tasks.iter().map(|t| t.task.clone()).collect()
            };
            let sources = source_texts(&report, &tasks)?;
            for (format, dir) in &outputs {
                for task in &tasks {
                    let files = handoff::task_files(task, &report.source_locale, &sources, *format)
                        .map_err(|e| anyhow::anyhow!(e.to_string()))?;
                    written.extend(files.into_iter().map(|f| ((*dir).clone(), f)));
                }
            }
        }
    }
    for (dir, file) in &written {
        let path = dir.join(&file.path);
        write_file(&path, &file.content)?;
        println!("{}", path.display());
    }
    println!("{}", tr!("handoff-written", "files" => written.len()));
    Ok(0)
}

/// The ExportHandoff request of a check's settings.
fn export_request(
    args: &CheckArgs,
    roadmap: &str,
    format: Format,
) -> anyhow::Result<pb::ExportHandoffRequest> {
    let as_of = match &args.as_of {
        Some(s) => Some(
            crate::domain::CalendarDate::parse(s)
                .map_err(|e| anyhow::anyhow!(texts::bad_date(s, &texts::why(&e))))?,
        ),
        None => None,
    };
    Ok(pb::ExportHandoffRequest {
        parent: roadmap.to_string(),
        as_of: as_of.map(|d| crate::api::pb::google::r#type::Date {
            year: d.year(),
            month: d.month(),
            day: d.day(),
        }),
        window_days: args
            .window_days
            .map(|w| i32::try_from(w).unwrap_or(i32::MAX)),
        market_window_days: super::market_windows(&args.market_window)?
            .into_iter()
            .map(|(m, d)| (m, i32::try_from(d).unwrap_or(i32::MAX)))
            .collect(),
        identical_allowed: args.identical_allowed.clone(),
        legal_factor: args.legal_factor.map(|f| f.get()),
        format: match format {
            Format::Xliff => pb::HandoffFormat::Xliff,
            Format::Csv => pb::HandoffFormat::Csv,
            Format::Ftl => pb::HandoffFormat::Ftl,
        } as i32,
        locales: args.locales.clone(),
    })
}

/// Lint mode's tasks: one per locale, the messages it lacks or has broken
/// (missing, missing a value or an attribute, lost to a syntax error); there
/// are no launches, so no dates and no ranking: in locale order.
fn lint_tasks(report: &Report) -> Vec<TranslationTask> {
    const GAPS: &[&str] = &[
        "missing-message",
        "missing-value",
        "missing-attribute",
        "syntax-error",
    ];
    let mut by_locale: BTreeMap<&str, Vec<TaskMessage>> = BTreeMap::new();
    for f in report
        .findings
        .iter()
        .filter(|f| GAPS.contains(&f.rule.as_str()))
    {
        let (Some(file), Some(id)) = (&f.file, &f.message_id) else {
            continue;
        };
        // `id.attribute`: the whole message is handed off.
        let id = id.split('.').next().unwrap_or(id);
        by_locale.entry(&f.locale).or_default().push(TaskMessage {
            file: file.clone(),
            id: id.to_string(),
            words: 0,
            due_date: None,
            locales: vec![f.locale.clone()],
            launches: Vec::new(),
        });
    }
    by_locale
        .into_iter()
        .map(|(locale, mut messages)| {
            messages.sort_by(|a, b| (&a.file, &a.id).cmp(&(&b.file, &b.id)));
            messages.dedup_by(|a, b| a.file == b.file && a.id == b.id);
            TranslationTask {
                locale: locale.to_string(),
                bundle_exists: true,
                message_count: messages.len() as u32,
                words: 0,
                messages,
                due_date: None,
                severity: Severity::Error,
                score: 0.0,
                launches: Vec::new(),
                eta: None,
                words_per_day: None,
            }
        })
        .collect()
}

/// The text of every source file the tasks' messages live in, read from the
/// report's source folder.
fn source_texts(
    report: &Report,
    tasks: &[TranslationTask],
) -> anyhow::Result<BTreeMap<String, String>> {
    let Some(folder) = &report.places.source_folder else {
        bail!(tr!("handoff-no-source-folder"));
    };
    // As reports show it: relative to the working directory, or absolute.
    let folder = PathBuf::from(folder);
    let mut sources = BTreeMap::new();
    for m in tasks.iter().flat_map(|t| &t.messages) {
        if sources.contains_key(&m.file) {
            continue;
        }
        let path = folder.join(&m.file);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            anyhow::anyhow!(texts::cannot_read(
                &path.display().to_string(),
                &e.to_string()
            ))
        })?;
        sources.insert(m.file.clone(), text);
    }
    Ok(sources)
}

/// `glocal handoff import`: reads every file first (any error: nothing is
/// written), then merges each translated entry into `--l10n`'s folder of the
/// XLIFF's target language.
fn import_files(args: &ImportArgs) -> anyhow::Result<i32> {
    let mut imported = Vec::new();
    let mut problems = Vec::new();
    for path in &args.files {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!(texts::cannot_read(&shown, &e.to_string())))?;
        match handoff::read_xliff(&text) {
            Ok(doc) => imported.push((shown, doc)),
            Err(errors) => problems.extend(errors.iter().map(|e| format!("{shown}: {e}"))),
        }
    }
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{p}");
        }
        bail!(tr!("handoff-import-refused", "count" => problems.len()));
    }
    // Everything merged in memory before anything is written.
    let mut writes: Vec<(PathBuf, String)> = Vec::new();
    let mut messages = 0;
    for (shown, doc) in &imported {
        let tag = LocaleTag::parse(&doc.target_lang).map_err(|e| {
            anyhow::anyhow!(texts::bad_locale(
                "trgLang",
                &doc.target_lang,
                &texts::why(&e)
            ))
        })?;
        let folder = locale_folder(&args.l10n, &tag);
        for (file, entries) in doc.files.iter().filter(|(_, e)| !e.is_empty()) {
            if crate::domain::bundle::validate_bundle_path(file).is_err() {
                bail!(tr!("handoff-bad-path", "file" => shown.as_str(), "path" => file.as_str()));
            }
            let path = folder.join(file);
            let pending = writes.iter().position(|(p, _)| *p == path);
            let existing = match pending {
                Some(i) => writes[i].1.clone(),
                // Only a file that is not there yet starts empty: any other
                // read error stops the import before anything is written.
                None => match std::fs::read_to_string(&path) {
                    Ok(text) => text,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
                    Err(e) => bail!(texts::cannot_read(
                        &path.display().to_string(),
                        &e.to_string()
                    )),
                },
            };
            let merged = handoff::merge_into_ftl(&existing, entries)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            messages += entries.len();
            match pending {
                Some(i) => writes[i].1 = merged,
                None => writes.push((path, merged)),
            }
        }
    }
    for (path, content) in &writes {
        write_file(path, content)?;
        println!("{}", path.display());
    }
    println!(
        "{}",
        tr!("handoff-imported", "messages" => messages, "files" => writes.len())
    );
    Ok(0)
}

/// The folder of `tag` under `l10n`: an existing one that stands for it
/// (`fr_CA` for `fr-CA`), else `l10n/{tag}`.
fn locale_folder(l10n: &Path, tag: &LocaleTag) -> PathBuf {
    std::fs::read_dir(l10n)
        .ok()
        .and_then(|entries| {
            entries.flatten().find_map(|e| {
                let name = e.file_name().to_string_lossy().replace('_', "-");
                (LocaleTag::parse(&name).ok().as_ref() == Some(tag) && e.path().is_dir())
                    .then(|| e.path())
            })
        })
        .unwrap_or_else(|| l10n.join(tag.as_str()))
}

/// Writes `content` to `path`, making its folders.
fn write_file(path: &Path, content: &str) -> anyhow::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| cannot_write(parent, &e))?;
    }
    std::fs::write(path, content).map_err(|e| cannot_write(path, &e))
}

/// A hand-off file or folder could not be written.
fn cannot_write(path: &Path, error: &std::io::Error) -> anyhow::Error {
    anyhow::anyhow!(tr!(
        "handoff-cannot-write",
        "path" => path.display().to_string(),
        "error" => error.to_string(),
    ))
}
