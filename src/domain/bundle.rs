//! Fluent bundles: the files of one product in one locale, and what their
//! index says in total.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ftl::{DiagnosticKind, EntryKind, FileIndex};
use super::ids::in_name;
use super::violations::escaped;
use super::{LocaleTag, MessageScope, ResourceKind, ResourceName};
use crate::l10n::Text;

/// Longest accepted file path, in bytes.
pub const MAX_PATH_BYTES: usize = 512;

/// Checks a bundle file path: relative, `/`-separated, ending in `.ftl`,
/// without empty, `.` or `..` segments; explains what is wrong otherwise (in
/// any of glocal's languages).
pub fn validate_bundle_path(path: &str) -> Result<(), Text> {
    if path.is_empty() {
        return Err(Text::new("validation-path-empty"));
    }
    if path.len() > MAX_PATH_BYTES {
        // Quoted whole up to twice the limit; a longer one only begins.
        let mut end = path.len().min(2 * MAX_PATH_BYTES);
        while !path.is_char_boundary(end) {
            end -= 1;
        }
        let shown = if end < path.len() {
            format!("{}…", escaped(&path[..end]))
        } else {
            escaped(path)
        };
        return Err(Text::new("validation-path-too-long")
            .text("path", shown)
            .number("max", MAX_PATH_BYTES as i64));
    }
    let problem = if path.starts_with('/') {
        "validation-path-absolute"
    } else if path.contains('\\') {
        "validation-path-backslash"
    } else if !path.ends_with(".ftl") {
        "validation-path-not-ftl"
    } else if path
        .split('/')
        .any(|s| s.is_empty() || s == "." || s == "..")
    {
        "validation-path-segments"
    } else if path.chars().any(char::is_control) {
        "validation-path-control-characters"
    } else {
        return Ok(());
    };
    Err(Text::new(problem).text("path", escaped(path)))
}

/// Parses a bundle name `products/{product}/bundles/{locale}`; the locale is
/// put in canonical case. Explains what is wrong otherwise (in any of
/// glocal's languages).
pub fn parse_bundle_name(name: &str) -> Result<(ResourceName, LocaleTag), Text> {
    let parts: Vec<&str> = name.split('/').collect();
    let bad = || Text::new("validation-bundle-name-malformed").text("name", escaped(name));
    let [products, product_id, bundles, locale] = parts.as_slice() else {
        return Err(bad());
    };
    if *products != "products" || *bundles != "bundles" {
        return Err(bad());
    }
    let product =
        ResourceName::parse_text(ResourceKind::Product, &format!("products/{product_id}"))?;
    let locale = LocaleTag::parse(locale).map_err(|e| in_name(name, e))?;
    Ok((product, locale))
}

/// The canonical name of the bundle of `product` in `locale`.
pub fn bundle_name(product: &ResourceName, locale: &LocaleTag) -> String {
    format!("{product}/bundles/{locale}")
}

/// The store name of a file of a bundle (the path with `%` and `/` escaped,
/// so that the file is one document directly under the bundle).
pub fn bundle_file_name(bundle: &str, path: &str) -> String {
    let escaped = path.replace('%', "%25").replace('/', "%2F");
    format!("{bundle}/files/{escaped}")
}

/// A stored file: its text and its index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleFileDoc {
    /// The file path.
    pub path: String,
    /// The text.
    pub content: String,
    /// What the parser found in it.
    pub index: FileIndex,
}

/// Counts over Fluent text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Files.
    pub files: u32,
    /// Distinct message ids.
    pub messages: u32,
    /// Distinct term ids.
    pub terms: u32,
    /// Attributes of messages and terms.
    pub attributes: u32,
    /// Words in values and attributes.
    pub words: u32,
}

/// A problem in one file of a bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleDiagnostic {
    /// The file.
    pub file: String,
    /// The problem (positions within `file`).
    pub diagnostic: super::ftl::Diagnostic,
    /// Set for an id that another, earlier file of the bundle defines.
    #[serde(default)]
    pub across_files: bool,
}

