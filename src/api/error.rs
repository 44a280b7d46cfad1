//! The API's error type and its one mapping to `tonic::Status` with rich
//! error details (`google.rpc.ErrorInfo` always, plus `BadRequest`,
//! `ResourceInfo` or `PreconditionFailure` as fits), and
//! `google.rpc.LocalizedMessage` in the caller's language when the call sent
//! `accept-language` (see [`super::language`]). `Status.message` stays in
//! English, for developers and logs, as AIP-193 asks.

use std::collections::HashMap;

use tonic::{Code, Status};
use tonic_types::{ErrorDetails, FieldViolation, LocalizedMessage, StatusExt};

use crate::domain::{Violations, AMAZON_MARKETPLACES};
use crate::l10n::Texts;
use crate::store::StoreError;
use crate::tr_in;

/// `google.rpc.ErrorInfo.domain` of every glocal error.
pub const ERROR_DOMAIN: &str = "glocal";

/// The `google.rpc.RetryInfo` delay of a STORE_UNAVAILABLE error: about
/// when a failing store next checks whether its disk takes writes again.
const STORE_RETRY_DELAY: std::time::Duration = std::time::Duration::from_secs(2);

/// Why an RPC failed.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request has invalid fields (`reason` such as `INVALID_FIELD`).
    #[error("invalid request: {violations}")]
    InvalidArgument {
        /// Stable ErrorInfo reason.
        reason: &'static str,
        /// The invalid fields.
        violations: Violations,
    },
    /// The named resource does not exist.
    #[error("{name} does not exist")]
    NotFound {
        /// Proto type of the resource, such as `glocal.v1.Market`.
        resource_type: &'static str,
        /// The resource name.
        name: String,
    },
    /// A resource of that name exists already.
    #[error("{name} already exists")]
    AlreadyExists {
        /// Proto type of the resource.
        resource_type: &'static str,
        /// The resource name.
        name: String,
    },
    /// The resource changed since the etag the caller sent.
    #[error("{name} has changed since it was read (etag {expected:?}, now {actual:?}); read it again and retry")]
    EtagMismatch {
        /// The resource name.
        name: String,
        /// The caller's etag.
        expected: String,
        /// The current etag.
        actual: String,
    },
    /// The resource cannot be deleted while others reference it.
    #[error("{name} is still used by {}; change or delete those first", referrers.join(", "))]
    InUse {
        /// The resource name.
        name: String,
        /// Who uses it.
        referrers: Vec<String>,
    },
    /// The call has no token, or one the server does not know.
    #[error("{method} needs a valid bearer token in the authorization metadata")]
    Unauthenticated {
        /// `MISSING_TOKEN` or `UNKNOWN_TOKEN`.
        reason: &'static str,
        /// The method called, `glocal.v1.MarketService/CreateMarket`.
        method: String,
    },
    /// The caller's role may not call the method.
    #[error("{principal} ({role}) may not call {method}: it needs the {needed} role")]
    PermissionDenied {
        /// Who called.
        principal: String,
        /// The caller's role.
        role: &'static str,
        /// The role the method needs.
        needed: &'static str,
        /// The method called.
        method: String,
    },
    /// The request's bytes are not the request message (such as a string
    /// field that is not UTF-8).
    #[error("the request does not decode: {detail}")]
    Undecodable {
        /// prost's words.
        detail: String,
    },
    /// The call was gone (deadline passed, client left) before its work
    /// ended; the work stopped.
    #[error("the call was cancelled before its work ended")]
    Cancelled,
    /// The call took longer than the server's limit per call.
    #[error("the call took longer than the server's limit of {timeout_secs} s")]
    DeadlineExceeded {
        /// The limit, in seconds.
        timeout_secs: u64,
    },
    /// The server is working on as many calls as it takes; retry shortly.
    #[error("the server is busy ({max_in_flight} calls in flight); retry in a moment")]
    Overloaded {
        /// The limit of calls in flight.
        max_in_flight: usize,
    },
    /// The store is failing with I/O errors (a full disk, a lost device) or
    /// recovering from them: the call may succeed if retried later. The
    /// detail is logged, not sent.
    #[error("the server's storage is unavailable; retry later")]
    StoreUnavailable(String),
    /// The change does not fit one transaction of the store (etcd's
    /// operations and bytes per transaction): nothing was written.
    #[error(
        "the change needs {operations} operations and {bytes} bytes in one transaction of the \
         store, which accepts {max_operations} operations and {max_bytes} bytes: send a smaller \
         change, or raise etcd's --max-txn-ops and --max-request-bytes and glocal's \
         --etcd-max-txn-ops and --etcd-max-request-bytes"
    )]
    ChangeTooLarge {
        /// Operations the change needs.
        operations: usize,
        /// The store's limit of operations.
        max_operations: usize,
        /// The change's size in bytes.
        bytes: usize,
        /// The store's limit of bytes.
        max_bytes: usize,
    },
    /// A failure inside the server; details are logged, not sent.
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// An INVALID_ARGUMENT error with reason `INVALID_FIELD`.
    pub fn invalid(violations: Violations) -> Self {
        ApiError::InvalidArgument {
            reason: "INVALID_FIELD",
            violations,
        }
    }

    /// An INVALID_ARGUMENT error about one field.
    pub fn invalid_field(
        field: impl Into<String>,
        description: impl Into<crate::domain::Description>,
    ) -> Self {
        Self::invalid(Violations::single(field, description))
    }

    /// The stable ErrorInfo reason of the error.
    pub fn reason(&self) -> &'static str {
        match self {
            ApiError::InvalidArgument { reason, .. } => reason,
            ApiError::NotFound { .. } => "RESOURCE_NOT_FOUND",
            ApiError::AlreadyExists { .. } => "RESOURCE_ALREADY_EXISTS",
            ApiError::EtagMismatch { .. } => "ETAG_MISMATCH",
            ApiError::InUse { .. } => "RESOURCE_IN_USE",
            ApiError::Unauthenticated { reason, .. } => reason,
            ApiError::PermissionDenied { .. } => "ROLE_REQUIRED",
            ApiError::Overloaded { .. } => "SERVER_OVERLOADED",
            ApiError::DeadlineExceeded { .. } => "REQUEST_TIMEOUT",
            ApiError::Undecodable { .. } => "UNDECODABLE_REQUEST",
            ApiError::Cancelled => "CANCELLED",
            ApiError::StoreUnavailable(_) => "STORE_UNAVAILABLE",
            ApiError::ChangeTooLarge { .. } => "CHANGE_TOO_LARGE",
            ApiError::Internal(_) => "INTERNAL",
        }
    }

    /// The error's message for a person, in `texts`' language: what went
    /// wrong and what to do, naming resources and fields as they are.
    pub fn localized_message(&self, texts: Texts) -> String {
        match self {
            ApiError::InvalidArgument { reason, violations } => match *reason {
                "UNKNOWN_PRESET" => {
                    tr_in!(texts, "api-unknown-preset", "presets" => AMAZON_MARKETPLACES)
                }
                "INVALID_PAGE_TOKEN" => tr_in!(texts, "api-invalid-page-token"),
                _ => {
                    // Each field once, in the order of its first violation.
                    let mut fields: Vec<&str> = Vec::new();
                    for v in violations.list() {
                        if !fields.contains(&v.field.as_str()) {
                            fields.push(&v.field);
                        }
                    }
                    tr_in!(
                        texts,
                        "api-invalid-request",
                        "count" => fields.len(),
                        "fields" => fields.join(", "),
                    )
                }
            },
            ApiError::NotFound { name, .. } => {
                tr_in!(texts, "api-not-found", "name" => name.as_str())
            }
            ApiError::AlreadyExists { name, .. } => {
                tr_in!(texts, "api-already-exists", "name" => name.as_str())
            }
            ApiError::EtagMismatch { name, .. } => {
                tr_in!(texts, "api-etag-mismatch", "name" => name.as_str())
            }
            ApiError::InUse { name, referrers } => tr_in!(
                texts,
                "api-in-use",
                "name" => name.as_str(),
                "referrers" => referrers.join(", "),
            ),
            ApiError::Unauthenticated { method, .. } => {
                tr_in!(texts, "api-unauthenticated", "method" => method.as_str())
            }
            ApiError::PermissionDenied {
                principal,
                role,
                needed,
                method,
            } => tr_in!(
                texts,
                "api-permission-denied",
                "principal" => principal.as_str(),
                "role" => *role,
                "needed" => *needed,
                "method" => method.as_str(),
            ),
            ApiError::Overloaded { .. } => tr_in!(texts, "api-overloaded"),
            ApiError::Undecodable { .. } => tr_in!(texts, "api-undecodable"),
            ApiError::Cancelled => tr_in!(texts, "api-cancelled"),
            ApiError::DeadlineExceeded { timeout_secs } => {
                tr_in!(texts, "api-deadline-exceeded", "seconds" => *timeout_secs)
            }
            ApiError::StoreUnavailable(_) => tr_in!(texts, "api-store-unavailable"),
            ApiError::ChangeTooLarge {
                operations,
                max_operations,
                bytes,
                max_bytes,
            } => tr_in!(
                texts,
                "api-change-too-large",
                "operations" => *operations,
                "max_operations" => *max_operations,
                "bytes" => *bytes,
                "max_bytes" => *max_bytes,
            ),
            ApiError::Internal(_) => tr_in!(texts, "api-internal"),
        }
    }

    /// Maps a store error about the resource of proto type `resource_type`.
    pub fn from_store(resource_type: &'static str, e: StoreError) -> Self {
        match e {
            StoreError::NotFound { name } => ApiError::NotFound {
                resource_type,
                name,
            },
            StoreError::AlreadyExists { name } => ApiError::AlreadyExists {
                resource_type,
                name,
            },
            StoreError::EtagMismatch {
                name,
                expected,
                actual,
            } => ApiError::EtagMismatch {
                name,
                expected,
                actual,
            },
            StoreError::Referenced { name, referrers } => ApiError::InUse { name, referrers },
            StoreError::MissingReference { from, target } => ApiError::Internal(format!(
                "unchecked missing reference from {from} to {target}"
            )),
            StoreError::Unavailable(detail) => ApiError::StoreUnavailable(detail),
            StoreError::TooLarge {
                operations,
                max_operations,
                bytes,
                max_bytes,
            } => ApiError::ChangeTooLarge {
                operations,
                max_operations,
                bytes,
                max_bytes,
            },
            StoreError::Backend(detail) | StoreError::Open(detail) => ApiError::Internal(detail),
        }
    }
}

