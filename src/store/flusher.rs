//! Group commit: one dedicated thread calls sled's blocking `flush()` in a
//! loop; each writer waits for the first flush that began after its write.
//!
//! sled 0.34.7's `flush_async` deadlocks when awaited from several tasks at
//! once (spacejam/sled#1308), so it is never used here.
//!
//! While the store is failing, the same thread probes it when idle (a small
//! write and a flush, reopening the database when that fails, since sled
//! keeps failing after an I/O error until it is reopened), backing off from
//! [`FIRST_PROBE`] to [`LAST_PROBE`], so that the store becomes healthy again
//! once the disk accepts writes, without waiting for a client's write.

use std::{
    sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError},
    thread,
    time::{Duration, Instant},
};

use tokio::sync::watch;

use super::sled_store::Shared;
use super::StoreError;

/// The first probe of a failing store, after its failure.
const FIRST_PROBE: Duration = Duration::from_millis(200);
/// The longest wait between two probes of a failing store.
const LAST_PROBE: Duration = Duration::from_secs(15);
/// How often an idle healthy store's flush thread looks at its health.
const HEALTH_CHECK: Duration = Duration::from_secs(1);

/// Outcome of the flushes so far.
#[derive(Debug, Clone, Default)]
struct Flushed {
    /// Every ticket up to this one is durable.
    through: u64,
    /// The last failed flush: the tickets up to this one may not be durable.
    failed: Option<(u64, StoreError)>,
}

#[derive(Default)]
struct Requests {
    /// Highest ticket handed out.
    issued: u64,
    /// Set when the store is dropped.
    closed: bool,
}

type SharedRequests = Arc<(Mutex<Requests>, Condvar)>;

fn lock(requests: &Mutex<Requests>) -> MutexGuard<'_, Requests> {
    requests.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Hands out tickets for writes and reports when they are durable.
pub(super) struct Flusher {
    requests: SharedRequests,
    flushed: watch::Receiver<Flushed>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Flusher {
    /// Starts the flush thread of `store`.
    pub(super) fn start(store: Arc<Shared>) -> std::io::Result<Flusher> {
        let requests = SharedRequests::default();
        let (tx, rx) = watch::channel(Flushed::default());
        let thread_requests = Arc::clone(&requests);
        let thread = thread::Builder::new()
            .name("glocal-flush".into())
            .spawn(move || flush_loop(&store, &thread_requests, &tx))?;
        Ok(Flusher {
            requests,
            flushed: rx,
            thread: Some(thread),
        })
    }

    /// Waits until everything written before this call is on disk.
    pub(super) async fn wait_durable(&self) -> Result<(), StoreError> {
        let ticket = {
            let (requests, wake) = &*self.requests;
            let mut r = lock(requests);
            r.issued += 1;
            wake.notify_one();
            r.issued
        };
        let mut rx = self.flushed.clone();
        let state = rx
            .wait_for(|f| f.through >= ticket)
            .await
            .map_err(|_| StoreError::Backend("the flush thread stopped".into()))?
            .clone();
        match state.failed {
            Some((upto, err)) if upto >= ticket => Err(err),
            _ => Ok(()),
        }
    }
}

impl Drop for Flusher {
    /// Stops the flush thread after its last flush, so that the database
    /// (and its directory lock) is released when the store is dropped.
    fn drop(&mut self) {
        let (requests, wake) = &*self.requests;
        lock(requests).closed = true;
        wake.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What the flush thread does next.
enum Next {
    /// Flush for the tickets up to this one.
    Flush(u64),
    /// Probe the failing store.
    Probe,
    /// The store is closed and nothing is left to flush.
    Stop,
}

fn next(store: &Shared, requests: &SharedRequests, done: u64, probe_after: Duration) -> Next {
    let (requests, wake) = &**requests;
    let mut r = lock(requests);
    loop {
        if r.issued > done {
            return Next::Flush(r.issued);
        }
        if r.closed {
            return Next::Stop;
        }
        let failing = !store.health.is_healthy();
        let wait = if failing { probe_after } else { HEALTH_CHECK };
        let (guard, timeout) = wake
            .wait_timeout(r, wait)
            .unwrap_or_else(PoisonError::into_inner);
        r = guard;
        if failing && timeout.timed_out() && r.issued <= done && !r.closed {
            return Next::Probe;
        }
    }
}

/// When the failing store is probed next, backing off.
struct Probes {
    after: Duration,
    last: Instant,
}

impl Probes {
    fn probe(&mut self, store: &Shared) {
        self.after = match store.probe() {
            Ok(()) => FIRST_PROBE,
            Err(_) => (self.after * 2).min(LAST_PROBE),
        };
        self.last = Instant::now();
    }
}

fn flush_loop(store: &Shared, requests: &SharedRequests, tx: &watch::Sender<Flushed>) {
    let mut done = 0u64;
    let mut probes = Probes {
        after: FIRST_PROBE,
        last: Instant::now(),
    };
    loop {
        match next(store, requests, done, probes.after) {
            Next::Stop => return,
            Next::Probe => probes.probe(store),
            Next::Flush(batch) => {
                // Every ticket up to `batch` was issued after its write
                // completed, and this flush starts now, so it covers them all.
                let result = store.flush();
                let failed = result.is_err();
                crate::metrics::commit_batch(
                    usize::try_from(batch.saturating_sub(done)).unwrap_or(usize::MAX),
                );
                done = batch;
                tx.send_modify(|f| {
                    f.through = batch;
                    if let Err(e) = result {
                        tracing::error!(error = %e, "flush to disk failed");
                        f.failed = Some((batch, e));
                    }
                });
                if store.health.is_healthy() {
                    probes.after = FIRST_PROBE;
                } else if failed && probes.last.elapsed() >= probes.after {
                    // Writers keep the thread busy: probe between flushes too.
                    probes.probe(store);
                }
            }
        }
    }
}
