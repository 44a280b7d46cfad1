//! The gRPC API: tonic services of package `glocal.v1`, the conversions
//! between proto and domain types, the one mapping of errors to
//! `tonic::Status`, and [`serve`].
//!
//! Proto types ([`pb`]) are used only in this layer and by clients.

pub mod auth;
mod backup;
mod bundles;
pub mod codec;
mod convert;
mod coverage;
mod crud;
mod dashboard;
mod error;
mod handoff;
mod language;
pub mod limits;
mod markets;
mod mask;
pub mod metrics;
mod paging;
mod plan_validation;
mod planning;
mod products;
mod revisions;
mod server;
mod trace;

pub use backup::AdminApi;
pub use bundles::BundleLimits;
pub use coverage::{
    date_of_pb, forecast_from_pb, need_reason_from_pb, severity_from_pb, task_from_pb,
    todo_from_pb, waived_from_pb, Cancellation, CheckCache,
};
pub use dashboard::{roadmap_name, BundleReport, CheckSettings, DashboardReads, ProductPlan};
pub use error::{ApiError, ERROR_DOMAIN};
pub use markets::MarketApi;
pub use plan_validation::{validate_plan, Offline, Outside, ValidPlan};
pub use planning::PlanningApi;
pub use products::ProductApi;
pub use revisions::RevisionApi;
pub use server::{serve, serve_with, ServeConfig, ServeError, TlsFiles};

/// Generated protobuf and gRPC code.
pub mod pb {
    /// `glocal.*`
    pub mod glocal {
        /// `glocal.v1`: the glocal API.
        #[allow(missing_docs, clippy::all)]
        pub mod v1 {
            tonic::include_proto!("glocal.v1");
        }
    }
    /// `google.*` types used by the API.
    pub mod google {
        /// `google.type`: common value types.
        #[allow(missing_docs, clippy::all)]
        pub mod r#type {
            include!(concat!(env!("OUT_DIR"), "/google.r#type.rs"));
        }
    }
    /// Encoded descriptors of the API and of the error details it sends, for reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/glocal_descriptor.bin"));
}
