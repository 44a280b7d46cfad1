//! Fuzz target `plan_file`: `glocal::plan_file::PlanSource::parse` on
//! arbitrary UTF-8, then `Problem::render` of its problems, or
//! `PlanSource::locate`, the offline `glocal::api::validate_plan` and
//! `glocal::plan_file::render_plan` of what parsed, checking that a rendered
//! plan parses again and renders to the same bytes, and that a valid plan
//! survives its file unchanged: see `fuzz/src/plan.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        glocal_fuzz::plan::check(text);
    }
});
