//! Reading Fluent files for lint and plan modes: indexing on every core.

use std::path::{Path, PathBuf};

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

pub(super) use crate::coverage::parallel::parallel_map;

pub(super) fn require_dir(flag: &str, dir: &Path, settings: &Settings) -> anyhow::Result<()> {
    if dir.is_dir() {
        Ok(())
    } else {
        bail!(texts::not_a_directory(flag, &settings.shown(dir)))
    }
}
