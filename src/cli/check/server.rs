//! Server mode (`--server URL --roadmap NAME`): `PlanningService.CheckRoadmap`,
//! optionally after uploading the local tree (`--push DIR`).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::bail;

use super::files::require_dir;
use super::rows::{add_roadmap, coverage_row, LaunchData};
use super::Settings;
use crate::api;
use crate::api::pb::glocal::v1 as pb;
use crate::api::pb::google::r#type::Date;
use crate::cli::client::status_error;
use crate::cli::push::{Push, PushArgs};
use crate::cli::report::{texts, LaunchResult, Mode, Report, ReportFinding};
use crate::cli::tree::{locale_folders, LocaleFolder};
use crate::cli::ServerUrl;
use crate::coverage::roadmap::Verdict;
use crate::domain::{LocaleTag, ResourceName};

pub(super) fn verdict_from_pb(raw: i32) -> Verdict {
    match pb::Verdict::try_from(raw) {
        Ok(pb::Verdict::Ready) => Verdict::Ready,
        Ok(pb::Verdict::AtRisk) => Verdict::AtRisk,
        _ => Verdict::Blocked,
    }
}

pub(super) fn finding_from_pb(f: pb::Finding) -> ReportFinding {
    let some = |s: String| (!s.is_empty()).then_some(s);
    ReportFinding {
        rule: f.rule,
        severity: api::severity_from_pb(f.severity),
        market: some(f.market),
        locale: f.locale,
        bundle: some(f.bundle),
        file: some(f.file),
        path: None,
        line: u32::try_from(f.line).unwrap_or(0),
        column: u32::try_from(f.column).unwrap_or(0),
        message_id: some(f.message_id),
        localized_detail: (!f.localized_detail.is_empty() && f.localized_detail != f.detail)
            .then_some(f.localized_detail),
        detail: f.detail,
        roadmap: None,
        launch: None,
        blocking: false,
        baselined: false,
        reasons: f
            .reasons
            .iter()
            .filter_map(api::need_reason_from_pb)
            .collect(),
        need_date: f.need_date.as_ref().and_then(api::date_of_pb),
        due_date: f.due_date.as_ref().and_then(api::date_of_pb),
        waived_by: f.waived_by.iter().map(api::waived_from_pb).collect(),
        source_line: u32::try_from(f.source_line).unwrap_or(0),
        location: None,
    }
}

pub(super) fn date_text(d: Option<&Date>) -> String {
    d.map_or_else(String::new, |d| {
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    })
}

