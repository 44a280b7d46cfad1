//! The hand-off formats (`glocal::handoff`): XLIFF 2.0 round trips of every
//! Fluent construct, refused imports, CSV, `.ftl` skeletons and merging.

mod common;

// Export → fill targets → import round trips, checked structurally with
// `fluent-syntax`.
mod roundtrip {

    use std::collections::BTreeMap;

    use crate::common::handoff_samples::{fill, fr_ph_last, handoff, prefix_fr, single, SAMPLES};
    use fluent_syntax::ast;
    use fluent_syntax::parser;
    use glocal::handoff::{read_xliff, write_xliff, Imported};

    /// One select step: selector, key, is-default (as AST debug text).
    type Path = Vec<(String, String, bool)>;

    /// (attribute, variant path) → (text, sorted placeables).
    type Structure = BTreeMap<(Option<String>, Path), (String, Vec<String>)>;

    fn leaves(pattern: &ast::Pattern<String>) -> Vec<(Path, String, Vec<String>)> {
        let mut acc: Vec<(Path, String, Vec<String>)> = vec![(vec![], String::new(), vec![])];
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    for leaf in &mut acc {
                        leaf.1.push_str(value);
                    }
                }
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Select { selector, variants },
                } => {
                    let mut next = Vec::new();
                    for leaf in &acc {
                        for variant in variants {
                            for (path, text, phs) in leaves(&variant.value) {
                                let mut p = leaf.0.clone();
                                p.push((
                                    format!("{selector:?}"),
                                    format!("{:?}", variant.key),
                                    variant.default,
                                ));
                                p.extend(path);
                                let mut ph = leaf.2.clone();
                                ph.extend(phs);
                                next.push((p, format!("{}{text}", leaf.1), ph));
                            }
                        }
                    }
                    acc = next;
                }
                ast::PatternElement::Placeable { expression } => {
                    for leaf in &mut acc {
                        leaf.2.push(format!("{expression:?}"));
                    }
                }
            }
        }
        for leaf in &mut acc {
            leaf.2.sort();
        }
        acc
    }

    fn parse_one(text: &str) -> ast::Entry<String> {
        let resource = parser::parse(text.to_string())
            .unwrap_or_else(|(_, e)| panic!("does not parse: {e:?}\n{text}"));
        let mut entries: Vec<_> = resource
            .body
            .into_iter()
            .filter(|e| !matches!(e, ast::Entry::Comment(_)))
            .collect();
        assert_eq!(entries.len(), 1, "{text}");
        assert!(
            matches!(entries[0], ast::Entry::Message(_) | ast::Entry::Term(_)),
            "{text}"
        );
        entries.remove(0)
    }

    /// Attribute order and per-pattern leaves of an entry.
    fn structure(entry: &ast::Entry<String>) -> (String, Vec<Option<String>>, Structure) {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.clone(), m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => unreachable!(),
        };
        let mut order = Vec::new();
        let mut map = Structure::new();
        let mut patterns = Vec::new();
        if let Some(v) = value {
            patterns.push((None, v));
        }
        for a in attributes {
            patterns.push((Some(a.id.name.clone()), &a.value));
        }
        for (name, pattern) in patterns {
            order.push(name.clone());
            for (path, text, phs) in leaves(pattern) {
                assert!(
                    map.insert((name.clone(), path), (text, phs)).is_none(),
                    "duplicate path"
                );
            }
        }
        (id, order, map)
    }

    fn imported_entry<'a>(imported: &'a Imported, file: &str, id: &str) -> &'a str {
        &imported.files[file]
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("{file}:{id} not imported"))
            .fluent
    }

    fn check_round_trip(name: &str, file: &str, id: &str, source: &str, imported: &Imported) {
        let fluent = imported_entry(imported, file, id);
        let (src_id, src_order, src) = structure(&parse_one(source));
        let (dst_id, dst_order, dst) = structure(&parse_one(fluent));
        assert_eq!(src_id, dst_id, "{name}");
        assert_eq!(src_order, dst_order, "{name}: attributes");
        assert_eq!(
            src.keys().collect::<Vec<_>>(),
            dst.keys().collect::<Vec<_>>(),
            "{name}: select structure\n{fluent}"
        );
        for (key, (text, phs)) in &src {
            let (dst_text, dst_phs) = &dst[key];
            assert_eq!(phs, dst_phs, "{name}: placeables of {key:?}");
            assert_eq!(
                &format!("FR {text}"),
                dst_text,
                "{name}: text of {key:?}\n{fluent}"
            );
        }
    }

    #[test]
    fn every_sample_round_trips_alone() {
        for (name, file, id, source) in SAMPLES {
            let xliff = write_xliff(&single(name)).unwrap();
            let imported = read_xliff(&fill(&xliff, prefix_fr))
                .unwrap_or_else(|e| panic!("{name}: {e:?}\n{xliff}"));
            assert_eq!(imported.files.len(), 1, "{name}");
            assert_eq!(imported.files[*file].len(), 1, "{name}");
            check_round_trip(name, file, id, source, &imported);
        }
    }

    #[test]
    fn all_samples_round_trip_together_with_reordered_placeholders() {
        let h = handoff();
        let xliff = write_xliff(&h).unwrap();
        for filler in [prefix_fr, fr_ph_last] {
            let imported = read_xliff(&fill(&xliff, filler)).unwrap();
            assert_eq!(imported.source_lang, "en-US");
            assert_eq!(imported.target_lang, "fr");
            assert_eq!(
                imported.files.keys().collect::<Vec<_>>(),
                ["firefox/new.ftl", "main.ftl"]
            );
            for (name, file, id, source) in SAMPLES {
                check_round_trip(name, file, id, source, &imported);
            }
            // Document order within each file.
            let main_ids: Vec<&str> = imported.files["main.ftl"]
                .iter()
                .map(|e| e.id.as_str())
                .collect();
            let expected: Vec<&str> = SAMPLES
                .iter()
                .filter(|s| s.1 == "main.ftl")
                .map(|s| s.2)
                .collect();
            assert_eq!(main_ids, expected);
        }
    }

    #[test]
    fn untranslated_messages_are_skipped() {
        let xliff = write_xliff(&handoff()).unwrap();
        let filled = fill(&xliff, |unit, c| {
            unit.starts_with("hello").then(|| format!("FR {c}"))
        });
        let imported = read_xliff(&filled).unwrap();
        assert_eq!(imported.files.len(), 1);
        let entries = &imported.files["main.ftl"];
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].fluent, "hello = FR Hello, world!\n");
        // Nothing translated at all: an empty import, not an error.
        let imported = read_xliff(&xliff).unwrap();
        assert!(imported.files.is_empty());
    }

    #[test]
    fn imported_select_is_hoisted_and_complete() {
        let xliff = write_xliff(&single("select")).unwrap();
        let imported = read_xliff(&fill(&xliff, prefix_fr)).unwrap();
        assert_eq!(
            imported_entry(&imported, "main.ftl", "emails"),
            "emails =\n    { $n ->\n        [0] FR You have no emails.\n        [one] FR You have one email.\n       *[other] FR You have { $n } emails.\n    }\n    .title = FR Inbox\n"
        );
    }

    #[test]
    fn translations_with_fluent_syntax_characters_are_escaped() {
        let xliff = write_xliff(&single("multiline")).unwrap();
        let filled = fill(&xliff, |_, c| {
            Some(format!(
                "{{curly}} [not a key]\n*star\n  .dot &lt;x&gt; {c}"
            ))
        });
        let imported = read_xliff(&filled).unwrap();
        let fluent = imported_entry(&imported, "main.ftl", "multi");
        let entry = parse_one(fluent);
        let (_, _, map) = structure(&entry);
        let (text, _) = map.values().next().unwrap();
        // Escapes are string literal placeables; text runs around them remain.
        assert!(text.contains("curly"), "{fluent}");
        assert!(fluent.contains("{ \"{\" }curly{ \"}\" }"), "{fluent}");
        assert!(fluent.contains("{ \"*\" }star"), "{fluent}");
        assert!(fluent.contains("{ \".\" }dot <x>"), "{fluent}");
    }

    #[test]
    fn multi_segment_units_are_joined() {
        let xliff = write_xliff(&single("variables")).unwrap();
        // Split the one segment in two, each with its own target.
        let source_start = xliff.find("<segment><source>").map(|_| ()).is_none();
        assert!(source_start, "segments are indented");
        let split = xliff.replacen(
            "! <ph id=\"ph2\"",
            "! </source><target>FR Bienvenue, <ph id=\"ph1\" dataRef=\"d1\"/>! </target></segment><segment><source><ph id=\"ph2\"",
            1,
        );
        assert_ne!(split, xliff);
        let filled = split.replacen(
            " unread.</source>",
            " unread.</source><target><ph id=\"ph2\" dataRef=\"d2\"/> nouveaux, <ph id=\"ph3\" dataRef=\"d2\"/> non lus.</target>",
            1,
        );
        let imported = read_xliff(&filled).unwrap();
        assert_eq!(
            imported_entry(&imported, "main.ftl", "welcome"),
            "welcome = FR Bienvenue, { $user }! { $count } nouveaux, { $count } non lus.\n"
        );
    }

    #[test]
    fn markers_and_code_points_in_targets_are_read() {
        let xliff = write_xliff(&single("plain")).unwrap();
        let filled = fill(&xliff, |_, _| {
            Some("<mrk id=\"m1\" translate=\"no\">Bonjour</mrk><cp hex=\"00A0\"/>le monde".into())
        });
        let imported = read_xliff(&filled).unwrap();
        assert_eq!(
            imported_entry(&imported, "main.ftl", "hello"),
            "hello = Bonjour\u{a0}le monde\n"
        );
    }

    #[test]
    fn xliff_shape() {
        let xliff = write_xliff(&handoff()).unwrap();
        for needle in [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\" version=\"2.0\" srcLang=\"en-US\" trgLang=\"fr\">",
            "<file id=\"f1\" original=\"main.ftl\">",
            "<file id=\"f2\" original=\"firefox/new.ftl\">",
            "<unit id=\"close-tabs.title:-1.5\" name=\"close-tabs.title[-1.5]\" xml:space=\"preserve\">",
            "<unit id=\"shared-photos:male:one\" name=\"shared-photos[male][one]\"",
            "<unit id=\"-brand-name.gender\" name=\"-brand-name.gender\"",
            "<note category=\"comment\">Shown on the start page.\n$name is the user name.</note>",
            "<note category=\"due\">2026-12-01</note>",
            "<note category=\"variant\">Variant [1] of the selector { NUMBER($devices) } (variants [1] *[other]; default [other])",
            // One <data> per distinct placeable, one <ph> per occurrence.
            "<data id=\"d1\">{ $user }</data>\n        <data id=\"d2\">{ $count }</data>\n      </originalData>",
            "<ph id=\"ph2\" dataRef=\"d2\" disp=\"{ $count }\" canCopy=\"no\" canDelete=\"no\"/> new, <ph id=\"ph3\" dataRef=\"d2\"",
            "<data id=\"d1\">{ NUMBER($n, minimumFractionDigits: 2) }</data>",
            "<data id=\"d1\">{ \"{\" }</data>",
            "<data id=\"d2\">{ -brand-name(case: \"genitive\") }</data>",
            "<source>Use &lt;b&gt; &amp; \"quotes\" 'apos' &gt; here ]]&gt; &amp;amp;</source>",
            "<mda:meta type=\"selector\">-brand-name.gender</mda:meta>",
        ] {
            assert!(xliff.contains(needle), "missing {needle}\n{xliff}");
        }
        assert!(!xliff.contains("<target"));
    }

    #[test]
    fn single_line_translations_starting_with_syntax_characters() {
        for start in ["[Beta] ", "*", ".", "}", "{"] {
            for sample in ["plain", "select"] {
                let xliff = write_xliff(&single(sample)).unwrap();
                let filled = fill(&xliff, |_, c| Some(format!("{start}{c}")));
                let imported = read_xliff(&filled).unwrap_or_else(|e| panic!("{start}: {e:?}"));
                let entry = &imported.files["main.ftl"][0].fluent;
                let (_, _, map) = structure(&parse_one(entry));
                for (text, _) in map.values() {
                    let visible = start.trim_matches(['{', '}']);
                    assert!(text.starts_with(visible), "{start:?}: {entry}");
                }
            }
        }
    }
}

