//! Durable storage of resources behind the narrow [`Store`] trait.
//!
//! The store knows resources only as named JSON documents with an etag, times,
//! and the names of the documents they reference. It guarantees:
//!
//! - a [`ChangeSet`] applies atomically, all or nothing;
//! - every write compares-and-swaps on the expected state ([`Expect`]), so
//!   concurrent writers never lose an update;
//! - a document cannot reference a missing document, nor be deleted while
//!   referenced (reference counts kept in the same transaction);
//! - every change appends a [`RevisionRecord`] (before/after), kept after deletion;
//! - a change is flushed to disk before `commit` returns;
//! - a collection is read in name order from any point ([`Store::scan`]),
//!   decoding only what the caller reads, and its size is known without
//!   reading it ([`Store::count`]);
//! - an I/O error is [`StoreError::Unavailable`], and the store reports itself
//!   failing ([`Store::health`]) until a write reaches the disk again;
//! - a [`Snapshot`] ([`Store::snapshot`]) holds every change acknowledged
//!   before it was taken, and no change in part.
//!
//! [`SledStore`] is the embedded implementation; another backend can implement
//! the trait beside it. Its operations block: callers in async code run them
//! on the blocking pool (`commit` does so itself).

mod etcd_store;
mod flusher;
mod health;
mod sled_store;
mod testing;

use std::{future::Future, ops::ControlFlow, pin::Pin};

use serde::{Deserialize, Serialize};

pub use etcd_store::{EtcdConfig, EtcdLimits, EtcdStore, EtcdTls, LoadSummary};
pub use sled_store::SledStore;
#[doc(hidden)]
pub use testing::{HeldCommits, IoFaults};

/// A stored document with its metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    /// The resource name, such as `markets/ca`.
    pub name: String,
    /// Opaque version, new on every change.
    pub etag: String,
    /// Creation time, nanoseconds since the Unix epoch.
    pub create_time_nanos: i64,
    /// Last change, nanoseconds since the Unix epoch.
    pub update_time_nanos: i64,
    /// Names of the documents this one references (they must exist).
    #[serde(default)]
    pub refs: Vec<String>,
    /// The document.
    pub body: Body,
}

/// A document's JSON, kept as the text it is stored as.
///
/// Reading a document checks its JSON and copies its text, and nothing
/// more: the caller decodes it straight into its own type ([`Body::decode`]),
/// skipping the fields it does not read (a check skips a bundle file's whole
/// text). Decoding every stored document into a `serde_json::Value` first
/// was most of a cold check's time (a tree of small allocations per
/// document, built and dropped).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Body(Box<serde_json::value::RawValue>);

impl Body {
    /// The JSON of `value`.
    pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Body, serde_json::Error> {
        serde_json::value::to_raw_value(value).map(Body)
    }

    /// The document as a `T`, read from its JSON in place.
    pub fn decode<'a, T: Deserialize<'a>>(&'a self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.0.get())
    }

    /// The JSON text.
    pub fn json(&self) -> &str {
        self.0.get()
    }
}

/// The same document: the same JSON text, or the same JSON value written
/// another way (a document stored by an earlier glocal, which wrote its
/// object keys sorted, equals the same document written now).
impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        self.json() == other.json()
            || matches!(
                (
                    serde_json::from_str::<serde_json::Value>(self.json()),
                    serde_json::from_str::<serde_json::Value>(other.json()),
                ),
                (Ok(a), Ok(b)) if a == b
            )
    }
}

/// What a write expects to find, checked atomically with the write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// No document of that name (create).
    Absent,
    /// A document of any etag.
    Exists,
    /// A document with exactly this etag.
    Etag(String),
}

/// One write of a [`ChangeSet`].
#[derive(Debug, Clone)]
pub enum Op {
    /// Create or replace a document.
    Put {
        /// The resource name.
        name: String,
        /// The precondition.
        expect: Expect,
        /// Names of the documents it references.
        refs: Vec<String>,
        /// The document.
        body: Body,
    },
    /// Delete a document; fails while other documents reference it.
    Delete {
        /// The resource name.
        name: String,
        /// The precondition.
        expect: Expect,
    },
}

tokio::task_local! {
    static ACTOR: Option<String>;
}

/// Runs `future` as work done by `actor` (a principal's name): the
/// revisions its commits write record it.
pub async fn as_actor<F: std::future::Future>(actor: Option<String>, future: F) -> F::Output {
    ACTOR.scope(actor, future).await
}

