//! The dashboard over HTTP/1.1: `glocal serve --http-listen ADDR` serves
//! the pages of [`crate::dashboard`] on a port of its own, beside gRPC,
//! from the same store and the same check cache.
//!
//! - **Pages**: `/` (products), `/products/{id}` (a roadmap's check, with
//!   `roadmap`, `as_of`, `window` and the findings filter `market`,
//!   `locale`, `rule`, `severity` in the query), `/products/{id}/bundles/{locale}`,
//!   and `/products/{id}/handoff` (a task's hand-off file, as
//!   ExportHandoff writes it). Read-only: the pages offer no write.
//! - **Language**: `?lang=` or `Accept-Language`, as the gRPC API chooses.
//! - **Access**: with `--auth-tokens`, a page needs a token, given once in
//!   the sign-in form and kept in an `HttpOnly`, `SameSite=Strict` cookie
//!   (or sent as `Authorization: Bearer`); a page is shown only when the
//!   token's role may call the gRPC method whose data it shows
//!   ([`auth::required_role`], the API's own table).
//! - **Headers**: every answer carries a Content-Security-Policy allowing
//!   only the page's inline style and script by hash, and forbids framing,
//!   sniffing, referrers and caching.
//! - **Requests from elsewhere**: a form posted from another site (sign-in
//!   or sign-out; `Sec-Fetch-Site` or `Origin` says so) is refused, so no
//!   page elsewhere can sign a reader in with its own token or out; and a
//!   dashboard without tokens on a loopback address answers only requests
//!   whose `Host` is a loopback name, so a site that rebinds its name to
//!   127.0.0.1 cannot read it from the reader's browser.

use std::future::Future;
use std::sync::Arc;

use axum::extract::{Form, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use crate::api::auth::{required_role, Principal, TokenTable};
use crate::api::{ApiError, Cancellation, CheckSettings, DashboardReads};
use crate::dashboard::{
    self, assets, ErrorKind, FindingFilter, Frame, Links, ProductPage, ProductSummary,
};
use crate::domain::CalendarDate;
use crate::handoff::Format;
use crate::l10n::Texts;

/// The cookie that holds the token after sign-in.
const COOKIE: &str = "glocal_token";

/// What the handlers share.
#[derive(Clone)]
struct Dashboard {
    reads: DashboardReads,
    tokens: Option<Arc<TokenTable>>,
    /// Answer only a loopback `Host` (no tokens, on a loopback address).
    loopback_hosts_only: bool,
}

/// The longest `window` (days) a page accepts, as its form says.
pub const MAX_WINDOW_DAYS: i32 = 3650;

/// Serves the dashboard on `listener` until `shutdown` completes.
pub async fn serve_dashboard(
    listener: tokio::net::TcpListener,
    reads: DashboardReads,
    tokens: Option<Arc<TokenTable>>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let loopback = listener.local_addr()?.ip().is_loopback();
    axum::serve(listener, router(reads, tokens, loopback))
        .with_graceful_shutdown(shutdown)
        .await
}

/// The dashboard's routes (for tests that serve it themselves);
/// `loopback` says the dashboard listens on a loopback address.
pub fn router(reads: DashboardReads, tokens: Option<Arc<TokenTable>>, loopback: bool) -> Router {
    let loopback_hosts_only = loopback && tokens.is_none();
    let state = Dashboard {
        reads,
        tokens,
        loopback_hosts_only,
    };
    Router::new()
        .route("/", get(products))
        .route("/products/{id}", get(product))
        .route("/products/{id}/bundles/{locale}", get(bundle))
        .route("/products/{id}/handoff", get(handoff))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            refuse_from_elsewhere,
        ))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// Refuses what another site's page makes the reader's browser send: a
/// form posted cross-site, and (without tokens, on loopback) a request
/// whose `Host` is not a loopback name (DNS rebinding).
async fn refuse_from_elsewhere(
    State(app): State<Dashboard>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let refusal = if app.loopback_hosts_only && !is_loopback_host(host) {
        Some(ErrorKind::WrongHost(host.to_string()))
    } else if request.method() == axum::http::Method::POST && is_cross_site(headers, host) {
        Some(ErrorKind::CrossSite)
    } else {
        None
    };
    let Some(kind) = refusal else {
        return next.run(request).await;
    };
    let texts = language(query_lang(request.uri()).as_deref(), headers);
    let frame = frame(texts, false, "/", &[]);
    html(StatusCode::FORBIDDEN, dashboard::error_page(&frame, &kind))
}

