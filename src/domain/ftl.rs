//! The index of one Fluent (`.ftl`) file.
//!
//! [`index_file`] parses a file once, when it is uploaded, into a
//! [`FileIndex`]: its messages and terms with their positions, the variables
//! and references of every pattern, the select expressions and their leaf
//! variants, word counts, and the file's syntax errors and duplicate ids. The
//! index is stored beside the file's text (as JSON, through serde) so that
//! coverage checks later compare indexes and never parse again. Its size is
//! linear in the file's: the leaf variants of a pattern, which multiply with
//! its selects, stop at a budget proportional to its size
//! ([`variant_budget`]).
//!
//! Pure code: no I/O.
//!
//! ## Positions
//!
//! Lines and columns are 1-based; columns count characters (Unicode scalar
//! values), not bytes. Lines end with `\n` or `\r\n` (a `\r` before `\n`
//! belongs to the line it ends). A leading byte order mark is ignored
//! and does not count as a column. The Fluent AST has no spans, but every
//! identifier and text in it is a slice of the source, so positions are found
//! from where those slices lie in the source.
//!
//! ## Word counts
//!
//! Only the text of patterns counts: placeables (`{ $name }`, `{ -brand }`,
//! select expressions' selectors and keys) are not words, and they separate
//! words. Text is split at whitespace; a token counts as one word when it holds
//! at least one letter or digit (so `—` or `!` alone is no word). Scripts
//! written without spaces between words (Han, Hiragana, Katakana, Bopomofo,
//! Thai, Lao, Khmer, Myanmar) count one word per letter or digit of that
//! script, as translation tools count CJK text; the rest of such a token (say
//! `Rust` in `Rust製`) counts as words by the first rule. For Thai and the other
//! Southeast Asian scripts this is a character count, an overestimate of their
//! words: good enough to size work, not to bill it.

use std::collections::BTreeSet;

use foldhash::{HashMap, HashSet};
use std::rc::Rc;

use fluent_syntax::ast;
use serde::{Deserialize, Serialize};

/// The most leaf variants recorded for one pattern. Sibling select expressions
/// multiply (three selects of six variants each make 216 paths), so a hostile
/// file could otherwise make the index explode; paths past this many are
/// dropped (in order: the first ones are kept). Real files stay far below it.
/// The variant budget ([`variant_budget`]) may stop a pattern earlier.
pub const MAX_VARIANTS: usize = 1024;

/// The budget of a pattern's leaf variants, in bytes, before its size counts
/// ([`variant_budget`]).
pub const VARIANT_BUDGET_BASE: usize = 2048;

/// The budget of a pattern's leaf variants grows by this many bytes per byte
/// of the pattern's text ([`variant_budget`]).
pub const VARIANT_BUDGET_PER_BYTE: usize = 16;

/// The most bytes of leaf variants ([`Pattern::variants`]) recorded for a
/// pattern of `pattern_bytes` bytes of text: [`VARIANT_BUDGET_BASE`] +
/// [`VARIANT_BUDGET_PER_BYTE`] × `pattern_bytes`. A variant counts about its
/// size in memory, which is more than its size as JSON: 64 bytes, 288 more
/// if it shows a variable (its set's node), and, for each key of its path and
/// each variable it shows, the key's or variable's length plus 32.
///
/// Without it a path repeats the keys of every select along it, so the
/// variants of a pattern grow as its paths times its selects: ten
/// two-variant selects followed by 3,000 one-variant selects (42 KB) made
/// 1,024 variants of 3,010 keys each: 12 MB of JSON, and 200 MB of memory
/// for `glocal check` to index it. With it the variants of a pattern take at
/// most about 16 times its size in memory, plus 2 KiB.
///
/// What is left out: the paths past the budget, in order (the first ones
/// are kept, as with [`MAX_VARIANTS`]; the first path always fits, since a
/// key or variable costs less than 16 times the text that writes it). Only the
/// per-variant comparisons read variants (the dropped-variable check), so
/// they do not see the variants left out; everything else of the pattern
/// (its variables, references, selectors with all their keys, words) is
/// complete. No pattern of the mozilla.org corpus comes near the budget: the
/// most any takes is 34% of its own (`tests/hostile_domain.rs`).
pub fn variant_budget(pattern_bytes: usize) -> usize {
    VARIANT_BUDGET_PER_BYTE
        .saturating_mul(pattern_bytes)
        .saturating_add(VARIANT_BUDGET_BASE)
}

/// The deepest nesting of placeables and call arguments a file may have.
/// `fluent-syntax` parses (and drops) nested `{`s and `(`s recursively, so a
/// few hundred bytes of `{ { { ...` would overflow a 2 MiB thread stack (a
/// debug build fails at about 300 levels) and abort the process; real files
/// nest a handful of levels. [`index_file`] refuses deeper files before
/// parsing them.
pub const MAX_NESTING: u32 = 32;

/// Indexes one Fluent file: what a coverage check needs to know about it,
/// computed once so it never parses the file again.
///
/// Never fails: syntax errors become [`Diagnostic`]s and the entries that do
/// parse (including those after an error) are still indexed. The one
/// exception is a file nested deeper than [`MAX_NESTING`], which is not
/// parsed at all: its index has no entries and a single syntax error.
pub fn index_file(source: &str) -> FileIndex {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let ctx = Ctx::new(source);
    if let Some(offset) = too_deep(source) {
        let (line, column) = ctx.position(offset);
        let end = offset + source[offset..].chars().next().map_or(0, char::len_utf8);
        let (end_line, end_column) = ctx.position(end);
        return FileIndex {
            entries: Vec::new(),
            diagnostics: vec![Diagnostic {
                kind: DiagnosticKind::SyntaxError,
                line,
                column,
                end_line,
                end_column,
                message: format!(
                    "placeables and call arguments may be nested at most {MAX_NESTING} deep; \
                     the file was not parsed"
                ),
                id: None,
                first_line: None,
                entry_line: None,
                swallowed: Vec::new(),
            }],
            words: 0,
            refused: true,
        };
    }
    let (resource, errors) = match fluent_syntax::parser::parse(source) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };

    // The text the parser skipped after each error, by the offset it starts at.
    let junks: Vec<(usize, &str)> = resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Junk { content } => Some((ctx.offset(content), *content)),
            _ => None,
        })
        .collect();
    let mut diagnostics: Vec<Diagnostic> = errors
        .iter()
        .map(|error| {
            let start = ctx.floor_boundary(error.pos.start);
            let end = ctx.ceil_boundary(error.pos.end.max(error.pos.start));
            let (line, column) = ctx.position(start);
            let (end_line, end_column) = ctx.position(end);
            let junk = junk_of(&junks, error);
            Diagnostic {
                kind: DiagnosticKind::SyntaxError,
                line,
                column,
                end_line,
                end_column,
                message: error.kind.to_string(),
                id: junk.and_then(|(_, content)| junk_id(content)),
                first_line: None,
                entry_line: junk.map(|(offset, _)| ctx.position(offset).0),
                swallowed: junk.map_or_else(Vec::new, |(_, content)| swallowed_ids(content)),
            }
        })
        .collect();

    let mut entries = Vec::new();
    let mut first_lines: HashMap<String, u32> = HashMap::default();
    for entry in &resource.body {
        if let Some(junk) = ctx.lone_default_marker(entry) {
            diagnostics.push(junk);
            continue;
        }
        let entry = match entry {
            ast::Entry::Message(message) => ctx.message(message),
            ast::Entry::Term(term) => ctx.term(term),
            _ => continue,
        };
        if let Some(&first_line) = first_lines.get(&entry.id) {
            let (end_line, end_column) =
                (entry.line, entry.column.saturating_add(char_len(&entry.id)));
            diagnostics.push(Diagnostic {
                kind: DiagnosticKind::DuplicateId,
                line: entry.line,
                column: entry.column,
                end_line,
                end_column,
                message: format!(
                    "duplicate id {}, first defined at line {first_line}",
                    entry.id
                ),
                id: Some(entry.id.clone()),
                first_line: Some(first_line),
                entry_line: None,
                swallowed: Vec::new(),
            });
        } else {
            first_lines.insert(entry.id.clone(), entry.line);
        }
        entries.push(entry);
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));

    let words = entries.iter().map(|e| e.words).fold(0, u32::saturating_add);
    FileIndex {
        entries,
        diagnostics,
        words,
        refused: false,
    }
}

/// Everything later checks need to know about one Fluent file, so they never
/// parse it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileIndex {
    /// The messages and terms, in file order, duplicates included (a duplicate
    /// is also reported in `diagnostics`). Entries the parser rejected (junk)
    /// are not here.
    pub entries: Vec<Entry>,
    /// Syntax errors and duplicate ids, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The words of all values and attributes of all entries (see the module
    /// documentation for what a word is).
    pub words: u32,
    /// Whether the file was refused without parsing (nested deeper than
    /// [`MAX_NESTING`]): nothing may parse its text, ever.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refused: bool,
}

impl FileIndex {
    /// Whether the file was refused without parsing (see
    /// [`FileIndex::refused`]); also true of an index stored before that
    /// field existed, recognised by its one "not parsed" syntax error, so
    /// that no stored text that once was refused is parsed later.
    pub fn was_refused(&self) -> bool {
        self.refused
            || (self.entries.is_empty()
                && self.diagnostics.len() == 1
                && self.diagnostics[0].kind == DiagnosticKind::SyntaxError
                && self.diagnostics[0]
                    .message
                    .ends_with("the file was not parsed"))
    }

    /// The ids of the messages, in file order, each once (at its first
    /// definition): what a file provides to code that formats messages.
    pub fn message_ids(&self) -> impl Iterator<Item = &str> {
        self.first_ids(EntryKind::Message)
    }

    /// The ids of the terms, with their leading `-` (`-brand-name`), in file
    /// order, each once (at its first definition).
    pub fn term_ids(&self) -> impl Iterator<Item = &str> {
        self.first_ids(EntryKind::Term)
    }

