//! `glocal.v1.PlanningService`: launches, roadmaps, and whole plans.

use std::collections::BTreeSet;
use std::sync::Arc;

use tonic::{Request, Response, Status};

use crate::domain::{self, ResourceKind, ResourceName};
use crate::l10n::Text;
use crate::store::{ChangeSet, Expect, Op, StoreError};

use super::convert::{decode_body, to_pb, Resource};
use super::coverage;
use super::crud::{self, parse_name, SharedStore};
use super::pb::glocal::v1::{self as pb, planning_service_server::PlanningService};
use super::plan_validation::{validate_plan, InStore};
use super::ApiError;

/// How often an import is retried when another writer changes a resource meanwhile.
const MAX_IMPORT_ATTEMPTS: usize = 3;

/// The PlanningService implementation.
pub struct PlanningApi {
    store: SharedStore,
    checks: Arc<coverage::CheckCache>,
}

/// One resource of a plan, validated, ready to be written.
struct PlannedWrite {
    name: String,
    refs: Vec<String>,
    body: crate::store::Body,
    /// A preset resource: created when missing, never replaced.
    only_if_absent: bool,
}

/// The write of a validated resource of kind `R` named `name`.
fn planned<R: Resource>(domain: &R::Domain, name: &ResourceName) -> Result<PlannedWrite, ApiError> {
    Ok(PlannedWrite {
        name: name.to_string(),
        refs: R::refs(domain, name),
        body: body_of(domain)?,
        only_if_absent: false,
    })
}

/// The write of a preset resource, created only when missing.
fn preset<T: serde::Serialize>(value: &T, name: &ResourceName) -> Result<PlannedWrite, ApiError> {
    Ok(PlannedWrite {
        name: name.to_string(),
        refs: vec![],
        body: body_of(value)?,
        only_if_absent: true,
    })
}

fn body_of<T: serde::Serialize>(value: &T) -> Result<crate::store::Body, ApiError> {
    crate::store::Body::encode(value).map_err(|e| ApiError::Internal(e.to_string()))
}

impl PlanningApi {
    /// A service over `store`.
    pub fn new(store: SharedStore) -> Self {
        Self::with_checks(store, Arc::default())
    }

    /// A service over `store` keeping check results in `checks` (which the
    /// dashboard shares).
    pub fn with_checks(store: SharedStore, checks: Arc<coverage::CheckCache>) -> Self {
        PlanningApi { store, checks }
    }

    /// Validates every resource of `plan` ([`validate_plan`], against the
    /// store), collecting every violation, and returns the writes in
    /// dependency order. Blocking work.
    fn plan_writes(store: &SharedStore, plan: pb::Plan) -> Result<Vec<PlannedWrite>, ApiError> {
        let valid = validate_plan(plan, &InStore(store))?.map_err(ApiError::invalid)?;
        let mut writes = Vec::new();
        // Preset resources are only created when missing: the plan's own
        // entries and stored ones win.
        for (name, m) in &valid.preset_markets {
            writes.push(preset(m, name)?);
        }
        for (name, r) in &valid.preset_requirements {
            writes.push(preset(r, name)?);
        }
        for (name, m) in &valid.markets {
            writes.push(planned::<pb::Market>(m, name)?);
        }
        for (name, r) in &valid.requirements {
            writes.push(planned::<pb::Requirement>(r, name)?);
        }
        let (name, product) = &valid.product;
        writes.push(planned::<pb::Product>(product, name)?);
        for (name, v) in &valid.variants {
            writes.push(planned::<pb::Variant>(v, name)?);
        }
        for (name, l) in &valid.launches {
            writes.push(planned::<pb::Launch>(l, name)?);
        }
        for (name, r) in &valid.roadmaps {
            writes.push(planned::<pb::Roadmap>(r, name)?);
        }
        Ok(writes)
    }

