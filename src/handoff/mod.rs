//! Hand Fluent (`.ftl`) messages to translators as OASIS XLIFF 2.0, and read
//! translated XLIFF back into Fluent.
//!
//! * [`write_xliff`] exports a [`Handoff`] as an XLIFF 2.0 document;
//!   [`write_csv`] and [`write_ftl_skeleton`] give the same hand-off as a
//!   spreadsheet and as per-file Fluent skeletons.
//! * [`read_xliff`] imports a translated document into complete Fluent
//!   entries, and [`merge_into_ftl`] puts them into an existing locale file.
//! * [`task_files`] hands off one ranked translation task
//!   ([`crate::coverage::tasks`]) in a [`Format`]: what `glocal handoff` and
//!   ExportHandoff write.
//!
//! # XLIFF layout
//!
//! * One `<file id="fN" original="path">` per source file (in order of first
//!   appearance), one `<unit>` per message value, per attribute and — for
//!   select expressions — per variant combination.
//! * Unit ids are readable and valid `xs:NMTOKEN`s: `emails`, `emails.title`,
//!   `emails:one`, `emails.title:one:0` (`:` cannot occur in Fluent
//!   identifiers or variant keys, so ids are unique within the file). The
//!   unit's `name` holds the human path: `emails[one]`, `emails.title[one][0]`.
//! * Placeables become `<ph id="phN" dataRef="dN" disp="{ $n }"
//!   canCopy="no" canDelete="no"/>`, their Fluent source (normalized by the
//!   `fluent-syntax` serializer) in `<originalData><data id="dN">`.
//! * A select expression is flattened: each unit holds the whole sentence of
//!   one variant combination, text around the select included. The select
//!   structure travels in the XLIFF 2.0 Metadata module
//!   (`xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"`), as the first child
//!   of `<unit>`:
//!   `<mda:metaGroup category="fluent-entry">` with `meta type="entry"` (the
//!   entry id), `type="attribute"` (attribute name, attribute units only) and
//!   `type="units"` (number of units of the entry); then one
//!   `<mda:metaGroup category="fluent-select">` per select on the path,
//!   outermost first, with `type="selector"` (e.g. `$n`), `type="key"` (the
//!   variant of this unit), `type="default"` and one `type="variant"` per key
//!   of the select. The selector is also explained to the translator in a
//!   `<note category="variant">`.
//! * Notes: the entry comment becomes `<note category="comment">`; each
//!   [`Note`] becomes a `<note>` with its category (none if `None`).
//! * Text is escaped by the `quick-xml` writer; characters XML 1.0 cannot
//!   hold become `<cp hex=".."/>`. Line breaks of multiline patterns are
//!   literal line feeds in `<source>` (the unit has `xml:space="preserve"`);
//!   a carriage return is written as `&#13;`.
//! * Terms (`-brand-name`) are handed off like messages.
//!
//! # Import rules
//!
//! * Only units with a non-empty `<target>` count as translated; the `state`
//!   attribute is not consulted. An entry with no translated unit is skipped.
//!   An entry with some but not all units translated is refused with an
//!   error listing the untranslated units (it would otherwise lose variants
//!   or attributes).
//! * The target's placeholders must be the source's, as a multiset of
//!   `dataRef`s (order is free). `<mrk>` is read through, `<sm/>`/`<em/>` are
//!   ignored, `<pc>`/`<sc>`/`<ec>` are refused.
//! * Segments (and ignorables) of a unit are joined in document order; an
//!   ignorable without target contributes its source.
//! * Rebuilt entries hoist every select to the top of its pattern (each
//!   variant holds the complete translated sentence); selectors, keys,
//!   default variants, placeables per variant and attributes equal the
//!   source's. Text that Fluent would read as syntax (`{`, `}`, and `[`, `*`,
//!   `.` at the start of a line) is escaped as a string literal placeable;
//!   leading and trailing blanks of a pattern are dropped, as Fluent does.
//! * Versions `2.0` and `2.1` (same namespace) are accepted; a DOCTYPE is
//!   refused.
//!
//! # Example
//!
//! ```
//! use glocal::handoff::{merge_into_ftl, read_xliff, write_xliff, Handoff, HandoffMessage};
//!
//! let handoff = Handoff {
//!     source_lang: "en-US".into(),
//!     target_lang: "fr".into(),
//!     messages: vec![HandoffMessage::new(
//!         "main.ftl",
//!         "emails",
//!         "emails = You have { $n ->\n    [one] one email\n   *[other] { $n } emails\n }.\n",
//!     )],
//! };
//! let xliff = write_xliff(&handoff)?;
//! assert!(xliff.contains(r#"<unit id="emails:one" name="emails[one]""#));
//!
//! // A translator (or tool) adds the targets.
//! let translated = xliff
//!     .replace(
//!         "<source>You have one email.</source>",
//!         "<source>You have one email.</source><target>Vous avez un e-mail.</target>",
//!     )
//!     .replace(
//!         " emails.</source>",
//!         " emails.</source><target>Vous avez <ph id=\"ph1\" dataRef=\"d1\"/> e-mails.</target>",
//!     );
//! let imported = read_xliff(&translated).map_err(|e| format!("{e:?}"))?;
//! let entries = &imported.files["main.ftl"];
//! assert_eq!(
//!     entries[0].fluent,
//!     "emails =\n    { $n ->\n        [one] Vous avez un e-mail.\n       *[other] Vous avez { $n } e-mails.\n    }\n"
//! );
//! let merged = merge_into_ftl("# French\nhello = Bonjour\n", entries)?;
//! assert!(merged.starts_with("# French\nhello = Bonjour\n\nemails =\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

