//! The flags that reach an etcd cluster, shared by `glocal serve --store`
//! and `glocal migrate`: TLS, a user, and the cluster's transaction limits.

use std::path::PathBuf;

use crate::store::{EtcdConfig, EtcdLimits, EtcdTls};

/// How to reach etcd (used with an `etcd://` store).
#[derive(Debug, Clone, clap::Args)]
pub struct EtcdArgs {
    /// TLS to etcd: the CA certificate (PEM) that signed the members'
    /// certificates (without it, TLS is used only with --etcd-cert, against
    /// the system's roots).
    #[arg(
        long,
        value_name = "PEM",
        env = "GLOCAL_ETCD_CA",
        help_heading = "etcd"
    )]
    pub etcd_ca: Option<PathBuf>,
    /// Mutual TLS to etcd: the client certificate (PEM); with --etcd-key.
    #[arg(
        long,
        value_name = "PEM",
        env = "GLOCAL_ETCD_CERT",
        requires = "etcd_key",
        help_heading = "etcd"
    )]
    pub etcd_cert: Option<PathBuf>,
    /// Mutual TLS to etcd: the client certificate's key (PEM).
    #[arg(
        long,
        value_name = "PEM",
        env = "GLOCAL_ETCD_KEY",
        requires = "etcd_cert",
        help_heading = "etcd"
    )]
    pub etcd_key: Option<PathBuf>,
    /// etcd's user, NAME:PASSWORD, or NAME with the password in
    /// GLOCAL_ETCD_PASSWORD (when etcd's authentication is on).
    #[arg(
        long,
        value_name = "NAME[:PASSWORD]",
        env = "GLOCAL_ETCD_USER",
        help_heading = "etcd"
    )]
    pub etcd_user: Option<String>,
    /// Operations per etcd transaction: etcd's --max-txn-ops, which must be
    /// at least this (checked at start-up). A change needing more is refused
    /// whole (RESOURCE_EXHAUSTED).
    #[arg(
        long,
        value_name = "N",
        default_value_t = EtcdLimits::default().max_txn_ops,
        env = "GLOCAL_ETCD_MAX_TXN_OPS",
        help_heading = "etcd"
    )]
    pub etcd_max_txn_ops: usize,
    /// Bytes per etcd request: etcd's --max-request-bytes, which must be at
    /// least this (checked at start-up). It bounds a change, and a bundle
    /// file to about a third of it (a file's revision holds it twice).
    #[arg(
        long,
        value_name = "BYTES",
        default_value_t = EtcdLimits::default().max_request_bytes,
        env = "GLOCAL_ETCD_MAX_REQUEST_BYTES",
        help_heading = "etcd"
    )]
    pub etcd_max_request_bytes: usize,
}

impl EtcdArgs {
    /// The configuration of the cluster at `url` (`etcd://HOSTS[/PREFIX]`),
    /// with these flags' files read.
    pub fn config(&self, url: &str) -> anyhow::Result<EtcdConfig> {
        let mut config = EtcdConfig::parse(url).map_err(anyhow::Error::msg)?;
        let read = |what: &str, path: &PathBuf| {
            std::fs::read(path)
                .map_err(|e| anyhow::anyhow!("cannot read {what} {}: {e}", path.display()))
        };
        let identity = match (&self.etcd_cert, &self.etcd_key) {
            (Some(cert), Some(key)) => Some((
                read("the etcd client certificate", cert)?,
                read("the etcd client key", key)?,
            )),
            _ => None,
        };
        let ca_pem = match &self.etcd_ca {
            Some(ca) => Some(read("the etcd CA", ca)?),
            None => None,
        };
        if ca_pem.is_some() || identity.is_some() {
            config.tls = Some(EtcdTls { ca_pem, identity });
        }
        config.user = match &self.etcd_user {
            Some(user) => Some(match user.split_once(':') {
                Some((name, password)) => (name.to_string(), password.to_string()),
                None => (
                    user.clone(),
                    std::env::var("GLOCAL_ETCD_PASSWORD").map_err(|_| {
                        anyhow::anyhow!(
                            "--etcd-user {user:?} has no password: give NAME:PASSWORD, or set \
                             GLOCAL_ETCD_PASSWORD"
                        )
                    })?,
                ),
            }),
            None => None,
        };
        if self.etcd_max_txn_ops == 0 {
            anyhow::bail!("--etcd-max-txn-ops must be at least 1");
        }
        if self.etcd_max_request_bytes < 64 * 1024 {
            anyhow::bail!(
                "--etcd-max-request-bytes {} is too small: glocal needs at least 65536",
                self.etcd_max_request_bytes
            );
        }
        config.limits = EtcdLimits {
            max_txn_ops: self.etcd_max_txn_ops,
            max_request_bytes: self.etcd_max_request_bytes,
        };
        Ok(config)
    }
}