    async fn import(&self, req: pb::ImportPlanRequest) -> Result<pb::ImportPlanResponse, ApiError> {
        let plan = crud::required(req.plan, "plan")?;
        // Validating against the store, and reading what the plan replaces,
        // are blocking work: off the async workers.
        let writes = Arc::new(
            crud::with_store(&self.store, move |store| Self::plan_writes(store, plan)).await?,
        );
        for attempt in 1..=MAX_IMPORT_ATTEMPTS {
            let writes = Arc::clone(&writes);
            let (response, ops) =
                crud::with_store(&self.store, move |store| Self::import_ops(store, &writes))
                    .await?;
            if req.validate_only || ops.is_empty() {
                return Ok(response);
            }
            match self
                .store
                .commit(ChangeSet {
                    method: "glocal.v1.PlanningService/ImportPlan".into(),
                    ops,
                })
                .await
            {
                Ok(_) => return Ok(response),
                Err(StoreError::EtagMismatch { .. } | StoreError::AlreadyExists { .. })
                    if attempt < MAX_IMPORT_ATTEMPTS =>
                {
                    continue
                }
                Err(StoreError::MissingReference { from, target }) => {
                    return Err(ApiError::invalid_field(
                        "plan",
                        Text::new("request-plan-reference-deleted")
                            .text("from", from)
                            .text("target", target),
                    ))
                }
                Err(e) => return Err(ApiError::from_store("glocal.v1.Plan", e)),
            }
        }
        unreachable!("the last attempt returns")
    }

    /// What an import of `writes` reports and the writes it commits, from
    /// what the store holds now. Blocking work.
    fn import_ops(
        store: &SharedStore,
        writes: &[PlannedWrite],
    ) -> Result<(pb::ImportPlanResponse, Vec<Op>), ApiError> {
        let mut response = pb::ImportPlanResponse::default();
        let mut ops = Vec::new();
        for w in writes {
            let current = store
                .get(&w.name)
                .map_err(|e| ApiError::from_store("glocal.v1.Plan", e))?;
            let mut refs = w.refs.clone();
            refs.sort();
            refs.dedup();
            match current {
                None => {
                    response.created.push(w.name.clone());
                    ops.push(Op::Put {
                        name: w.name.clone(),
                        expect: Expect::Absent,
                        refs,
                        body: w.body.clone(),
                    });
                }
                Some(_) if w.only_if_absent => response.kept.push(w.name.clone()),
                Some(c) if c.body == w.body && c.refs == refs => {
                    response.unchanged.push(w.name.clone())
                }
                Some(c) => {
                    response.updated.push(w.name.clone());
                    ops.push(Op::Put {
                        name: w.name.clone(),
                        expect: Expect::Etag(c.etag),
                        refs,
                        body: w.body.clone(),
                    });
                }
            }
        }
        Ok((response, ops))
    }

    /// ExportPlan. Blocking work.
    fn export(store: &SharedStore, product: &str) -> Result<pb::Plan, ApiError> {
        let product = parse_name(ResourceKind::Product, "product", product)?;
        let stored = crud::get_stored::<pb::Product>(store, &product)?;
        let children = |kind: ResourceKind| format!("{product}/{}", kind.collection());
        let variants = crud::list_all::<pb::Variant>(store, &children(ResourceKind::Variant))?;
        let launches = crud::list_all::<pb::Launch>(store, &children(ResourceKind::Launch))?;
        let roadmaps = crud::list_all::<pb::Roadmap>(store, &children(ResourceKind::Roadmap))?;

        let mut market_names: BTreeSet<String> = BTreeSet::new();
        let mut requirement_names: BTreeSet<String> = BTreeSet::new();
        for (_, v) in &variants {
            market_names.extend(v.markets.iter().map(ToString::to_string));
        }
        for (_, l) in &launches {
            market_names.insert(l.market.to_string());
        }
        for (_, r) in &roadmaps {
            for item in &r.items {
                market_names.extend(item.markets.iter().map(ToString::to_string));
                requirement_names.extend(item.waivers.iter().map(|w| w.requirement.to_string()));
            }
        }
        let mut markets = Vec::new();
        let mut market_values = Vec::new();
        for name in &market_names {
            if let Some(s) = store
                .get(name)
                .map_err(|e| ApiError::from_store("glocal.v1.Market", e))?
            {
                let m: domain::Market = decode_body(&s)?;
                markets.push(pb::Market::from_domain(m.clone(), &s));
                market_values.push(m);
            }
        }
        let mut requirements = Vec::new();
        for (s, r) in crud::list_all::<pb::Requirement>(store, "requirements")? {
            if requirement_names.contains(&s.name)
                || market_values.iter().any(|m| r.jurisdiction.covers(m))
            {
                requirements.push(pb::Requirement::from_domain(r, &s));
            }
        }
        let mut plan = pb::Plan {
            market_preset: String::new(),
            markets,
            requirements,
            product: Some(to_pb(&stored)?),
            variants: variants
                .into_iter()
                .map(|(s, d)| pb::Variant::from_domain(d, &s))
                .collect(),
            launches: launches
                .into_iter()
                .map(|(s, d)| pb::Launch::from_domain(d, &s))
                .collect(),
            roadmaps: roadmaps
                .into_iter()
                .map(|(s, d)| pb::Roadmap::from_domain(d, &s))
                .collect(),
        };
        clear_output_only(&mut plan);
        Ok(plan)
    }
}

