//! Bounded resources: how many connections the server keeps, how many calls
//! it works on at once, and how long a call may take. Each limit is a
//! `glocal serve` flag with a default sized for a shared internal service;
//! what is over a limit gets a clear answer instead of taking the host down.
//!
//! - **Connections** ([`ResourceLimits::max_connections`]): a connection
//!   accepted over the limit is closed at once (and logged), so that
//!   thousands of idle or half-open connections cannot pile up.
//! - **Streams per connection** ([`ResourceLimits::max_concurrent_streams`]),
//!   announced in HTTP/2's SETTINGS: a client cannot open more calls on one
//!   connection; with the connection limit it bounds what slow readers can
//!   hold.
//! - **Calls in flight** ([`ResourceLimits::max_in_flight`]), across all
//!   connections: a call over the limit is shed with UNAVAILABLE, ErrorInfo
//!   reason `SERVER_OVERLOADED` and a `RetryInfo` delay, instead of queueing
//!   behind work it would only make slower. Health checks are never shed.
//! - **Time per call** ([`ResourceLimits::request_timeout`]): a call that
//!   runs longer ends with DEADLINE_EXCEEDED ([`Deadline`]); tonic ends one
//!   that runs longer than the client's own `grpc-timeout` when that is
//!   shorter.
//! - **Dead peers**: HTTP/2 keepalive pings every
//!   [`ResourceLimits::keepalive_interval`]; a peer that does not answer
//!   within [`ResourceLimits::keepalive_timeout`] is disconnected.

use std::{
    future::Future,
    io,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
    time::Duration,
};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tonic::transport::server::{Connected, TcpConnectInfo};
use tower::Service;

use super::error::ApiError;

/// The limits of a server (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResourceLimits {
    /// Connections kept open at once.
    pub max_connections: usize,
    /// Calls (HTTP/2 streams) open at once on one connection.
    pub max_concurrent_streams: u32,
    /// Calls worked on at once across all connections.
    pub max_in_flight: usize,
    /// Longest a call may take.
    pub request_timeout: Duration,
    /// Time between keepalive pings on a connection.
    pub keepalive_interval: Duration,
    /// How long a ping may go unanswered before the connection is closed.
    pub keepalive_timeout: Duration,
}

impl Default for ResourceLimits {
    fn default() -> Self {
        ResourceLimits {
            max_connections: 1024,
            max_concurrent_streams: 100,
            max_in_flight: 256,
            request_timeout: Duration::from_secs(120),
            keepalive_interval: Duration::from_secs(30),
            keepalive_timeout: Duration::from_secs(20),
        }
    }
}

/// A connection the server keeps; holds its place among
/// [`ResourceLimits::max_connections`] until it closes.
#[derive(Debug)]
pub struct LimitedStream {
    inner: TcpStream,
    _permit: OwnedSemaphorePermit,
}

impl Connected for LimitedStream {
    type ConnectInfo = TcpConnectInfo;

    fn connect_info(&self) -> Self::ConnectInfo {
        self.inner.connect_info()
    }
}

impl AsyncRead for LimitedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for LimitedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

/// The connections `listener` accepts, at most `max` open at once: one
/// accepted over the limit is closed at once. Accept errors (such as running
/// out of file descriptors) are logged and accepting goes on after a pause,
/// so that they never stop the server.
pub fn limited_incoming(
    listener: TcpListener,
    max: usize,
) -> impl tokio_stream::Stream<Item = Result<LimitedStream, io::Error>> {
    let permits = Arc::new(Semaphore::new(max.max(1)));
    async_stream_from(move |tx| async move {
        loop {
            match listener.accept().await {
                Ok((stream, peer)) => match Arc::clone(&permits).try_acquire_owned() {
                    Ok(permit) => {
                        let _ = stream.set_nodelay(true);
                        let item = LimitedStream {
                            inner: stream,
                            _permit: permit,
                        };
                        if tx.send(Ok(item)).await.is_err() {
                            return;
                        }
                    }
                    Err(_) => {
                        tracing::warn!(%peer, max, "connection limit reached; closing the new connection");
                        drop(stream);
                    }
                },
                Err(e) => {
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        }
    })
}

/// A stream fed by a task through a small channel.
fn async_stream_from<F, Fut, T>(produce: F) -> tokio_stream::wrappers::ReceiverStream<T>
where
    F: FnOnce(tokio::sync::mpsc::Sender<T>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
    T: Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel(16);
    tokio::spawn(produce(tx));
    tokio_stream::wrappers::ReceiverStream::new(rx)
}

/// Tower middleware that sheds calls over [`ResourceLimits::max_in_flight`]
/// with UNAVAILABLE (health checks pass always).
#[derive(Debug, Clone)]
pub struct InFlightLimit<S> {
    inner: S,
    permits: Arc<Semaphore>,
    max: usize,
}

impl<S> InFlightLimit<S> {
    /// Wraps `inner`, sharing `permits` (of `max`) with the other
    /// connections.
    pub fn new(inner: S, permits: Arc<Semaphore>, max: usize) -> Self {
        InFlightLimit {
            inner,
            permits,
            max,
        }
    }
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for InFlightLimit<S>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
    ResBody: Default + Send + 'static,
    S::Error: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        if request.uri().path().starts_with("/grpc.health.") {
            return Box::pin(self.inner.call(request));
        }
        match Arc::clone(&self.permits).try_acquire_owned() {
            Ok(permit) => {
                let future = self.inner.call(request);
                Box::pin(async move {
                    let response = future.await;
                    drop(permit);
                    response
                })
            }
            Err(_) => {
                let max = self.max;
                let path = request.uri().path().to_string();
                tracing::warn!(%path, max, "too many calls in flight; shedding");
                Box::pin(async move {
                    Ok(
                        tonic::Status::from(ApiError::Overloaded { max_in_flight: max })
                            .into_http(),
                    )
                })
            }
        }
    }
}

/// Tower middleware that ends a call still unanswered after
/// [`ResourceLimits::request_timeout`] with DEADLINE_EXCEEDED (ErrorInfo
/// reason `REQUEST_TIMEOUT`); dropping the call's future stops its work at
/// its next await (and the checks that run on the blocking pool look for
/// their caller between steps). A client's own `grpc-timeout` is honoured by
/// tonic as well, whichever is shorter.
#[derive(Debug, Clone)]
pub struct Deadline<S> {
    inner: S,
    timeout: Duration,
}

impl<S> Deadline<S> {
    /// Wraps `inner`.
    pub fn new(inner: S, timeout: Duration) -> Self {
        Deadline { inner, timeout }
    }
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for Deadline<S>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
    ResBody: Default + Send + 'static,
    S::Error: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let timeout = self.timeout;
        let path = request.uri().path().to_string();
        let future = self.inner.call(request);
        Box::pin(async move {
            match tokio::time::timeout(timeout, future).await {
                Ok(response) => response,
                Err(_) => {
                    tracing::warn!(%path, ?timeout, "the call took too long; ended");
                    Ok(tonic::Status::from(ApiError::DeadlineExceeded {
                        timeout_secs: timeout.as_secs(),
                    })
                    .into_http())
                }
            }
        })
    }
}
