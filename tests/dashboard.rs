//! The dashboard (`glocal serve --http-listen`, `glocal check --html`)
//! against the real binary: its numbers are CheckRoadmap's, its filter,
//! languages, sign-in, security headers, hand-off downloads and bundle page.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine as _;
use glocal::api::pb::glocal::v1::{self as pb, planning_service_client::PlanningServiceClient};
use glocal::api::pb::google::r#type::Date;
use sha2::{Digest, Sha256};

use common::{copy_tree, glocal, http, root, serve_plan_with, stderr, HttpAnswer, ServeProcess};

/// The example plan and its locales in a folder of their own.
fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/plan.toml"),
        dir.path().join("plan.toml"),
    )
    .unwrap();
    copy_tree(
        &root().join("examples/locales"),
        &dir.path().join("locales"),
    );
    dir
}

/// The example served with the dashboard (and `extra` arguments).
fn serve_example(dir: &Path, extra: &[&str], token: Option<&str>) -> ServeProcess {
    let mut args = vec!["--http-listen", "127.0.0.1:0"];
    args.extend_from_slice(extra);
    serve_plan_with(dir, "kettle", &args, token)
}

fn get(server: &ServeProcess, path: &str) -> HttpAnswer {
    http(server.dashboard.as_deref().unwrap(), "GET", path, &[], None)
}

/// The start tags `<NAME ...>` of `html` whose `class` attribute starts
/// with `class`, as attribute maps (the page's markup is generated, its
/// attributes always double-quoted).
fn elements(html: &str, name: &str, class: &str) -> Vec<BTreeMap<String, String>> {
    let mut found = Vec::new();
    let open = format!("<{name} ");
    for (start, _) in html.match_indices(&open) {
        let end = html[start..].find('>').map(|e| start + e).unwrap();
        let attrs = attributes(&html[start + open.len()..end]);
        let classes = attrs.get("class").cloned().unwrap_or_default();
        if classes.split(' ').next() == Some(class) {
            found.push(attrs);
        }
    }
    found
}

fn attributes(tag: &str) -> BTreeMap<String, String> {
    let mut attrs = BTreeMap::new();
    let mut rest = tag.trim();
    while !rest.is_empty() {
        let (name, after) = match rest.find(['=', ' ']) {
            Some(i) if rest.as_bytes()[i] == b'=' => (&rest[..i], &rest[i + 1..]),
            Some(i) => {
                attrs.insert(rest[..i].to_string(), String::new());
                rest = rest[i..].trim_start();
                continue;
            }
            None => {
                attrs.insert(rest.to_string(), String::new());
                break;
            }
        };
        let after = after.strip_prefix('"').expect("a quoted attribute");
        let close = after.find('"').unwrap();
        attrs.insert(
            name.to_string(),
            after[..close]
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"),
        );
        rest = after[close + 1..].trim_start();
    }
    attrs
}

const AS_OF: Date = Date {
    year: 2027,
    month: 2,
    day: 1,
};

async fn check_roadmap(server: &ServeProcess) -> pb::CheckRoadmapResponse {
    let mut planning = PlanningServiceClient::connect(server.url.clone())
        .await
        .unwrap();
    planning
        .check_roadmap(pb::CheckRoadmapRequest {
            name: "products/kettle/roadmaps/launch-2027".into(),
            as_of: Some(AS_OF),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
}

fn verdict(v: i32) -> &'static str {
    match pb::Verdict::try_from(v).unwrap() {
        pb::Verdict::Ready => "READY",
        pb::Verdict::AtRisk => "AT_RISK",
        pb::Verdict::Blocked => "BLOCKED",
        pb::Verdict::Unspecified => "UNSPECIFIED",
    }
}

fn severity(s: i32) -> &'static str {
    match pb::Severity::try_from(s).unwrap() {
        pb::Severity::Error => "ERROR",
        pb::Severity::Warning => "WARNING",
        pb::Severity::Info => "INFO",
        pb::Severity::Unspecified => "UNSPECIFIED",
    }
}

