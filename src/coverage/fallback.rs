//! Locale fallback chains and the match policies of DESIGN §3: which
//! available locale (a bundle) serves a required locale (a storefront locale
//! or a requirement's locale rule).
//!
//! - [`fallback_chain`]: the locale, then its CLDR parents within the
//!   language, never root.
//! - [`satisfies`]: whether one available locale serves a required one under
//!   a [`MatchPolicy`], and how ([`Match`]).
//! - [`serving_order`]: every available locale that serves a required one,
//!   best first: the bundles a per-message fallback tries in turn
//!   ([`super::serve`]); [`best_match`] is its first.
//!
//! This is the one chain of glocal: the roadmap check, the coverage matrix,
//! RenderMessage and `glocal check --fallback` all ask [`serving_order`].
//!
//! The policies nest: whatever EXACT accepts CLDR_FALLBACK accepts, and
//! whatever CLDR_FALLBACK accepts SAME_LANGUAGE accepts (and reports the same
//! way). A French rule is never served by English under any policy.

use super::cldr;
use crate::domain::{LocaleTag, MatchPolicy};

/// How an available locale serves a required one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Match {
    /// The very same tag.
    Exact,
    /// A step of [`fallback_chain`] of the required locale: `via` is its index
    /// (1 is the first parent). The available locale is that step itself
    /// (`fr` for `fr-CA`: via 1), another spelling of it (`zh-Hant-TW` for
    /// `zh-TW`: via 0), or, for a step without a region, its default-content
    /// locale (`en-US` for `en-CA` through `en`: via 1; `en-US` for `en`: via
    /// 0). When the available tag differs from `fallback_chain(required)[via]`,
    /// it is one of the latter two. A fallback deserves a `fallback-used` note.
    Fallback {
        /// Index into the fallback chain of the required locale.
        via: usize,
    },
    /// Another locale of the same language, off the chain (`pt-BR` for
    /// `pt-AO`); only under [`MatchPolicy::SameLanguage`].
    SameLanguage,
}

/// The fallback chain of `locale`: the locale itself, then its CLDR parents
/// ([`cldr::parent`]: the parent-locale map, then truncation), stopping at
/// root (which is never in the chain) and before a parent of another
/// language.
///
/// - `fr-CA → fr`, `de-CH → de`, `pt-BR → pt`, `en-CA → en`
/// - `es-US → es-419 → es`, `es-MX → es-419 → es`
/// - `pt-AO → pt-PT → pt`
/// - `en-IN → en-001 → en`, `en-GB → en-001 → en`, `en-CH → en-150 → en-001 → en`
/// - `zh-Hant-TW → zh-Hant` and `zh-TW → zh-Hant`: CLDR makes root the
///   parent of `zh-Hant`, so Traditional Chinese never falls back to `zh`
///   (which is Simplified). Likewise `zh-MO → zh-Hant-HK → zh-Hant`,
///   `zh-CN → zh`.
/// - `sr-Latn-RS → sr-Latn` and `sr-ME → sr-Latn` (root is the parent of
///   `sr-Latn`; `sr` is Cyrillic), `sr-RS → sr`.
/// - Other languages end the chain: CLDR's `hi-Latn → en-IN` and
///   `ht → fr-HT` are not followed, so `hi-Latn-IN → hi-Latn`, `ht-HT → ht`.
///   The one exception is a bare language whose CLDR parent is its
///   macrolanguage, also bare: CLDR 48 makes Norwegian `no` the parent of
///   Bokmål `nb` and Nynorsk `nn`, so `nb-NO → nb → no` and
///   `nn-NO → nn → no`.
pub fn fallback_chain(locale: &LocaleTag) -> Vec<LocaleTag> {
    let mut chain = vec![locale.clone()];
    let mut current = locale.clone();
    while let Some(parent) = cldr::parent(current.as_str()) {
        let Ok(parent) = LocaleTag::parse(&parent) else {
            break;
        };
        let same_language = parent.language() == current.language();
        if !(same_language || macrolanguage(&current) == Some(parent.as_str())) {
            break;
        }
        if chain.contains(&parent) {
            break; // never loops on CLDR data; a guard against a bad upgrade
        }
        chain.push(parent.clone());
        current = parent;
    }
    chain
}

