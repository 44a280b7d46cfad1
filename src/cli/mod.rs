//! The `glocal` command line: parses arguments into a validated command and
//! runs it. Exit codes: 0 success, 1 a gate failed, 2 usage, configuration or
//! I/O error.

use std::{net::SocketAddr, path::PathBuf, sync::Arc};

use clap::{Parser, Subcommand};

use crate::api;
use crate::store::SledStore;

mod backup;
mod check;
mod client;
mod etcd;
mod migrate;
mod plan;
mod pseudo;
mod push;
mod report;
mod tree;

pub use client::ServerUrl;

/// The default address of `glocal serve`.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:50051";
/// The default data directory of `glocal serve`.
pub const DEFAULT_DATA_DIR: &str = "glocal-data";

/// glocal: plan product launches across markets and check their locale coverage.
#[derive(Debug, Parser)]
#[command(name = "glocal", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the gRPC service (markets, requirements, products, variants, bundles, plans).
    Serve(Box<ServeArgs>),
    /// Load a plan file (TOML) into a server, all or nothing.
    Import(plan::ImportArgs),
    /// Write the plan of a product on a server as a plan file (TOML).
    Export(plan::ExportArgs),
    /// Upload a tree of Fluent files, one folder per locale, to a product's bundles.
    Push(push::PushArgs),
    /// Report locale gaps and pass or fail (CI): lint a locale tree, check a plan offline, or ask a server.
    Check(Box<check::CheckArgs>),
    /// Hand the ranked translation tasks to translators (XLIFF 2.0, CSV, .ftl), or import translated XLIFF.
    Handoff(Box<check::handoff::HandoffArgs>),
    /// Pseudolocalize Fluent files (accented or bidi), to test a UI before its translations exist.
    Pseudo(pseudo::PseudoArgs),
    /// Write a consistent snapshot of a live server to a file (needs the admin role).
    Backup(backup::BackupArgs),
    /// Write a snapshot file as a new data directory, offline (the directory must be new or empty).
    Restore(backup::RestoreArgs),
    /// Copy all data and history between stores (sled:DIR, etcd://HOSTS/PREFIX), offline, verified.
    Migrate(Box<migrate::MigrateArgs>),
    /// Make access tokens for `glocal serve --auth-tokens`.
    #[command(subcommand)]
    Token(TokenCommand),
}

/// `glocal token` subcommands.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Print a new random token, then its entry for the tokens file (which
    /// holds the token's SHA-256, never the token).
    New(TokenNewArgs),
}

/// Arguments of `glocal token new`.
#[derive(Debug, clap::Args)]
pub struct TokenNewArgs {
    /// Who the token stands for (recorded in revisions and logs).
    #[arg(long)]
    pub principal: String,
    /// What it may do: viewer (read, check), editor (also write plans and
    /// bundles), admin (also load presets, delete products).
    #[arg(long)]
    pub role: api::auth::Role,
}

