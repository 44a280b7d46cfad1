//! Fluent side of the hand-off: parse one entry, flatten its patterns into
//! translation units, and rebuild an entry from translated units.
//!
//! A pattern is flattened into one *leaf* per combination of select variants.
//! Each leaf is the whole text of that combination (text around the select
//! included), as a list of [`Part`]s. The path of choices that led to the leaf
//! is kept in [`Choice`]s so that the select expressions can be rebuilt.
//!
//! Rebuilding hoists every select expression to the top of its pattern: each
//! variant holds the complete translated sentence. The result is equivalent to
//! the source (same selectors, keys, default variants, placeables per
//! variant combination, attributes) without having to split a translated
//! sentence back into "text before", "variant" and "text after".

use fluent_syntax::ast;
use fluent_syntax::parser;
use fluent_syntax::serializer;

/// Upper bound on the variant combinations of one pattern, so that a pattern
/// with many sequential selects cannot explode into millions of units.
pub(crate) const MAX_LEAVES: usize = 256;

/// A piece of a unit's content.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Part {
    /// Translatable text.
    Text(String),
    /// A placeable, as Fluent source text, e.g. `{ $count }`.
    Placeable(String),
}

/// One select expression on the path to a leaf, and the variant taken.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Choice {
    /// The selector as Fluent source, e.g. `$n` or `NUMBER($n)`.
    pub selector: String,
    /// Key of the variant taken (identifier or number literal, as written).
    pub key: String,
    /// All keys of the select expression, in source order.
    pub keys: Vec<String>,
    /// Key of the default variant.
    pub default_key: String,
}

/// One variant combination of a pattern.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Leaf {
    /// Select choices from the outermost select inwards.
    pub path: Vec<Choice>,
    /// The complete text of this combination.
    pub parts: Vec<Part>,
}

/// The leaves of one pattern: the value (`attribute == None`) or an attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PatternUnits {
    /// Attribute name, or `None` for the entry's value.
    pub attribute: Option<String>,
    /// Variant combinations, in source order.
    pub leaves: Vec<Leaf>,
}

/// A parsed message or term, flattened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FlatEntry {
    /// Entry id, with a leading `-` for terms.
    pub id: String,
    /// The entry's own comment, if the source carried one.
    pub comment: Option<String>,
    /// Value first (if any), then attributes in source order.
    pub patterns: Vec<PatternUnits>,
}

