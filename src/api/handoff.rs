//! ExportHandoff and ImportHandoff: the hand-off of the ranked translation
//! tasks to translators and back, with the formats of [`crate::handoff`].

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::bundle::{bundle_file_name, BundleFileDoc};
use crate::domain::{self, limits, LocaleTag, ResourceKind, Violations};
use crate::handoff::{self, Format};
use crate::l10n::Text;

use super::bundles::{self, BundleLimits};
use super::convert::{decode_body, enum_value};
use super::coverage::{self, Cancellation, CheckCache, CheckRequest};
use super::crud::{self, parse_name, SharedStore};
use super::pb::glocal::v1 as pb;
use super::ApiError;
use crate::store::StoreError;

/// Most locales one ExportHandoff request may name.
const MAX_HANDOFF_LOCALES: usize = 1000;

fn store_error(e: StoreError) -> ApiError {
    ApiError::from_store("glocal.v1.BundleFile", e)
}

/// A validated ExportHandoff request.
pub struct ExportRequest {
    check: CheckRequest,
    format: Format,
    locales: BTreeSet<String>,
}

impl ExportRequest {
    /// Validates `req`: INVALID_ARGUMENT with every violation.
    pub fn new(req: pb::ExportHandoffRequest) -> Result<ExportRequest, ApiError> {
        let (format_raw, wanted) = (req.format, req.locales);
        let check = CheckRequest::for_tasks(pb::ListTranslationTasksRequest {
            parent: req.parent,
            as_of: req.as_of,
            window_days: req.window_days,
            market_window_days: req.market_window_days,
            identical_allowed: req.identical_allowed,
            legal_factor: req.legal_factor,
        })?;
        let mut v = Violations::new();
        let format = enum_value(format_raw, "format", &mut v, |raw| {
            Some(match pb::HandoffFormat::try_from(raw).ok()? {
                pb::HandoffFormat::Unspecified | pb::HandoffFormat::Xliff => Some(Format::Xliff),
                pb::HandoffFormat::Csv => Some(Format::Csv),
                pb::HandoffFormat::Ftl => Some(Format::Ftl),
            })
        })
        .unwrap_or_default();
        let n = limits::check_entries(wanted.len(), MAX_HANDOFF_LOCALES, "locales", &mut v);
        let mut locales = BTreeSet::new();
        for (i, l) in wanted.iter().take(n).enumerate() {
            match LocaleTag::parse(l) {
                Ok(tag) => {
                    locales.insert(tag.to_string());
                }
                Err(e) => v.add(format!("locales[{i}]"), e),
            }
        }
        v.into_result(()).map_err(ApiError::invalid)?;
        Ok(ExportRequest {
            check,
            format,
            locales,
        })
    }
}

/// ExportHandoff: the files of every ranked task (or of the locales asked
/// for), their source entries read from the product's source bundle.
pub fn export(
    store: &SharedStore,
    cache: &CheckCache,
    request: &ExportRequest,
    cancel: &Cancellation,
) -> Result<pb::ExportHandoffResponse, ApiError> {
    let listed = coverage::translation_tasks(store, cache, &request.check, cancel)?;
    let product = parse_name(ResourceKind::Roadmap, "parent", &listed.roadmap)?
        .parent()
        .ok_or_else(|| ApiError::Internal("a roadmap without product".into()))?;
    let product_doc: domain::Product =
        decode_body(&crud::get_stored::<pb::Product>(store, &product)?)?;
    let source_locale = product_doc.source_locale.to_string();
    let source_bundle = format!("{product}/bundles/{source_locale}");
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    let mut files = Vec::new();
    for task in listed
        .tasks
        .iter()
        .filter(|t| request.locales.is_empty() || request.locales.contains(&t.locale))
    {
        cancel.go_on()?;
        for m in &task.messages {
            if sources.contains_key(&m.file) {
                continue;
            }
            if let Some(stored) = store
                .get(&bundle_file_name(&source_bundle, &m.file))
                .map_err(store_error)?
            {
                let doc: BundleFileDoc = decode_body(&stored)?;
                sources.insert(m.file.clone(), doc.content);
            }
        }
        let task = coverage::task_from_pb(task);
        let written = handoff::task_files(&task, &source_locale, &sources, request.format)
            .map_err(|e| ApiError::Internal(format!("hand-off of {}: {e}", task.locale)))?;
        files.extend(written.into_iter().map(|f| pb::HandoffFile {
            path: f.path,
            locale: task.locale.clone(),
            content: f.content,
        }));
    }
    Ok(pb::ExportHandoffResponse { files })
}

/// ImportHandoff: the translated XLIFF merged into the bundle of its target
/// language, all or nothing.
pub async fn import(
    store: &SharedStore,
    limits: BundleLimits,
    req: pb::ImportHandoffRequest,
) -> Result<pb::ImportHandoffResponse, ApiError> {
    let product = parse_name(ResourceKind::Product, "parent", &req.parent)?;
    let imported = handoff::read_xliff(&req.content).map_err(|errors| {
        let mut v = Violations::new();
        for e in &errors {
            v.add(
                "content",
                Text::new("request-handoff-unit").text("problem", e.to_string()),
            );
        }
        ApiError::invalid(v)
    })?;
    let locale = LocaleTag::parse(&imported.target_lang).map_err(|e| {
        ApiError::invalid_field(
            "content",
            Text::new("request-handoff-target-language")
                .text("language", imported.target_lang.as_str())
                .text("problem", String::from(e)),
        )
    })?;
    let bundle = format!("{product}/bundles/{locale}");
    let (name, files, count) = {
        let store = store.clone();
        let bundle = bundle.clone();
        crud::blocking(move || merged_files(&store, &bundle, &imported)).await?
    };
    let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let written = bundles::write_files(
        store,
        limits,
        pb::WriteBundleFilesRequest {
            name,
            files,
            replace: false,
            etag: req.etag,
        },
    )
    .await?;
    Ok(pb::ImportHandoffResponse {
        bundle: Some(written),
        imported_messages: i32::try_from(count).unwrap_or(i32::MAX),
        files: paths,
    })
}

/// Each file of `imported` merged into its text in `bundle` (empty when
/// the bundle lacks it), and how many entries.
fn merged_files(
    store: &SharedStore,
    bundle: &str,
    imported: &handoff::Imported,
) -> Result<(String, Vec<pb::FileContent>, usize), ApiError> {
    let mut files = Vec::new();
    let mut count = 0;
    let mut v = Violations::new();
    for (path, entries) in &imported.files {
        if entries.is_empty() {
            continue;
        }
        if let Err(e) = domain::bundle::validate_bundle_path(path) {
            v.add("content", e);
            continue;
        }
        let existing = match store
            .get(&bundle_file_name(bundle, path))
            .map_err(store_error)?
        {
            Some(stored) => decode_body::<BundleFileDoc>(&stored)?.content,
            None => String::new(),
        };
        match handoff::merge_into_ftl(&existing, entries) {
            Ok(content) => {
                count += entries.len();
                files.push(pb::FileContent {
                    path: path.clone(),
                    content,
                });
            }
            Err(e) => v.add(
                "content",
                Text::new("request-handoff-unit").text("problem", format!("{path}: {e}")),
            ),
        }
    }
    v.into_result(()).map_err(ApiError::invalid)?;
    if files.is_empty() {
        return Err(ApiError::invalid_field(
            "content",
            Text::new("request-handoff-nothing-translated"),
        ));
    }
    Ok((bundle.to_string(), files, count))
}