// Refused exports and imports: errors are values, never panics.
mod errors {

    use crate::common::handoff_samples::{fill, handoff, prefix_fr, single, tokens};
    use glocal::handoff::{
        read_xliff, read_xliff_partial, write_xliff, Handoff, HandoffError, HandoffMessage,
        ImportError,
    };

    fn errors_of(xliff: &str) -> Vec<ImportError> {
        read_xliff(xliff).expect_err("import should fail")
    }

    fn assert_error(errors: &[ImportError], file: &str, unit: &str, needle: &str) {
        assert!(
            errors
                .iter()
                .any(|e| e.file == file && e.unit == unit && e.reason.contains(needle)),
            "no error {file}:{unit}: ..{needle}.. in {errors:#?}"
        );
    }

    /// Rewrites one unit's escaped source content into its target.
    type Edit = Box<dyn Fn(&str) -> String>;

    /// Fill `unit` with `f(content)`, every other unit with "FR " + source.
    fn fill_one(xliff: &str, unit: &str, f: impl Fn(&str) -> String) -> String {
        fill(xliff, |u, c| {
            if u == unit {
                Some(f(c))
            } else {
                prefix_fr(u, c)
            }
        })
    }

    #[test]
    fn placeholder_mismatches_are_refused() {
        let xliff = write_xliff(&single("select")).unwrap();
        let drop_ph = |c: &str| {
            tokens(c)
                .into_iter()
                .filter(|t| !t.starts_with("<ph"))
                .collect()
        };
        let cases: Vec<(&str, Edit, &str)> = vec![
            (
                "emails:other",
                Box::new(drop_ph),
                "drops placeholder { $n } (dataRef d1)",
            ),
            (
                "emails:other",
                Box::new(|c: &str| format!("{c} <ph id=\"ph1\" dataRef=\"d1\"/>")),
                "duplicates placeholder { $n }",
            ),
            (
                "emails:one",
                Box::new(|c: &str| format!("{c} <ph id=\"ph7\" dataRef=\"d1\"/>")),
                "dataRef \"d1\", which is not in originalData",
            ),
            (
                "emails:other",
                Box::new(|c: &str| c.replace("dataRef=\"d1\"", "dataRef=\"d5\"")),
                "dataRef \"d5\", which is not in originalData",
            ),
            (
                "emails:other",
                Box::new(|c: &str| c.replace(" dataRef=\"d1\"", "")),
                "has no dataRef",
            ),
            (
                "emails:one",
                Box::new(|c: &str| format!("<pc id=\"1\">{c}</pc>")),
                "inline <pc> is not supported",
            ),
        ];
        for (unit, f, needle) in cases {
            let errors = errors_of(&fill_one(&xliff, unit, f));
            assert_error(&errors, "main.ftl", unit, needle);
            assert!(errors[0]
                .to_string()
                .starts_with(&format!("main.ftl:{unit}: ")));
        }
    }

