#!/usr/bin/env bash
# The dashboard in a real browser: starts `glocal serve --http-listen` with
# tokens on free ports of 127.0.0.1 and a temporary data dir, imports the
# example plan and pushes its Fluent files with an admin token, asks
# CheckRoadmap, ListLaunches and GetBundle with grpcurl (a viewer's token),
# writes the static page with `glocal check --plan --html`, then runs
# tests/e2e/dashboard.py: headless Chromium through Selenium signs in with the
# viewer's token and compares the pages with the API's answers, runs axe-core
# on them and takes screenshots.
#
# Usage: tests/e2e/dashboard.sh
# Environment:
#   GLOCAL_BIN     the glocal binary (default: target/release/glocal)
#   GRPCURL        the grpcurl binary (default: grpcurl on PATH; 1.8.6)
#   CHROMIUM       the browser (default: chromium on PATH)
#   CHROMEDRIVER   its driver (default: chromedriver on PATH)
#   SELENIUM       a directory holding the selenium package (for PYTHONPATH;
#                  default: .ci/.tools/selenium)
#   AXE_JS         axe-core's axe.min.js (default:
#                  .ci/.tools/npm-axe/node_modules/axe-core/axe.min.js)
#   DASHBOARD_ARTIFACTS  where screenshots (and, on failure, page sources)
#                  go (default: .ci/artifacts/dashboard)
#   E2E_KEEP       if set, keep the temporary directory (logs, data, JSON)
#
# .ci/run installs all of these (install_browser). Prints one line per check
# and ends with "N passed, M failed"; exits non-zero if any check failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GLOCAL_BIN="${GLOCAL_BIN:-$ROOT/target/release/glocal}"
GRPCURL="${GRPCURL:-grpcurl}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || true)}"
SELENIUM="${SELENIUM:-$ROOT/.ci/.tools/selenium}"
AXE_JS="${AXE_JS:-$ROOT/.ci/.tools/npm-axe/node_modules/axe-core/axe.min.js}"
ARTIFACTS="${DASHBOARD_ARTIFACTS:-$ROOT/.ci/artifacts/dashboard}"
AS_OF="2027-02-01"
AS_OF_JSON='{"year":2027,"month":2,"day":1}'
ROADMAP="products/kettle/roadmaps/launch-2027"

