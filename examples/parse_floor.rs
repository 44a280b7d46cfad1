//! The parse floor of a Fluent tree: read every `.ftl` file under a folder
//! and parse it with `fluent_syntax::parser::parse`, on all cores, and
//! nothing else. `benches/run.sh lint` compares `glocal check`'s lint of the
//! same tree with this time (the work no linter can skip).
//!
//! Usage: cargo run --release --example parse_floor -- DIR [--threads N] [--repeat N]
//!
//! Prints one line per run:
//! `files=N bytes=N entries=N junk=N seconds=S threads=N` (the best run last as `best_seconds=S`).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use fluent_syntax::ast::Entry;

/// Every `.ftl` file under `dir`, following symbolic links to folders (as
/// `glocal check` does), in a stable order.
fn ftl_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let meta = std::fs::metadata(&path)?;
        if meta.is_dir() {
            ftl_files(&path, out)?;
        } else if meta.is_file() && path.extension().is_some_and(|e| e == "ftl") {
            out.push(path);
        }
    }
    Ok(())
}

#[derive(Default, Clone, Copy)]
struct Totals {
    bytes: u64,
    entries: u64,
    junk: u64,
}

/// Reads and parses `files` on `threads` threads, each taking the next file
/// from a shared counter.
fn run(files: &[PathBuf], threads: usize) -> std::io::Result<Totals> {
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| -> std::io::Result<Totals> {
                    let mut t = Totals::default();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else {
                            return Ok(t);
                        };
                        let text = std::fs::read_to_string(path)?;
                        t.bytes += text.len() as u64;
                        let resource = match fluent_syntax::parser::parse(text.as_str()) {
                            Ok(r) => r,
                            Err((r, _errors)) => r,
                        };
                        for entry in &resource.body {
                            t.entries += 1;
                            if matches!(entry, Entry::Junk { .. }) {
                                t.junk += 1;
                            }
                        }
                    }
                })
            })
            .collect();
        let mut total = Totals::default();
        for w in workers {
            let t = w.join().expect("a parser thread panicked")?;
            total.bytes += t.bytes;
            total.entries += t.entries;
            total.junk += t.junk;
        }
        Ok(total)
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut repeat = 1usize;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--threads" => threads = args.next().ok_or("--threads N")?.parse()?,
            "--repeat" => repeat = args.next().ok_or("--repeat N")?.parse()?,
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg}").into()),
        }
    }
    let dir = dir.ok_or("usage: parse_floor DIR [--threads N] [--repeat N]")?;
    let mut best = f64::INFINITY;
    for _ in 0..repeat.max(1) {
        // The walk is part of the floor: a linter has to find the files too.
        let start = Instant::now();
        let mut files = Vec::new();
        ftl_files(&dir, &mut files)?;
        let t = run(&files, threads.max(1))?;
        let seconds = start.elapsed().as_secs_f64();
        best = best.min(seconds);
        println!(
            "files={} bytes={} entries={} junk={} seconds={seconds:.4} threads={threads}",
            files.len(),
            t.bytes,
            t.entries,
            t.junk
        );
    }
    println!("best_seconds={best:.4}");
    Ok(())
}
