//! Unicode CLDR data for the coverage engine: parent locales, likely subtags
//! and default content, official languages per territory and plural
//! categories.
//!
//! The data is `src/data/cldr/cldr.json`, generated from the npm package
//! `cldr-core` by `src/data/cldr/generate.mjs` (see the README there) and
//! compiled into the binary; it is parsed once, on first use. Nothing here
//! does I/O.
//!
//! Functions take tags as `&str` in any case (`EN-ca` is `en-CA`); a tag that
//! is not a well-formed BCP 47 language identifier with a language is treated
//! as unknown. Language aliases are not applied (`iw` is not `he`).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

/// The generated data, embedded at compile time.
const CLDR_JSON: &str = include_str!("../data/cldr/cldr.json");

/// How official a language is in a territory, as CLDR's `territoryInfo`
/// records it (`_officialStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficialStatus {
    /// Official in the whole territory (`official`), such as French in Canada.
    Official,
    /// Not official by law but the language of government in practice
    /// (`de_facto_official`), such as English in the United States.
    DeFactoOfficial,
    /// Official in a part of the territory (`official_regional`), such as
    /// Romansh in Switzerland or Bengali in India.
    OfficialRegional,
}

impl OfficialStatus {
    /// The CLDR spelling: `official`, `de_facto_official` or `official_regional`.
    pub fn as_str(self) -> &'static str {
        match self {
            OfficialStatus::Official => "official",
            OfficialStatus::DeFactoOfficial => "de_facto_official",
            OfficialStatus::OfficialRegional => "official_regional",
        }
    }
}

/// A language with an official status in a territory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OfficialLanguage {
    /// The language tag as CLDR writes it, hyphenated: `fr`, `iu-Latn`.
    pub language: &'static str,
    /// How official it is.
    pub status: OfficialStatus,
    /// CLDR's estimate of the share of the population that speaks it, in
    /// percent (0–100; shares of one territory can add up to more than 100).
    pub population_percent: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Meta {
    cldr_core_version: String,
    cldr_version: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OfficialEntry {
    population_percent: f64,
    status: OfficialStatus,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Raw<'a> {
    meta: Meta,
    parent_locale_rules: HashMap<String, String>,
    parent_locales: HashMap<String, String>,
    likely_subtags: HashMap<String, String>,
    /// Language tags borrowed from [`CLDR_JSON`], so they are `'static`.
    #[serde(borrow)]
    official_languages: HashMap<String, HashMap<&'a str, OfficialEntry>>,
    plural_categories: HashMap<String, Vec<String>>,
}

/// The loaded data, with the indexes the queries need.
struct Cldr {
    meta: Meta,
    /// Whether a locale whose script is not its language's likely script has
    /// root as its parent (CLDR 46+ `nonlikelyScript` rule).
    nonlikely_script_is_root: bool,
    parent_locales: HashMap<String, String>,
    likely_subtags: HashMap<String, String>,
    official_languages: HashMap<String, Vec<OfficialLanguage>>,
    plural_categories: HashMap<String, Vec<String>>,
    other: Vec<String>,
}

fn data() -> &'static Cldr {
    static DATA: OnceLock<Cldr> = OnceLock::new();
    DATA.get_or_init(|| {
        // The file is generated and compiled in; the tests parse it, so a
        // failure here is a broken build, not bad input.
        let raw: Raw<'static> =
            serde_json::from_str(CLDR_JSON).expect("src/data/cldr/cldr.json is valid");
        let mut official_languages: HashMap<String, Vec<OfficialLanguage>> = HashMap::new();
        for (territory, languages) in raw.official_languages {
            let mut list: Vec<OfficialLanguage> = languages
                .into_iter()
                .map(|(language, entry)| OfficialLanguage {
                    language,
                    status: entry.status,
                    population_percent: entry.population_percent,
                })
                .collect();
            list.sort_by(|a, b| {
                b.population_percent
                    .total_cmp(&a.population_percent)
                    .then_with(|| a.language.cmp(b.language))
            });
            official_languages.insert(territory, list);
        }
        Cldr {
            meta: raw.meta,
            nonlikely_script_is_root: raw
                .parent_locale_rules
                .get("nonlikelyScript")
                .is_some_and(|p| p == "root"),
            parent_locales: raw.parent_locales,
            likely_subtags: raw.likely_subtags,
            official_languages,
            plural_categories: raw.plural_categories,
            other: vec!["other".to_string()],
        }
    })
}

