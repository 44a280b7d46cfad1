//! The AIP standard methods (Get, List, Create, Update, Delete), written once
//! for every [`Resource`].
//!
//! Store calls block (sled, collection walks): async code runs them with
//! [`blocking`] or [`with_store`], on tokio's blocking pool, so that a long
//! one never holds up the async workers. The synchronous functions here are
//! for such blocking work; [`create`], [`update`] and [`delete`] do it
//! themselves.

use std::{ops::ControlFlow, sync::Arc};

use prost_types::FieldMask;

use crate::domain::{ResourceKind, ResourceName, Violations};
use crate::l10n::Text;
use crate::store::{ChangeSet, Expect, Op, Store, StoreError, Stored};

use super::convert::{decode_body, to_pb, Resource};
use super::mask::apply_mask;
use super::paging::{self, Page, PageRequest};
use super::ApiError;

/// How often an update without an etag is retried when another writer wins
/// (each after a [`crate::store::contention_pause`]): enough that 120 updates
/// of one market at once, through two replicas on etcd, all apply.
const MAX_UNCONDITIONAL_RETRIES: usize = 64;

/// Shared access to the store for the services.
pub type SharedStore = Arc<dyn Store>;

/// Parses the `field` of a request as a resource name of `kind`.
pub fn parse_name(kind: ResourceKind, field: &str, value: &str) -> Result<ResourceName, ApiError> {
    if value.is_empty() {
        return Err(ApiError::invalid_field(
            field,
            Text::new("request-name-required").text("pattern", kind.pattern()),
        ));
    }
    ResourceName::parse_text(kind, value).map_err(|e| ApiError::invalid_field(field, e))
}

/// The violations of the new resource id in the `field` of a create request
/// (none when it is valid), to be reported with the resource's own.
pub fn new_id(field: &str, value: &str) -> Violations {
    match crate::domain::validate_resource_id(value) {
        Ok(()) => Violations::new(),
        Err(e) => Violations::single(field, e),
    }
}

/// The resource of a create request, with the request's violations found so
/// far; when it is missing, INVALID_ARGUMENT with those violations and its own.
pub fn required_besides<T>(
    value: Option<T>,
    field: &str,
    mut violations: Violations,
) -> Result<(T, Violations), ApiError> {
    match value {
        Some(value) => Ok((value, violations)),
        None => {
            violations.add(field, Text::new("validation-required"));
            Err(ApiError::invalid(violations))
        }
    }
}

/// Reads the stored document `name` of kind `R`, or NOT_FOUND.
pub fn get_stored<R: Resource>(
    store: &SharedStore,
    name: &ResourceName,
) -> Result<Stored, ApiError> {
    store
        .get(name.as_str())
        .map_err(|e| ApiError::from_store(R::KIND.type_name(), e))?
        .ok_or_else(|| ApiError::NotFound {
            resource_type: R::KIND.type_name(),
            name: name.to_string(),
        })
}

/// Get: the resource `name`.
pub fn get<R: Resource>(store: &SharedStore, name: &str) -> Result<R, ApiError> {
    let name = parse_name(R::KIND, "name", name)?;
    to_pb(&get_stored::<R>(store, &name)?)
}

/// The domain values of every resource in `collection`, with their stored form.
pub fn list_all<R: Resource>(
    store: &SharedStore,
    collection: &str,
) -> Result<Vec<(Stored, R::Domain)>, ApiError> {
    store
        .list(collection, None)
        .map_err(|e| ApiError::from_store(R::KIND.type_name(), e))?
        .into_iter()
        .map(|s| decode_body(&s).map(|d| (s, d)))
        .collect()
}

/// Runs blocking `work` (store calls, collection walks, parsing) on tokio's
/// blocking pool, off the async workers. The work returns an [`ApiError`],
/// which the caller turns into a `Status` in its own task, where the
/// caller's language is known.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::Internal(format!("blocking work failed: {e}")))?
}

/// [`blocking`] work given the store.
pub async fn with_store<T: Send + 'static>(
    store: &SharedStore,
    work: impl FnOnce(&SharedStore) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let store = Arc::clone(store);
    blocking(move || work(&store)).await
}

/// List: a page of the resources in `collection` that `keep` accepts;
/// `filter` names the filters so page tokens stay bound to them.
///
/// The page reads from its token's position until it is full (plus one
/// match, to know whether another page follows). `total_size` needs every
/// match counted: the first page reads the whole collection, and its token
/// carries the count to the next pages, which reuse it while the store is
/// unchanged. A list without filters should use [`list_every`], which never
/// reads more than its page.
pub fn list<R: Resource>(
    store: &SharedStore,
    collection: &str,
    keep: impl Fn(&R::Domain) -> bool,
    page_size: i32,
    page_token: &str,
    filter: &str,
) -> Result<Page<R>, ApiError> {
    let request = paging::page_request(page_size, page_token, filter)?;
    let generation = store.generation();
    let (rows, more, total) = match request.total_at(generation) {
        Some(total) => {
            let (rows, more) = read_page::<R>(store, collection, &request, &keep)?;
            (rows, more, total)
        }
        None => {
            let (rows, more, total) = read_page_counting::<R>(store, collection, &request, &keep)?;
            (rows, more, total)
        }
    };
    finish_page(rows, more, total, filter, Some(generation))
}

