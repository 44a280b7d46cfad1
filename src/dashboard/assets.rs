//! The dashboard's one stylesheet and one script, inlined into every page
//! (nothing is loaded from another origin), and the Content-Security-Policy
//! that allows exactly them by their SHA-256 hashes: no `unsafe-inline`, no
//! `unsafe-eval`.

use std::sync::OnceLock;

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The stylesheet. Colours keep a contrast of at least 4.5:1 for text; the
/// verdict is also given by a symbol and a word, never by colour alone.
pub const STYLE: &str = r#"
:root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --paper: #ffffff; --band: #f3f4f6;
  --ready: #d7f0de; --ready-edge: #1e7a3c; --risk: #ffefc2; --risk-edge: #8a5a00;
  --blocked: #fbd5d5; --blocked-edge: #a4161a; --accent: #1f4fa3; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", sans-serif;
  color: var(--ink); background: var(--paper); line-height: 1.45; }
body { margin: 0; }
a { color: var(--accent); }
a:focus, button:focus, select:focus, input:focus, [tabindex]:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: var(--paper); padding: .5rem; }
.skip:focus { left: .5rem; }
header.top { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .6rem 1rem;
  border-bottom: 1px solid var(--line); background: var(--band); }
header.top .app { font-weight: 700; }
header.top nav ul { display: flex; flex-wrap: wrap; gap: .25rem .8rem; list-style: none; margin: 0; padding: 0; }
header.top form { margin: 0; }
main { padding: 1rem; max-width: 1400px; }
h1 { font-size: 1.5rem; margin: .2rem 0 .6rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .4rem; }
p.intro, p.note { color: var(--muted); max-width: 60rem; margin: .2rem 0 .6rem; }
form.controls { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: flex-end; margin: .4rem 0 1rem; }
form.controls label, form.filters label { display: flex; flex-direction: column; font-size: .9rem; }
input, select, button { font: inherit; padding: .3rem .45rem; border: 1px solid #767676; border-radius: 4px; background: var(--paper); color: var(--ink); }
button { background: var(--accent); color: #ffffff; border-color: var(--accent); cursor: pointer; }
fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem .8rem; }
.verdict-badge { display: inline-block; padding: .1rem .6rem; border-radius: 999px; font-weight: 700; border: 2px solid; }
.v-READY.verdict-badge { background: var(--ready); border-color: var(--ready-edge); }
.v-AT_RISK.verdict-badge { background: var(--risk); border-color: var(--risk-edge); }
.v-BLOCKED.verdict-badge { background: var(--blocked); border-color: var(--blocked-edge); }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--band); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr[hidden] { display: none; }
details { margin: .3rem 0 1rem; }
summary { cursor: pointer; color: var(--accent); }
svg text { font-size: 12px; fill: var(--ink); }
svg .small { font-size: 10.5px; fill: var(--muted); }
svg .cell-bg { stroke-width: 2; }
svg .v-READY .cell-bg, svg .v-READY.row-band { fill: var(--ready); stroke: var(--ready-edge); }
svg .v-AT_RISK .cell-bg, svg .v-AT_RISK.row-band { fill: var(--risk); stroke: var(--risk-edge); }
svg .v-BLOCKED .cell-bg, svg .v-BLOCKED.row-band { fill: var(--blocked); stroke: var(--blocked-edge); }
svg .optional .cell-bg { fill: var(--paper); stroke-dasharray: 4 3; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .phase { stroke: #3d3d3d; stroke-width: 1; }
svg .p-ALPHA { fill: #e4e0f5; } svg .p-BETA { fill: #cfe0fa; } svg .p-GA { fill: #a9c8f5; }
svg .need-window { fill: #ffd7a8; stroke: #8a4b00; stroke-width: 1; stroke-dasharray: 3 2; }
svg .due path { fill: #8a4b00; } svg .eta circle { fill: #ffffff; stroke: #1f4fa3; stroke-width: 2.5; }
svg .eta.late circle { stroke: #a4161a; }
svg #today { stroke: #a4161a; stroke-width: 2; stroke-dasharray: 5 3; }
svg .row-band { stroke: none; opacity: .35; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; list-style: none; padding: 0; margin: .3rem 0; font-size: .9rem; }
.swatch { display: inline-block; width: 1.1em; height: .8em; border: 1px solid #3d3d3d; vertical-align: middle; margin-right: .3em; }
.sw-window { background: #ffd7a8; } .sw-due { background: #8a4b00; } .sw-eta { background: #ffffff; border-color: #1f4fa3; border-radius: 50%; }
.sev-error { font-weight: 700; color: #8f1216; } .sev-warning { color: #6b4700; font-weight: 600; } .sev-info { color: var(--muted); }
.tag { display: inline-block; font-size: .8rem; padding: 0 .35rem; border: 1px solid var(--line); border-radius: 4px; margin-left: .3rem; }
ul.plain { margin: 0; padding-left: 1.1rem; }
.error-box { border: 2px solid var(--blocked-edge); background: var(--blocked); padding: .6rem 1rem; border-radius: 6px; }
@media (max-width: 600px) {
  main { padding: .6rem; }
  h1 { font-size: 1.25rem; }
  table { font-size: .85rem; }
}
"#;

/// The script: the findings filter acts at once (rows are hidden, not
/// fetched again). Without it, the filter form is submitted and the server
/// answers the matching rows alone; a page that already came filtered
/// submits again on a change, since it lacks the other rows.
pub const SCRIPT: &str = r#"
(function () {
  var form = document.getElementById('findings-filter');
  var table = document.getElementById('findings-table');
  if (!form || !table) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll('tr.finding'));
  var shown = document.getElementById('findings-shown');
  var names = ['market', 'locale', 'rule', 'severity'];
  var complete = table.getAttribute('data-complete') === 'true';
  function apply() {
    var wanted = {};
    names.forEach(function (n) { var s = form.elements[n]; wanted[n] = s ? s.value : ''; });
    var count = 0;
    rows.forEach(function (row) {
      var ok = names.every(function (n) { return !wanted[n] || row.getAttribute('data-' + n) === wanted[n]; });
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    if (shown) { shown.textContent = count.toLocaleString(document.documentElement.lang || undefined); }
  }
  if (complete) {
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  } else {
    form.addEventListener('change', function () { form.submit(); });
  }
})();
"#;

fn source_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The policy of the served pages: nothing but the inline style and script
/// above, images only as `data:` URLs, forms only to the dashboard itself,
/// and no framing.
pub fn content_security_policy() -> &'static str {
    static POLICY: OnceLock<String> = OnceLock::new();
    POLICY.get_or_init(|| {
        format!(
            "default-src 'none'; style-src {}; script-src {}; img-src data:; \
             form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            source_hash(STYLE),
            source_hash(SCRIPT)
        )
    })
}

/// The policy of a page written to a file (a `<meta>` element, where
/// `frame-ancestors` does not apply and forms have nowhere to go).
pub fn file_content_security_policy() -> &'static str {
    static POLICY: OnceLock<String> = OnceLock::new();
    POLICY.get_or_init(|| {
        format!(
            "default-src 'none'; style-src {}; script-src {}; img-src data:; \
             form-action 'none'; base-uri 'none'",
            source_hash(STYLE),
            source_hash(SCRIPT)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_the_inline_assets_by_hash_and_nothing_unsafe() {
        let policy = content_security_policy();
        assert!(policy.contains(&source_hash(STYLE)));
        assert!(policy.contains(&source_hash(SCRIPT)));
        assert!(!policy.contains("unsafe"));
        assert!(!policy.contains("http"));
        assert_eq!(
            source_hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }
}