    #[test]
    fn partially_translated_select_is_refused_others_import() {
        let h = handoff();
        let xliff = write_xliff(&h).unwrap();
        let filled = fill(&xliff, |u, c| {
            (u != "emails:other" && u != "close-tabs.title:-1.5").then(|| format!("FR {c}"))
        });
        let errors = errors_of(&filled);
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert_error(
            &errors,
            "main.ftl",
            "emails",
            "no target for emails[other] (emails:other)",
        );
        assert_error(
            &errors,
            "firefox/new.ftl",
            "close-tabs",
            "close-tabs.title[-1.5]",
        );
        let (imported, errors) = read_xliff_partial(&filled);
        assert_eq!(errors.len(), 2);
        let main = &imported.files["main.ftl"];
        assert!(main.iter().all(|e| e.id != "emails"));
        assert!(main.iter().any(|e| e.id == "hello"));
    }

    #[test]
    fn deleted_units_are_detected() {
        let xliff = write_xliff(&single("select")).unwrap();
        let filled = fill(&xliff, prefix_fr);
        // Remove the whole emails:one unit.
        let start = filled.find("<unit id=\"emails:one\"").unwrap();
        let end = start + filled[start..].find("</unit>").unwrap() + "</unit>".len();
        let cut = format!("{}{}", &filled[..start], &filled[end..]);
        let errors = errors_of(&cut);
        assert_error(
            &errors,
            "main.ftl",
            "emails",
            "has 3 of the entry's 4 units",
        );
    }