/// `localhost`, `127.0.0.1` (any of 127/8) or `[::1]`, with or without a port.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The request came from another site's page: `Sec-Fetch-Site` says so,
/// or (for browsers without it) `Origin` names another host than `Host`.
fn is_cross_site(headers: &HeaderMap, host: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return !matches!(site.to_str(), Ok("same-origin" | "none"));
    }
    match headers.get(header::ORIGIN).map(|v| v.to_str()) {
        None => false,
        Some(Ok(origin)) => origin
            .split_once("://")
            .is_none_or(|(_, authority)| !authority.eq_ignore_ascii_case(host)),
        Some(Err(_)) => true,
    }
}

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name: header::HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    if let Ok(policy) = HeaderValue::from_str(assets::content_security_policy()) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    set(headers, header::CACHE_CONTROL, "no-store");
    set(
        headers,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    response
}

/// The query every page reads: the language asked for.
#[derive(Debug, Default, Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// `?lang=` of a URI whose query no handler reads.
fn query_lang(uri: &axum::http::Uri) -> Option<String> {
    form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.into_owned())
}

/// The reader's language: `?lang=` when glocal has it, else
/// `Accept-Language`, else the source language.
fn language(lang: Option<&str>, headers: &HeaderMap) -> Texts {
    let asked = lang
        .map(crate::l10n::parse_accept_language)
        .and_then(|wanted| Texts::best_match(&wanted));
    asked
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Texts::from_accept_language)
        })
        .unwrap_or_default()
}

