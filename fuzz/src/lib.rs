//! The checks behind glocal's fuzz targets, shared with the regression tests.
//!
//! Each `fuzz_targets/*.rs` is a thin libFuzzer wrapper around one function
//! here; `tests/fuzz_regressions.rs` includes this file with `#[path]` and
//! runs the same function on every input a fuzz run once crashed on, so a
//! fixed bug stays fixed. The modules use only the `glocal` crate and
//! dependencies the root crate already has (`serde_json`, `prost`,
//! `prost-types`, `tokio`, `tonic`), never `libfuzzer-sys` or `arbitrary`.
//!
//! Every check panics on a broken invariant, which libFuzzer reports as a
//! crash and a `#[test]` as a failure.

#![allow(dead_code)]

pub mod ftl;
pub mod locales;
pub mod masks;
pub mod names;
pub mod plan;

/// Renders `text` in each of glocal's languages (error texts carry the fuzzed
/// input as arguments, and formatting them must not panic either).
pub fn render_everywhere(text: &glocal::l10n::Text) {
    for language in glocal::l10n::Texts::available() {
        let texts = glocal::l10n::Texts::negotiate(&[language]);
        let _ = text.render(texts);
    }
}
