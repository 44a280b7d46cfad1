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

use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;

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
pub fn format_date(texts: Texts, d: CalendarDate) -> String {
    date(texts, d)
}

fn date(texts: Texts, d: CalendarDate) -> String {
    tr_in!(texts, "dashboard-date",
        "year" => d.year().to_string(),
        "month" => format!("{:02}", d.month()),
        "day" => format!("{:02}", d.day()))
}

/// The reader's language's number format (CLDR, by ICU4X); `None` only
/// if ICU4X knows nothing of it, and then plain digits are written.
fn number_format(texts: Texts) -> Option<DecimalFormatter> {
    let locale: icu_locale_core::Locale = texts.language_tag().parse().ok()?;
    DecimalFormatter::try_new((&locale).into(), Default::default()).ok()
}

/// `plain` (digits, `-` and `.`, as Rust writes a number) as the language
/// writes it: its decimal separator and grouping.
fn localized(texts: Texts, plain: String) -> String {
    match (number_format(texts), plain.parse::<Decimal>()) {
        (Some(format), Ok(number)) => format.format(&number).to_string(),
        _ => plain,
    }
}

/// A number with `decimals` decimals, as the language writes it.
fn decimal(texts: Texts, value: f64, decimals: usize) -> String {
    localized(texts, format!("{value:.decimals$}"))
}

/// A count (any integer type), as the language writes it (`12,345`,
/// `12.345`, `12 345`).
fn integer(texts: Texts, value: impl std::fmt::Display) -> String {
    localized(texts, value.to_string())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tag: &str) -> Texts {
        let wanted: unic_langid::LanguageIdentifier = tag.parse().expect("a tag");
        Texts::negotiate(&[wanted])
    }

    /// Counts and decimals as CLDR writes them in each of glocal's
    /// languages (grouping, separators, Spanish's minimum grouping digits).
    #[test]
    fn numbers_are_written_as_the_language_writes_them() {
        let table = [
            ("en-US", ["1,234", "12,345", "1,234.5", "-3"]),
            ("de", ["1.234", "12.345", "1.234,5", "-3"]),
            ("es", ["1234", "12.345", "1234,5", "-3"]),
            (
                "fr",
                ["1\u{202f}234", "12\u{202f}345", "1\u{202f}234,5", "-3"],
            ),
            ("ja", ["1,234", "12,345", "1,234.5", "-3"]),
        ];
        for (tag, want) in table {
            let t = texts(tag);
            assert_eq!(t.language_tag(), tag);
            let got = [
                integer(t, 1234u32),
                integer(t, 12345usize),
                decimal(t, 1234.5, 1),
                integer(t, -3i64),
            ];
            assert_eq!(got, want, "{tag}");
        }
        assert_eq!(percent(texts("en-US"), 90.0), "90.0%");
        assert_eq!(percent(texts("de"), 90.0), "90,0\u{a0}%");
        assert_eq!(percent(texts("ja"), 12.34), "12.3%");
    }
}
