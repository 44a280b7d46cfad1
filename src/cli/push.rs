//! `glocal push`: uploads a tree of Fluent files, one folder per locale, to
//! the bundles of a product, and reports what the server found in them.

use std::{
    collections::BTreeMap,
    io::IsTerminal,
    path::{Path, PathBuf},
    sync::Arc,
    time::Instant,
};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::Semaphore;

use super::client::{describe_status, status_error};
use super::tree::{ftl_files, locale_folders, Layout};
use super::ServerUrl;
use crate::api::pb::glocal::v1::{self as pb, product_service_client::ProductServiceClient};
use crate::domain::LocaleTag;

/// Arguments of `glocal push`.
#[derive(Debug, clap::Args)]
pub struct PushArgs {
    /// The server, such as http://127.0.0.1:50051.
    #[arg(long, env = "GLOCAL_SERVER")]
    pub server: ServerUrl,
    /// The product, as an id or `products/{product}`.
    #[arg(long)]
    pub product: String,
    /// The directory holding the locale folders.
    pub dir: PathBuf,
    /// Where files sit under DIR: literal folders, then `{locale}` as a whole
    /// folder name, then a glob of the files' paths in the bundle.
    #[arg(long, default_value = "{locale}/**/*.ftl")]
    pub layout: String,
    /// Push only these locales (repeatable); default: every locale folder.
    #[arg(long = "locale", value_name = "LOCALE")]
    pub locales: Vec<String>,
    /// Keep bundle files that are not in the tree (default: the tree replaces each bundle).
    #[arg(long)]
    pub merge: bool,
    /// Most files per request (the server's limit; default 1000).
    #[arg(long, default_value_t = 1000)]
    pub max_files_per_request: usize,
    /// Most bytes of file text per request (keep under the server's request limit).
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_request_bytes: usize,
    /// Locales uploaded at the same time.
    #[arg(long, default_value_t = 4)]
    pub concurrency: usize,
    /// Print every diagnostic, not only the first 10 of each locale.
    #[arg(long)]
    pub all_diagnostics: bool,
}

/// The files of one locale, by bundle path.
type LocaleFiles = BTreeMap<String, PathBuf>;

/// Finds the locale folders and their files, as `glocal check` reads a tree
/// ([`locale_folders`]: `pt_BR/` is `pt-BR`, `ja-JP-mac/` is read as
/// `ja-JP`); the notes say which folders were skipped or read as another
/// tag.
fn scan(
    root: &Path,
    layout: &Layout,
) -> anyhow::Result<(BTreeMap<LocaleTag, LocaleFiles>, Vec<String>)> {
    let base = root.join(&layout.prefix);
    let mut notes = Vec::new();
    let folders = locale_folders(&base, None, &mut notes)?;
    let mut locales = BTreeMap::new();
    for (tag, folder) in folders {
        let files: LocaleFiles = ftl_files(&base.join(&folder.folder), Some(&layout.glob))?
            .into_iter()
            .collect();
        if !files.is_empty() {
            locales.insert(tag, files);
        }
    }
    let notes = notes.iter().map(|n| n.shown().to_string()).collect();
    Ok((locales, notes))
}

/// What happened to one locale.
struct Outcome {
    locale: LocaleTag,
    result: Result<pb::Bundle, String>,
}

async fn push_locale(
    mut client: ProductServiceClient<tonic::transport::Channel>,
    bundle: String,
    files: LocaleFiles,
    args: Arc<PushArgs>,
    progress: ProgressBar,
) -> Result<pb::Bundle, String> {
    let mut batch: Vec<pb::FileContent> = Vec::new();
    let mut batch_bytes = 0usize;
    let mut first = true;
    let mut last = None;
    let total = files.len();
    for (i, (path, file)) in files.into_iter().enumerate() {
        let content =
            std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let content = String::from_utf8(content)
            .map_err(|_| format!("{} is not UTF-8 text", file.display()))?;
        batch_bytes += content.len();
        batch.push(pb::FileContent { path, content });
        let full =
            batch.len() >= args.max_files_per_request || batch_bytes >= args.max_request_bytes;
        if full || i + 1 == total {
            let count = batch.len() as u64;
            let request = pb::WriteBundleFilesRequest {
                name: bundle.clone(),
                files: std::mem::take(&mut batch),
                replace: first && !args.merge,
                etag: String::new(),
            };
            let written = client
                .write_bundle_files(request)
                .await
                .map_err(|s| describe_status(&s))?;
            last = Some(written.into_inner());
            progress.inc(count);
            batch_bytes = 0;
            first = false;
        }
    }
    last.ok_or_else(|| "no files".to_string())
}

