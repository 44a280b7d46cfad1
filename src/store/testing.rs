//! Test hooks of [`SledStore`](super::SledStore): injected I/O failures and
//! held commits. Unused, they cost a relaxed atomic load or two per commit
//! or flush, and are `#[doc(hidden)]` in the store's API: they exist so that
//! tests can reproduce a failing disk or a long transaction deterministically.

use std::sync::{
    atomic::{AtomicBool, Ordering},
    Condvar, Mutex, PoisonError,
};

use tokio::sync::watch;

/// Which store operations fail with an injected I/O error.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IoFaults {
    /// Transactions (commits, and the health probe's write) fail before
    /// changing anything.
    pub commits: bool,
    /// Flushes to disk fail (the group-commit flusher's and the probe's).
    pub flushes: bool,
}

impl IoFaults {
    /// No injected failure.
    pub const NONE: IoFaults = IoFaults {
        commits: false,
        flushes: false,
    };
}

/// The injected failures currently in effect.
#[derive(Default)]
pub(super) struct Faults {
    commits: AtomicBool,
    flushes: AtomicBool,
}

/// The error an injected failure reports: what a full disk says.
fn injected() -> sled::Error {
    sled::Error::Io(std::io::Error::from_raw_os_error(28))
}

impl Faults {
    pub(super) fn set(&self, faults: IoFaults) {
        self.commits.store(faults.commits, Ordering::SeqCst);
        self.flushes.store(faults.flushes, Ordering::SeqCst);
    }

    /// An I/O error if commits are to fail.
    pub(super) fn commit(&self) -> Result<(), sled::Error> {
        if self.commits.load(Ordering::Relaxed) {
            return Err(injected());
        }
        Ok(())
    }

    /// An I/O error if flushes are to fail.
    pub(super) fn flush(&self) -> Result<(), sled::Error> {
        if self.flushes.load(Ordering::Relaxed) {
            return Err(injected());
        }
        Ok(())
    }
}

/// Holds commits at the start of their transaction while closed.
#[derive(Default)]
pub(super) struct Gate {
    /// Whether the gate may be closed: the one load an open gate costs.
    in_use: AtomicBool,
    /// Whether commits are held.
    closed: Mutex<bool>,
    opened: Condvar,
    /// How many commits have reached the closed gate so far.
    arrivals: GateArrivals,
}

struct GateArrivals(watch::Sender<usize>);

impl Default for GateArrivals {
    fn default() -> Self {
        GateArrivals(watch::channel(0).0)
    }
}

impl Gate {
    pub(super) fn close(&self) -> watch::Receiver<usize> {
        self.in_use.store(true, Ordering::SeqCst);
        *self.closed.lock().unwrap_or_else(PoisonError::into_inner) = true;
        self.arrivals.0.send_replace(0);
        self.arrivals.0.subscribe()
    }

    pub(super) fn open(&self) {
        *self.closed.lock().unwrap_or_else(PoisonError::into_inner) = false;
        self.opened.notify_all();
    }

    /// Waits (blocking the thread) while the gate is closed.
    pub(super) fn pass(&self) {
        if !self.in_use.load(Ordering::Relaxed) {
            return;
        }
        let mut closed = self.closed.lock().unwrap_or_else(PoisonError::into_inner);
        if !*closed {
            return;
        }
        self.arrivals.0.send_modify(|n| *n += 1);
        while *closed {
            closed = self
                .opened
                .wait(closed)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// Commits held by [`SledStore::hold_commits`](super::SledStore::hold_commits):
/// they wait at the start of their transaction until this is released or dropped.
#[doc(hidden)]
pub struct HeldCommits<'a> {
    pub(super) gate: &'a Gate,
    pub(super) arrivals: watch::Receiver<usize>,
}

impl HeldCommits<'_> {
    /// Waits until `n` commits are held.
    pub async fn until_held(&mut self, n: usize) {
        let _ = self.arrivals.wait_for(|held| *held >= n).await;
    }

    /// Lets the held commits (and later ones) go on.
    pub fn release(self) {}
}

impl Drop for HeldCommits<'_> {
    fn drop(&mut self) {
        self.gate.open();
    }
}
