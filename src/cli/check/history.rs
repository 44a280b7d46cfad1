//! `glocal check --history FILE`: a JSON-lines file of coverage snapshots
//! (one [`Snapshot`] per line), which CI can cache between runs. A run
//! appends its own snapshots and forecasts from every line.

use std::io::Write as _;
use std::path::Path;

use anyhow::bail;

use super::Settings;
use crate::coverage::forecast::Snapshot;
use crate::tr;

/// Reads the snapshots of `path` (none when it does not exist yet), appends
/// `new` to it, and returns them all. A line that is not a snapshot is an
/// error naming the file and line, and nothing is appended.
pub(super) fn append(
    path: &Path,
    new: &[Snapshot],
    settings: &Settings,
) -> anyhow::Result<Vec<Snapshot>> {
    let shown = settings.shown(path);
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            bail!(tr!("check-cannot-read", "path" => shown.as_str(), "error" => e.to_string()))
        }
    };
    let mut all = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Snapshot>(line) {
            Ok(s) => all.push(s),
            Err(e) => bail!(tr!(
                "check-history-bad-line",
                "path" => shown.as_str(),
                "line" => n + 1,
                "error" => e.to_string(),
            )),
        }
    }
    let mut lines = String::new();
    for s in new {
        lines.push_str(&serde_json::to_string(s)?);
        lines.push('\n');
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| {
            // A file whose last line lacks its end gets one first.
            if !text.is_empty() && !text.ends_with('\n') {
                f.write_all(b"\n")?;
            }
            Ok(f)
        })
        .map_err(|e| history_unwritable(&shown, &e))?;
    file.write_all(lines.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| history_unwritable(&shown, &e))?;
    all.extend(new.iter().cloned());
    Ok(all)
}

fn history_unwritable(shown: &str, e: &std::io::Error) -> anyhow::Error {
    anyhow::anyhow!(tr!("handoff-cannot-write", "path" => shown, "error" => e.to_string()))
}
