//! A shared internal service: bearer tokens and roles, TLS (and mutual
//! TLS), and bounded resources (calls in flight, time per call,
//! connections, streams per connection), each against a real server on
//! 127.0.0.1:0 with the generated clients or a raw HTTP/2 client.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{assert_error, glocal, serve_binary_with, stderr, stdout, TestServer};
use glocal::api::auth::{token_hash_hex, TokenTable};
use glocal::api::limits::ResourceLimits;
use glocal::api::pb::glocal::v1::{self as pb, market_service_client::MarketServiceClient};
use glocal::api::{ServeConfig, TlsFiles};
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};
use tonic::Code;
use tonic_types::StatusExt;

const VIEWER: &str = "glc_viewer-token";
const EDITOR: &str = "glc_editor-token";
const ADMIN: &str = "glc_admin-token";

fn tokens() -> Arc<TokenTable> {
    let entry = |principal: &str, role: &str, token: &str| {
        format!(
            "[[token]]\nprincipal = \"{principal}\"\nrole = \"{role}\"\nsha256 = \"{}\"\n",
            token_hash_hex(token)
        )
    };
    Arc::new(
        TokenTable::parse(&format!(
            "{}{}{}",
            entry("viewer@example.com", "viewer", VIEWER),
            entry("editor@example.com", "editor", EDITOR),
            entry("admin@example.com", "admin", ADMIN)
        ))
        .unwrap(),
    )
}

/// Sends a bearer token (none: no header).
#[derive(Clone)]
struct Bearer(Option<tonic::metadata::MetadataValue<tonic::metadata::Ascii>>);

impl tonic::service::Interceptor for Bearer {
    fn call(&mut self, mut r: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
        if let Some(h) = &self.0 {
            r.metadata_mut().insert("authorization", h.clone());
        }
        Ok(r)
    }
}

type Markets =
    MarketServiceClient<tonic::service::interceptor::InterceptedService<Channel, Bearer>>;

/// A markets client over `channel` that sends `token` (none: no header).
fn markets(channel: Channel, token: Option<&str>) -> Markets {
    let header = token.map(|t| format!("Bearer {t}").parse().unwrap());
    MarketServiceClient::with_interceptor(channel, Bearer(header))
}

fn shop(id: &str) -> pb::CreateMarketRequest {
    pb::CreateMarketRequest {
        market_id: id.into(),
        market: Some(pb::Market {
            country: "FI".into(),
            currency: "EUR".into(),
            storefront_locales: vec!["fi-FI".into()],
            ..Default::default()
        }),
    }
}