/// Arguments of `glocal serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on, `IP:PORT` or `HOST:PORT` such as localhost:50051
    /// (use port 0 for any free port).
    #[arg(long, default_value = DEFAULT_LISTEN, env = "GLOCAL_LISTEN")]
    pub listen: ListenAddress,
    /// Directory of the embedded database (sled); created if absent.
    #[arg(long, default_value = DEFAULT_DATA_DIR, env = "GLOCAL_DATA_DIR")]
    pub data_dir: PathBuf,
    /// Keep the data in an etcd cluster instead, which several servers can
    /// share: etcd://HOST:PORT[,HOST:PORT...][/PREFIX] (default prefix
    /// /glocal/v1). See the README's "Scaling out".
    #[arg(
        long,
        value_name = "URL",
        env = "GLOCAL_STORE",
        conflicts_with = "data_dir",
        help_heading = "etcd"
    )]
    pub store: Option<String>,
    /// How to reach etcd.
    #[command(flatten)]
    pub etcd: etcd::EtcdArgs,
    /// Largest Fluent file accepted by WriteBundleFiles, in bytes [default:
    /// 1048576; with etcd, at most a third of --etcd-max-request-bytes].
    #[arg(long, value_name = "BYTES", env = "GLOCAL_MAX_FILE_BYTES")]
    pub max_file_bytes: Option<usize>,
    /// Most files accepted in one WriteBundleFiles request.
    #[arg(long, default_value_t = 1000, env = "GLOCAL_MAX_FILES_PER_REQUEST")]
    pub max_files_per_request: usize,
    /// Most files one bundle (a product's files of one locale) holds
    /// [default: 10000; with etcd, at most a third of --etcd-max-txn-ops,
    /// less 8, so that one transaction can delete a bundle].
    #[arg(long, value_name = "N", env = "GLOCAL_MAX_FILES_PER_BUNDLE")]
    pub max_files_per_bundle: Option<usize>,
    /// Largest request accepted, in bytes.
    #[arg(long, default_value_t = 32 * 1024 * 1024, env = "GLOCAL_MAX_REQUEST_BYTES")]
    pub max_request_bytes: usize,
    /// Seconds a shutdown waits for open requests and streams (such as health watches).
    #[arg(long, default_value_t = 10, env = "GLOCAL_DRAIN_TIMEOUT_SECS")]
    pub drain_timeout_secs: u64,
    /// The tokens file (TOML: each token's SHA-256, principal and role;
    /// `glocal token new` makes entries). Every call then needs
    /// `authorization: Bearer TOKEN`; health and reflection stay open.
    #[arg(
        long,
        value_name = "FILE",
        env = "GLOCAL_AUTH_TOKENS",
        help_heading = "Security"
    )]
    pub auth_tokens: Option<PathBuf>,
    /// Serve without tokens on an address other than loopback: anyone who
    /// can reach the port can then change and delete every plan.
    #[arg(long, help_heading = "Security")]
    pub insecure_no_auth: bool,
    /// TLS: the server's certificate chain (PEM); with --tls-key.
    #[arg(
        long,
        value_name = "PEM",
        env = "GLOCAL_TLS_CERT",
        requires = "tls_key",
        help_heading = "Security"
    )]
    pub tls_cert: Option<PathBuf>,
    /// TLS: the certificate's private key (PEM).
    #[arg(
        long,
        value_name = "PEM",
        env = "GLOCAL_TLS_KEY",
        requires = "tls_cert",
        help_heading = "Security"
    )]
    pub tls_key: Option<PathBuf>,
    /// Mutual TLS: clients must present a certificate this CA (PEM) signed.
    #[arg(
        long,
        value_name = "PEM",
        env = "GLOCAL_TLS_CLIENT_CA",
        requires = "tls_cert",
        help_heading = "Security"
    )]
    pub tls_client_ca: Option<PathBuf>,
    /// Connections kept open at once; one more is closed at once.
    #[arg(
        long,
        default_value_t = 1024,
        env = "GLOCAL_MAX_CONNECTIONS",
        help_heading = "Limits"
    )]
    pub max_connections: usize,
    /// Calls open at once on one connection (HTTP/2 streams).
    #[arg(
        long,
        default_value_t = 100,
        env = "GLOCAL_MAX_CONCURRENT_STREAMS",
        help_heading = "Limits"
    )]
    pub max_concurrent_streams: u32,
    /// Calls worked on at once; more get UNAVAILABLE (retry shortly).
    #[arg(
        long,
        default_value_t = 256,
        env = "GLOCAL_MAX_IN_FLIGHT",
        help_heading = "Limits"
    )]
    pub max_in_flight: usize,
    /// Seconds a call may take (a client's shorter grpc-timeout wins).
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 120,
        env = "GLOCAL_REQUEST_TIMEOUT",
        help_heading = "Limits"
    )]
    pub request_timeout: u64,
    /// Serve Prometheus metrics as text on http://ADDR/metrics (a port of
    /// its own, without tokens: keep it on an internal network).
    #[arg(
        long,
        value_name = "ADDR",
        env = "GLOCAL_METRICS_LISTEN",
        help_heading = "Operations"
    )]
    pub metrics_listen: Option<ListenAddress>,
    /// Serve the dashboard (HTML pages of the products' checks) on
    /// http://ADDR/, such as 127.0.0.1:8080; with --auth-tokens, its pages
    /// ask for a token.
    #[arg(
        long,
        value_name = "ADDR",
        env = "GLOCAL_HTTP_LISTEN",
        help_heading = "Operations"
    )]
    pub http_listen: Option<ListenAddress>,
    /// Seconds between keepalive pings; a peer that does not answer within
    /// 20 seconds is disconnected.
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 30,
        env = "GLOCAL_KEEPALIVE",
        help_heading = "Limits"
    )]
    pub keepalive: u64,
    /// Seconds a new connection may stay silent before it is closed
    /// (half-open and slowloris connections holding a place).
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 10,
        env = "GLOCAL_HANDSHAKE_TIMEOUT",
        help_heading = "Limits"
    )]
    pub handshake_timeout: u64,
    /// Seconds a connection may have no call open before it is closed
    /// (clients reconnect on their next call).
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 300,
        env = "GLOCAL_IDLE_TIMEOUT",
        help_heading = "Limits"
    )]
    pub idle_timeout: u64,
}

