//! Prometheus metrics of the server, with the names operators of gRPC
//! services already alert on (those of go-grpc-prometheus /
//! grpc-ecosystem): `grpc_server_started_total`, `grpc_server_handled_total`
//! (with `grpc_code`), and the `grpc_server_handling_seconds` histogram,
//! each by `grpc_service`, `grpc_method` and `grpc_type` (all of glocal's
//! methods are unary; health's Watch is `server_stream`). Besides them:
//! `glocal_store_size_bytes` (the data directory on disk),
//! `glocal_commit_batch_size` (writes per group-commit flush) and
//! `glocal_check_cache_hits_total` / `glocal_check_cache_misses_total`, and
//! `glocal_checks_cancelled_total` (checks stopped because their caller was
//! gone).
//!
//! `glocal serve --metrics-listen ADDR` serves them as Prometheus text on
//! `GET /metrics` (HTTP/1.1, a port apart from the gRPC one, so that a
//! scraper needs no token and the API no HTTP/1).

use std::path::PathBuf;
use std::sync::atomic::AtomicI64;
use std::sync::Arc;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

/// The labels of a method.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct MethodLabels {
    /// `glocal.v1.MarketService`.
    pub grpc_service: String,
    /// `GetMarket`.
    pub grpc_method: String,
    /// `unary` or `server_stream`.
    pub grpc_type: String,
}

/// The labels of a finished call.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct HandledLabels {
    /// `glocal.v1.MarketService`.
    pub grpc_service: String,
    /// `GetMarket`.
    pub grpc_method: String,
    /// `unary` or `server_stream`.
    pub grpc_type: String,
    /// `OK`, `NotFound`, ... (the names of go-grpc-prometheus).
    pub grpc_code: String,
}

type HistogramFamily = Family<MethodLabels, Histogram, fn() -> Histogram>;

fn latency_histogram() -> Histogram {
    // 0.25 ms to about 8 s.
    Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
}

/// The server's metrics and the registry that encodes them.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    started: Family<MethodLabels, Counter>,
    handled: Family<HandledLabels, Counter>,
    handling: HistogramFamily,
    store_size: Gauge<i64, AtomicI64>,
    data_dir: Option<PathBuf>,
}

/// `glocal.v1.MarketService`, `GetMarket`, `unary` of a gRPC path.
pub fn method_labels(path: &str) -> MethodLabels {
    let path = path.strip_prefix('/').unwrap_or(path);
    let (service, method) = path.split_once('/').unwrap_or((path, ""));
    let grpc_type = if path == "grpc.health.v1.Health/Watch" || path.starts_with("grpc.reflection.")
    {
        "server_stream"
    } else {
        "unary"
    };
    MethodLabels {
        grpc_service: service.to_string(),
        grpc_method: method.to_string(),
        grpc_type: grpc_type.to_string(),
    }
}

/// The name go-grpc-prometheus gives a code (`OK`, `NotFound`, ...).
fn code_name(code: tonic::Code) -> &'static str {
    use tonic::Code as C;
    match code {
        C::Ok => "OK",
        C::Cancelled => "Canceled",
        C::Unknown => "Unknown",
        C::InvalidArgument => "InvalidArgument",
        C::DeadlineExceeded => "DeadlineExceeded",
        C::NotFound => "NotFound",
        C::AlreadyExists => "AlreadyExists",
        C::PermissionDenied => "PermissionDenied",
        C::ResourceExhausted => "ResourceExhausted",
        C::FailedPrecondition => "FailedPrecondition",
        C::Aborted => "Aborted",
        C::OutOfRange => "OutOfRange",
        C::Unimplemented => "Unimplemented",
        C::Internal => "Internal",
        C::Unavailable => "Unavailable",
        C::DataLoss => "DataLoss",
        C::Unauthenticated => "Unauthenticated",
    }
}