#[tokio::test]
async fn every_call_needs_a_token_with_a_role_strong_enough() {
    let dir = tempfile::tempdir().unwrap();
    let config = ServeConfig {
        tokens: Some(tokens()),
        ..ServeConfig::default()
    };
    let server = TestServer::start_with(dir.path(), config).await;
    let channel = server.channel().await;

    // No token, an unknown one, a malformed header.
    let e = markets(channel.clone(), None)
        .list_markets(pb::ListMarketsRequest::default())
        .await
        .unwrap_err();
    assert_error(&e, Code::Unauthenticated, "MISSING_TOKEN", None);
    assert_eq!(
        e.get_error_details().error_info().unwrap().metadata["method"],
        "glocal.v1.MarketService/ListMarkets"
    );
    let e = markets(channel.clone(), Some("glc_nobody"))
        .list_markets(pb::ListMarketsRequest::default())
        .await
        .unwrap_err();
    assert_error(&e, Code::Unauthenticated, "UNKNOWN_TOKEN", None);

    // A viewer reads, and may not write.
    let mut viewer = markets(channel.clone(), Some(VIEWER));
    viewer
        .list_markets(pb::ListMarketsRequest::default())
        .await
        .unwrap();
    let e = viewer.create_market(shop("shop-fi")).await.unwrap_err();
    assert_error(&e, Code::PermissionDenied, "ROLE_REQUIRED", None);
    let details = e.get_error_details();
    let info = details.error_info().unwrap();
    assert_eq!(
        (
            info.metadata["principal"].as_str(),
            info.metadata["role"].as_str(),
            info.metadata["required_role"].as_str()
        ),
        ("viewer@example.com", "viewer", "editor")
    );

    // An editor writes, and may not load presets; an admin may.
    let mut editor = markets(channel.clone(), Some(EDITOR));
    editor.create_market(shop("shop-fi")).await.unwrap();
    let preset = pb::ImportMarketPresetRequest {
        preset: "amazon-marketplaces".into(),
        ..Default::default()
    };
    let e = editor
        .import_market_preset(preset.clone())
        .await
        .unwrap_err();
    assert_error(&e, Code::PermissionDenied, "ROLE_REQUIRED", None);
    markets(channel.clone(), Some(ADMIN))
        .import_market_preset(preset)
        .await
        .unwrap();

    // Revisions record who made each change.
    let mut revisions =
        glocal::api::pb::glocal::v1::revision_service_client::RevisionServiceClient::with_interceptor(
            channel.clone(),
            Bearer(Some(format!("Bearer {VIEWER}").parse().unwrap())),
        );
    let history = revisions
        .list_revisions(pb::ListRevisionsRequest {
            parent: "markets/shop-fi".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        history
            .revisions
            .iter()
            .map(|r| r.principal.as_str())
            .collect::<Vec<_>>(),
        ["editor@example.com"]
    );

    // The refusal is worded in the caller's language.
    let mut request = tonic::Request::new(pb::ListMarketsRequest::default());
    request
        .metadata_mut()
        .insert("accept-language", "fr".parse().unwrap());
    let e = markets(channel.clone(), None)
        .list_markets(request)
        .await
        .unwrap_err();
    let localized = e.get_error_details().localized_message().unwrap().clone();
    assert_eq!(localized.locale, "fr");
    assert!(
        localized.message.contains("demande un jeton"),
        "{localized:?}"
    );

    // Health stays open.
    let mut health = tonic_health::pb::health_client::HealthClient::new(channel.clone());
    let answer = health
        .check(tonic_health::pb::HealthCheckRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        answer.status,
        tonic_health::pb::health_check_response::ServingStatus::Serving as i32
    );
    server.stop().await;
}

/// A self-signed CA and a certificate for `localhost` it signed, as PEM.
struct Pki {
    ca_pem: String,
    cert_pem: String,
    key_pem: String,
    ca: rcgen::Issuer<'static, rcgen::KeyPair>,
}

fn pki() -> Pki {
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "glocal test CA");
    let ca_cert = ca_params.self_signed(&ca_key).unwrap();
    let ca_pem = ca_cert.pem();
    let ca = rcgen::Issuer::new(ca_params, ca_key);
    let key = rcgen::KeyPair::generate().unwrap();
    let params = rcgen::CertificateParams::new(vec!["localhost".to_string()]).unwrap();
    let cert = params.signed_by(&key, &ca).unwrap();
    Pki {
        ca_pem,
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
        ca,
    }
}

async fn tls_channel(
    port: u16,
    ca_pem: &str,
    identity: Option<Identity>,
) -> Result<Channel, tonic::transport::Error> {
    let mut tls = ClientTlsConfig::new()
        .domain_name("localhost")
        .ca_certificate(Certificate::from_pem(ca_pem));
    if let Some(identity) = identity {
        tls = tls.identity(identity);
    }
    Channel::from_shared(format!("https://localhost:{port}"))
        .unwrap()
        .tls_config(tls)?
        .connect()
        .await
}

