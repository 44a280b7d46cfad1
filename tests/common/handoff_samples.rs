//! Fluent samples for the hand-off formats and helpers that fill an
//! XLIFF's targets (also used by `examples/handoff_samples.rs`).
#![allow(dead_code)]

use glocal::handoff::{Handoff, HandoffMessage, Note};

/// (name, file, id, source) of every sample message.
pub const SAMPLES: &[(&str, &str, &str, &str)] = &[
    ("plain", "main.ftl", "hello", "hello = Hello, world!\n"),
    (
        "attributes-only",
        "main.ftl",
        "login-input",
        "login-input =\n    .placeholder = email@example.com\n    .aria-label = Login input value\n    .title = Type your login email\n",
    ),
    (
        "variables",
        "main.ftl",
        "welcome",
        "welcome = Welcome, { $user }! { $count } new, { $count } unread.\n",
    ),
    (
        "terms",
        "main.ftl",
        "about",
        "about = About { -brand-name } and { -brand-name(case: \"genitive\") } settings\n",
    ),
    (
        "message-refs",
        "main.ftl",
        "see-also",
        "see-also = See { hello } and { login-input.title }\n",
    ),
    (
        "function",
        "main.ftl",
        "price",
        "price = Price: { NUMBER($n, minimumFractionDigits: 2) } total\n",
    ),
    (
        "string-literal",
        "main.ftl",
        "brace",
        "brace = Opening brace: { \"{\" } and { \"\\u00A0\" }\n",
    ),
    (
        "select",
        "main.ftl",
        "emails",
        "emails = You have { $n ->\n    [0] no emails\n    [one] one email\n   *[other] { $n } emails\n }.\n    .title = Inbox\n",
    ),
    (
        "nested-select",
        "firefox/new.ftl",
        "shared-photos",
        "shared-photos =\n    { $userGender ->\n        [male]\n            { $photoCount ->\n                [one] He shared one photo\n               *[other] He shared { $photoCount } photos\n            }\n        [female] She shared { $photoCount ->\n                [one] one photo\n               *[other] { $photoCount } photos\n            }\n       *[other] They shared photos\n    }\n",
    ),
    (
        "sequential-selects",
        "firefox/new.ftl",
        "sync-status",
        "sync-status = { $tabs ->\n    [one] One tab\n   *[other] { $tabs } tabs\n } on { NUMBER($devices) ->\n    [1] one device\n   *[other] { $devices } devices\n }\n",
    ),
    (
        "select-in-attribute",
        "firefox/new.ftl",
        "close-tabs",
        "close-tabs = Close\n    .title = { $n ->\n        [one] Close this tab\n        [-1.5] Odd number\n       *[other] Close { $n } tabs\n    }\n    .accesskey = C\n",
    ),
    (
        "term-selector",
        "firefox/new.ftl",
        "brand-update",
        "brand-update = { -brand-name.gender ->\n    [masculine] { -brand-name } est à jour\n   *[other] { -brand-name } is up to date\n }\n",
    ),
    (
        "multiline",
        "main.ftl",
        "multi",
        "multi =\n    First line,\n      indented second line.\n\n    New paragraph with { $x }.\n",
    ),
    (
        "multiline-variant",
        "main.ftl",
        "multi-variant",
        "multi-variant = { $n ->\n    [one]\n        One line\n        and another\n   *[other] Many\n }\n",
    ),
    (
        "xml-specials",
        "main.ftl",
        "specials",
        "specials = Use <b> & \"quotes\" 'apos' > here ]]> &amp;\n",
    ),
    (
        "term",
        "main.ftl",
        "-brand-name",
        "-brand-name = Firefox\n    .gender = masculine\n",
    ),
    (
        "comment",
        "main.ftl",
        "commented",
        "# Shown on the start page.\n# $name is the user name.\ncommented = Hi { $name }\n",
    ),
];

/// All samples as one hand-off, with notes on some messages.
pub fn handoff() -> Handoff {
    let messages = SAMPLES
        .iter()
        .map(|(name, file, id, source)| {
            let mut m = HandoffMessage::new(*file, *id, *source);
            if *name == "select" {
                m.comment = Some("Number of unread emails.".to_string());
                m.notes = vec![
                    Note::with_category("due", "2026-12-01"),
                    Note::with_category("launches", "inbox-v2; mail-sync"),
                    "Plain note with <markup> & \"quotes\"".into(),
                ];
            }
            m
        })
        .collect();
    Handoff {
        source_lang: "en-US".to_string(),
        target_lang: "fr".to_string(),
        messages,
    }
}

/// A hand-off of just one sample.
pub fn single(name: &str) -> Handoff {
    let mut h = handoff();
    h.messages.retain(|m| {
        SAMPLES
            .iter()
            .any(|(n, f, i, _)| *n == name && m.file == *f && m.id == *i)
    });
    h
}

/// Inserts a `<target>` after every `<source>...</source>`, computed by
/// `f(unit_id, escaped source content)`; `None` leaves the unit untranslated.
pub fn fill<F>(xliff: &str, mut f: F) -> String
where
    F: FnMut(&str, &str) -> Option<String>,
{
    let mut out = String::new();
    let mut rest = xliff;
    while let Some(start) = rest.find("<source>") {
        let Some(len) = rest[start..].find("</source>") else {
            break;
        };
        let end = start + len + "</source>".len();
        let before = &out[..];
        let unit_id = last_unit_id(&format!("{before}{}", &rest[..start]));
        let content = &rest[start + "<source>".len()..start + len];
        out.push_str(&rest[..end]);
        if let Some(target) = f(&unit_id, content) {
            out.push_str("<target>");
            out.push_str(&target);
            out.push_str("</target>");
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn last_unit_id(text: &str) -> String {
    text.rfind("<unit id=\"")
        .map(|i| {
            let rest = &text[i + "<unit id=\"".len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .unwrap_or_default()
}

/// Splits escaped content into text runs and `<.../>` tags.
pub fn tokens(content: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = content;
    while let Some(i) = rest.find('<') {
        if i > 0 {
            out.push(rest[..i].to_string());
        }
        let j = rest[i..].find("/>").unwrap() + i + 2;
        out.push(rest[i..j].to_string());
        rest = &rest[j..];
    }
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// "FR " in front of the unit's content (placeholders kept in place).
pub fn prefix_fr(_unit: &str, content: &str) -> Option<String> {
    Some(format!("FR {content}"))
}

/// Like [`prefix_fr`], but every placeholder moved to the end (reordered).
pub fn fr_ph_last(_unit: &str, content: &str) -> Option<String> {
    let (tags, text): (Vec<String>, Vec<String>) = tokens(content)
        .into_iter()
        .partition(|t| t.starts_with("<ph"));
    Some(format!("FR {}{}", text.concat(), tags.concat()))
}
