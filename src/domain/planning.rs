//! Launch schedules and roadmaps of a product.

use serde::{Deserialize, Serialize};

use super::bundle::validate_bundle_path;
use super::limits::{
    check_entries, check_length, MAX_APPROVER, MAX_ITEM_MESSAGES, MAX_LAUNCH_LOCALES, MAX_MARKETS,
    MAX_MESSAGE_PATTERN, MAX_PHASES, MAX_ROADMAP_ITEMS, MAX_WAIVERS, MAX_WAIVER_REASON,
};
use super::market::{check_display_name, listed_twice, too_long};
use super::violations::escaped;
use super::{
    validate_resource_id, CalendarDate, LocaleTag, MessagePattern, ResourceKind, ResourceName,
    Violations,
};
use crate::l10n::Text;

/// A phase of a launch, in launch order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LaunchPhase {
    /// A limited, early release.
    Alpha,
    /// A wider test release.
    Beta,
    /// General availability.
    Ga,
}

impl std::fmt::Display for LaunchPhase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LaunchPhase::Alpha => "ALPHA",
            LaunchPhase::Beta => "BETA",
            LaunchPhase::Ga => "GA",
        })
    }
}

/// Where a launch stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LaunchStatus {
    /// Scheduled.
    #[default]
    Planned,
    /// Launched.
    Launched,
    /// On hold.
    Paused,
    /// Called off.
    Cancelled,
}

/// The start of one phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseDate {
    /// The phase.
    pub phase: LaunchPhase,
    /// Its first day.
    pub date: CalendarDate,
}

/// A validated launch: a variant of a product launching in a market.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Launch {
    /// The market.
    pub market: ResourceName,
    /// The variant (of the same product).
    pub variant: ResourceName,
    /// The phases, in phase order with dates in order; never empty.
    pub phases: Vec<PhaseDate>,
    /// Where the launch stands.
    pub status: LaunchStatus,
    /// The storefront locales of the market the launch ships, each at most
    /// once; empty means the market's default locale. (Launches stored
    /// before the field existed read as empty.)
    #[serde(default)]
    pub locales: Vec<LocaleTag>,
    /// How much the launch counts when translation tasks are ranked
    /// (expected revenue share, or any priority the team uses). Launches
    /// stored before the field existed weigh 1.
    #[serde(default)]
    pub weight: Weight,
}

/// A finite, non-negative number, 1 by default: the weight of a launch, or
/// the factor a law multiplies it by when translation tasks are ranked.
/// Compared by value (`-0` is stored as `0`), so what holds one stays `Eq`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Weight(f64);

impl Eq for Weight {}

impl Default for Weight {
    fn default() -> Self {
        Weight(1.0)
    }
}

impl Weight {
    /// Checks that `value` is finite and not negative; explains otherwise.
    pub fn new(value: f64) -> Result<Self, Text> {
        if value.is_finite() && value >= 0.0 {
            // `+ 0.0` turns -0 into 0.
            Ok(Weight(value + 0.0))
        } else {
            Err(Text::new("validation-weight").text("value", value.to_string()))
        }
    }

    /// The number.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Weight {
    type Error = String;
    fn try_from(value: f64) -> Result<Self, String> {
        Weight::new(value).map_err(String::from)
    }
}

impl From<Weight> for f64 {
    fn from(w: Weight) -> f64 {
        w.0
    }
}

impl Launch {
    /// The first day of the launch (its earliest phase).
    pub fn first_date(&self) -> CalendarDate {
        self.phases[0].date
    }
}

/// A launch as a client sends it; unknown enum values arrive as `None` with a
/// violation already recorded by the caller.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LaunchInput {
    /// See [`Launch::market`].
    pub market: String,
    /// See [`Launch::variant`].
    pub variant: String,
    /// Phase and date of each entry; `None` where unset.
    pub phases: Vec<(Option<LaunchPhase>, Option<CalendarDate>)>,
    /// `None` means PLANNED.
    pub status: Option<LaunchStatus>,
    /// See [`Launch::locales`]: BCP 47 tags, each at most once.
    pub locales: Vec<String>,
    /// See [`Launch::weight`]; `None` means 1.
    pub weight: Option<f64>,
}

