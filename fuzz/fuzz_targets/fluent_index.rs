//! Fuzz target `fluent_index`: `glocal::domain::ftl::index_file` on arbitrary
//! UTF-8 (other input is skipped), on a thread with the server's 2 MiB
//! stack, checking the index's invariants (positions inside the file, word
//! sums, leaf-variant bounds, duplicate ids, JSON round trip): see
//! `fuzz/src/ftl.rs`.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run fluent_index` from the repository root,
//! or `fuzz/run.sh SECONDS` for every target.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        glocal_fuzz::ftl::check(text);
    }
});
