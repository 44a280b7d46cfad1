//! The embedded [`Store`]: sled trees for documents, reference counts,
//! referrers, revisions and collection sizes, changed together in one sled
//! transaction.
//!
//! Transactions run on tokio's blocking pool (a commit's future only waits),
//! so a long one never holds up the async workers. sled errors that are I/O
//! errors become [`StoreError::Unavailable`] and make the store's
//! [`StoreHealth`](super::StoreHealth) failing; since sled 0.34.7 then fails
//! every later operation with the same error until the database is opened
//! again, the flush thread probes a failing store and reopens its database
//! (see [`super::flusher`]). Writes that failed were never acknowledged, so
//! losing them with the old database's memory loses nothing promised.

use std::{
    collections::{hash_map::RandomState, HashMap},
    hash::BuildHasher,
    ops::ControlFlow,
    path::{Path, PathBuf},
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, PoisonError, RwLock,
    },
    thread,
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};
use sled::Transactional;
use tokio::sync::watch;

use super::flusher::Flusher;
use super::health::Health;
use super::testing::{Faults, Gate, HeldCommits, IoFaults};
use super::{
    BoxFuture, ChangeSet, Expect, Op, RevisionRecord, Snapshot, SnapshotTree, Store, StoreError,
    StoreHealth, Stored,
};

/// Most referrers named in a [`StoreError::Referenced`].
const MAX_REFERRERS_REPORTED: usize = 10;

/// How long a reopening waits for operations still using the failed database.
const REOPEN_WAIT: Duration = Duration::from_secs(10);
/// How often a reopening tries to open the database (sled may still be
/// releasing its lock of the directory).
const OPEN_ATTEMPTS: usize = 20;

/// A [`Store`] in a sled database in one directory.
pub struct SledStore {
    shared: Arc<Shared>,
    flusher: Flusher,
}

/// What the store's operations, its blocking tasks and its flush thread share.
pub(super) struct Shared {
    dir: PathBuf,
    /// The open database; closed while it is reopened, or if it could not be.
    slot: RwLock<Slot>,
    /// Which opening of the database the slot holds.
    epoch: AtomicU64,
    generation: AtomicU64,
    decoded: AtomicU64,
    pub(super) health: Health,
    faults: Faults,
    gate: Gate,
    /// Commits hold it shared during their transaction; a snapshot holds it
    /// exclusively, so that it sees no transaction in part.
    commits: RwLock<()>,
}

/// The trees a snapshot copies and a restore writes: all but `meta`, which
/// holds only the health probe's writes.
const SNAPSHOT_TREES: &[&str] = &["docs", "refcounts", "referrers", "revisions", "sizes"];

enum Slot {
    Open(Arc<Db>),
    /// Why there is no database.
    Closed(String),
}

/// One opening of the database.
struct Db {
    epoch: u64,
    db: sled::Db,
    docs: sled::Tree,
    refcounts: sled::Tree,
    referrers: sled::Tree,
    revisions: sled::Tree,
    /// Number of documents per collection.
    sizes: sled::Tree,
    /// The health probe's writes, and [`SEQ_OFFSET`].
    meta: sled::Tree,
    /// Added to every id sled hands out ([`SEQ_OFFSET`]).
    seq_offset: u64,
}

/// The `meta` key of a number added to every id sled gives (revisions'
/// sequence numbers and etags). A restore writes it, so that the restored
/// store's ids continue above the snapshot's at once: sled can only hand
/// ids out one by one from 0, and a snapshot of an etcd store has
/// sequence numbers near 2^40.
const SEQ_OFFSET: &str = "seq-offset";

/// Key of a document: its collection, a NUL, its id; so that a collection's
/// documents are one key range without their children.
fn doc_key(name: &str) -> Vec<u8> {
    match name.rsplit_once('/') {
        Some((collection, id)) => [collection.as_bytes(), b"\0", id.as_bytes()].concat(),
        None => name.as_bytes().to_vec(),
    }
}

/// The collection of a document, whose size counts it.
fn collection_of(name: &str) -> Option<&str> {
    name.rsplit_once('/').map(|(collection, _)| collection)
}

fn seq_key(prefix: &str, seq: u64) -> Vec<u8> {
    [prefix.as_bytes(), b"\0", &seq.to_be_bytes()].concat()
}

fn pair_key(a: &str, b: &str) -> Vec<u8> {
    [a.as_bytes(), b"\0", b.as_bytes()].concat()
}

fn now_nanos() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn backend(e: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(e.to_string())
}

fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| backend(format!("undecodable record: {e}")))
}

