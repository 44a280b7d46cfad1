//! `glocal import` and `glocal export`: plan files.

use std::path::PathBuf;

use super::ServerUrl;

/// Arguments of `glocal import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The plan file (TOML).
    pub plan: PathBuf,
    /// The server, such as http://127.0.0.1:50051.
    #[arg(long, env = "GLOCAL_SERVER")]
    pub server: ServerUrl,
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
}

/// Runs `glocal import`.
pub async fn import(_args: ImportArgs) -> anyhow::Result<i32> {
    anyhow::bail!("glocal import is not built yet")
}

/// Runs `glocal export`.
pub async fn export(_args: ExportArgs) -> anyhow::Result<i32> {
    anyhow::bail!("glocal export is not built yet")
}
