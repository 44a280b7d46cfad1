//! Talking to a glocal server: the `--server` URL, connecting, and turning a
//! gRPC error into lines a person can act on.

use std::{fmt, str::FromStr, time::Duration};

use tonic::transport::{Channel, Endpoint};
use tonic_types::StatusExt;

/// A server address given as `http://host:port`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerUrl(String);

impl FromStr for ServerUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim_end_matches('/');
        if s.starts_with("https://") {
            return Err(format!(
                "{s}: TLS is not supported yet; use http://host:port"
            ));
        }
        let Some(rest) = s.strip_prefix("http://") else {
            return Err(format!(
                "{s}: expected a URL such as http://127.0.0.1:50051"
            ));
        };
        let Some((host, port)) = rest.rsplit_once(':') else {
            return Err(format!(
                "{s}: the URL needs a port, such as http://{rest}:50051"
            ));
        };
        if host.is_empty() || rest.contains('/') || port.parse::<u16>().is_err() {
            return Err(format!(
                "{s}: expected a URL such as http://127.0.0.1:50051"
            ));
        }
        Ok(ServerUrl(s.to_string()))
    }
}

impl fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ServerUrl {
    /// Connects to the server, failing within a few seconds if it is not there.
    pub async fn connect(&self) -> anyhow::Result<Channel> {
        let endpoint = Endpoint::from_shared(self.0.clone())?
            .connect_timeout(Duration::from_secs(5))
            .tcp_nodelay(true);
        endpoint
            .connect()
            .await
            .map_err(|e| anyhow::anyhow!("cannot reach the glocal server at {self}: {e}"))
    }
}

/// A gRPC error as text: the message, then one line per field violation or
/// failed precondition.
pub fn describe_status(status: &tonic::Status) -> String {
    let mut out = format!("{:?}: {}", status.code(), status.message());
    let details = status.get_error_details();
    if let Some(bad) = details.bad_request() {
        for v in &bad.field_violations {
            out.push_str(&format!("\n  {}: {}", v.field, v.description));
        }
    }
    if let Some(pre) = details.precondition_failure() {
        for v in &pre.violations {
            out.push_str(&format!("\n  {}", v.description));
        }
    }
    out
}

/// Turns a gRPC error into an error for the command line.
pub fn status_error(context: &str, status: tonic::Status) -> anyhow::Error {
    anyhow::anyhow!("{context}: {}", describe_status(&status))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_server_urls() {
        assert!("http://127.0.0.1:50051".parse::<ServerUrl>().is_ok());
        assert!("http://localhost:1/".parse::<ServerUrl>().is_ok());
        for bad in [
            "127.0.0.1:50051",
            "http://host",
            "http://:1",
            "http://h:x",
            "ftp://h:1",
        ] {
            assert!(bad.parse::<ServerUrl>().is_err(), "{bad}");
        }
        assert!("https://h:1"
            .parse::<ServerUrl>()
            .unwrap_err()
            .contains("TLS"));
    }
}
