//! `glocal backup` and `glocal restore`: a consistent snapshot of a live
//! server (`AdminService/ExportSnapshot`, admin role) written atomically to
//! a file, and that file written, offline, as the database of a new data
//! directory. The format is [`Snapshot`]'s: a header with its version,
//! every tree's keys and values, and a SHA-256 of it all at the end, checked
//! before anything is written.

use std::{
    io::Write as _,
    path::{Path, PathBuf},
};

use anyhow::Context as _;
use tokio_stream::StreamExt as _;

use crate::api::pb::glocal::v1 as pb;
use crate::store::{SledStore, Snapshot, SnapshotTree};

use super::client::status_error;
use super::ServerUrl;

/// Arguments of `glocal backup`.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The server, such as http://127.0.0.1:50051 (the token of GLOCAL_TOKEN needs the admin role).
    #[arg(long, env = "GLOCAL_SERVER")]
    pub server: ServerUrl,
    /// The snapshot file to write (replaced atomically when it exists).
    pub out: PathBuf,
}

/// Arguments of `glocal restore`.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The snapshot file that `glocal backup` wrote.
    pub input: PathBuf,
    /// The data directory to create: it must be missing or empty, and no server may use it.
    #[arg(long)]
    pub data_dir: PathBuf,
}

/// What a snapshot holds, for the summary lines.
pub(super) fn summary(snapshot: &Snapshot) -> String {
    let docs = SnapshotTree::entries_of(&snapshot.trees, "docs").len();
    let revisions = SnapshotTree::entries_of(&snapshot.trees, "revisions").len();
    let taken = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(snapshot.taken_nanos))
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| snapshot.taken_nanos.to_string());
    format!("{docs} documents, {revisions} revisions, taken at {taken}")
}

/// Runs `glocal backup`.
pub async fn backup(args: BackupArgs) -> anyhow::Result<i32> {
    // The probe says what answered when it is not glocal.
    let mut admin = args.server.connect().await?.admin();
    let context = format!("cannot take a snapshot of {}", args.server);
    let mut stream = admin
        .export_snapshot(pb::ExportSnapshotRequest {})
        .await
        .map_err(|s| status_error(&context, s))?
        .into_inner();
    let mut file = Vec::new();
    let mut total = None;
    while let Some(message) = stream.next().await {
        let message = message.map_err(|s| status_error(&context, s))?;
        total.get_or_insert(message.total_bytes);
        file.extend_from_slice(&message.chunk);
    }
    if total.is_some_and(|t| usize::try_from(t).ok() != Some(file.len())) {
        anyhow::bail!(
            "{context}: the stream ended after {} of {} bytes",
            file.len(),
            total.unwrap_or_default()
        );
    }
    // What the server sent must be a whole snapshot before it replaces OUT.
    let snapshot = Snapshot::decode(&file).map_err(|e| anyhow::anyhow!("{context}: {e}"))?;
    write_atomically(&args.out, &file)?;
    println!(
        "wrote {} ({} bytes): {}",
        args.out.display(),
        file.len(),
        summary(&snapshot)
    );
    Ok(0)
}

/// Writes `bytes` to `path` through a temporary file beside it, flushed
/// to disk and then renamed over `path` (and the directory flushed), so
/// that `path` is either the old file or the whole new one.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .with_context(|| format!("{} names no file", path.display()))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)?;
        std::fs::File::open(&dir)?.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        anyhow::bail!("cannot write {}: {e}", path.display());
    }
    Ok(())
}

/// Runs `glocal restore`.
pub fn restore(args: RestoreArgs) -> anyhow::Result<i32> {
    let dir = &args.data_dir;
    // Said first, before the snapshot is even read.
    match std::fs::read_dir(dir).map(|mut entries| entries.next().is_some()) {
        Ok(true) => anyhow::bail!(
            "cannot restore into {}: the directory is not empty (restore into a new or empty \
             directory, then point glocal serve --data-dir at it)",
            dir.display()
        ),
        Ok(false) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => anyhow::bail!("cannot restore into {}: {e}", dir.display()),
    }
    let input = args.input.display();
    let bytes =
        std::fs::read(&args.input).map_err(|e| anyhow::anyhow!("cannot read {input}: {e}"))?;
    let snapshot = Snapshot::decode(&bytes)
        .map_err(|e| anyhow::anyhow!("cannot restore {input}: {e}; nothing was written"))?;
    SledStore::restore(dir, &snapshot)
        .map_err(|e| anyhow::anyhow!("cannot restore {input} into {}: {e}", dir.display()))?;
    println!(
        "restored {input} into {}: {}",
        dir.display(),
        summary(&snapshot)
    );
    Ok(0)
}