fn encode<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(value).map_err(|e| backend(format!("unencodable record: {e}")))
}

fn be_i64(bytes: &[u8]) -> i64 {
    let mut b = [0u8; 8];
    let n = bytes.len().min(8);
    b[..n].copy_from_slice(&bytes[..n]);
    i64::from_be_bytes(b)
}

type TxResult<T> = Result<T, ConflictableTransactionError<StoreError>>;

fn abort<T>(e: StoreError) -> TxResult<T> {
    Err(ConflictableTransactionError::Abort(e))
}

/// Whether `current` is what `expect` asks for (every backend's rule).
pub(super) fn check_expect(
    name: &str,
    expect: &Expect,
    current: Option<&Stored>,
) -> Result<(), StoreError> {
    match (expect, current) {
        (Expect::Absent, Some(_)) => Err(StoreError::AlreadyExists { name: name.into() }),
        (Expect::Absent, None) => Ok(()),
        (_, None) => Err(StoreError::NotFound { name: name.into() }),
        (Expect::Exists, Some(_)) => Ok(()),
        (Expect::Etag(want), Some(doc)) if *want == doc.etag => Ok(()),
        (Expect::Etag(want), Some(doc)) => Err(StoreError::EtagMismatch {
            name: name.into(),
            expected: want.clone(),
            actual: doc.etag.clone(),
        }),
    }
}

fn count_of(tree: &TransactionalTree, key: &str) -> TxResult<i64> {
    Ok(tree.get(key.as_bytes())?.map_or(0, |v| be_i64(&v)))
}

fn add_count(tree: &TransactionalTree, key: &str, delta: i64) -> TxResult<()> {
    let next = count_of(tree, key)? + delta;
    if next <= 0 {
        tree.remove(key.as_bytes())?;
    } else {
        tree.insert(key.as_bytes(), &next.to_be_bytes())?;
    }
    Ok(())
}

/// The `meta` key saying that the collection sizes were counted, and kept
/// by every commit since. A database without it (written by a glocal that
/// kept no sizes, or restored from a snapshot, which leaves `meta` out) is
/// counted when opened, once: the count walks every document key, which
/// loads and decompresses every page of the documents (most of a restart's
/// time with www-l10n stored). A glocal that keeps no sizes and writes to
/// a database after this one opened it leaves them wrong: data directories
/// are not meant to be opened by an older glocal.
const SIZES_KEPT: &str = "sizes-kept";

/// How a database is opened. Compression stays on: sled refuses to open a
/// database with another `use_compression` than it was created with, and
/// data directories written so far are compressed. The level is zstd's
/// fastest, 1 (sled's default is 5, which was about 60% of a push's CPU on
/// the server, in `ZSTD_RowFindBestMatch`; sled may change the level
/// between restarts). On www-l10n, level 1 against 5: `benches/run.sh
/// server`, and the data directory's size, in ARCHITECTURE.md (Decisions).
fn sled_config(dir: &Path) -> sled::Config {
    sled::Config::new()
        .path(dir)
        .use_compression(true)
        .compression_factor(1)
}

/// A generation no other store of this process (nor an earlier process)
/// starts from, so that a generation names one state of one store.
fn first_generation() -> u64 {
    RandomState::new().hash_one(now_nanos())
}

impl Db {
    /// Opens the database in `dir`, and counts its collections' sizes
    /// unless this version of glocal has counted them before
    /// ([`SIZES_KEPT`]).
    fn open(dir: &Path, epoch: u64) -> Result<Db, sled::Error> {
        let db = sled_config(dir).open()?;
        let db = Db {
            epoch,
            docs: db.open_tree("docs")?,
            refcounts: db.open_tree("refcounts")?,
            referrers: db.open_tree("referrers")?,
            revisions: db.open_tree("revisions")?,
            sizes: db.open_tree("sizes")?,
            meta: db.open_tree("meta")?,
            seq_offset: 0,
            db,
        };
        let db = Db {
            seq_offset: db.meta.get(SEQ_OFFSET)?.map_or(0, |v| be_i64(&v) as u64),
            ..db
        };
        if db.meta.get(SIZES_KEPT)?.is_none() {
            db.count_sizes()?;
            db.meta.insert(SIZES_KEPT, &[])?;
        }
        Ok(db)
    }