/// The macrolanguage of a bare language when CLDR makes it the parent
/// (`nb` → `no`, `nn` → `no`).
fn macrolanguage(tag: &LocaleTag) -> Option<&'static str> {
    let language = tag.language();
    if tag.as_str() != language {
        return None;
    }
    cldr::parent_locale(language).filter(|p| *p != "root" && !p.contains('-') && *p != language)
}

/// Whether two tags are of one language: the same language subtag, or one is
/// the other's macrolanguage (`nb` and `no`, but not `nb` and `nn`).
fn same_language(a: &LocaleTag, b: &LocaleTag) -> bool {
    let macro_of = |language: &str| {
        LocaleTag::parse(language)
            .ok()
            .and_then(|t| macrolanguage(&t))
    };
    a.language() == b.language()
        || macro_of(a.language()) == Some(b.language())
        || macro_of(b.language()) == Some(a.language())
}

/// The chain of a required locale, with the default-content locale that
/// serves each step (if any).
struct Chain {
    steps: Vec<LocaleTag>,
    default_content: Vec<Option<String>>,
}

impl Chain {
    /// A step without a region (a bare language such as `en`, or a
    /// language and script such as `zh-Hant`) is also served by its CLDR
    /// default-content locale ([`cldr::default_content`]: `en` by `en-US`,
    /// `pt` by `pt-BR`, `zh-Hant` by `zh-Hant-TW`), the locale whose data the
    /// bare step's data is. There is no other exception: `en-GB → en-001 →
    /// en` is served by `en-US` at its last step, `pt-AO → pt-PT → pt` by
    /// `pt-BR`, as DESIGN §3 has it.
    fn new(required: &LocaleTag) -> Chain {
        let steps = fallback_chain(required);
        let default_content = steps
            .iter()
            .map(|step| cldr::default_content(step.as_str()))
            .collect();
        Chain {
            steps,
            default_content,
        }
    }

    /// Where `available` serves this chain: (step index, 0 for the step
    /// itself, 1 for another spelling, 2 for its default content).
    fn position(&self, available: &LocaleTag) -> Option<(usize, u8)> {
        self.steps.iter().enumerate().find_map(|(i, step)| {
            if step == available {
                Some((i, 0))
            } else if cldr::same_locale(step.as_str(), available.as_str()) {
                Some((i, 1))
            } else {
                self.default_content[i]
                    .as_deref()
                    .filter(|dc| cldr::same_locale(dc, available.as_str()))
                    .map(|_| (i, 2))
            }
        })
    }
}

/// The order of candidates: smaller is better.
type Rank = (u8, usize, u8);

fn classify(
    required: &LocaleTag,
    chain: &Chain,
    available: &LocaleTag,
    policy: MatchPolicy,
) -> Option<(Match, Rank)> {
    if required == available {
        return Some((Match::Exact, (0, 0, 0)));
    }
    if policy == MatchPolicy::Exact {
        return None;
    }
    if let Some((via, how)) = chain.position(available) {
        return Some((Match::Fallback { via }, (1, via, how)));
    }
    if policy == MatchPolicy::SameLanguage && same_language(required, available) {
        // Nearest common ancestor first (pt-MZ before pt-BR for pt-AO), then
        // the same script (zh-Hant-HK before zh-CN for zh-TW).
        let theirs = fallback_chain(available);
        let ancestor = chain
            .steps
            .iter()
            .position(|step| {
                theirs
                    .iter()
                    .any(|t| cldr::same_locale(step.as_str(), t.as_str()))
            })
            .unwrap_or(usize::MAX);
        let script = |tag: &LocaleTag| {
            cldr::likely_subtags(tag.as_str()).and_then(|t| t.split('-').nth(1).map(str::to_string))
        };
        let other_script = u8::from(script(required) != script(available));
        return Some((Match::SameLanguage, (2, ancestor, other_script)));
    }
    None
}