/// The token the request carries: the sign-in cookie, or a bearer token.
fn token(headers: &HeaderMap) -> Option<String> {
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(bearer.trim().to_string());
    }
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| {
            form_urlencoded::parse(format!("t={value}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        })
}

/// Who is reading, for a page that shows the data of gRPC `method`.
enum Access {
    /// Anyone may (the server has no tokens), or the token's role may.
    Granted { signed_in: bool },
    /// No valid token: to the sign-in form.
    SignIn,
    /// The token's role may not.
    Denied(Principal),
}

impl Dashboard {
    fn access(&self, headers: &HeaderMap, method: &str) -> Access {
        let Some(tokens) = &self.tokens else {
            return Access::Granted { signed_in: false };
        };
        let Some(principal) = token(headers).and_then(|t| tokens.lookup(&t).cloned()) else {
            return Access::SignIn;
        };
        match required_role(method) {
            Some(role) if principal.role < role => Access::Denied(principal),
            _ => Access::Granted { signed_in: true },
        }
    }
}

/// The frame of a served page in `texts`, with links to the same page
/// (`path`, its query `pairs` without `lang`) in every language.
fn frame(texts: Texts, signed_in: bool, path: &str, pairs: &[(&str, &str)]) -> Frame {
    let languages = Texts::available()
        .iter()
        .map(|id| {
            let tag = id.to_string();
            let mut all: Vec<(&str, &str)> = pairs.to_vec();
            all.push(("lang", tag.as_str()));
            let mut query = form_urlencoded::Serializer::new(String::new());
            for (k, v) in all {
                query.append_pair(k, v);
            }
            let href = format!("{path}?{}", query.finish());
            (tag, href)
        })
        .collect();
    Frame {
        texts,
        live: true,
        signed_in,
        languages,
        note: None,
    }
}

fn html(status: StatusCode, page: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

fn redirect(to: &str) -> Response {
    let location = HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/"));
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

/// The path and query of the request, for `next` after sign-in.
fn here(path: &str, pairs: &[(&str, &str)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        query.append_pair(k, v);
    }
    format!("{path}?{}", query.finish())
}

/// The answer for a page the reader may not see.
fn refused(access: Access, frame: &Frame, next: &str) -> Option<Response> {
    match access {
        Access::Granted { .. } => None,
        Access::SignIn => Some(redirect(&format!(
            "/login?{}",
            form_urlencoded::Serializer::new(String::new())
                .append_pair("next", next)
                .finish()
        ))),
        Access::Denied(principal) => Some(html(
            StatusCode::FORBIDDEN,
            dashboard::error_page(
                frame,
                &ErrorKind::Forbidden(principal.role.as_str().to_string()),
            ),
        )),
    }
}

/// The page of an error of the API layer.
fn error_response(frame: &Frame, error: ApiError) -> Response {
    let (status, kind) = match error {
        ApiError::NotFound { name, .. } => (StatusCode::NOT_FOUND, ErrorKind::NotFound(name)),
        ApiError::InvalidArgument { violations, .. } => (
            StatusCode::BAD_REQUEST,
            ErrorKind::BadRequest(
                violations
                    .list()
                    .iter()
                    .map(|v| {
                        let why = v
                            .text
                            .as_ref()
                            .map_or_else(|| v.description.clone(), |t| t.render(frame.texts));
                        format!("{}: {why}", v.field)
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        ),
        other => {
            tracing::error!(error = %other, "a dashboard page failed");
            (StatusCode::INTERNAL_SERVER_ERROR, ErrorKind::Internal)
        }
    };
    html(status, dashboard::error_page(frame, &kind))
}

/// Runs blocking `work` off the async workers.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::Internal(format!("blocking work failed: {e}")))?
}

async fn products(
    State(app): State<Dashboard>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let texts = language(q.lang.as_deref(), &headers);
    let access = app.access(&headers, "/glocal.v1.ProductService/ListProducts");
    let signed_in = matches!(access, Access::Granted { signed_in: true });
    let frame = frame(texts, signed_in, "/", &[]);
    if let Some(r) = refused(access, &frame, "/") {
        return r;
    }
    let reads = app.reads.clone();
    match blocking(move || reads.products()).await {
        Ok(list) => {
            let summaries: Vec<ProductSummary> = list
                .into_iter()
                .map(|(name, p)| ProductSummary {
                    name,
                    display_name: p.display_name,
                    source_locale: p.source_locale.to_string(),
                })
                .collect();
            html(
                StatusCode::OK,
                dashboard::products_page(&frame, &summaries, q.lang.as_deref()),
            )
        }
        Err(e) => error_response(&frame, e),
    }
}

/// The product page's query.
#[derive(Debug, Default, Deserialize)]
struct ProductQuery {
    lang: Option<String>,
    roadmap: Option<String>,
    as_of: Option<String>,
    window: Option<String>,
    market: Option<String>,
    locale: Option<String>,
    rule: Option<String>,
    severity: Option<String>,
}

/// An empty value is no value (a filter's "all").
fn given(value: &Option<String>) -> Option<String> {
    value.as_ref().filter(|v| !v.is_empty()).cloned()
}

/// The check's day and window from the query; the violations otherwise.
fn check_days(
    as_of: &Option<String>,
    window: &Option<String>,
) -> Result<(CalendarDate, i32), ApiError> {
    let mut v = crate::domain::Violations::new();
    let day = match given(as_of) {
        None => CalendarDate::today_utc(),
        Some(text) => CalendarDate::parse(&text).unwrap_or_else(|e| {
            v.add("as_of", e);
            CalendarDate::today_utc()
        }),
    };
    let days = match given(window) {
        None => 14,
        Some(text) => match text.parse::<i32>() {
            Ok(days) if (0..=MAX_WINDOW_DAYS).contains(&days) => days,
            _ => {
                v.add(
                    "window",
                    crate::l10n::Text::new("request-window-days")
                        .text("value", text)
                        .number("max", MAX_WINDOW_DAYS),
                );
                14
            }
        },
    };
    v.into_result((day, days)).map_err(ApiError::invalid)
}

async fn product(
    State(app): State<Dashboard>,
    Path(id): Path<String>,
    Query(q): Query<ProductQuery>,
    headers: HeaderMap,
) -> Response {
    let texts = language(q.lang.as_deref(), &headers);
    let path = format!("/products/{id}");
    let kept: Vec<(&str, String)> = [
        ("roadmap", &q.roadmap),
        ("as_of", &q.as_of),
        ("window", &q.window),
        ("market", &q.market),
        ("locale", &q.locale),
        ("rule", &q.rule),
        ("severity", &q.severity),
    ]
    .into_iter()
    .filter_map(|(k, v)| given(v).map(|v| (k, v)))
    .collect();
    let pairs: Vec<(&str, &str)> = kept.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let access = app.access(&headers, "/glocal.v1.PlanningService/CheckRoadmap");
    let signed_in = matches!(access, Access::Granted { signed_in: true });
    let frame = frame(texts, signed_in, &path, &pairs);
    let mut next_pairs = pairs.clone();
    if let Some(lang) = &q.lang {
        next_pairs.push(("lang", lang));
    }
    if let Some(r) = refused(access, &frame, &here(&path, &next_pairs)) {
        return r;
    }
    let (as_of, window) = match check_days(&q.as_of, &q.window) {
        Ok(days) => days,
        Err(e) => return error_response(&frame, e),
    };
    let reads = app.reads.clone();
    let product_name = format!("products/{id}");
    let wanted = given(&q.roadmap);
    let filter = FindingFilter {
        market: given(&q.market),
        locale: given(&q.locale),
        rule: given(&q.rule),
        severity: given(&q.severity),
    };
    let links = Links::Live {
        lang: q.lang.clone(),
    };
    let page_frame = frame.clone();
    let cancel = Cancellation::default();
    let _stop = cancel.cancel_on_drop();
    // The check and the page (thousands of findings are a large page),
    // both off the async workers.
    let rendered = blocking(move || {
        let plan = reads.product(&product_name)?;
        let roadmap = match wanted {
            Some(id) => Some(crate::api::roadmap_name(&plan.name, &id, "roadmap")?),
            None => plan.roadmaps.first().cloned(),
        };
        let report = match &roadmap {
            Some(roadmap) => Some(reads.check(
                &CheckSettings {
                    roadmap: roadmap.clone(),
                    as_of,
                    window_days: window,
                },
                &cancel,
            )?),
            None => None,
        };
        let check = match (&roadmap, &report) {
            (Some(name), Some(report)) => Some((name.as_str(), report.as_ref())),
            _ => None,
        };
        let page = ProductPage {
            product: &plan.name,
            display_name: &plan.product.display_name,
            roadmaps: &plan.roadmaps,
            check,
            as_of,
            window_days: i64::from(window),
            launches: &plan.launches,
            filter: &filter,
            links: &links,
        };
        Ok(dashboard::product_page(&page_frame, &page))
    })
    .await;
    match rendered {
        Ok(page) => html(StatusCode::OK, page),
        Err(e) => error_response(&frame, e),
    }
}

async fn bundle(
    State(app): State<Dashboard>,
    Path((id, locale)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let texts = language(q.lang.as_deref(), &headers);
    let path = format!("/products/{id}/bundles/{locale}");
    let access = app.access(&headers, "/glocal.v1.ProductService/GetBundle");
    let signed_in = matches!(access, Access::Granted { signed_in: true });
    let frame = frame(texts, signed_in, &path, &[]);
    let next = match &q.lang {
        Some(lang) => here(&path, &[("lang", lang)]),
        None => path.clone(),
    };
    if let Some(r) = refused(access, &frame, &next) {
        return r;
    }
    let reads = app.reads.clone();
    let name = format!("products/{id}");
    let wanted = locale.clone();
    let loaded = blocking(move || {
        let plan = reads.product(&name)?;
        let bundle = reads.bundle(&name, &wanted)?;
        Ok((plan, bundle))
    })
    .await;
    match loaded {
        Ok((plan, report)) => {
            let locale = report.bundle.locale.to_string();
            let page = dashboard::BundlePage {
                product: &plan.name,
                display_name: &plan.product.display_name,
                locale: &locale,
                bundle: &report.bundle,
                against_source: report.against_source.as_ref(),
                locales: &report.locales,
                lang: q.lang.as_deref(),
            };
            html(StatusCode::OK, dashboard::bundle_page(&frame, &page))
        }
        Err(e) => error_response(&frame, e),
    }
}

/// The hand-off download's query.
#[derive(Debug, Default, Deserialize)]
struct HandoffQuery {
    lang: Option<String>,
    roadmap: Option<String>,
    as_of: Option<String>,
    window: Option<String>,
    locale: Option<String>,
    format: Option<String>,
    file: Option<String>,
}

async fn handoff(
    State(app): State<Dashboard>,
    Path(id): Path<String>,
    Query(q): Query<HandoffQuery>,
    headers: HeaderMap,
) -> Response {
    let texts = language(q.lang.as_deref(), &headers);
    let path = format!("/products/{id}/handoff");
    let access = app.access(&headers, "/glocal.v1.PlanningService/ExportHandoff");
    let signed_in = matches!(access, Access::Granted { signed_in: true });
    let frame = frame(texts, signed_in, &path, &[]);
    if let Some(r) = refused(access, &frame, &format!("/products/{id}")) {
        return r;
    }
    let format = match q.format.as_deref().unwrap_or("xliff") {
        "xliff" => Format::Xliff,
        "csv" => Format::Csv,
        "ftl" => Format::Ftl,
        other => {
            return error_response(
                &frame,
                ApiError::invalid(crate::domain::Violations::single(
                    "format",
                    crate::l10n::Text::new("request-handoff-format-unknown").text("value", other),
                )),
            )
        }
    };
    let (as_of, window) = match check_days(&q.as_of, &q.window) {
        Ok(days) => days,
        Err(e) => return error_response(&frame, e),
    };
    let Some(locale) = given(&q.locale) else {
        return error_response(
            &frame,
            ApiError::invalid(crate::domain::Violations::single(
                "locale",
                crate::l10n::Text::new("request-handoff-locale-missing"),
            )),
        );
    };
    let reads = app.reads.clone();
    let product_name = format!("products/{id}");
    let (wanted, file) = (given(&q.roadmap), given(&q.file));
    let cancel = Cancellation::default();
    let _stop = cancel.cancel_on_drop();
    let files = blocking(move || {
        let plan = reads.product(&product_name)?;
        let roadmap = match wanted {
            Some(id) => crate::api::roadmap_name(&plan.name, &id, "roadmap")?,
            None => plan
                .roadmaps
                .first()
                .cloned()
                .ok_or_else(|| ApiError::NotFound {
                    resource_type: "glocal.v1.Roadmap",
                    name: format!("{}/roadmaps/-", plan.name),
                })?,
        };
        let settings = CheckSettings {
            roadmap,
            as_of,
            window_days: window,
        };
        reads.handoff(&settings, &locale, format, &cancel)
    })
    .await;
    let files = match files {
        Ok(files) => files,
        Err(e) => return error_response(&frame, e),
    };
    // XLIFF and CSV are one file per task; the .ftl skeletons one per
    // source file, chosen by `file`.
    let chosen = match (&format, &file) {
        (Format::Ftl, Some(file)) => files
            .into_iter()
            .find(|f| f.path.split_once('/').map(|(_, rest)| rest) == Some(file.as_str())),
        _ => files.into_iter().next(),
    };
    let Some(chosen) = chosen else {
        return error_response(
            &frame,
            ApiError::NotFound {
                resource_type: "glocal.v1.HandoffFile",
                name: file.unwrap_or_default(),
            },
        );
    };
    let content_type = match format {
        Format::Xliff => "application/xliff+xml; charset=utf-8",
        Format::Csv => "text/csv; charset=utf-8",
        Format::Ftl => "text/plain; charset=utf-8",
    };
    let download = chosen.path.replace('/', "_");
    let disposition = format!(
        "attachment; filename=\"{}\"",
        download.replace(['"', '\\', '\r', '\n'], "_")
    );
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        chosen.content,
    )
        .into_response()
}

/// The sign-in form's query.
#[derive(Debug, Default, Deserialize)]
struct LoginQuery {
    lang: Option<String>,
    next: Option<String>,
}

/// `next` when it is a path of this dashboard (never another site): it
/// starts with one `/`, and holds no backslash, space or control
/// character (browsers drop tabs and newlines from a `Location`, so
/// `/\t/evil.example` would become `//evil.example`, another site).
fn local_path(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n
                    .chars()
                    .any(|c| c == '\\' || c.is_whitespace() || c.is_control()) =>
        {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

async fn login_form(Query(q): Query<LoginQuery>, headers: HeaderMap) -> Response {
    let texts = language(q.lang.as_deref(), &headers);
    let frame = frame(texts, false, "/login", &[]);
    html(
        StatusCode::OK,
        dashboard::login_page(&frame, &local_path(q.next.as_deref()), false),
    )
}

/// The sign-in form's fields.
#[derive(Debug, Default, Deserialize)]
struct LoginForm {
    token: String,
    next: Option<String>,
}

async fn login(
    State(app): State<Dashboard>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let next = local_path(form.next.as_deref());
    let token = form.token.trim();
    let valid = app
        .tokens
        .as_ref()
        .is_none_or(|tokens| tokens.lookup(token).is_some());
    if !valid {
        let texts = language(q.lang.as_deref(), &headers);
        let frame = frame(texts, false, "/login", &[]);
        return html(
            StatusCode::UNAUTHORIZED,
            dashboard::login_page(&frame, &next, true),
        );
    }
    let value: String = form_urlencoded::byte_serialize(token.as_bytes()).collect();
    // Behind a TLS proxy (which says so), the cookie is only ever sent
    // over TLS; trusting the header costs nothing, it only narrows.
    let secure = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|p| p.eq_ignore_ascii_case("https"));
    let cookie = format!(
        "{COOKIE}={value}; HttpOnly; SameSite=Strict; Path=/{}",
        if secure { "; Secure" } else { "" }
    );
    let mut response = redirect(&next);
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

async fn logout() -> Response {
    let mut response = redirect("/login");
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("glocal_token=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"),
    );
    response
}

async fn not_found(
    State(app): State<Dashboard>,
    uri: axum::http::Uri,
    headers: HeaderMap,
) -> Response {
    let texts = language(query_lang(&uri).as_deref(), &headers);
    let signed_in = matches!(
        app.access(&headers, "/glocal.v1.ProductService/ListProducts"),
        Access::Granted { signed_in: true }
    );
    let frame = frame(texts, signed_in, "/", &[]);
    html(
        StatusCode::NOT_FOUND,
        dashboard::error_page(&frame, &ErrorKind::NotFound(uri.path().to_string())),
    )
}
