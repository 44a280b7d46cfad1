//! glocal's own texts, in Fluent: the resources under `locales/` (compiled
//! into the binary, so an installed `glocal` needs no data files), the choice
//! of a language for a process (`--lang`, `LC_ALL`, `LC_MESSAGES`, `LANG`) or
//! for one gRPC call (`accept-language`), and the formatting of a message.
//!
//! `en-US` is the source language: every other language translates all of
//! its messages (tests and CI check it with `glocal check`), and a message a
//! language lacked would still be shown in `en-US` rather than as its id.
//!
//! This module uses no other module of glocal, so every layer may use it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use fluent_bundle::{concurrent::FluentBundle, FluentArgs, FluentResource};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

/// The language glocal's texts are written in; the fallback of every other.
pub const SOURCE_LANGUAGE: &str = "en-US";

/// The Fluent files of one language folder under `locales/`, compiled in.
macro_rules! language {
    ($tag:literal) => {
        (
            $tag,
            &[
                (
                    "check.ftl",
                    include_str!(concat!("../locales/", $tag, "/check.ftl")),
                ),
                (
                    "dashboard.ftl",
                    include_str!(concat!("../locales/", $tag, "/dashboard.ftl")),
                ),
                (
                    "errors.ftl",
                    include_str!(concat!("../locales/", $tag, "/errors.ftl")),
                ),
                (
                    "findings.ftl",
                    include_str!(concat!("../locales/", $tag, "/findings.ftl")),
                ),
                (
                    "validation.ftl",
                    include_str!(concat!("../locales/", $tag, "/validation.ftl")),
                ),
                (
                    "validation-api.ftl",
                    include_str!(concat!("../locales/", $tag, "/validation-api.ftl")),
                ),
            ],
        )
    };
}

/// The Fluent files of each language, in the order a bundle loads them. The
/// first language is the source language.
const RESOURCES: &[(&str, &[(&str, &str)])] = &[
    language!("en-US"),
    language!("de"),
    language!("es"),
    language!("fr"),
    language!("ja"),
];

/// The Fluent sources compiled into glocal: `(language, [(file name, text)])`,
/// the source language first. For tests and tools that check the resources.
pub fn resources() -> &'static [(&'static str, &'static [(&'static str, &'static str)])] {
    RESOURCES
}

/// One loaded language.
struct Language {
    id: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
}

/// Every language, loaded once, in the order of [`RESOURCES`].
fn catalog() -> &'static [Language] {
    static CATALOG: OnceLock<Vec<Language>> = OnceLock::new();
    CATALOG.get_or_init(|| {
        RESOURCES
            .iter()
            .map(|(tag, files)| {
                let id: LanguageIdentifier = tag.parse().expect("the tags above are valid");
                let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
                // Terminals, CI logs and machine formats show the Unicode
                // isolation marks as noise; the texts are plain.
                bundle.set_use_isolating(false);
                for (file, source) in *files {
                    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(
                        |(resource, errors)| {
                            tracing::error!(language = %tag, file, ?errors, "glocal's own Fluent file has syntax errors");
                            resource
                        },
                    );
                    if let Err(errors) = bundle.add_resource(resource) {
                        tracing::error!(language = %tag, file, ?errors, "glocal's own Fluent file defines an id twice");
                    }
                }
                Language { id, bundle }
            })
            .collect()
    })
}

/// A language of glocal's texts: formats its messages. Cheap to copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Texts {
    index: usize,
}

impl Default for Texts {
    /// The source language, `en-US`.
    fn default() -> Self {
        Texts { index: 0 }
    }
}

impl Texts {
    /// The languages glocal has texts in, the source language first.
    pub fn available() -> Vec<LanguageIdentifier> {
        catalog().iter().map(|l| l.id.clone()).collect()
    }

    /// The best available language for a list of wanted ones, most wanted
    /// first (`de-AT` is served by `de`, `en-GB` by `en-US`); the source
    /// language when none matches.
    pub fn negotiate(wanted: &[LanguageIdentifier]) -> Texts {
        Self::best_match(wanted).unwrap_or_default()
    }

