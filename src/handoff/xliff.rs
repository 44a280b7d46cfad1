//! XLIFF 2.0 writing and reading (see the crate documentation for the layout).

use std::collections::{BTreeMap, BTreeSet};

use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, Writer, XmlVersion};

use super::fluent_units::{self, Choice, Part, TranslatedLeaf, TranslatedPattern};
use super::{flatten_message, Handoff, HandoffError, ImportError, Imported, ImportedEntry};

/// The XLIFF 2.0 core namespace.
pub(crate) const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// The XLIFF 2.0 Metadata module namespace.
pub(crate) const MDA_NS: &str = "urn:oasis:names:tc:xliff:metadata:2.0";

/// Deepest element nesting accepted on import.
const MAX_DEPTH: usize = 64;

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

struct Out {
    writer: Writer<Vec<u8>>,
}

impl Out {
    fn event(&mut self, event: Event<'_>) -> Result<(), HandoffError> {
        self.writer
            .write_event(event)
            .map_err(|e| HandoffError::Xml(e.to_string()))
    }

    fn newline(&mut self, depth: usize) -> Result<(), HandoffError> {
        let indent = format!("\n{}", "  ".repeat(depth));
        self.event(Event::Text(BytesText::from_escaped(indent)))
    }

    fn element<'a>(
        name: &'a str,
        attrs: &[(&'a str, &'a str)],
    ) -> Result<BytesStart<'a>, HandoffError> {
        for (key, value) in attrs {
            if value
                .chars()
                .any(|c| !is_xml_char(c) || matches!(c, '\n' | '\r' | '\t'))
            {
                return Err(HandoffError::Xml(format!(
                    "attribute {key}={value:?} holds a character an XML attribute cannot keep"
                )));
            }
        }
        Ok(BytesStart::new(name).with_attributes(attrs.iter().copied()))
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), HandoffError> {
        let start = Out::element(name, attrs)?;
        self.event(Event::Start(start))
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), HandoffError> {
        let start = Out::element(name, attrs)?;
        self.event(Event::Empty(start))
    }

    fn end(&mut self, name: &str) -> Result<(), HandoffError> {
        self.event(Event::End(BytesEnd::new(name)))
    }

    /// Escaped character data (`<`, `>` and `&` only; quotes stay readable).
    fn text_run(&mut self, text: &str) -> Result<(), HandoffError> {
        self.event(Event::Text(BytesText::from_escaped(partial_escape(text))))
    }

    /// Text where `<cp>` is allowed (source, data).
    fn rich_text(&mut self, text: &str) -> Result<(), HandoffError> {
        let mut run = String::new();
        for c in text.chars() {
            if c != '\r' && is_xml_char(c) {
                run.push(c);
                continue;
            }
            if !run.is_empty() {
                self.text_run(&run)?;
                run.clear();
            }
            if c == '\r' {
                self.event(Event::Text(BytesText::from_escaped("&#13;")))?;
            } else {
                let hex = format!("{:04X}", u32::from(c));
                self.empty("cp", &[("hex", &hex)])?;
            }
        }
        if !run.is_empty() {
            self.text_run(&run)?;
        }
        Ok(())
    }

    /// Plain text (notes, metadata): characters XML cannot hold are refused
    /// unless `lossy`, where they become U+FFFD.
    fn plain_text(&mut self, text: &str, lossy: bool) -> Result<(), HandoffError> {
        if text.chars().any(|c| !is_xml_char(c)) {
            if !lossy {
                return Err(HandoffError::Xml(format!(
                    "{text:?} holds a character XML cannot keep"
                )));
            }
            let clean: String = text
                .chars()
                .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
                .collect();
            return self.plain_text(&clean, false);
        }
        let mut run = String::new();
        for c in text.chars() {
            if c == '\r' {
                if !run.is_empty() {
                    self.text_run(&run)?;
                    run.clear();
                }
                self.event(Event::Text(BytesText::from_escaped("&#13;")))?;
            } else {
                run.push(c);
            }
        }
        if !run.is_empty() {
            self.text_run(&run)?;
        }
        Ok(())
    }

    fn text_element(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
        lossy: bool,
    ) -> Result<(), HandoffError> {
        self.start(name, attrs)?;
        self.plain_text(text, lossy)?;
        self.end(name)
    }
}

