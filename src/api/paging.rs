//! AIP-158 pagination: opaque page tokens bound to the request's filters.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde::{Deserialize, Serialize};

use crate::l10n::Text;

use super::ApiError;

/// Page size used when the request gives none.
pub const DEFAULT_PAGE_SIZE: usize = 50;
/// Largest page size served; larger requests are clamped.
pub const MAX_PAGE_SIZE: usize = 1000;

#[derive(Serialize, Deserialize)]
struct Token {
    /// Key of the last item of the previous page.
    after: String,
    /// The filters of the request that made the token.
    filter: String,
}

/// One page cut from a list of items ordered by key.
pub struct Page<T> {
    /// The items of the page.
    pub items: Vec<T>,
    /// Token of the next page, empty on the last.
    pub next_page_token: String,
    /// Items matching over all pages.
    pub total_size: i32,
}

/// Cuts the page that `page_token` points at out of `items` (sorted by the
/// key `key_of` gives), checking that the token was made for `filter`.
pub fn paginate<T>(
    items: Vec<T>,
    key_of: impl Fn(&T) -> String,
    page_size: i32,
    page_token: &str,
    filter: &str,
) -> Result<Page<T>, ApiError> {
    if page_size < 0 {
        return Err(ApiError::invalid_field(
            "page_size",
            Text::new("request-not-negative"),
        ));
    }
    let size = match page_size as usize {
        0 => DEFAULT_PAGE_SIZE,
        n => n.min(MAX_PAGE_SIZE),
    };
    let after = if page_token.is_empty() {
        None
    } else {
        let token: Token = URL_SAFE_NO_PAD
            .decode(page_token)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or_else(|| ApiError::InvalidArgument {
                reason: "INVALID_PAGE_TOKEN",
                violations: crate::domain::Violations::single(
                    "page_token",
                    Text::new("request-page-token-invalid"),
                ),
            })?;
        if token.filter != filter {
            return Err(ApiError::InvalidArgument {
                reason: "INVALID_PAGE_TOKEN",
                violations: crate::domain::Violations::single(
                    "page_token",
                    Text::new("request-page-token-other-filters"),
                ),
            });
        }
        Some(token.after)
    };
    let total_size = i32::try_from(items.len()).unwrap_or(i32::MAX);
    let mut rest: Vec<T> = match &after {
        Some(after) => items.into_iter().filter(|i| key_of(i) > *after).collect(),
        None => items,
    };
    let has_more = rest.len() > size;
    rest.truncate(size);
    let next_page_token = match (has_more, rest.last()) {
        (true, Some(last)) => URL_SAFE_NO_PAD.encode(
            serde_json::to_vec(&Token {
                after: key_of(last),
                filter: filter.to_string(),
            })
            .map_err(|e| ApiError::Internal(format!("page token: {e}")))?,
        ),
        _ => String::new(),
    };
    Ok(Page {
        items: rest,
        next_page_token,
        total_size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_through_without_duplicates_and_checks_filters() {
        let items: Vec<String> = (0..7).map(|i| format!("k{i}")).collect();
        let mut seen = Vec::new();
        let mut token = String::new();
        loop {
            let page = paginate(items.clone(), |s| s.clone(), 3, &token, "f").unwrap();
            assert_eq!(page.total_size, 7);
            seen.extend(page.items);
            if page.next_page_token.is_empty() {
                break;
            }
            token = page.next_page_token;
        }
        assert_eq!(seen, items);
        let first = paginate(items.clone(), |s| s.clone(), 3, "", "f").unwrap();
        assert!(paginate(items.clone(), |s| s.clone(), 3, &first.next_page_token, "g").is_err());
        assert!(paginate(items.clone(), |s| s.clone(), 3, "garbage", "f").is_err());
        assert!(paginate(items, |s| s.clone(), -1, "", "f").is_err());
    }
}