#[tokio::test]
async fn tls_and_mutual_tls() {
    let pki = pki();
    let dir = tempfile::tempdir().unwrap();
    let config = ServeConfig {
        tls: Some(TlsFiles {
            cert_pem: pki.cert_pem.clone().into_bytes(),
            key_pem: pki.key_pem.clone().into_bytes(),
            client_ca_pem: None,
        }),
        ..ServeConfig::default()
    };
    let server = TestServer::start_with(dir.path(), config).await;
    let port = server.addr.port();
    let channel = tls_channel(port, &pki.ca_pem, None).await.unwrap();
    MarketServiceClient::new(channel)
        .list_markets(pb::ListMarketsRequest::default())
        .await
        .unwrap();
    // Plain text to a TLS server fails.
    let plain = Channel::from_shared(format!("http://127.0.0.1:{port}"))
        .unwrap()
        .connect()
        .await;
    if let Ok(plain) = plain {
        assert!(MarketServiceClient::new(plain)
            .list_markets(pb::ListMarketsRequest::default())
            .await
            .is_err());
    }
    server.stop().await;

    // Mutual TLS: a client needs a certificate of the client CA.
    let dir = tempfile::tempdir().unwrap();
    let config = ServeConfig {
        tls: Some(TlsFiles {
            cert_pem: pki.cert_pem.clone().into_bytes(),
            key_pem: pki.key_pem.clone().into_bytes(),
            client_ca_pem: Some(pki.ca_pem.clone().into_bytes()),
        }),
        ..ServeConfig::default()
    };
    let server = TestServer::start_with(dir.path(), config).await;
    let port = server.addr.port();
    let anonymous = tls_channel(port, &pki.ca_pem, None).await;
    let refused = match anonymous {
        Err(_) => true,
        Ok(channel) => MarketServiceClient::new(channel)
            .list_markets(pb::ListMarketsRequest::default())
            .await
            .is_err(),
    };
    assert!(refused, "a client without a certificate was served");
    let client_key = rcgen::KeyPair::generate().unwrap();
    let client_cert = rcgen::CertificateParams::new(vec!["ci.example".to_string()])
        .unwrap()
        .signed_by(&client_key, &pki.ca)
        .unwrap();
    let identity = Identity::from_pem(client_cert.pem(), client_key.serialize_pem());
    let channel = tls_channel(port, &pki.ca_pem, Some(identity))
        .await
        .unwrap();
    MarketServiceClient::new(channel)
        .list_markets(pb::ListMarketsRequest::default())
        .await
        .unwrap();
    server.stop().await;
}

/// Opens a raw HTTP/2 connection and starts a ListMarkets call whose body
/// never comes, so that it stays in flight; returns what keeps it open.
async fn hold_a_call(
    addr: std::net::SocketAddr,
) -> (
    h2::client::SendRequest<bytes::Bytes>,
    h2::SendStream<bytes::Bytes>,
    h2::client::ResponseFuture,
    u32,
) {
    let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (client, connection) = h2::client::handshake(tcp).await.unwrap();
    let mut connection = Box::pin(connection);
    // The server's SETTINGS arrive once the connection is driven a little.
    let _ = tokio::time::timeout(Duration::from_millis(200), connection.as_mut()).await;
    let max_streams = connection.max_concurrent_send_streams() as u32;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    let mut client = client.ready().await.unwrap();
    let request = grpc_request(addr, "glocal.v1.MarketService/ListMarkets");
    let (response, body) = client.send_request(request, false).unwrap();
    (client, body, response, max_streams)
}

#[tokio::test]
async fn calls_over_the_limits_get_clear_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let config = ServeConfig {
        limits: ResourceLimits {
            max_in_flight: 1,
            max_concurrent_streams: 7,
            request_timeout: Duration::from_secs(2),
            ..ResourceLimits::default()
        },
        ..ServeConfig::default()
    };
    let server = TestServer::start_with(dir.path(), config).await;
    let (_client, _body, held, max_streams) = hold_a_call(server.addr).await;
    // The connection's SETTINGS carry the stream limit.
    assert_eq!(max_streams, 7);
    // The one call in flight is held: the next is shed, with a delay to
    // retry after.
    let mut markets = server.markets().await;
    let e = loop {
        match markets
            .list_markets(pb::ListMarketsRequest::default())
            .await
        {
            Err(e) => break e,
            // The held call may not have reached the limit yet.
            Ok(_) => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    };
    assert_error(&e, Code::Unavailable, "SERVER_OVERLOADED", None);
    assert!(e.get_error_details().retry_info().is_some(), "{e:?}");
    // Health is never shed.
    tonic_health::pb::health_client::HealthClient::new(server.channel().await)
        .check(tonic_health::pb::HealthCheckRequest::default())
        .await
        .unwrap();
    // The held call ends after the time limit with DEADLINE_EXCEEDED...
    let response = held.await.unwrap();
    let status = response
        .headers()
        .get("grpc-status")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    assert_eq!(status.as_deref(), Some("4"), "{:?}", response.headers());
    // ...and the next call is served.
    markets
        .list_markets(pb::ListMarketsRequest::default())
        .await
        .unwrap();
    server.stop().await;
}

