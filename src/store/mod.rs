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
//!   failing ([`Store::health`]) until a write reaches the disk again.
//!
//! [`SledStore`] is the embedded implementation; another backend can implement
//! the trait beside it. Its operations block: callers in async code run them
//! on the blocking pool (`commit` does so itself).

mod flusher;
mod health;
mod sled_store;
mod testing;

use std::{future::Future, ops::ControlFlow, pin::Pin};

use serde::{Deserialize, Serialize};

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
    pub body: serde_json::Value,
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
        body: serde_json::Value,
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