mod fluent_units;
mod tasks;
mod xliff;

pub use tasks::{task_files, task_handoff, Format, HandoffFile, DUE, LAUNCHES};

pub use xliff::{read_xliff, read_xliff_partial, write_xliff};

/// A note for the translator, attached to every unit of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Value of the note's `category` attribute (e.g. `"due"`, `"launches"`).
    pub category: Option<String>,
    /// The note text.
    pub text: String,
}

impl Note {
    /// A note with a category.
    pub fn with_category(category: impl Into<String>, text: impl Into<String>) -> Self {
        Note {
            category: Some(category.into()),
            text: text.into(),
        }
    }
}

impl From<&str> for Note {
    fn from(text: &str) -> Self {
        Note {
            category: None,
            text: text.to_string(),
        }
    }
}

impl From<String> for Note {
    fn from(text: String) -> Self {
        Note {
            category: None,
            text,
        }
    }
}

/// One message (or term) handed off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoffMessage {
    /// Source file path, e.g. `"main.ftl"` or `"firefox/new.ftl"`.
    pub file: String,
    /// Message id, or `-id` for a term. Must match the id in `source`.
    pub id: String,
    /// The whole Fluent entry as it is in the source file (a leading comment
    /// is allowed and is used when `comment` is `None`).
    pub source: String,
    /// The source entry's comment, if any.
    pub comment: Option<String>,
    /// Extra notes (due date, launches it unblocks): each becomes a `<note>`.
    pub notes: Vec<Note>,
}

impl HandoffMessage {
    /// A message without comment or notes.
    pub fn new(file: impl Into<String>, id: impl Into<String>, source: impl Into<String>) -> Self {
        HandoffMessage {
            file: file.into(),
            id: id.into(),
            source: source.into(),
            comment: None,
            notes: Vec::new(),
        }
    }

    /// The texts of this message's notes in `category`, joined by `"; "`
    /// (handy for [`write_csv`] columns).
    pub fn notes_in(&self, category: &str) -> String {
        self.notes
            .iter()
            .filter(|n| n.category.as_deref() == Some(category))
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// A set of messages handed off from one language to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handoff {
    /// Source language (BCP 47), the XLIFF `srcLang`.
    pub source_lang: String,
    /// Target language (BCP 47), the XLIFF `trgLang`.
    pub target_lang: String,
    /// The messages, in the order they are to appear.
    pub messages: Vec<HandoffMessage>,
}

/// An error while exporting a hand-off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoffError {
    /// A message's source is not exactly one valid Fluent message or term
    /// with the given id.
    InvalidSource {
        /// Source file of the message.
        file: String,
        /// Message id.
        id: String,
        /// What is wrong.
        reason: String,
    },
    /// The same id appears twice for one file.
    DuplicateMessage {
        /// Source file.
        file: String,
        /// Message id.
        id: String,
    },
    /// A language tag is empty or contains whitespace.
    InvalidLanguage {
        /// Which one: `"source"` or `"target"`.
        which: &'static str,
        /// The tag given.
        value: String,
    },
    /// [`write_csv`]'s callback gave a row with the wrong number of columns.
    CsvColumns {
        /// Source file of the message.
        file: String,
        /// Message id.
        id: String,
        /// Number of extra headers.
        expected: usize,
        /// Number of values returned.
        got: usize,
    },
    /// Writing XML failed.
    Xml(String),
}