    /// The first definition of `id` (a term's id starts with `-`), the one
    /// Fluent uses when a file defines an id twice.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    fn first_ids(&self, kind: EntryKind) -> impl Iterator<Item = &str> {
        let mut seen = HashSet::default();
        self.entries
            .iter()
            .filter(move |e| e.kind == kind && seen.insert(e.id.as_str()))
            .map(|e| e.id.as_str())
    }
}

/// Whether an entry is a message (public, formatted by code) or a term
/// (private to the translations, referenced as `{ -name }`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntryKind {
    /// `hello = Hello`.
    Message,
    /// `-brand-name = Glocal`.
    Term,
}

/// One message or term: what a coverage check compares between locales.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// `hello` for a message, `-brand-name` for a term (with its leading `-`,
    /// as references to it are written).
    pub id: String,
    /// Message or term.
    pub kind: EntryKind,
    /// The 1-based line of the id (for a term, of its `-`).
    pub line: u32,
    /// The 1-based column, in characters, of the id (always 1 in a valid file).
    pub column: u32,
    /// The value; `None` for a message with only attributes (a term always has
    /// a value).
    pub value: Option<Pattern>,
    /// The attributes (`.title = ...`), in file order.
    pub attributes: Vec<Attribute>,
    /// The words of the value and of all attributes.
    pub words: u32,
}

/// One attribute of a message or term, such as `.placeholder = Your email`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute {
    /// The name, without the `.`.
    pub name: String,
    /// The 1-based line of the attribute (of its `.`).
    pub line: u32,
    /// The 1-based column, in characters, of the attribute's `.`.
    pub column: u32,
    /// The value.
    pub value: Pattern,
}

/// A pattern (the value of a message, term or attribute) reduced to what
/// coverage checks compare between a source file and its translations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pattern {
    /// The pattern's text as written in the file, from the first character
    /// after `=` to the last, without the surrounding whitespace. Continuation
    /// lines keep their indentation; `\r\n` becomes `\n`, so that a file saved
    /// with Windows line endings still compares equal (for "left untranslated"
    /// checks, which compare a translation with its source).
    pub source: String,
    /// Every variable (`$name`, recorded as `name`) anywhere in the pattern:
    /// text placeables, selectors, function and term arguments, all variants.
    pub variables: BTreeSet<String>,
    /// Every message reference, `id` or `id.attr`.
    pub message_refs: BTreeSet<String>,
    /// Every term reference, `-id` or `-id.attr` (the latter only occurs in
    /// selectors).
    pub term_refs: BTreeSet<String>,
    /// Every select expression, in source order, an outer one before those
    /// nested in its variants.
    pub selectors: Vec<Selector>,
    /// The leaf variants: one per combination of variant keys down nested
    /// (and across sibling) select expressions, in order (the last select
    /// varying fastest); a single variant with an empty `key_path` when the
    /// pattern has no select expression. At most [`MAX_VARIANTS`], and the
    /// first ones that fit in [`variant_budget`] of the pattern's size
    /// (always at least one).
    pub variants: Vec<Variant>,
    /// The words of all the pattern's text, each variant's text counted once.
    pub words: u32,
}

/// One select expression (`{ $count -> [one] ... *[other] ... }`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selector {
    /// The selector, rendered readably: `$count`, `NUMBER($n)`,
    /// `NUMBER($n, minimumFractionDigits: 2)`, `-term.attr`, `PLATFORM()`.
    pub expression: String,
    /// Whether the selector is a number, so that its keys are CLDR plural
    /// categories a translation must adapt to its own language. A heuristic,
    /// since Fluent does not type variables: true for `NUMBER(...)` and for a
    /// number literal; false for a string literal; otherwise (a variable,
    /// another function, a term attribute) true when a key is a plural
    /// category other than `other` (`zero`, `one`, `two`, `few`, `many`) or a
    /// number literal (`[0]`). `other` alone proves nothing: string selectors
    /// such as `$gender` use it as their catch-all too.
    pub numeric: bool,
    /// The variant keys, in source order (`one`, `other`, `0`, ...).
    pub keys: Vec<String>,
    /// The key of the default (`*`) variant.
    pub default_key: String,
}

/// One leaf variant of a pattern: the text a reader sees for one combination
/// of select-expression outcomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// The keys chosen, from the outermost select inward (and, for sibling
    /// selects, left to right), e.g. `["masculine", "one"]`; empty when the
    /// pattern has no select expression.
    pub key_path: Vec<String>,
    /// The variables this variant displays: those in placeables outside any
    /// select expression plus those in the variants along this path. The
    /// selectors' own variables are deliberately left out, so that
    /// `[one] One item` (no `$count`) has none and a translation's
    /// `[other] items` that dropped the `{ $count }` of the source's
    /// `[other] { $count } items` shows up as a dropped variable; the
    /// selector variables are in [`Pattern::variables`].
    pub variables: BTreeSet<String>,
    /// The words of this path's text: outside any select plus the chosen
    /// variants'.
    pub words: u32,
}

/// What is wrong with a file: something a translator can find and fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Syntax error or duplicate id.
    pub kind: DiagnosticKind,
    /// The 1-based line where the problem starts.
    pub line: u32,
    /// The 1-based column, in characters, where the problem starts.
    pub column: u32,
    /// The 1-based line where the problem ends.
    pub end_line: u32,
    /// The 1-based column, in characters, just past the problem's last
    /// character (exclusive, as in editors' ranges).
    pub end_column: u32,
    /// For a syntax error the parser's message (`Expected a token starting
    /// with "="`); for a duplicate `duplicate id x, first defined at line N`.
    pub message: String,
    /// The id concerned: for [`DiagnosticKind::DuplicateId`] the id defined
    /// twice; for [`DiagnosticKind::SyntaxError`] the id the rejected entry
    /// (its junk) starts with, `checkout-total` or a term's `-brand`, when it
    /// starts with an identifier followed by optional spaces and `=`, else
    /// `None` (also in indexes stored before it was recorded).
    pub id: Option<String>,
    /// For a duplicate, the line of the id's first definition (absent in
    /// indexes stored before it was recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_line: Option<u32>,
    /// For a syntax error, the 1-based line where the rejected entry starts:
    /// the first line of the text the parser skipped, which may be before
    /// `line` (the parser's position, where it gave up). `None` for other
    /// kinds, for a file refused without parsing, and in indexes stored before
    /// it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_line: Option<u32>,
    /// For a syntax error, the ids of the other entries the skipped text
    /// swallowed: lines of it after the first that start an entry (`id =`
    /// at column 1), as when an unclosed `{` runs into the next message.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub swallowed: Vec<String>,
}

/// The kinds of problem [`index_file`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DiagnosticKind {
    /// The parser rejected an entry (its text is skipped up to the next line
    /// that can start an entry; the entries after it are still indexed). The
    /// range is the parser's error position. Also a file refused for nesting
    /// deeper than [`MAX_NESTING`], at the `{` or `(` that went too deep.
    /// The rejected entry's first line and id are in [`Diagnostic::entry_line`]
    /// and [`Diagnostic::id`].
    SyntaxError,
    /// A message or term id defined again; reported at the later definition,
    /// whose range is its id. Fluent uses the first definition.
    DuplicateId,
}

