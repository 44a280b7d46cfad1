//! AIP-134 update masks: which fields of a resource an Update changes.

use prost_types::FieldMask;

use crate::domain::Violations;
use crate::l10n::Text;

use super::ApiError;

/// One updatable top-level field of a proto resource `T`.
pub struct MaskField<T> {
    /// The proto field name.
    pub name: &'static str,
    /// Copies the field from the request into the resource.
    pub copy: fn(&mut T, &T),
    /// Whether the request sets the field (differs from its default).
    pub is_set: fn(&T) -> bool,
}

/// Builds the [`MaskField`] table of the named fields of a proto message.
macro_rules! mask_fields {
    ($ty:ty; $($field:ident),* $(,)?) => {
        vec![$(
            $crate::api::mask::MaskField::<$ty> {
                name: stringify!($field),
                copy: |target: &mut $ty, source: &$ty| target.$field = source.$field.clone(),
                is_set: |source: &$ty| $crate::api::mask::is_set(&source.$field),
            }
        ),*]
    };
}
pub(crate) use mask_fields;

/// Whether `value` differs from its type's default (proto3 presence).
pub fn is_set<T: Default + PartialEq>(value: &T) -> bool {
    *value != T::default()
}

/// Fields every resource has that clients cannot set.
pub const OUTPUT_ONLY: &[&str] = &["name", "etag", "create_time", "update_time"];

/// Applies the fields of `request` that `mask` names onto `current`.
///
/// No mask (or an empty one) means every field the request sets; `*` means
/// every updatable field, so unset ones are cleared.
pub fn apply_mask<T>(
    current: &mut T,
    request: &T,
    mask: Option<&FieldMask>,
    fields: &[MaskField<T>],
) -> Result<(), ApiError> {
    let paths: Vec<&str> = mask
        .map(|m| m.paths.iter().map(String::as_str).collect())
        .unwrap_or_default();
    if paths.is_empty() {
        for f in fields.iter().filter(|f| (f.is_set)(request)) {
            (f.copy)(current, request);
        }
        return Ok(());
    }
    if paths == ["*"] {
        for f in fields {
            (f.copy)(current, request);
        }
        return Ok(());
    }
    let mut violations = Violations::new();
    let mut chosen = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        let field = format!("update_mask.paths[{i}]");
        if *path == "*" {
            violations.add(field, Text::new("request-mask-star-not-alone"));
        } else if OUTPUT_ONLY.contains(path) {
            violations.add(
                field,
                Text::new("request-mask-output-only").text("path", *path),
            );
        } else if let Some(f) = fields.iter().find(|f| f.name == *path) {
            chosen.push(f);
        } else {
            let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
            violations.add(
                field,
                Text::new("request-mask-not-updatable")
                    .text("path", *path)
                    .text("fields", names.join(", ")),
            );
        }
    }
    if !violations.is_empty() {
        return Err(ApiError::invalid(violations));
    }
    for f in chosen {
        (f.copy)(current, request);
    }
    Ok(())
}
