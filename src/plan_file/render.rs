//! Writing a plan file: a `glocal.v1.Plan` as TOML in the format people
//! write, deterministically, fields at their default left out.

use std::{collections::BTreeMap, fmt::Write as _};

use super::schema::{Kind, MatchPolicyWord, ObligationWord, PhaseWord, ScopeWord, StatusWord};
use super::RenderError;
use crate::api::pb::glocal::v1 as pb;
use crate::api::pb::google::r#type::Date;

/// Longest `key = [ ... ]` line before an array is written one element a line.
const MAX_INLINE: usize = 100;

/// Writes a plan in the plan file format: a header comment, then the plan's
/// resources in the order the server sent them, each field in proto order,
/// fields at their default left out, so that a person can review and edit
/// what `glocal export` wrote and an export after an import of it is the
/// same bytes. Fails on what the format cannot say ([`RenderError`]).
pub fn render_plan(plan: &pb::Plan) -> Result<String, RenderError> {
    let product = plan.product.as_ref().ok_or(RenderError::NoProduct)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# glocal plan of products/{}, written by `glocal export`.",
        // The name as the file's `id` spells it, so that a render of the
        // render is the same file.
        last_segment(&product.name)
    );
    out.push_str(
        "# Load it with `glocal import FILE --server URL`. Fields at their default are\n\
         # left out; the README of the glocal repository documents the format.\n",
    );
    if !plan.market_preset.is_empty() {
        out.push('\n');
        Out::new(&mut out).str("market_preset", &plan.market_preset);
    }

    for m in &plan.markets {
        out.push_str("\n[[market]]\n");
        let mut w = Out::new(&mut out);
        w.str("id", last_segment(&m.name));
        w.str("display_name", &m.display_name);
        w.str("country", &m.country);
        w.strs("subdivisions", &m.subdivisions);
        w.strs("blocs", &m.blocs);
        w.str("currency", &m.currency);
        w.strs("storefront_locales", &m.storefront_locales);
        if m.storefront_locales.first() != Some(&m.default_locale) {
            w.str("default_locale", &m.default_locale);
        }
        w.map("external_ids", &m.external_ids);
    }

    for r in &plan.requirements {
        out.push_str("\n[[requirement]]\n");
        let mut w = Out::new(&mut out);
        w.str("id", last_segment(&r.name));
        if let Some(place) = r.jurisdiction.as_ref().and_then(|j| j.place.as_ref()) {
            use pb::jurisdiction::Place;
            let (key, value) = match place {
                Place::Country(c) => ("country", c),
                Place::Subdivision(s) => ("subdivision", s),
                Place::Bloc(b) => ("bloc", b),
            };
            w.raw("jurisdiction", &inline_table(&[(key, quote(value))]));
        }
        w.word("kind", Kind::word_of(r.kind)?);
        w.str("summary", &r.summary);
        w.str("legal_reference", &r.legal_reference);
        w.str("source_url", &r.source_url);
        w.date("effective_from", r.effective_from.as_ref());
        w.date("effective_until", r.effective_until.as_ref());
        w.strs("product_categories", &r.product_categories);
        let mut rules = Vec::new();
        for rule in &r.locale_rules {
            let mut fields = vec![("locale", quote(&rule.locale))];
            if let Some(o) = ObligationWord::word_of(rule.obligation)?.filter(|o| *o != "MANDATORY")
            {
                fields.push(("obligation", quote(o)));
            }
            if let Some(m) =
                MatchPolicyWord::word_of(rule.match_policy)?.filter(|m| *m != "CLDR_FALLBACK")
            {
                fields.push(("match_policy", quote(m)));
            }
            if rule.must_be_default {
                fields.push(("must_be_default", "true".into()));
            }
            rules.push(inline_table(&fields));
        }
        w.array("locale_rules", &rules);
        w.strs("required_messages", &r.required_messages);
    }

    out.push_str("\n[product]\n");
    let mut w = Out::new(&mut out);
    w.str("id", last_segment(&product.name));
    w.str("display_name", &product.display_name);
    w.str("source_locale", &product.source_locale);
    w.strs("categories", &product.categories);
    // FILE, the default, is left out, so plans from before the field existed
    // export unchanged.
    w.word(
        "message_scope",
        ScopeWord::word_of(product.message_scope)?.filter(|s| *s != "file"),
    );
    if let Some(f) = &product.fluent_source {
        out.push_str("\n[product.fluent]\n");
        let mut w = Out::new(&mut out);
        w.str("directory", &f.directory);
        w.str("layout", &f.layout);
    }

    let variants_of = format!("{}/variants/", product.name);
    for v in &plan.variants {
        out.push_str("\n[[variant]]\n");
        let mut w = Out::new(&mut out);
        w.str("id", last_segment(&v.name));
        w.str("display_name", &v.display_name);
        w.str("sku", &v.sku);
        w.strs("markets", &ids(&v.markets, "markets/"));
        w.map("attributes", &v.attributes);
        w.strs("features", &v.features);
        w.strs("required_messages", &v.required_messages);
    }

    for l in &plan.launches {
        out.push_str("\n[[launch]]\n");
        let mut w = Out::new(&mut out);
        w.str("id", last_segment(&l.name));
        w.str("market", short(&l.market, "markets/"));
        w.str("variant", short(&l.variant, &variants_of));
        let mut phases = Vec::new();
        for p in &l.phases {
            let mut fields = Vec::new();
            if let Some(word) = PhaseWord::word_of(p.phase)? {
                fields.push(("phase", quote(word)));
            }
            if let Some(d) = &p.date {
                fields.push(("date", date(d)));
            }
            phases.push(inline_table(&fields));
        }
        w.array("phases", &phases);
        w.word(
            "status",
            StatusWord::word_of(l.status)?.filter(|s| *s != "PLANNED"),
        );
        // Left out when empty, so plans from before the field existed export
        // unchanged.
        w.strs("locales", &l.locales);
        // Left out at the default, 1, likewise.
        if let Some(weight) = l.weight.filter(|w| *w != 1.0) {
            // `{:?}` writes a TOML float: `0.5`, `2.0`, `1e20`.
            w.raw("weight", &format!("{weight:?}"));
        }
    }

    for r in &plan.roadmaps {
        out.push_str("\n[[roadmap]]\n");
        let mut w = Out::new(&mut out);
        w.str("id", last_segment(&r.name));
        w.str("display_name", &r.display_name);
        for item in &r.items {
            out.push_str("\n[[roadmap.item]]\n");
            let mut w = Out::new(&mut out);
            w.str("id", &item.id);
            w.str("title", &item.title);
            w.strs("messages", &item.messages);
            w.date("target_date", item.target_date.as_ref());
            w.strs("markets", &ids(&item.markets, "markets/"));
            let waivers: Vec<String> = item
                .waivers
                .iter()
                .map(|wv| {
                    let mut fields = vec![(
                        "requirement",
                        quote(short(&wv.requirement, "requirements/")),
                    )];
                    if !wv.reason.is_empty() {
                        fields.push(("reason", quote(&wv.reason)));
                    }
                    if !wv.approver.is_empty() {
                        fields.push(("approver", quote(&wv.approver)));
                    }
                    if let Some(d) = &wv.expiry {
                        fields.push(("expiry", date(d)));
                    }
                    inline_table(&fields)
                })
                .collect();
            w.array("waivers", &waivers);
        }
    }
    Ok(out)
}