/// The junk entry (its offset and text) that the parser skipped after
/// `error`: `fluent-syntax` sets each error's `slice` to the range of the junk
/// it made of the entry, from the entry's start to the next line that can
/// start one. Without a slice, the junk holding the error's position.
fn junk_of<'s>(
    junks: &[(usize, &'s str)],
    error: &fluent_syntax::parser::ParserError,
) -> Option<(usize, &'s str)> {
    let found = match &error.slice {
        Some(slice) => junks.iter().find(|(offset, _)| *offset == slice.start),
        None => junks.iter().find(|(offset, content)| {
            (*offset..=*offset + content.len()).contains(&error.pos.start)
        }),
    };
    found.copied()
}

/// The id a junk entry starts with: a message id (`checkout-total`) or a term
/// id with its `-` (`-brand`), when the junk starts with an identifier
/// (`[a-zA-Z][a-zA-Z0-9_-]*`, after an optional `-`) followed by optional
/// spaces and `=`; otherwise `None`.
fn junk_id(junk: &str) -> Option<String> {
    let bytes = junk.as_bytes();
    let dash = usize::from(bytes.first() == Some(&b'-'));
    let rest = &bytes[dash..];
    if !rest.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = rest
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        .count();
    let after = &rest[len..];
    let spaces = after.iter().take_while(|&&b| b == b' ').count();
    (after.get(spaces) == Some(&b'=')).then(|| junk[..dash + len].to_string())
}

/// The ids of the entries a junk entry swallowed after its first: each later
/// line of it that starts an entry ([`junk_id`] of the line).
fn swallowed_ids(junk: &str) -> Vec<String> {
    junk.split('\n').skip(1).filter_map(junk_id).collect()
}

/// Whether `pattern` holds a select expression (at any depth) none of whose
/// variants is the default: what [`Ctx::lone_default_marker`] reports.
fn lacks_default_variant(pattern: &ast::Pattern<&str>) -> bool {
    pattern.elements.iter().any(|element| match element {
        ast::PatternElement::Placeable { expression } => expression_lacks_default(expression),
        ast::PatternElement::TextElement { .. } => false,
    })
}

fn expression_lacks_default(expression: &ast::Expression<&str>) -> bool {
    match expression {
        ast::Expression::Select { variants, .. } => {
            !variants.iter().any(|v| v.default)
                || variants.iter().any(|v| lacks_default_variant(&v.value))
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            expression_lacks_default(expression)
        }
        ast::Expression::Inline(_) => false,
    }
}

/// Where the parser might nest placeables (`{`) and call arguments (`(`) more
/// than [`MAX_NESTING`] deep, if anywhere: the offset of the `{` or `(` that
/// might go too deep.
///
/// The answer must be found without parsing, so this follows every way the
/// parser might read each character, as a set of states each with the deepest
/// nesting it can be at: in text (where only `{` nests), in an expression
/// (where `(` nests too and `"` opens a string), or in a string literal (where
/// nothing nests). It may over-estimate (never under-estimate) the parser's
/// depth, but stays exact for ordinary files because a reading that the
/// parser would reject is dropped as soon as it meets a character an
/// expression cannot hold (`=`, `!`, a non-ASCII letter...), and because a
/// line that starts at column 1 with anything but `[`, `*` or `}` is read at
/// depth 0: the parser either starts an entry there or gives up on the one it
/// was in.
fn too_deep(source: &str) -> Option<usize> {
    fn max(a: Option<u32>, b: Option<u32>) -> Option<u32> {
        a.max(b)
    }
    // The deepest nesting possible when reading text, an expression, or a
    // string literal (and whether after a `\`); None: impossible.
    let mut text = Some(0u32);
    let mut expression: Option<u32> = None;
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        // A string literal cannot span lines (the parser reports an error).
        let mut string: Option<u32> = None;
        let mut escaped = false;
        match line.as_bytes().first() {
            Some(b' ' | b'[' | b'*' | b'}' | b'\r' | b'\n') | None => {}
            Some(b'#') => {
                // A comment: the parser is at the top level, depth 0.
                text = Some(0);
                expression = None;
                line_start += line.len();
                continue;
            }
            Some(_) => text = text.map(|_| 0),
        }
        for (i, c) in line.char_indices() {
            let (mut next_text, mut next_expression, mut next_string) = (None, None, None);
            if let Some(depth) = text {
                match c {
                    '{' => next_expression = Some(depth + 1),
                    // Closes a select expression at the start of a line, or
                    // is an error (after which the depth is 0).
                    '}' => {
                        next_text = Some(depth.saturating_sub(1));
                        next_expression = next_text;
                    }
                    _ => next_text = Some(depth),
                }
            }
            if let Some(depth) = expression {
                match c {
                    '"' => next_string = Some(depth),
                    '{' | '(' => next_expression = max(next_expression, Some(depth + 1)),
                    '}' => {
                        let closed = Some(depth.saturating_sub(1));
                        next_text = max(next_text, closed);
                        next_expression = max(next_expression, closed);
                    }
                    ')' => next_expression = max(next_expression, Some(depth.saturating_sub(1))),
                    // The end of a variant key, before the variant's text.
                    ']' => {
                        next_text = max(next_text, Some(depth));
                        next_expression = max(next_expression, Some(depth));
                    }
                    'a'..='z'
                    | 'A'..='Z'
                    | '0'..='9'
                    | '_'
                    | '-'
                    | '$'
                    | '.'
                    | ','
                    | ':'
                    | '>'
                    | '['
                    | '*'
                    | ' '
                    | '\r'
                    | '\n' => {
                        next_expression = max(next_expression, Some(depth));
                    }
                    // Nothing else can be in an expression: the parser
                    // rejects the entry.
                    _ => {}
                }
            }
            if let Some(depth) = string {
                if escaped {
                    escaped = false;
                    next_string = max(next_string, Some(depth));
                } else if c == '"' {
                    next_expression = max(next_expression, Some(depth));
                } else {
                    escaped = c == '\\';
                    next_string = max(next_string, Some(depth));
                }
            }
            if next_string.is_none() {
                escaped = false;
            }
            (text, expression, string) = (next_text, next_expression, next_string);
            if text.is_none() && expression.is_none() && string.is_none() {
                // Every reading is an error: the parser skips to the next
                // entry, at depth 0.
                text = Some(0);
            }
            if max(max(text, expression), string) > Some(MAX_NESTING) {
                return Some(line_start + i);
            }
        }
        line_start += line.len();
    }
    None
}

/// The source of one file and where its lines start, to turn the slices of the
/// AST into positions.
struct Ctx<'s> {
    src: &'s str,
    line_starts: Vec<usize>,
}

impl<'s> Ctx<'s> {
    fn new(src: &'s str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Ctx { src, line_starts }
    }

    /// The byte offset of `slice`, a slice of the source.
    fn offset(&self, slice: &str) -> usize {
        let offset = (slice.as_ptr() as usize).wrapping_sub(self.src.as_ptr() as usize);
        debug_assert!(offset <= self.src.len(), "slice is not from the source");
        offset.min(self.src.len())
    }

    /// The byte offset just past `slice`, a slice of the source.
    fn end(&self, slice: &str) -> usize {
        (self.offset(slice) + slice.len()).min(self.src.len())
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    fn position(&self, offset: usize) -> (u32, u32) {
        let offset = self.floor_boundary(offset);
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = char_len(&self.src[line_start..offset]) + 1;
        (to_u32(line), column)
    }

    fn floor_boundary(&self, mut offset: usize) -> usize {
        offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    fn ceil_boundary(&self, mut offset: usize) -> usize {
        offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset += 1;
        }
        offset
    }

    /// The syntax error of a message or term that has a select expression
    /// without a default variant, which `fluent-syntax` 0.12 accepts when the
    /// variants end with a lone `*` not followed by `[` (`{ $n -> [one] x *}`,
    /// `{ $n -> *}`): `Parser::get_variants` marks the default on the `*`,
    /// then leaves the loop on the missing `[`. The reference parsers
    /// (`fluent.syntax`, which compare-locales uses, and `@fluent/syntax`)
    /// do not take a `*` without its `[` for a variant: the variants end
    /// before it, and the select is refused at the `*` with E0010 (no default
    /// variant) or, when no variant came before it, E0011 (no variant after
    /// `->`), making junk of the entry up to the next line that can start
    /// one. So does this, at the same place and with the same junk
    /// (`fluent.syntax` 0.19). `None` for every other entry.
    fn lone_default_marker(&self, entry: &ast::Entry<&str>) -> Option<Diagnostic> {
        let (start, id) = match entry {
            ast::Entry::Message(message)
                if message.value.iter().any(lacks_default_variant)
                    || message
                        .attributes
                        .iter()
                        .any(|a| lacks_default_variant(&a.value)) =>
            {
                (self.offset(message.id.name), message.id.name.to_string())
            }
            ast::Entry::Term(term)
                if lacks_default_variant(&term.value)
                    || term
                        .attributes
                        .iter()
                        .any(|a| lacks_default_variant(&a.value)) =>
            {
                (
                    self.offset(term.id.name).saturating_sub(1),
                    format!("-{}", term.id.name),
                )
            }
            _ => return None,
        };
        let junk_end = self.junk_end(start);
        let junk = &self.src[start..junk_end];
        // The `*` that stands where a variant's `[` should follow: the first
        // character of its line, or the first after the selector's `->`
        // (a `*` anywhere else in an entry the parser accepted is text).
        let bytes = junk.as_bytes();
        let mut no_variants = false;
        let star = (0..bytes.len()).find(|&i| {
            bytes[i] == b'*' && bytes.get(i + 1) != Some(&b'[') && {
                let line_start = junk[..i].trim_end_matches([' ', '\t', '\r']);
                let after_arrow = junk[..i]
                    .trim_end_matches([' ', '\t', '\r', '\n'])
                    .ends_with("->");
                no_variants = after_arrow;
                line_start.ends_with('\n') || after_arrow
            }
        })?;
        let at = start + star;
        let (line, column) = self.position(at);
        let (end_line, end_column) = self.position(at + 1);
        // fluent-syntax's own words where it has them (E0010); E0011 has
        // none there, so it reads as the reference parser's.
        let message = if no_variants {
            "Expected at least one variant after \"->\"".to_string()
        } else {
            fluent_syntax::parser::ErrorKind::MissingDefaultVariant.to_string()
        };
        Some(Diagnostic {
            kind: DiagnosticKind::SyntaxError,
            line,
            column,
            end_line,
            end_column,
            message,
            id: Some(id),
            first_line: None,
            entry_line: Some(self.position(start).0),
            swallowed: swallowed_ids(junk),
        })
    }

    /// Where the junk of an entry starting at `start` ends: at the start of
    /// the next line that can start an entry (a letter, `-` or `#` in its
    /// first column), or at the end of the file.
    fn junk_end(&self, start: usize) -> usize {
        let line = self.line_starts.partition_point(|&s| s <= start);
        self.line_starts[line.min(self.line_starts.len())..]
            .iter()
            .copied()
            .find(|&s| {
                self.src
                    .as_bytes()
                    .get(s)
                    .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'-' || b == b'#')
            })
            .unwrap_or(self.src.len())
    }

    /// The offset just past the first `byte` at or after `from`; `from` if
    /// there is none (which a parsed AST rules out).
    fn past(&self, from: usize, byte: u8) -> usize {
        self.src.as_bytes()[from.min(self.src.len())..]
            .iter()
            .position(|&b| b == byte)
            .map_or(from, |i| from + i + 1)
    }

    /// Where the pattern after the `=` that follows `id_end` starts: the first
    /// character after the `=` that is not a space or a line break.
    fn pattern_start(&self, id_end: usize) -> usize {
        let after_eq = self.past(id_end, b'=');
        let skipped = self.src.as_bytes()[after_eq..]
            .iter()
            .take_while(|&&b| matches!(b, b' ' | b'\r' | b'\n'))
            .count();
        after_eq + skipped
    }

    fn pattern_end(&self, pattern: &ast::Pattern<&str>) -> Option<usize> {
        Some(match pattern.elements.last()? {
            ast::PatternElement::TextElement { value } => self.end(value),
            ast::PatternElement::Placeable { expression } => {
                self.past(self.expression_end(expression)?, b'}')
            }
        })
    }

    fn expression_end(&self, expression: &ast::Expression<&str>) -> Option<usize> {
        match expression {
            ast::Expression::Inline(inline) => Some(self.inline_end(inline)),
            ast::Expression::Select { selector, variants } => match variants.last() {
                Some(last) => self.pattern_end(&last.value),
                None => Some(self.inline_end(selector)),
            },
        }
    }

    fn inline_end(&self, inline: &ast::InlineExpression<&str>) -> usize {
        use ast::InlineExpression as I;
        match inline {
            // The closing quote.
            I::StringLiteral { value } => self.end(value) + 1,
            I::NumberLiteral { value } => self.end(value),
            I::VariableReference { id } => self.end(id.name),
            I::MessageReference { id, attribute } => {
                self.end(attribute.as_ref().unwrap_or(id).name)
            }
            I::FunctionReference { id, arguments } => {
                let last = self.arguments_end(arguments).unwrap_or(self.end(id.name));
                self.past(last, b')')
            }
            I::TermReference {
                id,
                attribute,
                arguments,
            } => {
                let name_end = self.end(attribute.as_ref().unwrap_or(id).name);
                match arguments {
                    Some(arguments) => {
                        let last = self.arguments_end(arguments).unwrap_or(name_end);
                        self.past(last, b')')
                    }
                    None => name_end,
                }
            }
            I::Placeable { expression } => match self.expression_end(expression) {
                Some(end) => self.past(end, b'}'),
                None => self.src.len(),
            },
        }
    }