fn check_lang(which: &'static str, value: &str) -> Result<(), HandoffError> {
    if value.is_empty() || value.chars().any(|c| c.is_whitespace() || !is_xml_char(c)) {
        return Err(HandoffError::InvalidLanguage {
            which,
            value: value.to_string(),
        });
    }
    Ok(())
}

fn unit_id(base: &str, path: &[Choice]) -> String {
    let mut id = base.to_string();
    for choice in path {
        id.push(':');
        id.push_str(&choice.key);
    }
    id
}

fn unit_name(base: &str, path: &[Choice]) -> String {
    let mut name = base.to_string();
    for choice in path {
        name.push('[');
        name.push_str(&choice.key);
        name.push(']');
    }
    name
}

fn variant_note(choice: &Choice) -> String {
    let keys: Vec<String> = choice
        .keys
        .iter()
        .map(|k| {
            if *k == choice.default_key {
                format!("*[{k}]")
            } else {
                format!("[{k}]")
            }
        })
        .collect();
    format!(
        "Variant [{}] of the selector {{ {} }} (variants {}; default [{}]). Translate the complete text for this case.",
        choice.key,
        choice.selector,
        keys.join(" "),
        choice.default_key
    )
}

/// Exports the hand-off as an XLIFF 2.0 document (UTF-8, with XML
/// declaration). Fails on a message whose source does not parse as one
/// Fluent entry with its id, on duplicate ids within a file, and on empty
/// language tags.
pub fn write_xliff(h: &Handoff) -> Result<String, HandoffError> {
    check_lang("source", &h.source_lang)?;
    check_lang("target", &h.target_lang)?;
    super::check_duplicates(h)?;

    let mut files: Vec<(&str, Vec<&super::HandoffMessage>)> = Vec::new();
    for message in &h.messages {
        match files.iter_mut().find(|(f, _)| *f == message.file) {
            Some((_, list)) => list.push(message),
            None => files.push((&message.file, vec![message])),
        }
    }

    let mut out = Out {
        writer: Writer::new(Vec::new()),
    };
    out.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    out.newline(0)?;
    out.start(
        "xliff",
        &[
            ("xmlns", XLIFF_NS),
            ("xmlns:mda", MDA_NS),
            ("version", "2.0"),
            ("srcLang", &h.source_lang),
            ("trgLang", &h.target_lang),
        ],
    )?;
    for (file_index, (file, messages)) in files.iter().enumerate() {
        let file_id = format!("f{}", file_index + 1);
        out.newline(1)?;
        out.start("file", &[("id", &file_id), ("original", file)])?;
        for message in messages {
            let flat = flatten_message(message)?;
            let comment = message.comment.clone().or(flat.comment.clone());
            let total: usize = flat.patterns.iter().map(|p| p.leaves.len()).sum();
            let total = total.to_string();
            for pattern in &flat.patterns {
                let base = match &pattern.attribute {
                    Some(attribute) => format!("{}.{attribute}", flat.id),
                    None => flat.id.clone(),
                };
                for leaf in &pattern.leaves {
                    let id = unit_id(&base, &leaf.path);
                    let name = unit_name(&base, &leaf.path);
                    out.newline(2)?;
                    out.start(
                        "unit",
                        &[("id", &id), ("name", &name), ("xml:space", "preserve")],
                    )?;

                    out.newline(3)?;
                    out.start("mda:metadata", &[])?;
                    out.newline(4)?;
                    out.start("mda:metaGroup", &[("category", "fluent-entry")])?;
                    out.newline(5)?;
                    out.text_element("mda:meta", &[("type", "entry")], &flat.id, false)?;
                    if let Some(attribute) = &pattern.attribute {
                        out.newline(5)?;
                        out.text_element("mda:meta", &[("type", "attribute")], attribute, false)?;
                    }
                    out.newline(5)?;
                    out.text_element("mda:meta", &[("type", "units")], &total, false)?;
                    out.newline(4)?;
                    out.end("mda:metaGroup")?;
                    for choice in &leaf.path {
                        out.newline(4)?;
                        out.start("mda:metaGroup", &[("category", "fluent-select")])?;
                        for (kind, value) in [
                            ("selector", &choice.selector),
                            ("key", &choice.key),
                            ("default", &choice.default_key),
                        ] {
                            out.newline(5)?;
                            out.text_element("mda:meta", &[("type", kind)], value, false)?;
                        }
                        for key in &choice.keys {
                            out.newline(5)?;
                            out.text_element("mda:meta", &[("type", "variant")], key, false)?;
                        }
                        out.newline(4)?;
                        out.end("mda:metaGroup")?;
                    }
                    out.newline(3)?;
                    out.end("mda:metadata")?;

                    let mut notes: Vec<(Option<&str>, String)> = Vec::new();
                    if let Some(comment) = &comment {
                        notes.push((Some("comment"), comment.clone()));
                    }
                    for note in &message.notes {
                        notes.push((note.category.as_deref(), note.text.clone()));
                    }
                    for choice in &leaf.path {
                        notes.push((Some("variant"), variant_note(choice)));
                    }
                    if !notes.is_empty() {
                        out.newline(3)?;
                        out.start("notes", &[])?;
                        for (category, text) in &notes {
                            out.newline(4)?;
                            let attrs: Vec<(&str, &str)> =
                                category.iter().map(|c| ("category", *c)).collect();
                            out.text_element("note", &attrs, text, true)?;
                        }
                        out.newline(3)?;
                        out.end("notes")?;
                    }

                    let mut data: Vec<&str> = Vec::new();
                    for part in &leaf.parts {
                        if let Part::Placeable(p) = part {
                            if !data.contains(&p.as_str()) {
                                data.push(p);
                            }
                        }
                    }
                    if !data.is_empty() {
                        out.newline(3)?;
                        out.start("originalData", &[])?;
                        for (i, text) in data.iter().enumerate() {
                            out.newline(4)?;
                            let data_id = format!("d{}", i + 1);
                            out.start("data", &[("id", &data_id)])?;
                            out.rich_text(text)?;
                            out.end("data")?;
                        }
                        out.newline(3)?;
                        out.end("originalData")?;
                    }

                    out.newline(3)?;
                    out.start("segment", &[])?;
                    out.newline(4)?;
                    out.start("source", &[])?;
                    let mut ph_count = 0;
                    for part in &leaf.parts {
                        match part {
                            Part::Text(text) => out.rich_text(text)?,
                            Part::Placeable(p) => {
                                ph_count += 1;
                                let ph_id = format!("ph{ph_count}");
                                let index = data.iter().position(|d| d == p).unwrap_or(0);
                                let data_ref = format!("d{}", index + 1);
                                let disp: String = p
                                    .chars()
                                    .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
                                    .collect();
                                out.empty(
                                    "ph",
                                    &[
                                        ("id", &ph_id),
                                        ("dataRef", &data_ref),
                                        ("disp", &disp),
                                        ("canCopy", "no"),
                                        ("canDelete", "no"),
                                    ],
                                )?;
                            }
                        }
                    }
                    out.end("source")?;
                    out.newline(3)?;
                    out.end("segment")?;
                    out.newline(2)?;
                    out.end("unit")?;
                }
            }
        }
        out.newline(1)?;
        out.end("file")?;
    }
    out.newline(0)?;
    out.end("xliff")?;
    out.newline(0)?;
    String::from_utf8(out.writer.into_inner()).map_err(|e| HandoffError::Xml(e.to_string()))
}

