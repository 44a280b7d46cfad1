//! Pseudolocalization: Fluent text made to look translated before any
//! translation exists, so that engineers see clipped, hard-coded or
//! concatenated strings in their UI.
//!
//! The transforms are `fluent-pseudo`'s, with the settings Firefox uses for
//! its two pseudo-locales (`intl.l10n.pseudo`): **accented** elongates and
//! accents Latin letters (`Hello` → `[Ħeeŀŀoo]`, vowels doubled to make
//! the text about a third longer), **bidi** flips them (`[Hǝʅʅo]`); the
//! application shows bidi text right to left, as Firefox does by giving its
//! bidi pseudo-locale a right-to-left direction (the transform adds no
//! direction marks). Both bracket each text element (`with_markers`), so a
//! string cut short or built by concatenation shows, and leave XML tags and
//! entities alone (`transform_dom`), as `@fluent/dom` content may hold
//! markup. Like fluent-bundle's `set_transform`, only text
//! elements change: placeables, ids, variant keys and literals stay as
//! they are, so every variable still resolves.

use std::borrow::Cow;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use fluent_syntax::serializer::{serialize_with_options, Options};

/// A pseudolocalization transform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pseudo {
    /// Accented and elongated Latin letters.
    Accented,
    /// Flipped letters in right-to-left override marks.
    Bidi,
}

impl Pseudo {
    /// The transform as fluent-bundle's `set_transform` takes it.
    pub fn transform(self) -> fn(&str) -> Cow<'_, str> {
        match self {
            Pseudo::Accented => accented,
            Pseudo::Bidi => bidi,
        }
    }

    /// The transform's name, as flags and the API spell it.
    pub fn name(self) -> &'static str {
        match self {
            Pseudo::Accented => "accented",
            Pseudo::Bidi => "bidi",
        }
    }
}

/// The transforms without brackets, for Fluent files: a bracket at the
/// start of a line of a multi-line pattern (`[Enjoy.]`) is Fluent syntax (a
/// variant key), so a file keeps only the letters transformed, which never
/// turn into syntax.
fn file_transform(pseudo: Pseudo) -> fn(&str) -> Cow<'_, str> {
    match pseudo {
        Pseudo::Accented => |t| fluent_pseudo::transform_dom(t, false, true, false),
        Pseudo::Bidi => |t| fluent_pseudo::transform_dom(t, true, false, false),
    }
}

fn accented(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform_dom(text, false, true, true)
}

fn bidi(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform_dom(text, true, false, true)
}

/// `text`, a Fluent file, with `pseudo` applied to the text of every message
/// and term, their attributes and their variants (without the brackets a
/// runtime transform adds; see [`file_transform`]). Comments, ids, placeables
/// and anything the parser could not read (kept as it was) do not change.
pub fn pseudolocalize(text: &str, pseudo: Pseudo) -> String {
    let mut resource = match parser::parse(text.to_string()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let apply = file_transform(pseudo);
    for entry in &mut resource.body {
        match entry {
            Entry::Message(m) => {
                if let Some(value) = &mut m.value {
                    transform_pattern(value, apply);
                }
                for a in &mut m.attributes {
                    transform_pattern(&mut a.value, apply);
                }
            }
            Entry::Term(t) => {
                transform_pattern(&mut t.value, apply);
                for a in &mut t.attributes {
                    transform_pattern(&mut a.value, apply);
                }
            }
            _ => {}
        }
    }
    serialize_with_options(&resource, Options { with_junk: true })
}

fn transform_pattern(pattern: &mut Pattern<String>, apply: fn(&str) -> Cow<'_, str>) {
    for element in &mut pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                let changed = apply(value).into_owned();
                *value = changed;
            }
            PatternElement::Placeable { expression } => transform_expression(expression, apply),
        }
    }
}

fn transform_expression(expression: &mut Expression<String>, apply: fn(&str) -> Cow<'_, str>) {
    match expression {
        Expression::Select { variants, .. } => {
            for v in variants {
                transform_pattern(&mut v.value, apply);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            transform_expression(expression, apply)
        }
        Expression::Inline(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_changes() {
        let source = "# Cart\ncart = { $count ->\n    [one] One item\n   *[other] { $count } items in { -brand }\n}\n    .title = Your cart\n-brand = Shop\n";
        let accented = pseudolocalize(source, Pseudo::Accented);
        let parsed = parser::parse(accented.as_str()).expect("valid Fluent");
        assert_eq!(parsed.body.len(), 2);
        assert!(accented.starts_with("# Cart\ncart ="), "{accented}");
        assert!(
            accented.contains("{ $count } iŧeeḿş iƞ { -brand }"),
            "{accented}"
        );
        assert!(accented.contains("{ -brand }"), "{accented}");
        assert!(accented.contains("*[other]"), "{accented}");
        assert!(accented.contains("[one] Oƞee iŧeeḿ"), "{accented}");
        assert!(!accented.contains("One item"), "{accented}");
        assert!(!accented.contains("Your cart"), "{accented}");
        let bidi = pseudolocalize(source, Pseudo::Bidi);
        assert!(bidi.contains("[one] Ouǝ ıʇǝɯ"), "{bidi}");
        assert!(bidi.contains("{ $count } ıʇǝɯs ıu { -brand }"), "{bidi}");
    }

    /// Multi-line patterns stay Fluent: each line's text is transformed, and
    /// nothing starts a line with syntax.
    #[test]
    fn multi_line_patterns_stay_valid() {
        let source = "intro =\n    Welcome.\n    Enjoy.\npick = { $n ->\n    [one]\n        One\n        line\n   *[other] Many\n}\n";
        for pseudo in [Pseudo::Accented, Pseudo::Bidi] {
            let out = pseudolocalize(source, pseudo);
            let parsed = parser::parse(out.as_str()).unwrap_or_else(|_| panic!("junk in {out}"));
            assert_eq!(parsed.body.len(), 2, "{out}");
        }
    }

    #[test]
    fn unreadable_entries_are_kept() {
        let source = "ok = Fine\nbroken = { oops\nlater = Later\n";
        let out = pseudolocalize(source, Pseudo::Accented);
        assert!(out.contains("broken = { oops\n"), "{out}");
        assert_eq!(out.matches(" = ").count(), 3, "{out}");
    }
}
