//! `glocal.v1.MarketService`: markets, requirements and the market preset.

use std::sync::Arc;

use tonic::{Request, Response, Status};

use crate::domain::{
    self, Bloc, CalendarDate, Country, MarketPreset, ResourceKind, ResourceName, Violations,
};
use crate::l10n::Text;
use crate::store::{ChangeSet, Expect, Op, StoreError};

use super::convert::{date_from_pb, date_to_pb, decode_body, kind_filter, Resource};
use super::crud::{self, parse_name, SharedStore};
use super::pb::glocal::v1::{self as pb, market_service_server::MarketService};
use super::ApiError;

/// How often an import is retried when another writer creates a preset resource meanwhile.
const MAX_IMPORT_ATTEMPTS: usize = 3;

/// The MarketService implementation.
pub struct MarketApi {
    store: SharedStore,
}

impl MarketApi {
    /// A service over `store`.
    pub fn new(store: SharedStore) -> Self {
        MarketApi { store }
    }

    async fn import_preset(
        &self,
        req: pb::ImportMarketPresetRequest,
    ) -> Result<pb::ImportMarketPresetResponse, ApiError> {
        if req.preset.is_empty() {
            return Err(ApiError::invalid_field(
                "preset",
                Text::new("request-preset-required").text("preset", domain::AMAZON_MARKETPLACES),
            ));
        }
        // Parsing the preset's data is blocking work: off the async workers.
        let name = req.preset.clone();
        let preset = crud::blocking(move || {
            MarketPreset::load(&name).map_err(|e| match e {
                domain::PresetError::Unknown(_) => ApiError::InvalidArgument {
                    reason: "UNKNOWN_PRESET",
                    violations: Violations::single("preset", e.to_string()),
                },
                domain::PresetError::Invalid { .. } => ApiError::Internal(e.to_string()),
            })
        })
        .await?;
        let mut wanted: Vec<(String, crate::store::Body)> = Vec::new();
        for m in &preset.markets {
            let name = ResourceName::top_level(ResourceKind::Market, &m.id).to_string();
            wanted.push((
                name,
                crate::store::Body::encode(&m.market)
                    .map_err(|e| ApiError::Internal(e.to_string()))?,
            ));
        }
        if !req.skip_requirements {
            for r in &preset.requirements {
                let name = ResourceName::top_level(ResourceKind::Requirement, &r.id).to_string();
                wanted.push((
                    name,
                    crate::store::Body::encode(&r.requirement)
                        .map_err(|e| ApiError::Internal(e.to_string()))?,
                ));
            }
        }
        let wanted = Arc::new(wanted);
        for attempt in 1..=MAX_IMPORT_ATTEMPTS {
            let mut response = pb::ImportMarketPresetResponse {
                preset_version: if req.skip_requirements {
                    format!("markets {}", preset.markets_version)
                } else {
                    format!(
                        "markets {}, requirements {}",
                        preset.markets_version, preset.requirements_version
                    )
                },
                ..Default::default()
            };
            // Reading what exists is blocking work: off the async workers.
            let (response, ops) = {
                let wanted = Arc::clone(&wanted);
                crud::with_store(&self.store, move |store| {
                    let mut ops = Vec::new();
                    for (name, body) in wanted.iter() {
                        match store
                            .get(name)
                            .map_err(|e| ApiError::from_store("glocal.v1.Market", e))?
                        {
                            None => {
                                response.created.push(name.clone());
                                ops.push(Op::Put {
                                    name: name.clone(),
                                    expect: Expect::Absent,
                                    refs: vec![],
                                    body: body.clone(),
                                });
                            }
                            Some(existing) if existing.body == *body => {
                                response.unchanged.push(name.clone())
                            }
                            Some(_) => response.kept.push(name.clone()),
                        }
                    }
                    Ok((response, ops))
                })
                .await?
            };
            if ops.is_empty() {
                return Ok(response);
            }
            let change = ChangeSet {
                method: METHOD_IMPORT.to_string(),
                ops,
            };
            match self.store.commit(change).await {
                Ok(_) => return Ok(response),
                Err(StoreError::AlreadyExists { .. }) if attempt < MAX_IMPORT_ATTEMPTS => continue,
                Err(e) => return Err(ApiError::from_store("glocal.v1.Market", e)),
            }
        }
        unreachable!("the last attempt returns")
    }