// ---------------------------------------------------------------- reading

#[derive(Debug)]
struct Element {
    ns: String,
    name: String,
    /// (namespace, local name, value); namespace declarations left out.
    attrs: Vec<(String, String, String)>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(ns, local, _)| ns.is_empty() && local == name)
            .map(|(_, _, v)| v.as_str())
    }

    fn is(&self, ns: &str, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    fn child(&self, ns: &str, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(ns, name))
    }

    fn text(&self) -> String {
        let mut out = String::new();
        for node in &self.children {
            if let Node::Text(t) = node {
                out.push_str(t);
            }
        }
        out
    }
}

fn resolved_ns(result: ResolveResult<'_>) -> Result<String, String> {
    match result {
        ResolveResult::Bound(ns) => Ok(ns.into_inner().to_string()),
        ResolveResult::Unbound => Ok(String::new()),
        ResolveResult::Unknown(prefix) => Err(format!("unknown namespace prefix {prefix:?}")),
    }
}

fn predefined_entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

fn push_text(stack: &mut [Element], text: &str) -> Result<(), String> {
    match stack.last_mut() {
        Some(parent) => {
            if let Some(Node::Text(last)) = parent.children.last_mut() {
                last.push_str(text);
            } else {
                parent.children.push(Node::Text(text.to_string()));
            }
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err("not XML: text outside the root element".to_string()),
    }
}

fn new_element(
    reader: &NsReader<&[u8]>,
    ns: String,
    start: &BytesStart<'_>,
) -> Result<Element, String> {
    let name = start.local_name().into_inner().to_string();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| format!("bad attribute in <{name}>: {e}"))?;
        if attr.key.as_namespace_binding().is_some() {
            continue;
        }
        let (attr_ns, local) = reader.resolver().resolve_attribute(attr.key);
        let attr_ns = resolved_ns(attr_ns)?;
        let local = local.into_inner().to_string();
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| format!("bad value of attribute {local:?} in <{name}>: {e}"))?;
        attrs.push((attr_ns, local, value.into_owned()));
    }
    Ok(Element {
        ns,
        name,
        attrs,
        children: Vec::new(),
    })
}

