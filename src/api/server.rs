//! The gRPC server: glocal's services, health and reflection (v1 and v1alpha).

use std::{future::Future, sync::Arc};

use tokio::net::TcpListener;
use tonic::transport::{Certificate, Identity, Server, ServerTlsConfig};
use tonic_health::ServingStatus;

use crate::store::{Store, StoreError, StoreHealth};

use super::auth::{Authenticate, TokenTable};
use super::language::CallerLanguage;
use super::limits::{limited_incoming, Deadline, InFlightLimit, ResourceLimits, TrackCalls};
use super::metrics::Metrics;
use super::pb::{
    self,
    glocal::v1::{
        admin_service_server::AdminServiceServer, market_service_server::MarketServiceServer,
        planning_service_server::PlanningServiceServer,
        product_service_server::ProductServiceServer,
        revision_service_server::RevisionServiceServer,
    },
};
use super::trace::RequestLog;
use super::{AdminApi, BundleLimits, MarketApi, PlanningApi, ProductApi, RevisionApi};

/// Settings of the server.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Limits of bundle writes.
    pub bundle_limits: BundleLimits,
    /// Largest request accepted, in bytes (larger ones get OUT_OF_RANGE from the gRPC layer).
    pub max_request_bytes: usize,
    /// How long a shutdown waits for requests and streams still open.
    pub drain_timeout: std::time::Duration,
    /// The tokens the server accepts; `None`: every call passes (loopback
    /// or `--insecure-no-auth` only, which `glocal serve` enforces).
    pub tokens: Option<Arc<TokenTable>>,
    /// TLS, when the server speaks it.
    pub tls: Option<TlsFiles>,
    /// Connections, streams, calls in flight, time per call, keepalive.
    pub limits: ResourceLimits,
    /// The metrics to keep, when they are served (`--metrics-listen`).
    pub metrics: Option<Arc<Metrics>>,
    /// The check results of CheckRoadmap and ListTranslationTasks, which the
    /// dashboard shares.
    pub check_cache: Arc<super::CheckCache>,
}