    /// The best available language for a list of wanted ones, like
    /// [`Texts::negotiate`]; `None` when none matches.
    pub fn best_match(wanted: &[LanguageIdentifier]) -> Option<Texts> {
        let available = Self::available();
        let chosen = negotiate_languages(wanted, &available, None, NegotiationStrategy::Lookup);
        let first = *chosen.first()?;
        let index = available.iter().position(|a| a == first)?;
        Some(Texts { index })
    }

    /// The language chosen by an HTTP `Accept-Language` value such as
    /// `fr-CA, fr;q=0.9, en;q=0.5`: by weight, then by order; `None` when
    /// the value names no language (empty, `*` or unparsable).
    pub fn from_accept_language(value: &str) -> Option<Texts> {
        let wanted = parse_accept_language(value);
        if wanted.is_empty() {
            None
        } else {
            Some(Texts::negotiate(&wanted))
        }
    }

    /// Whether this is the source language, `en-US`, in which glocal's
    /// English words (details, descriptions, JSON) are already written.
    pub fn is_source(&self) -> bool {
        self.index == 0
    }

    /// The language this formats in.
    pub fn language(&self) -> &'static LanguageIdentifier {
        &catalog()[self.index].id
    }

    /// The tag of this language under `locales/` (`de`, `en-US`), which
    /// names it in caches.
    pub fn language_tag(&self) -> &'static str {
        RESOURCES.get(self.index).map_or("en-US", |(tag, _)| tag)
    }

    /// The message `id` with `args`; in the source language if this one
    /// lacks it, and the id itself if no language has it (a bug, which the
    /// tests rule out).
    pub fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        self.format_part(id, None, args)
    }

    /// The attribute `attribute` of the message `id`, like [`Texts::format`].
    pub fn format_attribute(&self, id: &str, attribute: &str, args: Option<&FluentArgs>) -> String {
        self.format_part(id, Some(attribute), args)
    }

    fn format_part(&self, id: &str, attribute: Option<&str>, args: Option<&FluentArgs>) -> String {
        let catalog = catalog();
        for language in [&catalog[self.index], &catalog[0]] {
            let Some(message) = language.bundle.get_message(id) else {
                continue;
            };
            let pattern = match attribute {
                None => message.value(),
                Some(name) => message.get_attribute(name).map(|a| a.value()),
            };
            let Some(pattern) = pattern else { continue };
            let mut errors = Vec::new();
            let text = language.bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(message = id, language = %language.id, ?errors, "formatting one of glocal's texts failed");
            }
            return text.into_owned();
        }
        tracing::warn!(
            message = id,
            "one of glocal's texts is missing in every language"
        );
        match attribute {
            Some(a) => format!("{id}.{a}"),
            None => id.to_string(),
        }
    }
}

/// A message of glocal's texts with its arguments, and texts appended to it:
/// something said now and rendered later, in whatever language the reader
/// has (a finding's detail, a field violation). Its English rendering is
/// what logs, JSON and baselines keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    id: &'static str,
    args: Vec<(&'static str, TextArg)>,
    appended: Vec<Text>,
}

/// An argument of a [`Text`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum TextArg {
    Text(String),
    Number(i64),
    /// Texts joined by the separator that the message `separator` gives
    /// (`check-list-separator`, `check-clause-separator`).
    Joined {
        items: Vec<Text>,
        separator: &'static str,
    },
}

impl Text {
    /// The message `id`, without arguments yet.
    pub fn new(id: &'static str) -> Self {
        Text {
            id,
            args: Vec::new(),
            appended: Vec::new(),
        }
    }

