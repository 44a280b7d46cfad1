//! A closed-loop gRPC load generator with latency percentiles (h2load prints
//! only min/max/mean/sd), used by every load row of `benches/run.sh server`.
//!
//! Usage:
//!   cargo run --release --example load -- --server http://127.0.0.1:PORT \
//!       --method health|check-roadmap|check-roadmap-basic|get-market|coverage-matrix|create-market \
//!       [--arg NAME] [--connections 4] [--streams 16] [--duration 5] [--warmup 1] \
//!       [--max-requests 2000000] [--threads 2]
//!
//! `--connections` HTTP/2 connections each carry `--streams` calls at once;
//! every stream sends its next call as soon as the previous one is answered.
//! `--arg` is the resource the call names (products/P/roadmaps/R,
//! markets/M, products/P) or, for `create-market`, the prefix of the new
//! market ids (`PREFIX-N`, unique per call: one create per request).
//! Calls started during the warm-up are not counted; every call started
//! after it is, and the rate is their number over the time from the end of
//! the warm-up to the last answer. No call starts after `--duration`
//! seconds or `--max-requests` calls, whichever comes first (with
//! `--warmup 0 --max-requests N`, N calls are made and all counted).
//!
//! Prints one line: `requests=N errors=N seconds=S rps=R p50_ms=X p90_ms=X
//! p99_ms=X max_ms=X mean_ms=X bytes=N` (latencies of the successful calls).

#[path = "bench_common/mod.rs"]
mod bench_common;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Args {
    server: String,
    method: String,
    arg: String,
    connections: usize,
    streams: usize,
    duration: f64,
    warmup: f64,
    max_requests: u64,
    threads: usize,
}

fn parse_args() -> Result<Args, Box<dyn std::error::Error>> {
    let mut a = Args {
        server: String::new(),
        method: String::new(),
        arg: String::new(),
        connections: 4,
        streams: 16,
        duration: 5.0,
        warmup: 1.0,
        max_requests: 2_000_000,
        threads: 2,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--server" => a.server = value()?,
            "--method" => a.method = value()?,
            "--arg" => a.arg = value()?,
            "--connections" => a.connections = value()?.parse()?,
            "--streams" => a.streams = value()?.parse()?,
            "--duration" => a.duration = value()?.parse()?,
            "--warmup" => a.warmup = value()?.parse()?,
            "--max-requests" => a.max_requests = value()?.parse()?,
            "--threads" => a.threads = value()?.parse()?,
            _ => return Err(format!("unknown flag {flag}").into()),
        }
    }
    if a.server.is_empty() || a.method.is_empty() {
        return Err("--server and --method are required".into());
    }
    Ok(a)
}

/// What one stream measured.
#[derive(Default)]
struct Tally {
    latencies_us: Vec<u64>,
    errors: u64,
    bytes: u64,
    first_error: Option<String>,
    /// When the last counted call was answered.
    last_done: Option<Instant>,
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1] as f64 / 1000.0
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = parse_args()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(args.threads.max(1))
        .enable_all()
        .build()?;
    runtime.block_on(run(args))
}

async fn run(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    let method = Arc::new(bench_common::method(&args.method, &args.arg)?);
    let mut channels = Vec::new();
    for _ in 0..args.connections.max(1) {
        channels.push(bench_common::connect(&args.server).await?);
    }
    let start = Instant::now();
    let measure_from = start + Duration::from_secs_f64(args.warmup);
    let end = measure_from + Duration::from_secs_f64(args.duration);
    let sent = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for channel in &channels {
        for _ in 0..args.streams.max(1) {
            let (channel, method, sent) = (channel.clone(), Arc::clone(&method), Arc::clone(&sent));
            let max = args.max_requests;
            tasks.push(tokio::spawn(async move {
                let mut t = Tally::default();
                loop {
                    let n = sent.fetch_add(1, Ordering::Relaxed);
                    let began = Instant::now();
                    if n >= max || began >= end {
                        return t;
                    }
                    let result =
                        bench_common::call(channel.clone(), method.path, method.request(n)).await;
                    let done = Instant::now();
                    // Calls started in the warm-up are not counted; those
                    // started in the window are, however long they take.
                    if began < measure_from {
                        continue;
                    }
                    t.last_done = t.last_done.max(Some(done));
                    match result {
                        Ok(bytes) => {
                            t.latencies_us.push((done - began).as_micros() as u64);
                            t.bytes += bytes as u64;
                        }
                        Err(status) => {
                            t.errors += 1;
                            t.first_error.get_or_insert_with(|| {
                                format!("{:?}: {}", status.code(), status.message())
                            });
                        }
                    }
                }
            }));
        }
    }
    let mut all = Tally::default();
    for task in tasks {
        let t = task.await?;
        all.latencies_us.extend(t.latencies_us);
        all.errors += t.errors;
        all.bytes += t.bytes;
        if all.first_error.is_none() {
            all.first_error = t.first_error;
        }
        all.last_done = all.last_done.max(t.last_done);
    }
    // The measured window: from the end of the warm-up to the last answer
    // counted (after the window's end when calls are slow, before it when
    // the run stops early at --max-requests).
    let seconds = all
        .last_done
        .map_or(0.0, |d| (d - measure_from).as_secs_f64())
        .max(1e-9);
    let mut lat = all.latencies_us;
    lat.sort_unstable();
    let ok = lat.len() as u64;
    let mean = if lat.is_empty() {
        f64::NAN
    } else {
        lat.iter().sum::<u64>() as f64 / lat.len() as f64 / 1000.0
    };
    println!(
        "requests={ok} errors={} seconds={seconds:.3} rps={:.1} p50_ms={:.3} p90_ms={:.3} p99_ms={:.3} max_ms={:.3} mean_ms={mean:.3} bytes={}",
        all.errors,
        ok as f64 / seconds,
        percentile(&lat, 50.0),
        percentile(&lat, 90.0),
        percentile(&lat, 99.0),
        lat.last().map_or(f64::NAN, |&m| m as f64 / 1000.0),
        all.bytes,
    );
    if let Some(e) = all.first_error {
        eprintln!("load: {} errors; first: {e}", all.errors);
    }
    Ok(())
}