impl Metrics {
    /// The metrics of a server whose store is in `data_dir` (for its size).
    pub fn new(data_dir: Option<PathBuf>) -> Arc<Metrics> {
        let mut registry = Registry::default();
        let started = Family::<MethodLabels, Counter>::default();
        let handled = Family::<HandledLabels, Counter>::default();
        let handling: HistogramFamily = Family::new_with_constructor(latency_histogram);
        let store_size = Gauge::<i64, AtomicI64>::default();
        registry.register(
            "grpc_server_started",
            "Total number of RPCs started on the server.",
            started.clone(),
        );
        registry.register(
            "grpc_server_handled",
            "Total number of RPCs completed on the server, regardless of success or failure.",
            handled.clone(),
        );
        registry.register(
            "grpc_server_handling_seconds",
            "Histogram of response latency (seconds) of gRPC that had been application-level handled by the server.",
            handling.clone(),
        );
        registry.register(
            "glocal_store_size_bytes",
            "Bytes the data directory takes on disk.",
            store_size.clone(),
        );
        let events = crate::metrics::events();
        registry.register(
            "glocal_commit_batch_size",
            "Writes made durable by one flush of the group-commit thread.",
            events.commit_batch_size.clone(),
        );
        registry.register(
            "glocal_check_cache_hits",
            "CheckRoadmap answers served from the check cache.",
            events.check_cache_hits.clone(),
        );
        registry.register(
            "glocal_check_cache_misses",
            "CheckRoadmap answers computed.",
            events.check_cache_misses.clone(),
        );
        registry.register(
            "glocal_checks_cancelled",
            "CheckRoadmap and GetCoverageMatrix checks stopped because their caller was gone.",
            events.checks_cancelled.clone(),
        );
        Arc::new(Metrics {
            registry,
            started,
            handled,
            handling,
            store_size,
            data_dir,
        })
    }

    /// Records the start of a call.
    pub fn started(&self, labels: &MethodLabels) {
        self.started.get_or_create(labels).inc();
    }

    /// Records the end of a call with `code` after `seconds`.
    pub fn handled(&self, labels: &MethodLabels, code: tonic::Code, seconds: f64) {
        self.handled
            .get_or_create(&HandledLabels {
                grpc_service: labels.grpc_service.clone(),
                grpc_method: labels.grpc_method.clone(),
                grpc_type: labels.grpc_type.clone(),
                grpc_code: code_name(code).to_string(),
            })
            .inc();
        self.handling.get_or_create(labels).observe(seconds);
    }

    /// The metrics as Prometheus text (OpenMetrics).
    pub fn render(&self) -> String {
        if let Some(dir) = &self.data_dir {
            self.store_size
                .set(i64::try_from(directory_size(dir)).unwrap_or(i64::MAX));
        }
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}

/// Bytes of the files under `dir` (0 for what cannot be read).
fn directory_size(dir: &std::path::Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => directory_size(&e.path()),
            Ok(t) if t.is_file() => e.metadata().map_or(0, |m| m.len()),
            _ => 0,
        })
        .sum()
}

/// Serves `GET /metrics` on `listener` until `shutdown` completes; every
/// other path is 404.
pub async fn serve_metrics(
    listener: tokio::net::TcpListener,
    metrics: Arc<Metrics>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) {
    use http_body_util::Full;
    use hyper::body::Bytes;
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => return,
        };
        let Ok((stream, _)) = accepted else {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            continue;
        };
        let metrics = Arc::clone(&metrics);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request: hyper::Request<_>| {
                let metrics = Arc::clone(&metrics);
                async move {
                    let response = if request.uri().path() == "/metrics" {
                        hyper::Response::builder()
                            .header(
                                "content-type",
                                "application/openmetrics-text; version=1.0.0; charset=utf-8",
                            )
                            .body(Full::new(Bytes::from(metrics.render())))
                    } else {
                        hyper::Response::builder()
                            .status(404)
                            .body(Full::new(Bytes::from_static(b"see /metrics\n")))
                    };
                    response
                }
            });
            let io = hyper_util::rt::TokioIo::new(stream);
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(io, service)
                .await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_counted_by_method_and_code() {
        let metrics = Metrics::new(None);
        let get = method_labels("/glocal.v1.MarketService/GetMarket");
        metrics.started(&get);
        metrics.handled(&get, tonic::Code::NotFound, 0.001);
        let text = metrics.render();
        for line in [
            "grpc_server_started_total{grpc_service=\"glocal.v1.MarketService\",grpc_method=\"GetMarket\",grpc_type=\"unary\"} 1",
            "grpc_server_handled_total{grpc_service=\"glocal.v1.MarketService\",grpc_method=\"GetMarket\",grpc_type=\"unary\",grpc_code=\"NotFound\"} 1",
            "grpc_server_handling_seconds_count{grpc_service=\"glocal.v1.MarketService\",grpc_method=\"GetMarket\",grpc_type=\"unary\"} 1",
        ] {
            assert!(text.contains(line), "{line} not in\n{text}");
        }
        assert_eq!(
            method_labels("/grpc.health.v1.Health/Watch").grpc_type,
            "server_stream"
        );
    }
}