    #[test]
    fn bad_documents_are_refused() {
        let good = fill(&write_xliff(&single("plain")).unwrap(), prefix_fr);
        let cases: Vec<(String, &str)> = vec![
            (
                good[..good.find("</file>").unwrap()].to_string(),
                "document ends inside <file>",
            ),
            (good[..good.len() / 2].to_string(), "malformed XML"),
            ("<xliff".to_string(), "malformed XML"),
            (good.replace("</target>", "</targte>"), "malformed XML"),
            ("not xml at all".to_string(), "outside the root element"),
            (String::new(), "no root element"),
            (
                good.replace(
                    "urn:oasis:names:tc:xliff:document:2.0",
                    "urn:oasis:names:tc:xliff:document:1.2",
                ),
                "namespace",
            ),
            (
                good.replace("version=\"2.0\"", "version=\"1.2\""),
                "unsupported XLIFF version",
            ),
            (good.replace(" trgLang=\"fr\"", ""), "no trgLang"),
            (good.replace(" srcLang=\"en-US\"", ""), "no srcLang"),
            (
                format!("<!DOCTYPE x [<!ENTITY a \"b\">]>{good}")
                    .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", ""),
                "DOCTYPE",
            ),
            (
                good.replace("FR Hello", "FR &bogus; Hello"),
                "unknown entity",
            ),
            ("<html><body/></html>".to_string(), "not XLIFF 2.0"),
        ];
        for (text, needle) in cases {
            let errors = errors_of(&text);
            assert_eq!(errors.len(), 1, "{needle}: {errors:#?}");
            assert!(errors[0].reason.contains(needle), "{needle}: {errors:#?}");
            assert!(errors[0].file.is_empty() && errors[0].unit.is_empty());
            assert_eq!(errors[0].to_string(), errors[0].reason);
        }
    }