fn parse_document(text: &str) -> Result<Element, String> {
    let mut reader = NsReader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => (resolved_ns(ns), event),
            Err(e) => {
                return Err(format!(
                    "malformed XML near byte {}: {e}",
                    reader.error_position()
                ))
            }
        };
        match event {
            Event::Start(start) => {
                if root.is_some() {
                    return Err("more than one root element".to_string());
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(format!("elements nested deeper than {MAX_DEPTH}"));
                }
                let element = new_element(&reader, ns?, &start)?;
                stack.push(element);
            }
            Event::Empty(start) => {
                let element = new_element(&reader, ns?, &start)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None if root.is_none() => root = Some(element),
                    None => return Err("more than one root element".to_string()),
                }
            }
            Event::End(_) => {
                let element = stack
                    .pop()
                    .ok_or_else(|| "unexpected end tag".to_string())?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None => root = Some(element),
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content())?,
            Event::CData(t) => push_text(&mut stack, &t.xml10_content())?,
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => {
                        predefined_entity(&r).ok_or_else(|| format!("unknown entity &{};", &*r))?
                    }
                    Err(e) => return Err(format!("bad character reference &{};: {e}", &*r)),
                };
                push_text(&mut stack, c.encode_utf8(&mut [0; 4]))?;
            }
            Event::DocType(_) => return Err("a DOCTYPE is not allowed in XLIFF".to_string()),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("document ends inside <{}>", open.name));
    }
    root.ok_or_else(|| "no root element".to_string())
}

/// A content piece of `<source>` or `<target>`.
#[derive(Debug)]
enum Piece {
    Text(String),
    Ph { id: String, data_ref: String },
}

fn cp_char(element: &Element) -> Result<char, String> {
    let hex = element
        .attr("hex")
        .ok_or_else(|| "<cp> without hex".to_string())?;
    u32::from_str_radix(hex, 16)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| format!("<cp hex={hex:?}> is not a code point"))
}

fn read_content(element: &Element, out: &mut Vec<Piece>) -> Result<(), String> {
    for node in &element.children {
        match node {
            Node::Text(t) => match out.last_mut() {
                Some(Piece::Text(last)) => last.push_str(t),
                _ => out.push(Piece::Text(t.clone())),
            },
            Node::Element(e) if e.ns == XLIFF_NS => match e.name.as_str() {
                "ph" => {
                    let id = e.attr("id").unwrap_or("").to_string();
                    let data_ref = e
                        .attr("dataRef")
                        .ok_or_else(|| format!("<ph id={id:?}> has no dataRef"))?
                        .to_string();
                    out.push(Piece::Ph { id, data_ref });
                }
                "cp" => {
                    let c = cp_char(e)?.to_string();
                    match out.last_mut() {
                        Some(Piece::Text(last)) => last.push_str(&c),
                        _ => out.push(Piece::Text(c)),
                    }
                }
                "mrk" => read_content(e, out)?,
                "sm" | "em" => {}
                other => {
                    return Err(format!(
                        "inline <{other}> is not supported (exports contain only <ph> and <cp>)"
                    ))
                }
            },
            Node::Element(e) => {
                return Err(format!(
                    "unexpected element {{{}}}{} in <{}>",
                    e.ns, e.name, element.name
                ))
            }
        }
    }
    Ok(())
}

