//! One `tracing` line per request (method, gRPC status code, latency,
//! principal), and the request's Prometheus metrics when the server keeps
//! them ([`super::metrics`]).

use std::{
    future::Future,
    pin::Pin,
    task::{Context, Poll},
    time::Instant,
};

use std::sync::Arc;

use tower::Service;

use super::metrics::{method_labels, Metrics};

/// Tower middleware that logs every request when its response starts, and
/// counts it in `metrics`.
#[derive(Debug, Clone)]
pub struct RequestLog<S> {
    inner: S,
    metrics: Option<Arc<Metrics>>,
}

impl<S> RequestLog<S> {
    /// Wraps `inner`.
    pub fn new(inner: S, metrics: Option<Arc<Metrics>>) -> Self {
        RequestLog { inner, metrics }
    }
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for RequestLog<S>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
    S::Error: std::fmt::Display,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let method = request.uri().path().to_string();
        let start = Instant::now();
        let metrics = self.metrics.clone();
        let labels = metrics.as_ref().map(|m| {
            let labels = method_labels(&method);
            m.started(&labels);
            labels
        });
        let future = self.inner.call(request);
        Box::pin(async move {
            let result = future.await;
            let elapsed = start.elapsed().as_secs_f64();
            let latency_ms = elapsed * 1000.0;
            match &result {
                Ok(response) => {
                    // Unary errors are trailers-only responses: the status is
                    // in the headers. Without one, the call succeeded.
                    let code = response
                        .headers()
                        .get("grpc-status")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|s| s.parse::<i32>().ok())
                        .map_or(tonic::Code::Ok, tonic::Code::from);
                    if let (Some(m), Some(labels)) = (&metrics, &labels) {
                        m.handled(labels, code, elapsed);
                    }
                    let principal = response
                        .extensions()
                        .get::<super::auth::CallerName>()
                        .map(|n| n.0.clone());
                    tracing::info!(method = %method, code = ?code, latency_ms = format!("{latency_ms:.2}"), principal = principal.as_deref().unwrap_or("-"), "request");
                }
                Err(e) => {
                    if let (Some(m), Some(labels)) = (&metrics, &labels) {
                        m.handled(labels, tonic::Code::Unknown, elapsed);
                    }
                    tracing::warn!(method = %method, error = %e, latency_ms = format!("{latency_ms:.2}"), "request failed");
                }
            }
            result
        })
    }
}