    fn arguments_end(&self, arguments: &ast::CallArguments<&str>) -> Option<usize> {
        let positional = arguments.positional.iter().map(|a| self.inline_end(a));
        let named = arguments.named.iter().map(|a| self.inline_end(&a.value));
        positional.chain(named).max()
    }

    fn message(&self, message: &ast::Message<&str>) -> Entry {
        let (line, column) = self.position(self.offset(message.id.name));
        let id_end = self.end(message.id.name);
        let value = message
            .value
            .as_ref()
            .map(|value| self.pattern(value, id_end));
        self.entry(
            message.id.name.to_owned(),
            EntryKind::Message,
            (line, column),
            value,
            &message.attributes,
        )
    }

    fn term(&self, term: &ast::Term<&str>) -> Entry {
        // The id slice excludes the `-`, which is the byte before it.
        let (line, column) = self.position(self.offset(term.id.name).saturating_sub(1));
        let value = self.pattern(&term.value, self.end(term.id.name));
        self.entry(
            format!("-{}", term.id.name),
            EntryKind::Term,
            (line, column),
            Some(value),
            &term.attributes,
        )
    }

    fn entry(
        &self,
        id: String,
        kind: EntryKind,
        (line, column): (u32, u32),
        value: Option<Pattern>,
        attributes: &[ast::Attribute<&str>],
    ) -> Entry {
        let attributes: Vec<Attribute> = attributes
            .iter()
            .map(|attribute| {
                // The name slice starts right after the `.`.
                let dot = self.offset(attribute.id.name).saturating_sub(1);
                let (line, column) = self.position(dot);
                Attribute {
                    name: attribute.id.name.to_owned(),
                    line,
                    column,
                    value: self.pattern(&attribute.value, self.end(attribute.id.name)),
                }
            })
            .collect();
        let words = value
            .iter()
            .chain(attributes.iter().map(|a| &a.value))
            .map(|p| p.words)
            .fold(0, u32::saturating_add);
        Entry {
            id,
            kind,
            line,
            column,
            value,
            attributes,
            words,
        }
    }

    /// Indexes `pattern`, the one after the `=` following `id_end`.
    fn pattern(&self, pattern: &ast::Pattern<&str>, id_end: usize) -> Pattern {
        let start = self.pattern_start(id_end);
        let end = self.pattern_end(pattern).unwrap_or(start).max(start);
        let source = self.src[self.floor_boundary(start)..self.ceil_boundary(end)]
            .trim_matches(|c| matches!(c, ' ' | '\r' | '\n'))
            .replace("\r\n", "\n");

        let mut all = Collector::default();
        all.pattern(pattern);
        let variants = if all.selectors.is_empty() {
            // No select expression: one variant, with every variable and
            // word of the pattern (what `pattern_paths` would find, without
            // walking it again; most patterns are such).
            vec![Variant {
                key_path: Vec::new(),
                variables: all.variables.clone(),
                words: all.words,
            }]
        } else {
            let budget = variant_budget(source.len());
            pattern_paths(pattern, budget)
                .iter()
                .map(Path::variant)
                .collect()
        };
        Pattern {
            source,
            variables: all.variables,
            message_refs: all.message_refs,
            term_refs: all.term_refs,
            selectors: all.selectors,
            variants,
            words: all.words,
        }
    }
}

/// Gathers everything in a pattern, all variants included.
#[derive(Default)]
struct Collector {
    variables: BTreeSet<String>,
    message_refs: BTreeSet<String>,
    term_refs: BTreeSet<String>,
    selectors: Vec<Selector>,
    words: u32,
}

impl Collector {
    fn pattern(&mut self, pattern: &ast::Pattern<&str>) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    self.words = self.words.saturating_add(count_words(value));
                }
                ast::PatternElement::Placeable { expression } => self.expression(expression),
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<&str>) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline),
            ast::Expression::Select { selector, variants } => {
                self.selectors.push(selector_of(selector, variants));
                self.inline(selector);
                for variant in variants {
                    self.pattern(&variant.value);
                }
            }
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&str>) {
        use ast::InlineExpression as I;
        match inline {
            I::StringLiteral { .. } | I::NumberLiteral { .. } => {}
            I::VariableReference { id } => {
                self.variables.insert(id.name.to_owned());
            }
            I::MessageReference { id, attribute } => {
                self.message_refs.insert(reference(id, attribute.as_ref()));
            }
            I::TermReference {
                id,
                attribute,
                arguments,
            } => {
                self.term_refs
                    .insert(format!("-{}", reference(id, attribute.as_ref())));
                if let Some(arguments) = arguments {
                    self.arguments(arguments);
                }
            }
            I::FunctionReference { arguments, .. } => self.arguments(arguments),
            I::Placeable { expression } => self.expression(expression),
        }
    }

    fn arguments(&mut self, arguments: &ast::CallArguments<&str>) {
        for argument in &arguments.positional {
            self.inline(argument);
        }
        for argument in &arguments.named {
            self.inline(&argument.value);
        }
    }
}

/// What a leaf variant costs against its budget ([`variant_budget`]), in
/// bytes, before its keys and variables: about its size in memory (the
/// [`Variant`] and its place in the vector).
const VARIANT_COST: usize = 64;

/// What a leaf variant that shows variables costs on top of
/// [`VARIANT_COST`]: the node of its set of variables.
const VARIABLE_SET_COST: usize = 288;

/// What one key or variable of a leaf variant costs against the budget: its
/// bytes and the `String` holding them.
fn entry_cost(entry: &str) -> usize {
    entry.len() + 32
}

/// A part of a path being built. Parts are shared between the paths that
/// contain them, so that joining two paths copies nothing: a pattern's
/// combinations are counted and cut to the budget before any of them is
/// written out ([`Path::variant`]).
enum Piece {
    /// The key of a chosen variant.
    Key(String),
    /// The variables of an inline expression.
    Variables(Vec<String>),
    /// One part, then the other (`None` only while being dropped).
    Join(Option<Rc<Piece>>, Option<Rc<Piece>>),
}

impl Drop for Piece {
    /// Drops a chain of joins without recursion: a pattern of many thousand
    /// placeables makes chains that deep, which a recursive drop would
    /// overflow the stack with.
    fn drop(&mut self) {
        let mut stack: Vec<Rc<Piece>> = Vec::new();
        if let Piece::Join(a, b) = self {
            stack.extend(a.take());
            stack.extend(b.take());
        }
        while let Some(piece) = stack.pop() {
            // Its last owner takes its parts before it drops.
            if let Ok(Piece::Join(a, b)) = &mut Rc::try_unwrap(piece) {
                stack.extend(a.take());
                stack.extend(b.take());
            }
        }
    }
}

/// One path through a pattern's select expressions, being built.
#[derive(Default, Clone)]
struct Path {
    /// Its keys and variables, in order; `None` when it has neither.
    piece: Option<Rc<Piece>>,
    /// The words of its text.
    words: u32,
    /// What its keys and variables cost ([`entry_cost`]; a variable met
    /// twice on the path counts twice, so this may exceed the cost of the
    /// variant written out, never fall short of it).
    cost: usize,
    /// Whether it shows a variable.
    shows_variables: bool,
}

impl Path {
    fn of(piece: Piece, cost: usize) -> Path {
        let shows_variables = matches!(piece, Piece::Variables(_));
        Path {
            piece: Some(Rc::new(piece)),
            words: 0,
            cost,
            shows_variables,
        }
    }

    /// A path of the one key `key`.
    fn key(key: String) -> Path {
        let cost = entry_cost(&key);
        Path::of(Piece::Key(key), cost)
    }

    /// A path showing `variables` (none: an empty path).
    fn variables(variables: BTreeSet<String>) -> Path {
        if variables.is_empty() {
            return Path::default();
        }
        let cost = variables.iter().map(|v| entry_cost(v)).sum();
        Path::of(Piece::Variables(variables.into_iter().collect()), cost)
    }

    /// This path, then `other`.
    fn join(&self, other: &Path) -> Path {
        let piece = match (&self.piece, &other.piece) {
            (None, piece) | (piece, None) => piece.clone(),
            (Some(a), Some(b)) => Some(Rc::new(Piece::Join(Some(a.clone()), Some(b.clone())))),
        };
        Path {
            piece,
            words: self.words.saturating_add(other.words),
            cost: self.cost.saturating_add(other.cost),
            shows_variables: self.shows_variables || other.shows_variables,
        }
    }

    /// What this path costs as a leaf variant of its own.
    fn variant_cost(&self) -> usize {
        let set = if self.shows_variables {
            VARIABLE_SET_COST
        } else {
            0
        };
        (VARIANT_COST + set).saturating_add(self.cost)
    }

    /// The leaf variant this path is: its keys in order, its variables.
    fn variant(&self) -> Variant {
        let mut key_path = Vec::new();
        let mut variables = BTreeSet::new();
        let mut stack: Vec<&Piece> = self.piece.as_deref().into_iter().collect();
        while let Some(piece) = stack.pop() {
            match piece {
                Piece::Key(key) => key_path.push(key.clone()),
                Piece::Variables(names) => {
                    for name in names {
                        if !variables.contains(name) {
                            variables.insert(name.clone());
                        }
                    }
                }
                Piece::Join(a, b) => {
                    stack.extend(b.as_deref());
                    stack.extend(a.as_deref());
                }
            }
        }
        Variant {
            key_path,
            variables,
            words: self.words,
        }
    }
}

/// Collects paths in order while they fit: at most [`MAX_VARIANTS`] of them,
/// costing at most `budget` together; the first path is always taken.
struct Fit {
    paths: Vec<Path>,
    cost: usize,
    budget: usize,
}