/// Runs `glocal push`.
pub async fn push(args: PushArgs) -> anyhow::Result<i32> {
    let started = Instant::now();
    let product = if args.product.starts_with("products/") {
        args.product.clone()
    } else {
        format!("products/{}", args.product)
    };
    let layout = Layout::parse(&args.layout)
        .map_err(|why| anyhow::anyhow!("--layout {:?}: {why}", args.layout))?;
    if !args.dir.is_dir() {
        anyhow::bail!("{} is not a directory", args.dir.display());
    }
    let (mut locales, skipped) = scan(&args.dir, &layout)?;
    if !args.locales.is_empty() {
        let wanted: Vec<LocaleTag> = args
            .locales
            .iter()
            .map(|l| LocaleTag::parse(l).map_err(|e| anyhow::anyhow!("--locale {l}: {e}")))
            .collect::<Result<_, _>>()?;
        for w in &wanted {
            if !locales.contains_key(w) {
                anyhow::bail!(
                    "--locale {w}: no folder {w}/ with files matching the layout under {}",
                    args.dir.display()
                );
            }
        }
        locales.retain(|l, _| wanted.contains(l));
    }
    if locales.is_empty() {
        anyhow::bail!(
            "no Fluent files matching {:?} under {}",
            args.layout,
            args.dir.display()
        );
    }
    for note in &skipped {
        eprintln!("{note}");
    }

    let channel = args.server.connect().await?;
    let mut client = ProductServiceClient::new(channel.clone());
    client
        .get_product(pb::GetProductRequest {
            name: product.clone(),
        })
        .await
        .map_err(|s| status_error(&format!("cannot push to {product}"), s))?;

    let file_count: usize = locales.values().map(BTreeMap::len).sum();
    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(file_count as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} files, {msg}",
            )
            .expect("the template is valid"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let args = Arc::new(args);
    let gate = Arc::new(Semaphore::new(args.concurrency.max(1)));
    let mut tasks = Vec::new();
    let locale_count = locales.len();
    for (locale, files) in locales {
        let bundle = format!("{product}/bundles/{locale}");
        let (client, args, progress, gate) = (
            client.clone(),
            Arc::clone(&args),
            progress.clone(),
            Arc::clone(&gate),
        );
        tasks.push(tokio::spawn(async move {
            let _permit = gate
                .acquire_owned()
                .await
                .expect("the semaphore is never closed");
            progress.set_message(locale.to_string());
            let result = push_locale(client, bundle, files, args, progress).await;
            Outcome { locale, result }
        }));
    }
    let mut outcomes = Vec::new();
    for t in tasks {
        outcomes.push(t.await.context("an upload task failed")?);
    }
    progress.finish_and_clear();

    let mut failed = 0;
    let mut diagnostics = 0;
    let mut words = 0i64;
    for o in &outcomes {
        match &o.result {
            Ok(bundle) => {
                let stats = bundle.stats.unwrap_or_default();
                words += i64::from(stats.words);
                diagnostics += bundle.diagnostics.len();
                if !bundle.diagnostics.is_empty() {
                    println!(
                        "{}: {} files, {} messages, {} diagnostics",
                        o.locale,
                        stats.files,
                        stats.messages,
                        bundle.diagnostics.len()
                    );
                    let shown = if args.all_diagnostics {
                        bundle.diagnostics.len()
                    } else {
                        10
                    };
                    for d in bundle.diagnostics.iter().take(shown) {
                        println!("  {}", diagnostic_line(&o.locale, d));
                    }
                    if bundle.diagnostics.len() > shown {
                        println!(
                            "  ... and {} more (--all-diagnostics shows them)",
                            bundle.diagnostics.len() - shown
                        );
                    }
                }
            }
            Err(e) => {
                failed += 1;
                println!("{}: upload failed: {e}", o.locale);
            }
        }
    }
    println!(
        "pushed {} of {} locales ({} files, {} words) to {product} in {:.1}s; {} diagnostics{}",
        locale_count - failed,
        locale_count,
        file_count,
        words,
        started.elapsed().as_secs_f64(),
        diagnostics,
        if failed > 0 {
            format!("; {failed} locales failed")
        } else {
            String::new()
        },
    );
    Ok(if failed > 0 { 2 } else { 0 })
}

/// One diagnostic as `glocal push` prints it: `fr/shop.ftl:3:1: message`, or,
/// for a syntax error whose entry is known, the entry's line and id first and
/// the parser's position after them: `fr/shop.ftl:2: syntax error in
/// checkout-total (parser at 3:1): message`.
fn diagnostic_line(locale: &LocaleTag, d: &pb::Diagnostic) -> String {
    let file = format!("{locale}/{}", d.file);
    if d.kind != pb::DiagnosticKind::SyntaxError as i32 || d.entry_line <= 0 {
        return format!("{file}:{}:{}: {}", d.line, d.column, d.message);
    }
    let entry = if d.message_id.is_empty() {
        String::new()
    } else {
        format!(" in {}", d.message_id)
    };
    format!(
        "{file}:{}: syntax error{entry} (parser at {}:{}): {}",
        d.entry_line, d.line, d.column, d.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostic_lines() {
        let fr = LocaleTag::parse("fr").unwrap();
        let syntax = pb::Diagnostic {
            file: "shop.ftl".into(),
            kind: pb::DiagnosticKind::SyntaxError as i32,
            line: 3,
            column: 1,
            end_line: 3,
            end_column: 2,
            message: "Expected a token starting with \"}\"".into(),
            message_id: "checkout-total".into(),
            entry_line: 2,
        };
        assert_eq!(
            diagnostic_line(&fr, &syntax),
            "fr/shop.ftl:2: syntax error in checkout-total (parser at 3:1): \
             Expected a token starting with \"}\""
        );
        let no_id = pb::Diagnostic {
            message_id: String::new(),
            ..syntax.clone()
        };
        assert_eq!(
            diagnostic_line(&fr, &no_id),
            "fr/shop.ftl:2: syntax error (parser at 3:1): Expected a token starting with \"}\""
        );
        // Without an entry line (a file refused unparsed, an old bundle): the
        // parser's position, as before.
        let unknown = pb::Diagnostic {
            entry_line: 0,
            ..syntax.clone()
        };
        assert_eq!(
            diagnostic_line(&fr, &unknown),
            "fr/shop.ftl:3:1: Expected a token starting with \"}\""
        );
        let duplicate = pb::Diagnostic {
            kind: pb::DiagnosticKind::DuplicateId as i32,
            line: 5,
            message: "duplicate id a, first defined at line 1".into(),
            message_id: "a".into(),
            entry_line: 0,
            ..syntax
        };
        assert_eq!(
            diagnostic_line(&fr, &duplicate),
            "fr/shop.ftl:5:1: duplicate id a, first defined at line 1"
        );
    }
}