    /// ListApplicableRequirements: blocking work (it reads every requirement).
    fn applicable(
        store: &SharedStore,
        req: pb::ListApplicableRequirementsRequest,
    ) -> Result<pb::ListApplicableRequirementsResponse, ApiError> {
        let name = parse_name(ResourceKind::Market, "market", &req.market)?;
        let mut v = Violations::new();
        let date =
            date_from_pb(req.date.as_ref(), "date", &mut v).unwrap_or_else(CalendarDate::today_utc);
        for (i, c) in req.product_categories.iter().enumerate() {
            if let Err(e) = domain::validate_resource_id(c) {
                v.add(format!("product_categories[{i}]"), e);
            }
        }
        if !v.is_empty() {
            return Err(ApiError::invalid(v));
        }
        let stored = crud::get_stored::<pb::Market>(store, &name)?;
        let market: domain::Market = decode_body(&stored)?;
        let requirements = crud::list_all::<pb::Requirement>(store, "requirements")?
            .into_iter()
            .filter(|(_, r)| r.applies_to(&market, date, &req.product_categories))
            .map(|(s, r)| pb::Requirement::from_domain(r, &s))
            .collect();
        Ok(pb::ListApplicableRequirementsResponse {
            requirements,
            date: Some(date_to_pb(date)),
        })
    }
}

const METHOD_IMPORT: &str = "glocal.v1.MarketService/ImportMarketPreset";

#[tonic::async_trait]
impl MarketService for MarketApi {
    async fn get_market(
        &self,
        request: Request<pb::GetMarketRequest>,
    ) -> Result<Response<pb::Market>, Status> {
        let name = request.into_inner().name;
        Ok(Response::new(
            crud::with_store(&self.store, move |store| crud::get(store, &name)).await?,
        ))
    }

    async fn list_markets(
        &self,
        request: Request<pb::ListMarketsRequest>,
    ) -> Result<Response<pb::ListMarketsResponse>, Status> {
        let req = request.into_inner();
        let mut v = Violations::new();
        let country = (!req.country.is_empty())
            .then(|| {
                Country::parse(&req.country)
                    .map_err(|e| v.add("country", e))
                    .ok()
            })
            .flatten();
        let bloc = (!req.bloc.is_empty())
            .then(|| Bloc::parse(&req.bloc).map_err(|e| v.add("bloc", e)).ok())
            .flatten();
        if !v.is_empty() {
            return Err(ApiError::invalid(v).into());
        }
        let filter = format!("country={};bloc={}", req.country, req.bloc);
        let page = crud::with_store(&self.store, move |store| {
            if country.is_none() && bloc.is_none() {
                return crud::list_every::<pb::Market>(
                    store,
                    "markets",
                    req.page_size,
                    &req.page_token,
                    &filter,
                );
            }
            crud::list::<pb::Market>(
                store,
                "markets",
                |m| {
                    country.is_none_or(|c| m.country == c)
                        && bloc.as_ref().is_none_or(|b| m.blocs.contains(b))
                },
                req.page_size,
                &req.page_token,
                &filter,
            )
        })
        .await?;
        Ok(Response::new(pb::ListMarketsResponse {
            markets: page.items,
            next_page_token: page.next_page_token,
            total_size: page.total_size,
        }))
    }

    async fn create_market(
        &self,
        request: Request<pb::CreateMarketRequest>,
    ) -> Result<Response<pb::Market>, Status> {
        let req = request.into_inner();
        let violations = crud::new_id("market_id", &req.market_id);
        let (market, violations) = crud::required_besides(req.market, "market", violations)?;
        let name = ResourceName::top_level(ResourceKind::Market, &req.market_id);
        Ok(Response::new(
            crud::create(
                &self.store,
                "glocal.v1.MarketService/CreateMarket",
                name,
                market,
                "market",
                violations,
            )
            .await?,
        ))
    }

    async fn update_market(
        &self,
        request: Request<pb::UpdateMarketRequest>,
    ) -> Result<Response<pb::Market>, Status> {
        let req = request.into_inner();
        let updated = crud::update(
            &self.store,
            "glocal.v1.MarketService/UpdateMarket",
            req.market,
            req.update_mask.as_ref(),
            "market",
        )
        .await?;
        Ok(Response::new(updated))
    }

    async fn delete_market(
        &self,
        request: Request<pb::DeleteMarketRequest>,
    ) -> Result<Response<()>, Status> {
        let req = request.into_inner();
        crud::delete::<pb::Market>(
            &self.store,
            "glocal.v1.MarketService/DeleteMarket",
            &req.name,
            &req.etag,
        )
        .await?;
        Ok(Response::new(()))
    }

    async fn import_market_preset(
        &self,
        request: Request<pb::ImportMarketPresetRequest>,
    ) -> Result<Response<pb::ImportMarketPresetResponse>, Status> {
        Ok(Response::new(
            self.import_preset(request.into_inner()).await?,
        ))
    }