    /// Counts the documents of every collection (a walk of the keys, which
    /// decodes nothing) and corrects the sizes that differ: every write
    /// keeps them, but an earlier version of glocal, which did not, may have
    /// written since they were last counted.
    fn count_sizes(&self) -> Result<(), sled::Error> {
        let mut counted: HashMap<Vec<u8>, i64> = HashMap::new();
        for key in self.docs.iter().keys() {
            let key = key?;
            if let Some(nul) = key.iter().position(|b| *b == 0) {
                *counted.entry(key[..nul].to_vec()).or_default() += 1;
            }
        }
        let mut batch = sled::Batch::default();
        let mut changed = false;
        for item in self.sizes.iter() {
            let (collection, size) = item?;
            if counted.get(collection.as_ref()) != Some(&be_i64(&size)) {
                batch.remove(collection);
                changed = true;
            }
        }
        for (collection, size) in counted {
            if self.sizes.get(&collection)?.map(|v| be_i64(&v)) != Some(size) {
                batch.insert(collection, &size.to_be_bytes());
                changed = true;
            }
        }
        if changed {
            self.sizes.apply_batch(batch)?;
        }
        Ok(())
    }

    fn referrers_of(&self, name: &str) -> Vec<String> {
        let prefix = pair_key(name, "");
        self.referrers
            .scan_prefix(&prefix)
            .keys()
            .filter_map(Result::ok)
            .filter_map(|k| String::from_utf8(k[prefix.len()..].to_vec()).ok())
            .take(MAX_REFERRERS_REPORTED)
            .collect()
    }
}

impl Shared {
    /// The error of a failed sled operation: UNAVAILABLE (and the store
    /// failing) for an I/O error, INTERNAL for the others (corruption, bugs).
    fn storage(&self, e: sled::Error) -> StoreError {
        match e {
            sled::Error::Io(io) => {
                let error = format!("I/O error: {io}");
                self.health.failed(&error);
                StoreError::Unavailable(error)
            }
            other => backend(other),
        }
    }

    /// The open database, or UNAVAILABLE while there is none (waiting while
    /// it is being reopened).
    fn db(&self) -> Result<Arc<Db>, StoreError> {
        match &*self.slot.read().unwrap_or_else(PoisonError::into_inner) {
            Slot::Open(db) => Ok(Arc::clone(db)),
            Slot::Closed(why) => Err(StoreError::Unavailable(why.clone())),
        }
    }

    fn decode_doc(&self, bytes: &[u8]) -> Result<Stored, StoreError> {
        self.decoded.fetch_add(1, Ordering::Relaxed);
        decode(bytes)
    }

    fn tx_get(&self, tree: &TransactionalTree, key: &[u8]) -> TxResult<Option<Stored>> {
        match tree.get(key)? {
            Some(bytes) => self.decode_doc(&bytes).map(Some).or_else(abort),
            None => Ok(None),
        }
    }

    /// Flushes the open database to disk.
    pub(super) fn flush(&self) -> Result<(), StoreError> {
        let db = self.db()?;
        self.faults.flush().map_err(|e| self.storage(e))?;
        db.db.flush().map(drop).map_err(|e| self.storage(e))
    }

    /// A small write and a flush: whether the disk takes writes.
    fn probe_write(&self) -> Result<(), StoreError> {
        let db = self.db()?;
        self.faults.commit().map_err(|e| self.storage(e))?;
        db.meta
            .insert("probe", &now_nanos().to_be_bytes())
            .map_err(|e| self.storage(e))?;
        drop(db);
        self.flush()
    }

    /// Probes a failing store: a write and a flush, and if they fail, again
    /// after reopening the database. The store is healthy again when one
    /// succeeds.
    pub(super) fn probe(&self) -> Result<(), StoreError> {
        let failures = self.health.failures();
        match self.probe_write() {
            Ok(()) => {
                self.health.succeeded(failures);
                return Ok(());
            }
            Err(e) => {
                tracing::warn!(error = %e, "the store is still failing; reopening its database")
            }
        }
        self.reopen()?;
        let failures = self.health.failures();
        let probed = self.probe_write();
        if probed.is_ok() {
            self.health.succeeded(failures);
        }
        probed
    }

