//! The document of a plan file as serde reads it: one struct per kind of
//! table, with the keys a person writes, and the conversion to the API's
//! `glocal.v1.Plan`.

use std::collections::BTreeMap;

use serde::{de::Error as _, Deserialize, Deserializer};

use super::RenderError;
use crate::api::pb::glocal::v1 as pb;
use crate::api::pb::google::r#type::Date;

/// A plan file. Each array of tables (`[[market]]`) is one repeated field of
/// `glocal.v1.Plan`, in the same order, so that `plan.markets[2]` is the third
/// `[[market]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlanFile {
    #[serde(default)]
    market_preset: String,
    #[serde(default)]
    market: Vec<MarketEntry>,
    #[serde(default)]
    requirement: Vec<RequirementEntry>,
    product: ProductEntry,
    #[serde(default)]
    variant: Vec<VariantEntry>,
    #[serde(default)]
    launch: Vec<LaunchEntry>,
    #[serde(default)]
    roadmap: Vec<RoadmapEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarketEntry {
    id: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    subdivisions: Vec<String>,
    #[serde(default)]
    blocs: Vec<String>,
    #[serde(default)]
    currency: String,
    #[serde(default)]
    storefront_locales: Vec<String>,
    #[serde(default)]
    default_locale: String,
    #[serde(default)]
    external_ids: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementEntry {
    id: String,
    #[serde(default)]
    jurisdiction: Option<Jurisdiction>,
    #[serde(default)]
    kind: Option<Kind>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    legal_reference: String,
    #[serde(default)]
    source_url: String,
    #[serde(default)]
    effective_from: Option<PlanDate>,
    #[serde(default)]
    effective_until: Option<PlanDate>,
    #[serde(default)]
    product_categories: Vec<String>,
    #[serde(default)]
    locale_rules: Vec<LocaleRuleEntry>,
    #[serde(default)]
    required_messages: Vec<String>,
}

/// `{ country = "FR" }`, `{ subdivision = "CA-QC" }` or `{ bloc = "EU" }`.
#[derive(Debug)]
enum Jurisdiction {
    Country(String),
    Subdivision(String),
    Bloc(String),
}

impl<'de> Deserialize<'de> for Jurisdiction {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Table {
            country: Option<String>,
            subdivision: Option<String>,
            bloc: Option<String>,
        }
        let t = Table::deserialize(d)?;
        match (t.country, t.subdivision, t.bloc) {
            (Some(c), None, None) => Ok(Jurisdiction::Country(c)),
            (None, Some(s), None) => Ok(Jurisdiction::Subdivision(s)),
            (None, None, Some(b)) => Ok(Jurisdiction::Bloc(b)),
            _ => Err(D::Error::custom(
                "a jurisdiction is exactly one of { country = \"FR\" }, \
                 { subdivision = \"CA-QC\" } or { bloc = \"EU\" }",
            )),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleRuleEntry {
    #[serde(default)]
    locale: String,
    #[serde(default)]
    obligation: Option<ObligationWord>,
    #[serde(default)]
    match_policy: Option<MatchPolicyWord>,
    #[serde(default)]
    must_be_default: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductEntry {
    id: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    source_locale: String,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    message_scope: Option<ScopeWord>,
    #[serde(default)]
    fluent: Option<FluentEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FluentEntry {
    #[serde(default)]
    directory: String,
    #[serde(default)]
    layout: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VariantEntry {
    id: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    sku: String,
    #[serde(default)]
    markets: Vec<String>,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
    #[serde(default)]
    features: Vec<String>,
    #[serde(default)]
    required_messages: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LaunchEntry {
    id: String,
    #[serde(default)]
    market: String,
    #[serde(default)]
    variant: String,
    #[serde(default)]
    phases: Vec<PhaseEntry>,
    #[serde(default)]
    status: Option<StatusWord>,
    #[serde(default)]
    locales: Vec<String>,
    #[serde(default)]
    weight: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhaseEntry {
    #[serde(default)]
    phase: Option<PhaseWord>,
    #[serde(default)]
    date: Option<PlanDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoadmapEntry {
    id: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    item: Vec<ItemEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemEntry {
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    messages: Vec<String>,
    #[serde(default)]
    target_date: Option<PlanDate>,
    #[serde(default)]
    markets: Vec<String>,
    #[serde(default)]
    waivers: Vec<WaiverEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WaiverEntry {
    #[serde(default)]
    requirement: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    approver: String,
    #[serde(default)]
    expiry: Option<PlanDate>,
}

/// A TOML local date, such as `2027-02-01` (without quotes or a time).
#[derive(Debug, Clone, Copy)]
struct PlanDate(Date);

impl<'de> Deserialize<'de> for PlanDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let dt = toml::value::Datetime::deserialize(d).map_err(|e| {
            let message = e.to_string();
            D::Error::custom(message.trim_end().replace(
                "a TOML datetime",
                "a date such as 2027-02-01 (a TOML date, without quotes)",
            ))
        })?;
        match (dt.date, dt.time, dt.offset) {
            (Some(date), None, None) => Ok(PlanDate(Date {
                year: i32::from(date.year),
                month: i32::from(date.month),
                day: i32::from(date.day),
            })),
            _ => Err(D::Error::custom(format!(
                "expected a date such as 2027-02-01, found {dt} (a plan has dates, not times)"
            ))),
        }
    }
}

/// Enums of the API written as short words: `kind = "LEGAL_LANGUAGE"` for
/// `REQUIREMENT_KIND_LEGAL_LANGUAGE`. `UNSPECIFIED` is written by leaving the
/// key out.
macro_rules! words {
    ($name:ident => $pb:ident { $($variant:ident = $word:literal),* $(,)? }) => {
        #[derive(Debug, Clone, Copy, Deserialize)]
        pub(super) enum $name {
            $(#[serde(rename = $word)] $variant),*
        }

        impl $name {
            /// The proto value of the word.
            pub(super) fn to_pb(self) -> i32 {
                match self {
                    $($name::$variant => pb::$pb::$variant as i32),*
                }
            }

            /// The word of a proto value; `Ok(None)` for UNSPECIFIED.
            pub(super) fn word_of(raw: i32) -> Result<Option<&'static str>, RenderError> {
                match pb::$pb::try_from(raw) {
                    Ok(pb::$pb::Unspecified) => Ok(None),
                    $(Ok(pb::$pb::$variant) => Ok(Some($word)),)*
                    Err(_) => Err(RenderError::UnknownValue {
                        enum_name: stringify!($pb),
                        raw,
                    }),
                }
            }
        }
    };
}

words!(Kind => RequirementKind {
    LegalLanguage = "LEGAL_LANGUAGE",
    Privacy = "PRIVACY",
    ConsumerInfo = "CONSUMER_INFO",
    PricingDisplay = "PRICING_DISPLAY",
    SafetyMark = "SAFETY_MARK",
    AgeRating = "AGE_RATING",
    Accessibility = "ACCESSIBILITY",
    Tax = "TAX",
    Other = "OTHER",
});
words!(ObligationWord => Obligation {
    Mandatory = "MANDATORY",
    Recommended = "RECOMMENDED",
});
words!(MatchPolicyWord => MatchPolicy {
    Exact = "EXACT",
    SameLanguage = "SAME_LANGUAGE",
    CldrFallback = "CLDR_FALLBACK",
});
words!(PhaseWord => LaunchPhase {
    Alpha = "ALPHA",
    Beta = "BETA",
    Ga = "GA",
});
words!(StatusWord => LaunchStatus {
    Planned = "PLANNED",
    Launched = "LAUNCHED",
    Paused = "PAUSED",
    Cancelled = "CANCELLED",
});
// Lowercase, as the domain spells it (`MessageScope::as_str`).
words!(ScopeWord => MessageScope {
    File = "file",
    Bundle = "bundle",
});

impl PlanFile {
    /// The plan as `ImportPlan` takes it: ids become resource names, words
    /// enum values, dates `google.type.Date`s, in the order of the file.
    pub(super) fn into_plan(self) -> pb::Plan {
        let file = self;
        let product = format!("products/{}", file.product.id);

        let markets = file
            .market
            .into_iter()
            .map(|m| {
                let name = format!("markets/{}", m.id);
                pb::Market {
                    name,
                    display_name: m.display_name,
                    country: m.country,
                    subdivisions: m.subdivisions,
                    blocs: m.blocs,
                    currency: m.currency,
                    storefront_locales: m.storefront_locales,
                    default_locale: m.default_locale,
                    external_ids: m.external_ids.into_iter().collect(),
                    ..Default::default()
                }
            })
            .collect();

        let requirements = file
            .requirement
            .into_iter()
            .map(|r| {
                use pb::jurisdiction::Place;
                let name = format!("requirements/{}", r.id);
                pb::Requirement {
                    name,
                    jurisdiction: r.jurisdiction.map(|j| pb::Jurisdiction {
                        place: Some(match j {
                            Jurisdiction::Country(c) => Place::Country(c),
                            Jurisdiction::Subdivision(s) => Place::Subdivision(s),
                            Jurisdiction::Bloc(b) => Place::Bloc(b),
                        }),
                    }),
                    kind: r.kind.map_or(0, Kind::to_pb),
                    summary: r.summary,
                    legal_reference: r.legal_reference,
                    source_url: r.source_url,
                    effective_from: r.effective_from.map(|d| d.0),
                    effective_until: r.effective_until.map(|d| d.0),
                    product_categories: r.product_categories,
                    locale_rules: r
                        .locale_rules
                        .into_iter()
                        .map(|l| pb::LocaleRule {
                            locale: l.locale,
                            obligation: l.obligation.map_or(0, ObligationWord::to_pb),
                            match_policy: l.match_policy.map_or(0, MatchPolicyWord::to_pb),
                            must_be_default: l.must_be_default,
                        })
                        .collect(),
                    required_messages: r.required_messages,
                    ..Default::default()
                }
            })
            .collect();
        let p = file.product;
        let product_pb = pb::Product {
            name: product.clone(),
            display_name: p.display_name,
            source_locale: p.source_locale,
            categories: p.categories,
            message_scope: p.message_scope.map_or(0, ScopeWord::to_pb),
            fluent_source: p.fluent.map(|f| pb::FluentSource {
                directory: f.directory,
                layout: f.layout,
            }),
            ..Default::default()
        };

        let mut variants = Vec::new();
        for v in file.variant {
            let name = format!("{product}/variants/{}", v.id);
            let markets = v.markets.iter().map(|m| full_name("markets", m)).collect();
            variants.push(pb::Variant {
                name,
                display_name: v.display_name,
                sku: v.sku,
                markets,
                attributes: v.attributes.into_iter().collect(),
                features: v.features,
                required_messages: v.required_messages,
                ..Default::default()
            });
        }

        let mut launches = Vec::new();
        for l in file.launch {
            let name = format!("{product}/launches/{}", l.id);
            let market = full_name("markets", &l.market);
            let variant = full_name(&format!("{product}/variants"), &l.variant);
            launches.push(pb::Launch {
                name,
                market,
                variant,
                phases: l
                    .phases
                    .into_iter()
                    .map(|p| pb::PhaseDate {
                        phase: p.phase.map_or(0, PhaseWord::to_pb),
                        date: p.date.map(|d| d.0),
                    })
                    .collect(),
                status: l.status.map_or(0, StatusWord::to_pb),
                locales: l.locales,
                weight: l.weight,
                ..Default::default()
            });
        }

        let mut roadmaps = Vec::new();
        for r in file.roadmap {
            let name = format!("{product}/roadmaps/{}", r.id);
            let mut items = Vec::new();
            for item in r.item {
                let markets = item
                    .markets
                    .iter()
                    .map(|m| full_name("markets", m))
                    .collect();
                let waivers = item
                    .waivers
                    .into_iter()
                    .map(|w| pb::Waiver {
                        requirement: full_name("requirements", &w.requirement),
                        reason: w.reason,
                        approver: w.approver,
                        expiry: w.expiry.map(|d| d.0),
                    })
                    .collect();
                items.push(pb::RoadmapItem {
                    id: item.id,
                    title: item.title,
                    messages: item.messages,
                    target_date: item.target_date.map(|d| d.0),
                    markets,
                    waivers,
                });
            }
            roadmaps.push(pb::Roadmap {
                name,
                display_name: r.display_name,
                items,
                ..Default::default()
            });
        }

        pb::Plan {
            market_preset: file.market_preset,
            markets,
            requirements,
            product: Some(product_pb),
            variants,
            launches,
            roadmaps,
        }
    }
}

/// A resource name for a reference written as an id (or already a name).
fn full_name(collection: &str, value: &str) -> String {
    if value.contains('/') {
        value.to_string()
    } else {
        format!("{collection}/{value}")
    }
}
