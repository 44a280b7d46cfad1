//! Talking to a glocal server: the `--server` URL, connecting (with a first
//! question that explains a server that is not there or is not glocal), the
//! clients of its services, and turning a gRPC error into lines a person can
//! act on. Every command that talks to a server (`import`, `export`, `push`,
//! `check --server`) connects and reports errors through this module.

use std::{fmt, str::FromStr, time::Duration};

use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint};
use tonic_types::StatusExt;

use crate::api::pb::glocal::v1::{
    self as pb, admin_service_client::AdminServiceClient,
    market_service_client::MarketServiceClient, planning_service_client::PlanningServiceClient,
    product_service_client::ProductServiceClient,
};

/// A server address given as `http://host:port`, `https://host:port` (TLS),
/// or `host:port`, which means `http://host:port`.
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
        let Some(rest) = s
            .strip_prefix("http://")
            .or_else(|| s.strip_prefix("https://"))
        else {
            return Err(format!(
                "{given}: expected a URL such as http://127.0.0.1:50051 or https://glocal.example:443"
            ));
        };
        let Some((host, port)) = rest.rsplit_once(':') else {
            return Err(format!("{given}: the URL needs a port, such as {s}:50051"));
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
        self.0
            .strip_prefix("http://")
            .or_else(|| self.0.strip_prefix("https://"))
            .unwrap_or(&self.0)
    }

    /// Whether the URL is `https://`.
    pub fn is_tls(&self) -> bool {
        self.0.starts_with("https://")
    }

    /// The endpoint of the URL: TLS for `https://`, trusting the system's
    /// certificate authorities, or only the one in the PEM file that
    /// `GLOCAL_CA_CERT` names (a private CA).
    fn endpoint(&self) -> anyhow::Result<Endpoint> {
        let mut endpoint = Endpoint::from_shared(self.0.clone())?
            .connect_timeout(Duration::from_secs(5))
            .tcp_nodelay(true);
        if self.is_tls() {
            let host = self
                .address()
                .rsplit_once(':')
                .map_or(self.address(), |(h, _)| h)
                .trim_start_matches('[')
                .trim_end_matches(']');
            let mut tls = ClientTlsConfig::new().domain_name(host);
            tls = match std::env::var_os("GLOCAL_CA_CERT") {
                Some(path) => {
                    let pem = std::fs::read(&path).map_err(|e| {
                        anyhow::anyhow!(
                            "cannot read GLOCAL_CA_CERT {}: {e}",
                            std::path::Path::new(&path).display()
                        )
                    })?;
                    tls.ca_certificate(Certificate::from_pem(pem))
                }
                None => tls.with_native_roots(),
            };
            endpoint = endpoint.tls_config(tls)?;
        }
        Ok(endpoint)
    }

    /// Connects to the server, failing within a few seconds if it is not
    /// there, and asks it one cheap question (a page of one market), so that
    /// an address where nothing listens, where something other than gRPC
    /// answers, or where a gRPC server without glocal's services answers, is
    /// said as such.
    pub async fn connect(&self) -> anyhow::Result<Connection> {
        let endpoint = self.endpoint()?;
        let channel = endpoint
            .connect()
            .await
            .map_err(|e| anyhow::anyhow!(self.unreachable(&e)))?;
        let token = BearerToken::from_env()?;
        let mut markets = MarketServiceClient::with_interceptor(channel.clone(), token.clone());
        let probe = markets.list_markets(pb::ListMarketsRequest {
            page_size: 1,
            ..Default::default()
        });
        match tokio::time::timeout(PROBE_TIMEOUT, probe).await {
            // Slow to answer is not wrong: the real request will tell.
            Err(_) | Ok(Ok(_)) => Ok(Connection { channel, token }),
            Ok(Err(status)) => match probe_verdict(&status) {
                Probe::Glocal => Ok(Connection { channel, token }),
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
    token: BearerToken,
}

/// A channel whose calls carry the bearer token.
pub type Authorized = InterceptedService<Channel, BearerToken>;

/// The largest answer the command line reads. tonic's default, 4 MiB, is
/// less than a CheckRoadmap answer with every finding of a large product
/// (6.1 MiB for every mozilla.org message over 23 launches); the answer is
/// the server's, which the user chose, so the bound is only against
/// nonsense.
pub const MAX_RESPONSE_BYTES: usize = 1 << 30;

impl Connection {
    /// A client of `PlanningService` (plans, roadmaps, checks).
    pub fn planning(&self) -> PlanningServiceClient<Authorized> {
        PlanningServiceClient::with_interceptor(self.channel.clone(), self.token.clone())
            .max_decoding_message_size(MAX_RESPONSE_BYTES)
    }

    /// A client of `AdminService` (backups; the admin role).
    pub fn admin(&self) -> AdminServiceClient<Authorized> {
        AdminServiceClient::with_interceptor(self.channel.clone(), self.token.clone())
            .max_decoding_message_size(MAX_RESPONSE_BYTES)
    }

    /// A client of `ProductService` (products, bundles).
    pub fn products(&self) -> ProductServiceClient<Authorized> {
        ProductServiceClient::with_interceptor(self.channel.clone(), self.token.clone())
            .max_decoding_message_size(MAX_RESPONSE_BYTES)
    }
}

/// The token of `GLOCAL_TOKEN`, sent as `authorization: Bearer TOKEN` with
/// every call (nothing when it is unset or empty).
#[derive(Clone)]
pub struct BearerToken(Option<tonic::metadata::MetadataValue<tonic::metadata::Ascii>>);

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print the token.
        f.write_str(if self.0.is_some() {
            "BearerToken(set)"
        } else {
            "BearerToken(none)"
        })
    }
}

impl BearerToken {
    /// Reads `GLOCAL_TOKEN`.
    pub fn from_env() -> anyhow::Result<BearerToken> {
        match std::env::var("GLOCAL_TOKEN") {
            Ok(token) if !token.trim().is_empty() => {
                let value = format!("Bearer {}", token.trim()).parse().map_err(|_| {
                    anyhow::anyhow!("GLOCAL_TOKEN is not a valid token (printable ASCII only)")
                })?;
                Ok(BearerToken(Some(value)))
            }
            _ => Ok(BearerToken(None)),
        }
    }
}

impl tonic::service::Interceptor for BearerToken {
    fn call(
        &mut self,
        mut request: tonic::Request<()>,
    ) -> Result<tonic::Request<()>, tonic::Status> {
        if let Some(value) = &self.0 {
            request
                .metadata_mut()
                .insert("authorization", value.clone());
        }
        Ok(request)
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
    if status.code() == tonic::Code::Unauthenticated {
        let hint = if std::env::var_os("GLOCAL_TOKEN").is_some_and(|t| !t.is_empty()) {
            crate::tr!("client-token-unknown")
        } else {
            crate::tr!("client-token-missing")
        };
        out.push_str(&format!(" ({hint})"));
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
        // TLS.
        let tls = "https://h.example:443".parse::<ServerUrl>().unwrap();
        assert!(tls.is_tls());
        assert_eq!(tls.address(), "h.example:443");
        assert!(!"h:1".parse::<ServerUrl>().unwrap().is_tls());
    }
}