    #[test]
    fn bad_units_are_refused() {
        let good = fill(&write_xliff(&single("select")).unwrap(), prefix_fr);
        let cases: Vec<(String, &str, &str)> = vec![
            (
                good.replace("unit id=\"emails:one\"", "unit id=\"emails:0\""),
                "emails:0",
                "duplicate unit id",
            ),
            (
                good.replacen("<mda:metadata>", "<mda:metadataX>", 1)
                    .replacen("</mda:metadata>", "</mda:metadataX>", 1),
                "emails:0",
                "no <mda:metadata>",
            ),
            (
                good.replace(
                    "<mda:meta type=\"units\">4</mda:meta>",
                    "<mda:meta type=\"units\">four</mda:meta>",
                ),
                "emails:0",
                "not a number",
            ),
            (
                good.replace(
                    "<data id=\"d1\">{ $n }</data>",
                    "<data id=\"d1\">{ $n } x</data>",
                ),
                "emails",
                "not a single Fluent placeable",
            ),
            (
                good.replace(
                    "<mda:meta type=\"selector\">$n</mda:meta>",
                    "<mda:meta type=\"selector\">$n }</mda:meta>",
                ),
                "emails",
                "selector",
            ),
            (
                good.replacen(
                    "<mda:meta type=\"key\">0</mda:meta>",
                    "<mda:meta type=\"key\">zero</mda:meta>",
                    1,
                ),
                "emails",
                "missing variant emails[0]",
            ),
        ];
        for (text, unit, needle) in cases {
            let errors = errors_of(&text);
            assert_error(&errors, "main.ftl", unit, needle);
        }
        // A target of only whitespace counts as untranslated.
        let blank = fill(&write_xliff(&single("plain")).unwrap(), |_, _| {
            Some("  ".into())
        });
        assert!(read_xliff(&blank).unwrap().files.is_empty());
    }

