//! `ResourceName::parse` for every `ResourceKind`, `parse_any` and
//! `validate_resource_id`, with what a parsed name promises.

use glocal::domain::{validate_resource_id, LocaleTag, ResourceKind, ResourceName};

/// Every kind of resource.
pub const KINDS: [ResourceKind; 7] = [
    ResourceKind::Market,
    ResourceKind::Requirement,
    ResourceKind::Product,
    ResourceKind::Variant,
    ResourceKind::Bundle,
    ResourceKind::Launch,
    ResourceKind::Roadmap,
];

/// Parses `s` as a name of every kind, and as any name.
pub fn check(s: &str) {
    let mut kinds_ok = Vec::new();
    for kind in KINDS {
        match ResourceName::parse_text(kind, s) {
            Ok(name) => {
                check_name(kind, s, &name);
                kinds_ok.push(kind);
            }
            Err(e) => {
                super::render_everywhere(&e);
                // The English explanation, as `parse` gives it.
                let english = ResourceName::parse(kind, s).expect_err("parse and parse_text agree");
                assert!(!english.is_empty());
            }
        }
    }
    assert!(kinds_ok.len() <= 1, "{s:?} is a name of {kinds_ok:?}");
    match ResourceName::parse_any(s) {
        Ok(name) => {
            assert_eq!(kinds_ok, vec![name.kind().expect("a kind")], "{s:?}");
            assert_eq!(name.as_str(), s);
        }
        Err(e) => {
            assert!(
                kinds_ok.is_empty(),
                "parse_any refuses {s:?}, a {kinds_ok:?}"
            );
            super::render_everywhere(&e);
        }
    }
    match validate_resource_id(s) {
        Ok(()) => {
            assert!(!s.is_empty() && s.len() <= 63 && !s.contains('/'));
            for kind in [
                ResourceKind::Market,
                ResourceKind::Requirement,
                ResourceKind::Product,
            ] {
                let name = ResourceName::top_level(kind, s);
                let parsed = ResourceName::parse(kind, name.as_str())
                    .unwrap_or_else(|e| panic!("{name} built from a valid id: {e}"));
                assert_eq!(parsed, name);
                assert_eq!(name.id(), s);
            }
            let product = ResourceName::top_level(ResourceKind::Product, s);
            for child in [
                ResourceKind::Variant,
                ResourceKind::Launch,
                ResourceKind::Roadmap,
            ] {
                let name = ResourceName::child(&product, child, s);
                assert!(ResourceName::parse(child, name.as_str()).is_ok(), "{name}");
                assert_eq!(name.parent().as_ref(), Some(&product));
            }
        }
        Err(e) => super::render_everywhere(&e),
    }
}

fn check_name(kind: ResourceKind, s: &str, name: &ResourceName) {
    assert_eq!(name.as_str(), s, "a parsed name is the text");
    assert_eq!(name.to_string(), s);
    assert_eq!(name.kind(), Some(kind), "kind of {s:?}");
    let id = name.id();
    assert_eq!(Some(id), s.rsplit('/').next());
    match kind {
        ResourceKind::Market | ResourceKind::Requirement | ResourceKind::Product => {
            assert_eq!(name.parent(), None, "{s:?} has no parent");
            assert!(validate_resource_id(id).is_ok());
        }
        ResourceKind::Bundle => {
            let parent = name.parent().expect("a bundle's product");
            assert!(ResourceName::parse(ResourceKind::Product, parent.as_str()).is_ok());
            let tag = LocaleTag::parse(id).expect("a bundle's locale");
            assert_eq!(tag.as_str(), id, "a bundle's locale is canonical");
        }
        ResourceKind::Variant | ResourceKind::Launch | ResourceKind::Roadmap => {
            let parent = name.parent().expect("a product");
            assert!(ResourceName::parse(ResourceKind::Product, parent.as_str()).is_ok());
            assert!(validate_resource_id(id).is_ok());
            assert_eq!(&ResourceName::child(&parent, kind, id), name);
        }
    }
    // Names are stored in JSON documents and read back with `parse_any`.
    let json = serde_json::to_string(name).expect("name to JSON");
    let back: ResourceName = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{s:?} does not read back from JSON: {e}"));
    assert_eq!(&back, name);
}
