//! A real glocal server on 127.0.0.1:0 for integration tests, with clients.

#![allow(dead_code)]

use std::{net::SocketAddr, path::Path, sync::Arc};

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
        let handle = tokio::spawn(glocal::api::serve_with(
            listener,
            Arc::new(store),
            config,
            async {
                let _ = rx.await;
            },
        ));
        TestServer {
            addr,
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
