//! What the dashboard (`crate::web`) reads from the store: products, a
//! product's roadmaps and launches, a roadmap's check (the engine's report,
//! from the same cache as CheckRoadmap's, validated as CheckRoadmap
//! validates its request), a bundle checked against the source, and a
//! task's hand-off (ExportHandoff's files). Each function is blocking work:
//! the caller runs it on the blocking pool.

use std::sync::Arc;

use crate::coverage::checks::{check_locale, BundleView, CheckOptions, LocaleReport};
use crate::coverage::roadmap::RoadmapReport;
use crate::domain::bundle::BundleDoc;
use crate::domain::planning::Launch;
use crate::domain::{self, CalendarDate, LocaleTag, ResourceKind, ResourceName};
use crate::handoff::{Format, HandoffFile};

use super::convert::{date_to_pb, decode_body};
use super::coverage::{self, Cancellation, CheckCache, CheckRequest};
use super::crud::{self, parse_name, SharedStore};
use super::handoff::{self as export, ExportRequest};
use super::pb::glocal::v1 as pb;
use super::ApiError;

/// A product with what its page needs besides the check.
pub struct ProductPlan {
    /// `products/kettle`.
    pub name: String,
    /// The product.
    pub product: domain::Product,
    /// Its roadmaps' names, in name order.
    pub roadmaps: Vec<String>,
    /// Its launches, with their names.
    pub launches: Vec<(String, Launch)>,
}

/// A bundle and its check against the product's source bundle.
pub struct BundleReport {
    /// The stored summary (files, counts, diagnostics).
    pub bundle: BundleDoc,
    /// The check against the source; `None` for the source bundle.
    pub against_source: Option<LocaleReport>,
    /// The locales of the product's bundles.
    pub locales: Vec<String>,
}

/// The dashboard's reads of one store, sharing the check cache of the
/// gRPC services.
#[derive(Clone)]
pub struct DashboardReads {
    store: SharedStore,
    checks: Arc<CheckCache>,
}

/// The settings of a check the dashboard shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckSettings {
    /// `products/p/roadmaps/r`.
    pub roadmap: String,
    /// The check's day.
    pub as_of: CalendarDate,
    /// The window before a need date, in days (CheckRoadmap's `window_days`).
    pub window_days: i32,
}

impl CheckSettings {
    fn request(&self) -> pb::CheckRoadmapRequest {
        pb::CheckRoadmapRequest {
            name: self.roadmap.clone(),
            as_of: Some(date_to_pb(self.as_of)),
            window_days: Some(self.window_days),
            view: pb::CheckView::Basic as i32,
            ..Default::default()
        }
    }
}

impl DashboardReads {
    /// Reads of `store`, with the check results of `checks`.
    pub fn new(store: SharedStore, checks: Arc<CheckCache>) -> Self {
        DashboardReads { store, checks }
    }

    /// Every product, with its name, in name order.
    pub fn products(&self) -> Result<Vec<(String, domain::Product)>, ApiError> {
        Ok(crud::list_all::<pb::Product>(&self.store, "products")?
            .into_iter()
            .map(|(stored, p)| (stored.name, p))
            .collect())
    }

    /// The product `name` (`products/p`), its roadmaps and launches;
    /// NOT_FOUND when there is none.
    pub fn product(&self, name: &str) -> Result<ProductPlan, ApiError> {
        let name = parse_name(ResourceKind::Product, "product", name)?;
        let product: domain::Product =
            decode_body(&crud::get_stored::<pb::Product>(&self.store, &name)?)?;
        let children = |kind: ResourceKind| format!("{name}/{}", kind.collection());
        let roadmaps =
            crud::list_all::<pb::Roadmap>(&self.store, &children(ResourceKind::Roadmap))?
                .into_iter()
                .map(|(stored, _)| stored.name)
                .collect();
        let launches = crud::list_all::<pb::Launch>(&self.store, &children(ResourceKind::Launch))?
            .into_iter()
            .map(|(stored, l)| (stored.name, l))
            .collect();
        Ok(ProductPlan {
            name: name.to_string(),
            product,
            roadmaps,
            launches,
        })
    }

