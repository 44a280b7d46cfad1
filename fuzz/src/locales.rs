//! `LocaleTag::parse` and the one fallback chain, `serving_order`, under
//! every match policy.
//!
//! The input is lines: the first is the required tag, the others (at most
//! [`MAX_AVAILABLE`]) the available bundles; those that do not parse are
//! left out, and a few fixed bundles are added so that the chain has
//! something to find.

use glocal::coverage::fallback::{best_match, fallback_chain, satisfies, serving_order, Match};
use glocal::domain::{LocaleTag, MatchPolicy};

/// The most available tags taken from the input.
pub const MAX_AVAILABLE: usize = 16;

/// Bundles always available besides the input's.
pub const FIXED: &[&str] = &[
    "en", "en-US", "en-GB", "fr", "fr-CA", "pt-BR", "pt-PT", "zh-Hant", "zh-CN", "sr-Latn", "no",
    "nb", "es-419",
];

const POLICIES: [MatchPolicy; 3] = [
    MatchPolicy::Exact,
    MatchPolicy::CldrFallback,
    MatchPolicy::SameLanguage,
];

/// Parses `tag`, checking canonicalization; renders the error otherwise.
pub fn parse(tag: &str) -> Option<LocaleTag> {
    match LocaleTag::parse(tag) {
        Ok(parsed) => {
            let again = LocaleTag::parse(parsed.as_str())
                .unwrap_or_else(|e| panic!("canonical {parsed} does not parse: {e}"));
            assert_eq!(
                again, parsed,
                "canonical case is not a fixpoint for {tag:?}"
            );
            assert!(
                (2..=3).contains(&parsed.language().len()),
                "language of {parsed}"
            );
            Some(parsed)
        }
        Err(e) => {
            super::render_everywhere(&e);
            None
        }
    }
}

/// Checks the chain of the first line against the others and [`FIXED`].
pub fn check(text: &str) {
    let mut lines = text.lines();
    let Some(required) = lines.next().and_then(parse) else {
        // Still parse the rest: every line is a tag to try.
        lines.take(MAX_AVAILABLE).for_each(|l| {
            parse(l);
        });
        return;
    };
    let mut available: Vec<LocaleTag> = lines.take(MAX_AVAILABLE).filter_map(parse).collect();
    available.extend(
        FIXED
            .iter()
            .map(|t| LocaleTag::parse(t).expect("fixed tag")),
    );
    check_chains(&required, &available);
}

/// The invariants of `serving_order(required, available, policy)`.
pub fn check_chains(required: &LocaleTag, available: &[LocaleTag]) {
    let chain = fallback_chain(required);
    assert_eq!(chain.first(), Some(required), "the chain starts at the tag");
    for (i, step) in chain.iter().enumerate() {
        assert!(
            !chain[..i].contains(step),
            "{step} twice in the chain of {required}"
        );
        assert_ne!(step.as_str(), "root");
    }
    let mut reversed = available.to_vec();
    reversed.reverse();
    let mut previous: Vec<(LocaleTag, Match)> = Vec::new();
    for policy in POLICIES {
        let order = serving_order(required, available, policy);
        let tags: Vec<LocaleTag> = order.iter().map(|(t, _)| t.clone()).collect();
        for (i, (tag, how)) in order.iter().enumerate() {
            assert!(available.contains(tag));
            assert!(!tags[..i].contains(tag), "{tag} twice in the order");
            assert_eq!(
                satisfies(required, tag, policy),
                Some(*how),
                "serving_order and satisfies disagree on {tag} for {required} under {policy:?}"
            );
            match how {
                Match::Exact => assert_eq!(tag, required),
                Match::Fallback { via } => {
                    assert!(*via < chain.len(), "via {via} past the chain of {required}")
                }
                Match::SameLanguage => assert_eq!(policy, MatchPolicy::SameLanguage),
            }
        }
        // Exactly the available tags that satisfy it.
        for tag in available {
            assert_eq!(
                satisfies(required, tag, policy).is_some(),
                tags.contains(tag),
                "{tag} for {required} under {policy:?}"
            );
        }
        // Deterministic, whatever the order of `available`.
        assert_eq!(
            serving_order(required, &reversed, policy),
            order,
            "the order depends on the order of the bundles"
        );
        assert_eq!(
            best_match(required, available, policy),
            order.first().cloned()
        );
        // The policies nest: what a narrower one accepts, a wider one
        // accepts too, and reports the same way.
        for served in &previous {
            assert!(
                order.contains(served),
                "{served:?} serves {required} under a narrower policy but not under {policy:?}"
            );
        }
        previous = order;
    }
}
