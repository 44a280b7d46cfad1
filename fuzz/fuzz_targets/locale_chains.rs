//! Fuzz target `locale_chains`: `glocal::domain::LocaleTag::parse` of each
//! line of arbitrary UTF-8, then `glocal::coverage::fallback::serving_order`
//! of the first line's tag against the other lines' tags plus a fixed set of
//! bundles, under every `MatchPolicy`, checking it against `satisfies`,
//! `best_match` and `fallback_chain`, its independence of the bundles'
//! order, and the nesting of the policies: see `fuzz/src/locales.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        glocal_fuzz::locales::check(text);
    }
});
