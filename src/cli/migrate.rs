//! `glocal migrate`: copies a whole store — every document, revision,
//! reference count and referrer — from sled to etcd or back (or between two
//! of either), offline, and verifies the copy by comparing every entry.
//!
//! The source is read as one snapshot (sled: the database, which no server
//! may hold open; etcd: the whole prefix at one cluster revision). The
//! destination must be empty. Into sled the copy is built beside the
//! directory and renamed into place, so an interrupted run leaves nothing
//! and is simply run again. Into etcd the copy goes in transactions within
//! the cluster's limits under a marker (`meta/migrating`, naming the
//! source's content digest) that keeps servers off the prefix; running the
//! same migration again resumes it, skipping what is there, and the marker
//! is removed only once the copy compares equal to the source.

use std::path::PathBuf;

use crate::store::{EtcdStore, SledStore, Snapshot, Store as _};

use super::backup::summary;
use super::etcd::EtcdArgs;

/// Arguments of `glocal migrate`.
#[derive(Debug, clap::Args)]
pub struct MigrateArgs {
    /// The store to copy: sled:DIR (a data directory no server is using) or
    /// etcd://HOST:PORT[,HOST:PORT...][/PREFIX].
    #[arg(long, value_name = "STORE")]
    pub from: String,
    /// The store to fill, which must be empty: sled:DIR (a missing or empty
    /// directory) or etcd://HOST:PORT[,HOST:PORT...][/PREFIX] (a prefix
    /// holding nothing, or this migration's unfinished copy).
    #[arg(long, value_name = "STORE")]
    pub to: String,
    #[command(flatten)]
    pub etcd: EtcdArgs,
}

/// Where a migration reads or writes.
enum Location {
    Sled(PathBuf),
    Etcd(String),
}

impl Location {
    fn parse(flag: &str, value: &str) -> anyhow::Result<Location> {
        if let Some(dir) = value.strip_prefix("sled:") {
            if dir.is_empty() {
                anyhow::bail!("{flag} {value:?}: sled: needs a directory, such as sled:./data");
            }
            return Ok(Location::Sled(PathBuf::from(dir)));
        }
        if value.starts_with("etcd://") {
            return Ok(Location::Etcd(value.to_string()));
        }
        anyhow::bail!(
            "{flag} {value:?} is not a store: give sled:DIR or etcd://HOST:PORT[,HOST:PORT...][/PREFIX]"
        )
    }
}

/// Runs `glocal migrate`.
pub async fn migrate(args: MigrateArgs) -> anyhow::Result<i32> {
    let from = Location::parse("--from", &args.from)?;
    let to = Location::parse("--to", &args.to)?;
    if let (Location::Sled(a), Location::Sled(b)) = (&from, &to) {
        if a == b {
            anyhow::bail!("--from and --to are the same directory");
        }
    }
    if let (Location::Etcd(a), Location::Etcd(b)) = (&from, &to) {
        let (a, b) = (args.etcd.config(a)?, args.etcd.config(b)?);
        if a.url() == b.url() {
            anyhow::bail!("--from and --to are the same etcd prefix");
        }
    }

    let source = read_source(&from, &args).await?;
    eprintln!("read {}: {}", args.from, summary(&source));
    let copy = match &to {
        Location::Sled(dir) => {
            SledStore::restore(dir, &source).map_err(|e| {
                anyhow::anyhow!("cannot write {}: {e}; nothing was written", dir.display())
            })?;
            let store = SledStore::open(dir)
                .map_err(|e| anyhow::anyhow!("cannot read back {}: {e}", dir.display()))?;
            let copy = store
                .snapshot()
                .await
                .map_err(|e| anyhow::anyhow!("cannot read back {}: {e}", dir.display()))?;
            drop(store);
            copy
        }
        Location::Etcd(url) => {
            let config = args.etcd.config(url)?;
            let store = EtcdStore::connect(&config)
                .await
                .map_err(|e| anyhow::anyhow!("cannot reach {url}: {e}"))?;
            store
                .check_limits()
                .await
                .map_err(|e| anyhow::anyhow!("{url}: {e}"))?;
            let mut last_report = std::time::Instant::now();
            let mut progress = |done: usize, total: usize| {
                if done == total || last_report.elapsed() >= std::time::Duration::from_secs(2) {
                    eprintln!("  {done} of {total} keys in {url}");
                    last_report = std::time::Instant::now();
                }
            };
            let loaded = store
                .load(&source, &args.from, &mut progress)
                .await
                .map_err(|e| match e {
                    // Refused before anything was written (not empty, or
                    // another migration's copy).
                    crate::store::StoreError::Open(_) => anyhow::anyhow!("cannot write {url}: {e}"),
                    _ => anyhow::anyhow!(
                        "cannot write {url}: {e}; run the same glocal migrate again to resume"
                    ),
                })?;
            if loaded.already_there > 0 {
                eprintln!(
                    "resumed: {} keys were there from an earlier run, {} written now",
                    loaded.already_there, loaded.written
                );
            }
            let copy = store
                .snapshot()
                .await
                .map_err(|e| anyhow::anyhow!("cannot read back {url}: {e}"))?;
            if let Some(difference) = source.difference(&copy) {
                anyhow::bail!(
                    "the copy in {url} does not match {}: {difference}; the prefix stays marked \
                     as an unfinished migration (no server will use it)",
                    args.from
                );
            }
            store
                .finish_load()
                .await
                .map_err(|e| anyhow::anyhow!("cannot finish the migration into {url}: {e}"))?;
            copy
        }
    };
    if let Some(difference) = source.difference(&copy) {
        anyhow::bail!(
            "the copy in {} does not match {}: {difference}",
            args.to,
            args.from
        );
    }
    println!(
        "migrated {} to {}: {}; every document, revision, reference count and referrer compared \
         equal",
        args.from,
        args.to,
        summary(&source)
    );
    Ok(0)
}

/// The whole of the source store, as one snapshot.
async fn read_source(from: &Location, args: &MigrateArgs) -> anyhow::Result<Snapshot> {
    match from {
        Location::Sled(dir) => {
            if !dir.join("db").exists() && !dir.join("conf").exists() {
                anyhow::bail!(
                    "--from {}: {} holds no glocal database",
                    args.from,
                    dir.display()
                );
            }
            let store = SledStore::open(dir)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", args.from))?;
            store
                .snapshot()
                .await
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", args.from))
        }
        Location::Etcd(url) => {
            let config = args.etcd.config(url)?;
            let store = EtcdStore::connect(&config)
                .await
                .map_err(|e| anyhow::anyhow!("cannot reach {url}: {e}"))?;
            if let Some(unfinished) = store.unfinished_migration() {
                anyhow::bail!(
                    "{url} holds an unfinished migration ({unfinished}): finish that first"
                );
            }
            let snapshot = store
                .snapshot()
                .await
                .map_err(|e| anyhow::anyhow!("cannot read {url}: {e}"))?;
            // Like a sled directory without a database: a mistyped prefix
            // would otherwise "migrate" nothing, successfully.
            if snapshot.trees.iter().all(|t| t.entries.is_empty()) {
                anyhow::bail!(
                    "--from {url}: the prefix {} holds no glocal data (check the prefix)",
                    config.prefix
                );
            }
            Ok(snapshot)
        }
    }
}
