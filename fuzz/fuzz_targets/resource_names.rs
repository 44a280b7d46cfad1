//! Fuzz target `resource_names`: `glocal::domain::ResourceName::parse` (and
//! `parse_text`) for every `ResourceKind`, `parse_any` and
//! `validate_resource_id` on arbitrary UTF-8, rendering every error in each
//! of glocal's languages and checking what a parsed name promises (its
//! kind, id, parent, JSON round trip): see `fuzz/src/names.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        glocal_fuzz::names::check(text);
    }
});
