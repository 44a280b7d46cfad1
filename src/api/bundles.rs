//! Fluent bundles of `ProductService`: files are indexed on write and stored
//! one document each under their bundle; the bundle document keeps the
//! summary (counts, diagnostics) in step with them in the same transaction.

use std::collections::BTreeMap;

use crate::coverage::checks::{BundleView, CheckOptions};
use crate::coverage::forecast::Snapshot;
use crate::domain::bundle::{
    bundle_file_name, bundle_name, parse_bundle_name, validate_bundle_path, BundleDoc,
    BundleFileDoc,
};
use crate::domain::ftl::{index_file, FileIndex};
use crate::domain::{
    CalendarDate, LocaleTag, MessageScope, ResourceKind, ResourceName, Violations,
};
use crate::l10n::Text;
use crate::store::{ChangeSet, Expect, Op, StoreError, Stored};

use super::convert::{decode_body, diagnostic_to_pb, to_pb};
use super::crud::{self, SharedStore};
use super::pb::glocal::v1 as pb;
use super::ApiError;

/// Limits on what one WriteBundleFiles request may carry, and on what a
/// bundle may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundleLimits {
    /// Largest file, in bytes.
    pub max_file_bytes: usize,
    /// Most files in one request.
    pub max_files_per_request: usize,
    /// Most files one bundle (a product's files of one locale) holds, summed
    /// over every request that left files in it. mozilla.org's largest
    /// locale has 131.
    pub max_files_per_bundle: usize,
    /// Largest file as the store keeps it (its text with its index, as
    /// JSON), when the store bounds a document: an etcd store, whose change
    /// of a file holds it three times in one request. `None`: no bound but
    /// `max_file_bytes`.
    pub max_stored_file_bytes: Option<usize>,
}

impl Default for BundleLimits {
    fn default() -> Self {
        BundleLimits {
            max_file_bytes: 1024 * 1024,
            max_files_per_request: 1000,
            max_files_per_bundle: 10_000,
            max_stored_file_bytes: None,
        }
    }
}

/// How often a write without an etag is retried when another writer wins.
const MAX_WRITE_ATTEMPTS: usize = 8;

const BUNDLE_TYPE: &str = "glocal.v1.Bundle";

fn store_error(e: StoreError) -> ApiError {
    ApiError::from_store(BUNDLE_TYPE, e)
}

/// Parses the `field` of a request as a bundle name, in canonical form.
pub fn parse_bundle(
    field: &str,
    value: &str,
) -> Result<(ResourceName, LocaleTag, String), ApiError> {
    if value.is_empty() {
        return Err(ApiError::invalid_field(
            field,
            Text::new("request-bundle-name-required")
                .text("pattern", ResourceKind::Bundle.pattern()),
        ));
    }
    let (product, locale) =
        parse_bundle_name(value).map_err(|e| ApiError::invalid_field(field, e))?;
    let name = bundle_name(&product, &locale);
    Ok((product, locale, name))
}

/// The stored files of a bundle, by path.
fn stored_files(
    store: &SharedStore,
    bundle: &str,
) -> Result<BTreeMap<String, (Stored, BundleFileDoc)>, ApiError> {
    store
        .list(&format!("{bundle}/files"), None)
        .map_err(store_error)?
        .into_iter()
        .map(|s| {
            let doc: BundleFileDoc = decode_body(&s)?;
            Ok((doc.path.clone(), (s, doc)))
        })
        .collect()
}

/// A bundle file's path and index, its text skipped.
#[derive(serde::Deserialize)]
struct IndexedFile {
    path: String,
    index: FileIndex,
}

