#!/usr/bin/env bash
# The hand-off with real third-party XLIFF tools: glocal's XLIFF 2.0 (of the
# example plan, and of every Fluent construct in examples/handoff_samples.rs)
# is checked by tests/e2e/validate_xliff.py and read by translate-toolkit's
# XLIFF 2.0 store; translate-toolkit then fills the targets of the example's
# fr hand-off, `glocal handoff import` merges them, and the check finds those
# messages translated.
#
# Env: GLOCAL_BIN (the glocal binary), SAMPLES_BIN (the handoff_samples
# example), PYTHONPATH with translate-toolkit (see validate_xliff.py).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GLOCAL="${GLOCAL_BIN:?set GLOCAL_BIN}"
SAMPLES="${SAMPLES_BIN:?set SAMPLES_BIN}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cp "$ROOT/examples/plan.toml" "$WORK/plan.toml"
cp -r "$ROOT/examples/locales" "$WORK/locales"

"$GLOCAL" handoff --plan "$WORK/plan.toml" --as-of 2027-02-01 --xliff "$WORK/out"
"$SAMPLES" "$WORK/samples"
python3 "$ROOT/tests/e2e/validate_xliff.py" "$WORK"/out/*.xlf "$WORK"/samples/*.xlf

# translate-toolkit writes the targets; glocal reads them back.
python3 "$ROOT/tests/e2e/validate_xliff.py" --fill "$WORK/fr.filled.xlf" "$WORK/out/fr.xlf"
python3 "$ROOT/tests/e2e/validate_xliff.py" "$WORK/fr.filled.xlf"
"$GLOCAL" handoff import "$WORK/fr.filled.xlf" --l10n "$WORK/locales"
"$GLOCAL" check --plan "$WORK/plan.toml" --as-of 2027-02-01 --json "$WORK/after.json" >/dev/null || true
python3 - "$WORK/after.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
left = [(f["locale"], f.get("message_id")) for f in report["findings"]
        if f["rule"] == "missing-message" and f["locale"] in ("fr-CA", "fr-FR")]
tasks = [t["locale"] for t in report["tasks"]]
if left or "fr" in tasks:
    sys.exit(f"the fr hand-off did not translate everything: missing {left}, tasks {tasks}")
print("handoff: translate-toolkit's targets imported; fr-CA and fr-FR miss nothing; tasks now", tasks)
PY