impl Fit {
    fn new(budget: usize) -> Fit {
        Fit {
            paths: Vec::new(),
            cost: 0,
            budget,
        }
    }

    /// Whether a path costing `cost` would still be taken.
    fn fits(&self, cost: usize) -> bool {
        self.paths.is_empty()
            || (self.paths.len() < MAX_VARIANTS && self.cost.saturating_add(cost) <= self.budget)
    }

    /// Takes `path` if it fits; false (and `path` is dropped) otherwise, and
    /// then for every later one: the paths kept are always the first ones.
    fn push(&mut self, path: Path) -> bool {
        let cost = path.variant_cost();
        if !self.fits(cost) {
            return false;
        }
        self.cost = self.cost.saturating_add(cost);
        self.paths.push(path);
        true
    }

    /// What is left of the budget.
    fn left(&self) -> usize {
        self.budget.saturating_sub(self.cost)
    }
}

/// The leaf paths of `pattern`: every combination of the variants of its
/// select expressions, in order, as many of the first ones as fit in
/// `budget` (and at most [`MAX_VARIANTS`]); at least one.
///
/// Text and placeables that do not branch (inline expressions, selects of a
/// single path) are gathered into one path (`pending`) and joined to every
/// path once, at the next select that branches or at the end, so that a long
/// run of them costs once, not once per path.
fn pattern_paths(pattern: &ast::Pattern<&str>, budget: usize) -> Vec<Path> {
    let mut paths = vec![Path::default()];
    let mut pending = Path::default();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                pending.words = pending.words.saturating_add(count_words(value));
            }
            ast::PatternElement::Placeable { expression } => {
                let options = expression_paths(expression, budget);
                if let [only] = options.as_slice() {
                    pending = pending.join(only);
                    continue;
                }
                let mut fit = Fit::new(budget);
                'paths: for path in &paths {
                    let path = path.join(&pending);
                    for option in &options {
                        if !fit.push(path.join(option)) {
                            break 'paths;
                        }
                    }
                }
                paths = fit.paths;
                pending = Path::default();
            }
        }
    }
    let mut fit = Fit::new(budget);
    for path in &paths {
        if !fit.push(path.join(&pending)) {
            break;
        }
    }
    fit.paths
}

/// The paths through one placeable's expression, within `budget`: one for an
/// inline expression, one or more per variant for a select expression (whose
/// selector's variables are left out; see [`Variant::variables`]).
fn expression_paths(expression: &ast::Expression<&str>, budget: usize) -> Vec<Path> {
    match expression {
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            expression_paths(expression, budget)
        }
        ast::Expression::Inline(inline) => {
            let mut collector = Collector::default();
            collector.inline(inline);
            vec![Path::variables(collector.variables)]
        }
        ast::Expression::Select { variants, .. } => {
            let mut fit = Fit::new(budget);
            'variants: for variant in variants {
                let key = Path::key(variant_key(&variant.key));
                if !fit.fits(key.variant_cost()) {
                    break;
                }
                for path in pattern_paths(&variant.value, fit.left()) {
                    if !fit.push(key.join(&path)) {
                        break 'variants;
                    }
                }
            }
            fit.paths
        }
    }
}

/// CLDR plural categories that only a number selector uses (`other` is also
/// the catch-all of string selectors).
const PLURAL_ONLY_CATEGORIES: [&str; 5] = ["zero", "one", "two", "few", "many"];

fn selector_of(
    selector: &ast::InlineExpression<&str>,
    variants: &[ast::Variant<&str>],
) -> Selector {
    use ast::InlineExpression as I;
    let keys: Vec<String> = variants.iter().map(|v| variant_key(&v.key)).collect();
    let default_key = variants
        .iter()
        .find(|v| v.default)
        .map(|v| variant_key(&v.key))
        .unwrap_or_default();
    let numeric = match selector {
        I::NumberLiteral { .. } => true,
        I::FunctionReference { id, .. } if id.name == "NUMBER" => true,
        I::StringLiteral { .. } => false,
        _ => variants.iter().any(|v| match &v.key {
            ast::VariantKey::NumberLiteral { .. } => true,
            ast::VariantKey::Identifier { name } => PLURAL_ONLY_CATEGORIES.contains(name),
        }),
    };
    Selector {
        expression: render_inline(selector),
        numeric,
        keys,
        default_key,
    }
}

fn variant_key(key: &ast::VariantKey<&str>) -> String {
    match key {
        ast::VariantKey::Identifier { name } => (*name).to_owned(),
        ast::VariantKey::NumberLiteral { value } => (*value).to_owned(),
    }
}

fn reference(id: &ast::Identifier<&str>, attribute: Option<&ast::Identifier<&str>>) -> String {
    match attribute {
        Some(attribute) => format!("{}.{}", id.name, attribute.name),
        None => id.name.to_owned(),
    }
}

/// A readable rendering of an inline expression, in Fluent syntax.
fn render_inline(inline: &ast::InlineExpression<&str>) -> String {
    use ast::InlineExpression as I;
    match inline {
        I::StringLiteral { value } => format!("\"{value}\""),
        I::NumberLiteral { value } => (*value).to_owned(),
        I::VariableReference { id } => format!("${}", id.name),
        I::MessageReference { id, attribute } => reference(id, attribute.as_ref()),
        I::FunctionReference { id, arguments } => {
            format!("{}({})", id.name, render_arguments(arguments))
        }
        I::TermReference {
            id,
            attribute,
            arguments,
        } => {
            let arguments = arguments
                .as_ref()
                .map(|arguments| format!("({})", render_arguments(arguments)))
                .unwrap_or_default();
            format!("-{}{arguments}", reference(id, attribute.as_ref()))
        }
        I::Placeable { expression } => match expression.as_ref() {
            ast::Expression::Inline(inline) => format!("{{ {} }}", render_inline(inline)),
            ast::Expression::Select { selector, .. } => {
                format!("{{ {} -> ... }}", render_inline(selector))
            }
        },
    }
}

fn render_arguments(arguments: &ast::CallArguments<&str>) -> String {
    let positional = arguments.positional.iter().map(render_inline);
    let named = arguments
        .named
        .iter()
        .map(|a| format!("{}: {}", a.name.name, render_inline(&a.value)));
    positional.chain(named).collect::<Vec<_>>().join(", ")
}

/// Counts the words of one text element (see the module documentation).
///
/// Fast where most text is: an ASCII token is one word when it has a letter or
/// a digit, without a Unicode lookup, and a run of spaced-script characters
/// stops looking characters up once it has one (a lookup per character was
/// a third of a lint).
fn count_words(text: &str) -> u32 {
    let mut words: u32 = 0;
    for token in text.split_whitespace() {
        if token.is_ascii() {
            if token.bytes().any(|b| b.is_ascii_alphanumeric()) {
                words = words.saturating_add(1);
            }
            continue;
        }
        // Whether the current run of spaced-script characters has a letter or
        // a digit.
        let mut run_is_word = false;
        for c in token.chars() {
            if c.is_ascii() {
                run_is_word = run_is_word || c.is_ascii_alphanumeric();
            } else if is_unspaced_script(c) {
                if run_is_word {
                    words = words.saturating_add(1);
                    run_is_word = false;
                }
                if is_surely_letter(c) || is_alphanumeric(c) {
                    words = words.saturating_add(1);
                }
            } else if !run_is_word && is_alphanumeric(c) {
                run_is_word = true;
            }
        }
        if run_is_word {
            words = words.saturating_add(1);
        }
    }
    words
}

/// The characters below U+3000 (the alphabets, abjads and abugidas of
/// spaced scripts, and Thai and Lao) whose [`char::is_alphanumeric`] is true,
/// one bit each: the standard library's answer, looked up once.
static ALPHANUMERIC_BELOW_3000: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let mut bits = vec![0u64; 0x3000 / 64];
    for code in 0..0x3000u32 {
        if char::from_u32(code).is_some_and(char::is_alphanumeric) {
            bits[(code / 64) as usize] |= 1 << (code % 64);
        }
    }
    bits
});

/// [`char::is_alphanumeric`], from [`ALPHANUMERIC_BELOW_3000`] where it can
/// be.
fn is_alphanumeric(c: char) -> bool {
    let code = u32::from(c);
    match ALPHANUMERIC_BELOW_3000.get((code / 64) as usize) {
        Some(word) => word & (1 << (code % 64)) != 0,
        None => c.is_alphanumeric(),
    }
}

/// Whether `c` is in a block of unspaced-script letters only (the CJK
/// unified ideographs, hiragana and katakana letters), which are most of
/// Chinese and Japanese text: no lookup needed to know it is alphanumeric.
fn is_surely_letter(c: char) -> bool {
    matches!(u32::from(c), 0x4E00..=0x9FFF | 0x3041..=0x3096 | 0x30A1..=0x30FA)
}

/// Whether `c` belongs to a script written without spaces between words.
fn is_unspaced_script(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0E00..=0x0EFF // Thai, Lao
            | 0x1000..=0x109F // Myanmar
            | 0x1780..=0x17FF // Khmer
            | 0x19E0..=0x19FF // Khmer symbols
            | 0x2E80..=0x2FDF // CJK radicals, Kangxi radicals
            | 0x3005..=0x3007 // 々 〆 〇
            | 0x3040..=0x30FF // Hiragana, Katakana
            | 0x3100..=0x312F // Bopomofo
            | 0x31A0..=0x31BF // Bopomofo extended
            | 0x31F0..=0x31FF // Katakana phonetic extensions
            | 0x3400..=0x4DBF // CJK extension A
            | 0x4E00..=0x9FFF // CJK unified ideographs
            | 0xF900..=0xFAFF // CJK compatibility ideographs
            | 0xFF66..=0xFF9F // Halfwidth Katakana
            | 0x1B000..=0x1B16F // Kana supplement and extensions
            | 0x20000..=0x323AF // CJK extensions B to H
    )
}

