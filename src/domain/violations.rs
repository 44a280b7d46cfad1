//! Field violations: what is wrong with which field of a request.

use std::fmt;
use std::sync::OnceLock;

use crate::l10n::Text;

/// One invalid field, named by its dotted path in the request (`market.country`).
///
/// Two violations are equal when they name the same field and say the same
/// words; [`FieldViolation::text`] is left out of the comparison.
#[derive(Debug, Clone)]
pub struct FieldViolation {
    /// Dotted path of the field, such as `market.storefront_locales[1]`.
    pub field: String,
    /// Why the value is invalid, in words a person can act on (`en-US`).
    pub description: String,
    /// The description as one of glocal's texts, for callers who asked for
    /// another language; `None` where validation gives words only.
    pub text: Option<Text>,
}

impl PartialEq for FieldViolation {
    fn eq(&self, other: &Self) -> bool {
        self.field == other.field && self.description == other.description
    }
}

impl Eq for FieldViolation {}

/// Why a field is invalid: words, or one of glocal's texts (which can be said
/// in other languages).
#[derive(Debug, Clone)]
pub struct Description {
    words: String,
    text: Option<Text>,
}

impl From<String> for Description {
    fn from(words: String) -> Self {
        Description { words, text: None }
    }
}

impl From<&str> for Description {
    fn from(words: &str) -> Self {
        Description {
            words: words.to_string(),
            text: None,
        }
    }
}

impl From<Text> for Description {
    fn from(text: Text) -> Self {
        Description {
            words: text.to_string(),
            text: Some(text),
        }
    }
}

/// The most field violations a [`Violations`] keeps. Past them it counts
/// the others and says how many in one final violation, so that a request
/// with 100,000 bad entries gets 26 violations, not an 11 MB status that no
/// client reads. The API sends each violation three times (in the status
/// message, in `google.rpc.BadRequest` and, with `accept-language`, in the
/// caller's language), so 25 of an ordinary length (a field path and a
/// sentence, under 100 bytes) take about 10 KB of headers, 13 KB with the
/// third copy: within the 16 KiB that hyper's client (tonic's, glocal's own)
/// accepts by default.
pub const MAX_VIOLATIONS: usize = 25;

/// The most bytes of field paths and descriptions a [`Violations`] keeps in
/// all: past them it counts the others, as past [`MAX_VIOLATIONS`] (the
/// first violation is always kept). 25 ordinary violations take about
/// 2.5 KB; this stops violations that quote huge values.
pub const MAX_VIOLATIONS_BYTES: usize = 4096;

/// The most characters of a violation's field path; a longer one is cut and
/// ends in `…`. Field paths name request fields, so only a path built from a
/// hostile value (a map key) comes near it.
pub const MAX_FIELD_CHARS: usize = 256;

/// The most characters of a violation's description; a longer one (a reason
/// quoting a huge value) is cut, ends in `…`, and is then said in English only
/// (its text, which would quote the whole value again, is dropped).
pub const MAX_DESCRIPTION_CHARS: usize = 1024;

/// Every violation found in one request, collected rather than stopping at
/// the first, and bounded: the first ones found are kept in that order, at
/// most [`MAX_VIOLATIONS`] of them and [`MAX_VIOLATIONS_BYTES`] of field
/// paths and descriptions (each cut to [`MAX_FIELD_CHARS`] and
/// [`MAX_DESCRIPTION_CHARS`]); then, if there were more, one more violation
/// says how many were left out ("and 99975 more violations, not listed").
/// That last one's field is the top-level field that every violation left
/// out is under (`market` for `market.storefront_locales[70]` and those
/// after it: the request's field), or `""` (the request as a whole) when
/// they are under different ones. The bounds hold wherever violations are
/// collected, in the domain and in the API, since both use this type.
#[derive(Debug, Clone, Default)]
pub struct Violations {
    /// The first violations found.
    kept: Vec<FieldViolation>,
    /// The bytes of the field paths and descriptions of `kept`.
    kept_bytes: usize,
    /// How many more were found.
    left_out: usize,
    /// The top-level field of every violation left out, or `""` when they
    /// differ; meaningless while none is left out.
    left_out_field: String,
    /// `kept` and the violation saying how many were left out, made when
    /// first asked for after a change ([`Violations::list`]), so that adding
    /// past the cap costs no formatting.
    shown: OnceLock<Vec<FieldViolation>>,
}

impl PartialEq for Violations {
    fn eq(&self, other: &Self) -> bool {
        self.list() == other.list()
    }
}

impl Eq for Violations {}

/// The first name of a field path: `market` of `market.storefront_locales[3]`.
fn top_level(field: &str) -> &str {
    field.split(['.', '[']).next().unwrap_or_default()
}

/// `text` cut to `max` characters, the last of them `…`, if it is longer.
fn cut(text: &mut String, max: usize) -> bool {
    match text.char_indices().nth(max.saturating_sub(1)) {
        Some((end, _)) if text.chars().count() > max => {
            text.truncate(end);
            text.push('…');
            true
        }
        _ => false,
    }
}