    /// Replaces the database by a new opening of it: sled fails every
    /// operation after an I/O error until then. Operations wait meanwhile.
    fn reopen(&self) -> Result<(), StoreError> {
        let mut slot = self.slot.write().unwrap_or_else(PoisonError::into_inner);
        let closed = Slot::Closed("the database is being reopened after a storage failure".into());
        if let Slot::Open(old) = std::mem::replace(&mut *slot, closed) {
            // sled's directory lock goes with the last handle of the old database.
            let still_used = Arc::downgrade(&old);
            drop(old);
            let deadline = Instant::now() + REOPEN_WAIT;
            while still_used.strong_count() > 0 {
                if Instant::now() > deadline {
                    if let Some(old) = still_used.upgrade() {
                        *slot = Slot::Open(old);
                    }
                    return Err(StoreError::Unavailable(
                        "the failed database is still in use; reopening it later".into(),
                    ));
                }
                thread::sleep(Duration::from_millis(5));
            }
        }
        let epoch = self.epoch.load(Ordering::SeqCst) + 1;
        let mut attempt = 0;
        let opened = loop {
            attempt += 1;
            match Db::open(&self.dir, epoch) {
                Ok(db) => break Ok(db),
                Err(e) if attempt < OPEN_ATTEMPTS => {
                    tracing::debug!(error = %e, "reopening the database");
                    thread::sleep(Duration::from_millis(50));
                }
                Err(e) => break Err(e),
            }
        };
        match opened {
            Ok(db) => {
                tracing::info!(dir = %self.dir.display(), "reopened the database");
                self.epoch.store(epoch, Ordering::SeqCst);
                // What is visible may have changed: cached results go.
                self.generation.fetch_add(1, Ordering::SeqCst);
                *slot = Slot::Open(Arc::new(db));
                Ok(())
            }
            Err(e) => {
                let why = format!("cannot reopen the database: {e}");
                self.health.failed(&why);
                *slot = Slot::Closed(why.clone());
                Err(StoreError::Unavailable(why))
            }
        }
    }

    /// Applies `change` in one transaction; returns the documents written
    /// and the opening of the database it was written to.
    fn apply(
        &self,
        change: &ChangeSet,
        actor: Option<&str>,
    ) -> Result<(Vec<Stored>, u64), StoreError> {
        self.gate.pass();
        // Released when the transaction is over: a snapshot waits for it.
        let _commits = self.commits.read().unwrap_or_else(PoisonError::into_inner);
        let db = self.db()?;
        self.faults.commit().map_err(|e| self.storage(e))?;
        let now = now_nanos();
        let result = (
            &db.docs,
            &db.refcounts,
            &db.referrers,
            &db.revisions,
            &db.sizes,
        )
            .transaction(|(docs, counts, referrers, revisions, sizes)| {
                let mut written = Vec::new();
                for op in &change.ops {
                    let (name, expect) = match op {
                        Op::Put { name, expect, .. } | Op::Delete { name, expect } => {
                            (name, expect)
                        }
                    };
                    let key = doc_key(name);
                    let before = self.tx_get(docs, &key)?;
                    check_expect(name, expect, before.as_ref()).or_else(abort)?;
                    let seq = docs.generate_id()?.saturating_add(db.seq_offset);
                    let old_refs = before.as_ref().map(|b| b.refs.clone()).unwrap_or_default();
                    let after = match op {
                        Op::Put { refs, body, .. } => {
                            let mut refs = refs.clone();
                            refs.sort();
                            refs.dedup();
                            for target in refs.iter().filter(|t| !old_refs.contains(t)) {
                                if docs.get(doc_key(target))?.is_none() {
                                    return abort(StoreError::MissingReference {
                                        from: name.clone(),
                                        target: target.clone(),
                                    });
                                }
                                add_count(counts, target, 1)?;
                                referrers.insert(pair_key(target, name), &[])?;
                            }
                            for target in old_refs.iter().filter(|t| !refs.contains(t)) {
                                add_count(counts, target, -1)?;
                                referrers.remove(pair_key(target, name))?;
                            }
                            if before.is_none() {
                                if let Some(collection) = collection_of(name) {
                                    add_count(sizes, collection, 1)?;
                                }
                            }
                            let doc = Stored {
                                name: name.clone(),
                                etag: format!("{seq:x}"),
                                create_time_nanos: before
                                    .as_ref()
                                    .map_or(now, |b| b.create_time_nanos),
                                update_time_nanos: now,
                                refs,
                                body: body.clone(),
                            };
                            docs.insert(key, encode(&doc).or_else(abort)?)?;
                            written.push(doc.clone());
                            Some(doc)
                        }
                        Op::Delete { .. } => {
                            if count_of(counts, name)? > 0 {
                                return abort(StoreError::Referenced {
                                    name: name.clone(),
                                    referrers: Vec::new(),
                                });
                            }
                            for target in &old_refs {
                                add_count(counts, target, -1)?;
                                referrers.remove(pair_key(target, name))?;
                            }
                            if let Some(collection) = collection_of(name) {
                                add_count(sizes, collection, -1)?;
                            }
                            docs.remove(key)?;
                            None
                        }
                    };
                    let record = RevisionRecord {
                        seq,
                        method: change.method.clone(),
                        actor: actor.map(str::to_string),
                        time_nanos: now,
                        before,
                        after,
                    };
                    revisions.insert(seq_key(name, seq), encode(&record).or_else(abort)?)?;
                }
                Ok(written)
            });
        match result {
            Ok(written) => {
                self.generation.fetch_add(1, Ordering::SeqCst);
                Ok((written, db.epoch))
            }
            Err(TransactionError::Abort(StoreError::Referenced { name, .. })) => {
                let referrers = db.referrers_of(&name);
                Err(StoreError::Referenced { name, referrers })
            }
            Err(TransactionError::Abort(e)) => Err(e),
            Err(TransactionError::Storage(e)) => Err(self.storage(e)),
        }
    }

