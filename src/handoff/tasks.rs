//! The hand-off of ranked translation tasks: each task's messages, with
//! their source entries, due dates and the launches they unblock, in one of
//! the three formats. `glocal handoff` and ExportHandoff both call
//! [`task_files`], so the files are the same offline and from a server.

use std::collections::BTreeMap;

use fluent_syntax::ast::{Entry, Resource};
use fluent_syntax::parser;
use fluent_syntax::serializer::serialize;

use super::{
    write_csv, write_ftl_skeleton, write_xliff, Handoff, HandoffError, HandoffMessage, Note,
};
use crate::coverage::tasks::TranslationTask;

/// A hand-off format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// OASIS XLIFF 2.0: `{locale}.xlf`, one `<file>` per source file.
    #[default]
    Xliff,
    /// CSV for spreadsheets: `{locale}.csv`.
    Csv,
    /// Fluent skeletons: `{locale}/{file}`, the source commented out above
    /// each entry to translate.
    Ftl,
}

/// One file of a hand-off, its path relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffFile {
    /// `fr.xlf`, `fr.csv` or `fr/pairing/setup.ftl`.
    pub path: String,
    /// Its text.
    pub content: String,
}

/// The note categories of a handed-off message (in XLIFF `<note
/// category>`, CSV columns): the day it is due and the launches it unblocks.
pub const DUE: &str = "due";
/// See [`DUE`].
pub const LAUNCHES: &str = "launches";

/// The hand-off of `task` from `source_locale`, its entries read from
/// `sources` (each source file's text by path): one message per task
/// message, with its comment, due date and launches as notes.
pub fn task_handoff(
    task: &TranslationTask,
    source_locale: &str,
    sources: &BTreeMap<String, String>,
) -> Result<Handoff, HandoffError> {
    let mut parsed: BTreeMap<&str, Resource<&str>> = BTreeMap::new();
    let mut messages = Vec::new();
    for m in &task.messages {
        let missing = |reason: &str| HandoffError::InvalidSource {
            file: m.file.clone(),
            id: m.id.clone(),
            reason: reason.to_string(),
        };
        let text = sources
            .get(&m.file)
            .ok_or_else(|| missing("the source file is not there"))?;
        let resource = parsed.entry(m.file.as_str()).or_insert_with(|| {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            parser::parse(text).unwrap_or_else(|(partial, _)| partial)
        });
        let (source, comment) =
            entry_text(resource, &m.id).ok_or_else(|| missing("the source does not define it"))?;
        let mut notes = Vec::new();
        if let Some(due) = m.due_date {
            notes.push(Note::with_category(DUE, due.to_string()));
        }
        let launches: Vec<String> = task
            .launches
            .iter()
            .filter(|l| m.launches.contains(&l.launch))
            .map(|l| format!("{} ({}: {})", l.launch, l.market, l.locales.join(", ")))
            .collect();
        if !launches.is_empty() {
            notes.push(Note::with_category(LAUNCHES, launches.join("; ")));
        }
        messages.push(HandoffMessage {
            file: m.file.clone(),
            id: m.id.clone(),
            source,
            comment,
            notes,
        });
    }
    Ok(Handoff {
        source_lang: source_locale.to_string(),
        target_lang: task.locale.clone(),
        messages,
    })
}

/// The entry `id` of `resource` as Fluent text without its comment, and the
/// comment's text.
fn entry_text(resource: &Resource<&str>, id: &str) -> Option<(String, Option<String>)> {
    let term = id.strip_prefix('-');
    resource.body.iter().find_map(|entry| {
        let (single, comment) = match (entry, term) {
            (Entry::Message(m), None) if m.id.name == id => {
                let mut m = m.clone();
                let comment = m.comment.take();
                (Entry::Message(m), comment)
            }
            (Entry::Term(t), Some(name)) if t.id.name == name => {
                let mut t = t.clone();
                let comment = t.comment.take();
                (Entry::Term(t), comment)
            }
            _ => return None,
        };
        let comment = comment.map(|c| c.content.join("\n"));
        let text = serialize(&Resource { body: vec![single] });
        Some((text, comment.filter(|c| !c.trim().is_empty())))
    })
}

/// The files of `task`'s hand-off in `format` (see [`Format`]).
pub fn task_files(
    task: &TranslationTask,
    source_locale: &str,
    sources: &BTreeMap<String, String>,
    format: Format,
) -> Result<Vec<HandoffFile>, HandoffError> {
    let handoff = task_handoff(task, source_locale, sources)?;
    let locale = &task.locale;
    Ok(match format {
        Format::Xliff => vec![HandoffFile {
            path: format!("{locale}.xlf"),
            content: write_xliff(&handoff)?,
        }],
        Format::Csv => vec![HandoffFile {
            path: format!("{locale}.csv"),
            content: write_csv(&handoff, &["due", "launches"], |m| {
                vec![m.notes_in(DUE), m.notes_in(LAUNCHES)]
            })?,
        }],
        Format::Ftl => write_ftl_skeleton(&handoff)
            .into_iter()
            .map(|(file, content)| HandoffFile {
                path: format!("{locale}/{file}"),
                content,
            })
            .collect(),
    })
}
