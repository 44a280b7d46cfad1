//! `glocal.v1.ProductService`: products and their variants.

use tonic::{Request, Response, Status};

use crate::domain::{ResourceKind, ResourceName};
use crate::store::{ChangeSet, Expect, Op, StoreError};

use super::bundles::{self, BundleLimits};
use super::crud::{self, parse_name, SharedStore};
use super::pb::glocal::v1::{self as pb, product_service_server::ProductService};
use super::ApiError;

/// How often a forced product deletion is retried when variants appear meanwhile.
const MAX_FORCE_DELETE_ATTEMPTS: usize = 5;

/// The ProductService implementation.
pub struct ProductApi {
    store: SharedStore,
    limits: BundleLimits,
}

impl ProductApi {
    /// A service over `store`, accepting bundle writes within `limits`.
    pub fn new(store: SharedStore, limits: BundleLimits) -> Self {
        ProductApi { store, limits }
    }

    /// Deletes of everything under a product, children before parents:
    /// bundle files and bundles, launches, roadmaps, variants. Blocking work.
    fn child_deletions(store: &SharedStore, product: &ResourceName) -> Result<Vec<Op>, ApiError> {
        let list = |collection: &str| {
            store
                .list(&format!("{product}/{collection}"), None)
                .map_err(|e| ApiError::from_store(ResourceKind::Product.type_name(), e))
        };
        let mut ops = Vec::new();
        for bundle in list("bundles")? {
            ops.extend(bundles::delete_bundle_ops(store, &bundle)?);
        }
        for collection in ["launches", "roadmaps", "variants"] {
            ops.extend(list(collection)?.into_iter().map(|d| Op::Delete {
                name: d.name,
                expect: Expect::Etag(d.etag),
            }));
        }
        Ok(ops)
    }

    async fn delete_product(&self, req: pb::DeleteProductRequest) -> Result<(), ApiError> {
        const METHOD: &str = "glocal.v1.ProductService/DeleteProduct";
        if !req.force {
            return crud::delete::<pb::Product>(&self.store, METHOD, &req.name, &req.etag).await;
        }
        let name = parse_name(ResourceKind::Product, "name", &req.name)?;
        let expect = if req.etag.is_empty() {
            Expect::Exists
        } else {
            Expect::Etag(req.etag.clone())
        };
        for attempt in 1..=MAX_FORCE_DELETE_ATTEMPTS {
            let mut ops = {
                let name = name.clone();
                crud::with_store(&self.store, move |store| {
                    Self::child_deletions(store, &name)
                })
                .await?
            };
            ops.push(Op::Delete {
                name: name.to_string(),
                expect: expect.clone(),
            });
            match self
                .store
                .commit(ChangeSet {
                    method: METHOD.into(),
                    ops,
                })
                .await
            {
                Ok(_) => return Ok(()),
                // A child was created or changed meanwhile: look again.
                Err(StoreError::Referenced { .. } | StoreError::EtagMismatch { .. })
                    if attempt < MAX_FORCE_DELETE_ATTEMPTS
                        && !matches!(&expect, Expect::Etag(_)) =>
                {
                    continue
                }
                Err(e) => return Err(ApiError::from_store(ResourceKind::Product.type_name(), e)),
            }
        }
        unreachable!("the last attempt returns")
    }
}

#[tonic::async_trait]
impl ProductService for ProductApi {
    async fn get_product(
        &self,
        request: Request<pb::GetProductRequest>,
    ) -> Result<Response<pb::Product>, Status> {
        let name = request.into_inner().name;
        Ok(Response::new(
            crud::with_store(&self.store, move |store| crud::get(store, &name)).await?,
        ))
    }

    async fn list_products(
        &self,
        request: Request<pb::ListProductsRequest>,
    ) -> Result<Response<pb::ListProductsResponse>, Status> {
        let req = request.into_inner();
        let filter = format!("category={}", req.category);
        let page = crud::with_store(&self.store, move |store| {
            if req.category.is_empty() {
                return crud::list_every::<pb::Product>(
                    store,
                    "products",
                    req.page_size,
                    &req.page_token,
                    &filter,
                );
            }
            crud::list::<pb::Product>(
                store,
                "products",
                |p| p.categories.contains(&req.category),
                req.page_size,
                &req.page_token,
                &filter,
            )
        })
        .await?;
        Ok(Response::new(pb::ListProductsResponse {
            products: page.items,
            next_page_token: page.next_page_token,
            total_size: page.total_size,
        }))
    }

    async fn create_product(
        &self,
        request: Request<pb::CreateProductRequest>,
    ) -> Result<Response<pb::Product>, Status> {
        let req = request.into_inner();
        let violations = crud::new_id("product_id", &req.product_id);
        let (product, violations) = crud::required_besides(req.product, "product", violations)?;
        let name = ResourceName::top_level(ResourceKind::Product, &req.product_id);
        Ok(Response::new(
            crud::create(
                &self.store,
                "glocal.v1.ProductService/CreateProduct",
                name,
                product,
                "product",
                violations,
            )
            .await?,
        ))
    }

    async fn update_product(
        &self,
        request: Request<pb::UpdateProductRequest>,
    ) -> Result<Response<pb::Product>, Status> {
        let req = request.into_inner();
        let updated = crud::update(
            &self.store,
            "glocal.v1.ProductService/UpdateProduct",
            req.product,
            req.update_mask.as_ref(),
            "product",
        )
        .await?;
        Ok(Response::new(updated))
    }

