//! The pages: the frame every page shares, and the products, product,
//! bundle, sign-in and error pages.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::assets::{file_content_security_policy, SCRIPT, STYLE};
use super::{charts, date, short, tables, verdict_id, verdict_symbol, verdict_words};
use crate::coverage::checks::LocaleReport;
use crate::coverage::finding::Finding;
use crate::coverage::roadmap::RoadmapReport;
use crate::domain::bundle::BundleDoc;
use crate::domain::planning::Launch;
use crate::domain::CalendarDate;
use crate::l10n::Texts;
use crate::tr_in;

/// What every page shares: the language, and whether the page is served
/// (with links to the other pages) or a file.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The reader's language.
    pub texts: Texts,
    /// Served by the dashboard; `false` for a file (`glocal check --html`),
    /// which links nowhere and carries its policy in a `<meta>` element.
    pub live: bool,
    /// Signed in with a token: the page offers to sign out.
    pub signed_in: bool,
    /// The same page in each language: `(tag, href)`.
    pub languages: Vec<(String, String)>,
    /// A line at the foot of the page (where a file came from).
    pub note: Option<String>,
}

impl Frame {
    pub(super) fn t(&self, id: &str) -> String {
        self.texts.format(id, None)
    }
}

/// A whole HTML document around `body`; `body` holds the page's `<main>`
/// with an element of id `content` (the skip link's target).
fn document(frame: &Frame, title: &str, body: Markup) -> String {
    let app = frame.t("dashboard-app-name");
    html! {
        (DOCTYPE)
        html lang=(frame.texts.language_tag()) {
            head {
                meta charset="utf-8";
                @if !frame.live {
                    meta http-equiv="Content-Security-Policy" content=(file_content_security_policy());
                }
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (app) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                a.skip href="#content" { (frame.t("dashboard-skip")) }
                header.top {
                    span.app { (app) }
                    @if frame.live {
                        nav aria-label=(app) {
                            ul { li { a href="/" { (frame.t("dashboard-nav-products")) } } }
                        }
                    }
                    @if !frame.languages.is_empty() {
                        nav aria-label=(frame.t("dashboard-language")) {
                            ul {
                                @for (tag, href) in &frame.languages {
                                    li {
                                        a href=(href) lang=(tag) hreflang=(tag)
                                            aria-current=[(tag.as_str() == frame.texts.language_tag()).then_some("true")] { (tag) }
                                    }
                                }
                            }
                        }
                    }
                    @if frame.signed_in {
                        form method="post" action="/logout" {
                            button type="submit" { (frame.t("dashboard-logout")) }
                        }
                    }
                }
                (body)
                @if let Some(note) = &frame.note {
                    footer { p.note { (note) } }
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
    .into_string()
}

/// A product in the products list.
pub struct ProductSummary {
    /// `products/kettle`.
    pub name: String,
    /// Its display name.
    pub display_name: String,
    /// Its source locale.
    pub source_locale: String,
}

/// The list of products, each linking to its page.
pub fn products_page(frame: &Frame, products: &[ProductSummary], lang: Option<&str>) -> String {
    let title = frame.t("dashboard-products-title");
    let body = html! {
        main #products {
            h1 #content { (title) }
            @if products.is_empty() {
                p { (frame.t("dashboard-products-empty")) }
            } @else {
                div.scroll role="group" aria-label=(title) tabindex="0" {
                    table #products-table {
                        thead { tr {
                            th scope="col" { (frame.t("dashboard-col-display-name")) }
                            th scope="col" { (frame.t("dashboard-col-product")) }
                            th scope="col" { (frame.t("dashboard-col-source-locale")) }
                        } }
                        tbody {
                            @for p in products {
                                tr {
                                    td { a.product href=(with_lang(&format!("/{}", p.name), lang)) { (p.display_name) } }
                                    td { code { (p.name) } }
                                    td { (p.source_locale) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    document(frame, &title, body)
}

/// `path` with `?lang=` when a language was asked for in the URL.
pub(super) fn with_lang(path: &str, lang: Option<&str>) -> String {
    match lang {
        Some(lang) => format!("{path}?{}", query(&[("lang", lang)])),
        None => path.to_string(),
    }
}

/// A URL query of `pairs` (form-encoded).
pub(super) fn query(pairs: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

/// Which findings the page shows (the filter form's values; `None`: all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingFilter {
    /// `markets/x`.
    pub market: Option<String>,
    /// A locale tag.
    pub locale: Option<String>,
    /// A rule id, such as `missing-message`.
    pub rule: Option<String>,
    /// `ERROR`, `WARNING` or `INFO`.
    pub severity: Option<String>,
}

impl FindingFilter {
    /// Whether no value is set.
    pub fn is_empty(&self) -> bool {
        self.market.is_none()
            && self.locale.is_none()
            && self.rule.is_none()
            && self.severity.is_none()
    }

    pub(super) fn matches(&self, row: &tables::FindingRow) -> bool {
        let ok =
            |wanted: &Option<String>, value: &str| wanted.as_deref().is_none_or(|w| w == value);
        ok(&self.market, &row.market)
            && ok(&self.locale, &row.finding.locale)
            && ok(&self.rule, row.finding.rule.id())
            && ok(&self.severity, super::severity_id(row.finding.severity))
    }
}

/// Where the product page's links go.
pub enum Links {
    /// The served dashboard: bundle pages and hand-off downloads, each link
    /// keeping the page's language (`lang`, when the URL named one).
    Live {
        /// `?lang=` of the page's URL.
        lang: Option<String>,
    },
    /// A file: no links; the to-do says which command writes the hand-off.
    File {
        /// Such as `glocal handoff --plan plan.toml --as-of 2027-02-01 --xliff DIR`.
        handoff_command: String,
    },
}

/// What the product page shows.
pub struct ProductPage<'a> {
    /// `products/kettle`.
    pub product: &'a str,
    /// Its display name.
    pub display_name: &'a str,
    /// The product's roadmaps (full names), for the roadmap control.
    pub roadmaps: &'a [String],
    /// The roadmap checked and its check; `None` when the product has no
    /// roadmap.
    pub check: Option<(&'a str, &'a RoadmapReport)>,
    /// The check's day.
    pub as_of: CalendarDate,
    /// The check's window, in days.
    pub window_days: i64,
    /// The product's launches, with their names (for their phases).
    pub launches: &'a [(String, Launch)],
    /// The findings shown.
    pub filter: &'a FindingFilter,
    /// Where links go.
    pub links: &'a Links,
}

/// A product's page: the controls, the verdict, the heatmap, the timeline,
/// the to-do and the findings of one roadmap.
pub fn product_page(frame: &Frame, page: &ProductPage) -> String {
    let texts = frame.texts;
    let title =
        tr_in!(texts, "dashboard-product-title", "product" => page.display_name.to_string());
    let roadmap_name = page.check.map_or("", |(name, _)| name);
    let body = html! {
        main #product data-product=(page.product) data-roadmap=(roadmap_name) data-as-of=(page.as_of.to_string()) {
            h1 #content { (title) }
            @if let Links::Live { lang } = page.links {
                (controls(frame, page, lang.as_deref()))
            }
            @match page.check {
                None => p { (frame.t("dashboard-no-roadmap")) },
                Some((roadmap, report)) => {
                    p {
                        (frame.t("dashboard-verdict-label")) ": "
                        span #verdict .verdict-badge .{"v-" (verdict_id(report.verdict))} data-verdict=(verdict_id(report.verdict)) {
                            (verdict_symbol(report.verdict)) " " (verdict_words(texts, report.verdict))
                        }
                        " "
                        span.note { (short(roadmap)) }
                    }
                    p.intro {
                        (tr_in!(texts, "dashboard-checked-as-of", "date" => date(texts, page.as_of), "days" => page.window_days))
                    }
                    (section_heatmap(frame, page, report))
                    (section_timeline(frame, page, report))
                    (tables::todo_section(frame, page, report))
                    (tables::findings_section(frame, page, report))
                }
            }
        }
    };
    document(frame, &title, body)
}

fn controls(frame: &Frame, page: &ProductPage, lang: Option<&str>) -> Markup {
    let checked = page.check.map(|(name, _)| name);
    html! {
        form #controls .controls method="get" action=(format!("/{}", page.product)) {
            @if let Some(lang) = lang {
                input type="hidden" name="lang" value=(lang);
            }
            label {
                (frame.t("dashboard-controls-roadmap"))
                select name="roadmap" {
                    @for r in page.roadmaps {
                        option value=(short(r)) selected[Some(r.as_str()) == checked] { (short(r)) }
                    }
                }
            }
            label {
                (frame.t("dashboard-controls-as-of"))
                input type="date" name="as_of" value=(page.as_of.to_string()) required;
            }
            label {
                (frame.t("dashboard-controls-window"))
                input type="number" name="window" min="0" max="3650" value=(page.window_days) required;
            }
            button type="submit" { (frame.t("dashboard-controls-apply")) }
        }
    }
}

fn section_heatmap(frame: &Frame, page: &ProductPage, report: &RoadmapReport) -> Markup {
    let title = frame.t("dashboard-heatmap-title");
    html! {
        section #heatmap aria-labelledby="heatmap-title" {
            h2 #heatmap-title { (title) }
            p.intro { (frame.t("dashboard-heatmap-intro")) }
            @if report.launches.iter().all(|l| l.locales.is_empty()) {
                p { (frame.t("dashboard-heatmap-empty")) }
            } @else {
                div.scroll role="group" aria-label=(title) tabindex="0" {
                    (charts::heatmap(frame.texts, report, &title))
                }
                details {
                    summary { (frame.t("dashboard-heatmap-table")) }
                    (tables::heatmap_table(frame, page, report))
                }
            }
        }
    }
}

fn section_timeline(frame: &Frame, page: &ProductPage, report: &RoadmapReport) -> Markup {
    let title = frame.t("dashboard-timeline-title");
    html! {
        section #timeline aria-labelledby="timeline-title" {
            h2 #timeline-title { (title) }
            p.intro { (frame.t("dashboard-timeline-intro")) }
            div.scroll role="group" aria-label=(title) tabindex="0" {
                (charts::timeline(frame.texts, report, page.launches, page.as_of, &title))
            }
            ul.legend aria-label=(frame.t("dashboard-timeline-legend")) {
                li { span.swatch.sw-window {} (frame.t("dashboard-timeline-legend-window")) }
                li { span.swatch.sw-due {} (frame.t("dashboard-timeline-legend-due")) }
                li { span.swatch.sw-eta {} (frame.t("dashboard-timeline-legend-eta")) }
            }
            (tables::timeline_table(frame, report))
        }
    }
}

/// What the bundle page shows.
pub struct BundlePage<'a> {
    /// `products/kettle`.
    pub product: &'a str,
    /// Its display name.
    pub display_name: &'a str,
    /// The bundle's locale.
    pub locale: &'a str,
    /// The stored summary: files, counts, diagnostics.
    pub bundle: &'a BundleDoc,
    /// The bundle checked against the source (`None` for the source
    /// bundle itself).
    pub against_source: Option<&'a LocaleReport>,
    /// The product's bundles' locales, to go from one to another.
    pub locales: &'a [String],
    /// `?lang=` of the page's URL.
    pub lang: Option<&'a str>,
}

/// A bundle's page: coverage against the source, files, problems.
pub fn bundle_page(frame: &Frame, page: &BundlePage) -> String {
    let title = tr_in!(frame.texts, "dashboard-bundle-title",
        "locale" => page.locale.to_string(), "product" => page.display_name.to_string());
    let body = html! {
        main #bundle data-product=(page.product) data-locale=(page.locale) {
            h1 #content { (title) }
            p { a href=(with_lang(&format!("/{}", page.product), page.lang)) { (page.display_name) } }
            (tables::bundle_tables(frame, page))
        }
    };
    document(frame, &title, body)
}

/// The sign-in form; `failed` after a token that is not valid.
pub fn login_page(frame: &Frame, next: &str, failed: bool) -> String {
    let title = frame.t("dashboard-login-title");
    let body = html! {
        main #login-page {
            h1 #content { (title) }
            p { (frame.t("dashboard-login-intro")) }
            @if failed {
                p.error-box role="alert" { (frame.t("dashboard-login-bad")) }
            }
            form #login method="post" action="/login" {
                input type="hidden" name="next" value=(next);
                p {
                    label for="token" { (frame.t("dashboard-login-token")) }
                    br;
                    input #token type="password" name="token" autocomplete="current-password" required;
                }
                button type="submit" { (frame.t("dashboard-login-submit")) }
            }
        }
    };
    document(frame, &title, body)
}

/// Why a page cannot be shown.
pub enum ErrorKind {
    /// What is not there (a product, a roadmap, a bundle).
    NotFound(String),
    /// The token's role may not read it.
    Forbidden(String),
    /// A bad value in the URL, explained.
    BadRequest(String),
    /// A form posted from another site's page.
    CrossSite,
    /// A request for another host name than a loopback one (the `Host`),
    /// to a dashboard without tokens.
    WrongHost(String),
    /// Anything else (the log says what).
    Internal,
}

/// An error page.
pub fn error_page(frame: &Frame, error: &ErrorKind) -> String {
    let title = frame.t("dashboard-error-title");
    let why = match error {
        ErrorKind::NotFound(what) => {
            tr_in!(frame.texts, "dashboard-error-not-found", "what" => what.clone())
        }
        ErrorKind::Forbidden(role) => {
            tr_in!(frame.texts, "dashboard-error-forbidden", "role" => role.clone())
        }
        ErrorKind::BadRequest(why) => why.clone(),
        ErrorKind::CrossSite => frame.t("dashboard-error-cross-site"),
        ErrorKind::WrongHost(host) => {
            tr_in!(frame.texts, "dashboard-error-wrong-host", "host" => host.clone())
        }
        ErrorKind::Internal => frame.t("dashboard-error-internal"),
    };
    let body = html! {
        main #error-page {
            h1 #content { (title) }
            p.error-box role="alert" { (why) }
        }
    };
    document(frame, &title, body)
}