impl From<ApiError> for Status {
    fn from(e: ApiError) -> Status {
        let code = match &e {
            ApiError::InvalidArgument { .. } => Code::InvalidArgument,
            ApiError::NotFound { .. } => Code::NotFound,
            ApiError::AlreadyExists { .. } => Code::AlreadyExists,
            ApiError::EtagMismatch { .. } => Code::Aborted,
            ApiError::InUse { .. } => Code::FailedPrecondition,
            ApiError::Unauthenticated { .. } => Code::Unauthenticated,
            ApiError::PermissionDenied { .. } => Code::PermissionDenied,
            ApiError::Overloaded { .. } => Code::Unavailable,
            ApiError::DeadlineExceeded { .. } => Code::DeadlineExceeded,
            ApiError::Undecodable { .. } => Code::InvalidArgument,
            ApiError::Cancelled => Code::Cancelled,
            ApiError::StoreUnavailable(_) => Code::Unavailable,
            ApiError::ChangeTooLarge { .. } => Code::ResourceExhausted,
            ApiError::Internal(_) => Code::Internal,
        };
        let mut details = ErrorDetails::new();
        let mut metadata = HashMap::new();
        match &e {
            ApiError::InvalidArgument { violations, .. } => {
                let caller = super::language::caller_texts();
                let list: Vec<FieldViolation> = violations
                    .list()
                    .iter()
                    .map(|v| {
                        let mut violation =
                            FieldViolation::new(v.field.clone(), v.description.clone());
                        if let (Some(texts), Some(text)) = (caller, &v.text) {
                            violation.localized_message = Some(LocalizedMessage::new(
                                texts.language().to_string(),
                                text.render(texts),
                            ));
                        }
                        violation
                    })
                    .collect();
                if !list.is_empty() {
                    details.set_bad_request(list);
                }
            }
            ApiError::NotFound {
                resource_type,
                name,
            }
            | ApiError::AlreadyExists {
                resource_type,
                name,
            } => {
                metadata.insert("resource".to_string(), name.clone());
                details.set_resource_info(*resource_type, name.clone(), "", e.to_string());
            }
            ApiError::EtagMismatch { name, actual, .. } => {
                metadata.insert("resource".to_string(), name.clone());
                metadata.insert("current_etag".to_string(), actual.clone());
            }
            ApiError::InUse { name, referrers } => {
                metadata.insert("resource".to_string(), name.clone());
                for r in referrers {
                    details.add_precondition_failure_violation(
                        "REFERENCED_BY",
                        r.clone(),
                        format!("{r} uses {name}"),
                    );
                }
            }
            ApiError::DeadlineExceeded { timeout_secs } => {
                metadata.insert("timeout_secs".to_string(), timeout_secs.to_string());
            }
            ApiError::Cancelled => {}
            ApiError::Undecodable { detail } => {
                tracing::warn!(%detail, "a request did not decode");
            }
            ApiError::Overloaded { max_in_flight } => {
                metadata.insert("max_in_flight".to_string(), max_in_flight.to_string());
                details.set_retry_info(Some(std::time::Duration::from_secs(1)));
            }
            ApiError::Unauthenticated { method, .. } => {
                metadata.insert("method".to_string(), method.clone());
            }
            ApiError::PermissionDenied {
                principal,
                role,
                needed,
                method,
            } => {
                metadata.insert("method".to_string(), method.clone());
                metadata.insert("principal".to_string(), principal.clone());
                metadata.insert("role".to_string(), (*role).to_string());
                metadata.insert("required_role".to_string(), (*needed).to_string());
            }
            ApiError::ChangeTooLarge {
                operations,
                max_operations,
                bytes,
                max_bytes,
            } => {
                for (key, value) in [
                    ("operations", operations),
                    ("max_txn_ops", max_operations),
                    ("bytes", bytes),
                    ("max_request_bytes", max_bytes),
                ] {
                    metadata.insert(key.to_string(), value.to_string());
                }
            }
            ApiError::StoreUnavailable(detail) => {
                tracing::warn!(%detail, "storage unavailable");
                details.set_retry_info(Some(STORE_RETRY_DELAY));
            }
            ApiError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
            }
        }
        details.set_error_info(e.reason(), ERROR_DOMAIN, metadata);
        if let Some(texts) = super::language::caller_texts() {
            details.set_localized_message(texts.language().to_string(), e.localized_message(texts));
        }
        Status::with_error_details(code, e.to_string(), details)
    }
}
