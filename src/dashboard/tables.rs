//! The tables: the heatmap and the timeline as tables (what a screen
//! reader reads), the ranked to-do, the findings with their filter, and a
//! bundle's files and problems.

use std::collections::BTreeSet;

use maud::{html, Markup};

use super::charts::{cell_words, forecast_words, launches_by_date};
use super::pages::{query, with_lang, BundlePage, Frame, Links, ProductPage};
use super::{
    date, decimal, integer, percent, severity_id, severity_words, share, short, verdict_id,
    verdict_symbol, verdict_words,
};
use crate::coverage::finding::{Finding, Severity};
use crate::coverage::roadmap::RoadmapReport;
use crate::tr_in;

/// A finding with the market it is about (`""` for the roadmap's own).
pub struct FindingRow<'a> {
    pub(super) market: String,
    pub(super) finding: &'a Finding,
}

pub(super) fn heatmap_table(frame: &Frame, page: &ProductPage, report: &RoadmapReport) -> Markup {
    let texts = frame.texts;
    html! {
        div.scroll role="group" aria-label=(frame.t("dashboard-heatmap-table")) tabindex="0" {
            table #heatmap-table {
                thead { tr {
                    th scope="col" { (frame.t("dashboard-col-market")) }
                    th scope="col" { (frame.t("dashboard-col-date")) }
                    th scope="col" { (frame.t("dashboard-col-locale")) }
                    th scope="col" { (frame.t("dashboard-col-verdict")) }
                    th.num scope="col" { (frame.t("dashboard-col-effective")) }
                    th.num scope="col" { (frame.t("dashboard-col-own")) }
                    th scope="col" { (frame.t("dashboard-col-served-by")) }
                    th scope="col" { (frame.t("dashboard-col-reasons")) }
                    th scope="col" { (frame.t("dashboard-col-due")) }
                } }
                tbody {
                    @for l in launches_by_date(report) {
                        @for c in &l.locales {
                            @let v = &c.coverage;
                            @let effective = share(v.effective_messages, v.required_messages);
                            @let own = share(v.own_messages, v.required_messages);
                            @let (_, why) = cell_words(texts, l, c);
                            tr.cell-row data-launch=(l.launch) data-market=(l.market) data-locale=(c.locale)
                                data-verdict=(verdict_id(l.verdict)) data-optional=(c.optional)
                                data-required-messages=(v.required_messages)
                                data-effective-messages=(v.effective_messages)
                                data-own-messages=(v.own_messages)
                                data-effective-percent=(format!("{effective:.1}"))
                                data-own-percent=(format!("{own:.1}")) {
                                td { (short(&l.market)) }
                                td { (date(texts, l.date)) }
                                td { (bundle_link(page, &c.locale)) }
                                td { (verdict_symbol(l.verdict)) " " (verdict_words(texts, l.verdict)) }
                                td.num { (percent(texts, effective)) " (" (integer(texts, v.effective_messages)) "/" (integer(texts, v.required_messages)) ")" }
                                td.num { (percent(texts, own)) " (" (integer(texts, v.own_messages)) "/" (integer(texts, v.required_messages)) ")" }
                                td { (c.served_by.clone().unwrap_or_else(|| frame.t("dashboard-not-served"))) }
                                td { (why) }
                                td { @if let Some(d) = c.due_date { (date(texts, d)) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A locale, linked to its bundle page on the served dashboard.
fn bundle_link(page: &ProductPage, locale: &str) -> Markup {
    html! {
        @match page.links {
            Links::Live { lang } => a href=(with_lang(&format!("/{}/bundles/{locale}", page.product), lang.as_deref())) { (locale) },
            Links::File { .. } => (locale),
        }
    }
}

pub(super) fn timeline_table(frame: &Frame, report: &RoadmapReport) -> Markup {
    let texts = frame.texts;
    html! {
        details {
            summary { (frame.t("dashboard-timeline-title")) }
            div.scroll role="group" aria-label=(frame.t("dashboard-timeline-title")) tabindex="0" {
                table #timeline-table {
                    thead { tr {
                        th scope="col" { (frame.t("dashboard-col-market")) }
                        th scope="col" { (frame.t("dashboard-col-date")) }
                        th scope="col" { (frame.t("dashboard-col-verdict")) }
                        th scope="col" { (frame.t("dashboard-col-due")) }
                        th scope="col" { (frame.t("dashboard-col-need-date")) }
                        th scope="col" { (frame.t("dashboard-col-forecast")) }
                    } }
                    tbody {
                        @for l in launches_by_date(report) {
                            @let dues: BTreeSet<_> = l.locales.iter().filter(|c| !c.optional).filter_map(|c| c.due_date).collect();
                            @let needs: BTreeSet<_> = l.locales.iter().filter(|c| !c.optional).filter_map(|c| c.need_date).collect();
                            tr {
                                td { (short(&l.market)) }
                                td { (date(texts, l.date)) }
                                td { (verdict_symbol(l.verdict)) " " (verdict_words(texts, l.verdict)) }
                                td { (dues.iter().map(|d| date(texts, *d)).collect::<Vec<_>>().join(", ")) }
                                td { (needs.iter().map(|d| date(texts, *d)).collect::<Vec<_>>().join(", ")) }
                                td {
                                    (forecast_words(texts, l))
                                    @if let Some(eta) = l.forecast.as_ref().and_then(|f| f.eta) {
                                        " · " (tr_in!(texts, "dashboard-timeline-eta", "date" => date(texts, eta)))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub(super) fn todo_section(frame: &Frame, page: &ProductPage, report: &RoadmapReport) -> Markup {
    let texts = frame.texts;
    let title = frame.t("dashboard-todo-title");
    let roadmap = page.check.map_or("", |(name, _)| short(name));
    html! {
        section #todo aria-labelledby="todo-title" {
            h2 #todo-title { (title) }
            p.intro { (frame.t("dashboard-todo-intro")) }
            @if report.tasks.is_empty() {
                p { (frame.t("dashboard-todo-empty")) }
            } @else {
                @if let Links::File { handoff_command } = page.links {
                    p.note { (tr_in!(texts, "dashboard-todo-static-hint", "command" => handoff_command.clone())) }
                }
                div.scroll role="group" aria-label=(title) tabindex="0" {
                    table #tasks {
                        thead { tr {
                            th.num scope="col" { (frame.t("dashboard-col-rank")) }
                            th scope="col" { (frame.t("dashboard-col-bundle")) }
                            th.num scope="col" { (frame.t("dashboard-col-messages")) }
                            th.num scope="col" { (frame.t("dashboard-col-words")) }
                            th scope="col" { (frame.t("dashboard-col-due")) }
                            th.num scope="col" { (frame.t("dashboard-col-score")) }
                            th scope="col" { (frame.t("dashboard-col-unblocks")) }
                            th scope="col" { (frame.t("dashboard-col-forecast")) }
                            @if let Links::Live { .. } = page.links {
                                th scope="col" { (frame.t("dashboard-col-handoff")) }
                            }
                        } }
                        tbody {
                            @for (rank, t) in report.tasks.iter().enumerate() {
                                tr.task data-locale=(t.locale) data-score=(format!("{:.6}", t.score))
                                    data-words=(t.words) data-messages=(t.message_count) {
                                    td.num { (rank + 1) }
                                    td {
                                        (bundle_link(page, &t.locale))
                                        @if !t.bundle_exists { span.tag { (frame.t("dashboard-todo-new-bundle")) } }
                                    }
                                    td.num { (integer(texts, t.message_count)) }
                                    td.num { (integer(texts, t.words)) }
                                    td { @if let Some(d) = t.due_date { (date(texts, d)) } }
                                    td.num { (decimal(texts, t.score, 3)) }
                                    td {
                                        ul.plain {
                                            @for l in &t.launches {
                                                li {
                                                    (short(&l.market)) " ×" (decimal(texts, l.weight.get(), 1))
                                                    @if l.legal() { span.tag title=(l.requirements.join(", ")) { "§ " (frame.t("dashboard-todo-law")) } }
                                                }
                                            }
                                        }
                                    }
                                    td {
                                        @if let (Some(eta), Some(speed)) = (t.eta, t.words_per_day) {
                                            (tr_in!(texts, "dashboard-todo-eta", "date" => date(texts, eta), "speed" => decimal(texts, speed, 1)))
                                        }
                                    }
                                    @if let Links::Live { lang } = page.links {
                                        td { (handoff_links(page, roadmap, &t.locale, &t.messages.iter().map(|m| m.file.as_str()).collect(), lang.as_deref())) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn handoff_links(
    page: &ProductPage,
    roadmap: &str,
    locale: &str,
    files: &BTreeSet<&str>,
    lang: Option<&str>,
) -> Markup {
    let as_of = page.as_of.to_string();
    let window = page.window_days.to_string();
    let href = |format: &str, file: Option<&str>| {
        let mut pairs = vec![
            ("roadmap", roadmap),
            ("as_of", as_of.as_str()),
            ("window", window.as_str()),
            ("locale", locale),
            ("format", format),
        ];
        if let Some(file) = file {
            pairs.push(("file", file));
        }
        if let Some(lang) = lang {
            pairs.push(("lang", lang));
        }
        format!("/{}/handoff?{}", page.product, query(&pairs))
    };
    html! {
        ul.plain {
            li { a.handoff data-format="xliff" href=(href("xliff", None)) download { "XLIFF" } }
            li { a.handoff data-format="csv" href=(href("csv", None)) download { "CSV" } }
            @for file in files.iter().filter(|f| !f.is_empty()) {
                li { a.handoff data-format="ftl" href=(href("ftl", Some(file))) download { (file) } }
            }
        }
    }
}

pub(super) fn findings_section(
    frame: &Frame,
    page: &ProductPage,
    report: &RoadmapReport,
) -> Markup {
    let texts = frame.texts;
    let all = super::pages::all_findings(report);
    let total = all.len();
    let options = |of: &dyn Fn(&FindingRow) -> String| -> Vec<String> {
        all.iter()
            .map(of)
            .filter(|v| !v.is_empty())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    let markets = options(&|r| r.market.clone());
    let locales = options(&|r| r.finding.locale.clone());
    let rules = options(&|r| r.finding.rule.id().to_string());
    let severities: Vec<Severity> = all
        .iter()
        .map(|r| r.finding.severity)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let shown: Vec<&FindingRow> = all.iter().filter(|r| page.filter.matches(r)).collect();
    let filter = page.filter;
    let title = frame.t("dashboard-findings-title");
    let select = |name: &str, label: &str, values: &[(String, String)], chosen: &Option<String>| {
        html! {
            label {
                (label)
                select name=(name) {
                    option value="" { (frame.t("dashboard-filter-all")) }
                    @for (value, words) in values {
                        option value=(value) selected[chosen.as_deref() == Some(value.as_str())] { (words) }
                    }
                }
            }
        }
    };
    let pairs = |values: &[String], words: &dyn Fn(&str) -> String| -> Vec<(String, String)> {
        values.iter().map(|v| (v.clone(), words(v))).collect()
    };
    // A file's form has no action: it filters by script only.
    let action = match page.links {
        Links::Live { .. } => Some(format!("/{}", page.product)),
        Links::File { .. } => None,
    };
    html! {
        section #findings aria-labelledby="findings-title" {
            h2 #findings-title { (title) }
            @if all.is_empty() {
                p { (frame.t("dashboard-findings-none")) }
            } @else {
                form #findings-filter .controls .filters method="get" action=[action] {
                    @if let Links::Live { lang } = page.links {
                        @if let Some(lang) = lang { input type="hidden" name="lang" value=(lang); }
                        @if let Some((roadmap, _)) = page.check { input type="hidden" name="roadmap" value=(short(roadmap)); }
                        input type="hidden" name="as_of" value=(page.as_of.to_string());
                        input type="hidden" name="window" value=(page.window_days);
                    }
                    (select("market", &frame.t("dashboard-col-market"), &pairs(&markets, &|m| short(m).to_string()), &filter.market))
                    (select("locale", &frame.t("dashboard-col-locale"), &pairs(&locales, &|l| l.to_string()), &filter.locale))
                    (select("rule", &frame.t("dashboard-col-rule"), &pairs(&rules, &|r| r.to_string()), &filter.rule))
                    (select("severity", &frame.t("dashboard-col-severity"),
                        &severities.iter().map(|s| (severity_id(*s).to_string(), severity_words(texts, *s))).collect::<Vec<_>>(),
                        &filter.severity))
                    button type="submit" { (frame.t("dashboard-filter-apply")) }
                }
                p {
                    (frame.t("dashboard-findings-shown")) ": "
                    span #findings-shown aria-live="polite" { (integer(texts, shown.len())) }
                    " / " (integer(texts, total))
                }
                div.scroll role="group" aria-label=(title) tabindex="0" {
                    table #findings-table data-complete=(filter.is_empty()) {
                        thead { tr {
                            th scope="col" { (frame.t("dashboard-col-severity")) }
                            th scope="col" { (frame.t("dashboard-col-rule")) }
                            th scope="col" { (frame.t("dashboard-col-market")) }
                            th scope="col" { (frame.t("dashboard-col-locale")) }
                            th scope="col" { (frame.t("dashboard-col-place")) }
                            th scope="col" { (frame.t("dashboard-col-message")) }
                            th scope="col" { (frame.t("dashboard-col-detail")) }
                        } }
                        tbody {
                            @for r in &shown {
                                @let f = r.finding;
                                tr.finding data-market=(r.market) data-locale=(f.locale)
                                    data-rule=(f.rule.id()) data-severity=(severity_id(f.severity)) {
                                    td.{"sev-" (f.severity.as_str())} { (severity_words(texts, f.severity)) }
                                    td { code { (f.rule.id()) } }
                                    td { @if r.market.is_empty() { (frame.t("dashboard-roadmap-finding")) } @else { (short(&r.market)) } }
                                    td { (f.locale) }
                                    td {
                                        @if let Some(file) = &f.file {
                                            @if let Some(bundle) = &f.bundle { (bundle) ": " }
                                            (file)
                                            @if f.line > 0 { ":" (f.line) }
                                        }
                                    }
                                    td { @if let Some(id) = &f.message_id { code { (id) } } }
                                    td { (f.detail_in(texts)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub(super) fn bundle_tables(frame: &Frame, page: &BundlePage) -> Markup {
    let texts = frame.texts;
    let b = page.bundle;
    html! {
        @if let Some(report) = page.against_source {
            @let s = &report.stats;
            p #bundle-coverage data-translated=(s.translated_messages) data-total=(s.source_messages)
                data-missing=(s.missing_messages) data-incomplete=(s.incomplete_messages) data-obsolete=(s.obsolete_messages) {
                (tr_in!(texts, "dashboard-bundle-coverage",
                    "translated" => integer(texts, s.translated_messages), "total" => integer(texts, s.source_messages),
                    "percent" => percent(texts, share(s.translated_messages, s.source_messages))))
                ". "
                (tr_in!(texts, "dashboard-bundle-counts",
                    "missing" => integer(texts, s.missing_messages), "incomplete" => integer(texts, s.incomplete_messages), "obsolete" => integer(texts, s.obsolete_messages)))
            }
        } @else {
            p { (frame.t("dashboard-bundle-source")) }
        }
        @if page.locales.len() > 1 {
            nav aria-label=(frame.t("dashboard-bundles")) {
                ul.legend {
                    @for l in page.locales {
                        li {
                            a href=(with_lang(&format!("/{}/bundles/{l}", page.product), page.lang))
                                aria-current=[(l == page.locale).then_some("page")] { (l) }
                        }
                    }
                }
            }
        }
        h2 { (frame.t("dashboard-bundle-files")) }
        div.scroll role="group" aria-label=(frame.t("dashboard-bundle-files")) tabindex="0" {
            table #bundle-files {
                thead { tr {
                    th scope="col" { (frame.t("dashboard-col-file")) }
                    th.num scope="col" { (frame.t("dashboard-col-messages")) }
                    th.num scope="col" { (frame.t("dashboard-col-words")) }
                    th.num scope="col" { (frame.t("dashboard-col-problems")) }
                    th.num scope="col" { (frame.t("dashboard-col-size")) }
                } }
                tbody {
                    @for f in &b.files {
                        tr.bundle-file data-path=(f.path) data-messages=(f.counts.messages) data-diagnostics=(f.diagnostic_count) {
                            td { code { (f.path) } }
                            td.num { (integer(texts, f.counts.messages)) }
                            td.num { (integer(texts, f.counts.words)) }
                            td.num { (integer(texts, f.diagnostic_count)) }
                            td.num { (f.size_bytes) }
                        }
                    }
                }
            }
        }
        h2 { (frame.t("dashboard-bundle-diagnostics")) }
        @let findings: Vec<&Finding> = page.against_source.map(|r| r.findings.iter().collect()).unwrap_or_default();
        @if b.diagnostics.is_empty() && findings.is_empty() {
            p { (frame.t("dashboard-bundle-no-diagnostics")) }
        } @else {
            div.scroll role="group" aria-label=(frame.t("dashboard-bundle-diagnostics")) tabindex="0" {
                table #bundle-diagnostics {
                    thead { tr {
                        th scope="col" { (frame.t("dashboard-col-file")) }
                        th.num scope="col" { (frame.t("dashboard-col-line")) }
                        th scope="col" { (frame.t("dashboard-col-severity")) }
                        th scope="col" { (frame.t("dashboard-col-rule")) }
                        th scope="col" { (frame.t("dashboard-col-message")) }
                        th scope="col" { (frame.t("dashboard-col-detail")) }
                    } }
                    tbody {
                        @if page.against_source.is_none() {
                            @for d in &b.diagnostics {
                                tr.diagnostic data-file=(d.file) data-line=(d.diagnostic.line) {
                                    td { code { (d.file) } }
                                    td.num { (d.diagnostic.line) }
                                    td.sev-error { (severity_words(texts, Severity::Error)) }
                                    td { code { (diagnostic_kind(&d.diagnostic.kind)) } }
                                    td { @if let Some(id) = &d.diagnostic.id { code { (id) } } }
                                    td { (d.diagnostic.message) }
                                }
                            }
                        }
                        @for f in &findings {
                            tr.diagnostic data-file=(f.file.clone().unwrap_or_default()) data-line=(f.line) data-rule=(f.rule.id()) {
                                td { @if let Some(file) = &f.file { code { (file) } } }
                                td.num { @if f.line > 0 { (f.line) } }
                                td.{"sev-" (f.severity.as_str())} { (severity_words(texts, f.severity)) }
                                td { code { (f.rule.id()) } }
                                td { @if let Some(id) = &f.message_id { code { (id) } } }
                                td { (f.detail_in(texts)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The rule id a check gives a diagnostic of this kind.
fn diagnostic_kind(kind: &crate::domain::ftl::DiagnosticKind) -> &'static str {
    use crate::coverage::finding::Rule;
    match kind {
        crate::domain::ftl::DiagnosticKind::SyntaxError => Rule::SyntaxError.id(),
        crate::domain::ftl::DiagnosticKind::DuplicateId => Rule::DuplicateId.id(),
    }
}