/// A locale identifier taken apart, in canonical case.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Parts {
    language: String,
    script: Option<String>,
    region: Option<String>,
    variants: Vec<String>,
}

impl Parts {
    fn parse(tag: &str) -> Option<Parts> {
        let id: LanguageIdentifier = tag.parse().ok()?;
        let language = id.language.as_str().to_string();
        if language.is_empty() {
            return None;
        }
        Some(Parts {
            language,
            script: id.script.map(|s| s.as_str().to_string()),
            region: id.region.map(|r| r.as_str().to_string()),
            variants: id.variants().map(|v| v.as_str().to_string()).collect(),
        })
    }

    fn tag(&self) -> String {
        let mut tag = self.language.clone();
        for part in self.script.iter().chain(&self.region).chain(&self.variants) {
            tag.push('-');
            tag.push_str(part);
        }
        tag
    }

    fn with_script(&self, script: Option<&str>) -> Parts {
        Parts {
            script: script.map(str::to_string),
            ..self.clone()
        }
    }
}

/// The likely `(script, region)` of `parts` per CLDR's "add likely subtags"
/// lookup (language-script-region, language-region, language-script,
/// language), before the subtags `parts` already has are kept.
fn likely_parts(parts: &Parts) -> Option<(&'static str, &'static str)> {
    let d = data();
    let lang = &parts.language;
    let mut keys = Vec::with_capacity(4);
    if let (Some(s), Some(r)) = (&parts.script, &parts.region) {
        keys.push(format!("{lang}-{s}-{r}"));
    }
    if let Some(r) = &parts.region {
        keys.push(format!("{lang}-{r}"));
    }
    if let Some(s) = &parts.script {
        keys.push(format!("{lang}-{s}"));
    }
    keys.push(lang.clone());
    let found = keys.iter().find_map(|k| d.likely_subtags.get(k))?;
    let mut subtags = found.split('-').skip(1);
    Some((subtags.next()?, subtags.next()?))
}

/// The script `parts` is written in: its own, else the likely one.
fn script_of(parts: &Parts) -> Option<String> {
    parts
        .script
        .clone()
        .or_else(|| likely_parts(parts).map(|(s, _)| s.to_string()))
}

/// The likely script of the bare language of `parts` (`Latn` for `en`,
/// `Hans` for `zh`, `Cyrl` for `sr`).
fn default_script(parts: &Parts) -> Option<&'static str> {
    let bare = Parts {
        language: parts.language.clone(),
        script: None,
        region: None,
        variants: Vec::new(),
    };
    likely_parts(&bare).map(|(s, _)| s)
}

/// Other spellings of the same locale: for a tag with a region, the tag with
/// its likely script added (`zh-TW` → `zh-Hant-TW`) or, when its script is the
/// likely one, removed (`en-Latn-IN` → `en-IN`).
fn spellings(parts: &Parts) -> Vec<Parts> {
    let mut out = vec![parts.clone()];
    if parts.region.is_none() {
        return out;
    }
    let likely = likely_parts(&parts.with_script(None)).map(|(s, _)| s);
    match (&parts.script, likely) {
        (None, Some(s)) => out.push(parts.with_script(Some(s))),
        (Some(s), Some(l)) if s == l => out.push(parts.with_script(None)),
        _ => {}
    }
    out
}

/// The CLDR version of the data, such as `"48"`.
pub fn version() -> &'static str {
    &data().meta.cldr_version
}

/// The version of the npm package `cldr-core` the data was generated from,
/// such as `"48.2.0"`.
pub fn cldr_core_version() -> &'static str {
    &data().meta.cldr_core_version
}

/// The explicit entry for `tag` in CLDR's parent-locale map, or `None` when
/// the map has none: `es-US` → `es-419`, `pt-AO` → `pt-PT`, `en-IN` →
/// `en-001`, `zh-Hant` → `root`. Only the map itself; [`parent`] also applies
/// truncation and the rules.
pub fn parent_locale(tag: &str) -> Option<&'static str> {
    let parts = Parts::parse(tag)?;
    data().parent_locales.get(&parts.tag()).map(String::as_str)
}

