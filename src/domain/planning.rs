//! Launch schedules and roadmaps of a product.

use serde::{Deserialize, Serialize};

use super::bundle::validate_bundle_path;
use super::market::check_display_name;
use super::{
    validate_resource_id, CalendarDate, MessagePattern, ResourceKind, ResourceName, Violations,
};

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
}

impl Launch {
    /// The first day of the launch (its earliest phase).
    pub fn first_date(&self) -> CalendarDate {
        self.phases[0].date
    }
}

/// A launch as a client sends it; unknown enum values arrive as `None` with a
/// violation already recorded by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaunchInput {
    /// See [`Launch::market`].
    pub market: String,
    /// See [`Launch::variant`].
    pub variant: String,
    /// Phase and date of each entry; `None` where unset.
    pub phases: Vec<(Option<LaunchPhase>, Option<CalendarDate>)>,
    /// `None` means PLANNED.
    pub status: Option<LaunchStatus>,
}

impl LaunchInput {
    /// Validates the input for a launch of `product`, naming fields under `prefix`.
    pub fn validate(self, product: &ResourceName, prefix: &str) -> Result<Launch, Violations> {
        let mut v = Violations::new();
        let market = ResourceName::parse(ResourceKind::Market, &self.market)
            .map_err(|e| {
                v.add(
                    format!("{prefix}.market"),
                    if self.market.is_empty() {
                        "is required (markets/{market})".into()
                    } else {
                        e
                    },
                )
            })
            .ok();
        let variant = match ResourceName::parse(ResourceKind::Variant, &self.variant) {
            Ok(name) if name.parent().as_ref() == Some(product) => Some(name),
            Ok(name) => {
                v.add(
                    format!("{prefix}.variant"),
                    format!("{name} is not a variant of {product}"),
                );
                None
            }
            Err(e) => {
                v.add(
                    format!("{prefix}.variant"),
                    if self.variant.is_empty() {
                        "is required (products/{product}/variants/{variant})".into()
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
                "needs at least one phase with its date",
            );
        }
        let mut phases: Vec<PhaseDate> = Vec::new();
        for (i, (phase, date)) in self.phases.iter().enumerate() {
            match phase {
                None => v.add(
                    format!("{prefix}.phases[{i}].phase"),
                    "is required (ALPHA, BETA or GA)",
                ),
                Some(p) if phases.iter().any(|x| x.phase == *p) => v.add(
                    format!("{prefix}.phases[{i}].phase"),
                    format!("{p} is listed twice"),
                ),
                Some(p) => match date {
                    None => v.add(format!("{prefix}.phases[{i}].date"), "is required"),
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
                    format!(
                        "{} on {} is before {} on {}; phases must be in order",
                        pair[1].phase, pair[1].date, pair[0].phase, pair[0].date
                    ),
                );
            }
        }
        match (market, variant, v.is_empty()) {
            (Some(market), Some(variant), true) => Ok(Launch {
                market,
                variant,
                phases,
                status: self.status.unwrap_or_default(),
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

/// Checks one entry of a roadmap item's `messages`.
pub fn validate_message_selector(selector: &str) -> Result<(), String> {
    if selector.ends_with(".ftl") {
        validate_bundle_path(selector)
    } else {
        MessagePattern::parse(selector)
            .map(|_| ())
            .map_err(|e| format!("{e}; a file is named by its path, such as \"checkout/cart.ftl\""))
    }
}

impl RoadmapInput {
    /// Validates the input, naming fields under `prefix`.
    pub fn validate(self, prefix: &str) -> Result<Roadmap, Violations> {
        let mut v = Violations::new();
        check_display_name(&self.display_name, format!("{prefix}.display_name"), &mut v);
        let mut items: Vec<RoadmapItem> = Vec::new();
        for (i, item) in self.items.into_iter().enumerate() {
            let p = format!("{prefix}.items[{i}]");
            match validate_resource_id(&item.id) {
                Err(e) => v.add(format!("{p}.id"), e),
                Ok(()) if items.iter().any(|x| x.id == item.id) => v.add(
                    format!("{p}.id"),
                    format!("{:?} is used by another item", item.id),
                ),
                Ok(()) => {}
            }
            check_display_name(&item.title, format!("{p}.title"), &mut v);
            if item.messages.is_empty() {
                v.add(
                    format!("{p}.messages"),
                    "needs at least one message id, id pattern or file path",
                );
            }
            for (j, m) in item.messages.iter().enumerate() {
                if let Err(e) = validate_message_selector(m) {
                    v.add(format!("{p}.messages[{j}]"), e);
                }
            }
            let mut markets: Vec<ResourceName> = Vec::new();
            for (j, m) in item.markets.iter().enumerate() {
                match ResourceName::parse(ResourceKind::Market, m) {
                    Ok(name) if markets.contains(&name) => v.add(
                        format!("{p}.markets[{j}]"),
                        format!("{name} is listed twice"),
                    ),
                    Ok(name) => markets.push(name),
                    Err(e) => v.add(format!("{p}.markets[{j}]"), e),
                }
            }
            let mut waivers = Vec::new();
            for (j, w) in item.waivers.into_iter().enumerate() {
                let wp = format!("{p}.waivers[{j}]");
                let requirement = ResourceName::parse(ResourceKind::Requirement, &w.requirement)
                    .map_err(|e| v.add(format!("{wp}.requirement"), e))
                    .ok();
                if w.reason.trim().is_empty() {
                    v.add(
                        format!("{wp}.reason"),
                        "is required: say why the gap is accepted",
                    );
                }
                if w.approver.trim().is_empty() {
                    v.add(
                        format!("{wp}.approver"),
                        "is required: say who accepted the gap",
                    );
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
        };
        let launch = ok.clone().validate(&product, "launch").unwrap();
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