/// Clears etags and times, which a plan does not carry, so that an export
/// is the same after an import into another server.
fn clear_output_only(plan: &mut pb::Plan) {
    macro_rules! clear {
        ($x:expr) => {{
            $x.etag.clear();
            $x.create_time = None;
            $x.update_time = None;
        }};
    }
    plan.markets.iter_mut().for_each(|x| clear!(x));
    plan.requirements.iter_mut().for_each(|x| clear!(x));
    plan.product.iter_mut().for_each(|x| clear!(x));
    plan.variants.iter_mut().for_each(|x| clear!(x));
    plan.launches.iter_mut().for_each(|x| clear!(x));
    plan.roadmaps.iter_mut().for_each(|x| clear!(x));
}

#[tonic::async_trait]
impl PlanningService for PlanningApi {
    async fn get_launch(
        &self,
        request: Request<pb::GetLaunchRequest>,
    ) -> Result<Response<pb::Launch>, Status> {
        let name = request.into_inner().name;
        Ok(Response::new(
            crud::with_store(&self.store, move |store| crud::get(store, &name)).await?,
        ))
    }

    async fn list_launches(
        &self,
        request: Request<pb::ListLaunchesRequest>,
    ) -> Result<Response<pb::ListLaunchesResponse>, Status> {
        let req = request.into_inner();
        let parent = parse_name(ResourceKind::Product, "parent", &req.parent)?;
        let page = crud::with_store(&self.store, move |store| {
            crud::get_stored::<pb::Product>(store, &parent)?;
            let market = (!req.market.is_empty())
                .then(|| parse_name(ResourceKind::Market, "market", &req.market))
                .transpose()?;
            let variant = (!req.variant.is_empty())
                .then(|| parse_name(ResourceKind::Variant, "variant", &req.variant))
                .transpose()?;
            let filter = format!(
                "parent={};market={};variant={}",
                req.parent, req.market, req.variant
            );
            let collection = format!("{parent}/launches");
            if market.is_none() && variant.is_none() {
                return crud::list_every::<pb::Launch>(
                    store,
                    &collection,
                    req.page_size,
                    &req.page_token,
                    &filter,
                );
            }
            crud::list::<pb::Launch>(
                store,
                &collection,
                |l| {
                    market.as_ref().is_none_or(|m| l.market == *m)
                        && variant.as_ref().is_none_or(|v| l.variant == *v)
                },
                req.page_size,
                &req.page_token,
                &filter,
            )
        })
        .await?;
        Ok(Response::new(pb::ListLaunchesResponse {
            launches: page.items,
            next_page_token: page.next_page_token,
            total_size: page.total_size,
        }))
    }