/// The address `glocal serve` listens on: `IP:PORT`, or `HOST:PORT` with a
/// host name that resolves (such as `localhost:50051`), resolved when the
/// arguments are parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenAddress {
    /// What was given, for messages.
    given: String,
    /// The addresses it resolves to, tried in turn.
    addresses: Vec<SocketAddr>,
}

impl ListenAddress {
    /// The addresses it resolves to, tried in turn (at least one).
    pub fn addresses(&self) -> &[SocketAddr] {
        &self.addresses
    }
}

impl std::str::FromStr for ListenAddress {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        use std::net::ToSocketAddrs;
        let addresses: Vec<SocketAddr> = match s.to_socket_addrs() {
            Ok(addresses) => addresses.collect(),
            Err(e) => {
                return Err(format!(
                    "{s}: expected IP:PORT or HOST:PORT, such as {DEFAULT_LISTEN} or localhost:50051 ({e})"
                ))
            }
        };
        if addresses.is_empty() {
            return Err(format!("{s}: the host name resolves to no address"));
        }
        Ok(ListenAddress {
            given: s.to_string(),
            addresses,
        })
    }
}

impl std::fmt::Display for ListenAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.given)
    }
}

/// Chooses the language of `glocal check`'s texts from the raw arguments
/// (`--lang X` or `--lang=X`) or the environment, before clap parses them, so
/// that errors in parsing a value are in that language too. Other commands
/// keep English. [`run`] validates `--lang` again and reports a bad one.
pub fn preselect_language(args: impl IntoIterator<Item = std::ffi::OsString>) {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if args.get(1).map(String::as_str) != Some("check") {
        return;
    }
    let mut lang = None;
    let mut rest = args[2..].iter();
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        } else if arg == "--lang" {
            lang = rest.next().cloned();
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            lang = Some(value.to_string());
        }
    }
    // A bad --lang is reported later, by `run`; until then the environment's.
    if check::choose_language(lang.as_deref()).is_err() {
        let _ = check::choose_language(None);
    }
}

/// Runs the parsed command line; returns the process exit code.
pub async fn run(cli: Cli) -> anyhow::Result<i32> {
    match cli.command {
        Command::Serve(args) => serve(*args).await,
        Command::Import(args) => plan::import(args).await,
        Command::Export(args) => plan::export(args).await,
        Command::Push(args) => push::push(args).await,
        Command::Check(args) => {
            check::choose_language(args.lang.as_deref())?;
            check::check(*args).await
        }
        Command::Handoff(args) => check::handoff::handoff(*args).await,
        Command::Pseudo(args) => pseudo::pseudo(&args),
        Command::Backup(args) => backup::backup(args).await,
        Command::Restore(args) => backup::restore(args),
        Command::Migrate(args) => migrate::migrate(*args).await,
        Command::Token(TokenCommand::New(args)) => token_new(&args),
    }
}

/// `glocal token new`: the token on the first line, then the tokens-file
/// entry (append it with `| tail -n +2 >> tokens.toml`).
fn token_new(args: &TokenNewArgs) -> anyhow::Result<i32> {
    if args.principal.trim().is_empty() || args.principal.contains(['"', '\\', '\n']) {
        anyhow::bail!(
            "--principal must be a non-empty name without quotes, backslashes or line breaks"
        );
    }
    let token = api::auth::new_token().map_err(anyhow::Error::msg)?;
    println!("{token}");
    println!("[[token]]");
    println!("principal = \"{}\"", args.principal);
    println!("role = \"{}\"", args.role.as_str());
    println!("sha256 = \"{}\"", api::auth::token_hash_hex(&token));
    Ok(0)
}

