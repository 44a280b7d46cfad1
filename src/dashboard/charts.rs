//! The SVG charts, made on the server: the coverage heatmap and the launch
//! timeline. Each mark carries its numbers as `data-` attributes (what the
//! browser test compares with CheckRoadmap) and its words in a `<title>`.

use std::collections::BTreeSet;

use maud::{html, Markup};

use super::{date, percent, share, short, verdict_id, verdict_symbol, verdict_words};
use crate::coverage::finding::NeedReasonKind;
use crate::coverage::forecast::ForecastStatus;
use crate::coverage::roadmap::{LaunchReport, LocaleCoverage, RoadmapReport};
use crate::domain::planning::{Launch, LaunchPhase};
use crate::domain::{CalendarDate, Obligation};
use crate::l10n::Texts;
use crate::tr_in;

/// The launches in the order the charts show them: by date, then name.
pub(super) fn launches_by_date(report: &RoadmapReport) -> Vec<&LaunchReport> {
    let mut launches: Vec<&LaunchReport> = report.launches.iter().collect();
    launches.sort_by(|a, b| (a.date, &a.launch).cmp(&(b.date, &b.launch)));
    launches
}

/// Why a locale is needed, in words, one reason each.
pub(super) fn reasons(texts: Texts, c: &LocaleCoverage) -> Vec<String> {
    c.reasons
        .iter()
        .map(|r| {
            let name = short(&r.name).to_string();
            let said = match r.kind {
                NeedReasonKind::StorefrontDefault => {
                    tr_in!(texts, "dashboard-reason-storefront-default", "name" => name)
                }
                NeedReasonKind::LaunchLocale => {
                    tr_in!(texts, "dashboard-reason-launch-locale", "name" => name)
                }
                NeedReasonKind::Requirement if !r.legal_reference.is_empty() => {
                    tr_in!(texts, "dashboard-reason-law", "name" => name,
                        "summary" => r.summary.clone(), "reference" => r.legal_reference.clone())
                }
                NeedReasonKind::Requirement => {
                    tr_in!(texts, "dashboard-reason-requirement", "name" => name, "summary" => r.summary.clone())
                }
                NeedReasonKind::RoadmapItem => {
                    tr_in!(texts, "dashboard-reason-roadmap-item", "name" => name)
                }
                NeedReasonKind::Variant => tr_in!(texts, "dashboard-reason-variant", "name" => name),
            };
            let obligation = texts.format(
                match r.obligation {
                    Obligation::Mandatory => "dashboard-obligation-mandatory",
                    Obligation::Recommended => "dashboard-obligation-recommended",
                },
                None,
            );
            format!("{said} ({obligation})")
        })
        .collect()
}

/// The words of a cell (its `<title>` and the table's).
pub(super) fn cell_words(texts: Texts, l: &LaunchReport, c: &LocaleCoverage) -> (String, String) {
    let v = &c.coverage;
    let title = tr_in!(texts, "dashboard-cell-title",
        "locale" => c.locale.clone(),
        "market" => short(&l.market).to_string(),
        "effective" => percent(texts, share(v.effective_messages, v.required_messages)),
        "own" => percent(texts, share(v.own_messages, v.required_messages)),
        "servedBy" => c.served_by.clone().unwrap_or_else(|| texts.format("dashboard-not-served", None)));
    let why = if c.optional {
        texts.format("dashboard-cell-optional", None)
    } else {
        tr_in!(texts, "dashboard-cell-reasons", "reasons" => reasons(texts, c).join("; "))
    };
    (title, why)
}

const LABEL_WIDTH: i64 = 230;
const CELL_WIDTH: i64 = 88;
const CELL_HEIGHT: i64 = 46;
const HEADER_HEIGHT: i64 = 34;