    /// Copies every tree while no transaction runs (commits wait).
    fn take_snapshot(&self) -> Result<Snapshot, StoreError> {
        let _paused = self.commits.write().unwrap_or_else(PoisonError::into_inner);
        let db = self.db()?;
        let mut trees = Vec::new();
        for (name, tree) in SNAPSHOT_TREES.iter().zip([
            &db.docs,
            &db.refcounts,
            &db.referrers,
            &db.revisions,
            &db.sizes,
        ]) {
            let entries = tree
                .iter()
                .map(|item| item.map(|(k, v)| (k.to_vec(), v.to_vec())))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| self.storage(e))?;
            trees.push(SnapshotTree {
                name: (*name).to_string(),
                entries,
            });
        }
        // Ids only grow: every id given so far is below this one.
        let next_seq = db
            .db
            .generate_id()
            .map_err(|e| self.storage(e))?
            .saturating_add(db.seq_offset);
        Ok(Snapshot {
            taken_nanos: now_nanos(),
            next_seq,
            trees,
        })
    }
}

impl SledStore {
    /// Opens (creating if needed) the database in `dir`.
    pub fn open(dir: &Path) -> Result<SledStore, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::Open(format!(
                "cannot create data directory {}: {e}",
                dir.display()
            ))
        })?;
        let db = Db::open(dir, 0).map_err(|e| {
            StoreError::Open(format!(
                "cannot open the database in {} (is another glocal using it?): {e}",
                dir.display()
            ))
        })?;
        let shared = Arc::new(Shared {
            dir: dir.to_path_buf(),
            slot: RwLock::new(Slot::Open(Arc::new(db))),
            epoch: AtomicU64::new(0),
            generation: AtomicU64::new(first_generation()),
            decoded: AtomicU64::new(0),
            health: Health::new(),
            faults: Faults::default(),
            gate: Gate::default(),
            commits: RwLock::new(()),
        });
        Ok(SledStore {
            flusher: Flusher::start(Arc::clone(&shared)).map_err(backend)?,
            shared,
        })
    }

    /// Writes `snapshot` as a new database in `dir`, which must be missing
    /// or empty; nothing is written when it is not. The database is built
    /// beside `dir` and renamed into place once complete and flushed, so an
    /// interrupted restore leaves no half database in `dir`.
    pub fn restore(dir: &Path, snapshot: &Snapshot) -> Result<(), StoreError> {
        if let Some(name) = snapshot
            .trees
            .iter()
            .map(|t| t.name.as_str())
            .find(|name| !SNAPSHOT_TREES.contains(name))
        {
            return Err(backend(format!(
                "the snapshot has a tree {name:?} that this glocal does not know"
            )));
        }
        let io = |what: &str, path: &Path, e: std::io::Error| {
            StoreError::Open(format!("cannot {what} {}: {e}", path.display()))
        };
        match std::fs::read_dir(dir) {
            Ok(mut entries) => {
                if entries.next().is_some() {
                    return Err(StoreError::Open(format!(
                        "{} is not empty: restore into a new or empty directory",
                        dir.display()
                    )));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io("read", dir, e)),
        }
        let file_name = dir
            .file_name()
            .ok_or_else(|| StoreError::Open(format!("{} names no directory", dir.display())))?;
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| io("create", &parent, e))?;
        let building = parent.join(format!(
            ".{}.restoring-{}",
            file_name.to_string_lossy(),
            std::process::id()
        ));
        if building.exists() {
            std::fs::remove_dir_all(&building).map_err(|e| io("remove", &building, e))?;
        }
        let written = Self::write_restored(&building, snapshot).and_then(|()| {
            if dir.exists() {
                // Empty (checked above): rename(2) replaces an empty directory.
                std::fs::remove_dir(dir).map_err(|e| io("replace", dir, e))?;
            }
            std::fs::rename(&building, dir).map_err(|e| io("create", dir, e))?;
            if let Ok(parent) = std::fs::File::open(&parent) {
                let _ = parent.sync_all();
            }
            Ok(())
        });
        if written.is_err() {
            let _ = std::fs::remove_dir_all(&building);
        }
        written
    }

    fn write_restored(dir: &Path, snapshot: &Snapshot) -> Result<(), StoreError> {
        let failed = |e: sled::Error| StoreError::Open(format!("cannot write the database: {e}"));
        let db = sled_config(dir).open().map_err(failed)?;
        for tree in &snapshot.trees {
            let target = db.open_tree(&tree.name).map_err(failed)?;
            for chunk in tree.entries.chunks(10_000) {
                let mut batch = sled::Batch::default();
                for (key, value) in chunk {
                    batch.insert(key.as_slice(), value.as_slice());
                }
                target.apply_batch(batch).map_err(failed)?;
            }
        }
        // New revisions and etags continue above the snapshot's ([`SEQ_OFFSET`]).
        let highest_revision = SnapshotTree::entries_of(&snapshot.trees, "revisions")
            .iter()
            .filter_map(|(key, _)| key.len().checked_sub(8).map(|at| be_i64(&key[at..]) as u64))
            .max()
            .map_or(0, |seq| seq.saturating_add(1));
        let next = snapshot.next_seq.max(highest_revision);
        db.open_tree("meta")
            .and_then(|meta| meta.insert(SEQ_OFFSET, &next.to_be_bytes()))
            .map_err(failed)?;
        db.flush().map_err(failed)?;
        Ok(())
    }

    /// Test hook: makes commits and/or flushes fail with an I/O error
    /// (ENOSPC) until called again with [`IoFaults::NONE`].
    #[doc(hidden)]
    pub fn inject_io_faults(&self, faults: IoFaults) {
        self.shared.faults.set(faults);
    }

    /// Test hook: holds commits at the start of their transaction (on the
    /// blocking pool) until the returned guard is released or dropped.
    #[doc(hidden)]
    pub fn hold_commits(&self) -> HeldCommits<'_> {
        HeldCommits {
            arrivals: self.shared.gate.close(),
            gate: &self.shared.gate,
        }
    }
}

