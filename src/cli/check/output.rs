//! Writing the reports asked for: files, then standard output.

use std::io::{IsTerminal, Write as _};
use std::path::Path;

use super::{ColorChoice, ReportArgs, StdoutFormat};
use crate::cli::report::{self, gate, texts, Report};

/// A report written to a file.
#[derive(Debug, Clone, Copy)]
pub(super) enum FileFormat {
    Json,
    Markdown,
    Junit,
    Sarif,
}

impl FileFormat {
    fn name(self) -> &'static str {
        match self {
            FileFormat::Json => "JSON",
            FileFormat::Markdown => "Markdown",
            FileFormat::Junit => "JUnit",
            FileFormat::Sarif => "SARIF",
        }
    }

    fn render(self, report: &Report, cwd: &Path, sarif_max_results: usize) -> String {
        match self {
            FileFormat::Json => report::json::render(report),
            FileFormat::Markdown => report::markdown::render(report),
            FileFormat::Junit => report::junit::render(report),
            FileFormat::Sarif => report::sarif::render(report, cwd, sarif_max_results),
        }
    }
}

/// Writes the reports asked for: files first (an unwritable path is an error,
/// exit 2), then standard output.
pub(super) fn write_outputs(args: &ReportArgs, report: &Report, cwd: &Path) -> anyhow::Result<()> {
    let mut stdout = String::new();
    let files = [
        (FileFormat::Json, &args.json),
        (FileFormat::Markdown, &args.markdown),
        (FileFormat::Junit, &args.junit),
        (FileFormat::Sarif, &args.sarif),
    ];
    for (format, path) in files {
        let Some(path) = path else { continue };
        let text = format.render(report, cwd, args.sarif_max_results);
        if path.as_os_str() == "-" {
            stdout.push_str(&text);
        } else {
            std::fs::write(path, text).map_err(|e| {
                anyhow::anyhow!(texts::cannot_write(
                    format.name(),
                    &path.display().to_string(),
                    &e.to_string()
                ))
            })?;
        }
    }
    if let (Some(path), Some(page)) = (&args.html, &report.html_page) {
        std::fs::write(path, page).map_err(|e| {
            anyhow::anyhow!(texts::cannot_write(
                "HTML",
                &path.display().to_string(),
                &e.to_string()
            ))
        })?;
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let main = match args.format {
        StdoutFormat::Text => report::text::render(report, color),
        StdoutFormat::Json => report::json::render(report),
        StdoutFormat::Markdown => report::markdown::render(report),
        StdoutFormat::Junit => report::junit::render(report),
        StdoutFormat::Sarif => report::sarif::render(report, cwd, args.sarif_max_results),
        StdoutFormat::None => String::new(),
    };
    let mut out = main;
    out.push_str(&stdout);
    if args.github {
        out.push_str(&report::github::render(report));
    }
    let mut lock = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error of the check.
    let _ = lock.write_all(out.as_bytes()).and_then(|()| lock.flush());
    if args.format != StdoutFormat::Text {
        eprintln!("{}", texts::summary_line(&gate::summary_counts(report)));
    }
    Ok(())
}