fn describe_parse_errors(errors: &[parser::ParserError]) -> String {
    errors
        .iter()
        .map(|e| format!("{} at byte {}", e.kind, e.pos.start))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Parses Fluent text that must contain exactly one message or term (comments
/// aside) and no junk.
pub(crate) fn parse_single_entry(source: &str) -> Result<ast::Entry<String>, String> {
    let resource = match parser::parse(source.to_string()) {
        Ok(resource) => resource,
        Err((_, errors)) => return Err(describe_parse_errors(&errors)),
    };
    let mut found = None;
    for entry in resource.body {
        match entry {
            ast::Entry::Message(_) | ast::Entry::Term(_) => {
                if found.is_some() {
                    return Err("more than one message or term".to_string());
                }
                found = Some(entry);
            }
            ast::Entry::Junk { content } => {
                return Err(format!("unparsable Fluent: {}", content.trim_end()));
            }
            ast::Entry::Comment(_)
            | ast::Entry::GroupComment(_)
            | ast::Entry::ResourceComment(_) => {}
        }
    }
    found.ok_or_else(|| "no message or term found".to_string())
}

/// Id of a message or term entry as written in Fluent (`-` prefix for terms).
pub(crate) fn entry_id(entry: &ast::Entry<String>) -> Option<String> {
    match entry {
        ast::Entry::Message(m) => Some(m.id.name.clone()),
        ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
        _ => None,
    }
}

/// Parses and flattens one entry.
pub(crate) fn flatten_source(source: &str) -> Result<FlatEntry, String> {
    let entry = parse_single_entry(source)?;
    flatten_entry(&entry)
}

/// Flattens an already parsed message or term.
pub(crate) fn flatten_entry(entry: &ast::Entry<String>) -> Result<FlatEntry, String> {
    let (id, value, attributes, comment) = match entry {
        ast::Entry::Message(m) => (
            m.id.name.clone(),
            m.value.as_ref(),
            &m.attributes,
            m.comment.as_ref(),
        ),
        ast::Entry::Term(t) => (
            format!("-{}", t.id.name),
            Some(&t.value),
            &t.attributes,
            t.comment.as_ref(),
        ),
        _ => return Err("not a message or term".to_string()),
    };
    let mut patterns = Vec::new();
    if let Some(value) = value {
        patterns.push(PatternUnits {
            attribute: None,
            leaves: flatten_pattern(value)?,
        });
    }
    for attribute in attributes {
        patterns.push(PatternUnits {
            attribute: Some(attribute.id.name.clone()),
            leaves: flatten_pattern(&attribute.value)?,
        });
    }
    Ok(FlatEntry {
        id,
        comment: comment.map(|c| c.content.join("\n")),
        patterns,
    })
}

fn push_part(parts: &mut Vec<Part>, part: Part) {
    match (parts.last_mut(), part) {
        (Some(Part::Text(last)), Part::Text(text)) => last.push_str(&text),
        (_, Part::Text(text)) if text.is_empty() => {}
        (_, part) => parts.push(part),
    }
}

fn select_of(
    expression: &ast::Expression<String>,
) -> Option<(&ast::InlineExpression<String>, &[ast::Variant<String>])> {
    match expression {
        ast::Expression::Select { selector, variants } => Some((selector, variants)),
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            select_of(expression)
        }
        ast::Expression::Inline(_) => None,
    }
}

fn variant_key_text(key: &ast::VariantKey<String>) -> String {
    match key {
        ast::VariantKey::Identifier { name } => name.clone(),
        ast::VariantKey::NumberLiteral { value } => value.clone(),
    }
}

/// Flattens a pattern into its variant combinations.
pub(crate) fn flatten_pattern(pattern: &ast::Pattern<String>) -> Result<Vec<Leaf>, String> {
    let mut leaves = vec![Leaf::default()];
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                for leaf in &mut leaves {
                    push_part(&mut leaf.parts, Part::Text(value.clone()));
                }
            }
            ast::PatternElement::Placeable { expression } => match select_of(expression) {
                Some((selector, variants)) => {
                    let selector = selector_text(selector);
                    let keys: Vec<String> =
                        variants.iter().map(|v| variant_key_text(&v.key)).collect();
                    let default_key = variants
                        .iter()
                        .find(|v| v.default)
                        .map(|v| variant_key_text(&v.key))
                        .ok_or_else(|| format!("select on {selector} has no default variant"))?;
                    let mut subs = Vec::new();
                    for variant in variants {
                        subs.push((
                            variant_key_text(&variant.key),
                            flatten_pattern(&variant.value)?,
                        ));
                    }
                    let mut next = Vec::new();
                    for leaf in &leaves {
                        for (key, sub_leaves) in &subs {
                            for sub in sub_leaves {
                                let mut path = leaf.path.clone();
                                path.push(Choice {
                                    selector: selector.clone(),
                                    key: key.clone(),
                                    keys: keys.clone(),
                                    default_key: default_key.clone(),
                                });
                                path.extend(sub.path.iter().cloned());
                                let mut parts = leaf.parts.clone();
                                for part in &sub.parts {
                                    push_part(&mut parts, part.clone());
                                }
                                next.push(Leaf { path, parts });
                                if next.len() > MAX_LEAVES {
                                    return Err(format!(
                                        "more than {MAX_LEAVES} variant combinations"
                                    ));
                                }
                            }
                        }
                    }
                    leaves = next;
                }
                None => {
                    let text = placeable_text(expression);
                    for leaf in &mut leaves {
                        leaf.parts.push(Part::Placeable(text.clone()));
                    }
                }
            },
        }
    }
    Ok(leaves)
}

fn single_placeable_resource(expression: ast::Expression<String>) -> ast::Resource<String> {
    ast::Resource {
        body: vec![ast::Entry::Message(ast::Message {
            id: ast::Identifier {
                name: "x".to_string(),
            },
            value: Some(ast::Pattern {
                elements: vec![ast::PatternElement::Placeable { expression }],
            }),
            attributes: Vec::new(),
            comment: None,
        })],
    }
}

/// Fluent source of a placeable, braces included, e.g. `{ $count }`.
pub(crate) fn placeable_text(expression: &ast::Expression<String>) -> String {
    let text = serializer::serialize(&single_placeable_resource(expression.clone()));
    let text = text.strip_prefix("x = ").unwrap_or(&text);
    text.trim_end_matches('\n').to_string()
}

/// Fluent source of a selector, without braces, e.g. `$n`.
pub(crate) fn selector_text(selector: &ast::InlineExpression<String>) -> String {
    let text = placeable_text(&ast::Expression::Inline(selector.clone()));
    let inner = text
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .unwrap_or(&text);
    inner.trim().to_string()
}

