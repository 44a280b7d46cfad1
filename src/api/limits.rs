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
//! - **Silent and idle connections**: a connection whose peer sends nothing
//!   within [`ResourceLimits::handshake_timeout`] of being accepted (a
//!   half-open or slowloris connection holding a place), or that has no call
//!   open for [`ResourceLimits::idle_timeout`], is closed
//!   ([`ConnectionActivity`], kept by [`TrackCalls`]). gRPC's own
//!   `MAX_CONNECTION_IDLE`; clients reconnect on their next call.

use std::{
    future::Future,
    io,
    pin::Pin,
    sync::atomic::{AtomicU64, AtomicUsize, Ordering},
    sync::Arc,
    task::{Context, Poll},
    time::{Duration, Instant},
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
    /// How long a new connection may stay silent (no byte from its peer)
    /// before it is closed.
    pub handshake_timeout: Duration,
    /// How long a connection may have no call open before it is closed.
    pub idle_timeout: Duration,
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
            handshake_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(300),
        }
    }
}

/// What one connection is doing, shared by its [`LimitedStream`] and the
/// calls made on it ([`TrackCalls`]): how many calls are open and when the
/// last one started or ended, so that the stream can close the connection
/// once it has been idle for [`ResourceLimits::idle_timeout`].
#[derive(Debug)]
pub struct ConnectionActivity {
    accepted: Instant,
    open_calls: AtomicUsize,
    /// Milliseconds after `accepted` of the last call's start or end.
    last_change_ms: AtomicU64,
}

impl ConnectionActivity {
    fn new() -> Self {
        ConnectionActivity {
            accepted: Instant::now(),
            open_calls: AtomicUsize::new(0),
            last_change_ms: AtomicU64::new(0),
        }
    }

    fn stamp(&self) {
        let ms = u64::try_from(self.accepted.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_change_ms.store(ms, Ordering::Release);
    }

    /// When the connection, idle from now on, has been idle for `timeout`:
    /// `None` while a call is open.
    fn idle_deadline(&self, timeout: Duration) -> Option<Instant> {
        if self.open_calls.load(Ordering::Acquire) > 0 {
            return None;
        }
        let last = Duration::from_millis(self.last_change_ms.load(Ordering::Acquire));
        Some(self.accepted + last + timeout)
    }
}

/// A call open on a connection, from the moment it arrives until its
/// response body is sent or dropped.
#[derive(Debug)]
struct OpenCall(Arc<ConnectionActivity>);

impl OpenCall {
    fn new(activity: Arc<ConnectionActivity>) -> Self {
        activity.open_calls.fetch_add(1, Ordering::AcqRel);
        activity.stamp();
        OpenCall(activity)
    }
}

impl Drop for OpenCall {
    fn drop(&mut self) {
        self.0.stamp();
        self.0.open_calls.fetch_sub(1, Ordering::AcqRel);
    }
}

/// What the server knows of a connection, in each call's extensions: its
/// TCP addresses and its [`ConnectionActivity`].
#[derive(Debug, Clone)]
pub struct ConnectionInfo {
    /// The local and remote addresses.
    pub tcp: TcpConnectInfo,
    activity: Arc<ConnectionActivity>,
}

/// A connection the server keeps; holds its place among
/// [`ResourceLimits::max_connections`] until it closes, and ends itself
/// (reads end of file) when it stays silent or idle too long (see the
/// module documentation).
#[derive(Debug)]
pub struct LimitedStream {
    inner: TcpStream,
    _permit: OwnedSemaphorePermit,
    activity: Arc<ConnectionActivity>,
    handshake_timeout: Duration,
    idle_timeout: Duration,
    /// Whether the peer has sent a byte.
    heard: bool,
    /// Whether the connection was ended for silence or idleness.
    ended: bool,
    timer: Pin<Box<tokio::time::Sleep>>,
}

impl LimitedStream {
    fn new(inner: TcpStream, permit: OwnedSemaphorePermit, limits: &ResourceLimits) -> Self {
        let activity = Arc::new(ConnectionActivity::new());
        let timer = Box::pin(tokio::time::sleep_until(
            (activity.accepted + limits.handshake_timeout).into(),
        ));
        LimitedStream {
            inner,
            _permit: permit,
            activity,
            handshake_timeout: limits.handshake_timeout,
            idle_timeout: limits.idle_timeout,
            heard: false,
            ended: false,
            timer,
        }
    }

