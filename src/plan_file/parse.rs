//! Reading a plan file: TOML text to a `glocal.v1.Plan`, every problem with
//! its position, and the position of the field a server's violation names.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::schema::PlanFile;
use crate::api::pb::glocal::v1 as pb;

/// A problem with a plan file, at a byte range of the text when known, so
/// that the command can show it as `file:line:column` with the line, as
/// compilers do, for the person who wrote the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte range in the file; `None` when the problem has no place.
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// `FILE:LINE:COLUMN: message`, then the line with a caret under the
    /// range; just `FILE: message` without a position.
    pub fn render(&self, file: &str, text: &str) -> String {
        let Some(span) = &self.span else {
            return format!("{file}: {}\n", self.message);
        };
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_no = text[..start].matches('\n').count() + 1;
        let line = text[line_start..line_end].trim_end_matches('\r');
        let before = &text[line_start..start];
        let column = before.chars().count() + 1;
        let end = floor_char_boundary(text, span.end.clamp(start, line_end));
        let width = text[start..end].chars().count().max(1);
        let pad: String = before
            .chars()
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let gutter = " ".repeat(line_no.to_string().len());
        format!(
            "{file}:{line_no}:{column}: {}\n{gutter} |\n{line_no} | {line}\n{gutter} | {pad}{}\n",
            self.message,
            "^".repeat(width)
        )
    }
}

/// The largest char boundary of `text` at or before `i`.
fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A parsed plan file: the plan to send, and the text it came from, kept to
/// point a field violation of that plan (the server's or the offline
/// validation's) back at the entry of the file that holds it.
#[derive(Debug, Clone)]
pub struct PlanSource {
    /// The plan, as `ImportPlan` takes it.
    pub plan: pb::Plan,
    text: String,
}

impl PlanSource {
    /// Parses the text of a plan file; every syntax error, or else the first
    /// structural error (unknown key, wrong type, bad date), with its position.
    pub fn parse(text: &str) -> Result<PlanSource, Vec<Problem>> {
        let (_, mut errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.span().map(|s| (s.start, s.end)));
            let mut problems: Vec<Problem> = errors
                .iter()
                .map(|e| Problem {
                    span: e.span(),
                    message: one_line(e.message()),
                })
                .collect();
            problems.dedup();
            return Err(problems);
        }
        let file: PlanFile = toml::from_str(text).map_err(|e| {
            let message = match e.message() {
                "missing field `product`" => {
                    "the plan has no [product] table: a plan describes one product \
                     with at least id and source_locale"
                        .to_string()
                }
                other => one_line(other),
            };
            vec![Problem {
                span: e.span(),
                message,
            }]
        })?;
        Ok(PlanSource {
            plan: file.into_plan(),
            text: text.to_string(),
        })
    }

    /// The byte range in the file of the field a server violation names,
    /// such as `plan.markets[2].country`, or of the closest enclosing entry.
    pub fn locate(&self, field: &str) -> Option<Range<usize>> {
        let path = file_path(field)?;
        let (root, _) = DeTable::parse_recoverable(&self.text);
        find_in_table(root.get_ref(), &path)
    }
}

/// A message on one line: its lines trimmed and joined with spaces.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    /// `.name`
    Field(String),
    /// `["key"]`, a map key.
    Key(String),
    /// `[3]`
    Index(usize),
}

/// Parses a field path such as `plan.markets[2].external_ids["key"]`.
fn parse_path(path: &str) -> Option<Vec<Seg>> {
    let mut segs = Vec::new();
    let mut chars = path.chars().peekable();
    let mut expect_field = true;
    while let Some(&c) = chars.peek() {
        match c {
            '.' if !expect_field => {
                chars.next();
                expect_field = true;
            }
            '[' => {
                chars.next();
                if chars.peek() == Some(&'"') {
                    chars.next();
                    let mut key = String::new();
                    loop {
                        match chars.next()? {
                            '"' => break,
                            '\\' => match chars.next()? {
                                'n' => key.push('\n'),
                                't' => key.push('\t'),
                                'r' => key.push('\r'),
                                other => key.push(other),
                            },
                            other => key.push(other),
                        }
                    }
                    segs.push(Seg::Key(key));
                } else {
                    let mut digits = String::new();
                    while let Some(d) = chars.next_if(char::is_ascii_digit) {
                        digits.push(d);
                    }
                    segs.push(Seg::Index(digits.parse().ok()?));
                }
                if chars.next()? != ']' {
                    return None;
                }
                expect_field = false;
            }
            c if expect_field && (c.is_ascii_alphanumeric() || c == '_') => {
                let mut name = String::new();
                while let Some(x) = chars.next_if(|x| x.is_ascii_alphanumeric() || *x == '_') {
                    name.push(x);
                }
                segs.push(Seg::Field(name));
                expect_field = false;
            }
            _ => return None,
        }
    }
    (!segs.is_empty() && !expect_field).then_some(segs)
}