async fn serve(args: ServeArgs) -> anyhow::Result<i32> {
    let tokens = match &args.auth_tokens {
        Some(path) => Some(Arc::new(
            api::auth::TokenTable::load(path).map_err(anyhow::Error::msg)?,
        )),
        None => None,
    };
    if tokens.is_none() && !args.insecure_no_auth {
        if let Some(open) = args
            .listen
            .addresses()
            .iter()
            .chain(args.http_listen.iter().flat_map(|l| l.addresses()))
            .find(|a| !a.ip().is_loopback())
        {
            anyhow::bail!(
                "refusing to listen on {open} without --auth-tokens: anyone who can reach it \
                 could change and delete every plan. Give --auth-tokens FILE (glocal token new \
                 makes its entries), listen on 127.0.0.1, or pass --insecure-no-auth"
            );
        }
    }
    let read = |what: &str, path: &PathBuf| {
        std::fs::read(path)
            .map_err(|e| anyhow::anyhow!("cannot read {what} {}: {e}", path.display()))
    };
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => Some(api::TlsFiles {
            cert_pem: read("the TLS certificate", cert)?,
            key_pem: read("the TLS key", key)?,
            client_ca_pem: match &args.tls_client_ca {
                Some(ca) => Some(read("the client CA", ca)?),
                None => None,
            },
        }),
        _ => None,
    };
    let OpenedStore {
        store,
        data_dir,
        max_file_bytes,
        max_files_per_bundle,
        max_stored_file_bytes,
    } = open_store(&args).await?;
    let metrics = match &args.metrics_listen {
        Some(address) => {
            let listener = tokio::net::TcpListener::bind(address.addresses())
                .await
                .map_err(|e| anyhow::anyhow!("cannot listen on {address} for metrics: {e}"))?;
            let metrics = api::metrics::Metrics::new(data_dir.clone());
            tracing::info!(address = %listener.local_addr()?, "serving metrics on /metrics");
            tokio::spawn(api::metrics::serve_metrics(
                listener,
                std::sync::Arc::clone(&metrics),
                std::future::pending(),
            ));
            Some(metrics)
        }
        None => None,
    };
    let listener = tokio::net::TcpListener::bind(args.listen.addresses())
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", args.listen))?;
    let local = listener.local_addr()?;
    let dashboard = match &args.http_listen {
        Some(address) => Some(
            tokio::net::TcpListener::bind(address.addresses())
                .await
                .map_err(|e| {
                    anyhow::anyhow!("cannot listen on {address} for the dashboard: {e}")
                })?,
        ),
        None => None,
    };
    // Listen for signals before saying we are ready, so that a SIGTERM sent
    // right after the ready line still shuts down gracefully.
    let signal = shutdown_signal()?;
    let (stopping, stopped) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        signal.await;
        let _ = stopping.send(true);
    });
    let shutdown_of = |mut stopped: tokio::sync::watch::Receiver<bool>| async move {
        let _ = stopped.wait_for(|stop| *stop).await;
    };
    let shutdown = shutdown_of(stopped.clone());
    let check_cache = Arc::new(api::CheckCache::default());
    let data_in = match &data_dir {
        Some(dir) => dir.display().to_string(),
        None => args.store.clone().unwrap_or_default(),
    };
    tracing::info!(address = %local, data = %data_in, "glocal is serving");
    // One line on stdout that scripts can wait for.
    println!("glocal serving on {local} (data in {data_in})");
    if let Some(listener) = dashboard {
        let address = listener.local_addr()?;
        let reads = api::DashboardReads::new(Arc::clone(&store), Arc::clone(&check_cache));
        let tokens = tokens.clone();
        let until = shutdown_of(stopped.clone());
        tracing::info!(%address, "serving the dashboard");
        println!("glocal dashboard on http://{address}/");
        tokio::spawn(async move {
            if let Err(e) = crate::web::serve_dashboard(listener, reads, tokens, until).await {
                tracing::error!(error = %e, "the dashboard stopped");
            }
        });
    }
    let config = api::ServeConfig {
        bundle_limits: api::BundleLimits {
            max_file_bytes,
            max_files_per_request: args.max_files_per_request,
            max_files_per_bundle,
            max_stored_file_bytes,
        },
        max_request_bytes: args.max_request_bytes,
        drain_timeout: std::time::Duration::from_secs(args.drain_timeout_secs),
        tokens,
        tls,
        metrics,
        check_cache,
        limits: api::limits::ResourceLimits {
            max_connections: args.max_connections,
            max_concurrent_streams: args.max_concurrent_streams,
            max_in_flight: args.max_in_flight,
            request_timeout: std::time::Duration::from_secs(args.request_timeout.max(1)),
            keepalive_interval: std::time::Duration::from_secs(args.keepalive.max(1)),
            keepalive_timeout: std::time::Duration::from_secs(20),
            handshake_timeout: std::time::Duration::from_secs(args.handshake_timeout.max(1)),
            idle_timeout: std::time::Duration::from_secs(args.idle_timeout.max(1)),
        },
    };
    api::serve_with(listener, store, config, shutdown).await?;
    Ok(0)
}

