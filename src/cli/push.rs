//! `glocal push`: uploads a tree of Fluent files, one folder per locale, to
//! the bundles of a product, and reports what the server found in them.
//!
//! [`Push`] reads the tree and uploads it, printing nothing but a progress
//! bar on a terminal's standard error, and returns a [`PushOutcome`]; the
//! command prints it on standard output, `glocal check --push` on standard
//! error.

use std::{
    collections::BTreeMap,
    fmt::Write as _,
    io::IsTerminal,
    path::{Path, PathBuf},
    sync::Arc,
    time::{Duration, Instant},
};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::sync::Semaphore;
use tonic_types::StatusExt as _;

use super::client::{describe_status, status_error, Connection};
use super::tree::{ftl_files, locale_folders, Layout};
use super::ServerUrl;
use crate::api::pb::glocal::v1::{self as pb, product_service_client::ProductServiceClient};
use crate::domain::LocaleTag;

/// `--layout`'s default: each locale's folder under DIR, every `.ftl` file
/// below it.
const DEFAULT_LAYOUT: &str = "{locale}/**/*.ftl";
/// `--max-files-per-request`'s default, the server's default limit.
const DEFAULT_MAX_FILES_PER_REQUEST: usize = 1000;
/// `--max-request-bytes`'s default, half the server's default request limit.
const DEFAULT_MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;
/// `--concurrency`'s default.
const DEFAULT_CONCURRENCY: usize = 4;

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
    #[arg(long, default_value = DEFAULT_LAYOUT)]
    pub layout: String,
    /// Push only these locales (repeatable); default: every locale folder.
    #[arg(long = "locale", value_name = "LOCALE")]
    pub locales: Vec<String>,
    /// Keep bundle files that are not in the tree (default: the tree replaces each bundle).
    #[arg(long)]
    pub merge: bool,
    /// Most files per request (the server's limit; default 1000).
    #[arg(long, default_value_t = DEFAULT_MAX_FILES_PER_REQUEST)]
    pub max_files_per_request: usize,
    /// Most bytes of file text per request (keep under the server's request limit).
    #[arg(long, default_value_t = DEFAULT_MAX_REQUEST_BYTES)]
    pub max_request_bytes: usize,
    /// Locales uploaded at the same time.
    #[arg(long, default_value_t = DEFAULT_CONCURRENCY)]
    pub concurrency: usize,
    /// Print every diagnostic, not only the first 10 of each locale.
    #[arg(long)]
    pub all_diagnostics: bool,
}

impl PushArgs {
    /// A push of the tree `dir` to `product` with every option at its
    /// default, as `glocal check --push` uploads.
    pub fn new(server: ServerUrl, product: String, dir: PathBuf) -> PushArgs {
        PushArgs {
            server,
            product,
            dir,
            layout: DEFAULT_LAYOUT.to_string(),
            locales: Vec::new(),
            merge: false,
            max_files_per_request: DEFAULT_MAX_FILES_PER_REQUEST,
            max_request_bytes: DEFAULT_MAX_REQUEST_BYTES,
            concurrency: DEFAULT_CONCURRENCY,
            all_diagnostics: false,
        }
    }
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

/// A push ready to run: its arguments checked and the tree read, nothing
/// sent yet. Split from [`Push::run`] so that the caller can show the notes
/// about the tree before it connects, and connect in its own way
/// (`glocal check --push` connects once for the push and the check).
#[derive(Debug)]
pub struct Push {
    args: Arc<PushArgs>,
    /// `products/{product}`.
    product: String,
    locales: BTreeMap<LocaleTag, LocaleFiles>,
    notes: Vec<String>,
    started: Instant,
}

impl Push {
    /// Checks the arguments and reads the tree under `args.dir`: fails on a
    /// bad `--layout` or `--locale`, a missing directory, or a tree without
    /// Fluent files, before anything is sent.
    pub fn prepare(args: PushArgs) -> anyhow::Result<Push> {
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
        let (mut locales, notes) = scan(&args.dir, &layout)?;
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
        Ok(Push {
            args: Arc::new(args),
            product,
            locales,
            notes,
            started,
        })
    }