/// The CLDR parent of `tag` (UTS #35, "Parent Locales"), or `None` when it is
/// root or `tag` is not a locale:
///
/// 1. the explicit parent-locale entry (also under the tag's other spelling,
///    so `zh-MO`, that is `zh-Hant-MO`, has the parent `zh-Hant-HK`);
/// 2. else drop the last variant (`ca-ES-valencia` → `ca-ES`);
/// 3. else drop the region (`fr-CA` → `fr`, `sr-Latn-RS` → `sr-Latn`); a
///    region whose likely script is not the language's keeps that script
///    (`zh-TW` → `zh-Hant`, `sr-ME` → `sr-Latn`), because `zh-TW` is the
///    Traditional Chinese locale `zh-Hant-TW`;
/// 4. else drop a script that is the language's likely one (`zh-Hans` →
///    `zh`); any other script has root as its parent (CLDR's
///    `nonlikelyScript` rule: `ja-Latn` → root);
/// 5. a bare language has root as its parent.
///
/// This is CLDR's parent, which may be another language (`hi-Latn` →
/// `en-IN`, `nb` → `no`); [`super::fallback::fallback_chain`] decides which
/// steps a coverage chain follows.
pub fn parent(tag: &str) -> Option<String> {
    let parts = Parts::parse(tag)?;
    let d = data();
    for spelling in spellings(&parts) {
        if let Some(p) = d.parent_locales.get(&spelling.tag()) {
            return (p != "root").then(|| p.clone());
        }
    }
    let mut up = parts.clone();
    if !up.variants.is_empty() {
        up.variants.pop();
    } else if up.region.is_some() {
        if up.script.is_none() {
            let script = likely_parts(&up).map(|(s, _)| s);
            if script.is_some() && script != default_script(&up) {
                up.script = script.map(str::to_string);
            }
        }
        up.region = None;
    } else if let Some(script) = &up.script {
        let default = default_script(&up);
        if d.nonlikely_script_is_root && default.is_some() && default != Some(script.as_str()) {
            return None;
        }
        up.script = None;
    } else {
        return None;
    }
    Some(up.tag())
}

/// The locale with its likely script and region filled in (CLDR "add likely
/// subtags"): `en` → `en-Latn-US`, `zh-TW` → `zh-Hant-TW`, `sr-Latn` →
/// `sr-Latn-RS`, `fr-CA` → `fr-Latn-CA`. Variants are kept. `None` for a
/// language CLDR does not know.
pub fn likely_subtags(tag: &str) -> Option<String> {
    let parts = Parts::parse(tag)?;
    let (script, region) = likely_parts(&parts)?;
    Parts {
        script: Some(parts.script.clone().unwrap_or_else(|| script.to_string())),
        region: Some(parts.region.clone().unwrap_or_else(|| region.to_string())),
        ..parts
    }
    .tag()
    .into()
}