impl fmt::Display for HandoffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HandoffError::InvalidSource { file, id, reason } => {
                write!(f, "{file}:{id}: invalid Fluent source: {reason}")
            }
            HandoffError::DuplicateMessage { file, id } => {
                write!(f, "{file}:{id}: handed off twice")
            }
            HandoffError::InvalidLanguage { which, value } => {
                write!(f, "invalid {which} language {value:?}")
            }
            HandoffError::CsvColumns {
                file,
                id,
                expected,
                got,
            } => write!(
                f,
                "{file}:{id}: {got} extra CSV values for {expected} extra columns"
            ),
            HandoffError::Xml(e) => write!(f, "XML error: {e}"),
        }
    }
}

impl std::error::Error for HandoffError {}

/// The result of importing a translated XLIFF document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// The document's `srcLang`.
    pub source_lang: String,
    /// The document's `trgLang`.
    pub target_lang: String,
    /// Per original file (the `<file original>`), entries in document order.
    pub files: BTreeMap<String, Vec<ImportedEntry>>,
}

/// One translated Fluent entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedEntry {
    /// Message id, or `-id` for a term.
    pub id: String,
    /// A complete Fluent entry (`id = ...` with attributes, no comment),
    /// ending in a newline, that `fluent-syntax` parses without junk.
    pub fluent: String,
}

/// A reason a unit, a message or the whole document was refused on import.
///
/// `file` is the `<file original>` (or `id` when `original` is missing) and
/// `unit` the unit id; for errors about a whole message `unit` is the
/// message id, and for errors about the whole document both are empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Original file path, empty for document-level errors.
    pub file: String,
    /// Unit id (or message id), empty for file- or document-level errors.
    pub unit: String,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.file.is_empty(), self.unit.is_empty()) {
            (true, true) => write!(f, "{}", self.reason),
            (false, true) => write!(f, "{}: {}", self.file, self.reason),
            _ => write!(f, "{}:{}: {}", self.file, self.unit, self.reason),
        }
    }
}

impl std::error::Error for ImportError {}

/// An error from [`merge_into_ftl`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeError {
    /// The entry concerned, if the error is about one entry.
    pub id: Option<String>,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{id}: {}", self.reason),
            None => write!(f, "{}", self.reason),
        }
    }
}

impl std::error::Error for MergeError {}

/// Parses and flattens one hand-off message, checking its id.
pub(crate) fn flatten_message(
    message: &HandoffMessage,
) -> Result<fluent_units::FlatEntry, HandoffError> {
    let invalid = |reason: String| HandoffError::InvalidSource {
        file: message.file.clone(),
        id: message.id.clone(),
        reason,
    };
    let flat = fluent_units::flatten_source(&message.source).map_err(invalid)?;
    if flat.id != message.id {
        return Err(invalid(format!("the source defines {:?}", flat.id)));
    }
    Ok(flat)
}

fn check_duplicates(h: &Handoff) -> Result<(), HandoffError> {
    let mut seen = BTreeSet::new();
    for m in &h.messages {
        if !seen.insert((m.file.as_str(), m.id.as_str())) {
            return Err(HandoffError::DuplicateMessage {
                file: m.file.clone(),
                id: m.id.clone(),
            });
        }
    }
    Ok(())
}

/// One unit's readable text: text as is, placeables as their Fluent source.
fn readable(parts: &[fluent_units::Part]) -> String {
    parts
        .iter()
        .map(|p| match p {
            fluent_units::Part::Text(t) | fluent_units::Part::Placeable(t) => t.as_str(),
        })
        .collect()
}

fn csv_field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn csv_row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, field);
    }
    out.push_str("\r\n");
}