    /// Adds the text argument `name`.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, TextArg::Text(value.into())));
        self
    }

    /// Adds the number argument `name` (plural forms select on it).
    pub fn number(mut self, name: &'static str, value: impl Into<i64>) -> Self {
        self.args.push((name, TextArg::Number(value.into())));
        self
    }

    /// Adds the number argument `name` from a count or size (saturating at
    /// `i64::MAX`, which no count reaches).
    pub fn count(self, name: &'static str, value: usize) -> Self {
        self.number(name, i64::try_from(value).unwrap_or(i64::MAX))
    }

    /// Adds the argument `name`: texts listed with the language's separator.
    pub fn list(mut self, name: &'static str, items: Vec<Text>) -> Self {
        self.args.push((
            name,
            TextArg::Joined {
                items,
                separator: "check-list-separator",
            },
        ));
        self
    }

    /// Adds the argument `name`: clauses joined with the language's separator.
    pub fn clauses(mut self, name: &'static str, items: Vec<Text>) -> Self {
        self.args.push((
            name,
            TextArg::Joined {
                items,
                separator: "check-clause-separator",
            },
        ));
        self
    }

    /// Adds `$part` and `$attribute`: the value of a message, or its
    /// attribute `attribute`.
    pub fn part(self, attribute: Option<&str>) -> Self {
        match attribute {
            Some(name) => self.text("part", "attribute").text("attribute", name),
            None => self.text("part", "value").text("attribute", ""),
        }
    }

    /// Appends `text`, after a space, in every language.
    pub fn append(&mut self, text: Text) {
        self.appended.push(text);
    }

    /// The text in `texts`' language: the message, then each appended text
    /// after a space.
    pub fn render(&self, texts: Texts) -> String {
        let mut args = FluentArgs::new();
        for (name, arg) in &self.args {
            match arg {
                TextArg::Text(value) => args.set(*name, value.as_str()),
                TextArg::Number(value) => args.set(*name, *value),
                TextArg::Joined { items, separator } => {
                    let separator = texts.format(separator, None);
                    let joined: Vec<String> = items.iter().map(|i| i.render(texts)).collect();
                    args.set(*name, joined.join(&separator));
                }
            }
        }
        let mut out = texts.format(self.id, Some(&args));
        for text in &self.appended {
            out.push(' ');
            out.push_str(&text.render(texts));
        }
        out
    }
}

impl std::fmt::Display for Text {
    /// The text in `en-US`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Texts::default()))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.to_string()
    }
}

/// The languages an `Accept-Language` value asks for, by descending weight
/// (`q`), in order among equal weights; `*`, `q=0` and unparsable entries are
/// left out.
pub fn parse_accept_language(value: &str) -> Vec<LanguageIdentifier> {
    let mut wanted: Vec<(f32, LanguageIdentifier)> = value
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let mut weight = 1.0_f32;
            for parameter in parts {
                if let Some((name, value)) = parameter.split_once('=') {
                    if name.trim().eq_ignore_ascii_case("q") {
                        weight = value.trim().parse().ok()?;
                    }
                }
            }
            if tag.is_empty() || tag == "*" || weight.is_nan() || weight <= 0.0 {
                return None;
            }
            Some((weight, tag.parse().ok()?))
        })
        .collect();
    // A stable sort keeps the client's order among equal weights.
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
    wanted.into_iter().map(|(_, id)| id).collect()
}

/// The language the POSIX locale variables ask for: the first set of
/// `LC_ALL`, `LC_MESSAGES` and `LANG` (as `getenv` gives them), with its
/// encoding and modifier dropped (`de_DE.UTF-8@euro` is `de-DE`). `None` for
/// the `C` and `POSIX` locales or a value that names no language.
pub fn language_from_posix_env(
    getenv: impl Fn(&str) -> Option<String>,
) -> Option<LanguageIdentifier> {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| getenv(name))
        .find(|v| !v.is_empty())?;
    let name = value.split(['.', '@']).next().unwrap_or_default();
    if name.is_empty() || name == "C" || name == "POSIX" {
        return None;
    }
    name.replace('_', "-").parse().ok()
}

/// The index of the process's language in the catalog.
static PROCESS_TEXTS: AtomicUsize = AtomicUsize::new(0);

/// Chooses the language of this process's texts (the command line does,
/// before it prints anything).
pub fn set_process_texts(texts: Texts) {
    PROCESS_TEXTS.store(texts.index, Ordering::Relaxed);
}