    #[test]
    fn invalid_exports_are_errors() {
        let mk = |id: &str, source: &str| Handoff {
            source_lang: "en".into(),
            target_lang: "de".into(),
            messages: vec![HandoffMessage::new("a.ftl", id, source)],
        };
        let cases = [
            mk("broken", "broken = { $n\n"),
            mk("junk", "junk\n"),
            mk("two", "two = 2\nthree = 3\n"),
            mk("mismatch", "other = Text\n"),
            mk("brand", "-brand = Firefox\n"),
            mk("empty", ""),
        ];
        for h in &cases {
            match write_xliff(h) {
                Err(HandoffError::InvalidSource { file, id, .. }) => {
                    assert_eq!(file, "a.ftl");
                    assert_eq!(id, h.messages[0].id);
                }
                other => panic!("{:?}: {other:?}", h.messages[0]),
            }
            assert!(glocal::handoff::write_csv(h, &[], |_| vec![]).is_err());
        }
        let mut dup = mk("a", "a = A\n");
        dup.messages.push(dup.messages[0].clone());
        assert!(matches!(
            write_xliff(&dup),
            Err(HandoffError::DuplicateMessage { .. })
        ));
        let mut lang = mk("a", "a = A\n");
        lang.target_lang = " ".into();
        assert!(matches!(
            write_xliff(&lang),
            Err(HandoffError::InvalidLanguage { .. })
        ));
        let mut path = mk("a", "a = A\n");
        path.messages[0].file = "a\nb.ftl".into();
        assert!(matches!(write_xliff(&path), Err(HandoffError::Xml(_))));
    }

    #[test]
    fn control_characters_travel_as_cp() {
        let h = Handoff {
            source_lang: "en".into(),
            target_lang: "de".into(),
            messages: vec![HandoffMessage::new(
                "a.ftl",
                "bell",
                "bell = Ding\u{7}dong\n",
            )],
        };
        let xliff = write_xliff(&h).unwrap();
        assert!(xliff.contains("Ding<cp hex=\"0007\"/>dong"), "{xliff}");
        let imported = read_xliff(&fill(&xliff, prefix_fr)).unwrap();
        assert_eq!(
            imported.files["a.ftl"][0].fluent,
            "bell = FR Ding\u{7}dong\n"
        );
    }

    #[test]
    fn garbage_never_panics() {
        let good = fill(&write_xliff(&handoff()).unwrap(), prefix_fr);
        // Every prefix of a valid document, and a few byte-level corruptions.
        for end in (0..good.len()).step_by(97) {
            if good.is_char_boundary(end) {
                let _ = read_xliff(&good[..end]);
            }
        }
        for needle in ["<", ">", "\"", "/", "=", "d1", "ph", ":"] {
            for (i, _) in good.match_indices(needle).step_by(13) {
                let mut s = good.clone();
                s.replace_range(i..i + needle.len(), "");
                let _ = read_xliff(&s);
            }
        }
        let deep = format!(
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">{}",
            "<mrk>".repeat(10_000)
        );
        assert!(read_xliff(&deep).is_err());
    }
}