/// The cells CheckRoadmap answers, keyed by launch and locale, with the
/// attributes the page must carry.
fn expected_cells(
    check: &pb::CheckRoadmapResponse,
) -> BTreeMap<(String, String), BTreeMap<String, String>> {
    let mut cells = BTreeMap::new();
    for l in &check.launches {
        for c in &l.locales {
            let v = c.coverage.as_ref().unwrap();
            let attrs: BTreeMap<String, String> = [
                ("data-market", l.market.clone()),
                ("data-verdict", verdict(l.verdict).to_string()),
                ("data-optional", c.optional.to_string()),
                ("data-required-messages", v.required_messages.to_string()),
                ("data-effective-messages", v.effective_messages.to_string()),
                ("data-own-messages", v.own_messages.to_string()),
                (
                    "data-effective-percent",
                    format!("{:.1}", v.effective_percent),
                ),
                ("data-own-percent", format!("{:.1}", v.own_percent)),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
            cells.insert((l.launch.clone(), c.locale.clone()), attrs);
        }
    }
    cells
}

/// The page's cells (`g.cell` of the chart or `tr.cell-row` of the
/// table), keyed as [`expected_cells`].
fn page_cells(
    html: &str,
    name: &str,
    class: &str,
) -> BTreeMap<(String, String), BTreeMap<String, String>> {
    elements(html, name, class)
        .into_iter()
        .map(|mut a| {
            let key = (
                a.remove("data-launch").unwrap(),
                a.remove("data-locale").unwrap(),
            );
            a.remove("class");
            (key, a)
        })
        .collect()
}

#[tokio::test]
async fn the_heatmap_timeline_and_to_do_show_check_roadmaps_answer() {
    let dir = example();
    let server = serve_example(dir.path(), &[], None);
    let check = check_roadmap(&server).await;
    let page = get(&server, "/products/kettle?as_of=2027-02-01");
    assert_eq!(page.status, 200, "{}", page.body);
    let html = &page.body;

    // Every launch × locale of CheckRoadmap is a cell of the chart and a
    // row of the table, with the same verdict, counts and percentages.
    let expected = expected_cells(&check);
    assert_eq!(expected.len(), 12, "the example's cells");
    assert_eq!(page_cells(html, "g", "cell"), expected);
    assert_eq!(page_cells(html, "tr", "cell-row"), expected);
    assert!(html.contains(&format!(
        "class=\"verdict-badge v-{0}\" id=\"verdict\" data-verdict=\"{0}\"",
        verdict(check.verdict)
    )));

    // One timeline row per launch, with the launch's verdict and date and
    // one bar per phase; today's line on the check's day.
    let rows = elements(html, "g", "timeline-launch");
    assert_eq!(rows.len(), check.launches.len());
    for l in &check.launches {
        let row = rows
            .iter()
            .find(|r| r["data-launch"] == l.launch)
            .unwrap_or_else(|| panic!("no timeline row for {}", l.launch));
        let d = l.date.as_ref().unwrap();
        assert_eq!(row["data-verdict"], verdict(l.verdict));
        assert_eq!(
            row["data-date"],
            format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
        );
    }
    let phases = elements(html, "rect", "phase");
    // ca: BETA and GA; de: BETA and GA; fr: GA; fi: GA (examples/plan.toml).
    assert_eq!(phases.len(), 6);
    assert!(html.contains("<line id=\"today\" data-date=\"2027-02-01\""));
    // One push: no history to forecast from, so no ETA marker.
    assert!(check
        .launches
        .iter()
        .all(|l| l.forecast.as_ref().is_none_or(|f| f.eta.is_none())));
    assert!(elements(html, "g", "eta").is_empty());

    // The to-do, in CheckRoadmap's rank order, with its numbers.
    let tasks = elements(html, "tr", "task");
    let shown: Vec<(String, String, String)> = tasks
        .iter()
        .map(|t| {
            (
                t["data-locale"].clone(),
                t["data-messages"].clone(),
                t["data-words"].clone(),
            )
        })
        .collect();
    let answered: Vec<(String, String, String)> = check
        .tasks
        .iter()
        .map(|t| {
            (
                t.locale.clone(),
                t.message_count.to_string(),
                t.word_count.to_string(),
            )
        })
        .collect();
    assert_eq!(shown, answered);
    assert_eq!(shown.len(), 4);

    // Every finding of the launches and of the roadmap is a row.
    let findings = elements(html, "tr", "finding");
    let total = check
        .launches
        .iter()
        .map(|l| l.findings.len())
        .sum::<usize>()
        + check.findings.len();
    assert_eq!(findings.len(), total);
    assert!(html.contains(&format!(
        "<span id=\"findings-shown\" aria-live=\"polite\">{total}</span>"
    )));

    // glocal check --html on the same plan: the same cells and tasks.
    let written = check_html(dir.path(), &[]);
    assert_eq!(page_cells(&written, "g", "cell"), expected);
    assert_eq!(page_cells(&written, "tr", "cell-row"), expected);
    let written_tasks: Vec<String> = elements(&written, "tr", "task")
        .iter()
        .map(|t| {
            format!(
                "{} {} {} {}",
                t["data-locale"], t["data-messages"], t["data-words"], t["data-score"]
            )
        })
        .collect();
    let live_tasks: Vec<String> = tasks
        .iter()
        .map(|t| {
            format!(
                "{} {} {} {}",
                t["data-locale"], t["data-messages"], t["data-words"], t["data-score"]
            )
        })
        .collect();
    assert_eq!(written_tasks, live_tasks);
    assert_eq!(elements(&written, "tr", "finding").len(), total);
    // A file: its policy in a meta element, no links to a server.
    assert!(written.contains("<meta http-equiv=\"Content-Security-Policy\""));
    assert!(elements(&written, "a", "handoff").is_empty());
    assert!(!written.contains("href=\"/"));
    // Its filter works by script alone: a form without an action (an
    // empty one is not valid HTML).
    assert!(
        written.contains("<form class=\"controls filters\" id=\"findings-filter\" method=\"get\">")
    );
    // The hand-off hint is the command that writes this page's tasks.
    assert!(
        written.contains(
            "glocal handoff --plan plan.toml --roadmap launch-2027 --as-of 2027-02-01 --xliff DIR"
        ),
        "{written}"
    );
    let written = check_html(
        dir.path(),
        &["--window-days", "21", "--market-window", "amazon-de=30"],
    );
    assert!(written.contains(
        "glocal handoff --plan plan.toml --roadmap launch-2027 --as-of 2027-02-01 \
         --window-days 21 --market-window amazon-de=30 --xliff DIR"
    ));
}

/// The page `glocal check --plan plan.toml --as-of 2027-02-01 --html`
/// writes in `dir`, with the `extra` arguments (the example is blocked: exit 1).
fn check_html(dir: &Path, extra: &[&str]) -> String {
    let file = dir.join("page.html");
    let out = glocal()
        .current_dir(dir)
        .args(["check", "--plan", "plan.toml", "--as-of", "2027-02-01"])
        .args(["--format", "none"])
        .args(extra)
        .arg("--html")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    std::fs::read_to_string(&file).unwrap()
}

/// A day far from the launches costs no walk over the days between: the
/// timeline's grid is at most 48 month lines.
#[tokio::test]
async fn a_far_day_draws_a_bounded_timeline() {
    let dir = example();
    let server = serve_example(dir.path(), &[], None);
    for day in ["0001-01-01", "9999-12-31", "2027-02-01"] {
        let page = get(&server, &format!("/products/kettle?as_of={day}"));
        assert_eq!(page.status, 200, "{day}");
        let grid = elements(&page.body, "line", "grid").len();
        assert!((1..=48).contains(&grid), "{day}: {grid} grid lines");
        assert!(page
            .body
            .contains(&format!("<line id=\"today\" data-date=\"{day}\"")));
    }
}

#[tokio::test]
async fn the_findings_filter_answers_the_matching_rows_without_a_script() {
    let dir = example();
    let server = serve_example(dir.path(), &[], None);
    let check = check_roadmap(&server).await;
    let all: Vec<&pb::Finding> = check
        .launches
        .iter()
        .flat_map(|l| l.findings.iter())
        .chain(check.findings.iter())
        .collect();
    for (query, keep) in [
        (
            "locale=fr-CA",
            &(|f: &pb::Finding| f.locale == "fr-CA") as &dyn Fn(&pb::Finding) -> bool,
        ),
        ("locale=fr-CA&severity=WARNING", &|f: &pb::Finding| {
            f.locale == "fr-CA" && severity(f.severity) == "WARNING"
        }),
        ("rule=missing-locale", &|f: &pb::Finding| {
            f.rule == "missing-locale"
        }),
        (
            "market=markets%2Famazon-de&severity=INFO",
            &|f: &pb::Finding| f.market == "markets/amazon-de" && severity(f.severity) == "INFO",
        ),
    ] {
        let page = get(
            &server,
            &format!("/products/kettle?as_of=2027-02-01&{query}"),
        );
        assert_eq!(page.status, 200);
        let rows = elements(&page.body, "tr", "finding");
        let expected = all.iter().filter(|f| keep(f)).count();
        assert!(expected > 0, "{query}: the example has such findings");
        assert_eq!(rows.len(), expected, "{query}");
        assert!(page.body.contains("data-complete=\"false\""));
        assert!(page.body.contains(&format!(
            "<span id=\"findings-shown\" aria-live=\"polite\">{expected}</span> / {}",
            all.len()
        )));
    }
}

#[tokio::test]
async fn a_page_is_in_the_language_asked_for_with_its_dates() {
    let dir = example();
    let server = serve_example(dir.path(), &[], None);
    let english = get(&server, "/products/kettle?as_of=2027-02-01");
    assert!(english
        .body
        .starts_with("<!DOCTYPE html><html lang=\"en-US\">"));
    assert!(english.body.contains("Coverage by launch and locale"));
    assert!(english.body.contains("2027-02-01"));

    let german = get(&server, "/products/kettle?as_of=2027-02-01&lang=de");
    assert!(german.body.starts_with("<!DOCTYPE html><html lang=\"de\">"));
    assert!(!german.body.contains("Coverage by launch and locale"));
    assert!(german.body.contains("01.02.2027"), "a German date");
    // Percents as CLDR writes them: no space in English, a no-break space
    // in German, a narrow one in French.
    assert!(english.body.contains("90.0% !") && !english.body.contains("90.0 %"));
    assert!(german.body.contains("90,0\u{a0}% !"), "a German percent");
    let french = get(&server, "/products/kettle?as_of=2027-02-01&lang=fr");
    assert!(french.body.contains("90,0\u{202f}% !"), "a French percent");
    // The controls and the filter keep the language.
    assert!(german
        .body
        .contains("<input type=\"hidden\" name=\"lang\" value=\"de\">"));

    let by_header = http(
        server.dashboard.as_deref().unwrap(),
        "GET",
        "/products/kettle?as_of=2027-02-01",
        &[("Accept-Language", "ja, en;q=0.5")],
        None,
    );
    assert!(by_header
        .body
        .starts_with("<!DOCTYPE html><html lang=\"ja\">"));
    assert!(by_header.body.contains("2027年02月01日"), "a Japanese date");
}

/// The hashes the policy must allow: each inline `<style>` and `<script>`.
fn inline_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
        for (start, _) in html.match_indices(open) {
            let body = &html[start + open.len()..];
            let text = &body[..body.find(close).unwrap()];
            let digest = Sha256::digest(text.as_bytes());
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
    }
    hashes
}