    /// The folders of the tree that were skipped or read as another tag, one
    /// line each, for the caller to show (on standard error) before the
    /// upload.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Uploads the tree: checks that the product exists, then writes each
    /// locale's files in batches, `--concurrency` locales at a time, with a
    /// progress bar on standard error when it is a terminal (hidden
    /// otherwise). Prints nothing else. Fails only on what stops the whole
    /// push (no such product, an upload task that died); a locale whose
    /// upload fails is said in the outcome.
    pub async fn run(self, connection: &Connection) -> anyhow::Result<PushOutcome> {
        let Push {
            args,
            product,
            locales,
            started,
            ..
        } = self;
        let mut client = connection.products();
        let source_locale = client
            .get_product(pb::GetProductRequest {
                name: product.clone(),
            })
            .await
            .map_err(|s| status_error(&format!("cannot push to {product}"), s))?
            .into_inner()
            .source_locale;

        let file_count: usize = locales.values().map(BTreeMap::len).sum();
        let progress = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(
                Some(file_count as u64),
                ProgressDrawTarget::stderr(),
            );
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
        let gate = Arc::new(Semaphore::new(args.concurrency.max(1)));
        let mut tasks: Vec<tokio::task::JoinHandle<LocaleOutcome>> = Vec::new();
        let mut outcomes = Vec::new();
        // The source first, alone: the coverage snapshot the server records
        // with each other locale's write measures it against the source.
        let (source, others): (Vec<_>, Vec<_>) = locales
            .into_iter()
            .partition(|(locale, _)| locale.to_string() == source_locale);
        let source_first = !source.is_empty();
        for (n, (locale, files)) in source.into_iter().chain(others).enumerate() {
            if n == 1 && source_first {
                if let Some(first) = tasks.pop() {
                    outcomes.push(first.await.context("an upload task failed")?);
                }
            }
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
                let files_of_locale = files.len();
                let result = push_locale(client, bundle, files, args, progress)
                    .await
                    .map(|bundle| Written {
                        stats: bundle.stats.unwrap_or_default(),
                        diagnostics: bundle.diagnostics,
                    });
                LocaleOutcome {
                    locale,
                    files: files_of_locale,
                    result,
                }
            }));
        }
        for t in tasks {
            outcomes.push(t.await.context("an upload task failed")?);
        }
        outcomes.sort_by(|a, b| a.locale.cmp(&b.locale));
        progress.finish_and_clear();
        Ok(PushOutcome {
            product,
            locales: outcomes,
            elapsed: started.elapsed(),
        })
    }
}

/// Uploads one locale's files to its bundle in batches of at most
/// `--max-files-per-request` files and `--max-request-bytes` bytes, the first
/// replacing the bundle unless `--merge`; the bundle after the last batch.
///
/// A batch the server's store cannot take in one transaction
/// (`RESOURCE_EXHAUSTED`, reason `CHANGE_TOO_LARGE`: an etcd store's
/// `--max-txn-ops` or `--max-request-bytes`) is sent again in halves, down to
/// one file. Halves are written with merge, so that one half's replace does
/// not remove the files of the other; when the bundle was to be replaced, a
/// last request then sends the whole tree with replace, which writes only
/// the bundle and removes the files not in the tree (files already as sent
/// are not written again).
async fn push_locale(
    mut client: ProductServiceClient<super::client::Authorized>,
    bundle: String,
    files: LocaleFiles,
    args: Arc<PushArgs>,
    progress: ProgressBar,
) -> Result<pb::Bundle, String> {
    let mut all: Vec<pb::FileContent> = Vec::with_capacity(files.len());
    for (path, file) in files {
        let content =
            std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let content = String::from_utf8(content)
            .map_err(|_| format!("{} is not UTF-8 text", file.display()))?;
        all.push(pb::FileContent { path, content });
    }
    let mut batches: Vec<Vec<pb::FileContent>> = Vec::new();
    let (mut batch, mut batch_bytes) = (Vec::new(), 0usize);
    for file in &all {
        batch_bytes += file.content.len();
        batch.push(file.clone());
        if batch.len() >= args.max_files_per_request || batch_bytes >= args.max_request_bytes {
            batches.push(std::mem::take(&mut batch));
            batch_bytes = 0;
        }
    }
    if !batch.is_empty() {
        batches.push(batch);
    }
    let mut upload = Upload {
        client: &mut client,
        bundle: &bundle,
        progress: &progress,
        split: false,
    };
    let mut last = None;
    for (i, batch) in batches.into_iter().enumerate() {
        last = Some(upload.send(batch, i == 0 && !args.merge).await?);
    }
    if upload.split && !args.merge {
        let bytes: usize = all.iter().map(|f| f.content.len()).sum();
        if all.len() > args.max_files_per_request || bytes > args.max_request_bytes {
            return Err(format!(
                "the files were written, but the bundle's files that are not in the tree were \
                 kept: removing them takes one request with the whole tree ({} files, {bytes} \
                 bytes), more than --max-files-per-request {} or --max-request-bytes {}; \
                 delete the bundle (DeleteBundle) and push again, or push with --merge",
                all.len(),
                args.max_files_per_request,
                args.max_request_bytes
            ));
        }
        let request = pb::WriteBundleFilesRequest {
            name: bundle.clone(),
            files: all,
            replace: true,
            etag: String::new(),
        };
        let written = client.write_bundle_files(request).await.map_err(|s| {
            format!(
                "the files were written, but removing the bundle's files that are not in \
                 the tree failed (push again with --merge to keep them): {}",
                describe_status(&s)
            )
        })?;
        last = Some(written.into_inner());
    }
    last.ok_or_else(|| "no files".to_string())
}