/// The actor of the current task, if any ([`as_actor`]).
pub fn current_actor() -> Option<String> {
    ACTOR.try_with(Clone::clone).ok().flatten()
}

/// Writes applied together, recorded as revisions made by `method`.
#[derive(Debug, Clone)]
pub struct ChangeSet {
    /// The API method making the change, such as `glocal.v1.MarketService/CreateMarket`.
    pub method: String,
    /// The writes, applied in order.
    pub ops: Vec<Op>,
}

/// One change of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevisionRecord {
    /// Position in the store's history; grows with time.
    pub seq: u64,
    /// The method that made the change.
    pub method: String,
    /// Who made it: the principal of the call's token (`None` without
    /// authentication, and in revisions written before it existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// When, nanoseconds since the Unix epoch.
    pub time_nanos: i64,
    /// The document before; `None` for a creation.
    pub before: Option<Stored>,
    /// The document after; `None` for a deletion.
    pub after: Option<Stored>,
}

/// Why a store operation failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    /// The document does not exist.
    #[error("{name} does not exist")]
    NotFound {
        /// The missing name.
        name: String,
    },
    /// The document exists although it was expected absent.
    #[error("{name} already exists")]
    AlreadyExists {
        /// The existing name.
        name: String,
    },
    /// The document changed since the expected etag.
    #[error("{name} has changed: its etag is {actual:?}, not {expected:?}")]
    EtagMismatch {
        /// The document.
        name: String,
        /// The etag the caller sent.
        expected: String,
        /// The current etag.
        actual: String,
    },
    /// A written document references a missing one.
    #[error("{from} references {target}, which does not exist")]
    MissingReference {
        /// The referencing document.
        from: String,
        /// The missing document.
        target: String,
    },
    /// A deleted document is still referenced.
    #[error("{name} is still referenced by {}", referrers.join(", "))]
    Referenced {
        /// The document that could not be deleted.
        name: String,
        /// Who references it (possibly only the first few).
        referrers: Vec<String>,
    },
    /// The database cannot be opened (missing permissions, locked by another process).
    #[error("{0}")]
    Open(String),
    /// The storage backend failed (disk, corruption).
    #[error("storage failure: {0}")]
    Backend(String),
    /// Storage is unavailable.
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    /// The change does not fit one transaction of the backend (etcd's
    /// `--max-txn-ops` and `--max-request-bytes`); nothing was written.
    #[error(
        "the change needs {operations} operations and {bytes} bytes in one transaction; the \
         store accepts {max_operations} operations and {max_bytes} bytes"
    )]
    TooLarge {
        /// Operations the change needs.
        operations: usize,
        /// The backend's limit of operations per transaction.
        max_operations: usize,
        /// The size of the change's transaction, in bytes.
        bytes: usize,
        /// The backend's limit of bytes per request.
        max_bytes: usize,
    },
}

impl StoreError {
    /// Whether unavailable.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, StoreError::Unavailable(_))
    }
}

