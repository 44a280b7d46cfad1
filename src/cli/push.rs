//! `glocal push`: uploads a locale tree to a product's bundles.

use std::path::PathBuf;

use super::ServerUrl;

/// Arguments of `glocal push`.
#[derive(Debug, clap::Args)]
pub struct PushArgs {
    /// The server, such as http://127.0.0.1:50051.
    #[arg(long, env = "GLOCAL_SERVER")]
    pub server: ServerUrl,
    /// The product, as an id or `products/{product}`.
    #[arg(long)]
    pub product: String,
    /// The directory holding one folder per locale.
    pub dir: PathBuf,
}

/// Runs `glocal push`.
pub async fn push(_args: PushArgs) -> anyhow::Result<i32> {
    anyhow::bail!("glocal push is not built yet")
}