#[tokio::test]
async fn connections_over_the_limit_are_closed_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let config = ServeConfig {
        limits: ResourceLimits {
            max_connections: 2,
            ..ResourceLimits::default()
        },
        ..ServeConfig::default()
    };
    let server = TestServer::start_with(dir.path(), config).await;
    // Two half-open connections (they never speak) take both places.
    let first = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    let second = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    // The third is closed by the server: reading it ends at once.
    let mut third = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    let mut buf = [0u8; 16];
    let n = tokio::time::timeout(
        Duration::from_secs(5),
        tokio::io::AsyncReadExt::read(&mut third, &mut buf),
    )
    .await
    .expect("the server closes the connection over the limit");
    assert!(matches!(n, Ok(0) | Err(_)), "{n:?}");
    // Once one closes, a client is served again.
    drop(first);
    let mut served = false;
    for _ in 0..100 {
        if let Ok(channel) = Channel::from_shared(format!("http://{}", server.addr))
            .unwrap()
            .connect()
            .await
        {
            if MarketServiceClient::new(channel)
                .list_markets(pb::ListMarketsRequest::default())
                .await
                .is_ok()
            {
                served = true;
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(served);
    drop(second);
    server.stop().await;
}

/// The headers of a gRPC call of `method` (`glocal.v1.MarketService/...`)
/// to `addr`, for a raw HTTP/2 client.
fn grpc_request(addr: std::net::SocketAddr, method: &str) -> http::Request<()> {
    http::Request::builder()
        .method("POST")
        .uri(format!("http://{addr}/{method}"))
        .header("content-type", "application/grpc")
        .header("te", "trailers")
        .body(())
        .unwrap()
}

/// A raw HTTP/2 connection (handshake done, no call): its client, and the
/// task driving it, which ends when the server closes the connection.
async fn raw_connection(
    addr: std::net::SocketAddr,
) -> (
    h2::client::SendRequest<bytes::Bytes>,
    tokio::task::JoinHandle<()>,
) {
    let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (client, connection) = h2::client::handshake(tcp).await.unwrap();
    let driver = tokio::spawn(async move {
        let _ = connection.await;
    });
    (client, driver)
}

#[tokio::test]
async fn silent_and_idle_connections_are_closed() {
    let dir = tempfile::tempdir().unwrap();
    let config = ServeConfig {
        limits: ResourceLimits {
            max_connections: 1,
            handshake_timeout: Duration::from_secs(1),
            idle_timeout: Duration::from_secs(2),
            ..ResourceLimits::default()
        },
        ..ServeConfig::default()
    };
    let server = TestServer::start_with(dir.path(), config).await;

    // A connection that never speaks holds the only place until the
    // handshake timeout, then is closed; the place is free again.
    let accepted = std::time::Instant::now();
    let mut silent = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    // (The server's SETTINGS come first; then the end.)
    let mut received = Vec::new();
    let read = tokio::time::timeout(
        Duration::from_secs(10),
        tokio::io::AsyncReadExt::read_to_end(&mut silent, &mut received),
    )
    .await
    .expect("the server closes a silent connection");
    // Its end of file, or a reset: either way the connection is gone.
    drop(read);
    assert!(
        accepted.elapsed() >= Duration::from_millis(900),
        "closed before its handshake timeout: {:?}",
        accepted.elapsed()
    );

    // A connection with a call open outlives the idle timeout.
    let (client, driver) = raw_connection(server.addr).await;
    let mut client = client.ready().await.unwrap();
    let request = grpc_request(server.addr, "glocal.v1.MarketService/ListMarkets");
    let (response, mut body) = client.send_request(request, false).unwrap();
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(!driver.is_finished(), "closed with a call open");
    // The call ends (an empty ListMarketsRequest, one gRPC frame)...
    body.send_data(bytes::Bytes::from_static(&[0, 0, 0, 0, 0]), true)
        .unwrap();
    let response = response.await.unwrap();
    assert_eq!(response.status(), http::StatusCode::OK);
    let mut response_body = response.into_body();
    while let Some(chunk) = response_body.data().await {
        chunk.unwrap();
    }
    let trailers = response_body.trailers().await.unwrap().unwrap_or_default();
    assert_eq!(
        trailers.get("grpc-status").and_then(|v| v.to_str().ok()),
        Some("0"),
        "{trailers:?}"
    );
    // ...and once idle for the idle timeout, the connection is closed.
    let idle_since = std::time::Instant::now();
    tokio::time::timeout(Duration::from_secs(10), driver)
        .await
        .expect("the server closes an idle connection")
        .unwrap();
    assert!(
        idle_since.elapsed() >= Duration::from_millis(1500),
        "closed before its idle timeout: {:?}",
        idle_since.elapsed()
    );
    drop(client);

    // A tonic client whose connection was closed for idleness reconnects
    // on its next call.
    let mut markets = server.markets().await;
    markets
        .list_markets(pb::ListMarketsRequest::default())
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_secs(3)).await;
    markets
        .list_markets(pb::ListMarketsRequest::default())
        .await
        .unwrap();
    server.stop().await;
}

#[test]
fn serve_refuses_an_open_address_without_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let out = glocal()
        .args(["serve", "--listen", "0.0.0.0:0", "--data-dir"])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: refusing to listen on 0.0.0.0:0 without --auth-tokens: anyone who can reach \
         it could change and delete every plan. Give --auth-tokens FILE (glocal token new makes \
         its entries), listen on 127.0.0.1, or pass --insecure-no-auth\n"
    );
    // Said explicitly, it serves.
    let server = serve_binary_with(
        "0.0.0.0:0",
        &dir.path().join("data"),
        &["--insecure-no-auth"],
    );
    assert!(server.ready_line.starts_with("glocal serving on 0.0.0.0:"));
}

