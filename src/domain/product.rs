//! Products and their per-market variants.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::limits::{
    check_entries, check_length, MAX_ATTRIBUTES, MAX_CATEGORIES, MAX_FEATURES,
    MAX_FLUENT_SOURCE_PATH, MAX_MAP_KEY, MAX_MAP_VALUE, MAX_MARKETS, MAX_REQUIRED_MESSAGES,
    MAX_SKU,
};
use super::market::{check_display_name, listed_twice, map_entry_field};
use super::requirement::{parse_id_list, parse_patterns};
use super::{LocaleTag, MessagePattern, ResourceKind, ResourceName, Violations};
use crate::l10n::Text;

/// A validated product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// Human-readable name.
    pub display_name: String,
    /// The locale the product's texts are written in.
    pub source_locale: LocaleTag,
    /// Product categories, which select the requirements that apply.
    pub categories: Vec<String>,
    /// Where the product's Fluent files live, if said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fluent_source: Option<FluentSource>,
    /// How the product's Fluent files share ids (documents stored before the
    /// field existed read as [`MessageScope::File`]).
    #[serde(default)]
    pub message_scope: MessageScope,
}

/// Where a message id lives: the namespace in which an id is one message.
///
/// Fluent's runtimes (fluent-fallback's `Localization`, `@fluent/dom`) load a
/// list of files per context, so the same id in two files of a product is two
/// messages, each in its file; compare-locales compares each file with the
/// source file of the same path. An app that adds every file of a locale to
/// one `FluentBundle` has one namespace per locale instead.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum MessageScope {
    /// An id lives in its file: a message is `(file, id)`, and a locale's file
    /// is compared with the source file of the same path.
    #[default]
    File,
    /// Every file of a locale is one namespace (one `FluentBundle`): the first
    /// definition of an id in path order wins, wherever it is.
    Bundle,
}

impl MessageScope {
    /// `file` or `bundle`, as plan files and `--scope` spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageScope::File => "file",
            MessageScope::Bundle => "bundle",
        }
    }
}

/// Where a product's Fluent files live, relative to its plan file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FluentSource {
    /// Directory holding the locale folders.
    pub directory: String,
    /// Layout under `directory`, with `{locale}`, such as `{locale}/**/*.ftl`.
    pub layout: String,
}

impl FluentSource {
    /// Checks the source, naming fields under `prefix`.
    pub fn validate(&self, prefix: &str, v: &mut Violations) {
        let field = format!("{prefix}.directory");
        if !check_length(&self.directory, MAX_FLUENT_SOURCE_PATH, field.clone(), v) {
            // Said already.
        } else if self.directory.is_empty() {
            v.add(field, Text::new("validation-directory-required"));
        } else if self.directory.starts_with('/') || self.directory.contains('\\') {
            v.add(field, Text::new("validation-directory-relative"));
        }
        let field = format!("{prefix}.layout");
        if !check_length(&self.layout, MAX_FLUENT_SOURCE_PATH, field.clone(), v) {
            // Said already.
        } else if !self.layout.contains("{locale}") {
            v.add(field, Text::new("validation-layout-no-locale"));
        } else if !self.layout.ends_with(".ftl") {
            v.add(field, Text::new("validation-layout-not-ftl"));
        } else if self.layout.starts_with('/') || self.layout.split('/').any(|s| s == "..") {
            v.add(field, Text::new("validation-layout-outside"));
        }
    }
}

/// A product as a client sends it, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductInput {
    /// See [`Product::display_name`].
    #[serde(default)]
    pub display_name: String,
    /// See [`Product::source_locale`].
    #[serde(default)]
    pub source_locale: String,
    /// See [`Product::categories`].
    #[serde(default)]
    pub categories: Vec<String>,
    /// See [`Product::fluent_source`].
    #[serde(default)]
    pub fluent_source: Option<FluentSource>,
    /// See [`Product::message_scope`].
    #[serde(default)]
    pub message_scope: MessageScope,
}

impl ProductInput {
    /// Validates the input, naming fields under `prefix` (such as `product`).
    pub fn validate(self, prefix: &str) -> Result<Product, Violations> {
        let mut v = Violations::new();
        check_display_name(&self.display_name, format!("{prefix}.display_name"), &mut v);
        let source_locale = if self.source_locale.is_empty() {
            v.add(
                format!("{prefix}.source_locale"),
                Text::new("validation-source-locale-required"),
            );
            None
        } else {
            LocaleTag::parse(&self.source_locale)
                .map_err(|e| v.add(format!("{prefix}.source_locale"), e))
                .ok()
        };
        let categories = parse_id_list(
            &self.categories,
            MAX_CATEGORIES,
            &format!("{prefix}.categories"),
            &mut v,
        );
        if let Some(source) = &self.fluent_source {
            source.validate(&format!("{prefix}.fluent_source"), &mut v);
        }
        match (source_locale, v.is_empty()) {
            (Some(source_locale), true) => Ok(Product {
                display_name: self.display_name,
                source_locale,
                categories,
                fluent_source: self.fluent_source,
                message_scope: self.message_scope,
            }),
            _ => Err(v),
        }
    }
}

