//! Resource ids and resource names (`markets/ca`, `products/p/variants/v`).

use std::fmt;

use super::violations::escaped;
use crate::l10n::Text;

/// Longest resource id, in characters.
const MAX_ID_LENGTH: usize = 63;

/// The kinds of resources glocal keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResourceKind {
    /// `markets/{market}`
    Market,
    /// `requirements/{requirement}`
    Requirement,
    /// `products/{product}`
    Product,
    /// `products/{product}/variants/{variant}`
    Variant,
    /// `products/{product}/bundles/{locale}`
    Bundle,
    /// `products/{product}/launches/{launch}`
    Launch,
    /// `products/{product}/roadmaps/{roadmap}`
    Roadmap,
}

impl ResourceKind {
    /// The collection segment of the kind, such as `markets`.
    pub fn collection(self) -> &'static str {
        match self {
            ResourceKind::Market => "markets",
            ResourceKind::Requirement => "requirements",
            ResourceKind::Product => "products",
            ResourceKind::Variant => "variants",
            ResourceKind::Bundle => "bundles",
            ResourceKind::Launch => "launches",
            ResourceKind::Roadmap => "roadmaps",
        }
    }

    /// The fully qualified proto message name of the kind.
    pub fn type_name(self) -> &'static str {
        match self {
            ResourceKind::Market => "glocal.v1.Market",
            ResourceKind::Requirement => "glocal.v1.Requirement",
            ResourceKind::Product => "glocal.v1.Product",
            ResourceKind::Variant => "glocal.v1.Variant",
            ResourceKind::Bundle => "glocal.v1.Bundle",
            ResourceKind::Launch => "glocal.v1.Launch",
            ResourceKind::Roadmap => "glocal.v1.Roadmap",
        }
    }

    /// The resource-name pattern, for error messages.
    pub fn pattern(self) -> &'static str {
        match self {
            ResourceKind::Market => "markets/{market}",
            ResourceKind::Requirement => "requirements/{requirement}",
            ResourceKind::Product => "products/{product}",
            ResourceKind::Variant => "products/{product}/variants/{variant}",
            ResourceKind::Bundle => "products/{product}/bundles/{locale}",
            ResourceKind::Launch => "products/{product}/launches/{launch}",
            ResourceKind::Roadmap => "products/{product}/roadmaps/{roadmap}",
        }
    }
}

/// Checks that `id` can be a resource id: lowercase letters, digits and
/// hyphens, starting with a letter, not ending with a hyphen, 1–63 characters
/// (DNS-label safe, as AIP-122 recommends); explains what is wrong otherwise
/// (in any of glocal's languages).
pub fn validate_resource_id(id: &str) -> Result<(), Text> {
    if id.is_empty() {
        return Err(Text::new("validation-required"));
    }
    if id.len() > MAX_ID_LENGTH {
        return Err(Text::new("validation-id-too-long")
            .text("id", escaped(id))
            .number("max", MAX_ID_LENGTH as i64));
    }
    let ok_chars = id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    let first_ok = id.as_bytes()[0].is_ascii_lowercase();
    let last_ok = !id.ends_with('-');
    if ok_chars && first_ok && last_ok {
        Ok(())
    } else {
        Err(Text::new("validation-id-malformed").text("id", escaped(id)))
    }
}

/// Why `name` is invalid: `reason`, said of a part of it.
pub(crate) fn in_name(name: &str, reason: Text) -> Text {
    Text::new("validation-name-part")
        .text("name", escaped(name))
        .clauses("reason", vec![reason])
}

/// A parsed resource name: its kind and its ids from the outermost in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceName(String);

impl ResourceName {
    /// Parses `name` as a name of `kind`; explains the expected pattern
    /// otherwise, in English. [`ResourceName::parse_text`] explains it in any
    /// of glocal's languages.
    pub fn parse(kind: ResourceKind, name: &str) -> Result<Self, String> {
        Self::parse_text(kind, name).map_err(String::from)
    }

    /// Parses `name` as a name of `kind`; explains the expected pattern
    /// otherwise (in any of glocal's languages).
    pub fn parse_text(kind: ResourceKind, name: &str) -> Result<Self, Text> {
        let parts: Vec<&str> = name.split('/').collect();
        let shape_ok = match kind {
            ResourceKind::Market | ResourceKind::Requirement | ResourceKind::Product => {
                parts.len() == 2 && parts[0] == kind.collection()
            }
            ResourceKind::Variant
            | ResourceKind::Bundle
            | ResourceKind::Launch
            | ResourceKind::Roadmap => {
                parts.len() == 4 && parts[0] == "products" && parts[2] == kind.collection()
            }
        };
        if !shape_ok {
            return Err(Text::new("validation-name-malformed")
                .text("name", escaped(name))
                .text("pattern", kind.pattern()));
        }
        for (i, id) in parts.iter().enumerate().skip(1).step_by(2) {
            if kind == ResourceKind::Bundle && i == 3 {
                let tag = super::LocaleTag::parse(id).map_err(|e| in_name(name, e))?;
                if tag.as_str() != *id {
                    return Err(Text::new("validation-name-locale-case")
                        .text("name", escaped(name))
                        .text("locale", tag.as_str()));
                }
            } else {
                validate_resource_id(id).map_err(|e| {
                    Text::new("validation-name-id")
                        .text("name", escaped(name))
                        .clauses("reason", vec![e])
                })?;
            }
        }
        Ok(ResourceName(name.to_string()))
    }