/// Whether `available` serves `required` under `policy` (DESIGN §3), and how:
///
/// - EXACT: only the same tag (`fr-CA` for `fr-CA`; not `fr`, not
///   `zh-Hant-TW` for `zh-TW`).
/// - CLDR_FALLBACK: also any step of [`fallback_chain`]`(required)`, another
///   spelling of a step (`zh-Hant-TW` for `zh-TW`), or the default-content
///   locale of a step without a region (`en-US` for `en-CA` and for `en-GB`,
///   through `en`; `pt-BR` for `pt-AO`, through `pt`; see
///   [`Match::Fallback`]).
/// - SAME_LANGUAGE: also any tag of the same language (`pt-BR` for `pt-AO`,
///   `sr-Cyrl` for `sr-Latn-RS`; `no` and its `nb`, `nn`).
///
/// Never across languages: `en` does not serve `fr-CA` under any policy.
pub fn satisfies(
    required: &LocaleTag,
    available: &LocaleTag,
    policy: MatchPolicy,
) -> Option<Match> {
    let chain = Chain::new(required);
    classify(required, &chain, available, policy).map(|(m, _)| m)
}

/// Every available locale that serves `required` under `policy`, best first
/// (the order of [`best_match`]): the bundles that a per-message fallback
/// tries, in turn, for each message. Deterministic, whatever the order of
/// `available`.
pub fn serving_order(
    required: &LocaleTag,
    available: &[LocaleTag],
    policy: MatchPolicy,
) -> Vec<(LocaleTag, Match)> {
    let chain = Chain::new(required);
    let mut ranked: Vec<(Rank, &LocaleTag, Match)> = available
        .iter()
        .filter_map(|a| classify(required, &chain, a, policy).map(|(m, rank)| (rank, a, m)))
        .collect();
    ranked.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    ranked.dedup_by(|x, y| x.1 == y.1);
    ranked.into_iter().map(|(_, a, m)| (a.clone(), m)).collect()
}