/// Metadata and content of one unit.
struct UnitInfo {
    id: String,
    entry: String,
    attribute: Option<String>,
    total: usize,
    path: Vec<Choice>,
    /// `None` when untranslated.
    target: Option<Vec<Part>>,
}

impl UnitInfo {
    fn name(&self) -> String {
        let base = match &self.attribute {
            Some(a) => format!("{}.{a}", self.entry),
            None => self.entry.clone(),
        };
        unit_name(&base, &self.path)
    }
}

struct Metadata {
    entry: String,
    attribute: Option<String>,
    total: usize,
    path: Vec<Choice>,
}

fn metas(group: &Element, kind: &str) -> Vec<String> {
    group
        .elements()
        .filter(|e| e.is(MDA_NS, "meta") && e.attr("type") == Some(kind))
        .map(Element::text)
        .collect()
}

fn one_meta(group: &Element, kind: &str) -> Result<String, String> {
    let mut values = metas(group, kind);
    match values.len() {
        1 => Ok(values.remove(0)),
        0 => Err(format!("metadata lacks <mda:meta type=\"{kind}\">")),
        _ => Err(format!("metadata has several <mda:meta type=\"{kind}\">")),
    }
}

fn read_metadata(unit: &Element) -> Result<Metadata, String> {
    let metadata = unit.child(MDA_NS, "metadata").ok_or_else(|| {
        "no <mda:metadata>: the unit was not written by this exporter".to_string()
    })?;
    let groups: Vec<&Element> = metadata
        .elements()
        .filter(|e| e.is(MDA_NS, "metaGroup"))
        .collect();
    let entry_group = groups
        .iter()
        .find(|g| g.attr("category") == Some("fluent-entry"))
        .ok_or_else(|| "no <mda:metaGroup category=\"fluent-entry\">".to_string())?;
    let entry = one_meta(entry_group, "entry")?;
    let mut attributes = metas(entry_group, "attribute");
    if attributes.len() > 1 {
        return Err("metadata has several attributes".to_string());
    }
    let attribute = attributes.pop();
    let total = one_meta(entry_group, "units")?;
    let total = total
        .trim()
        .parse::<usize>()
        .map_err(|_| format!("metadata units {total:?} is not a number"))?;
    let mut path = Vec::new();
    for group in groups
        .iter()
        .filter(|g| g.attr("category") == Some("fluent-select"))
    {
        let keys = metas(group, "variant");
        if keys.is_empty() {
            return Err("select metadata lists no variant".to_string());
        }
        path.push(Choice {
            selector: one_meta(group, "selector")?,
            key: one_meta(group, "key")?,
            keys,
            default_key: one_meta(group, "default")?,
        });
    }
    Ok(Metadata {
        entry,
        attribute,
        total,
        path,
    })
}

fn pieces_are_empty(pieces: &[Piece]) -> bool {
    pieces.iter().all(|p| match p {
        Piece::Text(t) => t.trim().is_empty(),
        Piece::Ph { .. } => false,
    })
}