    async fn delete_product(
        &self,
        request: Request<pb::DeleteProductRequest>,
    ) -> Result<Response<()>, Status> {
        self.delete_product(request.into_inner()).await?;
        Ok(Response::new(()))
    }

    async fn get_variant(
        &self,
        request: Request<pb::GetVariantRequest>,
    ) -> Result<Response<pb::Variant>, Status> {
        let name = request.into_inner().name;
        Ok(Response::new(
            crud::with_store(&self.store, move |store| crud::get(store, &name)).await?,
        ))
    }

    async fn list_variants(
        &self,
        request: Request<pb::ListVariantsRequest>,
    ) -> Result<Response<pb::ListVariantsResponse>, Status> {
        let req = request.into_inner();
        let parent = parse_name(ResourceKind::Product, "parent", &req.parent)?;
        let page = crud::with_store(&self.store, move |store| {
            crud::get_stored::<pb::Product>(store, &parent)?;
            let market = if req.market.is_empty() {
                None
            } else {
                Some(parse_name(ResourceKind::Market, "market", &req.market)?)
            };
            let filter = format!("parent={};market={}", req.parent, req.market);
            let collection = format!("{parent}/variants");
            match market {
                None => crud::list_every::<pb::Variant>(
                    store,
                    &collection,
                    req.page_size,
                    &req.page_token,
                    &filter,
                ),
                Some(market) => crud::list::<pb::Variant>(
                    store,
                    &collection,
                    |v| v.markets.contains(&market),
                    req.page_size,
                    &req.page_token,
                    &filter,
                ),
            }
        })
        .await?;
        Ok(Response::new(pb::ListVariantsResponse {
            variants: page.items,
            next_page_token: page.next_page_token,
            total_size: page.total_size,
        }))
    }

    async fn create_variant(
        &self,
        request: Request<pb::CreateVariantRequest>,
    ) -> Result<Response<pb::Variant>, Status> {
        let req = request.into_inner();
        let parent = parse_name(ResourceKind::Product, "parent", &req.parent)?;
        let violations = crud::new_id("variant_id", &req.variant_id);
        let (variant, violations) = crud::required_besides(req.variant, "variant", violations)?;
        let name = ResourceName::variant(&parent, &req.variant_id);
        Ok(Response::new(
            crud::create(
                &self.store,
                "glocal.v1.ProductService/CreateVariant",
                name,
                variant,
                "variant",
                violations,
            )
            .await?,
        ))
    }

    async fn update_variant(
        &self,
        request: Request<pb::UpdateVariantRequest>,
    ) -> Result<Response<pb::Variant>, Status> {
        let req = request.into_inner();
        let updated = crud::update(
            &self.store,
            "glocal.v1.ProductService/UpdateVariant",
            req.variant,
            req.update_mask.as_ref(),
            "variant",
        )
        .await?;
        Ok(Response::new(updated))
    }

    async fn delete_variant(
        &self,
        request: Request<pb::DeleteVariantRequest>,
    ) -> Result<Response<()>, Status> {
        let req = request.into_inner();
        crud::delete::<pb::Variant>(
            &self.store,
            "glocal.v1.ProductService/DeleteVariant",
            &req.name,
            &req.etag,
        )
        .await?;
        Ok(Response::new(()))
    }

    async fn write_bundle_files(
        &self,
        request: Request<pb::WriteBundleFilesRequest>,
    ) -> Result<Response<pb::Bundle>, Status> {
        Ok(Response::new(
            bundles::write_files(&self.store, self.limits, request.into_inner()).await?,
        ))
    }

    async fn import_handoff(
        &self,
        request: Request<pb::ImportHandoffRequest>,
    ) -> Result<Response<pb::ImportHandoffResponse>, Status> {
        Ok(Response::new(
            super::handoff::import(&self.store, self.limits, request.into_inner()).await?,
        ))
    }

    async fn get_bundle(
        &self,
        request: Request<pb::GetBundleRequest>,
    ) -> Result<Response<pb::Bundle>, Status> {
        let name = request.into_inner().name;
        Ok(Response::new(
            crud::with_store(&self.store, move |store| bundles::get(store, &name)).await?,
        ))
    }

    async fn list_bundles(
        &self,
        request: Request<pb::ListBundlesRequest>,
    ) -> Result<Response<pb::ListBundlesResponse>, Status> {
        let req = request.into_inner();
        Ok(Response::new(
            crud::with_store(&self.store, move |store| bundles::list(store, &req)).await?,
        ))
    }

    async fn delete_bundle(
        &self,
        request: Request<pb::DeleteBundleRequest>,
    ) -> Result<Response<()>, Status> {
        bundles::delete(&self.store, &request.into_inner()).await?;
        Ok(Response::new(()))
    }

    async fn read_bundle_file(
        &self,
        request: Request<pb::ReadBundleFileRequest>,
    ) -> Result<Response<pb::ReadBundleFileResponse>, Status> {
        let req = request.into_inner();
        Ok(Response::new(
            crud::with_store(&self.store, move |store| bundles::read_file(store, &req)).await?,
        ))
    }
}