impl Store for SledStore {
    fn get(&self, name: &str) -> Result<Option<Stored>, StoreError> {
        let db = self.shared.db()?;
        match db
            .docs
            .get(doc_key(name))
            .map_err(|e| self.shared.storage(e))?
        {
            Some(bytes) => self.shared.decode_doc(&bytes).map(Some),
            None => Ok(None),
        }
    }

    fn scan(
        &self,
        collection: &str,
        start_after: Option<&str>,
        visit: &mut dyn FnMut(Stored) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        let db = self.shared.db()?;
        let prefix = pair_key(collection, "");
        let start = match start_after {
            // The smallest key after the id's: ids never contain NUL.
            Some(after) => [pair_key(collection, after).as_slice(), b"\0"].concat(),
            None => prefix.clone(),
        };
        for item in db.docs.range(start..) {
            let (key, value) = item.map_err(|e| self.shared.storage(e))?;
            if !key.starts_with(&prefix) {
                break;
            }
            if visit(self.shared.decode_doc(&value)?).is_break() {
                break;
            }
        }
        Ok(())
    }

    fn count(&self, collection: &str) -> Result<u64, StoreError> {
        let db = self.shared.db()?;
        let size = db
            .sizes
            .get(collection.as_bytes())
            .map_err(|e| self.shared.storage(e))?;
        Ok(size.map_or(0, |v| u64::try_from(be_i64(&v)).unwrap_or(0)))
    }