/// Parses `{ ... }` Fluent source back into a (non-select) placeable expression.
pub(crate) fn parse_placeable(text: &str) -> Result<ast::Expression<String>, String> {
    if text.contains('\n') || text.contains('\r') {
        return Err(format!("placeable {text:?} spans lines"));
    }
    let entry = parse_single_entry(&format!("x = {text}\n"))
        .map_err(|e| format!("placeable {text:?} is not valid Fluent: {e}"))?;
    if let ast::Entry::Message(ast::Message {
        value: Some(mut pattern),
        attributes,
        ..
    }) = entry
    {
        if pattern.elements.len() == 1 && attributes.is_empty() {
            if let Some(ast::PatternElement::Placeable { expression }) = pattern.elements.pop() {
                if select_of(&expression).is_none() {
                    return Ok(expression);
                }
            }
        }
    }
    Err(format!("{text:?} is not a single Fluent placeable"))
}

/// Parses selector source (e.g. `$n`) back into an inline expression.
pub(crate) fn parse_selector(text: &str) -> Result<ast::InlineExpression<String>, String> {
    if text.contains('\n') || text.contains('\r') || text.contains('}') {
        return Err(format!(
            "selector {text:?} is not a single inline expression"
        ));
    }
    let source = format!("x = {{ {text} ->\n   *[other] x\n}}\n");
    let entry = parse_single_entry(&source)
        .map_err(|e| format!("selector {text:?} is not valid Fluent: {e}"))?;
    if let ast::Entry::Message(ast::Message {
        value: Some(mut pattern),
        ..
    }) = entry
    {
        if pattern.elements.len() == 1 {
            if let Some(ast::PatternElement::Placeable {
                expression: ast::Expression::Select { selector, .. },
            }) = pattern.elements.pop()
            {
                return Ok(selector);
            }
        }
    }
    Err(format!("{text:?} is not a valid selector"))
}

fn variant_key(key: &str) -> Result<ast::VariantKey<String>, String> {
    let valid_identifier = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let valid_number = {
        let digits = key.strip_prefix('-').unwrap_or(key);
        let mut halves = digits.splitn(2, '.');
        let int = halves.next().unwrap_or("");
        let frac = halves.next();
        !int.is_empty()
            && int.chars().all(|c| c.is_ascii_digit())
            && frac.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
    };
    if valid_identifier {
        Ok(ast::VariantKey::Identifier {
            name: key.to_string(),
        })
    } else if valid_number {
        Ok(ast::VariantKey::NumberLiteral {
            value: key.to_string(),
        })
    } else {
        Err(format!("{key:?} is not a valid variant key"))
    }
}

/// A translated leaf handed to [`build_entry`].
#[derive(Clone, Debug)]
pub(crate) struct TranslatedLeaf {
    /// Human path of the leaf, for error messages (e.g. `emails[one]`).
    pub name: String,
    /// Select choices, outermost first.
    pub path: Vec<Choice>,
    /// Translated content.
    pub parts: Vec<Part>,
}

/// Translated leaves of one pattern.
#[derive(Clone, Debug)]
pub(crate) struct TranslatedPattern {
    /// Attribute name, `None` for the value.
    pub attribute: Option<String>,
    /// Human path of the pattern for error messages (`emails`, `emails.title`).
    pub name: String,
    /// All leaves of the pattern.
    pub leaves: Vec<TranslatedLeaf>,
}

fn string_literal(value: &str) -> ast::PatternElement<String> {
    ast::PatternElement::Placeable {
        expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral {
            value: value.to_string(),
        }),
    }
}

/// Normalizes translated text the way Fluent reads it back: line breaks as
/// `\n`, whitespace-only lines empty, no leading or trailing blank space.
fn normalize_leaf_parts(parts: &[Part]) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    for part in parts {
        let part = match part {
            Part::Text(t) => Part::Text(t.replace("\r\n", "\n").replace('\r', "\n")),
            Part::Placeable(p) => Part::Placeable(p.clone()),
        };
        push_part(&mut out, part);
    }
    for part in &mut out {
        if let Part::Text(t) = part {
            let lines: Vec<&str> = t.split('\n').collect();
            let last = lines.len().saturating_sub(1);
            let cleaned: Vec<&str> = lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    // Only whole lines (not the parts touching a placeable)
                    // can be "whitespace-only lines".
                    if i > 0 && i < last && l.trim_matches(' ').is_empty() {
                        ""
                    } else {
                        l
                    }
                })
                .collect();
            *t = cleaned.join("\n");
        }
    }
    if let Some(Part::Text(first)) = out.first_mut() {
        *first = first.trim_start_matches([' ', '\n']).to_string();
    }
    if let Some(Part::Text(last)) = out.last_mut() {
        *last = last.trim_end_matches([' ', '\n']).to_string();
    }
    out.retain(|p| !matches!(p, Part::Text(t) if t.is_empty()));
    out
}