/// The PEM files of a TLS server, read.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    /// The certificate chain.
    pub cert_pem: Vec<u8>,
    /// Its private key.
    pub key_pem: Vec<u8>,
    /// Mutual TLS: the CA whose certificates clients must present.
    pub client_ca_pem: Option<Vec<u8>>,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            bundle_limits: BundleLimits::default(),
            max_request_bytes: 32 * 1024 * 1024,
            drain_timeout: std::time::Duration::from_secs(10),
            tokens: None,
            tls: None,
            limits: ResourceLimits::default(),
            metrics: None,
            check_cache: Arc::default(),
        }
    }
}

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The reflection service could not be built from the descriptors.
    #[error("cannot build the reflection service: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// The transport failed.
    #[error("gRPC transport error: {0}")]
    Transport(#[from] tonic::transport::Error),
    /// The final flush failed.
    #[error("cannot flush the store on shutdown: {0}")]
    Store(#[from] StoreError),
}

/// The gRPC service names glocal reports health for, besides the overall "".
const SERVICE_NAMES: &[&str] = &[
    "glocal.v1.MarketService",
    "glocal.v1.ProductService",
    "glocal.v1.RevisionService",
    "glocal.v1.PlanningService",
    "glocal.v1.AdminService",
];

/// Serves the glocal API on `listener` with the default [`ServeConfig`]
/// until `shutdown` completes; see [`serve_with`].
pub async fn serve(
    listener: TcpListener,
    store: Arc<dyn Store>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    serve_with(listener, store, ServeConfig::default(), shutdown).await
}

/// Serves the glocal API on `listener` until `shutdown` completes; then
/// reports NOT_SERVING, lets requests in flight finish, and flushes `store`.
pub async fn serve_with(
    listener: TcpListener,
    store: Arc<dyn Store>,
    config: ServeConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let (reporter, health) = tonic_health::server::health_reporter();
    for name in std::iter::once("").chain(SERVICE_NAMES.iter().copied()) {
        reporter
            .set_service_status(name, ServingStatus::Serving)
            .await;
    }
    let reflection = || {
        tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
    };
    let reflection_v1 = reflection().build_v1()?;
    let reflection_v1alpha = reflection().build_v1alpha()?;

    // Health follows the store: NOT_SERVING while its disk fails, SERVING
    // again once a write succeeds.
    let mut store_health = store.health();
    let health_reporter = reporter.clone();
    let health_watcher = tokio::spawn(async move {
        loop {
            let status = match &*store_health.borrow_and_update() {
                StoreHealth::Healthy => ServingStatus::Serving,
                StoreHealth::Failing { error } => {
                    tracing::error!(%error, "the store is failing; reporting NOT_SERVING");
                    ServingStatus::NotServing
                }
            };
            for name in std::iter::once("").chain(SERVICE_NAMES.iter().copied()) {
                health_reporter.set_service_status(name, status).await;
            }
            if store_health.changed().await.is_err() {
                break;
            }
        }
    });
    let drain_reporter = reporter.clone();
    let (draining_tx, draining_rx) = tokio::sync::oneshot::channel::<()>();
    let shutdown = async move {
        shutdown.await;
        // Not to flip back to SERVING while draining.
        health_watcher.abort();
        tracing::info!("shutting down: reporting NOT_SERVING and draining requests");
        for name in std::iter::once("").chain(SERVICE_NAMES.iter().copied()) {
            drain_reporter
                .set_service_status(name, ServingStatus::NotServing)
                .await;
        }
        let _ = draining_tx.send(());
    };
    // Streams such as Health/Watch stay open until their client leaves: give
    // requests in flight `drain_timeout`, then stop waiting for them.
    let drain_deadline = async move {
        match draining_rx.await {
            Ok(()) => tokio::time::sleep(config.drain_timeout).await,
            Err(_) => std::future::pending().await,
        }
    };

    let limits = config.limits;
    let mut builder = Server::builder()
        .max_concurrent_streams(limits.max_concurrent_streams)
        .http2_keepalive_interval(Some(limits.keepalive_interval))
        .http2_keepalive_timeout(Some(limits.keepalive_timeout))
        .tcp_keepalive(Some(limits.keepalive_interval));
    if let Some(tls) = &config.tls {
        let mut tls_config =
            ServerTlsConfig::new().identity(Identity::from_pem(&tls.cert_pem, &tls.key_pem));
        if let Some(ca) = &tls.client_ca_pem {
            tls_config = tls_config.client_ca_root(Certificate::from_pem(ca));
        }
        builder = builder.tls_config(tls_config)?;
    }
    let tokens = config.tokens.clone();
    let metrics = config.metrics.clone();
    let in_flight = Arc::new(tokio::sync::Semaphore::new(limits.max_in_flight.max(1)));
    let server = builder
        .layer(tower::layer::layer_fn(TrackCalls::new))
        .layer(tower::layer::layer_fn(move |s| {
            RequestLog::new(s, metrics.clone())
        }))
        .layer(tower::layer::layer_fn(CallerLanguage::new))
        .layer(tower::layer::layer_fn(move |s| {
            Authenticate::new(s, tokens.clone())
        }))
        .layer(tower::layer::layer_fn(move |s| {
            InFlightLimit::new(s, Arc::clone(&in_flight), limits.max_in_flight)
        }))
        .layer(tower::layer::layer_fn(move |s| {
            Deadline::new(s, limits.request_timeout)
        }))
        .add_service(health)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(
            MarketServiceServer::new(MarketApi::new(Arc::clone(&store)))
                .max_decoding_message_size(config.max_request_bytes),
        )
        .add_service(
            ProductServiceServer::new(ProductApi::new(Arc::clone(&store), config.bundle_limits))
                .max_decoding_message_size(config.max_request_bytes),
        )
        .add_service(
            PlanningServiceServer::new(PlanningApi::with_checks(
                Arc::clone(&store),
                Arc::clone(&config.check_cache),
            ))
            .max_decoding_message_size(config.max_request_bytes),
        )
        .add_service(RevisionServiceServer::new(RevisionApi::new(Arc::clone(
            &store,
        ))))
        .add_service(AdminServiceServer::new(AdminApi::new(Arc::clone(&store))))
        .serve_with_incoming_shutdown(limited_incoming(listener, limits), shutdown);
    tokio::select! {
        result = server => result?,
        () = drain_deadline => tracing::warn!(
            timeout = ?config.drain_timeout,
            "requests still open after the drain timeout; closing them"
        ),
    }
    match store.flush().await {
        Ok(()) => tracing::info!("stopped; all changes are on disk"),
        // Every acknowledged write was flushed before it was acknowledged:
        // a disk that fails now loses nothing that was acknowledged.
        Err(e) if e.is_unavailable() => tracing::warn!(
            error = %e,
            "stopped; the final flush failed, but every acknowledged change was on disk already"
        ),
        Err(e) => return Err(e.into()),
    }
    Ok(())
}