/// The path in the file of a field of the request: `plan.markets[2].name`
/// is `market[2].id`, `plan.product.fluent_source` is `product.fluent`,
/// `plan.roadmaps[0].items[1]` is `roadmap[0].item[1]`.
fn file_path(field: &str) -> Option<Vec<Seg>> {
    let mut segs = parse_path(field)?.into_iter();
    if segs.next()? != Seg::Field("plan".into()) {
        return None;
    }
    let mut out = Vec::new();
    for (i, seg) in segs.enumerate() {
        out.push(match seg {
            Seg::Field(f) => Seg::Field(
                match (i, f.as_str()) {
                    (0, "markets") => "market",
                    (0, "requirements") => "requirement",
                    (0, "variants") => "variant",
                    (0, "launches") => "launch",
                    (0, "roadmaps") => "roadmap",
                    (_, "name") => "id",
                    (_, "fluent_source") => "fluent",
                    (_, "items") => "item",
                    (_, other) => other,
                }
                .to_string(),
            ),
            other => other,
        });
    }
    Some(out)
}

/// The range of the deepest value along `path` that the document has.
fn find_in_table(table: &DeTable<'_>, path: &[Seg]) -> Option<Range<usize>> {
    let (first, rest) = path.split_first()?;
    let (Seg::Field(key) | Seg::Key(key)) = first else {
        return None;
    };
    let (_, value) = table.iter().find(|(k, _)| k.get_ref().as_ref() == key)?;
    Some(find_in_value(value, rest))
}

fn find_in_value(value: &Spanned<DeValue<'_>>, rest: &[Seg]) -> Range<usize> {
    let here = value.span();
    match (value.get_ref(), rest.first()) {
        (DeValue::Table(t), Some(_)) => find_in_table(t, rest).unwrap_or(here),
        (DeValue::Array(a), Some(Seg::Index(i))) => match a.get(*i) {
            Some(element) => find_in_value(element, &rest[1..]),
            None => here,
        },
        _ => here,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_map_to_file_paths() {
        let f = |s: &str| Seg::Field(s.into());
        assert_eq!(
            file_path("plan.markets[2].country"),
            Some(vec![f("market"), Seg::Index(2), f("country")])
        );
        assert_eq!(
            file_path("plan.markets[0].external_ids[\"Bad Key\"]"),
            Some(vec![
                f("market"),
                Seg::Index(0),
                f("external_ids"),
                Seg::Key("Bad Key".into())
            ])
        );
        assert_eq!(
            file_path("plan.roadmaps[1].items[0].waivers[2].requirement"),
            Some(vec![
                f("roadmap"),
                Seg::Index(1),
                f("item"),
                Seg::Index(0),
                f("waivers"),
                Seg::Index(2),
                f("requirement")
            ])
        );
        assert_eq!(
            file_path("plan.product.fluent_source.layout"),
            Some(vec![f("product"), f("fluent"), f("layout")])
        );
        assert_eq!(
            file_path("plan.variants[0].name"),
            Some(vec![f("variant"), Seg::Index(0), f("id")])
        );
        assert_eq!(file_path("plan (products/p)"), None);
        assert_eq!(file_path("market.country"), None);
        assert_eq!(parse_path("a..b"), None);
        assert_eq!(parse_path("a["), None);
    }

    const MINIMAL: &str = "[product]\nid = \"p\"\nsource_locale = \"en-US\"\n";

    #[test]
    fn problems_have_line_and_column() {
        let text = format!("{MINIMAL}\n[[market]]\nid = \"m\"\ncontry = \"FI\"\n");
        let problems = PlanSource::parse(&text).unwrap_err();
        let shown = problems[0].render("plan.toml", &text);
        assert!(
            shown.starts_with("plan.toml:7:1: unknown field `contry`"),
            "{shown}"
        );
        assert!(
            shown.contains("7 | contry = \"FI\"\n  | ^^^^^^\n"),
            "{shown}"
        );

        let text = format!("{MINIMAL}\n[[launch]]\nid = \"l\"\nphases = [{{ phase = \"GA\", date = \"2027-01-01\" }}]\n");
        let problems = PlanSource::parse(&text).unwrap_err();
        let shown = problems[0].render("p.toml", &text);
        assert!(shown.starts_with("p.toml:7:"), "{shown}");
        assert!(shown.contains("without quotes"), "{shown}");
    }

    #[test]
    fn violations_point_at_the_entry() {
        let text = format!(
            "{MINIMAL}\n[[market]]\nid = \"a\"\n\n[[market]]\nid = \"b\"\ncountry = \"ZZ\"\n\n\
             [[variant]]\nid = \"v\"\nmarkets = [\"a\", \"gone\"]\n"
        );
        let source = PlanSource::parse(&text).unwrap();
        let at = |field: &str, _description: &str| source.locate(field).map(|span| &text[span]);
        assert_eq!(at("plan.markets[1].country", ""), Some("\"ZZ\""));
        assert_eq!(
            at("plan.markets[0].country", "is required"),
            Some("[[market]]")
        );
        assert_eq!(at("plan.product.name", ""), Some("\"p\""));
        assert_eq!(
            at(
                "plan.variants[0].markets[1]",
                "markets/gone is neither in the plan nor on the server"
            ),
            Some("\"gone\"")
        );
        assert_eq!(at("plan", "x"), None);
    }
}
