//! # glocal
//!
//! A global market localization planner: a gRPC service that keeps markets,
//! regional requirements, products and their per-market variants in sled, and
//! (as the project grows) checks product roadmaps for locale coverage gaps in
//! Fluent bundles.
//!
//! ## Code map
//!
//! Layers, each using only those before it:
//!
//! - [`domain`]: the model and its validation (pure; no I/O, no proto types).
//! - [`coverage`]: locale coverage (pure): CLDR data, fallback chains, match policies.
//! - [`store`]: durable storage behind the narrow [`store::Store`] trait, with
//!   a sled implementation: compare-and-swap on etags, reference counts,
//!   revision history, group-committed flushes.
//! - [`api`]: the tonic services of `glocal.v1`, proto <-> domain conversions,
//!   the one mapping of errors to `tonic::Status`, and [`api::serve`].
//! - [`plan_file`]: the TOML plan file format, read into the API's
//!   `glocal.v1.Plan` with the position of every entry, and written back.
//! - [`cli`]: the `glocal` command line.
//!
//! [`l10n`] (glocal's own texts) and [`metrics`] (process-wide event
//! counters) use no other module, so any layer may use them.
//! [`handoff`] (the XLIFF 2.0, CSV and `.ftl` formats of the hand-off to
//! translators, which parse Fluent text) uses only `coverage`'s task types;
//! `api` and `cli` use it.
//!
//! `ARCHITECTURE.md` at the repository root lists the invariants.

pub mod api;
pub mod cli;
pub mod coverage;
pub mod dashboard;
pub mod domain;
pub mod handoff;
pub mod l10n;
pub mod metrics;
/// The TOML plan file that people write and review, to and from the API's
/// `glocal.v1.Plan`: beside the command line rather than inside it, because
/// `glocal import`, `glocal export` and `glocal check --plan` all read or
/// write it, and it converts to an API message (so it uses [`api`], and only
/// [`cli`] uses it).
pub mod plan_file;
pub mod store;
pub mod web;