/// The requests of one locale's upload.
struct Upload<'a> {
    client: &'a mut ProductServiceClient<super::client::Authorized>,
    bundle: &'a str,
    progress: &'a ProgressBar,
    /// Whether a batch had to be sent in parts.
    split: bool,
}

impl Upload<'_> {
    /// Writes `files` in one request, or in halves when the store refuses
    /// the change as too large for one transaction (see [`push_locale`]).
    async fn send(
        &mut self,
        files: Vec<pb::FileContent>,
        replace: bool,
    ) -> Result<pb::Bundle, String> {
        let mut pending = vec![(files, replace)];
        let mut last = None;
        while let Some((files, replace)) = pending.pop() {
            let count = files.len() as u64;
            let request = pb::WriteBundleFilesRequest {
                name: self.bundle.to_string(),
                files: files.clone(),
                replace,
                etag: String::new(),
            };
            match self.client.write_bundle_files(request).await {
                Ok(written) => {
                    last = Some(written.into_inner());
                    self.progress.inc(count);
                }
                Err(status) if files.len() > 1 && too_large_for_one_change(&status) => {
                    self.split = true;
                    let mut first = files;
                    let second = first.split_off(first.len() / 2);
                    // A stack: the first half goes first.
                    pending.push((second, false));
                    pending.push((first, false));
                }
                Err(status) => return Err(describe_status(&status)),
            }
        }
        last.ok_or_else(|| "no files".to_string())
    }
}

/// Whether the server refused a change as larger than its store's
/// transactions hold (reason `CHANGE_TOO_LARGE`).
fn too_large_for_one_change(status: &tonic::Status) -> bool {
    status.code() == tonic::Code::ResourceExhausted
        && status
            .get_error_details()
            .error_info()
            .is_some_and(|info| info.reason == "CHANGE_TOO_LARGE")
}

/// What a push did, for the caller to show: `glocal push` prints it on
/// standard output, `glocal check --push` on standard error, so that the
/// check's report alone is on standard output.
#[derive(Debug)]
pub struct PushOutcome {
    /// The product pushed to, `products/{product}`.
    pub product: String,
    /// Each locale of the tree, in tag order.
    pub locales: Vec<LocaleOutcome>,
    /// From reading the tree to the last answer.
    pub elapsed: Duration,
}

/// What happened to one locale of a push.
#[derive(Debug)]
pub struct LocaleOutcome {
    /// The locale, which names its bundle.
    pub locale: LocaleTag,
    /// The files of the tree for the locale (all written when `result` is
    /// `Ok`).
    pub files: usize,
    /// The bundle as the server indexed it, or why the upload failed (the
    /// batches before the failure are written).
    pub result: Result<Written, String>,
}