/// Reads a unit's content; `Ok(None)` when it has no translation.
fn read_unit_target(unit: &Element) -> Result<Option<Vec<Part>>, String> {
    let mut data: BTreeMap<String, String> = BTreeMap::new();
    if let Some(original) = unit.child(XLIFF_NS, "originalData") {
        for d in original.elements().filter(|e| e.is(XLIFF_NS, "data")) {
            let id = d
                .attr("id")
                .ok_or_else(|| "<data> without id".to_string())?
                .to_string();
            let mut text = String::new();
            for node in &d.children {
                match node {
                    Node::Text(t) => text.push_str(t),
                    Node::Element(e) if e.is(XLIFF_NS, "cp") => text.push(cp_char(e)?),
                    Node::Element(e) => return Err(format!("unexpected <{}> in <data>", e.name)),
                }
            }
            if data.insert(id.clone(), text).is_some() {
                return Err(format!("duplicate <data id={id:?}>"));
            }
        }
    }

    let mut source: Vec<Piece> = Vec::new();
    let mut target: Vec<Piece> = Vec::new();
    let mut translated = 0;
    let mut untranslated = Vec::new();
    let mut segments = 0;
    for (index, part) in unit
        .elements()
        .filter(|e| e.is(XLIFF_NS, "segment") || e.is(XLIFF_NS, "ignorable"))
        .enumerate()
    {
        let src = part
            .child(XLIFF_NS, "source")
            .ok_or_else(|| format!("<{}> #{} has no <source>", part.name, index + 1))?;
        let mut src_pieces = Vec::new();
        read_content(src, &mut src_pieces).map_err(|e| format!("in <source>: {e}"))?;
        let mut trg_pieces = Vec::new();
        if let Some(trg) = part.child(XLIFF_NS, "target") {
            read_content(trg, &mut trg_pieces).map_err(|e| format!("in <target>: {e}"))?;
        }
        let has_target = !pieces_are_empty(&trg_pieces);
        if part.name == "segment" {
            segments += 1;
            if has_target {
                translated += 1;
            } else {
                untranslated.push(index + 1);
            }
            target.extend(trg_pieces);
        } else if has_target {
            target.extend(trg_pieces);
        } else {
            target.extend(src_pieces.iter().map(|p| match p {
                Piece::Text(t) => Piece::Text(t.clone()),
                Piece::Ph { id, data_ref } => Piece::Ph {
                    id: id.clone(),
                    data_ref: data_ref.clone(),
                },
            }));
        }
        source.extend(src_pieces);
    }
    if segments == 0 {
        return Err("unit has no <segment>".to_string());
    }

    let describe = |data_ref: &str| match data.get(data_ref) {
        Some(text) => format!("{text} (dataRef {data_ref})"),
        None => format!("dataRef {data_ref}"),
    };
    let mut problems = Vec::new();
    for (which, pieces) in [("source", &source), ("target", &target)] {
        for piece in pieces.iter() {
            if let Piece::Ph { id, data_ref } = piece {
                if !data.contains_key(data_ref) {
                    problems.push(format!(
                        "<ph id={id:?}> in {which} has dataRef {data_ref:?}, which is not in originalData"
                    ));
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    if translated == 0 {
        return Ok(None);
    }
    if !untranslated.is_empty() {
        return Err(format!(
            "segment(s) {untranslated:?} of {segments} have no target"
        ));
    }

    let count = |pieces: &[Piece]| {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for piece in pieces {
            if let Piece::Ph { data_ref, .. } = piece {
                *counts.entry(data_ref.clone()).or_default() += 1;
            }
        }
        counts
    };
    let source_counts = count(&source);
    let target_counts = count(&target);
    let refs: BTreeSet<&String> = source_counts.keys().chain(target_counts.keys()).collect();
    for data_ref in refs {
        let s = source_counts.get(data_ref).copied().unwrap_or(0);
        let t = target_counts.get(data_ref).copied().unwrap_or(0);
        let what = describe(data_ref);
        if s == 0 {
            problems.push(format!("target adds placeholder {what}"));
        } else if t == 0 {
            problems.push(format!("target drops placeholder {what}"));
        } else if t > s {
            problems.push(format!(
                "target duplicates placeholder {what} ({t} times, source has {s})"
            ));
        } else if t < s {
            problems.push(format!(
                "target drops placeholder {what} ({t} times, source has {s})"
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }

    let mut parts = Vec::new();
    for piece in target {
        match piece {
            Piece::Text(t) => parts.push(Part::Text(t)),
            Piece::Ph { data_ref, .. } => {
                let text = data.get(&data_ref).cloned().unwrap_or_default();
                parts.push(Part::Placeable(text));
            }
        }
    }
    Ok(Some(parts))
}

fn collect_units<'a>(container: &'a Element, out: &mut Vec<&'a Element>) {
    for e in container.elements() {
        if e.is(XLIFF_NS, "unit") {
            out.push(e);
        } else if e.is(XLIFF_NS, "group") {
            collect_units(e, out);
        }
    }
}

/// Imports a translated XLIFF 2.0 document, strictly: any error refuses the
/// whole document. See [`read_xliff_partial`] to keep the entries that did
/// import.
pub fn read_xliff(text: &str) -> Result<Imported, Vec<ImportError>> {
    let (imported, errors) = read_xliff_partial(text);
    if errors.is_empty() {
        Ok(imported)
    } else {
        Err(errors)
    }
}

fn doc_error(reason: impl Into<String>) -> ImportError {
    ImportError {
        file: String::new(),
        unit: String::new(),
        reason: reason.into(),
    }
}

/// Imports a translated XLIFF 2.0 document, returning the entries that
/// imported together with the errors of those refused (an empty result and
/// the errors when the document itself is unusable).
pub fn read_xliff_partial(text: &str) -> (Imported, Vec<ImportError>) {
    let mut errors = Vec::new();
    let root = match parse_document(text) {
        Ok(root) => root,
        Err(e) => return (Imported::default(), vec![doc_error(e)]),
    };
    if !root.is(XLIFF_NS, "xliff") {
        let reason = if root.name == "xliff" {
            format!(
                "root <xliff> is in namespace {:?}, not {XLIFF_NS:?} (XLIFF 2.0)",
                root.ns
            )
        } else {
            format!("root element is <{}>, not XLIFF 2.0 <xliff>", root.name)
        };
        return (Imported::default(), vec![doc_error(reason)]);
    }
    match root.attr("version") {
        Some("2.0" | "2.1") => {}
        Some(v) => errors.push(doc_error(format!("unsupported XLIFF version {v:?}"))),
        None => errors.push(doc_error("<xliff> has no version")),
    }
    let source_lang = root.attr("srcLang").unwrap_or("").trim().to_string();
    if source_lang.is_empty() {
        errors.push(doc_error("<xliff> has no srcLang"));
    }
    let target_lang = root.attr("trgLang").unwrap_or("").trim().to_string();
    if target_lang.is_empty() {
        errors.push(doc_error("<xliff> has no trgLang"));
    }
    if !errors.is_empty() {
        return (Imported::default(), errors);
    }

    let mut imported = Imported {
        source_lang,
        target_lang,
        files: BTreeMap::new(),
    };
    let mut file_ids = BTreeSet::new();
    for file in root.elements().filter(|e| e.is(XLIFF_NS, "file")) {
        let file_id = file.attr("id").unwrap_or("").to_string();
        let Some(original) = file.attr("original") else {
            errors.push(ImportError {
                file: file_id,
                unit: String::new(),
                reason: "<file> has no original path".to_string(),
            });
            continue;
        };
        let original = original.to_string();
        let file_error = |unit: &str, reason: String| ImportError {
            file: original.clone(),
            unit: unit.to_string(),
            reason,
        };
        if !file_ids.insert(file_id.clone()) {
            errors.push(file_error("", format!("duplicate <file id={file_id:?}>")));
            continue;
        }
        let mut units = Vec::new();
        collect_units(file, &mut units);

        let mut seen_units = BTreeSet::new();
        let mut refused: BTreeSet<String> = BTreeSet::new();
        let mut order: Vec<String> = Vec::new();
        let mut by_entry: BTreeMap<String, Vec<UnitInfo>> = BTreeMap::new();
        for (index, unit) in units.iter().enumerate() {
            let id = match unit.attr("id") {
                Some(id) if !id.is_empty() => id.to_string(),
                _ => {
                    errors.push(file_error(
                        &format!("#{}", index + 1),
                        "<unit> has no id".to_string(),
                    ));
                    continue;
                }
            };
            let metadata = read_metadata(unit);
            if !seen_units.insert(id.clone()) {
                errors.push(file_error(&id, "duplicate unit id".to_string()));
                if let Ok(m) = &metadata {
                    refused.insert(m.entry.clone());
                }
                continue;
            }
            let metadata = match metadata {
                Ok(m) => m,
                Err(e) => {
                    errors.push(file_error(&id, e));
                    continue;
                }
            };
            if !order.contains(&metadata.entry) {
                order.push(metadata.entry.clone());
            }
            match read_unit_target(unit) {
                Ok(target) => by_entry
                    .entry(metadata.entry.clone())
                    .or_default()
                    .push(UnitInfo {
                        id,
                        entry: metadata.entry,
                        attribute: metadata.attribute,
                        total: metadata.total,
                        path: metadata.path,
                        target,
                    }),
                Err(e) => {
                    errors.push(file_error(&id, e));
                    refused.insert(metadata.entry);
                }
            }
        }

        for entry in order {
            if refused.contains(&entry) {
                continue;
            }
            let Some(units) = by_entry.remove(&entry) else {
                continue;
            };
            match import_entry(&entry, &units) {
                Ok(None) => {}
                Ok(Some(fluent)) => {
                    let list = imported.files.entry(original.clone()).or_default();
                    if list.iter().any(|e| e.id == entry) {
                        errors.push(file_error(
                            &entry,
                            "entry appears in two <file>s with this original".to_string(),
                        ));
                    } else {
                        list.push(ImportedEntry { id: entry, fluent });
                    }
                }
                Err(reason) => errors.push(file_error(&entry, reason)),
            }
        }
    }
    (imported, errors)
}

/// Rebuilds one entry from its units: `Ok(None)` when none is translated.
fn import_entry(entry: &str, units: &[UnitInfo]) -> Result<Option<String>, String> {
    if units.iter().all(|u| u.target.is_none()) {
        return Ok(None);
    }
    let missing: Vec<String> = units
        .iter()
        .filter(|u| u.target.is_none())
        .map(|u| format!("{} ({})", u.name(), u.id))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "partially translated, refused: no target for {}",
            missing.join(", ")
        ));
    }
    let total = units.first().map_or(0, |u| u.total);
    if units.iter().any(|u| u.total != total) {
        return Err("units disagree on the entry's unit count".to_string());
    }
    if units.len() != total {
        return Err(format!(
            "the document has {} of the entry's {total} units",
            units.len()
        ));
    }
    let mut patterns: Vec<TranslatedPattern> = Vec::new();
    for unit in units {
        let leaf = TranslatedLeaf {
            name: unit.name(),
            path: unit.path.clone(),
            parts: unit.target.clone().unwrap_or_default(),
        };
        match patterns.iter_mut().find(|p| p.attribute == unit.attribute) {
            Some(pattern) => pattern.leaves.push(leaf),
            None => patterns.push(TranslatedPattern {
                attribute: unit.attribute.clone(),
                name: match &unit.attribute {
                    Some(a) => format!("{entry}.{a}"),
                    None => entry.to_string(),
                },
                leaves: vec![leaf],
            }),
        }
    }
    // The value goes first, as Fluent writes it.
    patterns.sort_by_key(|p| p.attribute.is_some());
    fluent_units::build_entry(entry, &patterns).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_chars() {
        assert!(is_xml_char('a'));
        assert!(is_xml_char('\n'));
        assert!(!is_xml_char('\u{1}'));
        assert!(!is_xml_char('\u{FFFE}'));
        assert!(is_xml_char('\u{1F600}'));
    }

    #[test]
    fn document_parsing_errors() {
        for (text, expect) in [
            ("", "no root"),
            ("<a>", "ends inside"),
            ("<a></b>", "malformed"),
            ("<!DOCTYPE a><a/>", "DOCTYPE"),
            ("<a>&foo;</a>", "unknown entity"),
            ("<x:a/>", "unknown namespace prefix"),
        ] {
            let err = parse_document(text).unwrap_err();
            assert!(err.contains(expect), "{text}: {err}");
        }
        let root =
            parse_document("<a xmlns='u' b='&lt;1&#x41;'>x&amp;<![CDATA[<y>]]></a>").unwrap();
        assert_eq!(root.ns, "u");
        assert_eq!(root.attr("b"), Some("<1A"));
        assert_eq!(root.text(), "x&<y>");
    }
}