impl LaunchInput {
    /// Validates the input for a launch of `product`, naming fields under `prefix`.
    pub fn validate(self, product: &ResourceName, prefix: &str) -> Result<Launch, Violations> {
        let mut v = Violations::new();
        let market = ResourceName::parse_text(ResourceKind::Market, &self.market)
            .map_err(|e| {
                v.add(
                    format!("{prefix}.market"),
                    if self.market.is_empty() {
                        name_required(ResourceKind::Market)
                    } else {
                        e
                    },
                )
            })
            .ok();
        let variant = match ResourceName::parse_text(ResourceKind::Variant, &self.variant) {
            Ok(name) if name.parent().as_ref() == Some(product) => Some(name),
            Ok(name) => {
                v.add(
                    format!("{prefix}.variant"),
                    Text::new("validation-launch-variant-of-other-product")
                        .text("variant", name.as_str())
                        .text("product", product.as_str()),
                );
                None
            }
            Err(e) => {
                v.add(
                    format!("{prefix}.variant"),
                    if self.variant.is_empty() {
                        name_required(ResourceKind::Variant)
                    } else {
                        e
                    },
                );
                None
            }
        };
        if self.phases.is_empty() {
            v.add(
                format!("{prefix}.phases"),
                Text::new("validation-phases-required"),
            );
        }
        let mut phases: Vec<PhaseDate> = Vec::new();
        let field = format!("{prefix}.phases");
        let n = check_entries(self.phases.len(), MAX_PHASES, &field, &mut v);
        for (i, (phase, date)) in self.phases.iter().take(n).enumerate() {
            match phase {
                None => v.add(
                    format!("{prefix}.phases[{i}].phase"),
                    Text::new("validation-phase-required"),
                ),
                Some(p) if phases.iter().any(|x| x.phase == *p) => v.add(
                    format!("{prefix}.phases[{i}].phase"),
                    listed_twice(&p.to_string()),
                ),
                Some(p) => match date {
                    None => v.add(
                        format!("{prefix}.phases[{i}].date"),
                        Text::new("validation-required"),
                    ),
                    Some(d) => phases.push(PhaseDate {
                        phase: *p,
                        date: *d,
                    }),
                },
            }
        }
        phases.sort_by_key(|p| p.phase);
        for pair in phases.windows(2) {
            if pair[1].date < pair[0].date {
                let i = self
                    .phases
                    .iter()
                    .position(|(p, _)| *p == Some(pair[1].phase))
                    .unwrap_or(0);
                v.add(
                    format!("{prefix}.phases[{i}].date"),
                    Text::new("validation-phase-order")
                        .text("phase", pair[1].phase.to_string())
                        .text("date", pair[1].date.to_string())
                        .text("earlierPhase", pair[0].phase.to_string())
                        .text("earlierDate", pair[0].date.to_string()),
                );
            }
        }
        let mut locales: Vec<LocaleTag> = Vec::new();
        let field = format!("{prefix}.locales");
        let n = check_entries(self.locales.len(), MAX_LAUNCH_LOCALES, &field, &mut v);
        for (i, l) in self.locales.iter().take(n).enumerate() {
            let field = format!("{prefix}.locales[{i}]");
            match LocaleTag::parse(l) {
                Ok(tag) if locales.contains(&tag) => v.add(field, listed_twice(tag.as_str())),
                Ok(tag) => locales.push(tag),
                Err(e) => v.add(field, e),
            }
        }
        let weight = match self.weight.map(Weight::new) {
            None => Weight::default(),
            Some(Ok(w)) => w,
            Some(Err(e)) => {
                v.add(format!("{prefix}.weight"), e);
                Weight::default()
            }
        };
        match (market, variant, v.is_empty()) {
            (Some(market), Some(variant), true) => Ok(Launch {
                market,
                variant,
                phases,
                status: self.status.unwrap_or_default(),
                locales,
                weight,
            }),
            _ => Err(v),
        }
    }
}

/// An accepted gap in a requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiver {
    /// The requirement.
    pub requirement: ResourceName,
    /// Why.
    pub reason: String,
    /// Who accepted it.
    pub approver: String,
    /// Last day it holds.
    pub expiry: Option<CalendarDate>,
}

/// A feature and the messages it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoadmapItem {
    /// Feature id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Message ids, id patterns, or `.ftl` file paths.
    pub messages: Vec<String>,
    /// When the messages are needed, if not at each launch.
    pub target_date: Option<CalendarDate>,
    /// Markets it rolls out to; empty means all the product's launch markets.
    pub markets: Vec<ResourceName>,
    /// Accepted gaps.
    pub waivers: Vec<Waiver>,
}

/// A validated roadmap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roadmap {
    /// Human-readable name.
    pub display_name: String,
    /// The items.
    pub items: Vec<RoadmapItem>,
}

impl Roadmap {
    /// Every market and requirement the roadmap names (they must exist).
    pub fn references(&self) -> Vec<String> {
        let mut refs: Vec<String> = Vec::new();
        for item in &self.items {
            refs.extend(item.markets.iter().map(ToString::to_string));
            refs.extend(item.waivers.iter().map(|w| w.requirement.to_string()));
        }
        refs.sort();
        refs.dedup();
        refs
    }
}