// CSV, Fluent skeleton and merge.
mod outputs {

    use crate::common::handoff_samples::{fill, handoff, prefix_fr, single};
    use fluent_syntax::{ast, parser};
    use glocal::handoff::{
        merge_into_ftl, read_xliff, write_csv, write_ftl_skeleton, write_xliff, HandoffError,
        ImportedEntry,
    };

    /// Minimal RFC 4180 reader for checking the writer.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CRLF");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => {
                    assert_ne!(c, '\n', "bare LF outside quotes");
                    field.push(c)
                }
            }
        }
        assert!(
            field.is_empty() && row.is_empty(),
            "last row ends with CRLF"
        );
        rows
    }

    #[test]
    fn csv_rows_columns_and_quoting() {
        let h = handoff();
        let csv = write_csv(&h, &["due", "launches"], |m| {
            vec![m.notes_in("due"), m.notes_in("launches")]
        })
        .unwrap();
        let rows = parse_csv(&csv);
        assert_eq!(
            rows[0],
            ["id", "file", "source", "words", "due", "launches"]
        );
        assert_eq!(rows.len(), h.messages.len() + 1);
        let row = |id: &str| rows.iter().find(|r| r[0] == id).unwrap().clone();
        assert_eq!(
            row("hello"),
            ["hello", "main.ftl", "Hello, world!", "2", "", ""]
        );
        assert_eq!(
            row("emails"),
            [
                "emails",
                "main.ftl",
                "[0] You have no emails.\n[one] You have one email.\n[other] You have { $n } emails.\n.title Inbox",
                "12",
                "2026-12-01",
                "inbox-v2; mail-sync",
            ]
        );
        assert_eq!(
            row("specials")[2],
            "Use <b> & \"quotes\" 'apos' > here ]]> &amp;"
        );
        assert!(csv.contains("\"Use <b> & \"\"quotes\"\" 'apos' > here ]]> &amp;\""));
        assert_eq!(row("login-input")[2].lines().count(), 3);
        assert_eq!(row("-brand-name")[2], "Firefox\n.gender masculine");
        let err = write_csv(&h, &["due"], |_| vec![]).unwrap_err();
        assert!(matches!(
            err,
            HandoffError::CsvColumns {
                expected: 1,
                got: 0,
                ..
            }
        ));
    }

    fn entries(text: &str) -> Vec<String> {
        let resource = parser::parse(text).unwrap_or_else(|(_, e)| panic!("{e:?}\n{text}"));
        resource
            .body
            .iter()
            .filter_map(|e| match e {
                ast::Entry::Message(m) => Some(m.id.name.to_string()),
                ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                ast::Entry::Junk { content } => panic!("junk {content:?}"),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn skeleton_comments_source_above_placeholder() {
        let h = handoff();
        let files = write_ftl_skeleton(&h);
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            ["firefox/new.ftl", "main.ftl"]
        );
        let main = &files["main.ftl"];
        let expected: Vec<&str> = h
            .messages
            .iter()
            .filter(|m| m.file == "main.ftl")
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(entries(main), expected);
        assert!(main.starts_with(
            "# hello = Hello, world!\nhello = Hello, world!\n\n# login-input =\n#     .placeholder"
        ));
        // The multiline sample keeps its blank line, commented as "#".
        assert!(main.contains("#       indented second line.\n#\n#     New paragraph"));
        // The source comment lines of "commented" are not repeated.
        assert!(main.contains("\n# commented = Hi { $name }\ncommented = Hi { $name }\n"));
        // Each placeholder entry carries its commented source as its comment.
        let resource = parser::parse(main.as_str()).unwrap();
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                let comment = m.comment.as_ref().expect("comment").content.join("\n");
                assert!(comment.starts_with(m.id.name), "{comment}");
            }
        }
    }

    const EXISTING: &str = "### Resource comment\n\n## Group\n\n# About hello\nhello = Bonjour\n\n# Keep me\nkeep = Garder\n    .title = Titre\n\nemails = { $n ->\n    [one] un\n   *[other] plusieurs\n}\nlast = Dernier";

    #[test]
    fn merge_replaces_keeps_and_appends() {
        let xliff = write_xliff(&single("select")).unwrap();
        let imported = read_xliff(&fill(&xliff, prefix_fr)).unwrap();
        let mut new_entries = imported.files["main.ftl"].clone();
        new_entries.insert(
            0,
            ImportedEntry {
                id: "hello".into(),
                fluent: "hello = Salut\n    .title = Coucou\n".into(),
            },
        );
        new_entries.push(ImportedEntry {
            id: "brand-new".into(),
            fluent: "brand-new = Nouveau\n".into(),
        });
        let merged = merge_into_ftl(EXISTING, &new_entries).unwrap();
        let emails = &new_entries[1].fluent;
        let expected = format!(
            "### Resource comment\n\n## Group\n\n# About hello\nhello = Salut\n    .title = Coucou\n\n# Keep me\nkeep = Garder\n    .title = Titre\n\n{emails}last = Dernier\n\nbrand-new = Nouveau\n"
        );
        assert_eq!(merged, expected);
        assert_eq!(
            entries(&merged),
            ["hello", "keep", "emails", "last", "brand-new"]
        );
        // Nothing to merge: byte for byte the same.
        assert_eq!(merge_into_ftl(EXISTING, &[]).unwrap(), EXISTING);
        // Into an empty file.
        assert_eq!(
            merge_into_ftl("", &new_entries[..1]).unwrap(),
            "hello = Salut\n    .title = Coucou\n"
        );
    }

    #[test]
    fn merge_keeps_crlf_and_terms() {
        let existing = "-brand = Old\r\n# c\r\nx = X\r\n";
        let merged = merge_into_ftl(
            existing,
            &[ImportedEntry {
                id: "-brand".into(),
                fluent: "-brand = New\n    .gender = f\n".into(),
            }],
        )
        .unwrap();
        assert_eq!(
            merged,
            "-brand = New\r\n    .gender = f\r\n# c\r\nx = X\r\n"
        );
    }

    #[test]
    fn merge_refusals() {
        let entry = |id: &str, fluent: &str| ImportedEntry {
            id: id.into(),
            fluent: fluent.into(),
        };
        let cases = [
            (
                "a = A\n",
                vec![entry("a", "a = { $x\n")],
                "not a single valid Fluent entry",
            ),
            ("a = A\n", vec![entry("a", "b = B\n")], "another id"),
            (
                "a = A\n",
                vec![entry("a", "a = 1\n"), entry("a", "a = 2\n")],
                "given twice",
            ),
        ];
        for (existing, new, needle) in cases {
            let err = merge_into_ftl(existing, &new).unwrap_err();
            assert!(err.to_string().contains(needle), "{existing:?}: {err}");
        }
        // A duplicate id, or an entry a syntax error turned into junk, is
        // what made the message a task: the translation replaces its first
        // definition and the others go.
        for (existing, merged) in [
            ("a = A\na = B\nb = B\n", "a = 1\nb = B\n"),
            ("# c\na = A\nb = B\na = C\n", "# c\na = 1\nb = B\n"),
            ("a = A\n  {\n", "a = 1\n"),
            ("a = { $n ->\n *[x] X\n}}\nb = B\n", "a = 1\nb = B\n"),
        ] {
            assert_eq!(
                merge_into_ftl(existing, &[entry("a", "a = 1\n")]).unwrap(),
                merged,
                "{existing:?}"
            );
        }
        // Junk and column-0 continuation lines are handled, junk kept as is.
        let merged = merge_into_ftl(
            "a = A\nzzz zzz\nb = { $n ->\n*[x] X\n}\n",
            &[entry("b", "b = B\n"), entry("a", "a = 1\n")],
        )
        .unwrap();
        assert_eq!(merged, "a = 1\nzzz zzz\nb = B\n");
    }
}