/// Whether `a` and `b` name the same locale, spelled with and without its
/// likely script: `zh-TW` and `zh-Hant-TW`, `sr-RS` and `sr-Cyrl-RS`, `en` and
/// `en-Latn`; but not `sr-ME` and `sr-Cyrl-ME` (Montenegrin Serbian is
/// likely Latin). Tags of an unknown language are the same only if equal.
pub fn same_locale(a: &str, b: &str) -> bool {
    let key = |tag: &str| {
        Parts::parse(tag).map(|p| {
            let script = script_of(&p);
            p.with_script(script.as_deref()).tag()
        })
    };
    match (key(a), key(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// The default-content locale of a language (or language-script): the
/// locale CLDR's data for it really is, which serves a chain that reaches it.
///
/// The rule: take the likely subtags (`en` → `en-Latn-US`) and drop the
/// script when it is the language's likely script: `en` → `en-US`, `fr` →
/// `fr-FR`, `pt` → `pt-BR`, `es` → `es-ES`, `zh` → `zh-CN`, `sr` → `sr-RS`,
/// `ar` → `ar-EG`; with another script the script stays: `zh-Hant` →
/// `zh-Hant-TW`, `sr-Latn` → `sr-Latn-RS`.
///
/// This follows likely subtags, which is CLDR's default content for every
/// language except `ar`, whose default-content locale in CLDR is the
/// macro-region `ar-001` (Modern Standard Arabic), not `ar-EG`.
///
/// `None` for a tag with a region or variants, and for a language CLDR does
/// not know.
pub fn default_content(language: &str) -> Option<String> {
    let parts = Parts::parse(language)?;
    if parts.region.is_some() || !parts.variants.is_empty() {
        return None;
    }
    let (script, region) = likely_parts(&parts)?;
    let script = parts.script.clone().unwrap_or_else(|| script.to_string());
    let keep_script = default_script(&parts) != Some(script.as_str());
    Some(
        Parts {
            script: keep_script.then_some(script),
            region: Some(region.to_string()),
            ..parts
        }
        .tag(),
    )
}

/// The languages with an official status in `territory` (an ISO 3166-1
/// alpha-2 code, any case), most spoken first (ties by tag): `CA` → `en`
/// (official, 87 %), `fr` (official, 29 %), then regional ones such as `iu`.
/// Filter on [`OfficialLanguage::status`] to choose. Empty for an unknown
/// territory.
pub fn official_languages(territory: &str) -> &'static [OfficialLanguage] {
    data()
        .official_languages
        .get(&territory.to_ascii_uppercase())
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// The cardinal plural categories a locale's translations need, in the order
/// zero, one, two, few, many, other: `en` → `[one, other]`, `ja` →
/// `[other]`, `pl` → `[one, few, many, other]`.
///
/// Looks up the locale, then its CLDR parents within the same language
/// (`pt-AO` → `pt-PT`), then its bare language (`fr-CA` → `fr`); a language
/// CLDR has no rules for gets `[other]`.
pub fn plural_categories(locale: &str) -> &'static [String] {
    let d = data();
    let Some(parts) = Parts::parse(locale) else {
        return &d.other;
    };
    let mut tag = parts.tag();
    for _ in 0..16 {
        if let Some(categories) = d.plural_categories.get(&tag) {
            return categories;
        }
        match parent(&tag) {
            Some(p) if Parts::parse(&p).is_some_and(|p| p.language == parts.language) => tag = p,
            _ => break,
        }
    }
    d.plural_categories.get(&parts.language).unwrap_or(&d.other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_the_generated_data() {
        assert_eq!(version(), "48");
        assert_eq!(cldr_core_version(), "48.2.0");
        assert!(data().nonlikely_script_is_root);
        assert!(data().likely_subtags.len() > 7000);
    }

    #[test]
    fn parent_locale_map() {
        let cases = [
            ("es-US", Some("es-419")),
            ("pt-AO", Some("pt-PT")),
            ("en-IN", Some("en-001")),
            ("en-GB", Some("en-001")),
            ("en-CH", Some("en-150")),
            ("zh-Hant", Some("root")),
            ("zh-Hant-MO", Some("zh-Hant-HK")),
            ("sr-Latn", Some("root")),
            ("en-001", None),
            ("fr-CA", None),
            ("pt-BR", None),
            ("not a tag", None),
        ];
        for (tag, want) in cases {
            assert_eq!(parent_locale(tag), want, "{tag}");
        }
    }

    /// The parent-locale entries that change language, which
    /// `fallback_chain` cuts (or, for the macrolanguage `no`, follows). A CLDR
    /// upgrade that changes this list needs a look at `fallback_chain`.
    #[test]
    fn cross_language_parents_in_the_data() {
        let language = |tag: &str| tag.split('-').next().unwrap_or_default().to_string();
        let mut crossing: Vec<(&str, &str)> = data()
            .parent_locales
            .iter()
            .filter(|(child, parent)| *parent != "root" && language(child) != language(parent))
            .map(|(child, parent)| (child.as_str(), parent.as_str()))
            .collect();
        crossing.sort();
        assert_eq!(
            crossing,
            [
                ("hi-Latn", "en-IN"),
                ("ht", "fr-HT"),
                ("nb", "no"),
                ("nn", "no")
            ]
        );
    }

    #[test]
    fn parents_by_rule() {
        let cases = [
            ("fr-CA", Some("fr")),
            ("es-US", Some("es-419")),
            ("es-419", Some("es")),
            ("en-001", Some("en")),
            ("zh-TW", Some("zh-Hant")),
            ("zh-MO", Some("zh-Hant-HK")),
            ("zh-Hant-HK", Some("zh-Hant")),
            ("zh-Hant", None),
            ("zh-CN", Some("zh")),
            ("zh-Hans", Some("zh")),
            ("sr-ME", Some("sr-Latn")),
            ("sr-Cyrl-ME", Some("sr-Cyrl")),
            ("sr-Cyrl", Some("sr")),
            ("sr-Latn-RS", Some("sr-Latn")),
            ("ja-Latn", None),
            ("en-Latn-IN", Some("en-001")),
            ("ca-ES-valencia", Some("ca-ES")),
            ("hi-Latn", Some("en-IN")),
            ("nb", Some("no")),
            ("en", None),
        ];
        for (tag, want) in cases {
            assert_eq!(parent(tag).as_deref(), want, "{tag}");
        }
    }

    #[test]
    fn likely_subtags_and_default_content() {
        for (tag, want) in [
            ("en", "en-Latn-US"),
            ("zh-TW", "zh-Hant-TW"),
            ("sr-Latn", "sr-Latn-RS"),
            ("fr-CA", "fr-Latn-CA"),
            ("zh-SG", "zh-Hans-SG"),
        ] {
            assert_eq!(likely_subtags(tag).as_deref(), Some(want), "{tag}");
        }
        assert_eq!(likely_subtags("qqq"), None);
        let cases = [
            ("en", Some("en-US")),
            ("fr", Some("fr-FR")),
            ("pt", Some("pt-BR")),
            ("es", Some("es-ES")),
            ("de", Some("de-DE")),
            ("zh", Some("zh-CN")),
            ("sr", Some("sr-RS")),
            ("ja", Some("ja-JP")),
            ("ar", Some("ar-EG")),
            ("nb", Some("nb-NO")),
            ("zh-Hant", Some("zh-Hant-TW")),
            ("zh-Hans", Some("zh-CN")),
            ("sr-Latn", Some("sr-Latn-RS")),
            ("en-US", None),
            ("qqq", None),
        ];
        for (language, want) in cases {
            assert_eq!(default_content(language).as_deref(), want, "{language}");
        }
    }

    #[test]
    fn same_locale_spellings() {
        assert!(same_locale("zh-TW", "zh-Hant-TW"));
        assert!(same_locale("sr-RS", "sr-Cyrl-RS"));
        assert!(same_locale("en", "en-Latn"));
        assert!(same_locale("fr-CA", "FR-ca"));
        assert!(!same_locale("sr-ME", "sr-Cyrl-ME"));
        assert!(!same_locale("zh-TW", "zh-CN"));
        assert!(!same_locale("en-US", "en"));
    }

    #[test]
    fn plural_categories_by_language() {
        let cases: &[(&str, &[&str])] = &[
            ("en", &["one", "other"]),
            ("en-GB", &["one", "other"]),
            ("ja", &["other"]),
            ("ar", &["zero", "one", "two", "few", "many", "other"]),
            ("pl", &["one", "few", "many", "other"]),
            ("ru", &["one", "few", "many", "other"]),
            ("fr", &["one", "many", "other"]),
            ("fr-CA", &["one", "many", "other"]),
            ("cy", &["zero", "one", "two", "few", "many", "other"]),
            ("pt-AO", &["one", "many", "other"]),
            ("qqq", &["other"]),
            ("not a tag", &["other"]),
        ];
        for (locale, want) in cases {
            assert_eq!(plural_categories(locale), *want, "{locale}");
        }
    }

    #[test]
    fn official_languages_per_territory() {
        fn official(territory: &str) -> Vec<&'static str> {
            official_languages(territory)
                .iter()
                .filter(|l| l.status != OfficialStatus::OfficialRegional)
                .map(|l| l.language)
                .collect()
        }
        assert_eq!(official("CA"), ["en", "fr"]);
        assert_eq!(official("ca"), ["en", "fr"]);
        assert_eq!(official("BE"), ["nl", "fr", "de"]);
        assert_eq!(official("FI"), ["fi", "sv"]);
        // Swiss German is de facto official; Romansh is official_regional.
        assert_eq!(official("CH"), ["de", "gsw", "fr", "it"]);
        let ch: Vec<_> = official_languages("CH")
            .iter()
            .map(|l| l.language)
            .collect();
        assert_eq!(ch, ["de", "gsw", "fr", "it", "rm"]);
        let india = official_languages("IN");
        assert_eq!(india[0].language, "hi");
        assert_eq!(india[0].status, OfficialStatus::Official);
        assert!(india
            .iter()
            .any(|l| l.language == "en" && l.status == OfficialStatus::Official));
        assert!(india.iter().any(|l| l.language == "bn"));
        let fr = official_languages("CA")[1];
        assert_eq!((fr.language, fr.population_percent), ("fr", 29.0));
        assert_eq!(
            official_languages("US")[0].status,
            OfficialStatus::DeFactoOfficial
        );
        assert!(official_languages("ZZ").is_empty());
    }
}