    async fn create_launch(
        &self,
        request: Request<pb::CreateLaunchRequest>,
    ) -> Result<Response<pb::Launch>, Status> {
        let req = request.into_inner();
        let parent = parse_name(ResourceKind::Product, "parent", &req.parent)?;
        let violations = crud::new_id("launch_id", &req.launch_id);
        let name = ResourceName::child(&parent, ResourceKind::Launch, &req.launch_id);
        let (launch, violations) = crud::required_besides(req.launch, "launch", violations)?;
        let launch = pb::Launch {
            name: name.to_string(),
            ..launch
        };
        Ok(Response::new(
            crud::create(
                &self.store,
                "glocal.v1.PlanningService/CreateLaunch",
                name,
                launch,
                "launch",
                violations,
            )
            .await?,
        ))
    }

    async fn update_launch(
        &self,
        request: Request<pb::UpdateLaunchRequest>,
    ) -> Result<Response<pb::Launch>, Status> {
        let req = request.into_inner();
        Ok(Response::new(
            crud::update(
                &self.store,
                "glocal.v1.PlanningService/UpdateLaunch",
                req.launch,
                req.update_mask.as_ref(),
                "launch",
            )
            .await?,
        ))
    }

    async fn delete_launch(
        &self,
        request: Request<pb::DeleteLaunchRequest>,
    ) -> Result<Response<()>, Status> {
        let req = request.into_inner();
        crud::delete::<pb::Launch>(
            &self.store,
            "glocal.v1.PlanningService/DeleteLaunch",
            &req.name,
            &req.etag,
        )
        .await?;
        Ok(Response::new(()))
    }

    async fn get_roadmap(
        &self,
        request: Request<pb::GetRoadmapRequest>,
    ) -> Result<Response<pb::Roadmap>, Status> {
        let name = request.into_inner().name;
        Ok(Response::new(
            crud::with_store(&self.store, move |store| crud::get(store, &name)).await?,
        ))
    }

    async fn list_roadmaps(
        &self,
        request: Request<pb::ListRoadmapsRequest>,
    ) -> Result<Response<pb::ListRoadmapsResponse>, Status> {
        let req = request.into_inner();
        let parent = parse_name(ResourceKind::Product, "parent", &req.parent)?;
        let page = crud::with_store(&self.store, move |store| {
            crud::get_stored::<pb::Product>(store, &parent)?;
            let filter = format!("parent={}", req.parent);
            crud::list_every::<pb::Roadmap>(
                store,
                &format!("{parent}/roadmaps"),
                req.page_size,
                &req.page_token,
                &filter,
            )
        })
        .await?;
        Ok(Response::new(pb::ListRoadmapsResponse {
            roadmaps: page.items,
            next_page_token: page.next_page_token,
            total_size: page.total_size,
        }))
    }

    async fn create_roadmap(
        &self,
        request: Request<pb::CreateRoadmapRequest>,
    ) -> Result<Response<pb::Roadmap>, Status> {
        let req = request.into_inner();
        let parent = parse_name(ResourceKind::Product, "parent", &req.parent)?;
        let violations = crud::new_id("roadmap_id", &req.roadmap_id);
        let name = ResourceName::child(&parent, ResourceKind::Roadmap, &req.roadmap_id);
        let (roadmap, violations) = crud::required_besides(req.roadmap, "roadmap", violations)?;
        Ok(Response::new(
            crud::create(
                &self.store,
                "glocal.v1.PlanningService/CreateRoadmap",
                name,
                roadmap,
                "roadmap",
                violations,
            )
            .await?,
        ))
    }

    async fn update_roadmap(
        &self,
        request: Request<pb::UpdateRoadmapRequest>,
    ) -> Result<Response<pb::Roadmap>, Status> {
        let req = request.into_inner();
        Ok(Response::new(
            crud::update(
                &self.store,
                "glocal.v1.PlanningService/UpdateRoadmap",
                req.roadmap,
                req.update_mask.as_ref(),
                "roadmap",
            )
            .await?,
        ))
    }

    async fn delete_roadmap(
        &self,
        request: Request<pb::DeleteRoadmapRequest>,
    ) -> Result<Response<()>, Status> {
        let req = request.into_inner();
        crud::delete::<pb::Roadmap>(
            &self.store,
            "glocal.v1.PlanningService/DeleteRoadmap",
            &req.name,
            &req.etag,
        )
        .await?;
        Ok(Response::new(()))
    }