fn char_len(s: &str) -> u32 {
    to_u32(s.chars().count())
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphanumeric_table_is_the_standard_librarys() {
        for code in 0..0x4000 {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            }
        }
    }

    #[test]
    fn surely_letters_are_letters() {
        for code in (0x4E00..=0x9FFF)
            .chain(0x3041..=0x3096)
            .chain(0x30A1..=0x30FA)
        {
            let c = char::from_u32(code).unwrap();
            assert!(
                is_surely_letter(c) && c.is_alphanumeric() && is_unspaced_script(c),
                "{c:?}"
            );
        }
    }

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(ToString::to_string).collect()
    }

    fn keys(items: &[&str]) -> Vec<String> {
        items.iter().map(ToString::to_string).collect()
    }

    fn value<'a>(index: &'a FileIndex, id: &str) -> &'a Pattern {
        index
            .entry(id)
            .unwrap_or_else(|| panic!("no entry {id}"))
            .value
            .as_ref()
            .unwrap_or_else(|| panic!("{id} has no value"))
    }

    #[test]
    fn simple_message() {
        let index = index_file("hello = Hello, world!\n");
        assert_eq!(index.diagnostics, []);
        assert_eq!(
            index.entries,
            [Entry {
                id: "hello".into(),
                kind: EntryKind::Message,
                line: 1,
                column: 1,
                value: Some(Pattern {
                    source: "Hello, world!".into(),
                    variables: set(&[]),
                    message_refs: set(&[]),
                    term_refs: set(&[]),
                    selectors: vec![],
                    variants: vec![Variant {
                        key_path: vec![],
                        variables: set(&[]),
                        words: 2,
                    }],
                    words: 2,
                }),
                attributes: vec![],
                words: 2,
            }]
        );
        assert_eq!(index.words, 2);
        assert_eq!(index.message_ids().collect::<Vec<_>>(), ["hello"]);
        assert_eq!(index.term_ids().count(), 0);
    }

    #[test]
    fn message_with_attributes_only() {
        let src = "# A comment\nlogin-input =\n    .placeholder = email@example.com\n    .aria-label = Login input value\n";
        let index = index_file(src);
        assert_eq!(index.diagnostics, []);
        let entry = index.entry("login-input").unwrap();
        assert_eq!((entry.line, entry.column), (2, 1));
        assert_eq!(entry.value, None);
        let attributes: Vec<_> = entry
            .attributes
            .iter()
            .map(|a| (a.name.as_str(), a.line, a.column, a.value.source.as_str()))
            .collect();
        assert_eq!(
            attributes,
            [
                ("placeholder", 3, 5, "email@example.com"),
                ("aria-label", 4, 5, "Login input value"),
            ]
        );
        assert_eq!(entry.words, 1 + 3);
    }

    #[test]
    fn term_with_attribute() {
        let src =
            "-brand-name = Glocal\n    .gender = masculine\n\nabout = About { -brand-name }\n";
        let index = index_file(src);
        assert_eq!(index.diagnostics, []);
        let term = index.entry("-brand-name").unwrap();
        assert_eq!(term.kind, EntryKind::Term);
        assert_eq!((term.line, term.column), (1, 1));
        assert_eq!(term.value.as_ref().unwrap().source, "Glocal");
        assert_eq!(term.attributes.len(), 1);
        assert_eq!(term.attributes[0].name, "gender");
        assert_eq!((term.attributes[0].line, term.attributes[0].column), (2, 5));
        assert_eq!(index.term_ids().collect::<Vec<_>>(), ["-brand-name"]);
        assert_eq!(index.message_ids().collect::<Vec<_>>(), ["about"]);
        assert!(index.entry("brand-name").is_none());
        assert_eq!(value(&index, "about").term_refs, set(&["-brand-name"]));
    }

    #[test]
    fn variables_in_value_and_attributes() {
        let src = "\
welcome = Welcome, { $user }! You have { NUMBER($unread, minimumFractionDigits: 0) } new { $kind }.
    .title = Hello { $user } from { $city }
    .aria-label = { $count }
";
        let index = index_file(src);
        assert_eq!(index.diagnostics, []);
        let entry = index.entry("welcome").unwrap();
        let value = entry.value.as_ref().unwrap();
        assert_eq!(value.variables, set(&["kind", "unread", "user"]));
        assert_eq!(value.variants[0].variables, value.variables);
        assert_eq!(
            value.source,
            "Welcome, { $user }! You have { NUMBER($unread, minimumFractionDigits: 0) } new { $kind }."
        );
        assert_eq!(entry.attributes[0].value.variables, set(&["city", "user"]));
        assert_eq!(entry.attributes[1].value.variables, set(&["count"]));
        assert_eq!(entry.attributes[1].value.source, "{ $count }");
        assert_eq!(entry.attributes[1].value.words, 0);
        // Welcome, | ! You have | new | . -> Welcome, You have new
        assert_eq!(value.words, 4);
        assert_eq!(entry.words, 4 + 2);
    }

    #[test]
    fn nested_selects_per_variant_variables() {
        let src = "\
shared = { $user } shared { $gender ->
    [masculine] { $count ->
        [one] his photo
       *[other] his { $count } photos
    }
    [feminine] her { $count ->
        [one] photo
       *[other] { $count } photos in { $album }
    }
   *[other] their photos
} today.
";
        let index = index_file(src);
        assert_eq!(index.diagnostics, []);
        let pattern = value(&index, "shared");
        assert_eq!(
            pattern.variables,
            set(&["album", "count", "gender", "user"])
        );
        assert_eq!(pattern.selectors.len(), 3);
        assert_eq!(pattern.selectors[0].expression, "$gender");
        assert_eq!(pattern.selectors[1].expression, "$count");
        assert_eq!(pattern.selectors[2].expression, "$count");
        let variants: Vec<_> = pattern
            .variants
            .iter()
            .map(|v| (v.key_path.clone(), v.variables.clone(), v.words))
            .collect();
        assert_eq!(
            variants,
            [
                (keys(&["masculine", "one"]), set(&["user"]), 4),
                (keys(&["masculine", "other"]), set(&["count", "user"]), 4),
                (keys(&["feminine", "one"]), set(&["user"]), 4),
                (
                    keys(&["feminine", "other"]),
                    set(&["album", "count", "user"]),
                    5
                ),
                (keys(&["other"]), set(&["user"]), 4),
            ]
        );
        // shared, today, his photo, his photos, her, photo, photos in, their photos
        assert_eq!(pattern.words, 2 + 2 + 2 + 1 + 1 + 2 + 2);
        assert!(pattern
            .source
            .starts_with("{ $user } shared { $gender ->\n"));
        assert!(pattern.source.ends_with("*[other] their photos\n} today."));
    }

    #[test]
    fn sibling_selects_combine() {
        let src = "\
pair = { $a ->
    [x] X
   *[y] Y
} and { $b ->
    [one] { $n } one
   *[other] many
}
";
        let index = index_file(src);
        let paths: Vec<_> = value(&index, "pair")
            .variants
            .iter()
            .map(|v| (v.key_path.clone(), v.variables.clone()))
            .collect();
        assert_eq!(
            paths,
            [
                (keys(&["x", "one"]), set(&["n"])),
                (keys(&["x", "other"]), set(&[])),
                (keys(&["y", "one"]), set(&["n"])),
                (keys(&["y", "other"]), set(&[])),
            ]
        );
    }

    #[test]
    fn selectors_numeric_or_not() {
        let src = "\
a = { NUMBER($n) ->
    [one] one
   *[other] other
}
b = { $gender ->
    [masculine] he
    [feminine] she
   *[other] they
}
c = { $count ->
    [one] one
   *[other] other
}
d = { $count ->
    [0] none
   *[other] some
}
e = { PLATFORM() ->
    [windows] Windows
   *[other] Other
}
f = { -brand.gender ->
    [masculine] le
   *[other] la
}
-brand = Glocal
    .gender = masculine