/// A waiver as a client sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WaiverInput {
    /// See [`Waiver::requirement`].
    pub requirement: String,
    /// See [`Waiver::reason`].
    pub reason: String,
    /// See [`Waiver::approver`].
    pub approver: String,
    /// See [`Waiver::expiry`].
    pub expiry: Option<CalendarDate>,
}

/// A roadmap item as a client sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoadmapItemInput {
    /// See [`RoadmapItem::id`].
    pub id: String,
    /// See [`RoadmapItem::title`].
    pub title: String,
    /// See [`RoadmapItem::messages`].
    pub messages: Vec<String>,
    /// See [`RoadmapItem::target_date`].
    pub target_date: Option<CalendarDate>,
    /// See [`RoadmapItem::markets`].
    pub markets: Vec<String>,
    /// See [`RoadmapItem::waivers`].
    pub waivers: Vec<WaiverInput>,
}

/// A roadmap as a client sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoadmapInput {
    /// See [`Roadmap::display_name`].
    pub display_name: String,
    /// See [`Roadmap::items`].
    pub items: Vec<RoadmapItemInput>,
}

/// Why a name of `kind` is invalid that is empty.
fn name_required(kind: ResourceKind) -> Text {
    Text::new("validation-name-required").text("pattern", kind.pattern())
}

/// Checks one entry of a roadmap item's `messages`; explains what is wrong
/// otherwise (in any of glocal's languages).
pub fn validate_message_selector(selector: &str) -> Result<(), Text> {
    if selector.ends_with(".ftl") {
        validate_bundle_path(selector)
    } else if selector.len() > MAX_MESSAGE_PATTERN && selector.chars().count() > MAX_MESSAGE_PATTERN
    {
        Err(too_long(MAX_MESSAGE_PATTERN))
    } else {
        MessagePattern::parse(selector).map(|_| ()).map_err(|_| {
            Text::new("validation-message-selector").text("selector", escaped(selector))
        })
    }
}