/// Every finding of a check, with its market: the launches' (in launch
/// order) and then the roadmap's own.
pub(super) fn all_findings(report: &RoadmapReport) -> Vec<tables::FindingRow<'_>> {
    let mut rows = Vec::new();
    for l in &report.launches {
        for f in &l.findings {
            rows.push(tables::FindingRow {
                market: f.market.clone().unwrap_or_else(|| l.market.clone()),
                finding: f,
            });
        }
    }
    rows.extend(
        report
            .findings
            .iter()
            .map(|f: &Finding| tables::FindingRow {
                market: f.market.clone().unwrap_or_default(),
                finding: f,
            }),
    );
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::roadmap::Verdict;

    fn frame() -> Frame {
        Frame {
            texts: Texts::default(),
            live: true,
            signed_in: false,
            languages: Vec::new(),
            note: None,
        }
    }

    #[test]
    fn names_from_the_store_are_escaped() {
        let products = [ProductSummary {
            name: "products/p".into(),
            display_name: "<script>alert(1)</script> & \"co\"".into(),
            source_locale: "en".into(),
        }];
        let page = products_page(&frame(), &products, Some("de\"><x"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"));
        assert!(!page.contains("<script>alert"));
        assert!(page.contains("href=\"/products/p?lang=de%22%3E%3Cx\""));
    }

    fn page_of<'a>(
        check: Option<(&'a str, &'a RoadmapReport)>,
        links: &'a Links,
        filter: &'a FindingFilter,
    ) -> ProductPage<'a> {
        ProductPage {
            product: "products/p",
            display_name: "P",
            roadmaps: &[],
            check,
            as_of: CalendarDate::parse("2027-01-01").unwrap(),
            window_days: 14,
            launches: &[],
            filter,
            links,
        }
    }

    #[test]
    fn a_product_without_roadmap_or_launches_says_so() {
        let links = Links::Live { lang: None };
        let filter = FindingFilter::default();
        let page = product_page(&frame(), &page_of(None, &links, &filter));
        assert!(page.contains("This product has no roadmap yet"));
        assert!(!page.contains("id=\"heatmap\""));

        let report = RoadmapReport {
            verdict: Verdict::Ready,
            launches: Vec::new(),
            findings: Vec::new(),
            todo: Vec::new(),
            tasks: Vec::new(),
        };
        let checked = Some(("products/p/roadmaps/r", &report));
        let page = product_page(&frame(), &page_of(checked, &links, &filter));
        assert!(page.contains("data-verdict=\"READY\""));
        assert!(page.contains("No launch of this roadmap needs a locale yet."));
        assert!(page.contains("Nothing is left to translate for these launches."));
        assert!(page.contains("No findings."));
        assert!(page.contains("<svg id=\"timeline-chart\""));
    }
}
