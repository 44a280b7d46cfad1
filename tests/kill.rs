//! Kill test: "a mutation is on disk before it is acknowledged"
//! (ARCHITECTURE.md), with SIGKILL.
//!
//! The real `glocal serve` (the binary `GLOCAL_BIN` names, else this build's)
//! runs over one data directory while several writers create markets with
//! unique ids and update their `display_name` with growing versions
//! (`v1`, `v2`, ...). Each writer records what the server acknowledged
//! (an OK answer). The server is killed with SIGKILL (`Child::kill`) at
//! random moments, 50–500 ms after it is ready, and restarted on the same
//! directory, [`KILLS`] times. At the end every acknowledged write must be
//! there: each created market exists, and each market's version is at least
//! its last acknowledged update's (a later write, acknowledged or in flight
//! at a kill, may have landed too). Writes that failed or were in flight are
//! not acknowledged and may or may not be there; they are counted apart.
//!
//! `GLOCAL_KILL_SEED=N` replays the delays and choices of a run (each run
//! prints its seed); `--nocapture` shows the counts.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use glocal::api::pb::glocal::v1 as pb;
use glocal::api::pb::glocal::v1::market_service_client::MarketServiceClient;
use tonic::transport::{Channel, Endpoint};

/// How many times the server is killed.
const KILLS: usize = 10;
/// Concurrent writers.
const WRITERS: usize = 4;
/// The shortest and longest time the server runs before a kill.
const MIN_DELAY_MS: u64 = 50;
const MAX_DELAY_MS: u64 = 500;
/// How long one call may take before it is given up (not acknowledged).
const CALL_TIMEOUT: Duration = Duration::from_secs(5);

/// xorshift64*: reproducible choices without a `rand` dependency.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn binary() -> PathBuf {
    match std::env::var_os("GLOCAL_BIN") {
        Some(path) => {
            let path = PathBuf::from(path);
            if path.is_absolute() {
                path
            } else {
                // Relative to the repository root, where `cargo test` runs.
                Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
            }
        }
        None => PathBuf::from(env!("CARGO_BIN_EXE_glocal")),
    }
}

