//! `glocal import` and `glocal export`: a plan file (TOML, the format of
//! [`crate::plan_file`]) sent to a server's `ImportPlan`, all or nothing, with
//! what the server rejects shown at its place in the file; and a product's
//! `ExportPlan` written back as a plan file.

use std::{
    fmt::Write as _,
    io::Write as _,
    path::{Path, PathBuf},
};

use anyhow::Context as _;

use crate::api::pb::glocal::v1 as pb;
use crate::plan_file::{render_plan, PlanSource, Problem};

use super::client::{field_violations, status_error};
use super::ServerUrl;

/// Arguments of `glocal import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The plan file (TOML): markets, requirements, the product with its variants, launches and roadmaps (`glocal export` writes one).
    pub plan: PathBuf,
    /// The server, such as http://127.0.0.1:50051.
    #[arg(long, env = "GLOCAL_SERVER")]
    pub server: ServerUrl,
    /// Only check the plan against the server; change nothing.
    #[arg(long)]
    pub validate_only: bool,
    /// List every resource name, not only the counts.
    #[arg(short, long)]
    pub verbose: bool,
}

/// Arguments of `glocal export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The server, such as http://127.0.0.1:50051.
    #[arg(long, env = "GLOCAL_SERVER")]
    pub server: ServerUrl,
    /// The product, as an id or `products/{product}`.
    #[arg(long)]
    pub product: String,
    /// Write the plan to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// At most this many names are listed after the summary without `--verbose`.
const SHORT_LIST: usize = 10;

/// Runs `glocal import`.
pub async fn import(args: ImportArgs) -> anyhow::Result<i32> {
    let file = args.plan.display().to_string();
    let text = std::fs::read_to_string(&args.plan)
        .map_err(|e| anyhow::anyhow!("cannot read plan file {file}: {e}"))?;
    let source = match PlanSource::parse(&text) {
        Ok(source) => source,
        Err(problems) => {
            for p in &problems {
                eprint!("{}", p.render(&file, &text));
            }
            eprintln!(
                "error: {file} is not a valid plan file ({}); nothing was sent",
                count(problems.len(), "problem")
            );
            return Ok(2);
        }
    };
    let mut client = args.server.connect().await?.planning();
    let request = pb::ImportPlanRequest {
        plan: Some(source.plan.clone()),
        validate_only: args.validate_only,
    };
    let response = match client.import_plan(request).await {
        Ok(response) => response.into_inner(),
        Err(status) => {
            let violations = field_violations(&status);
            if status.code() != tonic::Code::InvalidArgument || violations.is_empty() {
                return Err(status_error(&format!("cannot import {file}"), status));
            }
            for v in &violations {
                let problem = Problem {
                    span: source.locate(&v.field),
                    message: format!("{}: {}", v.field, v.description),
                };
                eprint!("{}", problem.render(&file, &text));
            }
            eprintln!(
                "error: the server rejected {file} ({}); nothing was changed",
                count(violations.len(), "problem")
            );
            return Ok(2);
        }
    };
    print!(
        "{}",
        import_summary(&file, &response, args.validate_only, args.verbose)
    );
    Ok(0)
}

/// Runs `glocal export`.
pub async fn export(args: ExportArgs) -> anyhow::Result<i32> {
    let product = if args.product.contains('/') {
        args.product.clone()
    } else {
        format!("products/{}", args.product)
    };
    let mut client = args.server.connect().await?.planning();
    let plan = client
        .export_plan(pb::ExportPlanRequest {
            product: product.clone(),
        })
        .await
        .map_err(|status| status_error(&format!("cannot export {product}"), status))?
        .into_inner();
    let text = render_plan(&plan)?;
    match &args.output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .context("cannot write the plan to standard output")?;
        }
        Some(path) => {
            write_file(path, &text)?;
            eprintln!("wrote the plan of {product} to {}", path.display());
        }
    }
    Ok(0)
}

/// Writes `text` to `path` through a temporary file beside it, so that a
/// failed export never leaves half a plan.
fn write_file(path: &Path, text: &str) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(".tmp");
    let tmp = path.with_file_name(tmp_name);
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            anyhow::anyhow!("cannot write {}: {e}", path.display())
        })
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The lines printed after a successful import.
fn import_summary(
    file: &str,
    r: &pb::ImportPlanResponse,
    validate_only: bool,
    verbose: bool,
) -> String {
    let (created, updated, unchanged, kept) = (
        r.created.len(),
        r.updated.len(),
        r.unchanged.len(),
        r.kept.len(),
    );
    let kept_note = if kept > 0 {
        format!(", kept {kept} existing preset resources")
    } else {
        String::new()
    };
    let mut out = if validate_only {
        format!(
            "{file} is valid; an import would give created {created}, updated {updated}, \
             unchanged {unchanged}{kept_note} (--validate-only: nothing was changed)\n"
        )
    } else {
        format!("imported {file}: created {created}, updated {updated}, unchanged {unchanged}{kept_note}\n")
    };
    let total = created + updated + unchanged + kept;
    if verbose || total <= SHORT_LIST {
        let (c, u) = if validate_only {
            ("would create", "would update")
        } else {
            ("created", "updated")
        };
        for (verb, names) in [
            (c, &r.created),
            (u, &r.updated),
            ("unchanged", &r.unchanged),
            ("kept", &r.kept),
        ] {
            for name in names {
                let _ = writeln!(out, "  {verb} {name}");
            }
        }
    } else if total > 0 {
        out.push_str("  (use --verbose to list the names)\n");
    }
    out
}
