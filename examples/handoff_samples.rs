//! Writes the XLIFF of every test sample to `out/` (or the directory given):
//! `<name>.xlf` as exported and `<name>.fr.xlf` with targets filled in
//! ("FR " + source, placeholders kept), plus `all.xlf` / `all.fr.xlf`.
//!
//! Run: `cargo run --example handoff_samples -- out`, then
//! `python3 tests/e2e/validate_xliff.py out/*.xlf`.

#[path = "../tests/common/handoff_samples.rs"]
mod common;

use std::path::PathBuf;
use std::process::ExitCode;

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "out".to_string()));
    std::fs::create_dir_all(&dir)?;
    let mut written = 0;
    let mut write = |name: &str,
                     handoff: &glocal::handoff::Handoff|
     -> Result<(), Box<dyn std::error::Error>> {
        let xliff = glocal::handoff::write_xliff(handoff)?;
        let filled = common::fill(&xliff, common::prefix_fr);
        // The filled file must import cleanly.
        glocal::handoff::read_xliff(&filled).map_err(|e| format!("{name}: {e:?}"))?;
        std::fs::write(dir.join(format!("{name}.xlf")), &xliff)?;
        std::fs::write(dir.join(format!("{name}.fr.xlf")), &filled)?;
        written += 2;
        Ok(())
    };
    for (name, ..) in common::SAMPLES {
        write(name, &common::single(name))?;
    }
    write("all", &common::handoff())?;
    println!("wrote {written} files to {}", dir.display());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