/// A boxed future, so that the trait stays object safe.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The storage operations the API needs, and nothing more.
pub trait Store: Send + Sync + 'static {
    /// The document called `name`, if any.
    fn get(&self, name: &str) -> Result<Option<Stored>, StoreError>;

    /// Reads the documents directly in `collection` (such as `markets` or
    /// `products/p/variants`, not their children) in name order, starting
    /// after the document whose id (the last segment of its name) is
    /// `start_after`, if given, whether or not it still exists. Each
    /// document is decoded when it is handed to `visit`, and reading stops
    /// as soon as `visit` returns [`ControlFlow::Break`]. `visit` runs while
    /// the store reads, and must not call the store itself.
    fn scan(
        &self,
        collection: &str,
        start_after: Option<&str>,
        visit: &mut dyn FnMut(Stored) -> ControlFlow<()>,
    ) -> Result<(), StoreError>;

    /// Every document directly in `collection`, in name order, after the
    /// id `start_after` if given (see [`Store::scan`]).
    fn list(&self, collection: &str, start_after: Option<&str>) -> Result<Vec<Stored>, StoreError> {
        let mut documents = Vec::new();
        self.scan(collection, start_after, &mut |doc| {
            documents.push(doc);
            ControlFlow::Continue(())
        })?;
        Ok(documents)
    }

    /// How many documents are directly in `collection`, without reading them.
    fn count(&self, collection: &str) -> Result<u64, StoreError>;

    /// Applies `change` atomically and durably; returns the documents written
    /// by its `Put`s, in order. A change that fails with
    /// [`StoreError::Unavailable`] was not acknowledged: it may or may not
    /// have been applied (and reach the disk later).
    fn commit(&self, change: ChangeSet) -> BoxFuture<'_, Result<Vec<Stored>, StoreError>>;

    /// The revisions of `name`, oldest first, after revision `after_seq` if given,
    /// at most `limit`.
    fn revisions(
        &self,
        name: &str,
        after_seq: Option<u64>,
        limit: usize,
    ) -> Result<Vec<RevisionRecord>, StoreError>;

    /// Flushes everything to disk (used on shutdown). An error means that
    /// changes not yet acknowledged may be lost; every acknowledged change
    /// was flushed before its `commit` returned.
    fn flush(&self) -> BoxFuture<'_, Result<(), StoreError>>;

    /// A number that changes after every committed change, so that results
    /// computed from the store can be cached until the next write.
    fn generation(&self) -> u64;

    /// How many stored documents the store has decoded since it opened, for
    /// metrics and for tests that check how much a call reads. Backends that
    /// do not count say 0.
    fn documents_decoded(&self) -> u64 {
        0
    }

    /// The store's health, as a watch: [`StoreHealth::Failing`] from an I/O
    /// error on, [`StoreHealth::Healthy`] again once a write (a commit and
    /// its flush, or the store's own probe) reaches the disk. Receivers are
    /// notified only when it changes between the two. A backend that cannot
    /// fail this way is always healthy.
    fn health(&self) -> tokio::sync::watch::Receiver<StoreHealth> {
        tokio::sync::watch::channel(StoreHealth::Healthy).1
    }

    /// Whether the store is healthy now (see [`Store::health`]).
    fn healthy(&self) -> bool {
        matches!(*self.health().borrow(), StoreHealth::Healthy)
    }

    /// A consistent copy of the whole store, in memory: commits wait while
    /// it is copied, so it holds every change acknowledged before the call
    /// (and possibly changes applied but not yet acknowledged), each
    /// completely or not at all. A backend that cannot take one says so.
    fn snapshot(&self) -> BoxFuture<'_, Result<Snapshot, StoreError>> {
        Box::pin(async {
            Err(StoreError::Backend(
                "this store cannot take snapshots".into(),
            ))
        })
    }
}

/// The first bytes of a snapshot file.
pub const SNAPSHOT_MAGIC: &[u8; 16] = b"glocal-snapshot\n";
/// The version of the snapshot format that [`Snapshot::encode`] writes and
/// [`Snapshot::decode`] reads.
pub const SNAPSHOT_VERSION: u32 = 1;
/// Length of the SHA-256 that ends a snapshot file.
const CHECKSUM_LEN: usize = 32;

/// A consistent copy of a whole store ([`Store::snapshot`]): the backend's
/// keyspaces with their raw keys and values.
///
/// As a file ([`Snapshot::encode`]), all integers big-endian:
/// [`SNAPSHOT_MAGIC`]; the version (u32); `taken_nanos` (i64); `next_seq`
/// (u64); the number of trees (u32); per tree its name (u32 length, UTF-8)
/// and its number of entries (u64), then per entry the key and the value
/// (each a u32 length and the bytes); and last the SHA-256 of every byte
/// before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// When it was taken, nanoseconds since the Unix epoch.
    pub taken_nanos: i64,
    /// The sequence number the store would have given next (revisions and
    /// etags): a store restored from the snapshot continues above it.
    pub next_seq: u64,
    /// The keyspaces, each with its entries in key order.
    pub trees: Vec<SnapshotTree>,
}

/// One keyspace of a [`Snapshot`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotTree {
    /// The keyspace's name, such as `docs`.
    pub name: String,
    /// Its keys and values, in key order.
    pub entries: Vec<(Vec<u8>, Vec<u8>)>,
}

/// Why bytes are not a snapshot [`Snapshot::decode`] can use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    /// The bytes do not start as a snapshot file does.
    #[error("not a glocal snapshot (it does not start with the snapshot header)")]
    NotASnapshot,
    /// A version of the format this glocal does not read.
    #[error("snapshot format version {0} is not supported (this glocal reads version {SNAPSHOT_VERSION})")]
    UnsupportedVersion(u32),
    /// The checksum does not match, or the content is malformed.
    #[error("the snapshot is damaged: {0}")]
    Corrupt(String),
}