/// The write of `bundle`'s coverage snapshot of today (UTC): its files
/// (`target`, path and index) against the source bundle's, replacing an
/// earlier snapshot of the same day.
fn snapshot_op(
    store: &SharedStore,
    source: &str,
    bundle: &str,
    locale: &LocaleTag,
    scope: MessageScope,
    target: &[(String, FileIndex)],
) -> Result<Op, ApiError> {
    let source_files: Vec<IndexedFile> = store
        .list(&format!("{source}/files"), None)
        .map_err(store_error)?
        .iter()
        .map(decode_body)
        .collect::<Result<_, _>>()?;
    let source_view = BundleView::new(
        source_files.iter().map(|f| (f.path.as_str(), &f.index)),
        scope,
    );
    let target_view = BundleView::new(target.iter().map(|(p, i)| (p.as_str(), i)), scope);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    let snapshot = Snapshot::of(
        &source_view,
        &target_view,
        locale,
        now,
        &CheckOptions::default(),
    );
    let name = format!(
        "{}/{}",
        super::coverage::snapshots_collection(bundle),
        CalendarDate::today_utc()
    );
    let expect = match store.get(&name).map_err(store_error)? {
        Some(previous) => Expect::Etag(previous.etag),
        None => Expect::Absent,
    };
    Ok(Op::Put {
        name,
        expect,
        refs: vec![bundle.to_string()],
        body: crate::store::Body::encode(&snapshot)
            .map_err(|e| ApiError::Internal(e.to_string()))?,
    })
}

/// The operations that delete a bundle, its files and its snapshots.
pub fn delete_bundle_ops(store: &SharedStore, bundle: &Stored) -> Result<Vec<Op>, ApiError> {
    let mut ops: Vec<Op> = stored_files(store, &bundle.name)?
        .into_values()
        .map(|(s, _)| Op::Delete {
            name: s.name,
            expect: Expect::Etag(s.etag),
        })
        .collect();
    for s in store
        .list(&super::coverage::snapshots_collection(&bundle.name), None)
        .map_err(store_error)?
    {
        ops.push(Op::Delete {
            name: s.name,
            expect: Expect::Etag(s.etag),
        });
    }
    ops.push(Op::Delete {
        name: bundle.name.clone(),
        expect: Expect::Etag(bundle.etag.clone()),
    });
    Ok(ops)
}

