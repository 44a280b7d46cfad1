//! AIP-134 update masks, through the public API around them.
//!
//! `glocal::api`'s `mask` module (`apply_mask`) and the `Resource`
//! conversions of `convert` are private, so this reaches them the way a
//! client does: `MarketApi::update_market` and `update_requirement` (the
//! public `MarketService` trait of the generated code) over an in-memory
//! [`MemStore`] (a public `glocal::store::Store` implementation written
//! here, so a fuzz run does not fsync a sled tree per input), which runs
//! `crud::update`: read, `apply_mask`, `Resource::into_domain`, commit.
//!
//! Invariants of an update the server accepts:
//!
//! - the answer is what a Get then returns, under the same name;
//! - with an explicit mask (neither empty nor `*`) every updatable field the
//!   mask does not name keeps its stored value;
//! - with no mask, every field the request leaves at its default keeps its
//!   stored value;
//! - storing is a fixpoint: updating with the answer itself and mask `*`
//!   succeeds and changes no field.
//!
//! And of one it refuses: the status is a client error (INVALID_ARGUMENT,
//! NOT_FOUND, ABORTED, ...), never INTERNAL or UNKNOWN.

use std::collections::{BTreeMap, HashMap};
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use glocal::api::pb::glocal::v1 as pb;
use glocal::api::pb::glocal::v1::market_service_server::MarketService;
use glocal::api::MarketApi;
use glocal::store::{BoxFuture, ChangeSet, Expect, Op, RevisionRecord, Store, StoreError, Stored};
use prost_types::FieldMask;
use tonic::{Code, Request};

/// A `Store` in memory: atomic change sets with etag preconditions and
/// reference checks, no revisions kept.
#[derive(Default)]
pub struct MemStore {
    docs: Mutex<BTreeMap<String, Stored>>,
    generation: AtomicU64,
}

impl MemStore {
    /// A store holding `docs`.
    pub fn with(docs: BTreeMap<String, Stored>) -> MemStore {
        MemStore {
            docs: Mutex::new(docs),
            generation: AtomicU64::new(1),
        }
    }

    /// Every document.
    pub fn snapshot(&self) -> BTreeMap<String, Stored> {
        self.docs.lock().unwrap().clone()
    }

    fn apply(&self, change: ChangeSet) -> Result<Vec<Stored>, StoreError> {
        let mut docs = self.docs.lock().unwrap();
        let mut next = docs.clone();
        let mut written = Vec::new();
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let now = 1_700_000_000_000_000_000 + generation as i64;
        for (i, op) in change.ops.into_iter().enumerate() {
            let (name, expect) = match &op {
                Op::Put { name, expect, .. } | Op::Delete { name, expect } => {
                    (name.clone(), expect.clone())
                }
            };
            let current = next.get(&name);
            match (&expect, current) {
                (Expect::Absent, Some(_)) => return Err(StoreError::AlreadyExists { name }),
                (Expect::Exists | Expect::Etag(_), None) => {
                    return Err(StoreError::NotFound { name })
                }
                (Expect::Etag(e), Some(c)) if *e != c.etag => {
                    return Err(StoreError::EtagMismatch {
                        name,
                        expected: e.clone(),
                        actual: c.etag.clone(),
                    })
                }
                _ => {}
            }
            match op {
                Op::Put { refs, body, .. } => {
                    for target in &refs {
                        if *target != name && !next.contains_key(target) {
                            return Err(StoreError::MissingReference {
                                from: name.clone(),
                                target: target.clone(),
                            });
                        }
                    }
                    let create_time_nanos = current.map_or(now, |c| c.create_time_nanos);
                    let stored = Stored {
                        name: name.clone(),
                        etag: format!("e{generation}-{i}"),
                        create_time_nanos,
                        update_time_nanos: now,
                        refs,
                        body,
                    };
                    next.insert(name, stored.clone());
                    written.push(stored);
                }
                Op::Delete { .. } => {
                    let referrers: Vec<String> = next
                        .values()
                        .filter(|d| d.name != name && d.refs.contains(&name))
                        .map(|d| d.name.clone())
                        .collect();
                    if !referrers.is_empty() {
                        return Err(StoreError::Referenced { name, referrers });
                    }
                    next.remove(&name);
                }
            }
        }
        *docs = next;
        Ok(written)
    }
}

impl Store for MemStore {
    fn get(&self, name: &str) -> Result<Option<Stored>, StoreError> {
        Ok(self.docs.lock().unwrap().get(name).cloned())
    }

    fn scan(
        &self,
        collection: &str,
        start_after: Option<&str>,
        visit: &mut dyn FnMut(Stored) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        let prefix = format!("{collection}/");
        let docs: Vec<Stored> = self
            .docs
            .lock()
            .unwrap()
            .values()
            .filter(|d| {
                d.name
                    .strip_prefix(&prefix)
                    .is_some_and(|id| !id.contains('/') && start_after.is_none_or(|s| id > s))
            })
            .cloned()
            .collect();
        for doc in docs {
            if visit(doc).is_break() {
                break;
            }
        }
        Ok(())
    }

