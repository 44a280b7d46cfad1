//! Field violations: what is wrong with which field of a request.

use std::fmt;

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

/// Every violation found in one request, collected rather than stopping at the first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Violations {
    list: Vec<FieldViolation>,
}

impl Violations {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `field` is invalid because of `description`.
    pub fn add(&mut self, field: impl Into<String>, description: impl Into<Description>) {
        let description = description.into();
        self.list.push(FieldViolation {
            field: field.into(),
            description: description.words,
            text: description.text,
        });
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The recorded violations, in the order found.
    pub fn list(&self) -> &[FieldViolation] {
        &self.list
    }

    /// Moves every violation of `other` into this collection.
    pub fn extend(&mut self, other: Violations) {
        self.list.extend(other.list);
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
        for (i, v) in self.list.iter().enumerate() {
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