    async fn get_requirement(
        &self,
        request: Request<pb::GetRequirementRequest>,
    ) -> Result<Response<pb::Requirement>, Status> {
        let name = request.into_inner().name;
        Ok(Response::new(
            crud::with_store(&self.store, move |store| crud::get(store, &name)).await?,
        ))
    }

    async fn list_requirements(
        &self,
        request: Request<pb::ListRequirementsRequest>,
    ) -> Result<Response<pb::ListRequirementsResponse>, Status> {
        let req = request.into_inner();
        let kind = kind_filter(req.kind)?;
        let jurisdiction = req.jurisdiction.trim().to_ascii_uppercase();
        let filter = format!("jurisdiction={jurisdiction};kind={}", req.kind);
        let page = crud::with_store(&self.store, move |store| {
            if jurisdiction.is_empty() && kind.is_none() {
                return crud::list_every::<pb::Requirement>(
                    store,
                    "requirements",
                    req.page_size,
                    &req.page_token,
                    &filter,
                );
            }
            crud::list::<pb::Requirement>(
                store,
                "requirements",
                |r| {
                    (jurisdiction.is_empty() || r.jurisdiction.code() == jurisdiction)
                        && kind.is_none_or(|k| r.kind == k)
                },
                req.page_size,
                &req.page_token,
                &filter,
            )
        })
        .await?;
        Ok(Response::new(pb::ListRequirementsResponse {
            requirements: page.items,
            next_page_token: page.next_page_token,
            total_size: page.total_size,
        }))
    }

    async fn create_requirement(
        &self,
        request: Request<pb::CreateRequirementRequest>,
    ) -> Result<Response<pb::Requirement>, Status> {
        let req = request.into_inner();
        let violations = crud::new_id("requirement_id", &req.requirement_id);
        let (requirement, violations) =
            crud::required_besides(req.requirement, "requirement", violations)?;
        let name = ResourceName::top_level(ResourceKind::Requirement, &req.requirement_id);
        let created = crud::create(
            &self.store,
            "glocal.v1.MarketService/CreateRequirement",
            name,
            requirement,
            "requirement",
            violations,
        )
        .await?;
        Ok(Response::new(created))
    }

    async fn update_requirement(
        &self,
        request: Request<pb::UpdateRequirementRequest>,
    ) -> Result<Response<pb::Requirement>, Status> {
        let req = request.into_inner();
        let updated = crud::update(
            &self.store,
            "glocal.v1.MarketService/UpdateRequirement",
            req.requirement,
            req.update_mask.as_ref(),
            "requirement",
        )
        .await?;
        Ok(Response::new(updated))
    }

    async fn delete_requirement(
        &self,
        request: Request<pb::DeleteRequirementRequest>,
    ) -> Result<Response<()>, Status> {
        let req = request.into_inner();
        crud::delete::<pb::Requirement>(
            &self.store,
            "glocal.v1.MarketService/DeleteRequirement",
            &req.name,
            &req.etag,
        )
        .await?;
        Ok(Response::new(()))
    }

    async fn list_applicable_requirements(
        &self,
        request: Request<pb::ListApplicableRequirementsRequest>,
    ) -> Result<Response<pb::ListApplicableRequirementsResponse>, Status> {
        let req = request.into_inner();
        Ok(Response::new(
            crud::with_store(&self.store, move |store| Self::applicable(store, req)).await?,
        ))
    }

    async fn suggest_market_locales(
        &self,
        request: Request<pb::SuggestMarketLocalesRequest>,
    ) -> Result<Response<pb::SuggestMarketLocalesResponse>, Status> {
        let req = request.into_inner();
        let name = parse_name(ResourceKind::Market, "market", &req.market)?;
        let market: domain::Market = crud::with_store(&self.store, move |store| {
            decode_body(&crud::get_stored::<pb::Market>(store, &name)?)
        })
        .await?;
        let locales = crate::coverage::cldr::official_languages(market.country.code())
            .iter()
            .filter_map(|l| {
                let tag =
                    domain::LocaleTag::parse(&format!("{}-{}", l.language, market.country.code()))
                        .ok()?;
                Some(pb::SuggestedLocale {
                    offered: market
                        .storefront_locales
                        .iter()
                        .any(|s| s.language() == tag.language()),
                    locale: tag.to_string(),
                    status: l.status.as_str().to_string(),
                    population_percent: l.population_percent,
                })
            })
            .collect();
        Ok(Response::new(pb::SuggestMarketLocalesResponse {
            locales,
            cldr_version: crate::coverage::cldr::version().to_string(),
        }))
    }
}