need() { [[ -n "$2" && -x "$2" ]] || { echo "error: $1 not found (${2:-unset}); see .ci/run install_browser" >&2; exit 2; }; }
need glocal "$GLOCAL_BIN"
need chromium "$CHROMIUM"
need chromedriver "$CHROMEDRIVER"
[[ -f "$AXE_JS" ]] || { echo "error: axe-core not found ($AXE_JS)" >&2; exit 2; }
PYTHONPATH="$SELENIUM${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONPATH
python3 -c 'import selenium' 2>/dev/null || { echo "error: selenium is not importable from $SELENIUM" >&2; exit 2; }
"$GRPCURL" -version >/dev/null 2>&1 || { echo "error: grpcurl not found ($GRPCURL)" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/glocal-e2e-dashboard.XXXXXX")"
mkdir -p "$ARTIFACTS"
SERVER_PID=""
PY_PID=""
PASSED=0
FAILED=0

# kill_tree PID: SIGKILL to PID and everything under it (chromedriver and the
# browser it started), by parent id, deepest first.
kill_tree() {
    local pid="$1" child
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
        kill_tree "$child"
    done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    if [[ -n "$PY_PID" ]] && kill -0 "$PY_PID" 2>/dev/null; then
        kill_tree "$PY_PID"
    fi
    # dashboard.py writes the driver's pid; it quits the driver itself, this
    # is for when it was killed.
    if [[ -s "$WORK/chromedriver.pid" ]]; then
        local driver
        driver="$(cat "$WORK/chromedriver.pid")"
        if kill -0 "$driver" 2>/dev/null; then kill_tree "$driver"; fi
    fi
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        local waited=0
        while kill -0 "$SERVER_PID" 2>/dev/null && [[ $waited -lt 100 ]]; do
            sleep 0.1
            waited=$((waited + 1))
        done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ -n "${E2E_KEEP:-}" ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

pass() { PASSED=$((PASSED + 1)); echo "PASS  $1"; }
fail() {
    FAILED=$((FAILED + 1))
    echo "FAIL  $1"
    [[ -z "${2:-}" ]] || sed 's/^/      | /' <<<"$2" | head -40
}
# A setup step that failed: the browser part cannot run.
give_up() {
    fail "$1" "${2:-}"
    echo "server log (stderr), last lines:"
    tail -20 "$WORK/server.err" 2>/dev/null | sed 's/^/      | /'
    echo "$PASSED passed, $FAILED failed"
    exit 1
}

echo "glocal dashboard e2e: $GLOCAL_BIN, $("$CHROMIUM" --version 2>/dev/null), selenium from $SELENIUM, work dir $WORK"

# Tokens: a viewer for the pages and the API's answers (what a product
# manager has), an admin for the import and the push.
"$GLOCAL_BIN" token new --principal e2e --role viewer >"$WORK/viewer.txt"
"$GLOCAL_BIN" token new --principal e2e-admin --role admin >"$WORK/admin.txt"
VIEWER="$(head -1 "$WORK/viewer.txt")"
ADMIN="$(head -1 "$WORK/admin.txt")"
{ tail -n +2 "$WORK/viewer.txt"; tail -n +2 "$WORK/admin.txt"; } >"$WORK/tokens.toml"

"$GLOCAL_BIN" serve --listen 127.0.0.1:0 --data-dir "$WORK/data" --http-listen 127.0.0.1:0 \
    --auth-tokens "$WORK/tokens.toml" >"$WORK/server.out" 2>"$WORK/server.err" </dev/null &
SERVER_PID=$!
DASH_LINE=""
for _ in $(seq 1 200); do
    DASH_LINE="$(grep -m1 '^glocal dashboard on http://' "$WORK/server.out" 2>/dev/null || true)"
    [[ -n "$DASH_LINE" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
done
[[ -n "$DASH_LINE" ]] || give_up "the server prints its dashboard line" "$(cat "$WORK/server.out" "$WORK/server.err")"
# "glocal serving on 127.0.0.1:PORT (data in DIR)", "glocal dashboard on http://ADDR/"
ADDR="$(awk '/^glocal serving on /{print $4; exit}' "$WORK/server.out")"
DASH_URL="$(awk '{print $4}' <<<"$DASH_LINE")"
[[ "$DASH_URL" == http://127.0.0.1:*/ ]] || give_up "the dashboard listens on 127.0.0.1 ($DASH_LINE)"
pass "server is ready: gRPC on $ADDR, $DASH_LINE"

run() { "$@" >"$WORK/cmd.out" 2>&1 </dev/null; }
if run env GLOCAL_TOKEN="$ADMIN" "$GLOCAL_BIN" import --server "http://$ADDR" "$ROOT/examples/plan.toml"; then
    pass "glocal import examples/plan.toml: $(head -1 "$WORK/cmd.out")"
else
    give_up "glocal import examples/plan.toml" "$(cat "$WORK/cmd.out")"
fi
if run env GLOCAL_TOKEN="$ADMIN" "$GLOCAL_BIN" push --server "http://$ADDR" --product kettle "$ROOT/examples/locales"; then
    pass "glocal push examples/locales: $(tail -1 "$WORK/cmd.out")"
else
    give_up "glocal push examples/locales" "$(cat "$WORK/cmd.out")"
fi

# grpc NAME METHOD JSON: the viewer's call, its answer in $WORK/NAME.json.
grpc() {
    if "$GRPCURL" -plaintext -max-time 20 -H "authorization: Bearer $VIEWER" -d "$3" "$ADDR" \
        "glocal.v1.$2" >"$WORK/$1.json" 2>"$WORK/cmd.out" </dev/null; then
        pass "grpcurl $2 (viewer)"
    else
        give_up "grpcurl $2 (viewer)" "$(cat "$WORK/cmd.out")"
    fi
}
grpc check PlanningService/CheckRoadmap "{\"name\":\"$ROADMAP\",\"as_of\":$AS_OF_JSON}"
grpc launches PlanningService/ListLaunches '{"parent":"products/kettle","page_size":1000}'
grpc bundle ProductService/GetBundle '{"name":"products/kettle/bundles/fr"}'

# The static page of the same plan and day; exit 1 is a gate that failed
# (the example is blocked on purpose), 2 and more are errors.
RC=0
"$GLOCAL_BIN" check --plan "$ROOT/examples/plan.toml" --as-of "$AS_OF" --html "$WORK/static.html" \
    >"$WORK/cmd.out" 2>&1 </dev/null || RC=$?
if [[ $RC -le 1 && -s "$WORK/static.html" ]]; then
    pass "glocal check --plan examples/plan.toml --as-of $AS_OF --html writes the static page (exit $RC)"
else
    give_up "glocal check --plan examples/plan.toml --as-of $AS_OF --html (exit $RC)" "$(tail -20 "$WORK/cmd.out")"
fi

# The same page with a forecast history (the README's: January 2027), so
# that the timeline has forecast days to show; the JSON report of the same
# run says which.
cat >"$WORK/history.jsonl" <<'EOF'
{"time":1799236800,"locale":"fr","files":{"kettle.ftl":{"needed":38,"translated":30},"pairing/setup.ftl":{"needed":31,"translated":17}}}
{"time":1800964800,"locale":"fr","files":{"kettle.ftl":{"needed":38,"translated":38},"pairing/setup.ftl":{"needed":31,"translated":24}}}
{"time":1800100800,"locale":"de-DE","files":{"kettle.ftl":{"needed":38,"translated":20},"pairing/setup.ftl":{"needed":31,"translated":31}}}
{"time":1801224000,"locale":"de-DE","files":{"kettle.ftl":{"needed":38,"translated":23},"pairing/setup.ftl":{"needed":31,"translated":31}}}
EOF
RC=0
"$GLOCAL_BIN" check --plan "$ROOT/examples/plan.toml" --as-of "$AS_OF" --history "$WORK/history.jsonl" \
    --json "$WORK/static-history.json" --html "$WORK/static-history.html" >"$WORK/cmd.out" 2>&1 </dev/null || RC=$?
if [[ $RC -le 1 && -s "$WORK/static-history.html" && -s "$WORK/static-history.json" ]]; then
    pass "glocal check --history --json --html writes the static page with forecasts (exit $RC)"
else
    give_up "glocal check --history --json --html (exit $RC)" "$(tail -20 "$WORK/cmd.out")"
fi

# The browser part, bounded: dashboard.py stops the browser itself on
# SIGTERM; the trap kills what is left.
SE_OFFLINE=true timeout --kill-after=10 150 python3 "$ROOT/tests/e2e/dashboard.py" \
    --url "$DASH_URL" --token "$VIEWER" --as-of "$AS_OF" \
    --check-json "$WORK/check.json" --launches-json "$WORK/launches.json" \
    --bundle-json "$WORK/bundle.json" --static-html "$WORK/static.html" \
    --history-html "$WORK/static-history.html" --history-json "$WORK/static-history.json" \
    --chromium "$CHROMIUM" --chromedriver "$CHROMEDRIVER" --axe "$AXE_JS" \
    --artifacts "$ARTIFACTS" --work "$WORK" --passed-before "$PASSED" --failed-before "$FAILED" &
PY_PID=$!
PY_RC=0
wait "$PY_PID" || PY_RC=$?
PY_PID=""
if [[ $PY_RC -ne 0 ]]; then
    if [[ $PY_RC -ge 124 ]]; then
        echo "FAIL  dashboard.py did not finish within 150 s (exit $PY_RC)"
        echo "$PASSED passed, $((FAILED + 1)) failed"
    fi
    echo "server log (stderr), last lines:"
    tail -20 "$WORK/server.err" | sed 's/^/      | /'
    exit 1
fi