    fn commit(&self, change: ChangeSet) -> BoxFuture<'_, Result<Vec<Stored>, StoreError>> {
        Box::pin(async move {
            let failures = self.shared.health.failures();
            let shared = Arc::clone(&self.shared);
            // The transaction is blocking work: off the async workers.
            // Who makes the change: read here, in the caller's task.
            let actor = super::current_actor();
            let (written, epoch) =
                tokio::task::spawn_blocking(move || shared.apply(&change, actor.as_deref()))
                    .await
                    .map_err(|e| backend(format!("the transaction's thread failed: {e}")))??;
            self.flusher.wait_durable().await?;
            if self.shared.epoch.load(Ordering::SeqCst) != epoch {
                return Err(StoreError::Unavailable(
                    "the database was reopened before the change reached the disk".into(),
                ));
            }
            self.shared.health.succeeded(failures);
            Ok(written)
        })
    }

    fn revisions(
        &self,
        name: &str,
        after_seq: Option<u64>,
        limit: usize,
    ) -> Result<Vec<RevisionRecord>, StoreError> {
        let db = self.shared.db()?;
        let prefix = pair_key(name, "");
        let start = match after_seq {
            Some(seq) => seq_key(name, seq.saturating_add(1)),
            None => prefix.clone(),
        };
        db.revisions
            .range(start..)
            .take_while(|r| r.as_ref().map_or(true, |(k, _)| k.starts_with(&prefix)))
            .take(limit)
            .map(|r| {
                r.map_err(|e| self.shared.storage(e))
                    .and_then(|(_, v)| decode(&v))
            })
            .collect()
    }

    fn flush(&self) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(self.flusher.wait_durable())
    }

    fn generation(&self) -> u64 {
        self.shared.generation.load(Ordering::SeqCst)
    }

    fn documents_decoded(&self) -> u64 {
        self.shared.decoded.load(Ordering::Relaxed)
    }

    fn health(&self) -> watch::Receiver<StoreHealth> {
        self.shared.health.subscribe()
    }

    fn healthy(&self) -> bool {
        self.shared.health.is_healthy()
    }

    fn snapshot(&self) -> BoxFuture<'_, Result<Snapshot, StoreError>> {
        Box::pin(async move {
            let shared = Arc::clone(&self.shared);
            // It waits for the transactions in flight: off the async workers.
            tokio::task::spawn_blocking(move || shared.take_snapshot())
                .await
                .map_err(|e| backend(format!("the snapshot's thread failed: {e}")))?
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::Body;
    use super::*;
    use serde_json::json;

    fn put(name: &str, expect: Expect, refs: &[&str]) -> Op {
        Op::Put {
            name: name.into(),
            expect,
            refs: refs.iter().map(|s| s.to_string()).collect(),
            body: Body::encode(&json!({"n": name})).expect("JSON encodes"),
        }
    }

    fn change(ops: Vec<Op>) -> ChangeSet {
        ChangeSet {
            method: "test".into(),
            ops,
        }
    }

    #[tokio::test]
    async fn enforces_preconditions_references_and_keeps_history() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let m = store
            .commit(change(vec![put("markets/a", Expect::Absent, &[])]))
            .await
            .unwrap();
        let etag = m[0].etag.clone();
        assert_eq!(
            store
                .commit(change(vec![put("markets/a", Expect::Absent, &[])]))
                .await,
            Err(StoreError::AlreadyExists {
                name: "markets/a".into()
            })
        );
        let missing = store
            .commit(change(vec![put(
                "products/p/variants/v",
                Expect::Absent,
                &["markets/zz"],
            )]))
            .await;
        assert!(
            matches!(missing, Err(StoreError::MissingReference { .. })),
            "{missing:?}"
        );
        store
            .commit(change(vec![
                put("products/p", Expect::Absent, &[]),
                put(
                    "products/p/variants/v",
                    Expect::Absent,
                    &["products/p", "markets/a"],
                ),
            ]))
            .await
            .unwrap();
        let del = store
            .commit(change(vec![Op::Delete {
                name: "markets/a".into(),
                expect: Expect::Etag(etag.clone()),
            }]))
            .await;
        assert_eq!(
            del,
            Err(StoreError::Referenced {
                name: "markets/a".into(),
                referrers: vec!["products/p/variants/v".into()]
            })
        );
        // Listing a collection leaves out the children of its documents.
        let products = store.list("products", None).unwrap();
        assert_eq!(products.len(), 1);
        assert_eq!(store.count("products").unwrap(), 1);
        assert_eq!(store.list("products/p/variants", None).unwrap().len(), 1);
        // Dropping the reference frees the market.
        store
            .commit(change(vec![put(
                "products/p/variants/v",
                Expect::Exists,
                &["products/p"],
            )]))
            .await
            .unwrap();
        store
            .commit(change(vec![Op::Delete {
                name: "markets/a".into(),
                expect: Expect::Etag(etag),
            }]))
            .await
            .unwrap();
        assert_eq!(store.count("markets").unwrap(), 0);
        let history = store.revisions("markets/a", None, 10).unwrap();
        assert_eq!(history.len(), 2);
        assert!(history[0].before.is_none() && history[1].after.is_none());
        let later = store
            .revisions("markets/a", Some(history[0].seq), 10)
            .unwrap();
        assert_eq!(later, history[1..].to_vec());
    }

    #[tokio::test]
    async fn scans_seek_and_stop_and_sizes_follow_writes() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let ops = ["a", "b", "c", "d"]
            .iter()
            .map(|id| put(&format!("markets/{id}"), Expect::Absent, &[]))
            .chain([put("markets/a/children/x", Expect::Absent, &[])])
            .collect();
        store.commit(change(ops)).await.unwrap();
        assert_eq!(store.count("markets").unwrap(), 4);
        assert_eq!(store.count("markets/a/children").unwrap(), 1);
        assert_eq!(store.count("nothing").unwrap(), 0);

        let before = store.documents_decoded();
        let mut seen = Vec::new();
        store
            .scan("markets", Some("a"), &mut |doc| {
                seen.push(doc.name);
                if seen.len() == 2 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            })
            .unwrap();
        assert_eq!(seen, ["markets/b", "markets/c"]);
        assert_eq!(store.documents_decoded() - before, 2);
        // A token's id that is gone still seeks to what follows it.
        let after_bb: Vec<String> = store
            .list("markets", Some("bb"))
            .unwrap()
            .into_iter()
            .map(|d| d.name)
            .collect();
        assert_eq!(after_bb, ["markets/c", "markets/d"]);
        // Replacing keeps the size; deleting lowers it.
        store
            .commit(change(vec![
                put("markets/b", Expect::Exists, &[]),
                Op::Delete {
                    name: "markets/c".into(),
                    expect: Expect::Exists,
                },
            ]))
            .await
            .unwrap();
        assert_eq!(store.count("markets").unwrap(), 3);
    }

    #[tokio::test]
    async fn sizes_are_counted_once_when_a_database_without_them_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = SledStore::open(dir.path()).unwrap();
            let ops = (0..5)
                .map(|i| put(&format!("requirements/r{i}"), Expect::Absent, &[]))
                .collect();
            store.commit(change(ops)).await.unwrap();
            // What a database of an earlier version lacks, or got wrong.
            let db = store.shared.db().unwrap();
            db.meta.remove(SIZES_KEPT).unwrap();
            db.sizes.clear().unwrap();
            db.sizes.insert("markets", &7i64.to_be_bytes()).unwrap();
            db.db.flush().unwrap();
        }
        {
            let store = SledStore::open(dir.path()).unwrap();
            assert_eq!(store.count("requirements").unwrap(), 5);
            assert_eq!(store.count("markets").unwrap(), 0);
            // Counted once: from now on every commit keeps the sizes, and
            // an open does not count again (a wrong size stays wrong).
            let db = store.shared.db().unwrap();
            db.sizes.insert("markets", &7i64.to_be_bytes()).unwrap();
            db.db.flush().unwrap();
        }
        let store = SledStore::open(dir.path()).unwrap();
        assert_eq!(store.count("markets").unwrap(), 7);
    }

    #[tokio::test]
    async fn io_errors_are_unavailable_and_other_errors_internal() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let io = store
            .shared
            .storage(sled::Error::Io(std::io::Error::from_raw_os_error(28)));
        assert!(io.is_unavailable(), "{io:?}");
        assert!(!store.healthy());
        let corrupt = store
            .shared
            .storage(sled::Error::Corruption { at: None, bt: () });
        assert!(matches!(corrupt, StoreError::Backend(_)), "{corrupt:?}");
        // A write that reaches the disk heals.
        store
            .commit(change(vec![put("markets/a", Expect::Absent, &[])]))
            .await
            .unwrap();
        assert!(store.healthy());
        // An undecodable document is INTERNAL, and says so.
        let db = store.shared.db().unwrap();
        db.docs
            .insert(doc_key("markets/bad"), b"{".to_vec())
            .unwrap();
        let bad = store.get("markets/bad").unwrap_err();
        assert!(matches!(bad, StoreError::Backend(_)), "{bad:?}");
        assert!(store.healthy());
    }

    #[tokio::test]
    async fn a_reopened_database_keeps_what_was_flushed() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        store
            .commit(change(vec![put("markets/a", Expect::Absent, &[])]))
            .await
            .unwrap();
        let generation = store.generation();
        store.shared.reopen().unwrap();
        assert_ne!(store.generation(), generation);
        assert!(store.get("markets/a").unwrap().is_some());
        assert_eq!(store.count("markets").unwrap(), 1);
        store
            .commit(change(vec![put("markets/b", Expect::Absent, &[])]))
            .await
            .unwrap();
        drop(store);
        let store = SledStore::open(dir.path()).unwrap();
        assert_eq!(store.list("markets", None).unwrap().len(), 2);
    }
}