    fn count(&self, collection: &str) -> Result<u64, StoreError> {
        let mut n = 0;
        self.scan(collection, None, &mut |_| {
            n += 1;
            ControlFlow::Continue(())
        })?;
        Ok(n)
    }

    fn commit(&self, change: ChangeSet) -> BoxFuture<'_, Result<Vec<Stored>, StoreError>> {
        let result = self.apply(change);
        Box::pin(async move { result })
    }

    fn revisions(
        &self,
        _name: &str,
        _after_seq: Option<u64>,
        _limit: usize,
    ) -> Result<Vec<RevisionRecord>, StoreError> {
        Ok(Vec::new())
    }

    fn flush(&self) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(async { Ok(()) })
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }
}

/// The market every update starts from.
pub const SEED_MARKET: &str = "markets/seed";
/// The requirement every update starts from.
pub const SEED_REQUIREMENT: &str = "requirements/seed";

/// The seeded market, as created.
pub fn seed_market() -> pb::Market {
    pb::Market {
        display_name: "Shop FI".into(),
        country: "FI".into(),
        currency: "EUR".into(),
        storefront_locales: vec!["fi-FI".into(), "sv-FI".into()],
        default_locale: "sv-FI".into(),
        external_ids: HashMap::from([("amazon".to_string(), "A1".to_string())]),
        ..Default::default()
    }
}

/// The seeded requirement, as created.
pub fn seed_requirement() -> pb::Requirement {
    pb::Requirement {
        jurisdiction: Some(pb::Jurisdiction {
            place: Some(pb::jurisdiction::Place::Country("FI".into())),
        }),
        kind: pb::RequirementKind::LegalLanguage as i32,
        summary: "Finnish and Swedish".into(),
        legal_reference: "Consumer Protection Act".into(),
        locale_rules: vec![
            pb::LocaleRule {
                locale: "fi".into(),
                obligation: pb::Obligation::Mandatory as i32,
                ..Default::default()
            },
            pb::LocaleRule {
                locale: "sv".into(),
                obligation: pb::Obligation::Recommended as i32,
                match_policy: pb::MatchPolicy::Exact as i32,
                ..Default::default()
            },
        ],
        required_messages: vec!["legal-*".into()],
        ..Default::default()
    }
}

/// One update a client sends.
#[derive(Debug, Clone)]
pub enum Update {
    /// `UpdateMarket`.
    Market(pb::UpdateMarketRequest),
    /// `UpdateRequirement`.
    Requirement(pb::UpdateRequirementRequest),
}

impl Update {
    /// The update a fuzz input encodes: its first byte chooses the method
    /// (even: market), the rest is the request in protobuf. A resource
    /// without a name is given the seeded one, so most inputs reach the mask.
    pub fn decode(data: &[u8]) -> Option<Update> {
        use prost::Message;
        let (&first, rest) = data.split_first()?;
        Some(if first % 2 == 0 {
            let mut req = pb::UpdateMarketRequest::decode(rest).ok()?;
            if let Some(m) = req.market.as_mut().filter(|m| m.name.is_empty()) {
                m.name = SEED_MARKET.into();
            }
            Update::Market(req)
        } else {
            let mut req = pb::UpdateRequirementRequest::decode(rest).ok()?;
            if let Some(r) = req.requirement.as_mut().filter(|r| r.name.is_empty()) {
                r.name = SEED_REQUIREMENT.into();
            }
            Update::Requirement(req)
        })
    }

    /// The bytes [`Update::decode`] reads back (for regression fixtures).
    pub fn encode(&self) -> Vec<u8> {
        use prost::Message;
        match self {
            Update::Market(r) => [vec![0], r.encode_to_vec()].concat(),
            Update::Requirement(r) => [vec![1], r.encode_to_vec()].concat(),
        }
    }
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .max_blocking_threads(2)
            .build()
            .expect("a tokio runtime")
    })
}

/// The documents of a store holding the seeded market and requirement.
fn seeded() -> &'static BTreeMap<String, Stored> {
    static SEEDED: OnceLock<BTreeMap<String, Stored>> = OnceLock::new();
    SEEDED.get_or_init(|| {
        let store = Arc::new(MemStore::default());
        let api = MarketApi::new(store.clone());
        runtime().block_on(async {
            api.create_market(Request::new(pb::CreateMarketRequest {
                market_id: "seed".into(),
                market: Some(seed_market()),
            }))
            .await
            .expect("create the seeded market");
            api.create_requirement(Request::new(pb::CreateRequirementRequest {
                requirement_id: "seed".into(),
                requirement: Some(seed_requirement()),
            }))
            .await
            .expect("create the seeded requirement");
        });
        store.snapshot()
    })
}

fn client_error(status: &tonic::Status) {
    assert!(
        matches!(
            status.code(),
            Code::InvalidArgument
                | Code::NotFound
                | Code::Aborted
                | Code::FailedPrecondition
                | Code::AlreadyExists
                | Code::OutOfRange
                | Code::ResourceExhausted
        ),
        "an update fails with {:?}: {}",
        status.code(),
        status.message()
    );
}

