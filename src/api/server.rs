//! The gRPC server: glocal's services, health and reflection (v1 and v1alpha).

use std::{future::Future, sync::Arc};

use tokio::net::TcpListener;
use tokio_stream::wrappers::TcpListenerStream;
use tonic::transport::Server;
use tonic_health::ServingStatus;

use crate::store::{Store, StoreError};

use super::language::CallerLanguage;
use super::pb::{
    self,
    glocal::v1::{
        market_service_server::MarketServiceServer, planning_service_server::PlanningServiceServer,
        product_service_server::ProductServiceServer,
        revision_service_server::RevisionServiceServer,
    },
};
use super::trace::RequestLog;
use super::{BundleLimits, MarketApi, PlanningApi, ProductApi, RevisionApi};

/// Settings of the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServeConfig {
    /// Limits of bundle writes.
    pub bundle_limits: BundleLimits,
    /// Largest request accepted, in bytes (larger ones get OUT_OF_RANGE from the gRPC layer).
    pub max_request_bytes: usize,
    /// How long a shutdown waits for requests and streams still open.
    pub drain_timeout: std::time::Duration,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            bundle_limits: BundleLimits::default(),
            max_request_bytes: 32 * 1024 * 1024,
            drain_timeout: std::time::Duration::from_secs(10),
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

    let drain_reporter = reporter.clone();
    let (draining_tx, draining_rx) = tokio::sync::oneshot::channel::<()>();
    let shutdown = async move {
        shutdown.await;
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

    let server = Server::builder()
        .layer(tower::layer::layer_fn(RequestLog::new))
        .layer(tower::layer::layer_fn(CallerLanguage::new))
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
            PlanningServiceServer::new(PlanningApi::new(Arc::clone(&store)))
                .max_decoding_message_size(config.max_request_bytes),
        )
        .add_service(RevisionServiceServer::new(RevisionApi::new(Arc::clone(
            &store,
        ))))
        .serve_with_incoming_shutdown(TcpListenerStream::new(listener), shutdown);
    tokio::select! {
        result = server => result?,
        () = drain_deadline => tracing::warn!(
            timeout = ?config.drain_timeout,
            "requests still open after the drain timeout; closing them"
        ),
    }
    store.flush().await?;
    tracing::info!("stopped; all changes are on disk");
    Ok(())
}