    /// The engine's report of the check `settings` asks for, validated as
    /// CheckRoadmap's request (INVALID_ARGUMENT, NOT_FOUND as it answers).
    pub fn check(
        &self,
        settings: &CheckSettings,
        cancel: &Cancellation,
    ) -> Result<Arc<RoadmapReport>, ApiError> {
        let request = CheckRequest::new(settings.request())?;
        coverage::report(&self.store, &self.checks, &request, cancel)
    }

    /// The bundle of `locale` of product `product` (`products/p`), checked
    /// against the product's source bundle.
    pub fn bundle(&self, product: &str, locale: &str) -> Result<BundleReport, ApiError> {
        let product = parse_name(ResourceKind::Product, "product", product)?;
        let tag = LocaleTag::parse(locale).map_err(|e| {
            let mut v = domain::Violations::new();
            v.add("locale", e);
            ApiError::invalid(v)
        })?;
        let product_doc: domain::Product =
            decode_body(&crud::get_stored::<pb::Product>(&self.store, &product)?)?;
        let bundles = crud::list_all::<pb::Bundle>(
            &self.store,
            &format!("{product}/{}", ResourceKind::Bundle.collection()),
        )?;
        let locales = bundles.iter().map(|(_, b)| b.locale.to_string()).collect();
        let find = |tag: &LocaleTag| bundles.iter().find(|(_, b)| b.locale == *tag);
        let Some((stored, bundle)) = find(&tag) else {
            return Err(ApiError::NotFound {
                resource_type: ResourceKind::Bundle.type_name(),
                name: domain::bundle::bundle_name(&product, &tag),
            });
        };
        let against_source = if tag == product_doc.source_locale {
            None
        } else {
            let target = coverage::indexed_files(&self.store, &stored.name)?;
            let source = match find(&product_doc.source_locale) {
                Some((s, _)) => coverage::indexed_files(&self.store, &s.name)?,
                None => Vec::new(),
            };
            let scope = product_doc.message_scope;
            Some(check_locale(
                &view(&source, scope),
                &view(&target, scope),
                &tag,
                &CheckOptions {
                    source_locale: Some(product_doc.source_locale.clone()),
                    identical_allowed: Vec::new(),
                },
            ))
        };
        Ok(BundleReport {
            bundle: bundle.clone(),
            against_source,
            locales,
        })
    }

    /// The hand-off files of the task of `locale` in the check `settings`
    /// asks for, in `format` (ExportHandoff's files for that locale).
    pub fn handoff(
        &self,
        settings: &CheckSettings,
        locale: &str,
        format: Format,
        cancel: &Cancellation,
    ) -> Result<Vec<HandoffFile>, ApiError> {
        let check = settings.request();
        let request = ExportRequest::new(pb::ExportHandoffRequest {
            parent: check.name,
            as_of: check.as_of,
            window_days: check.window_days,
            format: match format {
                Format::Xliff => pb::HandoffFormat::Xliff,
                Format::Csv => pb::HandoffFormat::Csv,
                Format::Ftl => pb::HandoffFormat::Ftl,
            } as i32,
            locales: vec![locale.to_string()],
            ..Default::default()
        })?;
        let response = export::export(&self.store, &self.checks, &request, cancel)?;
        Ok(response
            .files
            .into_iter()
            .map(|f| HandoffFile {
                path: f.path,
                content: f.content,
            })
            .collect())
    }
}

fn view(files: &[(String, domain::ftl::FileIndex)], scope: domain::MessageScope) -> BundleView<'_> {
    BundleView::new(files.iter().map(|(p, i)| (p.as_str(), i)), scope)
}

/// The roadmap `products/{product}/roadmaps/{id}` as a name, or
/// INVALID_ARGUMENT naming `field`.
pub fn roadmap_name(product: &str, id: &str, field: &str) -> Result<String, ApiError> {
    let name = format!("{product}/roadmaps/{id}");
    parse_name(ResourceKind::Roadmap, field, &name).map(|n: ResourceName| n.to_string())
}