impl Violations {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `field` is invalid because of `description` (past the
    /// bounds, only counts it).
    pub fn add(&mut self, field: impl Into<String>, description: impl Into<Description>) {
        let field = field.into();
        if self.full() {
            self.leave_out(&field, 1);
            return;
        }
        let description = description.into();
        self.keep(FieldViolation {
            field,
            description: description.words,
            text: description.text,
        });
    }

    /// Whether every later violation is left out: the count is reached, or
    /// one was left out already (the violations kept are the first ones).
    fn full(&self) -> bool {
        self.kept.len() >= MAX_VIOLATIONS || self.left_out > 0
    }

    /// Keeps `violation`, cut to length, if it is within the bounds; counts
    /// it otherwise.
    fn keep(&mut self, mut violation: FieldViolation) {
        if self.full() {
            self.leave_out(&violation.field, 1);
            return;
        }
        cut(&mut violation.field, MAX_FIELD_CHARS);
        if cut(&mut violation.description, MAX_DESCRIPTION_CHARS) {
            violation.text = None;
        }
        let bytes = violation.field.len() + violation.description.len();
        if !self.kept.is_empty() && self.kept_bytes + bytes > MAX_VIOLATIONS_BYTES {
            self.leave_out(&violation.field, 1);
            return;
        }
        self.kept_bytes += bytes;
        self.shown = OnceLock::new();
        self.kept.push(violation);
    }

    /// Counts `count` violations left out, of `field` (or of fields under
    /// `field`'s top level).
    fn leave_out(&mut self, field: &str, count: usize) {
        let top = top_level(field);
        if self.left_out == 0 {
            self.left_out_field = top.to_string();
        } else if self.left_out_field != top {
            self.left_out_field.clear();
        }
        self.left_out = self.left_out.saturating_add(count);
        self.shown = OnceLock::new();
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.left_out == 0
    }

    /// How many violations were found, those left out included.
    pub fn found(&self) -> usize {
        self.kept.len().saturating_add(self.left_out)
    }

    /// The recorded violations, in the order found: the first ones, within
    /// the bounds, then, if more were found, one saying how many were left
    /// out.
    pub fn list(&self) -> &[FieldViolation] {
        if self.left_out == 0 {
            return &self.kept;
        }
        self.shown.get_or_init(|| {
            let text = Text::new("validation-more-violations").count("count", self.left_out);
            let mut list = self.kept.clone();
            list.push(FieldViolation {
                field: self.left_out_field.clone(),
                description: text.to_string(),
                text: Some(text),
            });
            list
        })
    }

    /// Moves every violation of `other` into this collection (those past the
    /// cap are counted).
    pub fn extend(&mut self, other: Violations) {
        let Violations {
            kept,
            left_out,
            left_out_field,
            ..
        } = other;
        // Keeping those of `other` first preserves the order found.
        for violation in kept {
            self.keep(violation);
        }
        if left_out > 0 {
            self.leave_out(&left_out_field, left_out);
        }
    }

    /// `Ok(value)` when nothing was recorded, else the violations.
    pub fn into_result<T>(self, value: T) -> Result<T, Violations> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// The outcome of a validation that ran after these violations were
    /// found: its value when neither found anything, else every violation.
    pub fn merge<T>(mut self, result: Result<T, Violations>) -> Result<T, Violations> {
        match result {
            Ok(value) if self.is_empty() => Ok(value),
            Ok(_) => Err(self),
            Err(more) => {
                self.extend(more);
                Err(self)
            }
        }
    }

    /// A collection holding the single violation of `field`.
    pub fn single(field: impl Into<String>, description: impl Into<Description>) -> Self {
        let mut v = Self::new();
        v.add(field, description);
        v
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.list().iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: {}", v.field, v.description)?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

/// `value` as `{:?}` shows it, without the surrounding quotes: the argument
/// for a message that writes `"{ $value }"`, so that quotes, backslashes and
/// control characters in the value are escaped as Rust's `Debug` escapes them.
pub(crate) fn escaped(value: &str) -> String {
    let quoted = format!("{value:?}");
    quoted[1..quoted.len() - 1].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_counts_characters() {
        let mut text = "ééé".to_string();
        assert!(!cut(&mut text, 3));
        assert_eq!(text, "ééé");
        assert!(cut(&mut text, 2));
        assert_eq!(text, "é…");
    }

    #[test]
    fn the_left_out_are_under_one_top_level_field_or_none() {
        assert_eq!(top_level("market.storefront_locales[3]"), "market");
        assert_eq!(top_level("plan"), "plan");
        assert_eq!(top_level("markets[2].country"), "markets");
        assert_eq!(top_level(""), "");
        let mut v = Violations::new();
        for i in 0..MAX_VIOLATIONS {
            v.add(format!("a.b[{i}]"), "bad");
        }
        assert_eq!(v.list().len(), MAX_VIOLATIONS);
        v.add("a.c", "bad");
        v.add("a[1]", "bad");
        assert_eq!(v.list()[MAX_VIOLATIONS].field, "a");
        assert_eq!(
            v.list()[MAX_VIOLATIONS].description,
            "and 2 more violations, not listed"
        );
        // Equal when they say the same, the summary included.
        let mut w = v.clone();
        assert_eq!(v, w);
        w.add("b", "bad");
        assert_ne!(v, w);
        assert_eq!(w.list()[MAX_VIOLATIONS].field, "");
    }
}