/// WriteBundleFiles.
pub async fn write_files(
    store: &SharedStore,
    limits: BundleLimits,
    req: pb::WriteBundleFilesRequest,
) -> Result<pb::Bundle, ApiError> {
    let (product, locale, name) = parse_bundle("name", &req.name)?;
    let mut v = Violations::new();
    if req.files.is_empty() && !req.replace {
        v.add("files", Text::new("request-bundle-files-empty"));
    }
    if req.files.len() > limits.max_files_per_request {
        v.add(
            "files",
            Text::new("request-bundle-too-many-files")
                .count("count", req.files.len())
                .count("max", limits.max_files_per_request),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for (i, f) in req.files.iter().enumerate() {
        if let Err(e) = validate_bundle_path(&f.path) {
            v.add(format!("files[{i}].path"), e);
        } else if seen.contains(&f.path.as_str()) {
            v.add(
                format!("files[{i}].path"),
                Text::new("request-bundle-file-sent-twice").text("path", f.path.as_str()),
            );
        }
        seen.push(&f.path);
        if f.content.len() > limits.max_file_bytes {
            v.add(
                format!("files[{i}].content"),
                Text::new("request-bundle-file-too-large")
                    .count("size", f.content.len())
                    .count("max", limits.max_file_bytes),
            );
        }
    }
    if !v.is_empty() {
        return Err(ApiError::invalid(v));
    }
    let product_doc: crate::domain::Product = {
        let product = product.clone();
        let stored =
            crud::with_store(store, move |s| crud::get_stored::<pb::Product>(s, &product)).await?;
        decode_body(&stored)?
    };

    // Parsing is CPU work: keep it off the async workers.
    let files = req.files;
    let indexed: Vec<(BundleFileDoc, crate::store::Body)> =
        tokio::task::spawn_blocking(move || {
            files
                .into_iter()
                .map(|f| {
                    let doc = BundleFileDoc {
                        index: index_file(&f.content),
                        path: f.path,
                        content: f.content,
                    };
                    crate::store::Body::encode(&doc).map(|body| (doc, body))
                })
                .collect::<Result<_, _>>()
        })
        .await
        .map_err(|e| ApiError::Internal(format!("indexing failed: {e}")))?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    // A file whose text fits may still not fit the store with its index:
    // refused here, naming the file, rather than as a change too large.
    if let Some(max) = limits.max_stored_file_bytes {
        let mut v = Violations::new();
        for (i, (_, body)) in indexed.iter().enumerate() {
            let size = body.json().len();
            if size > max {
                v.add(
                    format!("files[{i}].content"),
                    Text::new("request-bundle-file-too-large-stored")
                        .count("size", size)
                        .count("max", max),
                );
            }
        }
        if !v.is_empty() {
            return Err(ApiError::invalid(v));
        }
    }
    let (indexed, bodies): (Vec<BundleFileDoc>, Vec<crate::store::Body>) =
        indexed.into_iter().unzip();

    for attempt in 1..=MAX_WRITE_ATTEMPTS {
        let current = {
            let name = name.clone();
            crud::with_store(store, move |s| s.get(&name).map_err(store_error)).await?
        };
        if !req.etag.is_empty() {
            match &current {
                Some(c) if c.etag == req.etag => {}
                Some(c) => {
                    return Err(ApiError::EtagMismatch {
                        name: name.clone(),
                        expected: req.etag.clone(),
                        actual: c.etag.clone(),
                    })
                }
                None => {
                    return Err(ApiError::NotFound {
                        resource_type: BUNDLE_TYPE,
                        name: name.clone(),
                    })
                }
            }
        }
        let existing = if current.is_some() {
            let name = name.clone();
            crud::with_store(store, move |s| stored_files(s, &name)).await?
        } else {
            BTreeMap::new()
        };
        let mut ops = Vec::new();
        let mut kept: BTreeMap<&str, &BundleFileDoc> = BTreeMap::new();
        if !req.replace {
            for (path, (_, doc)) in &existing {
                kept.insert(path.as_str(), doc);
            }
        }
        for doc in &indexed {
            kept.insert(doc.path.as_str(), doc);
        }
        if kept.len() > limits.max_files_per_bundle {
            let mut v = Violations::new();
            v.add(
                "files",
                Text::new("request-bundle-too-many-stored-files")
                    .count("count", kept.len())
                    .count("max", limits.max_files_per_bundle),
            );
            return Err(ApiError::invalid(v));
        }
        let summary = BundleDoc::summarize(
            locale.clone(),
            kept.values()
                .map(|d| (d.path.as_str(), d.content.len() as u64, &d.index)),
            product_doc.message_scope,
        );
        let body =
            crate::store::Body::encode(&summary).map_err(|e| ApiError::Internal(e.to_string()))?;
        ops.push(Op::Put {
            name: name.clone(),
            expect: current
                .as_ref()
                .map_or(Expect::Absent, |c| Expect::Etag(c.etag.clone())),
            refs: vec![product.to_string()],
            body,
        });
        for (doc, body) in indexed.iter().zip(&bodies) {
            let previous = existing.get(&doc.path);
            if previous.is_some_and(|(_, old)| old.content == doc.content) {
                continue;
            }
            ops.push(Op::Put {
                name: bundle_file_name(&name, &doc.path),
                expect: previous.map_or(Expect::Absent, |(s, _)| Expect::Etag(s.etag.clone())),
                refs: vec![name.clone()],
                body: body.clone(),
            });
        }
        if req.replace {
            for (path, (s, _)) in &existing {
                if !indexed.iter().any(|d| d.path == *path) {
                    ops.push(Op::Delete {
                        name: s.name.clone(),
                        expect: Expect::Etag(s.etag.clone()),
                    });
                }
            }
        }
        // The coverage snapshot of the bundle as written (the forecast's
        // data), the day's latest one, in the same transaction.
        if locale != product_doc.source_locale {
            let target: Vec<(String, FileIndex)> = kept
                .values()
                .map(|d| (d.path.clone(), d.index.clone()))
                .collect();
            let (source, bundle, locale, scope) = (
                bundle_name(&product, &product_doc.source_locale),
                name.clone(),
                locale.clone(),
                product_doc.message_scope,
            );
            ops.push(
                crud::with_store(store, move |s| {
                    snapshot_op(s, &source, &bundle, &locale, scope, &target)
                })
                .await?,
            );
        }
        let change = ChangeSet {
            method: "glocal.v1.ProductService/WriteBundleFiles".into(),
            ops,
        };
        match store.commit(change).await {
            Ok(written) => return to_pb(&written[0]),
            Err(
                StoreError::EtagMismatch { .. }
                | StoreError::AlreadyExists { .. }
                | StoreError::NotFound { .. },
            ) if req.etag.is_empty() && attempt < MAX_WRITE_ATTEMPTS => {
                tokio::time::sleep(crate::store::contention_pause(attempt)).await;
                continue;
            }
            Err(StoreError::MissingReference { .. }) => {
                return Err(ApiError::NotFound {
                    resource_type: ResourceKind::Product.type_name(),
                    name: product.to_string(),
                })
            }
            Err(e) => return Err(store_error(e)),
        }
    }
    unreachable!("the last attempt returns")
}

/// GetBundle.
pub fn get(store: &SharedStore, name: &str) -> Result<pb::Bundle, ApiError> {
    let (_, _, name) = parse_bundle("name", name)?;
    let stored = store
        .get(&name)
        .map_err(store_error)?
        .ok_or_else(|| ApiError::NotFound {
            resource_type: BUNDLE_TYPE,
            name: name.clone(),
        })?;
    to_pb(&stored)
}

/// ListBundles.
pub fn list(
    store: &SharedStore,
    req: &pb::ListBundlesRequest,
) -> Result<pb::ListBundlesResponse, ApiError> {
    let parent = crud::parse_name(ResourceKind::Product, "parent", &req.parent)?;
    crud::get_stored::<pb::Product>(store, &parent)?;
    let filter = format!("parent={parent}");
    let page = crud::list_every::<pb::Bundle>(
        store,
        &format!("{parent}/bundles"),
        req.page_size,
        &req.page_token,
        &filter,
    )?;
    Ok(pb::ListBundlesResponse {
        bundles: page.items,
        next_page_token: page.next_page_token,
        total_size: page.total_size,
    })
}

/// DeleteBundle.
pub async fn delete(store: &SharedStore, req: &pb::DeleteBundleRequest) -> Result<(), ApiError> {
    let (_, _, name) = parse_bundle("name", &req.name)?;
    for attempt in 1..=MAX_WRITE_ATTEMPTS {
        let current = {
            let name = name.clone();
            crud::with_store(store, move |s| s.get(&name).map_err(store_error)).await?
        }
        .ok_or_else(|| ApiError::NotFound {
            resource_type: BUNDLE_TYPE,
            name: name.clone(),
        })?;
        if !req.etag.is_empty() && req.etag != current.etag {
            return Err(ApiError::EtagMismatch {
                name,
                expected: req.etag.clone(),
                actual: current.etag,
            });
        }
        let ops = delete_bundle_ops(store, &current)?;
        match store
            .commit(ChangeSet {
                method: "glocal.v1.ProductService/DeleteBundle".into(),
                ops,
            })
            .await
        {
            Ok(_) => return Ok(()),
            Err(StoreError::EtagMismatch { .. } | StoreError::Referenced { .. })
                if attempt < MAX_WRITE_ATTEMPTS =>
            {
                continue
            }
            Err(e) => return Err(store_error(e)),
        }
    }
    unreachable!("the last attempt returns")
}

/// ReadBundleFile.
pub fn read_file(
    store: &SharedStore,
    req: &pb::ReadBundleFileRequest,
) -> Result<pb::ReadBundleFileResponse, ApiError> {
    let (_, _, name) = parse_bundle("name", &req.name)?;
    validate_bundle_path(&req.path).map_err(|e| ApiError::invalid_field("path", e))?;
    let bundle: BundleDoc =
        decode_body(&store.get(&name).map_err(store_error)?.ok_or_else(|| {
            ApiError::NotFound {
                resource_type: BUNDLE_TYPE,
                name: name.clone(),
            }
        })?)?;
    let file_name = bundle_file_name(&name, &req.path);
    let stored = store
        .get(&file_name)
        .map_err(store_error)?
        .ok_or_else(|| ApiError::NotFound {
            resource_type: "glocal.v1.BundleFile",
            name: format!("{name} file {}", req.path),
        })?;
    let doc: BundleFileDoc = decode_body(&stored)?;
    Ok(pb::ReadBundleFileResponse {
        diagnostics: bundle
            .diagnostics
            .iter()
            .filter(|d| d.file == doc.path)
            .map(diagnostic_to_pb)
            .collect(),
        path: doc.path,
        content: doc.content,
    })
}
