//! `glocal pseudo`: a pseudolocalized copy of Fluent files
//! ([`crate::domain::pseudo`]), so that engineers can test a UI before its
//! translations exist: push the copy as a bundle of a pseudo-locale, or load
//! it in the application.

use std::path::PathBuf;

use anyhow::bail;

use crate::cli::report::texts;
use crate::domain::pseudo::{pseudolocalize, Pseudo};
use crate::tr;

/// Arguments of `glocal pseudo`.
#[derive(Debug, clap::Args)]
pub struct PseudoArgs {
    /// A `.ftl` file (written to standard output without --out) or a folder
    /// of them (written under --out, keeping their paths).
    #[arg(value_name = "FILE.ftl|DIR")]
    pub input: PathBuf,
    /// accented (`Ħeeŀŀoo`, a third longer) or bidi (`Hǝʅʅo`, for a
    /// right-to-left layout).
    #[arg(long, value_enum, default_value_t = Transform::Accented)]
    pub transform: Transform,
    /// Where to write the pseudolocalized files.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// A transform on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Transform {
    /// Accented and elongated Latin letters.
    Accented,
    /// Flipped letters, for a right-to-left layout.
    Bidi,
}

impl From<Transform> for Pseudo {
    fn from(t: Transform) -> Pseudo {
        match t {
            Transform::Accented => Pseudo::Accented,
            Transform::Bidi => Pseudo::Bidi,
        }
    }
}

/// Runs `glocal pseudo`; returns the exit status.
pub fn pseudo(args: &PseudoArgs) -> anyhow::Result<i32> {
    let pseudo = Pseudo::from(args.transform);
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path).map_err(|e| {
            anyhow::anyhow!(texts::cannot_read(
                &path.display().to_string(),
                &e.to_string()
            ))
        })
    };
    let files: Vec<(String, PathBuf)> = if args.input.is_dir() {
        super::tree::ftl_files(&args.input, None)?
    } else {
        let name = args
            .input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        vec![(name, args.input.clone())]
    };
    let Some(out) = &args.out else {
        if args.input.is_dir() {
            bail!(tr!("pseudo-needs-out"));
        }
        print!("{}", pseudolocalize(&read(&args.input)?, pseudo));
        return Ok(0);
    };
    for (relative, path) in &files {
        let target = out.join(relative);
        let text = pseudolocalize(&read(path)?, pseudo);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| cannot_write(parent, &e))?;
        }
        std::fs::write(&target, text).map_err(|e| cannot_write(&target, &e))?;
    }
    println!(
        "{}",
        tr!(
            "pseudo-written",
            "files" => files.len(),
            "transform" => pseudo.name(),
            "out" => out.display().to_string(),
        )
    );
    Ok(0)
}

fn cannot_write(path: &std::path::Path, error: &std::io::Error) -> anyhow::Error {
    anyhow::anyhow!(tr!(
        "handoff-cannot-write",
        "path" => path.display().to_string(),
        "error" => error.to_string(),
    ))
}