impl SnapshotTree {
    /// The tree's entries, if the snapshot has a tree of that name.
    pub fn entries_of<'a>(trees: &'a [SnapshotTree], name: &str) -> &'a [(Vec<u8>, Vec<u8>)] {
        trees
            .iter()
            .find(|t| t.name == name)
            .map_or(&[], |t| t.entries.as_slice())
    }
}

impl Snapshot {
    /// The first way in which `other` holds other data than this snapshot,
    /// whichever store each was taken from: every document (name, times,
    /// references and body), every revision (sequence number, method,
    /// actor, time, and the documents before and after), every reference
    /// count and referrer. The documents' etags are left out (each backend
    /// makes its own for what it holds); the revisions' are compared, since
    /// a history keeps the etags it was written with.
    /// `None` when they hold the same.
    pub fn difference(&self, other: &Snapshot) -> Option<String> {
        fn plain(mut doc: Stored) -> Stored {
            doc.etag.clear();
            doc
        }
        fn docs(s: &Snapshot) -> Result<Vec<(&[u8], Stored)>, String> {
            SnapshotTree::entries_of(&s.trees, "docs")
                .iter()
                .map(|(k, v)| serde_json::from_slice(v).map(|d| (k.as_slice(), plain(d))))
                .collect::<Result<_, _>>()
                .map_err(|e| format!("an undecodable document: {e}"))
        }
        fn revisions(s: &Snapshot) -> Result<Vec<(Vec<u8>, RevisionRecord)>, String> {
            SnapshotTree::entries_of(&s.trees, "revisions")
                .iter()
                .map(|(k, v)| serde_json::from_slice::<RevisionRecord>(v).map(|r| (k.clone(), r)))
                .collect::<Result<_, _>>()
                .map_err(|e| format!("an undecodable revision: {e}"))
        }
        fn first_difference<T: PartialEq>(what: &str, a: &[T], b: &[T]) -> Option<String> {
            if let Some(at) = a.iter().zip(b).position(|(x, y)| x != y) {
                return Some(format!("{what} number {} differs", at + 1));
            }
            (a.len() != b.len()).then(|| format!("{} {what}s, not {}", b.len(), a.len()))
        }
        let compared = (|| -> Result<Option<String>, String> {
            let (a, b) = (docs(self)?, docs(other)?);
            if let Some(at) = a.iter().zip(&b).position(|(x, y)| x != y) {
                // Both in key order: at the first place where the keys
                // differ, the smaller key is the one only its side holds.
                let ((x, doc_x), (y, doc_y)) = (&a[at], &b[at]);
                return Ok(Some(match x.cmp(y) {
                    std::cmp::Ordering::Equal => format!("the document {} differs", doc_x.name),
                    std::cmp::Ordering::Less => {
                        format!("the copy lacks the document {}", doc_x.name)
                    }
                    std::cmp::Ordering::Greater => {
                        format!("the copy has a document the source lacks, {}", doc_y.name)
                    }
                }));
            }
            if let Some(d) = first_difference("document", &a, &b) {
                return Ok(Some(d));
            }
            let (a, b) = (revisions(self)?, revisions(other)?);
            if let Some(at) = a.iter().zip(&b).position(|(x, y)| x != y) {
                let name = String::from_utf8_lossy(&a[at].0[..a[at].0.len().saturating_sub(9)])
                    .into_owned();
                return Ok(Some(format!("a revision of {name} differs")));
            }
            if let Some(d) = first_difference("revision", &a, &b) {
                return Ok(Some(d));
            }
            for tree in ["refcounts", "referrers"] {
                let (a, b) = (
                    SnapshotTree::entries_of(&self.trees, tree),
                    SnapshotTree::entries_of(&other.trees, tree),
                );
                if let Some(d) = first_difference(&format!("entry of {tree}"), a, b) {
                    return Ok(Some(d));
                }
            }
            Ok(None)
        })();
        compared.unwrap_or_else(Some)
    }

