//! `glocal.v1.PlanningService`: launches, roadmaps, and whole plans.

use std::collections::{BTreeMap, BTreeSet};

use tonic::{Request, Response, Status};

use crate::domain::{self, MarketPreset, ResourceKind, ResourceName, Violations};
use crate::store::{ChangeSet, Expect, Op, StoreError};

use super::convert::{check_variant_sells_in, decode_body, launch_from_pb, to_pb, Resource};
use super::crud::{self, parse_name, parse_new_id, SharedStore};
use super::pb::glocal::v1::{self as pb, planning_service_server::PlanningService};
use super::ApiError;

/// How often an import is retried when another writer changes a resource meanwhile.
const MAX_IMPORT_ATTEMPTS: usize = 3;

/// The PlanningService implementation.
pub struct PlanningApi {
    store: SharedStore,
}

/// One resource of a plan, validated, ready to be written.
struct PlannedWrite {
    name: String,
    refs: Vec<String>,
    body: serde_json::Value,
}

fn body_of<T: serde::Serialize>(value: &T) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(value).map_err(|e| ApiError::Internal(e.to_string()))
}

impl PlanningApi {
    /// A service over `store`.
    pub fn new(store: SharedStore) -> Self {
        PlanningApi { store }
    }

    /// Validates every resource of `plan`, collecting every violation, and
    /// returns the writes in dependency order.
    fn plan_writes(&self, plan: pb::Plan) -> Result<Vec<PlannedWrite>, ApiError> {
        let mut v = Violations::new();
        let mut writes: Vec<PlannedWrite> = Vec::new();
        let mut names: BTreeSet<String> = BTreeSet::new();
        let mut add = |v: &mut Violations,
                       field: String,
                       name: String,
                       refs: Vec<String>,
                       body: serde_json::Value| {
            if !names.insert(name.clone()) {
                v.add(field, format!("{name} appears twice in the plan"));
            }
            writes.push(PlannedWrite { name, refs, body });
        };

        if !plan.market_preset.is_empty() {
            match MarketPreset::load(&plan.market_preset) {
                Ok(preset) => {
                    // Preset resources are only created when missing: the
                    // plan's own entries (added below) and stored ones win.
                    for m in &preset.markets {
                        let name = ResourceName::top_level(ResourceKind::Market, &m.id).to_string();
                        let explicit = plan.markets.iter().any(|x| x.name == name);
                        if !explicit && !self.exists(&name)? {
                            add(
                                &mut v,
                                "plan.market_preset".into(),
                                name,
                                vec![],
                                body_of(&m.market)?,
                            );
                        }
                    }
                    for r in &preset.requirements {
                        let name =
                            ResourceName::top_level(ResourceKind::Requirement, &r.id).to_string();
                        let explicit = plan.requirements.iter().any(|x| x.name == name);
                        if !explicit && !self.exists(&name)? {
                            add(
                                &mut v,
                                "plan.market_preset".into(),
                                name,
                                vec![],
                                body_of(&r.requirement)?,
                            );
                        }
                    }
                }
                Err(e) => v.add("plan.market_preset", e.to_string()),
            }
        }

        macro_rules! top_level {
            ($list:expr, $ty:ty, $kind:expr, $field:literal) => {
                for (i, item) in $list.into_iter().enumerate() {
                    let prefix = format!("plan.{}[{i}]", $field);
                    let name = match ResourceName::parse($kind, &item.name) {
                        Ok(n) => n,
                        Err(e) => {
                            v.add(format!("{prefix}.name"), e);
                            continue;
                        }
                    };
                    match <$ty as Resource>::into_domain(item, &prefix) {
                        Ok(d) => {
                            let refs = <$ty as Resource>::refs(&d, &name);
                            add(
                                &mut v,
                                format!("{prefix}.name"),
                                name.to_string(),
                                refs,
                                body_of(&d)?,
                            );
                        }
                        Err(more) => v.extend(more),
                    }
                }
            };
        }
        top_level!(plan.markets, pb::Market, ResourceKind::Market, "markets");
        top_level!(
            plan.requirements,
            pb::Requirement,
            ResourceKind::Requirement,
            "requirements"
        );

        let Some(product_pb) = plan.product else {
            v.add("plan.product", "is required: a plan describes one product");
            return Err(ApiError::invalid(v));
        };
        let product = match ResourceName::parse(ResourceKind::Product, &product_pb.name) {
            Ok(p) => p,
            Err(e) => {
                v.add("plan.product.name", e);
                return Err(ApiError::invalid(v));
            }
        };
        match product_pb.into_domain("plan.product") {
            Ok(d) => add(
                &mut v,
                "plan.product.name".into(),
                product.to_string(),
                vec![],
                body_of(&d)?,
            ),
            Err(more) => v.extend(more),
        }

        let mut variants: BTreeMap<String, domain::Variant> = BTreeMap::new();
        for (i, item) in plan.variants.into_iter().enumerate() {
            let prefix = format!("plan.variants[{i}]");
            let name = match ResourceName::parse(ResourceKind::Variant, &item.name) {
                Ok(n) if n.parent().as_ref() == Some(&product) => n,
                Ok(n) => {
                    v.add(
                        format!("{prefix}.name"),
                        format!("{n} is not a variant of {product}"),
                    );
                    continue;
                }
                Err(e) => {
                    v.add(format!("{prefix}.name"), e);
                    continue;
                }
            };
            match item.into_domain(&prefix) {
                Ok(d) => {
                    let refs = pb::Variant::refs(&d, &name);
                    add(
                        &mut v,
                        format!("{prefix}.name"),
                        name.to_string(),
                        refs,
                        body_of(&d)?,
                    );
                    variants.insert(name.to_string(), d);
                }
                Err(more) => v.extend(more),
            }
        }

        for (i, item) in plan.launches.into_iter().enumerate() {
            let prefix = format!("plan.launches[{i}]");
            let name = match ResourceName::parse(ResourceKind::Launch, &item.name) {
                Ok(n) if n.parent().as_ref() == Some(&product) => n,
                Ok(n) => {
                    v.add(
                        format!("{prefix}.name"),
                        format!("{n} is not a launch of {product}"),
                    );
                    continue;
                }
                Err(e) => {
                    v.add(format!("{prefix}.name"), e);
                    continue;
                }
            };
            match launch_from_pb(item, &product, &prefix) {
                Ok(l) => {
                    let variant = match variants.get(l.variant.as_str()) {
                        Some(planned) => Some(planned.clone()),
                        None => self.stored_domain::<pb::Variant>(l.variant.as_str())?,
                    };
                    match variant {
                        Some(variant) => {
                            if let Err(ApiError::InvalidArgument { violations, .. }) =
                                check_variant_sells_in(&variant, &l, &prefix)
                            {
                                v.extend(violations);
                            }
                        }
                        None => v.add(
                            format!("{prefix}.variant"),
                            format!("{} is neither in the plan nor on the server", l.variant),
                        ),
                    }
                    let refs = pb::Launch::refs(&l, &name);
                    add(
                        &mut v,
                        format!("{prefix}.name"),
                        name.to_string(),
                        refs,
                        body_of(&l)?,
                    );
                }
                Err(more) => v.extend(more),
            }
        }

        for (i, item) in plan.roadmaps.into_iter().enumerate() {
            let prefix = format!("plan.roadmaps[{i}]");
            let name = match ResourceName::parse(ResourceKind::Roadmap, &item.name) {
                Ok(n) if n.parent().as_ref() == Some(&product) => n,
                Ok(n) => {
                    v.add(
                        format!("{prefix}.name"),
                        format!("{n} is not a roadmap of {product}"),
                    );
                    continue;
                }
                Err(e) => {
                    v.add(format!("{prefix}.name"), e);
                    continue;
                }
            };
            match item.into_domain(&prefix) {
                Ok(r) => {
                    let refs = pb::Roadmap::refs(&r, &name);
                    add(
                        &mut v,
                        format!("{prefix}.name"),
                        name.to_string(),
                        refs,
                        body_of(&r)?,
                    );
                }
                Err(more) => v.extend(more),
            }
        }

        // Every reference must be in the plan or on the server.
        let planned: BTreeSet<&str> = writes.iter().map(|w| w.name.as_str()).collect();
        for w in &writes {
            for target in &w.refs {
                if !planned.contains(target.as_str()) && !self.exists(target)? {
                    v.add(
                        format!("plan ({})", w.name),
                        format!("{} references {target}, which is neither in the plan nor on the server", w.name),
                    );
                }
            }
        }
        v.into_result(()).map_err(ApiError::invalid)?;
        Ok(writes)
    }

