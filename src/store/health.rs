//! The store's health: failing from the first I/O error until a write
//! reaches the disk again, published as a `tokio::sync::watch`.

use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::watch;

use super::StoreHealth;

/// The health of one store, shared by its operations and its flush thread.
pub(super) struct Health {
    state: watch::Sender<StoreHealth>,
    /// How many failures were recorded; a success counts only if none was
    /// recorded since the operation began.
    failures: AtomicU64,
}

impl Health {
    pub(super) fn new() -> Health {
        Health {
            state: watch::channel(StoreHealth::Healthy).0,
            failures: AtomicU64::new(0),
        }
    }

    /// A watch of the health.
    pub(super) fn subscribe(&self) -> watch::Receiver<StoreHealth> {
        self.state.subscribe()
    }

    pub(super) fn is_healthy(&self) -> bool {
        matches!(*self.state.borrow(), StoreHealth::Healthy)
    }

    /// The failures so far, to pass to [`Health::succeeded`] when the
    /// operation begun now succeeds.
    pub(super) fn failures(&self) -> u64 {
        self.failures.load(Ordering::SeqCst)
    }

    /// Records an I/O failure; watchers hear of it if the store was healthy.
    pub(super) fn failed(&self, error: &str) {
        self.failures.fetch_add(1, Ordering::SeqCst);
        self.state.send_if_modified(|state| {
            let was_healthy = matches!(state, StoreHealth::Healthy);
            if was_healthy {
                tracing::error!(%error, "the store is failing: reads and writes report UNAVAILABLE");
            }
            *state = StoreHealth::Failing {
                error: error.to_string(),
            };
            was_healthy
        });
    }

    /// Records that a write that began when `failures` were recorded reached
    /// the disk: the store is healthy again, unless something failed since.
    pub(super) fn succeeded(&self, failures: u64) {
        self.state.send_if_modified(|state| {
            if matches!(state, StoreHealth::Healthy) || self.failures() != failures {
                return false;
            }
            tracing::info!("the store writes to disk again");
            *state = StoreHealth::Healthy;
            true
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_success_older_than_the_last_failure_does_not_heal() {
        let health = Health::new();
        let mut watch = health.subscribe();
        let before = health.failures();
        health.failed("disk full");
        assert!(!health.is_healthy());
        assert!(watch.has_changed().unwrap());
        assert!(
            matches!(&*watch.borrow_and_update(), StoreHealth::Failing { error } if error == "disk full")
        );
        // A write that began before the failure proves nothing.
        health.succeeded(before);
        assert!(!health.is_healthy());
        health.failed("still full");
        assert!(!watch.has_changed().unwrap(), "no news while failing");
        let now = health.failures();
        health.succeeded(now);
        assert!(health.is_healthy());
        assert_eq!(*watch.borrow_and_update(), StoreHealth::Healthy);
    }
}
