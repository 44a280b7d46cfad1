//! The gRPC API: tonic services of package `glocal.v1`, the conversions
//! between proto and domain types, the one mapping of errors to
//! `tonic::Status`, and [`serve`].
//!
//! Proto types ([`pb`]) are used only in this layer and by clients.

mod bundles;
mod convert;
mod coverage;
mod crud;
mod error;
mod language;
mod markets;
mod mask;
mod paging;
mod planning;
mod products;
mod revisions;
mod server;
mod trace;

pub use bundles::BundleLimits;
pub use error::{ApiError, ERROR_DOMAIN};
pub use markets::MarketApi;
pub use planning::PlanningApi;
pub use products::ProductApi;
pub use revisions::RevisionApi;
pub use server::{serve, serve_with, ServeConfig, ServeError};

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

/// Proto → domain conversions with the server's validation, for clients that
/// check plans offline (`glocal check --plan`). Fields are named under
/// `prefix`, as in the server's field violations.
pub mod from_pb {
    use super::convert::Resource;
    use super::pb::glocal::v1 as pb;
    use crate::domain::planning::{Launch, Roadmap};
    use crate::domain::{self, ResourceName, Violations};

    /// A market.
    pub fn market(m: pb::Market, prefix: &str) -> Result<domain::Market, Violations> {
        m.into_domain(prefix)
    }

    /// A requirement.
    pub fn requirement(
        r: pb::Requirement,
        prefix: &str,
    ) -> Result<domain::Requirement, Violations> {
        r.into_domain(prefix)
    }

    /// A product.
    pub fn product(p: pb::Product, prefix: &str) -> Result<domain::Product, Violations> {
        p.into_domain(prefix)
    }

    /// A variant.
    pub fn variant(v: pb::Variant, prefix: &str) -> Result<domain::Variant, Violations> {
        v.into_domain(prefix)
    }

    /// A launch of `product`.
    pub fn launch(
        l: pb::Launch,
        product: &ResourceName,
        prefix: &str,
    ) -> Result<Launch, Violations> {
        super::convert::launch_from_pb(l, product, prefix)
    }

    /// A roadmap.
    pub fn roadmap(r: pb::Roadmap, prefix: &str) -> Result<Roadmap, Violations> {
        r.into_domain(prefix)
    }
}