#[tokio::test]
async fn every_page_has_a_policy_that_allows_exactly_its_inline_style_and_script() {
    let dir = example();
    let server = serve_example(dir.path(), &[], None);
    for path in [
        "/",
        "/products/kettle?as_of=2027-02-01",
        "/products/kettle/bundles/fr",
        "/login",
        "/products/nothing",
        "/no/such/page",
    ] {
        let page = get(&server, path);
        let policy = page.header("content-security-policy").unwrap();
        assert!(!policy.contains("unsafe"), "{path}: {policy}");
        assert!(!policy.contains("http"), "{path}: no other origin");
        assert!(
            policy.starts_with("default-src 'none';"),
            "{path}: {policy}"
        );
        assert!(policy.contains("frame-ancestors 'none'"));
        let hashes = inline_hashes(&page.body);
        assert_eq!(hashes.len(), 2, "{path}: one style, one script");
        for hash in hashes {
            assert!(policy.contains(&hash), "{path}: {hash} not in {policy}");
        }
        assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(page.header("x-frame-options"), Some("DENY"));
        assert_eq!(page.header("cache-control"), Some("no-store"));
        // Nothing loaded from elsewhere.
        assert!(!page.body.contains("src=\"http"), "{path}");
        assert!(!page.body.contains("<link"), "{path}");
    }
}

