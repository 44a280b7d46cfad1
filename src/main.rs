//! The `glocal` binary; see the library's [`glocal::cli`].

use std::io::IsTerminal;

use clap::Parser;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("GLOCAL_LOG").unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
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
    std::process::exit(code);
}