/// A locale's bundle after its upload.
#[derive(Debug)]
pub struct Written {
    /// Counts over the whole bundle (with the files `--merge` kept).
    pub stats: pb::BundleStats,
    /// Every diagnostic of the bundle's files, in path and line order; the
    /// locale is the [`LocaleOutcome`]'s.
    pub diagnostics: Vec<pb::Diagnostic>,
}

impl PushOutcome {
    /// Whether a locale failed to upload (`glocal push` then exits with 2,
    /// `glocal check --push` checks nothing).
    pub fn failed(&self) -> bool {
        self.failed_locales() > 0
    }

    /// How many locales failed to upload.
    pub fn failed_locales(&self) -> usize {
        self.locales.iter().filter(|l| l.result.is_err()).count()
    }

    /// The files written, over the locales whose upload succeeded (a failed
    /// locale's files are not counted as pushed).
    pub fn files(&self) -> usize {
        self.locales
            .iter()
            .filter(|l| l.result.is_ok())
            .map(|l| l.files)
            .sum()
    }

    /// The words of the bundles written.
    pub fn words(&self) -> i64 {
        self.written().map(|(_, w)| i64::from(w.stats.words)).sum()
    }

    /// The diagnostics of the bundles written, with their locales.
    pub fn diagnostics(&self) -> impl Iterator<Item = (&LocaleTag, &pb::Diagnostic)> {
        self.written()
            .flat_map(|(locale, w)| w.diagnostics.iter().map(move |d| (locale, d)))
    }

    /// The locales written, with their bundles.
    fn written(&self) -> impl Iterator<Item = (&LocaleTag, &Written)> {
        self.locales
            .iter()
            .filter_map(|l| l.result.as_ref().ok().map(|w| (&l.locale, w)))
    }

    /// The lines `glocal push` prints: for each locale with diagnostics a
    /// header and its diagnostics (the first 10 unless `all_diagnostics`),
    /// for each failed locale why, then the summary.
    pub fn render(&self, all_diagnostics: bool) -> String {
        let mut out = String::new();
        for o in &self.locales {
            match &o.result {
                Ok(w) => {
                    if w.diagnostics.is_empty() {
                        continue;
                    }
                    let _ = writeln!(
                        out,
                        "{}: {} files, {} messages, {} diagnostics",
                        o.locale,
                        w.stats.files,
                        w.stats.messages,
                        w.diagnostics.len()
                    );
                    let shown = if all_diagnostics {
                        w.diagnostics.len()
                    } else {
                        10
                    };
                    for d in w.diagnostics.iter().take(shown) {
                        let _ = writeln!(out, "  {}", diagnostic_line(&o.locale, d));
                    }
                    if w.diagnostics.len() > shown {
                        let _ = writeln!(
                            out,
                            "  ... and {} more (--all-diagnostics shows them)",
                            w.diagnostics.len() - shown
                        );
                    }
                }
                Err(e) => {
                    let _ = writeln!(out, "{}: upload failed: {e}", o.locale);
                }
            }
        }
        let failed = self.failed_locales();
        let _ = writeln!(
            out,
            "pushed {} of {} locales ({} files, {} words) to {} in {:.1}s; {} diagnostics{}",
            self.locales.len() - failed,
            self.locales.len(),
            self.files(),
            self.words(),
            self.product,
            self.elapsed.as_secs_f64(),
            self.diagnostics().count(),
            if failed > 0 {
                format!("; {failed} locales failed")
            } else {
                String::new()
            },
        );
        out
    }
}

/// Runs `glocal push`: the notes about the tree on standard error, the
/// outcome on standard output; exit code 2 if a locale failed.
pub async fn push(args: PushArgs) -> anyhow::Result<i32> {
    let all_diagnostics = args.all_diagnostics;
    let push = Push::prepare(args)?;
    for note in push.notes() {
        eprintln!("{note}");
    }
    let connection = push.args.server.connect().await?;
    let outcome = push.run(&connection).await?;
    print!("{}", outcome.render(all_diagnostics));
    Ok(if outcome.failed() { 2 } else { 0 })
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