/// Turns translated parts into pattern elements, escaping text that Fluent
/// would otherwise read as syntax (`{`, `}`, and `[`, `*`, `.` at the start of
/// a line) as string-literal placeables.
fn leaf_elements(parts: &[Part]) -> Result<Vec<ast::PatternElement<String>>, String> {
    let parts = normalize_leaf_parts(parts);
    let multiline = parts
        .iter()
        .any(|p| matches!(p, Part::Text(t) if t.contains('\n')));
    let mut elements = Vec::new();
    let mut at_line_start = multiline;
    let mut buffer = String::new();
    for part in &parts {
        match part {
            Part::Text(text) => {
                for c in text.chars() {
                    let special =
                        c == '{' || c == '}' || (at_line_start && matches!(c, '[' | '*' | '.'));
                    if special {
                        if at_line_start {
                            // Only indentation so far: Fluent drops blanks
                            // before a placeable that starts a line.
                            buffer.clear();
                        } else if !buffer.is_empty() {
                            elements.push(ast::PatternElement::TextElement {
                                value: std::mem::take(&mut buffer),
                            });
                        }
                        elements.push(string_literal(&c.to_string()));
                        at_line_start = false;
                        continue;
                    }
                    buffer.push(c);
                    if c == '\n' {
                        // The serializer indents a line only when a new text
                        // element starts it, so every line ends an element.
                        elements.push(ast::PatternElement::TextElement {
                            value: std::mem::take(&mut buffer),
                        });
                        at_line_start = true;
                    } else if c != ' ' {
                        at_line_start = false;
                    }
                }
            }
            Part::Placeable(text) => {
                if at_line_start {
                    buffer.clear();
                } else if !buffer.is_empty() {
                    elements.push(ast::PatternElement::TextElement {
                        value: std::mem::take(&mut buffer),
                    });
                }
                elements.push(ast::PatternElement::Placeable {
                    expression: parse_placeable(text)?,
                });
                at_line_start = false;
            }
        }
    }
    if !buffer.is_empty() {
        elements.push(ast::PatternElement::TextElement { value: buffer });
    }
    if elements.is_empty() {
        return Err("translation is empty".to_string());
    }
    Ok(elements)
}

fn human_path(base: &str, path: &[Choice]) -> String {
    let mut name = base.to_string();
    for choice in path {
        name.push('[');
        name.push_str(&choice.key);
        name.push(']');
    }
    name
}

fn build_pattern(
    base: &str,
    leaves: &[&TranslatedLeaf],
    depth: usize,
) -> Result<ast::Pattern<String>, String> {
    let first = leaves
        .first()
        .ok_or_else(|| format!("{base}: no translated variant"))?;
    if first.path.len() == depth {
        if leaves.len() != 1 {
            return Err(format!(
                "{}: {} units claim the same variant",
                first.name,
                leaves.len()
            ));
        }
        return Ok(ast::Pattern {
            elements: leaf_elements(&first.parts).map_err(|e| format!("{}: {e}", first.name))?,
        });
    }
    let head = &first.path[depth];
    for leaf in leaves {
        match leaf.path.get(depth) {
            Some(c)
                if c.selector == head.selector
                    && c.keys == head.keys
                    && c.default_key == head.default_key => {}
            _ => {
                return Err(format!(
                    "{}: select metadata disagrees with {}",
                    leaf.name, first.name
                ))
            }
        }
    }
    if !head.keys.contains(&head.default_key) {
        return Err(format!(
            "{}: default variant [{}] is not among the variants",
            first.name, head.default_key
        ));
    }
    let prefix = human_path(base, &first.path[..depth]);
    let mut variants = Vec::new();
    for (i, key) in head.keys.iter().enumerate() {
        if head.keys[..i].contains(key) {
            return Err(format!("{prefix}: variant [{key}] listed twice"));
        }
        let group: Vec<&TranslatedLeaf> = leaves
            .iter()
            .copied()
            .filter(|l| l.path.get(depth).is_some_and(|c| &c.key == key))
            .collect();
        if group.is_empty() {
            return Err(format!("missing variant {prefix}[{key}]"));
        }
        variants.push(ast::Variant {
            key: variant_key(key)?,
            value: build_pattern(base, &group, depth + 1)?,
            default: *key == head.default_key,
        });
    }
    if let Some(stray) = leaves.iter().find(|l| {
        l.path
            .get(depth)
            .is_some_and(|c| !head.keys.contains(&c.key))
    }) {
        return Err(format!(
            "{}: variant key is not among the select's variants",
            stray.name
        ));
    }
    Ok(ast::Pattern {
        elements: vec![ast::PatternElement::Placeable {
            expression: ast::Expression::Select {
                selector: parse_selector(&head.selector)?,
                variants,
            },
        }],
    })
}

