//! The embedded [`Store`]: sled trees for documents, reference counts,
//! referrers and revisions, changed together in one sled transaction.

use std::{
    path::Path,
    time::{SystemTime, UNIX_EPOCH},
};

use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};
use sled::Transactional;

use super::flusher::Flusher;
use super::{BoxFuture, ChangeSet, Expect, Op, RevisionRecord, Store, StoreError, Stored};

/// Most referrers named in a [`StoreError::Referenced`].
const MAX_REFERRERS_REPORTED: usize = 10;

/// A [`Store`] in a sled database in one directory.
pub struct SledStore {
    docs: sled::Tree,
    refcounts: sled::Tree,
    referrers: sled::Tree,
    revisions: sled::Tree,
    flusher: Flusher,
    generation: std::sync::atomic::AtomicU64,
}

fn backend(e: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(e.to_string())
}

/// Key of a document: its collection, a NUL, its id; so that a collection's
/// documents are one key range without their children.
fn doc_key(name: &str) -> Vec<u8> {
    match name.rsplit_once('/') {
        Some((collection, id)) => [collection.as_bytes(), b"\0", id.as_bytes()].concat(),
        None => name.as_bytes().to_vec(),
    }
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

fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| backend(format!("undecodable record: {e}")))
}

fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("records serialize to JSON")
}

type TxResult<T> = Result<T, ConflictableTransactionError<StoreError>>;

fn abort<T>(e: StoreError) -> TxResult<T> {
    Err(ConflictableTransactionError::Abort(e))
}

fn tx_get(tree: &TransactionalTree, key: &[u8]) -> TxResult<Option<Stored>> {
    match tree.get(key)? {
        Some(bytes) => decode(&bytes).map(Some).or_else(abort),
        None => Ok(None),
    }
}

fn check_expect(name: &str, expect: &Expect, current: Option<&Stored>) -> Result<(), StoreError> {
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

fn add_count(tree: &TransactionalTree, target: &str, delta: i64) -> TxResult<()> {
    let current = tree
        .get(target.as_bytes())?
        .map(|v| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&v[..8]);
            i64::from_be_bytes(b)
        })
        .unwrap_or(0);
    let next = current + delta;
    if next <= 0 {
        tree.remove(target.as_bytes())?;
    } else {
        tree.insert(target.as_bytes(), &next.to_be_bytes())?;
    }
    Ok(())
}

fn count_of(tree: &TransactionalTree, target: &str) -> TxResult<i64> {
    Ok(tree
        .get(target.as_bytes())?
        .map(|v| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&v[..8]);
            i64::from_be_bytes(b)
        })
        .unwrap_or(0))
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
        let db = sled::Config::new()
            .path(dir)
            .use_compression(true)
            .open()
            .map_err(|e| {
                StoreError::Open(format!(
                    "cannot open the database in {} (is another glocal using it?): {e}",
                    dir.display()
                ))
            })?;
        let tree = |name: &str| db.open_tree(name).map_err(backend);
        Ok(SledStore {
            docs: tree("docs")?,
            refcounts: tree("refcounts")?,
            referrers: tree("referrers")?,
            revisions: tree("revisions")?,
            flusher: Flusher::start(db.clone()).map_err(backend)?,
            generation: std::sync::atomic::AtomicU64::new(0),
        })
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

    fn apply(&self, change: &ChangeSet) -> Result<Vec<Stored>, StoreError> {
        let now = now_nanos();
        let result = (
            &self.docs,
            &self.refcounts,
            &self.referrers,
            &self.revisions,
        )
            .transaction(|(docs, counts, referrers, revisions)| {
                let mut written = Vec::new();
                for op in &change.ops {
                    let (name, expect) = match op {
                        Op::Put { name, expect, .. } | Op::Delete { name, expect } => {
                            (name, expect)
                        }
                    };
                    let key = doc_key(name);
                    let before = tx_get(docs, &key)?;
                    check_expect(name, expect, before.as_ref()).or_else(abort)?;
                    let seq = docs.generate_id()?;
                    let old_refs = before.as_ref().map(|b| b.refs.clone()).unwrap_or_default();
                    let after = match op {
                        Op::Put { refs, body, .. } => {
                            let mut refs = refs.clone();
                            refs.sort();
                            refs.dedup();
                            for target in refs.iter().filter(|t| !old_refs.contains(t)) {
                                if tx_get(docs, &doc_key(target))?.is_none() {
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
                            docs.insert(key, encode(&doc))?;
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
                            docs.remove(key)?;
                            None
                        }
                    };
                    let record = RevisionRecord {
                        seq,
                        method: change.method.clone(),
                        time_nanos: now,
                        before,
                        after,
                    };
                    revisions.insert(seq_key(name, seq), encode(&record))?;
                }
                Ok(written)
            });
        match result {
            Ok(written) => {
                self.generation
                    .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                Ok(written)
            }
            Err(TransactionError::Abort(StoreError::Referenced { name, .. })) => {
                let referrers = self.referrers_of(&name);
                Err(StoreError::Referenced { name, referrers })
            }
            Err(TransactionError::Abort(e)) => Err(e),
            Err(TransactionError::Storage(e)) => Err(backend(e)),
        }
    }
}

impl Store for SledStore {
    fn get(&self, name: &str) -> Result<Option<Stored>, StoreError> {
        match self.docs.get(doc_key(name)).map_err(backend)? {
            Some(bytes) => decode(&bytes).map(Some),
            None => Ok(None),
        }
    }

    fn list(&self, collection: &str, start_after: Option<&str>) -> Result<Vec<Stored>, StoreError> {
        let prefix = pair_key(collection, "");
        let start = match start_after {
            Some(after) => {
                let mut k = pair_key(collection, after);
                k.push(0);
                k
            }
            None => prefix.clone(),
        };
        self.docs
            .range(start..)
            .take_while(|r| r.as_ref().map_or(true, |(k, _)| k.starts_with(&prefix)))
            .map(|r| r.map_err(backend).and_then(|(_, v)| decode(&v)))
            .collect()
    }

    fn commit(&self, change: ChangeSet) -> BoxFuture<'_, Result<Vec<Stored>, StoreError>> {
        Box::pin(async move {
            let written = self.apply(&change)?;
            self.flusher.wait_durable().await?;
            Ok(written)
        })
    }

    fn revisions(
        &self,
        name: &str,
        after_seq: Option<u64>,
        limit: usize,
    ) -> Result<Vec<RevisionRecord>, StoreError> {
        let prefix = pair_key(name, "");
        let start = match after_seq {
            Some(seq) => seq_key(name, seq.saturating_add(1)),
            None => prefix.clone(),
        };
        self.revisions
            .range(start..)
            .take_while(|r| r.as_ref().map_or(true, |(k, _)| k.starts_with(&prefix)))
            .take(limit)
            .map(|r| r.map_err(backend).and_then(|(_, v)| decode(&v)))
            .collect()
    }

    fn flush(&self) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(self.flusher.wait_durable())
    }

    fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn put(name: &str, expect: Expect, refs: &[&str]) -> Op {
        Op::Put {
            name: name.into(),
            expect,
            refs: refs.iter().map(|s| s.to_string()).collect(),
            body: json!({"n": name}),
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
        let history = store.revisions("markets/a", None, 10).unwrap();
        assert_eq!(history.len(), 2);
        assert!(history[0].before.is_none() && history[1].after.is_none());
        let later = store
            .revisions("markets/a", Some(history[0].seq), 10)
            .unwrap();
        assert_eq!(later, history[1..].to_vec());
    }
}
