//! The dashboard: the HTML pages product managers keep open. A product's
//! page shows one roadmap's check as a coverage heatmap (launches ×
//! needed locales), a launch timeline, the ranked to-do with its hand-off
//! downloads, and the findings with a filter; a bundle page shows a
//! bundle's files, their problems, and its coverage of the source.
//!
//! Pure: every page is made from the engine's own results
//! ([`RoadmapReport`], [`LocaleReport`]), the same values CheckRoadmap
//! converts, so the live dashboard (`glocal serve --http-listen`, see
//! `crate::web`) and the file `glocal check --html` writes show the same
//! numbers. Texts are glocal's own (`locales/*/dashboard.ftl`), dates and
//! numbers formatted for the reader's language.
//!
//! Charts are SVG made here, with the verdict in each cell as a symbol and
//! a word as well as a colour, and each chart has a table beside it. The
//! pages load nothing from elsewhere: one inline stylesheet and one inline
//! script ([`assets`]), allowed by hash in the Content-Security-Policy; the
//! script only filters the findings at once, and without it the filter
//! form goes to the server.

pub mod assets;
mod charts;
mod pages;
mod tables;

pub use pages::{
    bundle_page, error_page, login_page, product_page, products_page, BundlePage, ErrorKind,
    FindingFilter, Frame, Links, ProductPage, ProductSummary,
};

use crate::coverage::finding::Severity;
use crate::coverage::roadmap::Verdict;
use crate::domain::CalendarDate;
use crate::l10n::Texts;
use crate::tr_in;

/// `READY`, `AT_RISK` or `BLOCKED`: the verdict as the API names it, for
/// `data-verdict` and CSS classes.
pub(crate) fn verdict_id(v: Verdict) -> &'static str {
    match v {
        Verdict::Ready => "READY",
        Verdict::AtRisk => "AT_RISK",
        Verdict::Blocked => "BLOCKED",
    }
}

/// The verdict in words.
fn verdict_words(texts: Texts, v: Verdict) -> String {
    texts.format(
        match v {
            Verdict::Ready => "dashboard-verdict-ready",
            Verdict::AtRisk => "dashboard-verdict-at-risk",
            Verdict::Blocked => "dashboard-verdict-blocked",
        },
        None,
    )
}

/// The verdict's symbol, so that colour is never the only signal.
fn verdict_symbol(v: Verdict) -> &'static str {
    match v {
        Verdict::Ready => "✓",
        Verdict::AtRisk => "!",
        Verdict::Blocked => "✕",
    }
}

/// `ERROR`, `WARNING` or `INFO`, for `data-severity` and the filter.
fn severity_id(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

fn severity_words(texts: Texts, s: Severity) -> String {
    texts.format(
        match s {
            Severity::Error => "dashboard-severity-error",
            Severity::Warning => "dashboard-severity-warning",
            Severity::Info => "dashboard-severity-info",
        },
        None,
    )
}

/// A day as the language writes it (`dashboard-date`).
fn date(texts: Texts, d: CalendarDate) -> String {
    tr_in!(texts, "dashboard-date",
        "year" => d.year().to_string(),
        "month" => format!("{:02}", d.month()),
        "day" => format!("{:02}", d.day()))
}

/// A number with `decimals` decimals and the language's separator.
fn decimal(texts: Texts, value: f64, decimals: usize) -> String {
    let plain = format!("{value:.decimals$}");
    plain.replace('.', &texts.format("dashboard-decimal-separator", None))
}

/// A percentage with one decimal, as the language writes it.
fn percent(texts: Texts, value: f64) -> String {
    tr_in!(texts, "dashboard-percent", "value" => decimal(texts, value, 1))
}

/// The share of `part` in `whole` as CheckRoadmap computes it.
use crate::coverage::roadmap::percent_of as share;

/// `markets/amazon-de` → `amazon-de`: the last segment of a resource name.
fn short(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}