/// The heatmap: a row per launch (by date), a column per locale any launch
/// needs, a cell where the launch needs (or may ship) the locale.
pub(super) fn heatmap(texts: Texts, report: &RoadmapReport, label: &str) -> Markup {
    let launches = launches_by_date(report);
    let locales: Vec<&str> = launches
        .iter()
        .flat_map(|l| l.locales.iter().map(|c| c.locale.as_str()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let cols = i64::try_from(locales.len()).unwrap_or(i64::MAX / CELL_WIDTH / 2);
    let rows = i64::try_from(launches.len()).unwrap_or(i64::MAX / CELL_HEIGHT / 2);
    let width = LABEL_WIDTH + cols * CELL_WIDTH + 4;
    let height = HEADER_HEIGHT + rows * CELL_HEIGHT + 4;
    let column_of = |locale: &str| {
        let i = locales.iter().position(|l| *l == locale).unwrap_or(0);
        LABEL_WIDTH + i64::try_from(i).unwrap_or(0) * CELL_WIDTH
    };
    html! {
        svg #heatmap-chart xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(label)
            width=(width) height=(height) viewBox=(format!("0 0 {width} {height}")) {
            @for locale in &locales {
                text x=(column_of(locale) + CELL_WIDTH / 2) y=(HEADER_HEIGHT - 12) text-anchor="middle" { (locale) }
            }
            @for (row, l) in launches.iter().enumerate() {
                @let y = HEADER_HEIGHT + i64::try_from(row).unwrap_or(0) * CELL_HEIGHT;
                g.launch-label {
                    text x="4" y=(y + 19) { (short(&l.market)) " · " (date(texts, l.date)) }
                    text.small x="4" y=(y + 35) { (verdict_symbol(l.verdict)) " " (verdict_words(texts, l.verdict)) }
                }
                @for c in &l.locales {
                    @let x = column_of(&c.locale);
                    @let v = &c.coverage;
                    @let effective = share(v.effective_messages, v.required_messages);
                    @let own = share(v.own_messages, v.required_messages);
                    @let (title, why) = cell_words(texts, l, c);
                    g.cell .{"v-" (verdict_id(l.verdict))} .optional[c.optional]
                        data-launch=(l.launch) data-market=(l.market) data-locale=(c.locale)
                        data-verdict=(verdict_id(l.verdict)) data-optional=(c.optional)
                        data-required-messages=(v.required_messages)
                        data-effective-messages=(v.effective_messages)
                        data-own-messages=(v.own_messages)
                        data-effective-percent=(format!("{effective:.1}"))
                        data-own-percent=(format!("{own:.1}")) {
                        title { (title) " " (why) }
                        rect.cell-bg x=(x + 3) y=(y + 3) width=(CELL_WIDTH - 6) height=(CELL_HEIGHT - 6) rx="4" {}
                        text x=(x + CELL_WIDTH / 2) y=(y + 21) text-anchor="middle" {
                            (percent(texts, effective)) " " (verdict_symbol(l.verdict))
                        }
                        text.small x=(x + CELL_WIDTH / 2) y=(y + 36) text-anchor="middle" {
                            @if c.optional {
                                (texts.format("dashboard-heatmap-optional", None))
                            } @else {
                                (tr_in!(texts, "dashboard-heatmap-own", "percent" => percent(texts, own)))
                            }
                        }
                    }
                }
            }
        }
    }
}

const TIMELINE_PLOT: i64 = 780;
const TIMELINE_ROW: i64 = 62;
const TIMELINE_TOP: i64 = 40;

/// The axis of the timeline: from a week before the earliest date shown
/// to two weeks after the latest.
struct Axis {
    start: i64,
    days: i64,
}

impl Axis {
    fn x(&self, d: CalendarDate) -> i64 {
        LABEL_WIDTH + (d.julian_day() - self.start) * TIMELINE_PLOT / self.days.max(1)
    }
    fn contains(&self, d: CalendarDate) -> bool {
        (self.start..=self.start + self.days).contains(&d.julian_day())
    }
}

/// The windows of a launch: each distinct (due date, need date) of its
/// needed locales.
fn windows(l: &LaunchReport) -> BTreeSet<(CalendarDate, CalendarDate)> {
    l.locales
        .iter()
        .filter(|c| !c.optional)
        .filter_map(|c| Some((c.due_date?, c.need_date?)))
        .collect()
}

fn phase_words(texts: Texts, p: LaunchPhase) -> String {
    texts.format(
        match p {
            LaunchPhase::Alpha => "dashboard-phase-alpha",
            LaunchPhase::Beta => "dashboard-phase-beta",
            LaunchPhase::Ga => "dashboard-phase-ga",
        },
        None,
    )
}

/// The forecast of a launch in words.
pub(super) fn forecast_words(texts: Texts, l: &LaunchReport) -> String {
    match &l.forecast {
        None => texts.format("dashboard-forecast-none", None),
        Some(f) => match f.status {
            ForecastStatus::OnTrack => texts.format("dashboard-forecast-on-track", None),
            ForecastStatus::Late => tr_in!(texts, "dashboard-forecast-late", "days" => f.late_days),
            ForecastStatus::NoData => texts.format("dashboard-forecast-no-data", None),
        },
    }
}

/// The month starts between Julian days `first` and `last`, for the
/// timeline's grid: stepped month by month (an `as_of` centuries away
/// costs no walk over its days), and thinned to every n-th month so that
/// at most [`MAX_GRID_LINES`] lines are drawn.
fn grid_months(first: i64, last: i64) -> Vec<CalendarDate> {
    // The axis reaches a little beyond the days it shows, perhaps beyond
    // the calendar's ends (year 1, year 9999).
    let bounded = |day: i64, (y, m, d): (i32, i32, i32)| {
        CalendarDate::from_julian(day).or_else(|| CalendarDate::from_ymd(y, m, d).ok())
    };
    let (Some(from), Some(to)) = (bounded(first, (1, 1, 1)), bounded(last, (9999, 12, 31))) else {
        return Vec::new();
    };
    let index = |d: CalendarDate| i64::from(d.year()) * 12 + i64::from(d.month()) - 1;
    let (start, end) = (index(from) + 1, index(to));
    let step = ((end - start) / MAX_GRID_LINES + 1).max(1);
    (start..=end)
        .step_by(usize::try_from(step).unwrap_or(1))
        .filter_map(|m| {
            let year = i32::try_from(m.div_euclid(12)).ok()?;
            let month = i32::try_from(m.rem_euclid(12) + 1).ok()?;
            CalendarDate::from_ymd(year, month, 1).ok()
        })
        .collect()
}

/// The most month lines the timeline's grid draws.
const MAX_GRID_LINES: i64 = 48;

/// The width of `text` in the timeline's small labels, in pixels: about 6
/// a character, 11 for a wide (East Asian) one.
fn label_width(text: &str) -> i64 {
    text.chars().map(|c| if is_wide(c) { 11 } else { 6 }).sum()
}

/// A character drawn about twice as wide as a Latin letter: CJK, kana,
/// Hangul and full-width forms.
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// The timeline: a row per launch (by date) with its phases above and its
/// windows, due dates and forecast below; today's line across.
pub(super) fn timeline(
    texts: Texts,
    report: &RoadmapReport,
    plan: &[(String, Launch)],
    as_of: CalendarDate,
    label: &str,
) -> Markup {
    let launches = launches_by_date(report);
    let phases_of = |name: &str| {
        plan.iter()
            .find(|(n, _)| n == name)
            .map(|(_, l)| l.phases.clone())
            .unwrap_or_default()
    };
    let mut days: Vec<CalendarDate> = vec![as_of];
    for l in &launches {
        days.push(l.date);
        days.extend(phases_of(&l.launch).iter().map(|p| p.date));
        for (due, need) in windows(l) {
            days.extend([due, need]);
        }
        days.extend(l.forecast.as_ref().and_then(|f| f.eta));
    }
    let first = days.iter().map(CalendarDate::julian_day).min().unwrap_or(0) - 7;
    let last = days.iter().map(CalendarDate::julian_day).max().unwrap_or(0) + 21;
    let axis = Axis {
        start: first,
        days: last - first,
    };
    let rows = i64::try_from(launches.len()).unwrap_or(0);
    let width = LABEL_WIDTH + TIMELINE_PLOT + 10;
    let height = TIMELINE_TOP + rows * TIMELINE_ROW + 8;
    let axis_end = CalendarDate::from_julian(last);
    let months = grid_months(first, last);
    let label_every = (months.len() / 8).max(1);
    html! {
        svg #timeline-chart xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(label)
            width=(width) height=(height) viewBox=(format!("0 0 {width} {height}")) {
            @for (i, m) in months.iter().enumerate() {
                line.grid x1=(axis.x(*m)) x2=(axis.x(*m)) y1=(TIMELINE_TOP - 6) y2=(height - 4) {}
                @if i % label_every == 0 {
                    text.small x=(axis.x(*m) + 3) y=(TIMELINE_TOP - 10) { (date(texts, *m)) }
                }
            }
            @for (row, l) in launches.iter().enumerate() {
                @let y = TIMELINE_TOP + i64::try_from(row).unwrap_or(0) * TIMELINE_ROW;
                @let phases = phases_of(&l.launch);
                g.timeline-launch data-launch=(l.launch) data-market=(l.market)
                    data-verdict=(verdict_id(l.verdict)) data-date=(l.date.to_string()) {
                    rect.row-band .{"v-" (verdict_id(l.verdict))} x="0" y=(y) width=(LABEL_WIDTH - 6) height=(TIMELINE_ROW - 4) {}
                    text x="4" y=(y + 18) { (short(&l.market)) " · " (date(texts, l.date)) }
                    text.verdict-label x="4" y=(y + 35) {
                        (verdict_symbol(l.verdict)) " " (verdict_words(texts, l.verdict))
                    }
                    text.small x="4" y=(y + 51) { (forecast_words(texts, l)) }
                    @for (i, p) in phases.iter().enumerate() {
                        @let end = phases.get(i + 1).map(|n| n.date);
                        @let x0 = axis.x(p.date);
                        @let x1 = end.map_or(axis.x(axis_end.unwrap_or(p.date)), |e| axis.x(e));
                        rect.phase .{"p-" (p.phase)} data-phase=(p.phase) data-start=(p.date.to_string())
                            data-end=(end.map(|e| e.to_string()).unwrap_or_default())
                            x=(x0) y=(y + 4) width=((x1 - x0).max(2)) height="18" {
                            title { (tr_in!(texts, "dashboard-timeline-phase", "phase" => phase_words(texts, p.phase), "date" => date(texts, p.date))) }
                        }
                        @let words = phase_words(texts, p.phase);
                        // A name that does not fit its bar is left to the
                        // bar's title.
                        @if x1 - x0 > label_width(&words) + 8 {
                            text.small x=(x0 + 4) y=(y + 17) { (words) }
                        }
                    }
                    @for (due, need) in windows(l) {
                        rect.need-window data-start=(due.to_string()) data-end=(need.to_string())
                            x=(axis.x(due)) y=(y + 30) width=((axis.x(need) - axis.x(due)).max(2)) height="16" {
                            title { (tr_in!(texts, "dashboard-timeline-window", "start" => date(texts, due), "end" => date(texts, need))) }
                        }
                    }
                    @for due in windows(l).iter().map(|(due, _)| *due).collect::<BTreeSet<_>>() {
                        @let x = axis.x(due);
                        g.due data-date=(due.to_string()) {
                            title { (tr_in!(texts, "dashboard-timeline-due", "date" => date(texts, due))) }
                            path d=(format!("M{x} {} l7 8 l-7 8 l-7 -8 z", y + 30)) {}
                        }
                    }
                    @if let Some(eta) = l.forecast.as_ref().and_then(|f| f.eta) {
                        g.eta .late[l.forecast.as_ref().is_some_and(|f| f.status == ForecastStatus::Late)] data-date=(eta.to_string()) {
                            title { (tr_in!(texts, "dashboard-timeline-eta", "date" => date(texts, eta))) }
                            circle cx=(axis.x(eta)) cy=(y + 38) r="6" {}
                        }
                    }
                }
            }
            @if axis.contains(as_of) {
                line #today data-date=(as_of.to_string()) x1=(axis.x(as_of)) x2=(axis.x(as_of)) y1=(TIMELINE_TOP - 20) y2=(height - 4) {
                    title { (tr_in!(texts, "dashboard-timeline-today", "date" => date(texts, as_of))) }
                }
                text.small x=(axis.x(as_of) + 4) y="12" { (tr_in!(texts, "dashboard-timeline-today", "date" => date(texts, as_of))) }
            }
        }
    }
}