/// Writes the hand-off as CSV (RFC 4180: comma separated, CRLF line ends,
/// fields with `,` `"` CR or LF quoted, quotes doubled), one row per message.
///
/// Columns: `id`, `file`, `source` (a readable flattening: one line per unit,
/// `[key]` / `.attr` / `.attr[key]` prefixed when the message has more than
/// a plain value; placeables shown as their Fluent source), `words` (words
/// of text over all units, placeables not counted), then `extra_headers`,
/// whose values `extra` gives per message (e.g. `|m| vec![m.notes_in("due")]`).
pub fn write_csv<F>(
    h: &Handoff,
    extra_headers: &[&str],
    mut extra: F,
) -> Result<String, HandoffError>
where
    F: FnMut(&HandoffMessage) -> Vec<String>,
{
    check_duplicates(h)?;
    let mut out = String::new();
    let mut header = vec!["id", "file", "source", "words"];
    header.extend_from_slice(extra_headers);
    csv_row(&mut out, &header);
    for message in &h.messages {
        let flat = flatten_message(message)?;
        let plain = matches!(
            flat.patterns.as_slice(),
            [p] if p.attribute.is_none() && p.leaves.len() == 1
        );
        let mut lines = Vec::new();
        let mut words = 0;
        for pattern in &flat.patterns {
            for leaf in &pattern.leaves {
                let text = readable(&leaf.parts);
                words += leaf
                    .parts
                    .iter()
                    .map(|p| match p {
                        fluent_units::Part::Text(t) => fluent_units::count_words(t),
                        fluent_units::Part::Placeable(_) => 0,
                    })
                    .sum::<usize>();
                if plain {
                    lines.push(text);
                    continue;
                }
                let mut prefix = String::new();
                if let Some(attribute) = &pattern.attribute {
                    prefix.push('.');
                    prefix.push_str(attribute);
                }
                for choice in &leaf.path {
                    prefix.push('[');
                    prefix.push_str(&choice.key);
                    prefix.push(']');
                }
                lines.push(if prefix.is_empty() {
                    text
                } else {
                    format!("{prefix} {text}")
                });
            }
        }
        let values = extra(message);
        if values.len() != extra_headers.len() {
            return Err(HandoffError::CsvColumns {
                file: message.file.clone(),
                id: message.id.clone(),
                expected: extra_headers.len(),
                got: values.len(),
            });
        }
        let source = lines.join("\n");
        let words = words.to_string();
        let mut row = vec![message.id.as_str(), message.file.as_str(), &source, &words];
        row.extend(values.iter().map(String::as_str));
        csv_row(&mut out, &row);
    }
    Ok(out)
}

/// Writes, per source file, a Fluent skeleton for the target locale.
///
/// Each entry's source (without its comment lines) appears commented out
/// (`# ` prefixed lines), directly above a copy of the source entry itself,
/// which is the placeholder to overwrite with the translation. Because the
/// commented lines touch the entry, Fluent attaches them to it as its comment,
/// so the translator sees the source next to the text being edited. Entries
/// are separated by a blank line. The skeleton is plain text and needs no
/// parsing, so this cannot fail.
pub fn write_ftl_skeleton(h: &Handoff) -> BTreeMap<String, String> {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for message in &h.messages {
        let out = files.entry(message.file.clone()).or_default();
        let normalized = message.source.replace("\r\n", "\n");
        let body: Vec<&str> = normalized
            .lines()
            .skip_while(|l| l.starts_with('#') || l.trim().is_empty())
            .collect();
        let end = body
            .iter()
            .rposition(|l| !l.trim().is_empty())
            .map_or(0, |i| i + 1);
        let body = &body[..end];
        if !out.is_empty() {
            out.push('\n');
        }
        for line in body {
            if line.trim().is_empty() {
                out.push_str("#\n");
            } else {
                out.push_str("# ");
                out.push_str(line);
                out.push('\n');
            }
        }
        for line in body {
            out.push_str(line);
            out.push('\n');
        }
    }
    files
}

/// A message or term found in an existing `.ftl` text, by byte range.
struct Span {
    id: String,
    start: usize,
    end: usize,
}

fn entry_start_id(line: &str) -> Option<String> {
    let rest = line.strip_prefix('-').unwrap_or(line);
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, c)) if c.is_ascii_alphabetic() => {}
        _ => return None,
    }
    let end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        .map_or(rest.len(), |(i, _)| i);
    let after = rest[end..].trim_start_matches(' ');
    if after.starts_with('=') {
        Some(line[..line.len() - rest.len() + end].to_string())
    } else {
        None
    }
}

/// Splits Fluent text into entry spans by lines: an entry starts at a line
/// `id =` / `-id =` in column 0 and runs to its last non-blank line before
/// the next line in column 0 that is not `}`, `[`, `*` or `.` (an entry
/// start, a comment, junk).
fn entry_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut current: Option<Span> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(id) = entry_start_id(content) {
            spans.extend(current.take());
            current = Some(Span {
                id,
                start,
                end: offset,
            });
        } else if content.trim().is_empty() {
        } else if content.starts_with([' ', '}', '[', '*', '.']) {
            // Indented lines, and the column-0 closing brace, variant keys
            // and attributes that Fluent allows, continue the entry.
            if let Some(span) = current.as_mut() {
                span.end = offset;
            }
        } else {
            // Comments and anything else in column 0 end the entry.
            spans.extend(current.take());
        }
    }
    spans.extend(current);
    spans
}

