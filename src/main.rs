//! The `glocal` binary; see the library's [`glocal::cli`].

use std::io::IsTerminal;

use clap::Parser;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    // A background thread writes the log (one line per request under
    // load): a slow or blocked stderr delays the log, never a request. Lines
    // beyond its buffer are dropped rather than waited for.
    let (writer, log_guard) = tracing_appender::non_blocking(std::io::stderr());
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("GLOCAL_LOG").unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(writer)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    // Before parsing, so that clap's errors about check's values speak the
    // language asked for too.
    glocal::cli::preselect_language(std::env::args_os());
    let cli = glocal::cli::Cli::parse();
    let code = match glocal::cli::run(cli).await {
        Ok(code) => code,
        Err(e) => {
            // In the language `glocal check --lang` chose; English otherwise.
            eprintln!(
                "{}",
                glocal::tr!("error-line", "message" => format!("{e:#}"))
            );
            2
        }
    };
    // `exit` runs no destructors: write out the log's last lines first.
    drop(log_guard);
    std::process::exit(code);
}