/// Appends `key = value` lines, skipping values at their default.
struct Out<'a>(&'a mut String);

impl<'a> Out<'a> {
    fn new(out: &'a mut String) -> Self {
        Out(out)
    }

    fn raw(&mut self, key: &str, value: &str) {
        let _ = writeln!(self.0, "{} = {value}", bare_or_quoted(key));
    }

    fn str(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.raw(key, &quote(value));
        }
    }

    fn word(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.raw(key, &quote(v));
        }
    }

    fn date(&mut self, key: &str, value: Option<&Date>) {
        if let Some(d) = value {
            self.raw(key, &date(d));
        }
    }

    fn strs(&mut self, key: &str, values: &[String]) {
        let rendered: Vec<String> = values.iter().map(|v| quote(v)).collect();
        self.array(key, &rendered);
    }

    /// An array of rendered values: on one line if it fits, else one element
    /// a line.
    fn array(&mut self, key: &str, rendered: &[String]) {
        if rendered.is_empty() {
            return;
        }
        let key = bare_or_quoted(key);
        let inline = format!("{key} = [{}]", rendered.join(", "));
        if inline.chars().count() <= MAX_INLINE {
            self.0.push_str(&inline);
            self.0.push('\n');
        } else {
            let _ = writeln!(self.0, "{key} = [");
            for r in rendered {
                let _ = writeln!(self.0, "  {r},");
            }
            self.0.push_str("]\n");
        }
    }

    fn map(&mut self, key: &str, map: &std::collections::HashMap<String, String>) {
        if map.is_empty() {
            return;
        }
        let sorted: BTreeMap<&String, &String> = map.iter().collect();
        let fields: Vec<(&str, String)> = sorted
            .into_iter()
            .map(|(k, v)| (k.as_str(), quote(v)))
            .collect();
        self.raw(key, &inline_table(&fields));
    }
}

/// `{ a = 1, b = 2 }`
fn inline_table(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{} = {v}", bare_or_quoted(k)))
        .collect();
    format!("{{ {} }}", body.join(", "))
}

/// A TOML local date.
fn date(d: &Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// A TOML basic string, escaped.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A key as is if it is a bare TOML key, else quoted.
fn bare_or_quoted(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare {
        key.to_string()
    } else {
        quote(key)
    }
}

/// The id of a resource name (its last segment).
fn last_segment(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// A reference as an id when it has the expected prefix, else the full name.
fn short<'a>(name: &'a str, prefix: &str) -> &'a str {
    match name.strip_prefix(prefix) {
        Some(id) if !id.contains('/') && !id.is_empty() => id,
        _ => name,
    }
}

fn ids(names: &[String], prefix: &str) -> Vec<String> {
    names.iter().map(|n| short(n, prefix).to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(quote("a\"b\\c\nd\u{7}é"), "\"a\\\"b\\\\c\\nd\\u0007é\"");
        assert_eq!(bare_or_quoted("amazon_id"), "amazon_id");
        assert_eq!(bare_or_quoted("a b"), "\"a b\"");
        let parsed: toml::Table = toml::from_str(&format!("k = {}", quote("x\"\t\u{1}y"))).unwrap();
        assert_eq!(parsed["k"].as_str(), Some("x\"\t\u{1}y"));
    }
}