/// Replaces the entries with the ids of `entries` in an existing locale
/// `.ftl` text and appends the others at the end.
///
/// Everything outside the replaced entries — other entries, comments
/// (including the comment attached to a replaced entry), blank lines, junk —
/// is kept byte for byte. A replaced entry keeps the file's line ending
/// (`\r\n` if its last line had one). New entries are appended after a blank
/// line, in the order given. An id that `existing` defines more than once,
/// or that starts junk (a syntax error swallowed the entry), is replaced at
/// its first definition and its other definitions and junk are removed, so
/// that the file ends with the one translation: the duplicate or broken
/// entry is what made the message a task. Refused: an entry that is not
/// exactly one valid message or term with its id, ids given twice, or an
/// `existing` text whose entries cannot be located unambiguously.
pub fn merge_into_ftl(existing: &str, entries: &[ImportedEntry]) -> Result<String, MergeError> {
    let mut wanted: BTreeMap<&str, &ImportedEntry> = BTreeMap::new();
    for entry in entries {
        let parsed =
            fluent_units::parse_single_entry(&entry.fluent).map_err(|reason| MergeError {
                id: Some(entry.id.clone()),
                reason: format!("not a single valid Fluent entry: {reason}"),
            })?;
        if fluent_units::entry_id(&parsed).as_deref() != Some(entry.id.as_str()) {
            return Err(MergeError {
                id: Some(entry.id.clone()),
                reason: "the Fluent text defines another id".to_string(),
            });
        }
        if wanted.insert(entry.id.as_str(), entry).is_some() {
            return Err(MergeError {
                id: Some(entry.id.clone()),
                reason: "given twice".to_string(),
            });
        }
    }

    let spans = entry_spans(existing);
    let parsed_ids: Vec<String> = match fluent_syntax::parser::parse(existing) {
        Ok(resource) | Err((resource, _)) => resource
            .body
            .iter()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect(),
    };
    // A span that does not parse alone as its entry is junk that starts
    // like one (a syntax error): the parser has no entry for it.
    let is_entry = |span: &Span| {
        fluent_units::parse_single_entry(&existing[span.start..span.end])
            .ok()
            .and_then(|e| fluent_units::entry_id(&e))
            .as_deref()
            == Some(span.id.as_str())
    };
    let span_ids: Vec<String> = spans
        .iter()
        .filter(|s| is_entry(s))
        .map(|s| s.id.clone())
        .collect();
    if parsed_ids != span_ids {
        return Err(MergeError {
            id: None,
            reason:
                "cannot locate the entries of the existing file reliably (unusual layout or junk)"
                    .to_string(),
        });
    }
    let mut out = String::with_capacity(existing.len());
    let mut copied = 0;
    let mut replaced = BTreeSet::new();
    for span in &spans {
        let Some(entry) = wanted.get(span.id.as_str()) else {
            continue;
        };
        let old = &existing[span.start..span.end];
        out.push_str(&existing[copied..span.start]);
        if replaced.contains(span.id.as_str()) {
            // A later definition of a replaced id (a duplicate, or junk that
            // starts like it) goes: the file ends with one definition.
            copied = span.end;
            continue;
        }
        let mut new = entry
            .fluent
            .trim_end_matches(['\n', '\r'])
            .replace("\r\n", "\n");
        if old.ends_with("\r\n") {
            new = new.replace('\n', "\r\n");
            new.push_str("\r\n");
        } else if old.ends_with('\n') {
            new.push('\n');
        }
        out.push_str(&new);
        copied = span.end;
        replaced.insert(span.id.as_str());
    }
    out.push_str(&existing[copied..]);

    let mut first_new = true;
    for entry in entries {
        if replaced.contains(entry.id.as_str()) {
            continue;
        }
        if first_new {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            if !out.trim().is_empty() {
                out.push('\n');
            }
            first_new = false;
        }
        out.push_str(entry.fluent.trim_end_matches(['\n', '\r']));
        out.push('\n');
    }
    Ok(out)
}
