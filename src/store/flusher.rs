//! Group commit: one dedicated thread calls sled's blocking `flush()` in a
//! loop; each writer waits for the first flush that began after its write.
//!
//! sled 0.34.7's `flush_async` deadlocks when awaited from several tasks at
//! once (spacejam/sled#1308), so it is never used here.

use std::{
    sync::{Arc, Condvar, Mutex},
    thread,
};

use tokio::sync::watch;

use super::StoreError;

/// Outcome of the flushes so far.
#[derive(Debug, Clone, Default)]
struct Flushed {
    /// Every ticket up to this one is durable.
    through: u64,
    /// The last failed flush: the tickets up to this one may not be durable.
    failed: Option<(u64, String)>,
}

#[derive(Default)]
struct Requests {
    /// Highest ticket handed out.
    issued: u64,
    /// Set when the store is dropped.
    closed: bool,
}

/// Hands out tickets for writes and reports when they are durable.
pub(super) struct Flusher {
    requests: Arc<(Mutex<Requests>, Condvar)>,
    flushed: watch::Receiver<Flushed>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Flusher {
    /// Starts the flush thread for `db`.
    pub(super) fn start(db: sled::Db) -> std::io::Result<Flusher> {
        let requests = Arc::new((Mutex::new(Requests::default()), Condvar::new()));
        let (tx, rx) = watch::channel(Flushed::default());
        let thread_requests = Arc::clone(&requests);
        let thread = thread::Builder::new()
            .name("glocal-flush".into())
            .spawn(move || flush_loop(db, thread_requests, tx))?;
        Ok(Flusher {
            requests,
            flushed: rx,
            thread: Some(thread),
        })
    }

    /// Waits until everything written before this call is on disk.
    pub(super) async fn wait_durable(&self) -> Result<(), StoreError> {
        let ticket = {
            let (lock, cvar) = &*self.requests;
            let mut r = lock.lock().expect("flush request lock");
            r.issued += 1;
            cvar.notify_one();
            r.issued
        };
        let mut rx = self.flushed.clone();
        let state = rx
            .wait_for(|f| f.through >= ticket)
            .await
            .map_err(|_| StoreError::Backend("the flush thread stopped".into()))?
            .clone();
        match state.failed {
            Some((upto, err)) if upto >= ticket => {
                Err(StoreError::Backend(format!("flush failed: {err}")))
            }
            _ => Ok(()),
        }
    }
}

impl Drop for Flusher {
    /// Stops the flush thread after its last flush, so that the database
    /// (and its directory lock) is released when the store is dropped.
    fn drop(&mut self) {
        let (lock, cvar) = &*self.requests;
        if let Ok(mut r) = lock.lock() {
            r.closed = true;
            cvar.notify_one();
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn flush_loop(db: sled::Db, requests: Arc<(Mutex<Requests>, Condvar)>, tx: watch::Sender<Flushed>) {
    let mut done = 0u64;
    loop {
        let batch = {
            let (lock, cvar) = &*requests;
            let mut r = lock.lock().expect("flush request lock");
            while r.issued <= done && !r.closed {
                r = cvar.wait(r).expect("flush request lock");
            }
            if r.issued <= done {
                return;
            }
            r.issued
        };
        // Every ticket up to `batch` was issued after its write completed, and
        // this flush starts now, so it covers them all.
        let result = db.flush();
        done = batch;
        tx.send_modify(|f| {
            f.through = batch;
            if let Err(e) = &result {
                tracing::error!(error = %e, "flush to disk failed");
                f.failed = Some((batch, e.to_string()));
            }
        });
    }
}
