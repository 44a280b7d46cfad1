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
    let cli = glocal::cli::Cli::parse();
    let code = match glocal::cli::run(cli).await {
        Ok(code) => code,
        Err(e) => {
            // In the language `glocal check --lang` chose; English otherwise.
            eprintln!("{}: {e:#}", glocal::tr!("error-prefix"));
            2
        }
    };
    std::process::exit(code);
}
