//! Who may call what: bearer tokens, principals and roles.
//!
//! `glocal serve --auth-tokens FILE` reads a tokens file (TOML), one
//! `[[token]]` table per token with the token's SHA-256 (hex), the principal
//! it stands for and its role:
//!
//! ```toml
//! [[token]]
//! principal = "ci@kettlery.example"
//! role = "viewer"
//! sha256 = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
//! ```
//!
//! The file holds hashes only, so reading it does not give a token away.
//! Every call of glocal's services must then send `authorization: Bearer
//! TOKEN`; the token's hash is compared with every entry in constant time
//! ([`subtle`]), whatever matches first. A missing or unknown token is
//! UNAUTHENTICATED, a role too weak for the method PERMISSION_DENIED, both
//! with `google.rpc.ErrorInfo`. Health and reflection stay open, so that
//! load balancers and grpcurl's `list`/`describe` work without a token.
//!
//! Roles are ordered: a `viewer` reads and checks (Get, List, CheckRoadmap,
//! GetCoverageMatrix, RenderMessage, ExportPlan, ReadBundleFile,
//! ListRevisions, ...), an `editor` also writes plans and bundles (Create,
//! Update, Delete of markets, requirements, variants, launches, roadmaps,
//! bundles; ImportPlan; WriteBundleFiles), an `admin` also loads presets
//! (ImportMarketPreset) and deletes products. A method this table does not
//! know needs `admin`, so that a method added later is closed until it is
//! placed.

use std::{
    future::Future,
    path::Path,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
};

use serde::Deserialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tower::Service;

use super::error::ApiError;

/// What a principal may do; each role may do what the ones before it may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads and checks.
    Viewer,
    /// Also writes plans and bundles.
    Editor,
    /// Also loads presets and deletes products.
    Admin,
}

impl Role {
    /// `viewer`, `editor` or `admin`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "viewer" => Ok(Role::Viewer),
            "editor" => Ok(Role::Editor),
            "admin" => Ok(Role::Admin),
            other => Err(format!(
                "{other:?} is not a role: expected viewer, editor or admin"
            )),
        }
    }
}