/// List without filters: a page of the resources in `collection`, reading
/// only the page (and one more document, to know whether another page
/// follows); `total_size` is the collection's size, which the store knows
/// without reading it. `filter` binds page tokens to the request's other
/// fields (such as its parent).
pub fn list_every<R: Resource>(
    store: &SharedStore,
    collection: &str,
    page_size: i32,
    page_token: &str,
    filter: &str,
) -> Result<Page<R>, ApiError> {
    let request = paging::page_request(page_size, page_token, filter)?;
    let total = store
        .count(collection)
        .map_err(|e| ApiError::from_store(R::KIND.type_name(), e))?;
    let (rows, more) = read_page::<R>(store, collection, &request, &|_| true)?;
    finish_page(
        rows,
        more,
        i32::try_from(total).unwrap_or(i32::MAX),
        filter,
        None,
    )
}

type Rows<R> = Vec<(Stored, <R as Resource>::Domain)>;

/// Reads the matches of the page `request` asks for, from its position on,
/// until it is full; and whether another match follows.
fn read_page<R: Resource>(
    store: &SharedStore,
    collection: &str,
    request: &PageRequest,
    keep: &dyn Fn(&R::Domain) -> bool,
) -> Result<(Rows<R>, bool), ApiError> {
    let start_after = match &request.after {
        Some(after) => Some(paging::id_after(collection, after)?),
        None => None,
    };
    let mut rows = Vec::new();
    let mut more = false;
    let mut failure = None;
    store
        .scan(collection, start_after, &mut |stored| {
            match decode_body::<R::Domain>(&stored) {
                Ok(domain) if keep(&domain) => {
                    if rows.len() == request.size {
                        more = true;
                        return ControlFlow::Break(());
                    }
                    rows.push((stored, domain));
                }
                Ok(_) => {}
                Err(e) => {
                    failure = Some(e);
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        })
        .map_err(|e| ApiError::from_store(R::KIND.type_name(), e))?;
    match failure {
        Some(e) => Err(e),
        None => Ok((rows, more)),
    }
}

/// Like [`read_page`], reading the whole collection to count every match.
fn read_page_counting<R: Resource>(
    store: &SharedStore,
    collection: &str,
    request: &PageRequest,
    keep: &dyn Fn(&R::Domain) -> bool,
) -> Result<(Rows<R>, bool, i32), ApiError> {
    if let Some(after) = &request.after {
        paging::id_after(collection, after)?;
    }
    let mut rows = Vec::new();
    let mut more = false;
    let mut total = 0i32;
    let mut failure = None;
    store
        .scan(collection, None, &mut |stored| {
            match decode_body::<R::Domain>(&stored) {
                Ok(domain) if keep(&domain) => {
                    total = total.saturating_add(1);
                    let on_page = request
                        .after
                        .as_ref()
                        .is_none_or(|after| stored.name > *after);
                    if on_page {
                        if rows.len() == request.size {
                            more = true;
                        } else {
                            rows.push((stored, domain));
                        }
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    failure = Some(e);
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        })
        .map_err(|e| ApiError::from_store(R::KIND.type_name(), e))?;
    match failure {
        Some(e) => Err(e),
        None => Ok((rows, more, total)),
    }
}

/// The page of `rows`, with the next page's token if `more` follow.
fn finish_page<R: Resource>(
    rows: Rows<R>,
    more: bool,
    total: i32,
    filter: &str,
    generation: Option<u64>,
) -> Result<Page<R>, ApiError> {
    let next_page_token = match (more, rows.last()) {
        (true, Some((last, _))) => {
            paging::next_page_token(&last.name, filter, generation.map(|g| (g, total)))?
        }
        _ => String::new(),
    };
    Ok(Page {
        items: rows
            .into_iter()
            .map(|(s, d)| R::from_domain(d, &s))
            .collect(),
        next_page_token,
        total_size: total,
    })
}

/// Maps a store error of a write of `R`, turning a missing reference into the
/// field violation or NOT_FOUND that fits it.
fn write_error<R: Resource>(
    e: StoreError,
    prefix: &str,
    request: &R::Domain,
    name: &ResourceName,
) -> ApiError {
    match e {
        StoreError::MissingReference { target, .. } => {
            if name.parent().is_some_and(|p| p.as_str() == target) {
                return ApiError::NotFound {
                    resource_type: ResourceKind::Product.type_name(),
                    name: target,
                };
            }
            match R::reference_field(request, &target, prefix) {
                Some(field) => ApiError::invalid_field(
                    field,
                    Text::new("request-reference-not-found").text("name", target),
                ),
                None => ApiError::Internal(format!("{name} references missing {target}")),
            }
        }
        other => ApiError::from_store(R::KIND.type_name(), other),
    }
}

/// Create: validates `resource` and stores it as `name`. `violations` are
/// those the request's other fields already have (such as its new id); they
/// are reported together with the resource's, all at once.
pub async fn create<R: Resource>(
    store: &SharedStore,
    method: &str,
    name: ResourceName,
    resource: R,
    prefix: &str,
    violations: Violations,
) -> Result<R, ApiError>
where
    R::Domain: Send + 'static,
{
    let domain = violations
        .merge(resource.into_domain(prefix))
        .map_err(ApiError::invalid)?;
    let domain = {
        let prefix = prefix.to_string();
        with_store(store, move |store| {
            R::check_with_store(&domain, store, &prefix)?;
            Ok(domain)
        })
        .await?
    };
    let body =
        crate::store::Body::encode(&domain).map_err(|e| ApiError::Internal(e.to_string()))?;
    let refs = R::refs(&domain, &name);
    let change = ChangeSet {
        method: method.to_string(),
        ops: vec![Op::Put {
            name: name.to_string(),
            expect: Expect::Absent,
            refs,
            body,
        }],
    };
    let written = store
        .commit(change)
        .await
        .map_err(|e| write_error::<R>(e, prefix, &domain, &name))?;
    first_written(&written)
}

/// The resource of the first document a commit wrote.
fn first_written<R: Resource>(written: &[Stored]) -> Result<R, ApiError> {
    match written.first() {
        Some(stored) => to_pb(stored),
        None => Err(ApiError::Internal("a commit wrote no document".into())),
    }
}

/// Update: applies the masked fields of `request` onto the stored resource,
/// validates the result and stores it if the resource has not changed since
/// it was read (or since the request's etag, when it has one).
pub async fn update<R: Resource + 'static>(
    store: &SharedStore,
    method: &str,
    request: Option<R>,
    mask: Option<&FieldMask>,
    prefix: &str,
) -> Result<R, ApiError>
where
    R::Domain: Send + 'static,
{
    let request =
        request.ok_or_else(|| ApiError::invalid_field(prefix, Text::new("validation-required")))?;
    let name = parse_name(R::KIND, &format!("{prefix}.name"), request.name())?;
    for attempt in 0.. {
        // Reading, merging and the checks against the store: blocking work.
        let (current, domain) = {
            let (request, mask, name, prefix) = (
                request.clone(),
                mask.cloned(),
                name.clone(),
                prefix.to_string(),
            );
            with_store(store, move |store| {
                let current = get_stored::<R>(store, &name)?;
                if !request.etag().is_empty() && request.etag() != current.etag {
                    return Err(ApiError::EtagMismatch {
                        name: name.to_string(),
                        expected: request.etag().to_string(),
                        actual: current.etag,
                    });
                }
                let mut merged: R = to_pb(&current)?;
                apply_mask(&mut merged, &request, mask.as_ref(), &R::mask_fields())?;
                let domain = merged.into_domain(&prefix).map_err(ApiError::invalid)?;
                R::check_with_store(&domain, store, &prefix)?;
                Ok((current, domain))
            })
            .await?
        };
        let body =
            crate::store::Body::encode(&domain).map_err(|e| ApiError::Internal(e.to_string()))?;
        let change = ChangeSet {
            method: method.to_string(),
            ops: vec![Op::Put {
                name: name.to_string(),
                expect: Expect::Etag(current.etag.clone()),
                refs: R::refs(&domain, &name),
                body,
            }],
        };
        match store.commit(change).await {
            Ok(written) => return first_written(&written),
            Err(StoreError::EtagMismatch { .. })
                if request.etag().is_empty() && attempt < MAX_UNCONDITIONAL_RETRIES =>
            {
                tokio::time::sleep(crate::store::contention_pause(attempt)).await;
                continue;
            }
            Err(e) => return Err(write_error::<R>(e, prefix, &domain, &name)),
        }
    }
    unreachable!("the retry loop returns")
}

/// Delete: removes `name` (if unchanged since `etag`, when given).
pub async fn delete<R: Resource>(
    store: &SharedStore,
    method: &str,
    name: &str,
    etag: &str,
) -> Result<(), ApiError> {
    let name = parse_name(R::KIND, "name", name)?;
    let expect = if etag.is_empty() {
        Expect::Exists
    } else {
        Expect::Etag(etag.to_string())
    };
    let change = ChangeSet {
        method: method.to_string(),
        ops: vec![Op::Delete {
            name: name.to_string(),
            expect,
        }],
    };
    store
        .commit(change)
        .await
        .map(|_| ())
        .map_err(|e| ApiError::from_store(R::KIND.type_name(), e))
}

/// A request field that must be set; `INVALID_ARGUMENT` naming it otherwise.
pub fn required<T>(value: Option<T>, field: &str) -> Result<T, ApiError> {
    value.ok_or_else(|| {
        ApiError::invalid(Violations::single(field, Text::new("validation-required")))
    })
}