#[tokio::test]
async fn with_tokens_the_pages_ask_for_one_and_the_cookie_opens_them() {
    let dir = example();
    let (viewer, editor) = (token_entry("pm", "viewer"), token_entry("ci", "editor"));
    let tokens = dir.path().join("tokens.toml");
    std::fs::write(&tokens, format!("{}{}", viewer.1, editor.1)).unwrap();
    let server = serve_example(
        dir.path(),
        &["--auth-tokens", tokens.to_str().unwrap()],
        Some(&editor.0),
    );
    let address = server.dashboard.clone().unwrap();

    // No token: to the sign-in form, which comes back here after.
    let page = get(&server, "/products/kettle?as_of=2027-02-01");
    assert_eq!(page.status, 303);
    assert_eq!(
        page.header("location"),
        Some("/login?next=%2Fproducts%2Fkettle%3Fas_of%3D2027-02-01")
    );
    let form = get(&server, "/login?next=%2Fproducts%2Fkettle");
    assert_eq!(form.status, 200);
    assert!(form
        .body
        .contains("<form id=\"login\" method=\"post\" action=\"/login\">"));
    assert!(form.body.contains("type=\"password\" name=\"token\""));

    // A wrong token: the form again, said so, and no cookie.
    let wrong = http(
        &address,
        "POST",
        "/login",
        &[],
        Some("token=glc_wrong&next=%2F"),
    );
    assert_eq!(wrong.status, 401);
    assert!(wrong.header("set-cookie").is_none());
    assert!(wrong.body.contains("That token is not valid."));

    // The viewer's token: a cookie only the browser's requests to this
    // site carry, and the page it asked for.
    let body = format!("token={}&next=%2Fproducts%2Fkettle", viewer.0);
    let signed = http(&address, "POST", "/login", &[], Some(&body));
    assert_eq!(signed.status, 303);
    assert_eq!(signed.header("location"), Some("/products/kettle"));
    let cookie = signed.header("set-cookie").unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Path=/")
    );
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    let behind_tls = http(
        &address,
        "POST",
        "/login",
        &[("X-Forwarded-Proto", "https")],
        Some(&body),
    );
    assert!(behind_tls
        .header("set-cookie")
        .unwrap()
        .ends_with("; Secure"));
    let pair = cookie.split(';').next().unwrap().to_string();
    let page = http(
        &address,
        "GET",
        "/products/kettle?as_of=2027-02-01",
        &[("Cookie", &pair)],
        None,
    );
    assert_eq!(page.status, 200);
    assert_eq!(elements(&page.body, "g", "cell").len(), 12);
    assert!(page.body.contains("action=\"/logout\""));
    // A bearer token opens it too; a next of another site goes home.
    let bearer = format!("Bearer {}", viewer.0);
    let page = http(&address, "GET", "/", &[("Authorization", &bearer)], None);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("href=\"/products/kettle\""));
    // Browsers drop tabs and newlines from a Location, and read a
    // backslash as a slash: each of these would lead to evil.example.
    for next in [
        "%2F%2Fevil.example%2F",
        "%2F%09%2Fevil.example",
        "%2F%0A%2Fevil.example",
        "%2F%5Cevil.example",
        "%2F%20%2Fevil.example",
        "https%3A%2F%2Fevil.example",
    ] {
        let body = format!("token={}&next={next}", viewer.0);
        let signed = http(&address, "POST", "/login", &[], Some(&body));
        assert_eq!(signed.header("location"), Some("/"), "{next}");
        let form = get(&server, &format!("/login?next={next}"));
        assert!(
            form.body.contains("name=\"next\" value=\"/\""),
            "{next}: {}",
            form.body
        );
    }
    // Signing out clears the cookie.
    let out = http(&address, "POST", "/logout", &[("Cookie", &pair)], None);
    assert_eq!(out.status, 303);
    assert!(out.header("set-cookie").unwrap().contains("Max-Age=0"));
}