    /// Builds the name of a top-level resource from its id (already validated).
    pub fn top_level(kind: ResourceKind, id: &str) -> Self {
        ResourceName(format!("{}/{}", kind.collection(), id))
    }

    /// Builds the name of a variant from its product and id (already validated).
    pub fn variant(product: &ResourceName, id: &str) -> Self {
        Self::child(product, ResourceKind::Variant, id)
    }

    /// Builds the name of a child of a product (already validated id).
    pub fn child(product: &ResourceName, kind: ResourceKind, id: &str) -> Self {
        ResourceName(format!("{}/{}/{}", product.0, kind.collection(), id))
    }

    /// The parent of a nested name (`products/p` for `products/p/variants/v`).
    pub fn parent(&self) -> Option<ResourceName> {
        let idx = self.0.match_indices('/').nth(1)?.0;
        Some(ResourceName(self.0[..idx].to_string()))
    }

    /// The kind, from the collection segments of the name.
    pub fn kind(&self) -> Option<ResourceKind> {
        let parts: Vec<&str> = self.0.split('/').collect();
        match parts.as_slice() {
            ["markets", _] => Some(ResourceKind::Market),
            ["requirements", _] => Some(ResourceKind::Requirement),
            ["products", _] => Some(ResourceKind::Product),
            ["products", _, "variants", _] => Some(ResourceKind::Variant),
            ["products", _, "bundles", _] => Some(ResourceKind::Bundle),
            ["products", _, "launches", _] => Some(ResourceKind::Launch),
            ["products", _, "roadmaps", _] => Some(ResourceKind::Roadmap),
            _ => None,
        }
    }

    /// Parses a name of any kind; explains what is wrong otherwise (in any
    /// of glocal's languages).
    pub fn parse_any(name: &str) -> Result<Self, Text> {
        let candidate = ResourceName(name.to_string());
        match candidate.kind() {
            Some(kind) => ResourceName::parse_text(kind, name),
            None => Err(Text::new("validation-name-unknown-kind").text("name", escaped(name))),
        }
    }

    /// The name as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last id of the name (`ca` for `markets/ca`).
    pub fn id(&self) -> &str {
        self.0.rsplit('/').next().unwrap_or_default()
    }
}

impl serde::Serialize for ResourceName {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for ResourceName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ResourceName::parse_any(&s).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for ResourceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_ids() {
        for good in ["ca", "amazon-ca", "a1", "x"] {
            assert!(validate_resource_id(good).is_ok(), "{good}");
        }
        for bad in ["", "CA", "1a", "a-", "a_b", "a.b", &"a".repeat(64)] {
            assert!(validate_resource_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn parses_names() {
        let v = ResourceName::parse(ResourceKind::Variant, "products/p/variants/v1").unwrap();
        assert_eq!(v.parent().unwrap().as_str(), "products/p");
        assert_eq!(v.kind(), Some(ResourceKind::Variant));
        assert_eq!(v.id(), "v1");
        assert!(ResourceName::parse(ResourceKind::Market, "market/ca").is_err());
        assert!(ResourceName::parse(ResourceKind::Market, "markets/CA").is_err());
        assert!(ResourceName::parse_any("things/x").is_err());
        let reasons = [
            (
                "markets/ca/x",
                "\"markets/ca/x\" is not a resource name of the form markets/{market}",
            ),
            ("markets/", "in \"markets/\": id is required"),
            (
                "markets/CA",
                "in \"markets/CA\": id \"CA\" is not a valid id: use lowercase letters, \
                 digits and hyphens, starting with a letter and not ending with a hyphen",
            ),
        ];
        for (name, reason) in reasons {
            assert_eq!(
                ResourceName::parse(ResourceKind::Market, name).unwrap_err(),
                reason
            );
        }
        assert_eq!(
            ResourceName::parse(ResourceKind::Bundle, "products/p/bundles/fr-ca").unwrap_err(),
            "in \"products/p/bundles/fr-ca\": write the locale as fr-CA"
        );
        assert_eq!(
            ResourceName::parse(ResourceKind::Bundle, "products/p/bundles/fr_CA").unwrap_err(),
            "in \"products/p/bundles/fr_CA\": \"fr_CA\" is not a BCP 47 tag: subtags are \
             separated by hyphens, as in \"fr-CA\""
        );
        assert_eq!(
            validate_resource_id(&"a".repeat(64))
                .unwrap_err()
                .to_string(),
            format!("{:?} is longer than 63 characters", "a".repeat(64))
        );
    }
}