#[test]
fn token_new_makes_a_token_and_its_entry_and_commands_send_glocal_token() {
    let out = glocal()
        .args([
            "token",
            "new",
            "--principal",
            "ci@example.com",
            "--role",
            "editor",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let (token, entry) = text.split_once('\n').unwrap();
    assert!(token.starts_with("glc_") && token.len() == 47, "{token}");
    assert_eq!(
        entry,
        format!(
            "[[token]]\nprincipal = \"ci@example.com\"\nrole = \"editor\"\nsha256 = \"{}\"\n",
            token_hash_hex(token)
        )
    );
    let bad = glocal()
        .args(["token", "new", "--principal", "x", "--role", "boss"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("is not a role: expected viewer, editor or admin"));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tokens.toml");
    std::fs::write(&file, entry).unwrap();
    let server = serve_binary_with(
        "127.0.0.1:0",
        &dir.path().join("data"),
        &["--auth-tokens", file.to_str().unwrap()],
    );
    let plan = common::root().join("examples/plan.toml");
    // Without the token: refused, and said so.
    let out = glocal()
        .args(["import", "--server", &server.address])
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Unauthenticated: glocal.v1.")
            && stderr(&out).contains("(set GLOCAL_TOKEN to a token of the server's tokens file)"),
        "{}",
        stderr(&out)
    );
    // With GLOCAL_TOKEN: imported.
    let out = glocal()
        .env("GLOCAL_TOKEN", token)
        .args(["import", "--server", &server.address])
        .arg(&plan)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("imported "), "{}", stdout(&out));
}

#[tokio::test]
async fn an_undecodable_request_is_invalid_argument() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let tcp = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    let (client, connection) = h2::client::handshake(tcp).await.unwrap();
    tokio::spawn(async move {
        let _ = connection.await;
    });
    let mut client = client.ready().await.unwrap();
    let request = grpc_request(server.addr, "glocal.v1.MarketService/CreateMarket");
    let (response, mut body) = client.send_request(request, false).unwrap();
    // CreateMarketRequest.market_id (field 1, a string) = the byte 0xFF,
    // which is not UTF-8.
    let message = [0x0a, 0x01, 0xff];
    let mut frame = vec![0u8];
    frame.extend_from_slice(&(message.len() as u32).to_be_bytes());
    frame.extend_from_slice(&message);
    body.send_data(bytes::Bytes::from(frame), true).unwrap();
    let response = response.await.unwrap();
    let (head, mut rest) = response.into_parts();
    let trailers = rest.trailers().await.unwrap().unwrap_or_default();
    let status = head
        .headers
        .get("grpc-status")
        .or_else(|| trailers.get("grpc-status"))
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let message = head
        .headers
        .get("grpc-message")
        .or_else(|| trailers.get("grpc-message"))
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .unwrap_or_default();
    assert_eq!(status.as_deref(), Some("3"), "{head:?} {trailers:?}");
    assert!(
        message.contains("does%20not%20decode") || message.contains("does not decode"),
        "{message}"
    );
    server.stop().await;
}