/// The language of this process's texts: the one set by
/// [`set_process_texts`], else the source language.
pub fn process_texts() -> Texts {
    Texts {
        index: PROCESS_TEXTS.load(Ordering::Relaxed),
    }
}

/// Formats message `$id` of [`process_texts`], with optional
/// `"name" => value` arguments (anything `FluentValue` converts from:
/// strings, numbers).
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::l10n::process_texts().format($id, None)
    };
    ($id:expr, $($name:literal => $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set($name, $value); )+
        $crate::l10n::process_texts().format($id, Some(&args))
    }};
}

/// Like [`tr!`], with the language given: `tr_in!(texts, id, "name" => value)`.
#[macro_export]
macro_rules! tr_in {
    ($texts:expr, $id:expr) => {
        $texts.format($id, None)
    };
    ($texts:expr, $id:expr, $($name:literal => $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set($name, $value); )+
        $texts.format($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<LanguageIdentifier> {
        list.iter().map(|t| t.parse().unwrap()).collect()
    }

    #[test]
    fn negotiation_picks_the_closest_available_language() {
        let table: &[(&[&str], &str)] = &[
            (&["de-AT"], "de"),
            (&["de"], "de"),
            (&["fr-CA", "en"], "fr"),
            (&["ja-JP"], "ja"),
            (&["es-419"], "es"),
            (&["en-GB"], "en-US"),
            (&["pt-BR"], "en-US"),
            (&["pt-BR", "es"], "es"),
            (&[], "en-US"),
        ];
        for (wanted, expected) in table {
            let texts = Texts::negotiate(&tags(wanted));
            assert_eq!(texts.language().to_string(), *expected, "wanted {wanted:?}");
        }
    }

    #[test]
    fn accept_language_honours_weights_then_order() {
        let table: &[(&str, &[&str])] = &[
            ("fr-CA, fr;q=0.9, en;q=0.5", &["fr-CA", "fr", "en"]),
            ("en;q=0.1, ja", &["ja", "en"]),
            ("de;q=0.5, es;q=0.5", &["de", "es"]),
            ("*, fr;q=0, it", &["it"]),
            ("", &[]),
            ("not a tag!, es", &["es"]),
            ("de;q=abc, ja", &["ja"]),
            ("fr; Q = 0.2, es;q=0.5", &["es", "fr"]),
        ];
        for (value, expected) in table {
            let got: Vec<String> = parse_accept_language(value)
                .iter()
                .map(|l| l.to_string())
                .collect();
            assert_eq!(got, *expected, "Accept-Language {value:?}");
        }
        assert_eq!(Texts::from_accept_language("*"), None);
        assert_eq!(
            Texts::from_accept_language("pt, fr;q=0.2")
                .unwrap()
                .language()
                .to_string(),
            "fr"
        );
    }

    #[test]
    fn posix_locale_variables_in_their_order_of_precedence() {
        type Variables<'a> = &'a [(&'a str, &'a str)];
        let table: &[(Variables, Option<&str>)] = &[
            (&[("LANG", "de_DE.UTF-8")], Some("de-DE")),
            (&[("LANG", "fr_CA.ISO8859-1@euro")], Some("fr-CA")),
            (&[("LANG", "ja")], Some("ja")),
            (&[("LANG", "C.UTF-8")], None),
            (&[("LANG", "POSIX")], None),
            (
                &[("LANG", "de_DE"), ("LC_MESSAGES", "es_ES")],
                Some("es-ES"),
            ),
            (
                &[
                    ("LANG", "de_DE"),
                    ("LC_MESSAGES", "es_ES"),
                    ("LC_ALL", "ja_JP"),
                ],
                Some("ja-JP"),
            ),
            (&[("LANG", "fr"), ("LC_ALL", "")], Some("fr")),
            (&[], None),
        ];
        for (vars, expected) in table {
            let got = language_from_posix_env(|name| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            });
            assert_eq!(got.map(|l| l.to_string()).as_deref(), *expected, "{vars:?}");
        }
    }

    #[test]
    fn a_message_missing_everywhere_shows_its_id() {
        assert_eq!(
            Texts::default().format("no-such-message", None),
            "no-such-message"
        );
    }
}
