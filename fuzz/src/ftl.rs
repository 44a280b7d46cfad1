//! `glocal::domain::ftl::index_file` on arbitrary text.
//!
//! The index runs where the server runs it: on a thread with a 2 MiB stack,
//! the size of tokio's blocking-pool threads (`WriteBundleFiles` indexes
//! there) and of `glocal check`'s indexing threads, so input nested deep
//! enough to overflow such a stack is a crash, as it would be in the server.

use std::collections::HashSet;
use std::sync::mpsc;
use std::sync::{Mutex, OnceLock};

use glocal::domain::ftl::{
    index_file, DiagnosticKind, EntryKind, FileIndex, Pattern, MAX_VARIANTS,
};

/// The stack of the threads that index uploads: tokio's default.
pub const INDEX_STACK: usize = 2 * 1024 * 1024;

struct Worker {
    send: mpsc::SyncSender<String>,
    receive: Mutex<mpsc::Receiver<FileIndex>>,
}

fn worker() -> &'static Worker {
    static WORKER: OnceLock<Worker> = OnceLock::new();
    WORKER.get_or_init(|| {
        let (send, texts) = mpsc::sync_channel::<String>(0);
        let (indexes, receive) = mpsc::sync_channel::<FileIndex>(0);
        std::thread::Builder::new()
            .name("index".into())
            .stack_size(INDEX_STACK)
            .spawn(move || {
                for text in texts {
                    if indexes.send(index_file(&text)).is_err() {
                        break;
                    }
                }
            })
            .expect("spawn the index thread");
        Worker {
            send,
            receive: Mutex::new(receive),
        }
    })
}

/// `index_file(text)` on a thread with [`INDEX_STACK`] of stack (one thread
/// kept for every call, so a fuzz run does not spawn one per input).
pub fn index_on_server_stack(text: &str) -> FileIndex {
    let worker = worker();
    let receive = worker.receive.lock().unwrap_or_else(|e| e.into_inner());
    worker
        .send
        .send(text.to_string())
        .expect("index thread alive");
    receive.recv().expect("index thread answers")
}

/// Indexes `text` (on a server-sized stack) and checks the index.
pub fn check(text: &str) {
    let index = index_on_server_stack(text);
    check_index(text, &index);
}

/// The invariants of an index of `text`.
pub fn check_index(text: &str, index: &FileIndex) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Lines end with `\n`; the position just past the last character may be
    // on the line after it.
    let lines = body.matches('\n').count() as u32 + 1;
    let position_ok = |line: u32, column: u32| line >= 1 && column >= 1 && line <= lines + 1;

    if index.refused {
        assert!(index.entries.is_empty(), "a refused file has no entries");
        assert_eq!(index.diagnostics.len(), 1, "a refused file has one error");
        assert!(index.was_refused());
    }
    let mut entry_words = 0u64;
    for entry in &index.entries {
        assert!(!entry.id.is_empty(), "entry without id");
        assert_eq!(
            entry.kind == EntryKind::Term,
            entry.id.starts_with('-'),
            "term ids, and only they, start with '-': {:?}",
            entry.id
        );
        assert!(
            position_ok(entry.line, entry.column),
            "entry {} at {}:{} of {lines} lines",
            entry.id,
            entry.line,
            entry.column
        );
        if entry.kind == EntryKind::Term {
            assert!(entry.value.is_some(), "a term always has a value");
        }
        let mut words = 0u64;
        if let Some(value) = &entry.value {
            check_pattern(value);
            words += u64::from(value.words);
        }
        for attribute in &entry.attributes {
            assert!(position_ok(attribute.line, attribute.column));
            assert!(attribute.line >= entry.line, "attribute before its entry");
            check_pattern(&attribute.value);
            words += u64::from(attribute.value.words);
        }
        assert_eq!(
            u64::from(entry.words),
            words,
            "the words of {} are those of its value and attributes",
            entry.id
        );
        entry_words += words;
    }
    assert_eq!(
        u64::from(index.words),
        entry_words,
        "the file's words are those of its entries"
    );
    for d in &index.diagnostics {
        assert!(
            position_ok(d.line, d.column) && position_ok(d.end_line, d.end_column),
            "diagnostic {d:?} outside the {lines} lines"
        );
        assert!(
            (d.line, d.column) <= (d.end_line, d.end_column),
            "diagnostic ends before it starts: {d:?}"
        );
        if d.kind == DiagnosticKind::DuplicateId {
            let id = d.id.as_deref().expect("a duplicate names its id");
            assert!(
                index.entries.iter().filter(|e| e.id == id).count() >= 2,
                "duplicate {id} defined once"
            );
            if let Some(first) = d.first_line {
                assert!(first <= d.line, "first definition after the duplicate");
            }
        }
        if let Some(entry_line) = d.entry_line {
            assert!(entry_line >= 1 && entry_line <= d.line.max(1), "{d:?}");
        }
    }
    let mut seen = HashSet::new();
    for id in index.message_ids().chain(index.term_ids()) {
        assert!(seen.insert(id.to_string()), "id {id} listed twice");
        assert!(index.entry(id).is_some());
    }
    // The index is stored as JSON: it must read back as it was written.
    let json = serde_json::to_string(index).expect("index to JSON");
    let back: FileIndex = serde_json::from_str(&json).expect("index from JSON");
    assert_eq!(&back, index, "the index changes through JSON");
}

fn check_pattern(pattern: &Pattern) {
    assert!(
        !pattern.variants.is_empty() && pattern.variants.len() <= MAX_VARIANTS,
        "{} leaf variants",
        pattern.variants.len()
    );
    if pattern.selectors.is_empty() {
        assert_eq!(pattern.variants.len(), 1);
        assert!(pattern.variants[0].key_path.is_empty());
    }
    for variant in &pattern.variants {
        assert!(
            variant.variables.is_subset(&pattern.variables),
            "a variant shows a variable the pattern lacks"
        );
    }
    for selector in &pattern.selectors {
        assert!(
            selector.keys.contains(&selector.default_key),
            "default key {:?} not among {:?}",
            selector.default_key,
            selector.keys
        );
    }
}