/// A token and its tokens-file entry (`glocal token new`).
fn token_entry(principal: &str, role: &str) -> (String, String) {
    let out = glocal()
        .args(["token", "new", "--principal", principal, "--role", role])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let (token, entry) = text.split_once('\n').unwrap();
    (token.to_string(), entry.to_string())
}

#[tokio::test]
async fn the_hand_off_links_download_what_export_handoff_writes() {
    let dir = example();
    let server = serve_example(dir.path(), &[], None);
    let page = get(&server, "/products/kettle?as_of=2027-02-01");
    let links = elements(&page.body, "a", "handoff");
    let mut planning = PlanningServiceClient::connect(server.url.clone())
        .await
        .unwrap();
    let export = |format: pb::HandoffFormat| pb::ExportHandoffRequest {
        parent: "products/kettle/roadmaps/launch-2027".into(),
        as_of: Some(AS_OF),
        format: format as i32,
        locales: vec!["fr".into()],
        ..Default::default()
    };
    let href = |format: &str, file: Option<&str>| {
        links
            .iter()
            .find(|a| {
                a["data-format"] == format
                    && a["href"].contains("locale=fr&")
                    && file.is_none_or(|f| {
                        a["href"].contains(&format!("file={}", f.replace('/', "%2F")))
                    })
            })
            .map(|a| a["href"].clone())
            .unwrap_or_else(|| panic!("no {format} link for fr"))
    };
    for (format, kind, file) in [
        ("xliff", pb::HandoffFormat::Xliff, None),
        ("csv", pb::HandoffFormat::Csv, None),
        ("ftl", pb::HandoffFormat::Ftl, Some("pairing/setup.ftl")),
    ] {
        let answer = planning
            .export_handoff(export(kind))
            .await
            .unwrap()
            .into_inner();
        let wanted = match file {
            Some(file) => answer
                .files
                .iter()
                .find(|f| f.path == format!("fr/{file}"))
                .unwrap(),
            None => &answer.files[0],
        };
        let download = get(&server, &href(format, file));
        assert_eq!(download.status, 200, "{format}: {}", download.body);
        assert_eq!(download.body, wanted.content, "{format}");
        assert!(download
            .header("content-disposition")
            .unwrap()
            .starts_with("attachment; filename=\"fr"));
    }
    let bad = get(&server, "/products/kettle/handoff?locale=fr&format=pdf");
    assert_eq!(bad.status, 400);
    assert!(bad
        .body
        .contains("format: &quot;pdf&quot; is not a hand-off format"));
}