/// Whether the field `name` keeps its value: the mask (explicit) does not
/// name it, or (no mask) the request leaves it at its default.
fn kept(mask: Option<&FieldMask>, name: &str, request_sets: bool) -> bool {
    let paths: Vec<&str> = mask
        .map(|m| m.paths.iter().map(String::as_str).collect())
        .unwrap_or_default();
    if paths.is_empty() {
        !request_sets
    } else if paths == ["*"] {
        false
    } else {
        !paths.contains(&name)
    }
}

/// Whether `value` differs from its type's default (proto3 presence).
fn is_set<T: Default + PartialEq>(value: &T) -> bool {
    *value != T::default()
}

/// Asserts that each listed field of `after` equals `before`'s when
/// [`kept`] says it keeps its value.
macro_rules! check_kept {
    ($mask:expr, $request:expr, $before:expr, $after:expr; $($field:ident),* $(,)?) => {
        $(
            let sets = is_set(&$request.$field);
            if kept($mask, stringify!($field), sets) {
                assert_eq!(
                    $after.$field, $before.$field,
                    concat!("field ", stringify!($field), " changed outside the mask")
                );
            }
        )*
    };
}

/// Runs `update` on a store holding the seeded resources, checking the
/// invariants of the module documentation.
pub fn check(update: Update) {
    let store = Arc::new(MemStore::with(seeded().clone()));
    let api = MarketApi::new(store.clone());
    runtime().block_on(async move {
        match update {
            Update::Market(req) => {
                let before = api
                    .get_market(Request::new(pb::GetMarketRequest {
                        name: SEED_MARKET.into(),
                    }))
                    .await
                    .expect("the seeded market")
                    .into_inner();
                let mask = req.update_mask.clone();
                let request = req.market.clone().unwrap_or_default();
                let after = match api.update_market(Request::new(req)).await {
                    Ok(r) => r.into_inner(),
                    Err(status) => return client_error(&status),
                };
                assert_eq!(after.name, request.name);
                let got = api
                    .get_market(Request::new(pb::GetMarketRequest {
                        name: after.name.clone(),
                    }))
                    .await
                    .expect("get the updated market")
                    .into_inner();
                assert_eq!(got, after, "the answer is not what is stored");
                if after.name == SEED_MARKET {
                    check_kept!(mask.as_ref(), request, before, after;
                        display_name, country, subdivisions, blocs, currency,
                        storefront_locales, default_locale, external_ids);
                }
                let again = api
                    .update_market(Request::new(pb::UpdateMarketRequest {
                        market: Some(after.clone()),
                        update_mask: Some(FieldMask {
                            paths: vec!["*".into()],
                        }),
                    }))
                    .await
                    .unwrap_or_else(|s| panic!("the stored market does not update: {s:?}"))
                    .into_inner();
                assert_eq!(
                    pb::Market {
                        etag: String::new(),
                        update_time: None,
                        ..again
                    },
                    pb::Market {
                        etag: String::new(),
                        update_time: None,
                        ..after
                    },
                    "storing the stored market changes it"
                );
            }
            Update::Requirement(req) => {
                let before = api
                    .get_requirement(Request::new(pb::GetRequirementRequest {
                        name: SEED_REQUIREMENT.into(),
                    }))
                    .await
                    .expect("the seeded requirement")
                    .into_inner();
                let mask = req.update_mask.clone();
                let request = req.requirement.clone().unwrap_or_default();
                let after = match api.update_requirement(Request::new(req)).await {
                    Ok(r) => r.into_inner(),
                    Err(status) => return client_error(&status),
                };
                assert_eq!(after.name, request.name);
                let got = api
                    .get_requirement(Request::new(pb::GetRequirementRequest {
                        name: after.name.clone(),
                    }))
                    .await
                    .expect("get the updated requirement")
                    .into_inner();
                assert_eq!(got, after, "the answer is not what is stored");
                if after.name == SEED_REQUIREMENT {
                    check_kept!(mask.as_ref(), request, before, after;
                        jurisdiction, kind, summary, legal_reference, source_url,
                        effective_from, effective_until, product_categories, locale_rules,
                        required_messages);
                }
                let again = api
                    .update_requirement(Request::new(pb::UpdateRequirementRequest {
                        requirement: Some(after.clone()),
                        update_mask: Some(FieldMask {
                            paths: vec!["*".into()],
                        }),
                    }))
                    .await
                    .unwrap_or_else(|s| panic!("the stored requirement does not update: {s:?}"))
                    .into_inner();
                assert_eq!(
                    pb::Requirement {
                        etag: String::new(),
                        update_time: None,
                        ..again
                    },
                    pb::Requirement {
                        etag: String::new(),
                        update_time: None,
                        ..after
                    },
                    "storing the stored requirement changes it"
                );
            }
        }
    });
}
