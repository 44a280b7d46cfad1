//! Process-wide counters of events deep in the layers (the store's group
//! commits, the check cache), recorded wherever they happen and read by the
//! Prometheus endpoint (`glocal serve --metrics-listen`, [`crate::api`]).
//! Like [`crate::l10n`], this module uses no other, so any layer may record.

use std::sync::OnceLock;

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};

/// The process's event metrics.
#[derive(Debug, Clone)]
pub struct Events {
    /// Writes made durable by one flush of the group-commit thread.
    pub commit_batch_size: Histogram,
    /// CheckRoadmap answers served from the check cache.
    pub check_cache_hits: Counter,
    /// CheckRoadmap answers computed (not in the cache, or stale).
    pub check_cache_misses: Counter,
    /// CheckRoadmap and GetCoverageMatrix checks stopped because their
    /// caller was gone (deadline passed, client left).
    pub checks_cancelled: Counter,
}

/// The process's events (created on first use).
pub fn events() -> &'static Events {
    static EVENTS: OnceLock<Events> = OnceLock::new();
    EVENTS.get_or_init(|| Events {
        commit_batch_size: Histogram::new(exponential_buckets(1.0, 2.0, 12)),
        check_cache_hits: Counter::default(),
        check_cache_misses: Counter::default(),
        checks_cancelled: Counter::default(),
    })
}

/// Records one flush of the group-commit thread that made `writes` writes
/// durable.
pub fn commit_batch(writes: usize) {
    events().commit_batch_size.observe(writes as f64);
}

/// Records a lookup of the check cache.
pub fn check_cache(hit: bool) {
    if hit {
        events().check_cache_hits.inc();
    } else {
        events().check_cache_misses.inc();
    }
}

/// Records a check stopped because its caller was gone.
pub fn check_cancelled() {
    events().checks_cancelled.inc();
}