/// A validated variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// Human-readable name.
    pub display_name: String,
    /// Stock keeping unit.
    pub sku: String,
    /// The markets the variant is sold in.
    pub markets: Vec<ResourceName>,
    /// Physical and commercial attributes.
    pub attributes: BTreeMap<String, String>,
    /// Roadmap features the variant includes.
    pub features: Vec<String>,
    /// Messages the variant needs on top of the roadmap's.
    pub required_messages: Vec<MessagePattern>,
}

/// A variant as a client sends it, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantInput {
    /// See [`Variant::display_name`].
    #[serde(default)]
    pub display_name: String,
    /// See [`Variant::sku`].
    #[serde(default)]
    pub sku: String,
    /// See [`Variant::markets`].
    #[serde(default)]
    pub markets: Vec<String>,
    /// See [`Variant::attributes`].
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    /// See [`Variant::features`].
    #[serde(default)]
    pub features: Vec<String>,
    /// See [`Variant::required_messages`].
    #[serde(default)]
    pub required_messages: Vec<String>,
}

impl VariantInput {
    /// Validates the input, naming fields under `prefix` (such as `variant`).
    /// Whether the markets exist is checked by the store, atomically with the write.
    pub fn validate(self, prefix: &str) -> Result<Variant, Violations> {
        let mut v = Violations::new();
        check_display_name(&self.display_name, format!("{prefix}.display_name"), &mut v);
        if self.sku.chars().count() > MAX_SKU || self.sku.chars().any(|c| c.is_control()) {
            v.add(format!("{prefix}.sku"), Text::new("validation-sku"));
        }
        let mut markets: Vec<ResourceName> = Vec::new();
        let field = format!("{prefix}.markets");
        let n = check_entries(self.markets.len(), MAX_MARKETS, &field, &mut v);
        for (i, m) in self.markets.iter().take(n).enumerate() {
            match ResourceName::parse_text(ResourceKind::Market, m) {
                Ok(name) if markets.contains(&name) => v.add(
                    format!("{prefix}.markets[{i}]"),
                    listed_twice(name.as_str()),
                ),
                Ok(name) => markets.push(name),
                Err(e) => v.add(format!("{prefix}.markets[{i}]"), e),
            }
        }
        let field = format!("{prefix}.attributes");
        let n = check_entries(self.attributes.len(), MAX_ATTRIBUTES, &field, &mut v);
        for (key, value) in self.attributes.iter().take(n) {
            let key_ok = !key.is_empty()
                && key.len() <= MAX_MAP_KEY
                && key.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'
                });
            if !key_ok {
                v.add(
                    map_entry_field(&field, key),
                    Text::new("validation-attribute-key"),
                );
            } else if value.len() > MAX_MAP_VALUE {
                v.add(
                    map_entry_field(&field, key),
                    Text::new("validation-attribute-value"),
                );
            }
        }
        let features = parse_id_list(
            &self.features,
            MAX_FEATURES,
            &format!("{prefix}.features"),
            &mut v,
        );
        let required_messages = parse_patterns(
            &self.required_messages,
            MAX_REQUIRED_MESSAGES,
            &format!("{prefix}.required_messages"),
            &mut v,
        );
        v.into_result(Variant {
            display_name: self.display_name,
            sku: self.sku,
            markets,
            attributes: self.attributes,
            features,
            required_messages,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_products_and_variants() {
        let p = ProductInput {
            source_locale: "en-us".into(),
            categories: vec!["toys".into()],
            ..Default::default()
        };
        assert_eq!(
            p.validate("product").unwrap().source_locale.as_str(),
            "en-US"
        );
        let err = ProductInput::default().validate("product").unwrap_err();
        assert_eq!(err.list()[0].field, "product.source_locale");

        let bad = VariantInput {
            markets: vec!["markets/ca".into(), "ca".into(), "markets/ca".into()],
            features: vec!["Dark Mode".into()],
            ..Default::default()
        };
        let err = bad.validate("variant").unwrap_err();
        let fields: Vec<&str> = err.list().iter().map(|v| v.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "variant.markets[1]",
                "variant.markets[2]",
                "variant.features[0]"
            ]
        );
    }
}