/// The store `glocal serve` uses, with what it bounds.
struct OpenedStore {
    store: Arc<dyn crate::store::Store>,
    /// sled's `--data-dir`, for the disk metrics; `None` on etcd.
    data_dir: Option<PathBuf>,
    /// The largest bundle file's text it takes.
    max_file_bytes: usize,
    /// The most files a bundle may hold.
    max_files_per_bundle: usize,
    /// The largest bundle file as stored (text and index), on etcd.
    max_stored_file_bytes: Option<usize>,
}

/// The store `glocal serve` uses: etcd with `--store`, else sled in
/// `--data-dir`.
async fn open_store(args: &ServeArgs) -> anyhow::Result<OpenedStore> {
    const DEFAULT_MAX_FILE_BYTES: usize = 1024 * 1024;
    const DEFAULT_MAX_FILES_PER_BUNDLE: usize = 10_000;
    let Some(url) = &args.store else {
        let store = SledStore::open(&args.data_dir)?;
        return Ok(OpenedStore {
            store: Arc::new(store),
            data_dir: Some(args.data_dir.clone()),
            max_file_bytes: args.max_file_bytes.unwrap_or(DEFAULT_MAX_FILE_BYTES),
            max_files_per_bundle: args
                .max_files_per_bundle
                .unwrap_or(DEFAULT_MAX_FILES_PER_BUNDLE),
            max_stored_file_bytes: None,
        });
    };
    let config = args.etcd.config(url)?;
    let store = crate::store::EtcdStore::connect(&config).await?;
    if let Some(migration) = store.unfinished_migration() {
        anyhow::bail!(
            "{} holds an unfinished migration ({migration}): run the same glocal migrate \
             again to finish it before serving",
            config.url()
        );
    }
    store.check_limits().await?;
    let fits = config.limits.max_document_bytes();
    let max_file_bytes = match args.max_file_bytes {
        Some(asked) if asked > fits => anyhow::bail!(
            "--max-file-bytes {asked} does not fit etcd's requests of --etcd-max-request-bytes \
             {} (a file's change holds it three times: the file, and its revision before and \
             after): give --max-file-bytes {fits} or less, or raise etcd's --max-request-bytes \
             and --etcd-max-request-bytes to {} or more",
            config.limits.max_request_bytes,
            asked.saturating_mul(3).saturating_add(32 * 1024)
        ),
        Some(asked) => asked,
        None => DEFAULT_MAX_FILE_BYTES.min(fits),
    };
    let files_fit = config.limits.max_files_per_bundle();
    let max_files_per_bundle = match args.max_files_per_bundle {
        Some(asked) if asked > files_fit => anyhow::bail!(
            "--max-files-per-bundle {asked} does not fit etcd's transactions of \
             --etcd-max-txn-ops {} (deleting a bundle takes three operations per file, and 8): \
             give --max-files-per-bundle {files_fit} or less, or raise etcd's --max-txn-ops and \
             --etcd-max-txn-ops to {} or more",
            config.limits.max_txn_ops,
            asked.saturating_mul(3).saturating_add(8)
        ),
        Some(asked) => asked,
        None => DEFAULT_MAX_FILES_PER_BUNDLE.min(files_fit),
    };
    tracing::info!(
        store = %config.url(),
        max_file_bytes,
        max_files_per_bundle,
        "using etcd"
    );
    Ok(OpenedStore {
        store: Arc::new(store),
        data_dir: None,
        max_file_bytes,
        max_files_per_bundle,
        max_stored_file_bytes: Some(fits),
    })
}

/// A future that completes on SIGINT (Ctrl-C) or SIGTERM; the handlers are
/// installed when this returns.
fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()> + Send + 'static> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut terminate = signal(SignalKind::terminate())?;
        Ok(async move {
            tokio::select! {
                _ = interrupt.recv() => tracing::info!("received SIGINT"),
                _ = terminate.recv() => tracing::info!("received SIGTERM"),
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}