impl RoadmapInput {
    /// Validates the input, naming fields under `prefix`.
    pub fn validate(self, prefix: &str) -> Result<Roadmap, Violations> {
        let mut v = Violations::new();
        check_display_name(&self.display_name, format!("{prefix}.display_name"), &mut v);
        let mut items: Vec<RoadmapItem> = Vec::new();
        let field = format!("{prefix}.items");
        let n = check_entries(self.items.len(), MAX_ROADMAP_ITEMS, &field, &mut v);
        for (i, item) in self.items.into_iter().take(n).enumerate() {
            let p = format!("{prefix}.items[{i}]");
            match validate_resource_id(&item.id) {
                Err(e) => v.add(format!("{p}.id"), e),
                Ok(()) if items.iter().any(|x| x.id == item.id) => v.add(
                    format!("{p}.id"),
                    Text::new("validation-item-id-taken").text("id", escaped(&item.id)),
                ),
                Ok(()) => {}
            }
            check_display_name(&item.title, format!("{p}.title"), &mut v);
            if item.messages.is_empty() {
                v.add(
                    format!("{p}.messages"),
                    Text::new("validation-messages-required"),
                );
            }
            let field = format!("{p}.messages");
            let n = check_entries(item.messages.len(), MAX_ITEM_MESSAGES, &field, &mut v);
            for (j, m) in item.messages.iter().take(n).enumerate() {
                if let Err(e) = validate_message_selector(m) {
                    v.add(format!("{p}.messages[{j}]"), e);
                }
            }
            let mut markets: Vec<ResourceName> = Vec::new();
            let field = format!("{p}.markets");
            let n = check_entries(item.markets.len(), MAX_MARKETS, &field, &mut v);
            for (j, m) in item.markets.iter().take(n).enumerate() {
                match ResourceName::parse_text(ResourceKind::Market, m) {
                    Ok(name) if markets.contains(&name) => {
                        v.add(format!("{p}.markets[{j}]"), listed_twice(name.as_str()))
                    }
                    Ok(name) => markets.push(name),
                    Err(e) => v.add(format!("{p}.markets[{j}]"), e),
                }
            }
            let mut waivers = Vec::new();
            let field = format!("{p}.waivers");
            let n = check_entries(item.waivers.len(), MAX_WAIVERS, &field, &mut v);
            for (j, w) in item.waivers.into_iter().take(n).enumerate() {
                let wp = format!("{p}.waivers[{j}]");
                let requirement =
                    ResourceName::parse_text(ResourceKind::Requirement, &w.requirement)
                        .map_err(|e| v.add(format!("{wp}.requirement"), e))
                        .ok();
                if w.reason.trim().is_empty() {
                    v.add(
                        format!("{wp}.reason"),
                        Text::new("validation-waiver-reason-required"),
                    );
                } else {
                    check_length(&w.reason, MAX_WAIVER_REASON, format!("{wp}.reason"), &mut v);
                }
                if w.approver.trim().is_empty() {
                    v.add(
                        format!("{wp}.approver"),
                        Text::new("validation-waiver-approver-required"),
                    );
                } else {
                    check_length(&w.approver, MAX_APPROVER, format!("{wp}.approver"), &mut v);
                }
                if let Some(requirement) = requirement {
                    waivers.push(Waiver {
                        requirement,
                        reason: w.reason,
                        approver: w.approver,
                        expiry: w.expiry,
                    });
                }
            }
            items.push(RoadmapItem {
                id: item.id,
                title: item.title,
                messages: item.messages,
                target_date: item.target_date,
                markets,
                waivers,
            });
        }
        v.into_result(Roadmap {
            display_name: self.display_name,
            items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<CalendarDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn launch_phases_must_be_in_order_and_unique() {
        let product = ResourceName::parse(ResourceKind::Product, "products/p").unwrap();
        let ok = LaunchInput {
            market: "markets/de".into(),
            variant: "products/p/variants/eu".into(),
            phases: vec![
                (Some(LaunchPhase::Ga), date("2027-03-01")),
                (Some(LaunchPhase::Beta), date("2027-02-01")),
            ],
            status: None,
            locales: vec!["fr-ca".into(), "en-CA".into()],
            weight: None,
        };
        let launch = ok.clone().validate(&product, "launch").unwrap();
        assert_eq!(
            launch
                .locales
                .iter()
                .map(LocaleTag::as_str)
                .collect::<Vec<_>>(),
            ["fr-CA", "en-CA"],
            "in canonical case, in the order given"
        );
        assert_eq!(
            launch.phases[0].phase,
            LaunchPhase::Beta,
            "stored in phase order"
        );
        assert_eq!(launch.first_date(), "2027-02-01".parse().unwrap());

        type Edit = fn(&mut LaunchInput);
        let cases: &[(Edit, &str, &str)] = &[
            (
                |l| l.phases[1].1 = date("2027-04-01"),
                "launch.phases[0].date",
                "before",
            ),
            (
                |l| l.phases[1].0 = Some(LaunchPhase::Ga),
                "launch.phases[1].phase",
                "twice",
            ),
            (
                |l| l.phases[0].0 = None,
                "launch.phases[0].phase",
                "required",
            ),
            (|l| l.phases.clear(), "launch.phases", "at least one"),
            (
                |l| l.variant = "products/q/variants/eu".into(),
                "launch.variant",
                "not a variant of products/p",
            ),
            (
                |l| l.market = "de".into(),
                "launch.market",
                "markets/{market}",
            ),
            (
                |l| l.locales.push("FR-ca".into()),
                "launch.locales[2]",
                "fr-CA is listed twice",
            ),
            (
                |l| l.locales[0] = "fr_CA".into(),
                "launch.locales[0]",
                "fr-CA",
            ),
        ];
        for (edit, field, needle) in cases {
            let mut l = ok.clone();
            edit(&mut l);
            let err = l.validate(&product, "launch").unwrap_err();
            assert!(
                err.list()
                    .iter()
                    .any(|v| v.field == *field && v.description.contains(needle)),
                "{field} ~ {needle}: {err}"
            );
        }
    }

    #[test]
    fn roadmap_items_are_checked() {
        let input = RoadmapInput {
            display_name: "H1".into(),
            items: vec![
                RoadmapItemInput {
                    id: "checkout".into(),
                    messages: vec!["checkout-*".into(), "shop/cart.ftl".into()],
                    markets: vec!["markets/de".into()],
                    waivers: vec![WaiverInput {
                        requirement: "requirements/r".into(),
                        reason: "later".into(),
                        approver: "pm".into(),
                        expiry: None,
                    }],
                    ..Default::default()
                },
                RoadmapItemInput {
                    id: "checkout".into(),
                    messages: vec!["../x.ftl".into(), "1bad".into()],
                    waivers: vec![WaiverInput {
                        requirement: "r".into(),
                        ..Default::default()
                    }],
                    ..Default::default()
                },
            ],
        };
        let err = input.validate("roadmap").unwrap_err();
        let fields: Vec<&str> = err.list().iter().map(|v| v.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "roadmap.items[1].id",
                "roadmap.items[1].messages[0]",
                "roadmap.items[1].messages[1]",
                "roadmap.items[1].waivers[0].requirement",
                "roadmap.items[1].waivers[0].reason",
                "roadmap.items[1].waivers[0].approver",
            ]
        );
    }
}