    fn exists(&self, name: &str) -> Result<bool, ApiError> {
        Ok(self
            .store
            .get(name)
            .map_err(|e| ApiError::from_store("glocal.v1.Plan", e))?
            .is_some())
    }

    fn stored_domain<R: Resource>(&self, name: &str) -> Result<Option<R::Domain>, ApiError> {
        match self
            .store
            .get(name)
            .map_err(|e| ApiError::from_store(R::KIND.type_name(), e))?
        {
            Some(s) => Ok(Some(decode_body(&s)?)),
            None => Ok(None),
        }
    }

    async fn import(&self, req: pb::ImportPlanRequest) -> Result<pb::ImportPlanResponse, ApiError> {
        let plan = crud::required(req.plan, "plan")?;
        let writes = self.plan_writes(plan)?;
        for attempt in 1..=MAX_IMPORT_ATTEMPTS {
            let mut response = pb::ImportPlanResponse::default();
            let mut ops = Vec::new();
            for w in &writes {
                let current = self
                    .store
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
                        format!("{from} references {target}, which was deleted meanwhile"),
                    ))
                }
                Err(e) => return Err(ApiError::from_store("glocal.v1.Plan", e)),
            }
        }
        unreachable!("the last attempt returns")
    }

    fn export(&self, product: &str) -> Result<pb::Plan, ApiError> {
        let product = parse_name(ResourceKind::Product, "product", product)?;
        let stored = crud::get_stored::<pb::Product>(&self.store, &product)?;
        let children = |kind: ResourceKind| format!("{product}/{}", kind.collection());
        let variants =
            crud::list_all::<pb::Variant>(&self.store, &children(ResourceKind::Variant))?;
        let launches = crud::list_all::<pb::Launch>(&self.store, &children(ResourceKind::Launch))?;
        let roadmaps =
            crud::list_all::<pb::Roadmap>(&self.store, &children(ResourceKind::Roadmap))?;

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
            if let Some(s) = self
                .store
                .get(name)
                .map_err(|e| ApiError::from_store("glocal.v1.Market", e))?
            {
                let m: domain::Market = decode_body(&s)?;
                markets.push(pb::Market::from_domain(m.clone(), &s));
                market_values.push(m);
            }
        }
        let mut requirements = Vec::new();
        for (s, r) in crud::list_all::<pb::Requirement>(&self.store, "requirements")? {
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
        Ok(Response::new(crud::get(
            &self.store,
            &request.into_inner().name,
        )?))
    }

    async fn list_launches(
        &self,
        request: Request<pb::ListLaunchesRequest>,
    ) -> Result<Response<pb::ListLaunchesResponse>, Status> {
        let req = request.into_inner();
        let parent = parse_name(ResourceKind::Product, "parent", &req.parent)?;
        crud::get_stored::<pb::Product>(&self.store, &parent)?;
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
        let page = crud::list::<pb::Launch>(
            &self.store,
            &format!("{parent}/launches"),
            |l| {
                market.as_ref().is_none_or(|m| l.market == *m)
                    && variant.as_ref().is_none_or(|v| l.variant == *v)
            },
            req.page_size,
            &req.page_token,
            &filter,
        )?;
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
        parse_new_id("launch_id", &req.launch_id)?;
        let name = ResourceName::child(&parent, ResourceKind::Launch, &req.launch_id);
        let launch = pb::Launch {
            name: name.to_string(),
            ..crud::required(req.launch, "launch")?
        };
        Ok(Response::new(
            crud::create(
                &self.store,
                "glocal.v1.PlanningService/CreateLaunch",
                name,
                launch,
                "launch",
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
        Ok(Response::new(crud::get(
            &self.store,
            &request.into_inner().name,
        )?))
    }

    async fn list_roadmaps(
        &self,
        request: Request<pb::ListRoadmapsRequest>,
    ) -> Result<Response<pb::ListRoadmapsResponse>, Status> {
        let req = request.into_inner();
        let parent = parse_name(ResourceKind::Product, "parent", &req.parent)?;
        crud::get_stored::<pb::Product>(&self.store, &parent)?;
        let filter = format!("parent={}", req.parent);
        let page = crud::list::<pb::Roadmap>(
            &self.store,
            &format!("{parent}/roadmaps"),
            |_| true,
            req.page_size,
            &req.page_token,
            &filter,
        )?;
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
        parse_new_id("roadmap_id", &req.roadmap_id)?;
        let name = ResourceName::child(&parent, ResourceKind::Roadmap, &req.roadmap_id);
        let roadmap = crud::required(req.roadmap, "roadmap")?;
        Ok(Response::new(
            crud::create(
                &self.store,
                "glocal.v1.PlanningService/CreateRoadmap",
                name,
                roadmap,
                "roadmap",
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
        Ok(Response::new(self.export(&request.into_inner().product)?))
    }
}