/// The available locale that best serves `required` under `policy`, or
/// `None`: the first of [`serving_order`]. Deterministic, whatever the order of `available`:
///
/// 1. the exact tag;
/// 2. the fallback with the nearest chain step (smallest `via`); at one step,
///    the step's own tag, then another spelling of it, then its
///    default-content locale (`en` before `en-US` for `en-CA`);
/// 3. a same-language locale sharing the nearest ancestor with `required`
///    (`pt-MZ`, under `pt-PT`, before `pt-BR` for `pt-AO`), then one in the
///    same script;
/// 4. remaining ties: the smallest tag (byte order of the canonical tags).
pub fn best_match(
    required: &LocaleTag,
    available: &[LocaleTag],
    policy: MatchPolicy,
) -> Option<(LocaleTag, Match)> {
    serving_order(required, available, policy)
        .into_iter()
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LocaleTag {
        LocaleTag::parse(s).unwrap()
    }

    fn tags(list: &[&str]) -> Vec<LocaleTag> {
        list.iter().map(|s| tag(s)).collect()
    }

    #[test]
    fn chains() {
        let cases: &[(&str, &[&str])] = &[
            ("fr-CA", &["fr-CA", "fr"]),
            ("fr", &["fr"]),
            ("es-US", &["es-US", "es-419", "es"]),
            ("es-MX", &["es-MX", "es-419", "es"]),
            ("es-419", &["es-419", "es"]),
            ("pt-AO", &["pt-AO", "pt-PT", "pt"]),
            ("pt-BR", &["pt-BR", "pt"]),
            ("en-IN", &["en-IN", "en-001", "en"]),
            ("en-GB", &["en-GB", "en-001", "en"]),
            ("en-CA", &["en-CA", "en"]),
            ("en-US", &["en-US", "en"]),
            ("en-CH", &["en-CH", "en-150", "en-001", "en"]),
            ("de-CH", &["de-CH", "de"]),
            ("zh-Hant-TW", &["zh-Hant-TW", "zh-Hant"]),
            ("zh-TW", &["zh-TW", "zh-Hant"]),
            ("zh-HK", &["zh-HK", "zh-Hant"]),
            ("zh-MO", &["zh-MO", "zh-Hant-HK", "zh-Hant"]),
            ("zh-CN", &["zh-CN", "zh"]),
            ("zh-Hans-CN", &["zh-Hans-CN", "zh-Hans", "zh"]),
            ("sr-Latn-RS", &["sr-Latn-RS", "sr-Latn"]),
            ("sr-ME", &["sr-ME", "sr-Latn"]),
            ("sr-RS", &["sr-RS", "sr"]),
            ("nb-NO", &["nb-NO", "nb", "no"]),
            ("nn-NO", &["nn-NO", "nn", "no"]),
            ("no", &["no"]),
            ("hi-Latn-IN", &["hi-Latn-IN", "hi-Latn"]),
            ("ht-HT", &["ht-HT", "ht"]),
            ("ja-Latn", &["ja-Latn"]),
            ("ca-ES-valencia", &["ca-ES-valencia", "ca-ES", "ca"]),
        ];
        for (locale, want) in cases {
            assert_eq!(fallback_chain(&tag(locale)), tags(want), "{locale}");
        }
    }

    #[test]
    fn policies() {
        use MatchPolicy::{CldrFallback as F, Exact as E, SameLanguage as S};
        let fb = |via| Some(Match::Fallback { via });
        let exact = Some(Match::Exact);
        let same = Some(Match::SameLanguage);
        let cases: &[(&str, &str, MatchPolicy, Option<Match>)] = &[
            ("fr-CA", "fr-CA", E, exact),
            ("fr-CA", "fr-CA", F, exact),
            ("fr-CA", "fr-CA", S, exact),
            ("fr-CA", "fr", E, None),
            ("fr-CA", "fr", F, fb(1)),
            ("fr-CA", "fr", S, fb(1)),
            ("fr-CA", "fr-FR", F, fb(1)),
            ("fr-CA", "fr-BE", F, None),
            ("fr-CA", "fr-BE", S, same),
            // A French rule is never met by English.
            ("fr-CA", "en", E, None),
            ("fr-CA", "en", F, None),
            ("fr-CA", "en", S, None),
            ("fr-CA", "en-CA", S, None),
            // en-CA → en, served by en's default content en-US.
            ("en-CA", "en-US", E, None),
            ("en-CA", "en-US", F, fb(1)),
            ("en-CA", "en-US", S, fb(1)),
            ("en-CA", "en", F, fb(1)),
            ("en", "en-US", F, fb(0)),
            ("en", "en-Latn-US", F, fb(0)),
            ("en-US", "en", F, fb(1)),
            ("en-CA", "en-GB", F, None),
            ("en-CA", "en-GB", S, same),
            // Regional varieties reach the default content at their bare
            // language: en-GB → en-001 → en (en-US).
            ("en-GB", "en-US", E, None),
            ("en-GB", "en-US", F, fb(2)),
            ("en-GB", "en-US", S, fb(2)),
            ("en-GB", "en-001", F, fb(1)),
            ("en-IN", "en", F, fb(2)),
            ("es-US", "es-419", F, fb(1)),
            ("es-US", "es", F, fb(2)),
            ("es-MX", "es-ES", F, fb(2)),
            ("es-MX", "es-ES", S, fb(2)),
            // pt-AO → pt-PT → pt; pt-BR only under SAME_LANGUAGE.
            ("pt-AO", "pt-PT", F, fb(1)),
            ("pt-AO", "pt", F, fb(2)),
            ("pt-AO", "pt-BR", E, None),
            ("pt-AO", "pt-BR", F, fb(2)),
            ("pt-AO", "pt-BR", S, fb(2)),
            ("pt-AO", "pt-MZ", F, None),
            ("pt-AO", "pt-MZ", S, same),
            ("pt-PT", "pt-BR", F, fb(1)),
            ("pt", "pt-BR", F, fb(0)),
            ("pt-BR", "pt", F, fb(1)),
            // Traditional Chinese never falls back to Simplified.
            ("zh-TW", "zh-Hant", F, fb(1)),
            ("zh-TW", "zh-Hant-TW", E, None),
            ("zh-TW", "zh-Hant-TW", F, fb(0)),
            ("zh-Hant-TW", "zh-TW", F, fb(0)),
            ("zh-TW", "zh", F, None),
            ("zh-TW", "zh-CN", F, None),
            ("zh-TW", "zh-CN", S, same),
            ("zh-HK", "zh-TW", F, fb(1)),
            ("zh-MO", "zh-HK", F, fb(1)),
            ("zh-SG", "zh-CN", F, fb(1)),
            ("zh-CN", "zh-Hans", F, fb(1)),
            // Serbian: Latin and Cyrillic are separate chains.
            ("sr-Latn-RS", "sr-Latn", F, fb(1)),
            ("sr-Latn-RS", "sr", F, None),
            ("sr-Latn-RS", "sr-Cyrl", S, same),
            ("sr-ME", "sr-Latn-RS", F, fb(1)),
            ("sr-RS", "sr-Cyrl-RS", F, fb(0)),
            // Norwegian: nb and nn fall back to their macrolanguage no.
            ("nb-NO", "nb", F, fb(1)),
            ("nb-NO", "no", F, fb(2)),
            ("nb-NO", "no-NO", F, fb(2)),
            ("nb-NO", "nn", S, None),
            ("no", "nb", F, None),
            ("no", "nb", S, same),
            ("hi-Latn", "en-IN", S, None),
        ];
        for (required, available, policy, want) in cases {
            assert_eq!(
                satisfies(&tag(required), &tag(available), *policy),
                *want,
                "{required} by {available} under {policy:?}"
            );
        }
    }

    #[test]
    fn best_match_prefers_exact_then_nearest_then_same_language() {
        use MatchPolicy::{CldrFallback as F, Exact as E, SameLanguage as S};
        let fb = |via| Match::Fallback { via };
        type Case<'a> = (
            &'a str,
            &'a [&'a str],
            MatchPolicy,
            Option<(&'a str, Match)>,
        );
        let cases: &[Case] = &[
            (
                "fr-CA",
                &["en", "fr", "fr-CA"],
                F,
                Some(("fr-CA", Match::Exact)),
            ),
            ("fr-CA", &["en", "fr-FR", "fr"], F, Some(("fr", fb(1)))),
            ("fr-CA", &["fr-FR", "en"], F, Some(("fr-FR", fb(1)))),
            ("fr-CA", &["en", "en-CA"], S, None),
            ("fr-CA", &["fr", "fr-FR"], E, None),
            (
                "es-US",
                &["es", "es-419", "es-MX"],
                F,
                Some(("es-419", fb(1))),
            ),
            ("es-US", &["es-ES", "es"], F, Some(("es", fb(2)))),
            ("es-US", &["es-ES", "es-MX"], F, Some(("es-ES", fb(2)))),
            // Same language: nearest common ancestor, then script, then tag.
            // On the chain (pt → pt-BR) before off it (pt-MZ).
            ("pt-AO", &["pt-BR", "pt-MZ"], S, Some(("pt-BR", fb(2)))),
            (
                "pt-AO",
                &["es", "pt-MZ"],
                S,
                Some(("pt-MZ", Match::SameLanguage)),
            ),
            ("pt-AO", &["pt-BR", "pt-PT"], S, Some(("pt-PT", fb(1)))),
            ("es-US", &["es-MX", "es-ES"], S, Some(("es-ES", fb(2)))),
            (
                "es-US",
                &["es-MX", "es-AR"],
                S,
                Some(("es-AR", Match::SameLanguage)),
            ),
            (
                "zh-TW",
                &["zh-CN", "zh-HK"],
                S,
                Some(("zh-HK", Match::SameLanguage)),
            ),
            ("en-CA", &["en-US", "en"], F, Some(("en", fb(1)))),
            (
                "en-CA",
                &["en-GB", "en-AU"],
                S,
                Some(("en-AU", Match::SameLanguage)),
            ),
            ("en-CA", &[], S, None),
        ];
        for (required, available, policy, want) in cases {
            let got = best_match(&tag(required), &tags(available), *policy);
            let want = want.map(|(t, m)| (tag(t), m));
            assert_eq!(got, want, "{required} from {available:?} under {policy:?}");
            // The order of the candidates does not matter.
            let mut reversed = tags(available);
            reversed.reverse();
            assert_eq!(best_match(&tag(required), &reversed, *policy), want);
        }
    }
}