/// A `glocal serve` process over `data`, once it has printed its ready line.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(data: &Path, log: &Path) -> Server {
        let log = File::options()
            .create(true)
            .append(true)
            .open(log)
            .expect("open the server log");
        let mut child = Command::new(binary())
            .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(data)
            .env_remove("GLOCAL_SERVER")
            .env_remove("GLOCAL_LISTEN")
            .env("GLOCAL_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap_or_else(|e| panic!("spawn {}: {e}", binary().display()));
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut ready = String::new();
        stdout.read_line(&mut ready).expect("read the ready line");
        let address = match ready
            .strip_prefix("glocal serving on ")
            .and_then(|rest| rest.split_whitespace().next())
        {
            Some(address) => address.to_string(),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("no address in the ready line {ready:?}");
            }
        };
        // Keep reading standard output, so the server never writes to a
        // closed pipe.
        std::thread::spawn(move || {
            let mut sink = String::new();
            while matches!(stdout.read_line(&mut sink), Ok(n) if n > 0) {
                sink.clear();
            }
        });
        Server {
            child,
            url: format!("http://{address}"),
        }
    }

    /// SIGKILL, and wait until the process is gone (and its lock with it).
    fn kill(mut self) {
        self.child.kill().expect("SIGKILL the server");
        self.child.wait().expect("reap the server");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn client(url: &str) -> Option<MarketServiceClient<Channel>> {
    let endpoint = Endpoint::from_shared(url.to_string())
        .unwrap()
        .connect_timeout(Duration::from_secs(2))
        .timeout(CALL_TIMEOUT);
    endpoint.connect().await.ok().map(MarketServiceClient::new)
}

fn market(id: &str) -> pb::Market {
    pb::Market {
        display_name: format!("{id} v0"),
        country: "FI".into(),
        currency: "EUR".into(),
        storefront_locales: vec!["fi-FI".into(), "sv-FI".into()],
        ..Default::default()
    }
}

/// The version a display name carries (`w0-3 v12` is 12).
fn version(display_name: &str) -> Option<u64> {
    display_name.rsplit_once(" v")?.1.parse().ok()
}

/// What one writer knows: the markets whose creation was acknowledged, with
/// the last acknowledged version of each.
#[derive(Default)]
struct Writer {
    id: usize,
    /// Market id → last acknowledged version (0: the creation's).
    acked: BTreeMap<String, u64>,
    /// The next market number and the next version, never reused.
    next_market: u64,
    next_version: u64,
    acked_creates: u64,
    acked_updates: u64,
    failed: u64,
}

impl Writer {
    /// Writes until `stop`, against the server at `url`.
    async fn run(&mut self, url: &str, stop: &AtomicBool, rng: &mut Rng) {
        let mut client = None;
        while !stop.load(Ordering::SeqCst) {
            if client.is_none() {
                client = client_or_wait(url, stop).await;
                continue;
            }
            let c = client.as_mut().unwrap();
            let ok = if self.acked.is_empty() || rng.below(4) == 0 {
                let id = format!("w{}-{}", self.id, self.next_market);
                self.next_market += 1;
                let result = c
                    .create_market(pb::CreateMarketRequest {
                        market_id: id.clone(),
                        market: Some(market(&id)),
                    })
                    .await;
                match result {
                    Ok(created) => {
                        let created = created.into_inner();
                        assert_eq!(created.name, format!("markets/{id}"));
                        assert_eq!(version(&created.display_name), Some(0));
                        self.acked.insert(id, 0);
                        self.acked_creates += 1;
                        true
                    }
                    Err(_) => false,
                }
            } else {
                let ids: Vec<&String> = self.acked.keys().collect();
                let id = ids[rng.below(ids.len() as u64) as usize].clone();
                self.next_version += 1;
                let v = self.next_version;
                let result = c
                    .update_market(pb::UpdateMarketRequest {
                        market: Some(pb::Market {
                            name: format!("markets/{id}"),
                            display_name: format!("{id} v{v}"),
                            ..Default::default()
                        }),
                        update_mask: Some(prost_types::FieldMask {
                            paths: vec!["display_name".into()],
                        }),
                    })
                    .await;
                match result {
                    Ok(updated) => {
                        let updated = updated.into_inner();
                        assert_eq!(version(&updated.display_name), Some(v));
                        self.acked.insert(id, v);
                        self.acked_updates += 1;
                        true
                    }
                    Err(_) => false,
                }
            };
            if !ok {
                self.failed += 1;
                // The server is probably gone: reconnect (or stop) before
                // writing again.
                client = None;
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
}

async fn client_or_wait(url: &str, stop: &AtomicBool) -> Option<MarketServiceClient<Channel>> {
    match client(url).await {
        Some(c) => Some(c),
        None => {
            if !stop.load(Ordering::SeqCst) {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            None
        }
    }
}

/// Every acknowledged write of `writers` that the server at `url` lacks.
async fn lost_writes(url: &str, writers: &[Writer]) -> Vec<String> {
    let mut c = client(url).await.expect("connect to the final server");
    let mut lost = Vec::new();
    for w in writers {
        for (id, &acked) in &w.acked {
            let got = c
                .get_market(pb::GetMarketRequest {
                    name: format!("markets/{id}"),
                })
                .await;
            match got {
                Ok(m) => {
                    let m = m.into_inner();
                    match version(&m.display_name) {
                        Some(v) if v >= acked => {}
                        other => lost.push(format!(
                            "markets/{id}: version {other:?}, acknowledged v{acked}"
                        )),
                    }
                }
                Err(status) => lost.push(format!(
                    "markets/{id} (acknowledged v{acked}): {:?} {}",
                    status.code(),
                    status.message()
                )),
            }
        }
    }
    lost
}

/// The last lines the servers wrote on standard error.
fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_sigkill() {
    let started = Instant::now();
    let seed = std::env::var("GLOCAL_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!(
        "kill test: seed {seed} (GLOCAL_KILL_SEED), binary {}",
        binary().display()
    );
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let log = dir.path().join("server.log");

    let mut writers: Vec<(Writer, Rng)> = (0..WRITERS)
        .map(|id| {
            let writer = Writer {
                id,
                ..Default::default()
            };
            (writer, Rng(rng.next() | 1))
        })
        .collect();
    let mut kills = 0;
    for round in 0..KILLS {
        let server = Server::start(&data, &log);
        let stop = Arc::new(AtomicBool::new(false));
        let tasks: Vec<_> = writers
            .drain(..)
            .map(|(mut writer, mut rng)| {
                let (url, stop) = (server.url.clone(), Arc::clone(&stop));
                tokio::spawn(async move {
                    writer.run(&url, &stop, &mut rng).await;
                    (writer, rng)
                })
            })
            .collect();
        let delay = MIN_DELAY_MS + rng.below(MAX_DELAY_MS - MIN_DELAY_MS + 1);
        tokio::time::sleep(Duration::from_millis(delay)).await;
        server.kill();
        kills += 1;
        stop.store(true, Ordering::SeqCst);
        for task in tasks {
            writers.push(task.await.expect("a writer panicked"));
        }
        let acked: u64 = writers
            .iter()
            .map(|(w, _)| w.acked_creates + w.acked_updates)
            .sum();
        println!(
            "kill {}: after {delay} ms, {acked} writes acknowledged so far",
            round + 1
        );
    }

    let server = Server::start(&data, &log);
    let writers: Vec<Writer> = writers.into_iter().map(|(w, _)| w).collect();
    let lost = lost_writes(&server.url, &writers).await;
    drop(server);

    let creates: u64 = writers.iter().map(|w| w.acked_creates).sum();
    let updates: u64 = writers.iter().map(|w| w.acked_updates).sum();
    let failed: u64 = writers.iter().map(|w| w.failed).sum();
    println!(
        "kill test: {} acknowledged writes ({creates} creates, {updates} updates), \
         {} lost, {kills} kills, {failed} writes not acknowledged (failed or in flight), \
         {:.1} s",
        creates + updates,
        lost.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(kills >= 5);
    assert!(
        creates > 0 && updates > 0,
        "the writers got no write through; the server said:\n{}",
        log_tail(&log)
    );
    assert!(
        lost.is_empty(),
        "{} acknowledged writes lost after SIGKILL (seed {seed}):\n{}\nthe server said:\n{}",
        lost.len(),
        lost.join("\n"),
        log_tail(&log)
    );
}