pub(super) async fn server_mode(
    server: &ServerUrl,
    roadmap: &ResourceName,
    push_dir: Option<&Path>,
    settings: &Settings,
) -> anyhow::Result<Report> {
    let Some(product) = roadmap.parent() else {
        bail!(texts::server_needs_roadmap());
    };
    let mut folders = BTreeMap::new();
    // The tree is read (and its notes said) before connecting, so that a bad
    // tree is reported as such whether or not the server is there.
    let upload = match push_dir {
        Some(dir) => {
            require_dir("--push", dir, settings)?;
            let mut notes = Vec::new();
            folders = locale_folders(dir, None, &mut notes)?;
            let upload = Push::prepare(PushArgs::new(
                server.clone(),
                product.to_string(),
                dir.to_path_buf(),
            ))?;
            for note in upload.notes() {
                eprintln!("{note}");
            }
            Some((dir, upload))
        }
        None => None,
    };
    let connection = server.connect().await?;
    if let Some((dir, upload)) = upload {
        // The push's lines go to standard error: standard output is the
        // report's, which may be JSON or another machine format.
        let outcome = upload.run(&connection).await?;
        eprint!("{}", outcome.render(false));
        if outcome.failed() {
            bail!(texts::push_failed(&settings.shown(dir)));
        }
    }
    let mut client = connection.planning();
    let request = pb::CheckRoadmapRequest {
        name: roadmap.to_string(),
        as_of: settings.as_of.map(|d| Date {
            year: d.year(),
            month: d.month(),
            day: d.day(),
        }),
        window_days: settings
            .window_days
            .map(|w| i32::try_from(w).unwrap_or(i32::MAX)),
        market_window_days: settings
            .market_windows
            .iter()
            .map(|(m, d)| (m.clone(), i32::try_from(*d).unwrap_or(i32::MAX)))
            .collect(),
        identical_allowed: settings.identical_allowed.clone(),
        // The reports show every finding.
        view: pb::CheckView::Full as i32,
        legal_factor: Some(settings.legal_factor.get()),
        velocity_days: Some(i32::try_from(settings.velocity_days).unwrap_or(i32::MAX)),
    };
    // Findings' details in the report's language, when it is not en-US.
    let mut request = tonic::Request::new(request);
    let texts = crate::l10n::process_texts();
    if !texts.is_source() {
        if let Ok(value) = texts.language().to_string().parse() {
            request.metadata_mut().insert("accept-language", value);
        }
    }
    let response = client
        .check_roadmap(request)
        .await
        .map_err(|s| status_error(&format!("cannot check {roadmap}"), s))?
        .into_inner();

    // The product's source locale, for the findings about the roadmap.
    let source_locale = connection
        .products()
        .get_product(pb::GetProductRequest {
            name: product.to_string(),
        })
        .await
        .map(|p| p.into_inner().source_locale)
        .unwrap_or_default();

    let mut report = Report::new(Mode::Server, source_locale);
    report.as_of = Some(date_text(response.as_of.as_ref()));
    report.window_days = Some(settings.window_days.unwrap_or(14));
    report.market_window_days = settings.market_windows.clone();
    let launches = response
        .launches
        .into_iter()
        .map(|l| LaunchData {
            locales: l
                .locales
                .iter()
                .map(|c| {
                    let v = c.coverage.unwrap_or_default();
                    let n = |x: i32| u32::try_from(x).unwrap_or(0);
                    let mut row = coverage_row(
                        &l.market,
                        &c.locale,
                        (!c.served_by.is_empty()).then(|| c.served_by.clone()),
                        n(v.required_messages),
                        n(v.effective_messages),
                        n(v.own_messages),
                        n(v.required_words),
                        n(v.effective_words),
                        n(v.own_words),
                        c.optional,
                    );
                    row.reasons = c
                        .reasons
                        .iter()
                        .filter_map(api::need_reason_from_pb)
                        .collect();
                    row.need_date = c.need_date.as_ref().and_then(api::date_of_pb);
                    row.due_date = c.due_date.as_ref().and_then(api::date_of_pb);
                    row
                })
                .collect(),
            findings: l.findings.into_iter().map(finding_from_pb).collect(),
            result: LaunchResult {
                roadmap: response.roadmap.clone(),
                launch: l.launch,
                market: l.market,
                variant: l.variant,
                date: date_text(l.date.as_ref()),
                days_until: i64::from(l.days_until.unwrap_or_default()),
                verdict: verdict_from_pb(l.verdict),
                forecast: l.forecast.as_ref().and_then(api::forecast_from_pb),
            },
        })
        .collect();
    let roadmap_findings = response.findings.into_iter().map(finding_from_pb).collect();
    report.todo.extend(
        response
            .todo
            .iter()
            .filter_map(api::todo_from_pb)
            .map(|item| crate::cli::report::TodoEntry {
                roadmap: response.roadmap.clone(),
                item,
            }),
    );
    report
        .tasks
        .extend(response.tasks.iter().map(api::task_from_pb).map(|task| {
            crate::cli::report::TaskEntry {
                roadmap: response.roadmap.clone(),
                task,
            }
        }));
    if let Some(dir) = push_dir {
        let places = &mut report.places;
        places.root = Some(settings.shown(dir));
        places.folders = folders
            .iter()
            .map(|(tag, f)| (tag.to_string(), settings.shown(&dir.join(&f.folder))))
            .collect();
        places.source_folder = places.folders.get(&report.source_locale).cloned();
    } else {
        // No local tree: `glocal push`'s default layout at the working
        // directory, where `{locale}/…` is each bundle's folder.
        report.places.source_folder = Some(report.source_locale.clone());
    }
    let path = |bundle: &str, file: &str| {
        let dir = push_dir?;
        let folder: &LocaleFolder = folders.get(&LocaleTag::parse(bundle).ok()?)?;
        Some(settings.shown(&dir.join(&folder.folder).join(file)))
    };
    add_roadmap(
        &mut report,
        &response.roadmap,
        verdict_from_pb(response.verdict),
        launches,
        roadmap_findings,
        &path,
    );
    Ok(report)
}
