//! The AIP standard methods (Get, List, Create, Update, Delete), written once
//! for every [`Resource`].

use std::sync::Arc;

use prost_types::FieldMask;

use crate::domain::{ResourceKind, ResourceName, Violations};
use crate::l10n::Text;
use crate::store::{ChangeSet, Expect, Op, Store, StoreError, Stored};

use super::convert::{decode_body, to_pb, Resource};
use super::mask::apply_mask;
use super::paging::{paginate, Page};
use super::ApiError;

/// How often an update without an etag is retried when another writer wins.
const MAX_UNCONDITIONAL_RETRIES: usize = 16;

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

/// List: a page of the resources in `collection` that `keep` accepts;
/// `filter` names the filters so page tokens stay bound to them.
pub fn list<R: Resource>(
    store: &SharedStore,
    collection: &str,
    keep: impl Fn(&R::Domain) -> bool,
    page_size: i32,
    page_token: &str,
    filter: &str,
) -> Result<Page<R>, ApiError> {
    let matching: Vec<(Stored, R::Domain)> = list_all::<R>(store, collection)?
        .into_iter()
        .filter(|(_, d)| keep(d))
        .collect();
    let page = paginate(
        matching,
        |(s, _)| s.name.clone(),
        page_size,
        page_token,
        filter,
    )?;
    Ok(Page {
        items: page
            .items
            .into_iter()
            .map(|(s, d)| R::from_domain(d, &s))
            .collect(),
        next_page_token: page.next_page_token,
        total_size: page.total_size,
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
) -> Result<R, ApiError> {
    let domain = violations
        .merge(resource.into_domain(prefix))
        .map_err(ApiError::invalid)?;
    R::check_with_store(&domain, store, prefix)?;
    let body = serde_json::to_value(&domain).map_err(|e| ApiError::Internal(e.to_string()))?;
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
    to_pb(&written[0])
}

/// Update: applies the masked fields of `request` onto the stored resource,
/// validates the result and stores it if the resource has not changed since
/// it was read (or since the request's etag, when it has one).
pub async fn update<R: Resource>(
    store: &SharedStore,
    method: &str,
    request: Option<R>,
    mask: Option<&FieldMask>,
    prefix: &str,
) -> Result<R, ApiError> {
    let request =
        request.ok_or_else(|| ApiError::invalid_field(prefix, Text::new("validation-required")))?;
    let name = parse_name(R::KIND, &format!("{prefix}.name"), request.name())?;
    for attempt in 0.. {
        let current = get_stored::<R>(store, &name)?;
        if !request.etag().is_empty() && request.etag() != current.etag {
            return Err(ApiError::EtagMismatch {
                name: name.to_string(),
                expected: request.etag().to_string(),
                actual: current.etag,
            });
        }
        let mut merged: R = to_pb(&current)?;
        apply_mask(&mut merged, &request, mask, &R::mask_fields())?;
        let domain = merged.into_domain(prefix).map_err(ApiError::invalid)?;
        R::check_with_store(&domain, store, prefix)?;
        let body = serde_json::to_value(&domain).map_err(|e| ApiError::Internal(e.to_string()))?;
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
            Ok(written) => return to_pb(&written[0]),
            Err(StoreError::EtagMismatch { .. })
                if request.etag().is_empty() && attempt < MAX_UNCONDITIONAL_RETRIES =>
            {
                continue
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
