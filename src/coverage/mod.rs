//! The coverage engine's locale layer: Unicode CLDR data and the fallback
//! chains and match policies of DESIGN §3.
//!
//! A pure library: the CLDR data is compiled in (`src/data/cldr/cldr.json`,
//! generated from `cldr-core`), nothing does I/O.
//!
//! - [`cldr`]: parent locales, likely subtags and default content, official
//!   languages per territory, plural categories.
//! - [`fallback`]: [`fallback_chain`], [`satisfies`] and [`best_match`].

pub mod checks;
pub mod cldr;
pub mod fallback;
pub mod finding;
pub mod forecast;
pub mod parallel;
pub mod roadmap;
pub mod serve;
pub mod tasks;

pub use fallback::{best_match, fallback_chain, satisfies, serving_order, Match};