    /// Whether the connection has been silent or idle too long; otherwise
    /// sets the timer (and its waker) for the next time it might be.
    fn out_of_time(&mut self, cx: &mut Context<'_>) -> bool {
        while self.timer.as_mut().poll(cx).is_ready() {
            let now = Instant::now();
            let (deadline, what, timeout) = if self.heard {
                let idle = self.idle_timeout;
                let deadline = self.activity.idle_deadline(idle).unwrap_or(now + idle);
                (deadline, "no call open", idle)
            } else {
                let handshake = self.handshake_timeout;
                (
                    self.activity.accepted + handshake,
                    "nothing received",
                    handshake,
                )
            };
            if deadline <= now {
                let peer = self.inner.peer_addr().ok();
                tracing::debug!(?peer, ?timeout, "{what}; closing the connection");
                return true;
            }
            self.timer.as_mut().reset(deadline.into());
        }
        false
    }
}

impl Connected for LimitedStream {
    type ConnectInfo = ConnectionInfo;

    fn connect_info(&self) -> Self::ConnectInfo {
        ConnectionInfo {
            tcp: self.inner.connect_info(),
            activity: Arc::clone(&self.activity),
        }
    }
}

impl AsyncRead for LimitedStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.ended || this.out_of_time(cx) {
            // End of file: the server closes its side as for a peer that left.
            this.ended = true;
            return Poll::Ready(Ok(()));
        }
        let before = buf.filled().len();
        let result = Pin::new(&mut this.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.heard = true;
        }
        result
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

/// The connections `listener` accepts, at most
/// [`ResourceLimits::max_connections`] open at once: one
/// accepted over the limit is closed at once. Accept errors (such as running
/// out of file descriptors) are logged and accepting goes on after a pause,
/// so that they never stop the server.
pub fn limited_incoming(
    listener: TcpListener,
    limits: ResourceLimits,
) -> impl tokio_stream::Stream<Item = Result<LimitedStream, io::Error>> {
    let max = limits.max_connections;
    let permits = Arc::new(Semaphore::new(max.max(1)));
    async_stream_from(move |tx| async move {
        loop {
            match listener.accept().await {
                Ok((stream, peer)) => match Arc::clone(&permits).try_acquire_owned() {
                    Ok(permit) => {
                        let _ = stream.set_nodelay(true);
                        let item = LimitedStream::new(stream, permit, &limits);
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

/// Tower middleware that counts each call as open on its connection
/// ([`ConnectionActivity`]) from its arrival until its response body is sent
/// or dropped, so that a connection with a call open (a long stream such as
/// Health/Watch included) is never idle.
#[derive(Debug, Clone)]
pub struct TrackCalls<S> {
    inner: S,
}

impl<S> TrackCalls<S> {
    /// Wraps `inner`.
    pub fn new(inner: S) -> Self {
        TrackCalls { inner }
    }
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for TrackCalls<S>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
    ResBody: http_body::Body<Data = bytes::Bytes> + Send + 'static,
    ResBody::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let call = request
            .extensions()
            .get::<ConnectionInfo>()
            .map(|info| OpenCall::new(Arc::clone(&info.activity)));
        let future = self.inner.call(request);
        Box::pin(async move {
            let response = future.await?;
            Ok(response.map(|body| {
                // The call stays open as long as its body.
                let body = http_body_util::BodyExt::map_frame(body, move |frame| {
                    let _open = &call;
                    frame
                });
                tonic::body::Body::new(body)
            }))
        })
    }
}
