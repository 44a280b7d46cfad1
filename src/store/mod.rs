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
//! - a change is flushed to disk before `commit` returns.
//!
//! [`SledStore`] is the embedded implementation; another backend can implement
//! the trait beside it.

mod flusher;
mod sled_store;

use std::{future::Future, pin::Pin};

use serde::{Deserialize, Serialize};

pub use sled_store::SledStore;

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
}

/// A boxed future, so that the trait stays object safe.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The storage operations the API needs, and nothing more.
pub trait Store: Send + Sync + 'static {
    /// The document called `name`, if any.
    fn get(&self, name: &str) -> Result<Option<Stored>, StoreError>;

    /// The documents directly in `collection` (such as `markets` or
    /// `products/p/variants`), in name order, after `start_after` if given.
    fn list(&self, collection: &str, start_after: Option<&str>) -> Result<Vec<Stored>, StoreError>;

    /// Applies `change` atomically and durably; returns the documents written
    /// by its `Put`s, in order.
    fn commit(&self, change: ChangeSet) -> BoxFuture<'_, Result<Vec<Stored>, StoreError>>;

    /// The revisions of `name`, oldest first, after revision `after_seq` if given,
    /// at most `limit`.
    fn revisions(
        &self,
        name: &str,
        after_seq: Option<u64>,
        limit: usize,
    ) -> Result<Vec<RevisionRecord>, StoreError>;

    /// Flushes everything to disk (used on shutdown).
    fn flush(&self) -> BoxFuture<'_, Result<(), StoreError>>;

    /// A number that changes after every committed change, so that results
    /// computed from the store can be cached until the next write.
    fn generation(&self) -> u64;
}
