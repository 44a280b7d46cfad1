//! AIP-158 pagination: opaque page tokens bound to the request's filters.
//!
//! A token names the last item of the previous page, so that the next page
//! seeks to it in the store ([`crate::store::Store::scan`]) and reads only
//! what it returns. A filtered list's token also carries the number of
//! matches (`total_size`) and the store generation it was counted at: while
//! the store is unchanged, the next pages reuse it instead of reading the
//! whole collection again.
//!
//! The token is URL-safe base64 (no padding) of the JSON
//! `{"after": NAME, "filter": FILTERS, "total": N, "generation": G}`; the
//! last two are left out when unused. Tokens of earlier versions (`after` and
//! `filter` only) are read as tokens without a count, and earlier versions
//! ignore the fields they do not know, so tokens stay valid across an
//! upgrade or a rollback.

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
    /// The number of matching items, when counted at `generation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    total: Option<i32>,
    /// The store generation `total` was counted at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    generation: Option<u64>,
}

/// One page of a list.
pub struct Page<T> {
    /// The items of the page.
    pub items: Vec<T>,
    /// Token of the next page, empty on the last.
    pub next_page_token: String,
    /// Items matching over all pages.
    pub total_size: i32,
}

/// What a list request asks for: how many items, after which key.
#[derive(Debug)]
pub struct PageRequest {
    /// The page size, defaulted and clamped.
    pub size: usize,
    /// Key of the last item of the previous page.
    pub after: Option<String>,
    /// The count of matches the token carries, with its store generation.
    counted: Option<(u64, i32)>,
}

impl PageRequest {
    /// The number of matches the token carries, if it was counted at
    /// store generation `generation`.
    pub fn total_at(&self, generation: u64) -> Option<i32> {
        self.counted
            .and_then(|(g, total)| (g == generation).then_some(total))
    }
}

fn invalid_token(reason: &'static str) -> ApiError {
    ApiError::InvalidArgument {
        reason: "INVALID_PAGE_TOKEN",
        violations: crate::domain::Violations::single("page_token", Text::new(reason)),
    }
}

/// Reads `page_size` and `page_token`, checking that the token was made for
/// `filter`.
pub fn page_request(
    page_size: i32,
    page_token: &str,
    filter: &str,
) -> Result<PageRequest, ApiError> {
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
    if page_token.is_empty() {
        return Ok(PageRequest {
            size,
            after: None,
            counted: None,
        });
    }
    let token: Token = URL_SAFE_NO_PAD
        .decode(page_token)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(|| invalid_token("request-page-token-invalid"))?;
    if token.filter != filter {
        return Err(invalid_token("request-page-token-other-filters"));
    }
    Ok(PageRequest {
        size,
        after: Some(token.after),
        counted: token.generation.zip(token.total),
    })
}

/// The id within `collection` of the key `after` of a page token (`markets/x`
/// in `markets`: `x`), or INVALID_PAGE_TOKEN if it is not one.
pub fn id_after<'a>(collection: &str, after: &'a str) -> Result<&'a str, ApiError> {
    after
        .strip_prefix(collection)
        .and_then(|rest| rest.strip_prefix('/'))
        .filter(|id| !id.is_empty() && !id.contains('/'))
        .ok_or_else(|| invalid_token("request-page-token-invalid"))
}

/// The token of the page after the one ending with the item of key `last`,
/// for the request's `filter`; `counted` is the store generation and number
/// of matches to carry, for a filtered list.
pub fn next_page_token(
    last: &str,
    filter: &str,
    counted: Option<(u64, i32)>,
) -> Result<String, ApiError> {
    let token = Token {
        after: last.to_string(),
        filter: filter.to_string(),
        total: counted.map(|(_, total)| total),
        generation: counted.map(|(generation, _)| generation),
    };
    let json =
        serde_json::to_vec(&token).map_err(|e| ApiError::Internal(format!("page token: {e}")))?;
    Ok(URL_SAFE_NO_PAD.encode(json))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_check_their_filters() {
        let token = next_page_token("markets/b", "f", None).unwrap();
        let request = page_request(3, &token, "f").unwrap();
        assert_eq!(
            (request.size, request.after.as_deref()),
            (3, Some("markets/b"))
        );
        assert_eq!(request.total_at(7), None);
        let counted = next_page_token("markets/b", "f", Some((7, 12))).unwrap();
        let request = page_request(0, &counted, "f").unwrap();
        assert_eq!(request.size, DEFAULT_PAGE_SIZE);
        assert_eq!((request.total_at(7), request.total_at(8)), (Some(12), None));
        assert_eq!(page_request(5000, "", "f").unwrap().size, MAX_PAGE_SIZE);

        for (size, token, filter) in [(3, token.as_str(), "g"), (3, "garbage", "f"), (-1, "", "f")]
        {
            assert!(
                page_request(size, token, filter).is_err(),
                "{size} {token} {filter}"
            );
        }
    }

    #[test]
    fn tokens_of_earlier_versions_still_work() {
        // What paginate() wrote before tokens could carry a count.
        let old = URL_SAFE_NO_PAD.encode(r#"{"after":"markets/b","filter":"f"}"#);
        let request = page_request(2, &old, "f").unwrap();
        assert_eq!(request.after.as_deref(), Some("markets/b"));
        assert_eq!(request.total_at(0), None);
        // And an earlier version reads a new token's fields it knows.
        let new = next_page_token("markets/b", "f", Some((1, 2))).unwrap();
        let json: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(new).unwrap()).unwrap();
        assert_eq!(json["after"], "markets/b");
        assert_eq!(json["filter"], "f");
    }

    #[test]
    fn the_key_after_is_an_id_of_the_collection() {
        assert_eq!(id_after("markets", "markets/b").unwrap(), "b");
        assert_eq!(
            id_after("products/p/variants", "products/p/variants/v").unwrap(),
            "v"
        );
        for bad in ["requirements/b", "markets/", "markets/b/c", "marketsb", "b"] {
            assert!(id_after("markets", bad).is_err(), "{bad}");
        }
    }
}