/// Who a token stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The name the tokens file gives it (recorded in revisions and logs).
    pub name: String,
    /// Its role.
    pub role: Role,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokensFile {
    #[serde(default)]
    token: Vec<TokenEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenEntry {
    principal: String,
    role: Role,
    sha256: String,
}

/// The tokens a server accepts: each token's SHA-256 and its principal.
#[derive(Debug, Clone)]
pub struct TokenTable {
    entries: Vec<([u8; 32], Principal)>,
}

/// The SHA-256 of a token, as the tokens file holds it (lowercase hex).
pub fn token_hash_hex(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn parse_hex_32(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// A new token: 32 random bytes from the operating system, base64url, with
/// a `glc_` prefix that secret scanners and people can recognize.
pub fn new_token() -> Result<String, String> {
    use base64::Engine as _;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness from the system: {e}"))?;
    Ok(format!(
        "glc_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    ))
}

impl TokenTable {
    /// Parses a tokens file; the error names the entry and what is wrong.
    pub fn parse(text: &str) -> Result<TokenTable, String> {
        let file: TokensFile = toml::from_str(text).map_err(|e| {
            e.message()
                .lines()
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ")
        })?;
        let mut entries = Vec::new();
        for (i, t) in file.token.into_iter().enumerate() {
            let n = i + 1;
            if t.principal.trim().is_empty() {
                return Err(format!("token {n}: the principal is empty"));
            }
            let Some(hash) = parse_hex_32(&t.sha256.to_ascii_lowercase()) else {
                return Err(format!(
                    "token {n} ({}): sha256 must be 64 hexadecimal digits, the SHA-256 of the \
                     token (glocal token new prints it)",
                    t.principal
                ));
            };
            if entries.iter().any(|(h, _)| *h == hash) {
                return Err(format!(
                    "token {n} ({}): the same token is listed twice",
                    t.principal
                ));
            }
            entries.push((
                hash,
                Principal {
                    name: t.principal,
                    role: t.role,
                },
            ));
        }
        if entries.is_empty() {
            return Err(
                "the file lists no [[token]]: every call would be refused (glocal token new \
                 prints an entry)"
                    .to_string(),
            );
        }
        Ok(TokenTable { entries })
    }

    /// Reads and parses a tokens file.
    pub fn load(path: &Path) -> Result<TokenTable, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the tokens file {}: {e}", path.display()))?;
        TokenTable::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// How many tokens the table has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table has no token (never, once parsed).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The principal of `token`: its hash compared with every entry in
    /// constant time, so that the time taken says nothing about how much of
    /// a hash matched or which entry did.
    pub fn lookup(&self, token: &str) -> Option<&Principal> {
        let hash: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let mut found = None;
        for (h, principal) in &self.entries {
            if bool::from(h.ct_eq(&hash)) && found.is_none() {
                found = Some(principal);
            }
        }
        found
    }
}

/// The role a gRPC path (`/package.Service/Method`) needs; `None` for what
/// stays open (health and reflection).
pub fn required_role(path: &str) -> Option<Role> {
    let path = path.strip_prefix('/').unwrap_or(path);
    let (service, method) = path.split_once('/').unwrap_or((path, ""));
    if service.starts_with("grpc.health.") || service.starts_with("grpc.reflection.") {
        return None;
    }
    if !service.starts_with("glocal.") {
        return Some(Role::Admin);
    }
    const READS: &[&str] = &[
        "Get", "List", "Suggest", "Check", "Render", "Read", "Export",
    ];
    // ExportSnapshot (AdminService) starts like a read, but a backup holds
    // everything, every revision and its principal: admin only.
    const ADMIN: &[&str] = &["ImportMarketPreset", "DeleteProduct", "ExportSnapshot"];
    const WRITES: &[&str] = &[
        "Create",
        "Update",
        "Delete",
        "Write",
        "ImportPlan",
        "ImportHandoff",
    ];
    if ADMIN.contains(&method) {
        Some(Role::Admin)
    } else if READS.iter().any(|p| method.starts_with(p)) {
        Some(Role::Viewer)
    } else if WRITES.iter().any(|p| method.starts_with(p)) {
        Some(Role::Editor)
    } else {
        Some(Role::Admin)
    }
}

/// The principal's name on a response, for the request log, which runs
/// outside the call's scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallerName(pub String);

/// What the authorization of one call decided.
fn authorize(
    tokens: &TokenTable,
    path: &str,
    authorization: Option<&str>,
) -> Result<Option<Principal>, ApiError> {
    let Some(needed) = required_role(path) else {
        return Ok(None);
    };
    let method = path.trim_start_matches('/').to_string();
    let Some(value) = authorization else {
        return Err(ApiError::Unauthenticated {
            reason: "MISSING_TOKEN",
            method,
        });
    };
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim);
    let Some(principal) = token.and_then(|t| tokens.lookup(t)) else {
        return Err(ApiError::Unauthenticated {
            reason: "UNKNOWN_TOKEN",
            method,
        });
    };
    if principal.role < needed {
        return Err(ApiError::PermissionDenied {
            principal: principal.name.clone(),
            role: principal.role.as_str(),
            needed: needed.as_str(),
            method,
        });
    }
    Ok(Some(principal.clone()))
}

/// Tower middleware that authenticates every call of glocal's services
/// with [`TokenTable`] and runs it as its principal (the store's actor,
/// recorded in revisions, and a [`CallerName`] on the response for the
/// request log); without a table every call passes.
#[derive(Debug, Clone)]
pub struct Authenticate<S> {
    inner: S,
    tokens: Option<Arc<TokenTable>>,
}

impl<S> Authenticate<S> {
    /// Wraps `inner`.
    pub fn new(inner: S, tokens: Option<Arc<TokenTable>>) -> Self {
        Authenticate { inner, tokens }
    }
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for Authenticate<S>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
    ResBody: Default + Send + 'static,
    S::Error: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let Some(tokens) = &self.tokens else {
            return Box::pin(self.inner.call(request));
        };
        let authorization = request
            .headers()
            .get(http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok());
        match authorize(tokens, request.uri().path(), authorization) {
            Ok(principal) => {
                let name = principal.as_ref().map(|p| CallerName(p.name.clone()));
                let future = self.inner.call(request);
                let actor = name.as_ref().map(|n| n.0.clone());
                Box::pin(async move {
                    let mut response = crate::store::as_actor(actor, future).await?;
                    if let Some(name) = name {
                        response.extensions_mut().insert(name);
                    }
                    Ok(response)
                })
            }
            Err(e) => {
                tracing::warn!(path = %request.uri().path(), reason = e.reason(), "refused");
                // Built when polled, inside the caller's language scope.
                Box::pin(async move { Ok(tonic::Status::from(e).into_http()) })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> TokenTable {
        TokenTable::parse(&format!(
            "[[token]]\nprincipal = \"v\"\nrole = \"viewer\"\nsha256 = \"{}\"\n\
             [[token]]\nprincipal = \"e\"\nrole = \"editor\"\nsha256 = \"{}\"\n",
            token_hash_hex("view"),
            token_hash_hex("edit")
        ))
        .unwrap() // ok: test code; the fixture is valid
    }

    #[test]
    fn methods_need_their_roles() {
        use Role::*;
        let table: &[(&str, Option<Role>)] = &[
            ("/grpc.health.v1.Health/Check", None),
            (
                "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                None,
            ),
            ("/glocal.v1.MarketService/GetMarket", Some(Viewer)),
            ("/glocal.v1.MarketService/ListMarkets", Some(Viewer)),
            (
                "/glocal.v1.MarketService/SuggestMarketLocales",
                Some(Viewer),
            ),
            ("/glocal.v1.PlanningService/CheckRoadmap", Some(Viewer)),
            ("/glocal.v1.PlanningService/ExportPlan", Some(Viewer)),
            ("/glocal.v1.PlanningService/RenderMessage", Some(Viewer)),
            (
                "/glocal.v1.PlanningService/ListTranslationTasks",
                Some(Viewer),
            ),
            ("/glocal.v1.ProductService/ReadBundleFile", Some(Viewer)),
            ("/glocal.v1.RevisionService/ListRevisions", Some(Viewer)),
            ("/glocal.v1.MarketService/CreateMarket", Some(Editor)),
            ("/glocal.v1.MarketService/DeleteMarket", Some(Editor)),
            ("/glocal.v1.PlanningService/ImportPlan", Some(Editor)),
            ("/glocal.v1.ProductService/ImportHandoff", Some(Editor)),
            ("/glocal.v1.PlanningService/ExportHandoff", Some(Viewer)),
            ("/glocal.v1.ProductService/WriteBundleFiles", Some(Editor)),
            ("/glocal.v1.ProductService/DeleteBundle", Some(Editor)),
            ("/glocal.v1.MarketService/ImportMarketPreset", Some(Admin)),
            ("/glocal.v1.ProductService/DeleteProduct", Some(Admin)),
            ("/glocal.v1.ProductService/SomethingNew", Some(Admin)),
            ("/other.Service/Get", Some(Admin)),
        ];
        for (path, role) in table {
            assert_eq!(required_role(path), *role, "{path}");
        }
    }

    #[test]
    fn tokens_are_looked_up_by_hash() {
        let t = table();
        assert_eq!(t.lookup("view").map(|p| p.name.as_str()), Some("v"));
        assert_eq!(t.lookup("edit").map(|p| p.role), Some(Role::Editor));
        assert_eq!(t.lookup("nope"), None);
        assert_eq!(t.lookup(""), None);
    }

    #[test]
    fn authorization_decides_by_token_and_role() {
        let t = table();
        let get = "/glocal.v1.MarketService/GetMarket";
        let create = "/glocal.v1.MarketService/CreateMarket";
        assert!(matches!(
            authorize(&t, get, None),
            Err(ApiError::Unauthenticated {
                reason: "MISSING_TOKEN",
                ..
            })
        ));
        assert!(matches!(
            authorize(&t, get, Some("Bearer nope")),
            Err(ApiError::Unauthenticated {
                reason: "UNKNOWN_TOKEN",
                ..
            })
        ));
        assert!(matches!(
            authorize(&t, get, Some("view")),
            Err(ApiError::Unauthenticated { .. })
        ));
        assert_eq!(
            authorize(&t, get, Some("Bearer view"))
                .unwrap() // ok: test code; the fixture is valid
                .unwrap() // ok: test code; the fixture is valid
                .name,
            "v"
        );
        assert!(matches!(
            authorize(&t, create, Some("Bearer view")),
            Err(ApiError::PermissionDenied {
                needed: "editor",
                ..
            })
        ));
        assert_eq!(
            authorize(&t, create, Some("Bearer edit"))
                .unwrap() // ok: test code; the fixture is valid
                .unwrap() // ok: test code; the fixture is valid
                .role,
            Role::Editor
        );
        assert_eq!(
            authorize(&t, "/grpc.health.v1.Health/Check", None).unwrap(),
            None
        );
    }

    #[test]
    fn bad_tokens_files_say_what_is_wrong() {
        let cases = [
            ("", "lists no [[token]]"),
            (
                "[[token]]\nprincipal = \"a\"\nrole = \"boss\"\nsha256 = \"00\"\n",
                "unknown variant `boss`",
            ),
            (
                "[[token]]\nprincipal = \"a\"\nrole = \"viewer\"\nsha256 = \"00\"\n",
                "token 1 (a): sha256 must be 64 hexadecimal digits",
            ),
            (
                "[[token]]\nprincipal = \" \"\nrole = \"viewer\"\nsha256 = \"00\"\n",
                "token 1: the principal is empty",
            ),
            (
                "[[token]]\nprincipal = \"a\"\nrole = \"viewer\"\nsha256 = \"00\"\nextra = 1\n",
                "unknown field `extra`",
            ),
        ];
        for (text, expected) in cases {
            let e = TokenTable::parse(text).unwrap_err();
            assert!(e.contains(expected), "{text:?}: {e}");
        }
        let same = format!(
            "[[token]]\nprincipal = \"a\"\nrole = \"viewer\"\nsha256 = \"{h}\"\n\
             [[token]]\nprincipal = \"b\"\nrole = \"admin\"\nsha256 = \"{h}\"\n",
            h = token_hash_hex("x")
        );
        assert!(TokenTable::parse(&same)
            .unwrap_err()
            .contains("token 2 (b): the same token is listed twice"));
    }

    #[test]
    fn new_tokens_are_random_and_recognizable() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert!(a.starts_with("glc_") && a.len() == 4 + 43, "{a}");
        assert_ne!(a, b);
    }
}