/// Summary of one file, kept in the bundle document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    /// The path.
    pub path: String,
    /// Size of the text in bytes.
    pub size_bytes: u64,
    /// Counts over the file.
    pub counts: Counts,
    /// Number of diagnostics of the file (including ids duplicated across files).
    pub diagnostic_count: u32,
}

/// The stored bundle: a summary of its files, kept in step with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleDoc {
    /// The locale.
    pub locale: LocaleTag,
    /// The files, in path order.
    pub files: Vec<FileSummary>,
    /// Totals.
    pub totals: Counts,
    /// Every diagnostic, in path and line order.
    pub diagnostics: Vec<BundleDiagnostic>,
}

impl BundleDoc {
    /// Summarizes the files (`path` → index and size) of a bundle in `locale`
    /// under the product's message `scope`: under [`MessageScope::File`] each
    /// file's ids count as its own messages and an id in two files is no
    /// duplicate; under [`MessageScope::Bundle`] an id counts once, in the
    /// first file in path order, and its definitions in later files are
    /// duplicates across files.
    pub fn summarize<'a>(
        locale: LocaleTag,
        files: impl IntoIterator<Item = (&'a str, u64, &'a FileIndex)>,
        scope: MessageScope,
    ) -> BundleDoc {
        let mut sorted: Vec<(&str, u64, &FileIndex)> = files.into_iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        let mut seen: BTreeMap<(bool, &str), &str> = BTreeMap::new();
        let mut doc = BundleDoc {
            locale,
            files: Vec::new(),
            totals: Counts::default(),
            diagnostics: Vec::new(),
        };
        for (path, size, index) in sorted {
            let mut counts = Counts {
                files: 1,
                ..Counts::default()
            };
            let mut file_diags: Vec<BundleDiagnostic> = index
                .diagnostics
                .iter()
                .map(|d| BundleDiagnostic {
                    file: path.to_string(),
                    diagnostic: d.clone(),
                    across_files: false,
                })
                .collect();
            let mut ids_in_file: Vec<&str> = Vec::new();
            for entry in &index.entries {
                if ids_in_file.contains(&entry.id.as_str()) {
                    continue; // a duplicate within the file, already diagnosed
                }
                ids_in_file.push(&entry.id);
                let is_term = entry.kind == EntryKind::Term;
                let earlier = match scope {
                    MessageScope::File => None,
                    MessageScope::Bundle => seen.get(&(is_term, entry.id.as_str())),
                };
                match earlier {
                    Some(first_file) => file_diags.push(BundleDiagnostic {
                        file: path.to_string(),
                        diagnostic: super::ftl::Diagnostic {
                            kind: DiagnosticKind::DuplicateId,
                            line: entry.line,
                            column: entry.column,
                            end_line: entry.line,
                            end_column: entry.column + entry.id.chars().count() as u32,
                            message: format!(
                                "duplicate id {}, first defined in {first_file}",
                                entry.id
                            ),
                            id: Some(entry.id.clone()),
                            first_line: None,
                            entry_line: None,
                            swallowed: Vec::new(),
                        },
                        across_files: true,
                    }),
                    None => {
                        seen.insert((is_term, entry.id.as_str()), path);
                        if is_term {
                            counts.terms += 1;
                        } else {
                            counts.messages += 1;
                        }
                        counts.attributes += entry.attributes.len() as u32;
                        counts.words += entry.words;
                    }
                }
            }
            file_diags.sort_by_key(|d| (d.diagnostic.line, d.diagnostic.column));
            doc.files.push(FileSummary {
                path: path.to_string(),
                size_bytes: size,
                counts,
                diagnostic_count: file_diags.len() as u32,
            });
            doc.totals.files += 1;
            doc.totals.messages += counts.messages;
            doc.totals.terms += counts.terms;
            doc.totals.attributes += counts.attributes;
            doc.totals.words += counts.words;
            doc.diagnostics.extend(file_diags);
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ftl::index_file;

    #[test]
    fn validates_paths() {
        for good in ["a.ftl", "shop/cart.ftl", "a b/c-d_e.ftl"] {
            assert!(validate_bundle_path(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "/a.ftl",
            "a.txt",
            "../a.ftl",
            "a/../b.ftl",
            "a//b.ftl",
            "./a.ftl",
            "a\\b.ftl",
        ] {
            assert!(validate_bundle_path(bad).is_err(), "{bad}");
        }
        let reasons = [
            ("", "\"\" is required"),
            ("/a.ftl", "\"/a.ftl\" must be relative (no leading '/')"),
            (
                "a\\b.ftl",
                "\"a\\\\b.ftl\" must use '/' to separate folders, not '\\'",
            ),
            ("a.txt", "\"a.txt\" must end in .ftl"),
            (
                "a//b.ftl",
                "\"a//b.ftl\" must not have empty, '.' or '..' segments",
            ),
            (
                "a\u{7}.ftl",
                "\"a\\u{7}.ftl\" must not contain control characters",
            ),
        ];
        for (path, reason) in reasons {
            assert_eq!(validate_bundle_path(path).unwrap_err().to_string(), reason);
        }
        let long = format!("{}.ftl", "a".repeat(510));
        assert_eq!(
            validate_bundle_path(&long).unwrap_err().to_string(),
            format!("{long:?} is longer than 512 bytes")
        );
        // A huge path is quoted only as far as twice the limit.
        let huge = format!("{}.ftl", "é".repeat(1_000_000));
        assert_eq!(
            validate_bundle_path(&huge).unwrap_err().to_string(),
            format!("\"{}…\" is longer than 512 bytes", "é".repeat(512))
        );
    }

    #[test]
    fn parses_bundle_names_and_escapes_file_names() {
        let (product, locale) = parse_bundle_name("products/kettle/bundles/fr-ca").unwrap();
        assert_eq!(
            bundle_name(&product, &locale),
            "products/kettle/bundles/fr-CA"
        );
        assert_eq!(
            parse_bundle_name("products/kettle/bundle/fr")
                .unwrap_err()
                .to_string(),
            "\"products/kettle/bundle/fr\" is not a bundle name of the form \
             products/{product}/bundles/{locale}"
        );
        assert!(parse_bundle_name("products/kettle/bundles/fr_CA").is_err());
        assert_eq!(bundle_file_name("b", "x/y%.ftl"), "b/files/x%2Fy%25.ftl");
    }

    #[test]
    fn summarizes_counts_and_ids_duplicated_across_files() {
        let a = index_file("hello = Hello world\n    .title = Hi\n-brand = Kettle\n");
        let b = index_file("bye = Bye\nhello = Hello again\n");
        let doc = BundleDoc::summarize(
            LocaleTag::parse("en-US").unwrap(),
            [("b.ftl", 30, &b), ("a.ftl", 40, &a)],
            MessageScope::Bundle,
        );
        assert_eq!(doc.files[0].path, "a.ftl");
        assert_eq!(
            (
                doc.totals.files,
                doc.totals.messages,
                doc.totals.terms,
                doc.totals.attributes
            ),
            (2, 2, 1, 1)
        );
        assert_eq!(doc.diagnostics.len(), 1);
        let d = &doc.diagnostics[0];
        assert!(
            d.across_files && d.file == "b.ftl" && d.diagnostic.line == 2,
            "{d:?}"
        );
        // Per file, b.ftl's hello is a message of its own.
        let doc = BundleDoc::summarize(
            LocaleTag::parse("en-US").unwrap(),
            [("b.ftl", 30, &b), ("a.ftl", 40, &a)],
            MessageScope::File,
        );
        assert_eq!((doc.totals.messages, doc.diagnostics.len()), (3, 0));
    }
}