g = { NUMBER($n, minimumFractionDigits: 2) ->
   *[other] x
}
";
        let index = index_file(src);
        assert_eq!(index.diagnostics, []);
        let cases = [
            ("a", "NUMBER($n)", true, &["one", "other"][..], "other"),
            (
                "b",
                "$gender",
                false,
                &["masculine", "feminine", "other"][..],
                "other",
            ),
            ("c", "$count", true, &["one", "other"][..], "other"),
            ("d", "$count", true, &["0", "other"][..], "other"),
            ("e", "PLATFORM()", false, &["windows", "other"][..], "other"),
            (
                "f",
                "-brand.gender",
                false,
                &["masculine", "other"][..],
                "other",
            ),
            (
                "g",
                "NUMBER($n, minimumFractionDigits: 2)",
                true,
                &["other"][..],
                "other",
            ),
        ];
        for (id, expression, numeric, expected_keys, default_key) in cases {
            let pattern = value(&index, id);
            assert_eq!(
                pattern.selectors,
                [Selector {
                    expression: expression.into(),
                    numeric,
                    keys: keys(expected_keys),
                    default_key: default_key.into(),
                }],
                "{id}"
            );
        }
        assert_eq!(value(&index, "f").term_refs, set(&["-brand.gender"]));
        assert_eq!(value(&index, "a").variables, set(&["n"]));
        assert_eq!(value(&index, "a").variants[0].variables, set(&[]));
    }

    #[test]
    fn message_and_term_references() {
        let src = "\
menu = { settings } and { settings.title } by { -brand } ({ -brand(case: \"genitive\") })
    .title = { -vendor.name ->
       *[x] { other-message.label }
    }
";
        let index = index_file(src);
        assert_eq!(index.diagnostics, []);
        let entry = index.entry("menu").unwrap();
        let pattern = entry.value.as_ref().unwrap();
        assert_eq!(pattern.message_refs, set(&["settings", "settings.title"]));
        assert_eq!(pattern.term_refs, set(&["-brand"]));
        assert_eq!(
            pattern.source,
            "{ settings } and { settings.title } by { -brand } ({ -brand(case: \"genitive\") })"
        );
        let title = &entry.attributes[0].value;
        assert_eq!(title.message_refs, set(&["other-message.label"]));
        assert_eq!(title.term_refs, set(&["-vendor.name"]));
    }

    #[test]
    fn syntax_error_position_and_recovery() {
        let src = "hello = Hello\nbad line here\nworld = World\nlast = Last é\n";
        let index = index_file(src);
        let ids: Vec<_> = index.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["hello", "world", "last"]);
        assert_eq!(index.entry("world").unwrap().line, 3);
        assert_eq!(index.entry("last").unwrap().line, 4);
        let diagnostics: Vec<_> = index
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.kind,
                    d.line,
                    d.column,
                    d.end_line,
                    d.end_column,
                    d.message.as_str(),
                )
            })
            .collect();
        assert_eq!(
            diagnostics,
            [(
                DiagnosticKind::SyntaxError,
                2,
                5,
                2,
                6,
                "Expected a token starting with \"=\""
            )]
        );
        // An unclosed placeable: the parser looks for the `}` past the line
        // break, and reports the next line's start.
        let src = "a = A\nb = { $x\nc = C\n";
        let index = index_file(src);
        assert_eq!(
            index
                .entries
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "c"]
        );
        let d = &index.diagnostics[0];
        assert_eq!((d.line, d.column), (3, 1));
        assert_eq!(d.message, "Expected a token starting with \"}\"");
    }

    #[test]
    fn syntax_error_columns_count_characters() {
        // An id must start with an ASCII letter.
        let src = "ok = Fine\néé = y\n";
        let index = index_file(src);
        assert_eq!(index.entries.len(), 1);
        let d = &index.diagnostics[0];
        assert_eq!((d.line, d.column), (2, 1));
        assert_eq!(d.message, "Expected one of \"a-zA-Z\"");
        // The error is at "日" (3 bytes): it spans one character.
        let src = "ok = Fine\nabc日 = y\n";
        let d = &index_file(src).diagnostics[0];
        assert_eq!((d.line, d.column, d.end_line, d.end_column), (2, 4, 2, 5));
    }

    #[test]
    fn duplicate_id_reported_at_second_definition() {
        let src = "one = One\n-brand = B\ntwo = Two\n\none = Again\n-brand = C\n";
        let index = index_file(src);
        assert_eq!(index.entries.len(), 5);
        assert_eq!(
            index.diagnostics,
            [
                Diagnostic {
                    kind: DiagnosticKind::DuplicateId,
                    line: 5,
                    column: 1,
                    end_line: 5,
                    end_column: 4,
                    message: "duplicate id one, first defined at line 1".into(),
                    id: Some("one".into()),
                    first_line: Some(1),
                    entry_line: None,
                    swallowed: Vec::new(),
                },
                Diagnostic {
                    kind: DiagnosticKind::DuplicateId,
                    line: 6,
                    column: 1,
                    end_line: 6,
                    end_column: 7,
                    message: "duplicate id -brand, first defined at line 2".into(),
                    id: Some("-brand".into()),
                    first_line: Some(2),
                    entry_line: None,
                    swallowed: Vec::new(),
                },
            ]
        );
        assert_eq!(index.message_ids().collect::<Vec<_>>(), ["one", "two"]);
        assert_eq!(index.term_ids().collect::<Vec<_>>(), ["-brand"]);
        assert_eq!(value(&index, "one").source, "One");
        assert_eq!(index.words, 5);
    }

    #[test]
    fn crlf_input() {
        let src = "# comment\r\nhello = Hello\r\nmulti =\r\n    First line\r\n    second { $x }\r\n    .attr = A\r\nbad\r\nlast = Last\r\n";
        let index = index_file(src);
        let positions: Vec<_> = index
            .entries
            .iter()
            .map(|e| (e.id.as_str(), e.line, e.column))
            .collect();
        assert_eq!(
            positions,
            [("hello", 2, 1), ("multi", 3, 1), ("last", 8, 1)]
        );
        assert_eq!(value(&index, "hello").source, "Hello");
        assert_eq!(
            value(&index, "multi").source,
            "First line\n    second { $x }"
        );
        let attr = &index.entry("multi").unwrap().attributes[0];
        assert_eq!(
            (attr.line, attr.column, attr.value.source.as_str()),
            (6, 5, "A")
        );
        let d = &index.diagnostics[0];
        assert_eq!(
            (d.kind, d.line, d.column),
            (DiagnosticKind::SyntaxError, 7, 4)
        );
        // A CRLF file indexes like the same file with LF endings, positions
        // included.
        let lf = index_file(&src.replace("\r\n", "\n"));
        assert_eq!(lf.entries, index.entries);
    }

    #[test]
    fn multiline_pattern_source_trimmed() {
        let src = "\
multi =

        Indented first line
    second line
      third line   

    .title =   Title   
next = Next
";
        let index = index_file(src);
        assert_eq!(index.diagnostics, []);
        let entry = index.entry("multi").unwrap();
        assert_eq!(
            entry.value.as_ref().unwrap().source,
            "Indented first line\n    second line\n      third line"
        );
        assert_eq!(entry.attributes[0].value.source, "Title");
        assert_eq!(entry.attributes[0].line, 7);
        assert_eq!(entry.value.as_ref().unwrap().words, 7);
    }

    #[test]
    fn word_counts() {
        let cases = [
            ("Hello, world!", 2),
            ("  — ! ?  ", 0),
            ("It's a well-known fact: 42 items.", 6),
            ("こんにちは、世界！", 7),
            ("Rust製のツール", 6),
            ("東京 Tokyo", 3),
            // One word ("hello"), counted per character, vowel signs included.
            ("สวัสดี", 6),
            ("", 0),
        ];
        for (text, expected) in cases {
            assert_eq!(count_words(text), expected, "{text:?}");
        }
        let src = "ja = { $user }さん、ようこそ！ You have { $n } 件\n    .title = 設定\n";
        let index = index_file(src);
        let entry = index.entry("ja").unwrap();
        // さん ようこそ (6) + You have (2) + 件 (1); 設定 (2).
        assert_eq!(entry.value.as_ref().unwrap().words, 9);
        assert_eq!(entry.words, 11);
        assert_eq!(index.words, 11);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // The "]" is character 18 of the line, byte 22.
        let src = "a = A\nb = ünïcödé { $x ]\n";
        let index = index_file(src);
        assert_eq!(index.entries.len(), 1);
        let d = &index.diagnostics[0];
        assert_eq!((d.line, d.column, d.end_line, d.end_column), (2, 18, 2, 19));
        let index = index_file("b = ünïcödé { $x }\n    .ättr = x\n");
        assert_eq!(value(&index, "b").source, "ünïcödé { $x }");
        // ".ättr" is no attribute name: the line is junk, b stands.
        assert_eq!(
            (index.diagnostics[0].line, index.diagnostics[0].column),
            (2, 1)
        );
    }

    #[test]
    fn empty_and_comment_only_files() {
        for src in ["", "\n\n", "# just a comment\n", "\u{feff}"] {
            let index = index_file(src);
            assert_eq!(
                index,
                FileIndex {
                    entries: vec![],
                    diagnostics: vec![],
                    words: 0,
                    refused: false,
                },
                "{src:?}"
            );
        }
    }

    #[test]
    fn byte_order_mark_is_ignored() {
        let index = index_file("\u{feff}hello = Hi\nbad\n");
        assert_eq!(index.entries[0].column, 1);
        assert_eq!(
            (index.diagnostics[0].line, index.diagnostics[0].column),
            (2, 4)
        );
    }

    #[test]
    fn error_at_end_of_file() {
        let index = index_file("a = A\nb = { $x");
        assert_eq!(index.entries.len(), 1);
        let d = &index.diagnostics[0];
        assert_eq!((d.line, d.column, d.end_line, d.end_column), (2, 9, 2, 9));
    }

    /// Five selects of six variants, each variant's text `text`.
    fn five_by_six(text: &str) -> String {
        let selects: Vec<String> = (0..5)
            .map(|i| {
                let variants: String = ["a", "b", "c", "d", "e"]
                    .iter()
                    .map(|k| format!("    [{k}] {text}\n"))
                    .collect();
                format!("{{ $v{i} ->\n{variants}   *[f] {text}\n}}")
            })
            .collect();
        format!("big = {}\n", selects.join(" "))
    }

    #[test]
    fn variants_are_capped() {
        // 7,776 paths; variant texts long enough for the budget to hold
        // more than 1024 of them, so the count stops them.
        let src = five_by_six(&"a".repeat(500));
        let index = index_file(&src);
        assert_eq!(index.diagnostics, []);
        let pattern = value(&index, "big");
        assert!(variant_budget(pattern.source.len()) > MAX_VARIANTS * (64 + 5 * 33));
        assert_eq!(pattern.variants.len(), MAX_VARIANTS);
        assert_eq!(pattern.selectors.len(), 5);
        assert_eq!(pattern.words, 30);
        // The first ones, the last select varying fastest: 1023 is 04423 in
        // base 6.
        assert_eq!(
            pattern.variants[0].key_path,
            keys(&["a", "a", "a", "a", "a"])
        );
        assert_eq!(
            pattern.variants[1023].key_path,
            keys(&["a", "e", "e", "c", "d"])
        );
    }

    #[test]
    fn variants_stop_at_the_budget() {
        let src = five_by_six("a");
        let index = index_file(&src);
        let pattern = value(&index, "big");
        // 354 bytes: a budget of 2048 + 16 × 354 = 7,712 bytes, and a path
        // of five one-letter keys costs 64 + 5 × 33 = 229: 33 fit.
        assert_eq!(pattern.source.len(), 354);
        assert_eq!(variant_budget(354), 7712);
        assert_eq!(pattern.variants.len(), 33);
        assert_eq!(
            pattern.variants[0].key_path,
            keys(&["a", "a", "a", "a", "a"])
        );
        // 32 is 52 in base 6.
        assert_eq!(
            pattern.variants[32].key_path,
            keys(&["a", "a", "a", "f", "c"])
        );
        assert!(pattern.variants.iter().all(|v| v.words == 5));
        // The rest of the pattern is whole.
        assert_eq!(pattern.selectors.len(), 5);
        assert!(pattern.selectors.iter().all(|s| s.keys.len() == 6));
        assert_eq!(pattern.words, 30);
        assert_eq!(pattern.variables, set(&["v0", "v1", "v2", "v3", "v4"]));

        // A variable costs its set's node once and each name: with one
        // variable shown on every path, each costs 64 + 288 + 5 × 33 + 33.
        let src = format!("big = {{ $n }} {}", &five_by_six("a")["big = ".len()..]);
        let pattern = value(&index_file(&src), "big").clone();
        assert_eq!(pattern.source.len(), 361);
        assert_eq!(variant_budget(361) / (64 + 288 + 5 * 33 + 33), 14);
        assert_eq!(pattern.variants.len(), 14);
        assert!(pattern.variants.iter().all(|v| v.variables == set(&["n"])));
    }

    #[test]
    fn nesting_limit() {
        let n = MAX_NESTING as usize;
        let deepest = format!("x = {}$a{}\n", "{ ".repeat(n), " }".repeat(n));
        let index = index_file(&deepest);
        assert_eq!(index.diagnostics, []);
        assert_eq!(value(&index, "x").variables, set(&["a"]));
        assert_eq!(
            value(&index, "x").source,
            deepest["x = ".len()..].trim_end()
        );

        // One level more is refused, at its "{": column 5 + 2 * 32.
        let too_deep = format!(
            "ok = Fine\nx = {}$a{}\n",
            "{ ".repeat(n + 1),
            " }".repeat(n + 1)
        );
        let index = index_file(&too_deep);
        assert_eq!(index.entries, []);
        assert_eq!(index.words, 0);
        assert_eq!(
            index.diagnostics,
            [Diagnostic {
                kind: DiagnosticKind::SyntaxError,
                line: 2,
                column: 69,
                end_line: 2,
                end_column: 70,
                message: "placeables and call arguments may be nested at most 32 deep; \
                          the file was not parsed"
                    .into(),
                id: None,
                first_line: None,
                entry_line: None,
                swallowed: Vec::new(),
            }]
        );

        // Inputs that would overflow the parser's stack, including braces
        // hidden in string literals and text quotes meant to confuse the
        // check, are refused without parsing.
        let attacks = [
            format!("x = {}", "{".repeat(100_000)),
            format!("x = {{ {}", "F(".repeat(100_000)),
            format!("x = {{ {}", "-t(".repeat(100_000)),
            format!("x = a\"b {}\n", "{ F(\"}\", ".repeat(1000)),
            format!("x = {}\n", "{ $s ->\n   *[k] a\"b) ".repeat(1000)),
            format!("x = {{\n{}", "F(\n{\n".repeat(1000)),
        ];
        for attack in &attacks {
            let index = index_file(attack);
            assert_eq!(index.entries, [], "{}", &attack[..40]);
            assert!(index.diagnostics[0].message.contains("nested at most"));
        }
    }

    #[test]
    fn nesting_check_accepts_ordinary_files() {
        // Quotes, parentheses and brackets in text, string literals holding
        // braces, and comments never add up across entries.
        let entry = "\
# Note { (unbalanced
m = { NUMBER($n, style: \"percent\") } (beta \"quoted { $x }
    continued (see [1] { F(\"}\") } and { -t(case: \")\") }
    .title = { $g ->
        [a] A (x { $y ->
            [one] one (
           *[other] other \"
        } [
       *[b] B
    }
";
        let src: String = (0..500)
            .map(|i| entry.replace("m =", &format!("m{i} =")))
            .collect();
        let index = index_file(&src);
        assert_eq!(index.diagnostics, []);
        assert_eq!(index.entries.len(), 500);
    }

    #[test]
    fn serde_json_round_trip() {
        let src = "\
-brand = Glocal
    .gender = neuter
hello = Hello { $name } from { -brand }
items = { $count ->
    [one] One item
   *[other] { $count } items
}
    .title = Items
broken = }
hello = again
";
        let index = index_file(src);
        assert_eq!(index.diagnostics.len(), 2);
        let json = serde_json::to_string(&index).unwrap();
        let back: FileIndex = serde_json::from_str(&json).unwrap();
        assert_eq!(back, index);
    }

    /// A select whose variants end with a `*` without its `[`: fluent-syntax
    /// 0.12 accepts it; the positions, codes and junk here are those of
    /// `fluent.syntax` 0.19 (compare-locales' parser) for the same sources.
    #[test]
    fn a_select_without_a_default_variant_is_junk() {
        const E0010: &str = "The select expression must have a default variant";
        const E0011: &str = "Expected at least one variant after \"->\"";
        /// Source, (line, column, message) of the error, the entry it
        /// breaks, the ids indexed.
        type Case<'a> = (&'a str, (u32, u32, &'a str), &'a str, &'a [&'a str]);
        let cases: [Case; 6] = [
            ("f = { $c ->\n   [one] x\n  *}\n", (3, 3, E0010), "f", &[]),
            ("f={$c ->\n*}", (2, 1, E0011), "f", &[]),
            (
                "-t = { $c ->\n *}\nnext = ok\n",
                (2, 2, E0011),
                "-t",
                &["next"],
            ),
            // Nested in a variant of a select that has its default.
            (
                "a = { $c ->\n *[x] { $d ->\n    [y] z\n    *}\n}\nb = B\n",
                (4, 5, E0010),
                "a",
                &["b"],
            ),
            // In an attribute.
            (
                "a = A\n    .title = { $c ->\n        [one] x\n       *}\nb = B\n",
                (4, 8, E0010),
                "a",
                &["b"],
            ),
            // A `*` in the text before it is text.
            (
                "a = 2 * 3 { $c ->\n  [one] x\n  *}\n",
                (3, 3, E0010),
                "a",
                &[],
            ),
        ];
        for (src, (line, column, message), id, kept) in cases {
            let index = index_file(src);
            let ids: Vec<&str> = index.entries.iter().map(|e| e.id.as_str()).collect();
            assert_eq!(ids, kept, "{src:?}");
            let [diagnostic] = index.diagnostics.as_slice() else {
                panic!("{src:?}: {:?}", index.diagnostics);
            };
            assert_eq!(diagnostic.kind, DiagnosticKind::SyntaxError, "{src:?}");
            assert_eq!(
                (
                    diagnostic.line,
                    diagnostic.column,
                    diagnostic.message.as_str()
                ),
                (line, column, message),
                "{src:?}"
            );
            assert_eq!(
                (diagnostic.end_line, diagnostic.end_column),
                (line, column + 1),
                "{src:?}"
            );
            assert_eq!(diagnostic.id.as_deref(), Some(id), "{src:?}");
            assert_eq!(diagnostic.entry_line, Some(1), "{src:?}");
        }
    }

    #[test]
    fn syntax_errors_name_the_entry_they_break() {
        /// Parser line and column, entry line, id.
        type Expected<'a> = (u32, u32, Option<u32>, Option<&'a str>);
        let cases: [(&str, &[Expected]); 9] = [
            // A message: the parser gives up at the next line's start.
            (
                "checkout-title = Kasse\ncheckout-total = Razem: { $amount\ncheckout-pay = Zahlen\n",
                &[(3, 1, Some(2), Some("checkout-total"))],
            ),
            // A term keeps its `-`; spaces before `=` are optional.
            (
                "a = A\n-brand= { $x\n",
                &[(3, 1, Some(2), Some("-brand"))],
            ),
            // The error is on a continuation line of the entry.
            (
                "a = A\nmulti_line-2 =\n    first\n    { $x\n\nb = B\n",
                &[(6, 1, Some(2), Some("multi_line-2"))],
            ),
            // No `=` after the identifier: no id.
            ("a = A\nbad line here\n", &[(2, 5, Some(2), None)]),
            // Not starting with an identifier: no id.
            ("a = A\n1x = y\n", &[(2, 1, Some(2), None)]),
            ("a = A\n*b = y\n", &[(2, 1, Some(2), None)]),
            // Two junks, each with its own entry.
            (
                "a = { $x\nb = B\n-t = { $y\nc = C\n",
                &[(2, 1, Some(1), Some("a")), (4, 1, Some(3), Some("-t"))],
            ),
            // CRLF line endings.
            (
                "a = A\r\nbad = { $x\r\nc = C\r\n",
                &[(3, 1, Some(2), Some("bad"))],
            ),
            // A byte order mark is not part of the first entry's id.
            ("\u{feff}bad = { $x\nc = C\n", &[(2, 1, Some(1), Some("bad"))]),
        ];
        for (src, expected) in cases {
            let index = index_file(src);
            let got: Vec<_> = index
                .diagnostics
                .iter()
                .map(|d| (d.line, d.column, d.entry_line, d.id.as_deref()))
                .collect();
            assert_eq!(got, expected, "{src:?}");
            assert!(
                index
                    .diagnostics
                    .iter()
                    .all(|d| d.kind == DiagnosticKind::SyntaxError),
                "{src:?}"
            );
        }
    }

    #[test]
    fn junk_ids() {
        let cases = [
            ("hello = x", Some("hello")),
            ("hello=x", Some("hello")),
            ("-brand   = x", Some("-brand")),
            ("a_b-c9 =", Some("a_b-c9")),
            ("hello\t= x", None),
            ("hello", None),
            ("hello x = y", None),
            ("-", None),
            ("--a = x", None),
            ("9a = x", None),
            (" a = x", None),
            ("# comment", None),
            ("", None),
            ("éa = x", None),
        ];
        for (junk, id) in cases {
            assert_eq!(junk_id(junk).as_deref(), id, "{junk:?}");
        }
    }

    #[test]
    fn entry_line_is_absent_from_old_indexes_and_omitted_when_none() {
        let index = index_file("a = A\nb = B\na = again\n");
        let json = serde_json::to_string(&index.diagnostics[0]).unwrap();
        assert!(!json.contains("entry_line"), "{json}");
        let old = r#"{"kind":"SyntaxError","line":3,"column":1,"end_line":3,"end_column":2,"message":"m","id":null}"#;
        let d: Diagnostic = serde_json::from_str(old).unwrap();
        assert_eq!((d.entry_line, d.id), (None, None));
        let index = index_file("a = { $x\nb = B\n");
        let json = serde_json::to_string(&index.diagnostics[0]).unwrap();
        assert!(
            json.contains(r#""id":"a""#) && json.contains(r#""entry_line":1"#),
            "{json}"
        );
    }
}
