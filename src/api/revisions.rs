//! `glocal.v1.RevisionService`: the change history of every resource.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use prost_types::Any;
use tonic::{Request, Response, Status};

use crate::domain::{ResourceKind, ResourceName};
use crate::l10n::Text;
use crate::store::Stored;

use super::convert::{timestamp, to_pb, Resource};
use super::crud::{self, SharedStore};
use super::paging::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use super::pb::glocal::v1::{self as pb, revision_service_server::RevisionService};
use super::ApiError;

/// The RevisionService implementation.
pub struct RevisionApi {
    store: SharedStore,
}

impl RevisionApi {
    /// A service over `store`.
    pub fn new(store: SharedStore) -> Self {
        RevisionApi { store }
    }
}

fn pack<R: Resource>(stored: &Stored) -> Result<Any, ApiError> {
    let message: R = to_pb(stored)?;
    Ok(Any {
        type_url: format!("type.googleapis.com/{}", R::KIND.type_name()),
        value: message.encode_to_vec(),
    })
}

fn pack_any(kind: ResourceKind, stored: Option<&Stored>) -> Result<Option<Any>, ApiError> {
    let Some(stored) = stored else {
        return Ok(None);
    };
    match kind {
        ResourceKind::Market => pack::<pb::Market>(stored),
        ResourceKind::Requirement => pack::<pb::Requirement>(stored),
        ResourceKind::Product => pack::<pb::Product>(stored),
        ResourceKind::Variant => pack::<pb::Variant>(stored),
        ResourceKind::Bundle => pack::<pb::Bundle>(stored),
        ResourceKind::Launch => pack::<pb::Launch>(stored),
        ResourceKind::Roadmap => pack::<pb::Roadmap>(stored),
    }
    .map(Some)
}

fn invalid_token() -> ApiError {
    ApiError::InvalidArgument {
        reason: "INVALID_PAGE_TOKEN",
        violations: crate::domain::Violations::single(
            "page_token",
            Text::new("request-revision-page-token-invalid"),
        ),
    }
}

#[tonic::async_trait]
impl RevisionService for RevisionApi {
    async fn list_revisions(
        &self,
        request: Request<pb::ListRevisionsRequest>,
    ) -> Result<Response<pb::ListRevisionsResponse>, Status> {
        let req = request.into_inner();
        // Reading revisions is blocking work: off the async workers.
        Ok(Response::new(
            crud::with_store(&self.store, move |store| list_revisions(store, &req)).await?,
        ))
    }
}

/// ListRevisions: a page of the revisions of `req.parent`, read from the
/// token's position on (at most a page and one more). Blocking work.
fn list_revisions(
    store: &SharedStore,
    req: &pb::ListRevisionsRequest,
) -> Result<pb::ListRevisionsResponse, ApiError> {
    let name =
        ResourceName::parse_any(&req.parent).map_err(|e| ApiError::invalid_field("parent", e))?;
    let kind = name
        .kind()
        .ok_or_else(|| ApiError::Internal(format!("resource name {name} of no known kind")))?;
    if req.page_size < 0 {
        return Err(ApiError::invalid_field(
            "page_size",
            Text::new("request-not-negative"),
        ));
    }
    let size = match req.page_size as usize {
        0 => DEFAULT_PAGE_SIZE,
        n => n.min(MAX_PAGE_SIZE),
    };
    // The token is the last revision's sequence number, which is bound to
    // nothing but the parent, so it needs no filter fingerprint.
    let after = if req.page_token.is_empty() {
        None
    } else {
        let bytes = URL_SAFE_NO_PAD
            .decode(&req.page_token)
            .map_err(|_| invalid_token())?;
        let text = String::from_utf8(bytes).map_err(|_| invalid_token())?;
        let (parent, seq) = text.rsplit_once('@').ok_or_else(invalid_token)?;
        if parent != name.as_str() {
            return Err(invalid_token());
        }
        Some(seq.parse::<u64>().map_err(|_| invalid_token())?)
    };
    let mut records = store
        .revisions(name.as_str(), after, size + 1)
        .map_err(|e| ApiError::from_store(kind.type_name(), e))?;
    if records.is_empty() && after.is_none() {
        return Err(ApiError::NotFound {
            resource_type: kind.type_name(),
            name: name.to_string(),
        });
    }
    let has_more = records.len() > size;
    records.truncate(size);
    let next_page_token = match (has_more, records.last()) {
        (true, Some(last)) => URL_SAFE_NO_PAD.encode(format!("{}@{}", name, last.seq)),
        _ => String::new(),
    };
    let revisions = records
        .iter()
        .map(|r| {
            Ok(pb::Revision {
                name: format!("{}/revisions/{}", name, r.seq),
                method: r.method.clone(),
                principal: r.actor.clone().unwrap_or_default(),
                create_time: timestamp(r.time_nanos),
                before: pack_any(kind, r.before.as_ref())?,
                after: pack_any(kind, r.after.as_ref())?,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(pb::ListRevisionsResponse {
        revisions,
        next_page_token,
    })
}
