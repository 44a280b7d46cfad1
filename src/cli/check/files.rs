//! Reading Fluent files for lint and plan modes: indexing on every core.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::bail;

use super::Settings;
use crate::cli::report::texts;
use crate::domain::ftl::{index_file, FileIndex};

/// Reads and indexes files.
pub(super) fn index_files(files: &[(String, PathBuf)]) -> anyhow::Result<Vec<(String, FileIndex)>> {
    files
        .iter()
        .map(|(path, file)| {
            let shown = file.display().to_string();
            let bytes = std::fs::read(file)
                .map_err(|e| anyhow::anyhow!(texts::cannot_read(&shown, &e.to_string())))?;
            let text =
                String::from_utf8(bytes).map_err(|_| anyhow::anyhow!(texts::not_utf8(&shown)))?;
            Ok((path.clone(), index_file(&text)))
        })
        .collect()
}

/// `f` over `items` on every core, results in order.
pub(super) fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else {
                    break;
                };
                let r = f(item);
                results.lock().expect("no worker panics")[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .expect("no worker panics")
        .into_iter()
        .map(|r| r.expect("every item was mapped"))
        .collect()
}

pub(super) fn require_dir(flag: &str, dir: &Path, settings: &Settings) -> anyhow::Result<()> {
    if dir.is_dir() {
        Ok(())
    } else {
        bail!(texts::not_a_directory(flag, &settings.shown(dir)))
    }
}
