//! A real glocal server on 127.0.0.1:0 for integration tests, with clients:
//! in process ([`TestServer`]) or as the real binary ([`serve_binary`]), and
//! the real binary's command line ([`glocal`]).

#![allow(dead_code)]

pub mod handoff_samples;

use std::{
    io::{BufRead, BufReader},
    net::{SocketAddr, TcpListener},
    path::Path,
    process::{Child, Command, Output, Stdio},
    sync::Arc,
};

use glocal::api::pb::glocal::v1::{
    market_service_client::MarketServiceClient, product_service_client::ProductServiceClient,
    revision_service_client::RevisionServiceClient,
};
use glocal::store::SledStore;
use tokio::{sync::oneshot, task::JoinHandle};
use tonic::transport::Channel;
use tonic_types::StatusExt;

/// A running server over a data directory.
pub struct TestServer {
    pub addr: SocketAddr,
    /// The store it serves, for tests that look at how much a call reads.
    pub store: Arc<SledStore>,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<Result<(), glocal::api::ServeError>>>,
}

impl TestServer {
    /// Starts a server on a free port over `dir`.
    pub async fn start(dir: &Path) -> TestServer {
        Self::start_with(dir, glocal::api::ServeConfig::default()).await
    }

    /// Starts a server on a free port over `dir` with `config`.
    pub async fn start_with(dir: &Path, config: glocal::api::ServeConfig) -> TestServer {
        // A server stopped just before may still be releasing the directory
        // lock while its connections wind down.
        let mut attempts = 0;
        let store = loop {
            match SledStore::open(dir) {
                Ok(store) => break store,
                Err(e) if attempts < 50 => {
                    attempts += 1;
                    let _ = e;
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
                Err(e) => panic!("open store: {e}"),
            }
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let store = Arc::new(store);
        let handle = tokio::spawn(glocal::api::serve_with(
            listener,
            Arc::clone(&store) as Arc<dyn glocal::store::Store>,
            config,
            async {
                let _ = rx.await;
            },
        ));
        TestServer {
            addr,
            store,
            shutdown: Some(tx),
            handle: Some(handle),
        }
    }

    /// Stops the server and waits until it has flushed and released the directory.
    pub async fn stop(mut self) {
        self.shutdown.take().unwrap().send(()).unwrap();
        self.handle
            .take()
            .unwrap()
            .await
            .unwrap()
            .expect("server stops cleanly");
    }

    pub async fn channel(&self) -> Channel {
        Channel::from_shared(format!("http://{}", self.addr))
            .unwrap()
            .connect()
            .await
            .expect("connect")
    }

    pub async fn markets(&self) -> MarketServiceClient<Channel> {
        MarketServiceClient::new(self.channel().await)
    }

    pub async fn products(&self) -> ProductServiceClient<Channel> {
        ProductServiceClient::new(self.channel().await)
    }

    pub async fn revisions(&self) -> RevisionServiceClient<Channel> {
        RevisionServiceClient::new(self.channel().await)
    }

    /// Creates `products/{product}` (source `en-US`) and its variant
    /// `variant` sold in `markets` (resource names).
    pub async fn product_with_variant(&self, product: &str, variant: &str, markets: Vec<String>) {
        use glocal::api::pb::glocal::v1 as pb;
        let mut p = self.products().await;
        p.create_product(pb::CreateProductRequest {
            product_id: product.into(),
            product: Some(pb::Product {
                source_locale: "en-US".into(),
                ..Default::default()
            }),
        })
        .await
        .unwrap();
        p.create_variant(pb::CreateVariantRequest {
            parent: format!("products/{product}"),
            variant_id: variant.into(),
            variant: Some(pb::Variant {
                markets,
                ..Default::default()
            }),
        })
        .await
        .unwrap();
    }
}

/// Asserts that `status` has `code`, the ErrorInfo `reason` in domain "glocal",
/// and (when given) a BadRequest violation of `field`; returns its description.
pub fn assert_error(
    status: &tonic::Status,
    code: tonic::Code,
    reason: &str,
    field: Option<&str>,
) -> String {
    assert_eq!(status.code(), code, "{status:?}");
    let details = status.get_error_details();
    let info = details
        .error_info()
        .unwrap_or_else(|| panic!("no ErrorInfo in {status:?}"));
    assert_eq!(info.reason, reason, "{status:?}");
    assert_eq!(info.domain, "glocal");
    match field {
        Some(field) => {
            let bad = details
                .bad_request()
                .unwrap_or_else(|| panic!("no BadRequest in {status:?}"));
            let v = bad
                .field_violations
                .iter()
                .find(|v| v.field == field)
                .unwrap_or_else(|| panic!("no violation of {field} in {:?}", bad.field_violations));
            v.description.clone()
        }
        None => status.message().to_string(),
    }
}

/// The repository root, where the fixtures' relative paths start.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The real `glocal` binary, run in the repository root, in English whatever
/// the machine's locale (tests/l10n.rs tests the others), without colour or
/// a server from the environment, and logging warnings only.
pub fn glocal() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_glocal"));
    cmd.current_dir(root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("NO_COLOR")
        .env_remove("GLOCAL_SERVER")
        .env_remove("GLOCAL_LISTEN")
        .env("GLOCAL_LOG", "warn");
    cmd
}

/// A command's standard output, which must be UTF-8.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A command's standard error, which must be UTF-8.
pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// `host:port` of a port on 127.0.0.1 where nothing listens (bound, then
/// closed).
pub fn free_address() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

/// A `glocal serve` child process, ready: it has printed its ready line.
/// Killed when dropped.
pub struct ServeProcess {
    pub child: Child,
    /// The ready line, `glocal serving on ADDRESS (data in DIR)\n`.
    pub ready_line: String,
    /// `host:port` it listens on, as the ready line says.
    pub address: String,
    /// `http://{address}`.
    pub url: String,
    /// With `--http-listen`: the dashboard's `host:port`, as its line says.
    pub dashboard: Option<String>,
    /// The data directory, when the process owns it; removed after the kill.
    owned_dir: Option<tempfile::TempDir>,
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `glocal serve --listen 127.0.0.1:0 --data-dir DATA`, once it is ready.
pub fn serve_binary(data: &Path) -> ServeProcess {
    serve_binary_on("127.0.0.1:0", data)
}

/// `glocal serve` on 127.0.0.1:0 over an empty data directory of its own.
pub fn serve_binary_fresh() -> ServeProcess {
    let dir = tempfile::tempdir().unwrap();
    let mut server = serve_binary(&dir.path().join("data"));
    server.owned_dir = Some(dir);
    server
}

/// `glocal serve` over `dir/data` with `dir/plan.toml` imported and the
/// locale tree `dir/locales` pushed to `product` (its id), as a user would
/// set up a server with the command line.
pub fn serve_plan(dir: &Path, product: &str) -> ServeProcess {
    serve_plan_with(dir, product, &[], None)
}

/// [`serve_plan`] with more `glocal serve` arguments, importing and pushing
/// with `token` (GLOCAL_TOKEN) when the server needs one.
pub fn serve_plan_with(
    dir: &Path,
    product: &str,
    extra: &[&str],
    token: Option<&str>,
) -> ServeProcess {
    let server = serve_binary_with("127.0.0.1:0", &dir.join("data"), extra);
    for args in [
        vec!["import", "plan.toml", "--server", &server.url],
        vec![
            "push",
            "--server",
            &server.url,
            "--product",
            product,
            "locales",
        ],
    ] {
        let mut command = glocal();
        if let Some(token) = token {
            command.env("GLOCAL_TOKEN", token);
        }
        let out = command.current_dir(dir).args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    server
}

/// `glocal serve --listen LISTEN --data-dir DATA`, once it is ready; the
/// address is the one it chose (for port 0) and resolved (for a host name).
pub fn serve_binary_on(listen: &str, data: &Path) -> ServeProcess {
    serve_binary_with(listen, data, &[])
}

/// `glocal serve --listen LISTEN --data-dir DATA EXTRA...`, once it is
/// ready (see [`serve_binary_on`]).
pub fn serve_binary_with(listen: &str, data: &Path, extra: &[&str]) -> ServeProcess {
    let mut args: Vec<std::ffi::OsString> = ["serve", "--listen", listen, "--data-dir"]
        .iter()
        .map(Into::into)
        .collect();
    args.push(data.into());
    args.extend(extra.iter().map(Into::into));
    serve_binary_args(&args)
}

/// `glocal serve ARGS...` (ARGS starting with `serve`'s flags, such as
/// `--store etcd://…` instead of a data directory), once it is ready (see
/// [`serve_binary_on`]).
pub fn serve_binary_args(args: &[std::ffi::OsString]) -> ServeProcess {
    let extra: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    let mut child = glocal()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn glocal serve");
    let mut ready_line = String::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap());
    lines.read_line(&mut ready_line).unwrap();
    // With --http-listen, the dashboard's line follows.
    let dashboard = extra.contains(&"--http-listen").then(|| {
        let mut line = String::new();
        lines.read_line(&mut line).unwrap();
        line.trim()
            .strip_prefix("glocal dashboard on http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap_or_else(|| panic!("no dashboard address in {line:?}"))
            .to_string()
    });
    let address = match ready_line
        .strip_prefix("glocal serving on ")
        .and_then(|rest| rest.split_whitespace().next())
    {
        Some(address) => address.to_string(),
        None => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("no address in the ready line {ready_line:?}");
        }
    };
    ServeProcess {
        child,
        ready_line,
        url: format!("http://{address}"),
        address,
        dashboard,
        owned_dir: None,
    }
}

/// Creates the product `id` (source locale en-US) on the server at `url`,
/// and returns the client that did.
pub async fn create_product(url: &str, id: &str) -> ProductServiceClient<Channel> {
    let mut client = ProductServiceClient::connect(url.to_string())
        .await
        .unwrap();
    client
        .create_product(glocal::api::pb::glocal::v1::CreateProductRequest {
            product_id: id.into(),
            product: Some(glocal::api::pb::glocal::v1::Product {
                source_locale: "en-US".into(),
                ..Default::default()
            }),
        })
        .await
        .unwrap();
    client
}

/// Copies a fixture folder into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// An HTTP/1.1 answer: its status, headers (names in lower case) and body.
pub struct HttpAnswer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpAnswer {
    /// The first value of header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request to `address` (`host:port`) on a new connection,
/// read to its end: `METHOD path`, the extra `headers` (a `Host` among them
/// replaces the address), and a form `body`.
pub fn http(
    address: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> HttpAnswer {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).expect("connect to the dashboard");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .unwrap();
    let mut request = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    // The dashboard's own address, unless the test sends another Host.
    if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
        request.push_str(&format!("Host: {address}\r\n"));
    }
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(body) = body {
        request.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    request.push_str("\r\n");
    request.push_str(body.unwrap_or(""));
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8(raw).expect("a UTF-8 answer");
    let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    HttpAnswer {
        status,
        headers,
        body: body.to_string(),
    }
}