#[tokio::test]
async fn the_bundle_page_shows_its_files_problems_and_coverage_of_the_source() {
    let dir = example();
    let server = serve_example(dir.path(), &[], None);
    let page = get(&server, "/products/kettle/bundles/fr");
    assert_eq!(page.status, 200, "{}", page.body);
    // The same counts as lint mode's check of fr against en.
    let out = glocal()
        .current_dir(dir.path())
        .args([
            "check",
            "--source",
            "locales/en-US",
            "--l10n",
            "locales",
            "--source-locale",
            "en-US",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stats = report["stats"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["locale"] == "fr")
        .unwrap();
    let tag_start = page.body.find("<p id=\"bundle-coverage\"").unwrap();
    let tag = &page.body[tag_start + 3..tag_start + page.body[tag_start..].find('>').unwrap()];
    let attrs = attributes(tag);
    assert_eq!(
        attrs["data-translated"],
        stats["messages"]["translated"].to_string()
    );
    assert_eq!(attrs["data-total"], stats["messages"]["total"].to_string());
    // Its files, and the duplicate id of kettle.ftl with its line.
    let files: Vec<String> = elements(&page.body, "tr", "bundle-file")
        .iter()
        .map(|f| f["data-path"].clone())
        .collect();
    assert_eq!(files, ["kettle.ftl", "pairing/setup.ftl"]);
    let problems = elements(&page.body, "tr", "diagnostic");
    assert!(
        problems.iter().any(|d| d["data-file"] == "kettle.ftl"
            && d["data-line"] == "18"
            && d["data-rule"] == "duplicate-id"),
        "{problems:?}"
    );
    // The source bundle says so instead.
    let source = get(&server, "/products/kettle/bundles/en-US");
    assert!(source.body.contains("This is the source bundle"));
    assert_eq!(get(&server, "/products/kettle/bundles/xx-YY").status, 404);
}

#[tokio::test]
async fn bad_urls_get_pages_that_say_what_is_wrong() {
    let dir = example();
    let server = serve_example(dir.path(), &[], None);
    let unknown = get(&server, "/products/nothing");
    assert_eq!(unknown.status, 404);
    assert!(unknown.body.contains("Not found: products/nothing"));
    let roadmap = get(&server, "/products/kettle?roadmap=later");
    assert_eq!(roadmap.status, 404);
    assert!(roadmap.body.contains("products/kettle/roadmaps/later"));
    let day = get(&server, "/products/kettle?as_of=2027-13-01");
    assert_eq!(day.status, 400);
    assert!(day.body.contains("as_of: "), "{}", day.body);
    for (given, shown) in [
        ("-3", "-3"),
        ("99999", "99999"),
        ("two%20weeks", "two weeks"),
    ] {
        let window = get(&server, &format!("/products/kettle?window={given}"));
        assert_eq!(window.status, 400, "{given}");
        assert!(
            window.body.contains(&format!(
                "window: &quot;{shown}&quot; is not a window: give a whole number of days from 0 to 3650"
            )),
            "{}",
            window.body
        );
    }
    let format = get(&server, "/products/kettle/handoff?locale=fr&format=pdf");
    assert_eq!(format.status, 400);
    assert!(format
        .body
        .contains("format: &quot;pdf&quot; is not a hand-off format; use xliff, csv or ftl"));
    let missing = get(&server, "/products/kettle/handoff?format=csv&lang=de");
    assert_eq!(missing.status, 400);
    assert!(
        missing
            .body
            .contains("locale: ist erforderlich: die Locale der Aufgabe"),
        "{}",
        missing.body
    );
    let nowhere = get(&server, "/nowhere?lang=fr");
    assert_eq!(nowhere.status, 404);
    assert!(
        nowhere.body.contains("Introuvable : /nowhere"),
        "{}",
        nowhere.body
    );
}

/// Requests another site's page makes the reader's browser send: a form
/// posted to sign in or out, and (without tokens) a page asked for under a
/// name that was rebound to 127.0.0.1.
#[tokio::test(flavor = "multi_thread")]
async fn requests_from_another_site_are_refused() {
    let dir = example();
    let server = serve_example(dir.path(), &[], None);
    let address = server.dashboard.clone().unwrap();
    // DNS rebinding: evil.example resolves to 127.0.0.1, the page is read
    // under its name. Loopback names are answered.
    let rebound = http(&address, "GET", "/", &[("Host", "evil.example:8080")], None);
    assert_eq!(rebound.status, 403);
    assert!(
        rebound.body.contains("answers only to a loopback name")
            && rebound.body.contains("evil.example:8080"),
        "{}",
        rebound.body
    );
    let port = address.rsplit(':').next().unwrap();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        let page = http(&address, "GET", "/", &[("Host", &host)], None);
        assert_eq!(page.status, 200, "{host}");
    }
    // A form posted from another site: by Sec-Fetch-Site, or by Origin.
    for header in [
        ("Sec-Fetch-Site", "cross-site"),
        ("Sec-Fetch-Site", "same-site"),
        ("Origin", "http://evil.example"),
        ("Origin", "null"),
    ] {
        for path in ["/login", "/logout"] {
            let answer = http(&address, "POST", path, &[header], Some("token=x&next=%2F"));
            assert_eq!(answer.status, 403, "{header:?} {path}");
            assert!(answer.header("set-cookie").is_none());
            assert!(
                answer.body.contains("sent from another site"),
                "{}",
                answer.body
            );
        }
    }
    // From the dashboard's own page it goes through.
    let origin = format!("http://{address}");
    for header in [
        ("Sec-Fetch-Site", "same-origin"),
        ("Origin", origin.as_str()),
    ] {
        let out = http(&address, "POST", "/logout", &[header], None);
        assert_eq!(out.status, 303, "{header:?}");
    }
}

#[test]
fn html_is_refused_outside_plan_mode_and_the_dashboard_off_loopback_without_tokens() {
    let dir = example();
    let out = glocal()
        .current_dir(dir.path())
        .args([
            "check",
            "--source",
            "locales/en-US",
            "--l10n",
            "locales",
            "--source-locale",
            "en-US",
            "--html",
            "x.html",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--html writes the dashboard's page of a plan"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("x.html").exists());

    let out = glocal()
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--http-listen",
            "0.0.0.0:0",
            "--data-dir",
        ])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("refusing to listen on 0.0.0.0:0 without --auth-tokens"),
        "{}",
        stderr(&out)
    );
}
