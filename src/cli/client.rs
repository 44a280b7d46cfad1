//! Talking to a glocal server: the `--server` URL, connecting (with a first
//! question that explains a server that is not there or is not glocal), the
//! clients of its services, and turning a gRPC error into lines a person can
//! act on. Every command that talks to a server (`import`, `export`, `push`,
//! `check --server`) connects and reports errors through this module.

use std::{fmt, str::FromStr, time::Duration};

use tonic::transport::{Channel, Endpoint};
use tonic_types::StatusExt;

use crate::api::pb::glocal::v1::{
    self as pb, market_service_client::MarketServiceClient,
    planning_service_client::PlanningServiceClient, product_service_client::ProductServiceClient,
};

/// A server address given as `http://host:port`, or as `host:port`, which
/// means `http://host:port`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerUrl(String);

impl FromStr for ServerUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let given = s.trim_end_matches('/');
        // `host:port` without a scheme is `http://host:port`.
        let with_scheme;
        let s = if given.contains("://") {
            given
        } else {
            with_scheme = format!("http://{given}");
            with_scheme.as_str()
        };
        if s.starts_with("https://") {
            return Err(format!(
                "{given}: TLS is not supported yet; use http://host:port"
            ));
        }
        let Some(rest) = s.strip_prefix("http://") else {
            return Err(format!(
                "{given}: expected a URL such as http://127.0.0.1:50051"
            ));
        };
        let Some((host, port)) = rest.rsplit_once(':') else {
            return Err(format!(
                "{given}: the URL needs a port, such as http://{rest}:50051"
            ));
        };
        if host.is_empty() || rest.contains('/') || port.parse::<u16>().is_err() {
            return Err(format!(
                "{given}: expected a URL such as http://127.0.0.1:50051"
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
    /// The `host:port` of the URL.
    pub fn address(&self) -> &str {
        self.0.strip_prefix("http://").unwrap_or(&self.0)
    }

    /// Connects to the server, failing within a few seconds if it is not
    /// there, and asks it one cheap question (a page of one market), so that
    /// an address where nothing listens, where something other than gRPC
    /// answers, or where a gRPC server without glocal's services answers, is
    /// said as such.
    pub async fn connect(&self) -> anyhow::Result<Connection> {
        let endpoint = Endpoint::from_shared(self.0.clone())?
            .connect_timeout(Duration::from_secs(5))
            .tcp_nodelay(true);
        let channel = endpoint
            .connect()
            .await
            .map_err(|e| anyhow::anyhow!(self.unreachable(&e)))?;
        let mut markets = MarketServiceClient::new(channel.clone());
        let probe = markets.list_markets(pb::ListMarketsRequest {
            page_size: 1,
            ..Default::default()
        });
        match tokio::time::timeout(PROBE_TIMEOUT, probe).await {
            // Slow to answer is not wrong: the real request will tell.
            Err(_) | Ok(Ok(_)) => Ok(Connection { channel }),
            Ok(Err(status)) => match probe_verdict(&status) {
                Probe::Glocal => Ok(Connection { channel }),
                Probe::NotGlocal => Err(anyhow::anyhow!(crate::tr!(
                    "client-server-not-glocal",
                    "url" => self.to_string()
                ))),
                Probe::NotGrpc(error) => Err(anyhow::anyhow!(crate::tr!(
                    "client-server-not-grpc",
                    "url" => self.to_string(),
                    "error" => error
                ))),
            },
        }
    }

    /// The error line of a connection that failed.
    fn unreachable(&self, error: &tonic::transport::Error) -> String {
        if chain(error).any(|e| {
            e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::ConnectionRefused)
        }) {
            return crate::tr!(
                "client-server-refused",
                "url" => self.to_string(),
                "address" => self.address().to_string()
            );
        }
        let error = chain(error)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(": ");
        crate::tr!(
            "client-server-unreachable",
            "url" => self.to_string(),
            "error" => error
        )
    }
}

/// A connection to a glocal server, made by [`ServerUrl::connect`]: the
/// clients of the services the commands use, sharing one channel, so that a
/// command that asks several services (`check --push` pushes, then checks)
/// connects and probes once.
#[derive(Debug, Clone)]
pub struct Connection {
    channel: Channel,
}

impl Connection {
    /// A client of `PlanningService` (plans, roadmaps, checks).
    pub fn planning(&self) -> PlanningServiceClient<Channel> {
        PlanningServiceClient::new(self.channel.clone())
    }

    /// A client of `ProductService` (products, bundles).
    pub fn products(&self) -> ProductServiceClient<Channel> {
        ProductServiceClient::new(self.channel.clone())
    }
}

/// How long the first question to a server may take before the command goes
/// on without its answer.
const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// What the answer to the first question says about the server.
#[derive(Debug, PartialEq, Eq)]
enum Probe {
    /// glocal answered (perhaps with an error of its own).
    Glocal,
    /// A gRPC server without glocal's services.
    NotGlocal,
    /// Something that does not speak gRPC (such as an HTTP/1 server); what
    /// went wrong.
    NotGrpc(String),
}

/// Judges the error status of the first question: glocal's errors always
/// carry an `ErrorInfo` of domain `glocal`; UNIMPLEMENTED is a gRPC server
/// that lacks the service; anything else did not answer as glocal does.
fn probe_verdict(status: &tonic::Status) -> Probe {
    if status
        .get_error_details()
        .error_info()
        .is_some_and(|info| info.domain == "glocal")
    {
        return Probe::Glocal;
    }
    if status.code() == tonic::Code::Unimplemented {
        return Probe::NotGlocal;
    }
    let mut what = format!("{:?}: {}", status.code(), status.message());
    if let Some(source) = std::error::Error::source(status) {
        for e in chain(source) {
            let e = e.to_string();
            if !what.contains(&e) {
                what.push_str(": ");
                what.push_str(&e);
            }
        }
    }
    Probe::NotGrpc(what)
}

/// An error and its sources, outermost first.
fn chain<'a>(
    error: &'a (dyn std::error::Error + 'static),
) -> impl Iterator<Item = &'a (dyn std::error::Error + 'static)> {
    std::iter::successors(Some(error), |e| e.source())
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

/// The field violations of a gRPC error (its `google.rpc.BadRequest`), for a
/// command that can show each at its place (`glocal import` in the plan
/// file); empty when it has none.
pub fn field_violations(status: &tonic::Status) -> Vec<tonic_types::FieldViolation> {
    status
        .get_error_details()
        .bad_request()
        .map(|bad| bad.field_violations.clone())
        .unwrap_or_default()
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
        let url = |s: &str| s.parse::<ServerUrl>().map(|u| u.to_string());
        assert_eq!(
            url("http://127.0.0.1:50051"),
            Ok("http://127.0.0.1:50051".into())
        );
        assert_eq!(url("http://localhost:1/"), Ok("http://localhost:1".into()));
        // host:port means http://host:port.
        assert_eq!(url("127.0.0.1:50051"), Ok("http://127.0.0.1:50051".into()));
        assert_eq!(url("localhost:7/"), Ok("http://localhost:7".into()));
        assert_eq!(url("[::1]:50051"), Ok("http://[::1]:50051".into()));
        assert_eq!(
            url("localhost"),
            Err("localhost: the URL needs a port, such as http://localhost:50051".into())
        );
        for bad in [
            "127.0.0.1",
            ":50051",
            "h:x",
            "h:1/path",
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