/// Builds the Fluent source of a complete entry (`id = ...` plus attributes,
/// no comment) from translated patterns. The output is checked by parsing it
/// back: it must be one entry, without junk, that flattens to the same
/// structure that was built.
pub(crate) fn build_entry(id: &str, patterns: &[TranslatedPattern]) -> Result<String, String> {
    let mut value = None;
    let mut attributes = Vec::new();
    for pattern in patterns {
        let refs: Vec<&TranslatedLeaf> = pattern.leaves.iter().collect();
        let built = build_pattern(&pattern.name, &refs, 0)?;
        match &pattern.attribute {
            None => {
                if value.is_some() {
                    return Err(format!("{id}: value given twice"));
                }
                value = Some(built);
            }
            Some(name) => {
                if attributes
                    .iter()
                    .any(|a: &ast::Attribute<String>| &a.id.name == name)
                {
                    return Err(format!("{id}: attribute .{name} given twice"));
                }
                attributes.push(ast::Attribute {
                    id: ast::Identifier { name: name.clone() },
                    value: built,
                });
            }
        }
    }
    let entry = match id.strip_prefix('-') {
        Some(term_id) => ast::Entry::Term(ast::Term {
            id: ast::Identifier {
                name: term_id.to_string(),
            },
            value: value.ok_or_else(|| format!("term {id} has no value"))?,
            attributes,
            comment: None,
        }),
        None => {
            if value.is_none() && attributes.is_empty() {
                return Err(format!("message {id} has neither value nor attributes"));
            }
            ast::Entry::Message(ast::Message {
                id: ast::Identifier {
                    name: id.to_string(),
                },
                value,
                attributes,
                comment: None,
            })
        }
    };
    let expected = flatten_entry(&entry)?;
    let text = serializer::serialize(&ast::Resource { body: vec![entry] });
    let reparsed = parse_single_entry(&text)
        .map_err(|e| format!("{id}: rebuilt Fluent does not parse back: {e}"))?;
    if entry_id(&reparsed).as_deref() != Some(id) {
        return Err(format!("{id}: rebuilt Fluent has another id"));
    }
    let actual = flatten_entry(&reparsed)?;
    if actual.patterns != expected.patterns {
        return Err(format!(
            "{id}: rebuilt Fluent does not read back as built (whitespace or syntax in the translation?)"
        ));
    }
    Ok(text)
}

/// Whitespace-separated tokens containing at least one letter or digit.
pub(crate) fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeable_and_selector_text() {
        let flat = flatten_source(
            "m = { NUMBER($n, minimumFractionDigits: 2) } { $n ->\n  [one] a\n *[other] b\n}\n",
        )
        .unwrap();
        let leaves = &flat.patterns[0].leaves;
        assert_eq!(leaves.len(), 2);
        assert_eq!(
            leaves[0].parts[0],
            Part::Placeable("{ NUMBER($n, minimumFractionDigits: 2) }".to_string())
        );
        assert_eq!(leaves[0].path[0].selector, "$n");
        assert!(parse_placeable("{ $n }").is_ok());
        assert!(parse_placeable("{ $n } x").is_err());
        assert!(parse_placeable("{ $n ->\n *[a] b\n}").is_err());
        assert!(parse_selector("$n").is_ok());
        assert!(parse_selector("$n } }").is_err());
    }

    #[test]
    fn variant_keys() {
        assert!(matches!(
            variant_key("one"),
            Ok(ast::VariantKey::Identifier { .. })
        ));
        assert!(matches!(
            variant_key("0"),
            Ok(ast::VariantKey::NumberLiteral { .. })
        ));
        assert!(matches!(
            variant_key("-1.5"),
            Ok(ast::VariantKey::NumberLiteral { .. })
        ));
        assert!(variant_key("1.").is_err());
        assert!(variant_key("a b").is_err());
    }

    #[test]
    fn escapes_syntax_in_translations() {
        let leaf = TranslatedLeaf {
            name: "m".into(),
            path: vec![],
            parts: vec![Part::Text("{a}\n[b]\n *c\n.d  ".into())],
        };
        let text = build_entry(
            "m",
            &[TranslatedPattern {
                attribute: None,
                name: "m".into(),
                leaves: vec![leaf],
            }],
        )
        .unwrap();
        assert!(parse_single_entry(&text).is_ok(), "{text}");
    }
}
