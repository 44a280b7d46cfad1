//! The plan file format: TOML that people write and review, converted to and
//! from the API's `glocal.v1.Plan`.
//!
//! A plan file is one product with its variants, launches and roadmaps, plus
//! the markets and requirements they use. `examples/plan.toml` is the
//! reference of the format, with a comment on every key. In short:
//!
//! - Resources are named by id where the kind is obvious: `[[market]] id =
//!   "shop-fi"` is `markets/shop-fi`, a variant's `markets = ["shop-fi"]`, a
//!   launch's `variant = "eu"` is a variant of the plan's product, a waiver's
//!   `requirement = "germany-impressum"`. A reference holding a `/` is taken
//!   as a full resource name.
//! - Enums are short words (`kind = "LEGAL_LANGUAGE"`, `phase = "GA"`), dates
//!   are TOML local dates (`2027-01-01`), a jurisdiction is `{ country =
//!   "FI" }`, `{ subdivision = "CA-QC" }` or `{ bloc = "EU" }`.
//! - Unknown keys, wrong types and bad dates are errors with the position in
//!   the file; what the server rejects is pointed back to the entry too.
//!
//! [`PlanSource::parse`](crate::plan_file::PlanSource::parse) turns the text
//! into a `glocal.v1.Plan` and
//! [`PlanSource::locate`](crate::plan_file::PlanSource::locate) finds the
//! entry a field violation of that plan names;
//! [`render_plan`](crate::plan_file::render_plan) writes a plan back in the
//! same format, deterministically, leaving out fields at their default, so
//! that export → import → export is byte for byte the same.
//!
//! The module only converts: it validates nothing beyond the file's shape
//! (`api::validate_plan` is the one validation of a plan's content) and does
//! no I/O. Its messages are English, like the TOML parser's it passes on.
//!
//! - `schema`: the document as serde reads it, and its conversion to a plan.
//! - `parse`: text to a [`PlanSource`](crate::plan_file::PlanSource),
//!   [`Problem`](crate::plan_file::Problem)s with positions.
//! - `render`: a plan to text.

mod parse;
mod render;
mod schema;

pub use parse::{PlanSource, Problem};
pub use render::render_plan;

/// Why a plan cannot be written as a plan file: it holds something the format
/// cannot say. The plan comes from a server (`ExportPlan`), so each says what
/// the server sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// The plan has no product, and a plan file describes one product.
    #[error("the server sent a plan without a product")]
    NoProduct,
    /// An enum value this build of glocal does not know (a newer server), so
    /// it has no word for it.
    #[error(
        "the server sent {enum_name} value {raw}, which this glocal does not know; update glocal"
    )]
    UnknownValue {
        /// The proto enum, such as `RequirementKind`.
        enum_name: &'static str,
        /// The value sent.
        raw: i32,
    },
}