    async fn import_plan(
        &self,
        request: Request<pb::ImportPlanRequest>,
    ) -> Result<Response<pb::ImportPlanResponse>, Status> {
        Ok(Response::new(self.import(request.into_inner()).await?))
    }

    async fn export_plan(
        &self,
        request: Request<pb::ExportPlanRequest>,
    ) -> Result<Response<pb::Plan>, Status> {
        let product = request.into_inner().product;
        Ok(Response::new(
            crud::with_store(&self.store, move |store| Self::export(store, &product)).await?,
        ))
    }

    async fn check_roadmap(
        &self,
        request: Request<pb::CheckRoadmapRequest>,
    ) -> Result<Response<pb::CheckRoadmapResponse>, Status> {
        let request = coverage::CheckRequest::new(request.into_inner())?;
        let texts = super::language::caller_texts();
        // A small cached answer is a map lookup and a copy: answered here.
        if let Some(response) = request.cached_small(&self.store, &self.checks, texts) {
            return Ok(Response::new(response));
        }
        let (store, cache) = (Arc::clone(&self.store), Arc::clone(&self.checks));
        // Loading and checking are blocking work: keep them off the async
        // workers; it stops once this call's future is dropped (deadline,
        // client gone), which the guard says. (The blocking pool does not
        // see the call's task-local language: `texts` carries it.)
        let cancel = coverage::Cancellation::default();
        let _guard = cancel.cancel_on_drop();
        Ok(Response::new(
            crud::blocking(move || coverage::check(&store, &cache, &request, texts, &cancel))
                .await?,
        ))
    }

    async fn list_translation_tasks(
        &self,
        request: Request<pb::ListTranslationTasksRequest>,
    ) -> Result<Response<pb::ListTranslationTasksResponse>, Status> {
        let request = coverage::CheckRequest::for_tasks(request.into_inner())?;
        let (store, cache) = (Arc::clone(&self.store), Arc::clone(&self.checks));
        // As CheckRoadmap: blocking work, stopped once the call is gone.
        let cancel = coverage::Cancellation::default();
        let _guard = cancel.cancel_on_drop();
        Ok(Response::new(
            crud::blocking(move || coverage::translation_tasks(&store, &cache, &request, &cancel))
                .await?,
        ))
    }

    async fn export_handoff(
        &self,
        request: Request<pb::ExportHandoffRequest>,
    ) -> Result<Response<pb::ExportHandoffResponse>, Status> {
        let request = super::handoff::ExportRequest::new(request.into_inner())?;
        let (store, cache) = (Arc::clone(&self.store), Arc::clone(&self.checks));
        // As CheckRoadmap: blocking work, stopped once the call is gone.
        let cancel = coverage::Cancellation::default();
        let _guard = cancel.cancel_on_drop();
        Ok(Response::new(
            crud::blocking(move || super::handoff::export(&store, &cache, &request, &cancel))
                .await?,
        ))
    }

    async fn get_coverage_matrix(
        &self,
        request: Request<pb::GetCoverageMatrixRequest>,
    ) -> Result<Response<pb::CoverageMatrix>, Status> {
        let (store, req) = (Arc::clone(&self.store), request.into_inner());
        // As CheckRoadmap: it stops once this call's future is dropped.
        let cancel = coverage::Cancellation::default();
        let _guard = cancel.cancel_on_drop();
        Ok(Response::new(
            crud::blocking(move || coverage::matrix(&store, &req, &cancel)).await?,
        ))
    }

    async fn render_message(
        &self,
        request: Request<pb::RenderMessageRequest>,
    ) -> Result<Response<pb::RenderMessageResponse>, Status> {
        let (store, req) = (Arc::clone(&self.store), request.into_inner());
        // Parsing and formatting are blocking work: off the async workers.
        // The work does not stop when this future is dropped (deadline,
        // cancellation, client gone), so the guard tells it to, and it
        // checks between files.
        let cancel = coverage::Cancellation::default();
        let _cancel_when_dropped = cancel.cancel_on_drop();
        let rendered = crud::blocking(move || Ok(coverage::render(&store, &req, &cancel))).await?;
        Ok(Response::new(rendered?))
    }
}