    /// The snapshot as a file's bytes, ending with their checksum.
    pub fn encode(&self) -> Vec<u8> {
        use sha2::Digest;
        fn bytes(out: &mut Vec<u8>, b: &[u8]) {
            // Sled keys and values, and tree names, are far below 4 GiB.
            out.extend_from_slice(&u32::try_from(b.len()).unwrap_or(u32::MAX).to_be_bytes());
            out.extend_from_slice(b);
        }
        let mut out = Vec::new();
        out.extend_from_slice(SNAPSHOT_MAGIC);
        out.extend_from_slice(&SNAPSHOT_VERSION.to_be_bytes());
        out.extend_from_slice(&self.taken_nanos.to_be_bytes());
        out.extend_from_slice(&self.next_seq.to_be_bytes());
        out.extend_from_slice(&(self.trees.len() as u32).to_be_bytes());
        for tree in &self.trees {
            bytes(&mut out, tree.name.as_bytes());
            out.extend_from_slice(&(tree.entries.len() as u64).to_be_bytes());
            for (key, value) in &tree.entries {
                bytes(&mut out, key);
                bytes(&mut out, value);
            }
        }
        let checksum = sha2::Sha256::digest(&out);
        out.extend_from_slice(&checksum);
        out
    }

    /// Reads a snapshot file's bytes: its header and version first, then
    /// its checksum, then its content.
    pub fn decode(data: &[u8]) -> Result<Snapshot, SnapshotError> {
        use sha2::Digest;
        if !data.starts_with(SNAPSHOT_MAGIC) {
            return Err(SnapshotError::NotASnapshot);
        }
        let corrupt = |why: &str| SnapshotError::Corrupt(why.to_string());
        let version_at = SNAPSHOT_MAGIC.len();
        let version = data
            .get(version_at..version_at + 4)
            .map(|b| u32::from_be_bytes(b.try_into().unwrap_or_default()))
            .ok_or_else(|| corrupt("it is truncated"))?;
        if version != SNAPSHOT_VERSION {
            return Err(SnapshotError::UnsupportedVersion(version));
        }
        if data.len() < version_at + 4 + CHECKSUM_LEN {
            return Err(corrupt("it is truncated"));
        }
        let (content, checksum) = data.split_at(data.len() - CHECKSUM_LEN);
        if sha2::Sha256::digest(content).as_slice() != checksum {
            return Err(corrupt(
                "its SHA-256 checksum does not match (the file was changed or truncated)",
            ));
        }
        let mut reader = Reader {
            data: content,
            at: version_at + 4,
        };
        let taken_nanos = i64::from_be_bytes(reader.array()?);
        let next_seq = u64::from_be_bytes(reader.array()?);
        let tree_count = u32::from_be_bytes(reader.array()?);
        let mut trees = Vec::new();
        for _ in 0..tree_count {
            let name = String::from_utf8(reader.bytes()?.to_vec())
                .map_err(|_| corrupt("a tree name is not UTF-8"))?;
            let count = u64::from_be_bytes(reader.array()?);
            let mut entries = Vec::new();
            for _ in 0..count {
                let key = reader.bytes()?.to_vec();
                let value = reader.bytes()?.to_vec();
                entries.push((key, value));
            }
            trees.push(SnapshotTree { name, entries });
        }
        if reader.at != content.len() {
            return Err(corrupt("it has bytes after its last tree"));
        }
        Ok(Snapshot {
            taken_nanos,
            next_seq,
            trees,
        })
    }
}

/// Reads the fields of a snapshot file.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], SnapshotError> {
        let end = self.at.checked_add(n).filter(|end| *end <= self.data.len());
        let end = end.ok_or_else(|| SnapshotError::Corrupt("a field runs past its end".into()))?;
        let taken = &self.data[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], SnapshotError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn bytes(&mut self) -> Result<&'a [u8], SnapshotError> {
        let len = u32::from_be_bytes(self.array()?);
        self.take(len as usize)
    }
}

/// The pause before trying again a change that lost a race for a key (in
/// the store, or a read-modify-write of the API without an etag): up to
/// 0.5 ms per attempt so far (at most 16 ms), jittered so that the racers do
/// not meet again at once.
pub fn contention_pause(attempt: usize) -> std::time::Duration {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let ceiling = 500_000 * (u32::try_from(attempt).unwrap_or(u32::MAX).saturating_add(1)).min(32);
    std::time::Duration::from_nanos(u64::from(nanos % ceiling))
}

/// Whether the store's writes reach the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreHealth {
    /// The store works.
    Healthy,
    /// An operation failed with an I/O error and no write has reached the
    /// disk since: reads and writes may fail with [`StoreError::Unavailable`].
    Failing {
        /// The last I/O error, for logs (not for clients).
        error: String,
    },
}
