#!/usr/bin/env bash
# glocal on etcd against glocal on sled: durable write throughput, and how
# much a GiB of etcd quota holds. Every figure is a ratio against a baseline
# measured in the same run (so that a slow or busy machine moves both sides).
#
# Usage: benches/etcd.sh [-h|--help]
#
# Environment:
#   BENCH_SECONDS   measured seconds of each load row (default 10; 1 s warm-up
#                   before each, not counted)
#   BENCH_MARKETS   markets created for the capacity rows (default 5000)
#   BENCH_LOCALES   locale folders pushed for the bundle rows, the first N in
#                   name order, plus the source en/ (default 10)
#   BENCH_ETCD_MAX_TXN_OPS  etcd's --max-txn-ops and glocal's
#                   --etcd-max-txn-ops (default 1024: a bundle of up to 338
#                   files; at etcd's own default, 128, it holds 40)
#   GLOCAL_CORPUS   the corpus (default: ../shared/corpus from the repository
#                   root); the Fluent tree is $GLOCAL_CORPUS/www-l10n, source
#                   en/ and one folder per locale beside it. Absent: the bundle
#                   rows say so and are skipped, the others are measured.
#   ETCD_BIN        the etcd server (default: `command -v etcd`; 3.4 is what
#                   glocal's client is generated from)
#   GLOCAL_BIN      default target/release/glocal; LOAD_BIN default
#                   target/release/examples/load (this script never builds:
#                   cargo build --release --bins --examples)
#   GLOCAL_LOG      passed to `glocal serve` (default: its own, info)
#   OUT             where the table is also written (default
#                   $WORK/etcd-bench.txt; the path is printed)
#   BENCH_KEEP=1    keep the etcd and sled data dirs (default: removed at exit;
#                   the work dir's logs and table are always kept)
#
# Tools: etcd (no etcdctl: compaction, defragmentation and status go through
# etcd's JSON gateway on the client port, with curl), curl, python3 (JSON and
# free ports), du, glocal and examples/load (a closed-loop tonic load
# generator printing `requests=N errors=N seconds=S rps=R p50_ms=...`).
#
# Setups, all on loopback: "sled" is `glocal serve --data-dir` on a fresh
# data dir; "etcd" is a fresh 3-member etcd cluster (one data dir per member,
# etcd's default flags but --max-txn-ops $BENCH_ETCD_MAX_TXN_OPS, as the
# README's "Scaling out" suggests for bundles of more than 40 files: 1.5 MiB
# requests, quota 2 GiB) with one `glocal serve --store etcd://m1,m2,m3/PREFIX
# --etcd-max-txn-ops $BENCH_ETCD_MAX_TXN_OPS` on it. On a small
# machine the three members, glocal and the load generator share the cores.
#
# Rows:
#
# throughput: one sled server and one etcd cluster + server, each fresh;
#   CreateMarket (examples/load --method create-market: one new market per
#   call, durable when acknowledged) for BENCH_SECONDS after a 1 s warm-up.
#   1. 1 writer (--connections 1 --streams 1): creates/s with p50/p99, sled
#      (the baseline, 1.00x) and etcd as a ratio of sled (rate, p50, p99).
#   2. 64 writers (--connections 4 --streams 16): the same.
#   3. 64 writers vs 1 on each store (how well the store batches).
#   Then, with the corpus, a probe: `glocal push` of the bundle tree (below)
#   into the etcd server with push's own default batches (1000 files, 16 MiB
#   of text per request). Not a row: a note when etcd's default transaction
#   limits refuse it (RESOURCE_EXHAUSTED), and the capacity rows then push in
#   smaller batches.
#
# capacity: a second fresh etcd cluster (prefix /bench-cap) and a second
#   fresh sled data dir. Each etcd size is read after compacting to the
#   cluster's current revision (physical) and defragmenting every member:
#   dbSizeInUse of the largest member (dbSize, the file etcd's quota counts,
#   in the log). Sled's size is `du --apparent-size` of the data dir with the
#   server stopped (all flushed); it grows in 512 KiB segments (sled's
#   default), so its rows are +-512 KiB over the growth they divide.
#   4. bytes per market document: size growth over BENCH_MARKETS creates
#      (4x16 writers) / markets stored (counted in etcd by a count_only range
#      over the prefix's market documents), so a market's document, its
#      revision record and any bookkeeping keys; etcd vs sled.
#   5. markets per GiB of etcd quota (2^30 / row 4) vs per GiB of sled disk.
#   6. etcd bytes per market vs the keys+values glocal wrote under the prefix
#      per market (read back with paginated ranges): etcd's MVCC and bbolt
#      overhead.
#   7. bundle bytes: `glocal push` of en/ and the first BENCH_LOCALES locale
#      folders of www-l10n (symbolic links in the work dir) to a product
#      imported first (a plan with only [product], source en), with push's
#      default batches when the probe passed, else in batches of 30 files
#      and 80 KB of text (what fits etcd's default limits), the same on both
#      stores; size growth from after the import to after the push, per .ftl
#      byte of the pushed tree; etcd vs sled.
#   8. etcd bytes per .ftl byte vs the keys+values the push added under the
#      prefix per .ftl byte (etcd's overhead on bundle data).
#   9. .ftl GiB per GiB of etcd quota (the inverse of row 7) vs per GiB of
#      sled disk.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GLOCAL="${GLOCAL_BIN:-$ROOT/target/release/glocal}"
LOAD="${LOAD_BIN:-$ROOT/target/release/examples/load}"
ETCD="${ETCD_BIN:-$(command -v etcd || true)}"
CORPUS="${GLOCAL_CORPUS:-$ROOT/../shared/corpus}"
TREE="$CORPUS/www-l10n"
SECS="${BENCH_SECONDS:-10}"
MARKETS="${BENCH_MARKETS:-5000}"
NLOCALES="${BENCH_LOCALES:-10}"
MAX_TXN_OPS="${BENCH_ETCD_MAX_TXN_OPS:-1024}"
GIB=1073741824

case "${1:-}" in
    "") ;;
    -h | --help)
        sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "unknown argument $1 (benches/etcd.sh takes no arguments; see --help)" >&2
        exit 2
        ;;
esac

for v in SECS MARKETS NLOCALES; do
    [[ "${!v}" =~ ^[0-9]+$ && "${!v}" -gt 0 ]] || {
        echo "$v must be a positive whole number, not '${!v}' (BENCH_SECONDS, BENCH_MARKETS, BENCH_LOCALES)" >&2
        exit 2
    }
done
for tool in curl python3 du; do
    command -v "$tool" >/dev/null || {
        echo "$tool is missing" >&2
        exit 2
    }
done
if [[ -z "$ETCD" || ! -x "$ETCD" ]]; then
    echo "etcd is missing${ETCD:+ ($ETCD is not executable)}: apt-get install etcd-server, or set ETCD_BIN" >&2
    exit 2
fi
for bin in "$GLOCAL" "$LOAD"; do
    [[ -x "$bin" ]] || {
        echo "$bin is missing: cargo build --release --bins --examples" >&2
        exit 2
    }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/glocal-etcd-bench.XXXXXX")"
DATA="$WORK/data"
LOGS="$WORK/logs"
mkdir -p "$DATA" "$LOGS"
OUT="${OUT:-$WORK/etcd-bench.txt}"
PIDS=()
cleanup() {
    local pid i
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    # Up to 10 s for a clean exit, then SIGKILL.
    for ((i = 0; i < 100; i++)); do
        local alive=0
        for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        ((alive)) || break
        sleep 0.1
    done
    for pid in "${PIDS[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [[ "${BENCH_KEEP:-}" != 1 ]]; then
        rm -rf "$DATA"
    fi
    echo "work dir (logs, table): $WORK" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ROWS="$WORK/rows.tsv"
NOTES="$WORK/notes.txt"
: >"$ROWS"
: >"$NOTES"
log() { echo "[$(date +%T)] $*" >&2; }
note() {
    echo "$*" >>"$NOTES"
    log "NOTE: $*"
}
now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { if (v == "" || tolower(v) == "nan" || v == "n/a") print "n/a"; else printf f, v }'; }
# ratio A B: A / B, with about three significant digits.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a == "" || b == "" || a == "n/a" || b == "n/a" || tolower(a) == "nan" || tolower(b) == "nan" || b + 0 == 0) { print "n/a"; exit }
        r = a / b
        if (r >= 100) printf "%.0f×", r
        else if (r >= 10) printf "%.1f×", r
        else if (r >= 0.01) printf "%.2f×", r
        else printf "%.2g×", r
    }'
}
# row WHAT MEASURED BASELINE RATIO
row() {
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$ROWS"
    log "row: $1 | $2 | $3 | $4"
}
# kv LINE KEY: the value of KEY=VALUE in LINE.
kv() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k { print $2; exit }'; }
ms() { fmt "$1" '%.2f ms'; }
# big N: a count with thousands separators.
big() { awk -v v="$1" 'BEGIN { if (v == "" || v == "n/a") { print "n/a"; exit } s = sprintf("%.0f", v); o = ""; while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) } print s o }'; }
bytes_h() { awk -v v="$1" 'BEGIN { if (v == "" || v == "n/a") print "n/a"; else if (v >= 1048576) printf "%.2f MiB", v / 1048576; else if (v >= 10240) printf "%.1f KiB", v / 1024; else printf "%.0f B", v }'; }

# free_ports N: N distinct free loopback ports (all bound at once, then freed).
free_ports() {
    python3 -c '
import socket, sys
ss = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in ss:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))
for s in ss:
    s.close()' "$1"
}
# jget PATH: a field of the JSON on stdin (dotted path), empty when absent.
jget() {
    python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except ValueError:
    sys.exit(0)
for k in sys.argv[1].split("."):
    d = d.get(k) if isinstance(d, dict) else None
print("" if d is None else d)' "$1"
}

# --- etcd -------------------------------------------------------------------------

ETCD_VERSION="$("$ETCD" --version 2>/dev/null | awk '/^etcd Version:/ { print $3 }')"
[[ -n "$ETCD_VERSION" ]] || ETCD_VERSION="unknown"

# gw URL PATH BODY: a POST to etcd's JSON gateway.
gw() { curl -s --max-time 120 -XPOST "$1$2" -H 'Content-Type: application/json' -d "$3"; }

# start_cluster NAME: a fresh 3-member cluster; sets CLUSTER_URLS (http://...
# of each member's client port), CLUSTER_EPS (host:port,host:port,...) and
# CLUSTER_PIDS.
start_cluster() {
    local name="$1" ports i initial="" token
    read -r -a ports < <(free_ports 6)
    for i in 0 1 2; do
        initial+="${initial:+,}$name-m$((i + 1))=http://127.0.0.1:${ports[i + 3]}"
    done
    token="glocal-bench-$name-$$"
    CLUSTER_URLS=() CLUSTER_PIDS=() CLUSTER_EPS=""
    for i in 0 1 2; do
        local m="$name-m$((i + 1))" client="http://127.0.0.1:${ports[i]}" peer="http://127.0.0.1:${ports[i + 3]}"
        "$ETCD" --name "$m" --data-dir "$DATA/etcd-$m" \
            --listen-client-urls "$client" --advertise-client-urls "$client" \
            --listen-peer-urls "$peer" --initial-advertise-peer-urls "$peer" \
            --initial-cluster "$initial" --initial-cluster-state new --initial-cluster-token "$token" \
            --max-txn-ops "$MAX_TXN_OPS" \
            --logger zap --log-outputs "$LOGS/etcd-$m.log" >"$LOGS/etcd-$m.out" 2>&1 &
        PIDS+=("$!")
        CLUSTER_PIDS+=("$!")
        CLUSTER_URLS+=("$client")
        CLUSTER_EPS+="${CLUSTER_EPS:+,}127.0.0.1:${ports[i]}"
    done
    # Ready when every member answers /health true (a member that listens
    # may not have a leader yet).
    local url ok
    for ((i = 0; i < 300; i++)); do
        ok=1
        for url in "${CLUSTER_URLS[@]}"; do
            [[ "$(curl -s --max-time 2 "$url/health" | jget health)" == true ]] || ok=0
        done
        ((ok)) && break
        local pid
        for pid in "${CLUSTER_PIDS[@]}"; do
            kill -0 "$pid" 2>/dev/null || {
                tail -20 "$LOGS"/etcd-"$name"-m*.log >&2 || true
                echo "an etcd member of cluster $name exited at start-up" >&2
                exit 1
            }
        done
        sleep 0.1
    done
    ((ok)) || {
        tail -20 "$LOGS"/etcd-"$name"-m*.log >&2 || true
        echo "etcd cluster $name was not healthy within 30 s" >&2
        exit 1
    }
    local version
    version="$(gw "${CLUSTER_URLS[0]}" /v3/maintenance/status '{}' | jget version)"
    log "etcd cluster $name (etcd $version): $CLUSTER_EPS"
}

# forget PID: drops PID from PIDS.
forget() {
    local keep=() p
    for p in "${PIDS[@]}"; do [[ "$p" == "$1" ]] || keep+=("$p"); done
    PIDS=("${keep[@]}")
}
# stop PID: SIGTERM, then wait for it.
stop() {
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    forget "$1"
}
stop_cluster() {
    local pid
    for pid in "${CLUSTER_PIDS[@]}"; do stop "$pid"; done
    CLUSTER_PIDS=()
}

# etcd_size: compacts the cluster to its current revision (physical: the
# member that answers has dropped the old revisions when it returns),
# defragments every member and reads their status. Sets ETCD_INUSE and
# ETCD_DB (dbSizeInUse and dbSize of the largest member) and logs each member;
# ETCD_RAW_DB is the largest dbSize before the compaction.
etcd_size() {
    local rev answer url i
    # dbSize as it stands first (every revision kept, free pages in the file).
    ETCD_RAW_DB=0
    for url in "${CLUSTER_URLS[@]}"; do
        answer="$(gw "$url" /v3/maintenance/status '{}' | jget dbSize)"
        ((${answer:-0} > ETCD_RAW_DB)) && ETCD_RAW_DB="$answer"
    done
    rev="$(gw "${CLUSTER_URLS[0]}" /v3/kv/range '{"key":"AA=="}' | jget header.revision)"
    [[ -n "$rev" ]] || {
        echo "etcd: no revision from ${CLUSTER_URLS[0]}/v3/kv/range" >&2
        exit 1
    }
    answer="$(gw "${CLUSTER_URLS[0]}" /v3/kv/compaction "{\"revision\":\"$rev\",\"physical\":true}")"
    if [[ -n "$(jget error <<<"$answer")" && "$answer" != *"required revision has been compacted"* ]]; then
        echo "etcd compaction to $rev failed: $answer" >&2
        exit 1
    fi
    # The other members apply the compaction from the Raft log on their own;
    # defragment until all three agree (within 2% or 64 KiB), 5 rounds at most.
    local sizes inuse db lo hi
    for ((i = 0; i < 5; i++)); do
        sleep 0.5
        sizes=()
        for url in "${CLUSTER_URLS[@]}"; do
            answer="$(gw "$url" /v3/maintenance/defragment '{}')"
            [[ -z "$(jget error <<<"$answer")" ]] || {
                echo "etcd defragment of $url failed: $answer" >&2
                exit 1
            }
            answer="$(gw "$url" /v3/maintenance/status '{}')"
            inuse="$(jget dbSizeInUse <<<"$answer")"
            db="$(jget dbSize <<<"$answer")"
            sizes+=("$inuse:$db")
        done
        lo="$(printf '%s\n' "${sizes[@]}" | cut -d: -f1 | sort -n | head -1)"
        hi="$(printf '%s\n' "${sizes[@]}" | cut -d: -f1 | sort -n | tail -1)"
        awk -v lo="$lo" -v hi="$hi" 'BEGIN { exit !(hi - lo <= 65536 || hi - lo <= 0.02 * hi) }' && break
    done
    ETCD_INUSE="$hi"
    ETCD_DB="$(printf '%s\n' "${sizes[@]}" | cut -d: -f2 | sort -n | tail -1)"
    log "etcd dbSize $ETCD_RAW_DB before; after compaction to revision $rev and defragmentation: dbSizeInUse:dbSize per member ${sizes[*]}"
    if ! awk -v lo="$lo" -v hi="$hi" 'BEGIN { exit !(hi - lo <= 65536 || hi - lo <= 0.02 * hi) }'; then
        note "etcd members still differ after 5 defragmentations (dbSizeInUse:dbSize ${sizes[*]}); the largest is used"
    fi
}

# etcd_prefix_stats PREFIX: "KEYS BYTES" — the keys under PREFIX and their
# key+value bytes (read in pages of 500).
etcd_prefix_stats() {
    python3 - "${CLUSTER_URLS[0]}" "$1" <<'PY'
import base64, json, sys, urllib.request
url, prefix = sys.argv[1], sys.argv[2].encode()
end = prefix[:-1] + bytes([prefix[-1] + 1])
b64 = lambda b: base64.b64encode(b).decode()
key, keys, size = prefix, 0, 0
while True:
    body = json.dumps({"key": b64(key), "range_end": b64(end), "limit": 500}).encode()
    req = urllib.request.Request(url + "/v3/kv/range", data=body, headers={"Content-Type": "application/json"})
    answer = json.load(urllib.request.urlopen(req, timeout=120))
    kvs = answer.get("kvs", [])
    for kv in kvs:
        k = base64.b64decode(kv["key"])
        keys += 1
        size += len(k) + len(base64.b64decode(kv.get("value", "")))
    if not answer.get("more") or not kvs:
        break
    key = base64.b64decode(kvs[-1]["key"]) + b"\0"
print(keys, size)
PY
}

# etcd_count KEY_PREFIX: keys under KEY_PREFIX (a count_only range; the prefix
# may hold \0 written as such by printf).
etcd_count() {
    local start end
    start="$(printf "$1" | base64 -w0)"
    end="$(printf "$1" | python3 -c 'import sys, base64; b = sys.stdin.buffer.read(); print(base64.b64encode(b[:-1] + bytes([b[-1] + 1])).decode())')"
    gw "${CLUSTER_URLS[0]}" /v3/kv/range "{\"key\":\"$start\",\"range_end\":\"$end\",\"count_only\":true}" | jget count
}

# --- glocal ---------------------------------------------------------------------

# start_glocal NAME [serve flags...]: sets SERVER_PID and SERVER_URL.
start_glocal() {
    local name="$1" port i
    shift
    port="$(free_ports 1)"
    "$GLOCAL" serve --listen "127.0.0.1:$port" "$@" >"$LOGS/glocal-$name.out" 2>"$LOGS/glocal-$name.err" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    SERVER_URL="http://127.0.0.1:$port"
    for ((i = 0; i < 600; i++)); do
        grep -q '^glocal serving on' "$LOGS/glocal-$name.out" 2>/dev/null && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    tail -20 "$LOGS/glocal-$name.err" >&2
    echo "glocal serve ($name: $*) did not start; its log: $LOGS/glocal-$name.err" >&2
    exit 1
}

# load NAME URL PREFIX C S [load flags...]: the load line (create-market).
# Errors are noted with the first one load printed.
load() {
    local name="$1" url="$2" prefix="$3" c="$4" s="$5" line errs
    shift 5
    line="$("$LOAD" --server "$url" --method create-market --arg "$prefix" \
        --connections "$c" --streams "$s" "$@" 2>"$LOGS/load-$name.err")" || {
        cat "$LOGS/load-$name.err" >&2
        echo "examples/load ($name) failed" >&2
        exit 1
    }
    echo "$name: $line" >>"$LOGS/load-lines.txt"
    log "load $name (${c}×$s): $line"
    errs="$(kv "$line" errors)"
    if [[ "$errs" != 0 ]]; then
        note "load $name (${c}×$s): $errs failed calls of $(($(kv "$line" requests) + errs)); $(tr '\n' ' ' <"$LOGS/load-$name.err")"
    fi
    echo "$line"
}

# sled_size DIR: the data dir's bytes (apparent size; the server is stopped).
sled_size() { du -s --apparent-size -B1 "$1" | cut -f1; }
sled_disk() { du -s -B1 "$1" | cut -f1; }

# import_plan FILE URL
import_plan() {
    "$GLOCAL" import "$1" --server "$2" >"$LOGS/import.out" 2>&1 || {
        cat "$LOGS/import.out" >&2
        echo "glocal import $1 failed" >&2
        exit 1
    }
}

# The capacity rows' push flags, on both stores: none (push's own batches)
# when the probe of section_throughput pushed the tree into etcd with them;
# otherwise batches small enough for etcd's default transaction limits: a
# bundle file's change holds about 9x its text (the document with its parsed
# index, the revision record, a referrer) and 3 operations, so 30 files and
# 80 KB of text (plus the one file that crosses it) stay under 128
# operations and 1.5 MiB.
SMALL_BATCHES=(--max-files-per-request 30 --max-request-bytes 80000)
PUSH_FLAGS=("${SMALL_BATCHES[@]}")

# push_tree TREE URL PRODUCT NAME
push_tree() {
    local began
    began="$(now)"
    "$GLOCAL" push --server "$2" --product "$3" ${PUSH_FLAGS[@]+"${PUSH_FLAGS[@]}"} "$1" >"$LOGS/push-$4.out" 2>&1 || {
        tail -20 "$LOGS/push-$4.out" >&2
        echo "glocal push to $3 ($4) failed; its output: $LOGS/push-$4.out" >&2
        exit 1
    }
    log "push ($4, $(fmt "$(calc "$(now) - $began")" '%.1f') s): $(tail -1 "$LOGS/push-$4.out")"
}

# --- throughput -------------------------------------------------------------------

section_throughput() {
    log "=== throughput: CreateMarket, $SECS s per row after 1 s warm-up ==="
    start_glocal sled-tp --data-dir "$DATA/sled-tp"
    local sled_url="$SERVER_URL" sled_pid="$SERVER_PID"
    start_cluster tp
    start_glocal etcd-tp --store "etcd://$CLUSTER_EPS/bench-tp" --etcd-max-txn-ops "$MAX_TXN_OPS"
    local etcd_url="$SERVER_URL" etcd_pid="$SERVER_PID"

    local w c s sl el plural
    declare -A SLED ETCDL
    for w in 1 64; do
        if ((w == 1)); then c=1 s=1; else c=4 s=16; fi
        SLED[$w]="$(load "sled-$w" "$sled_url" "sled$w" "$c" "$s" --duration "$SECS" --warmup 1)"
        ETCDL[$w]="$(load "etcd-$w" "$etcd_url" "etcd$w" "$c" "$s" --duration "$SECS" --warmup 1)"
    done
    # glocal push with its own default batches (up to 1000 files and 16 MiB
    # of text per request) into etcd.
    if [[ -n "$BUNDLE_TREE" ]]; then
        write_product_plan "$WORK/plan-tp.toml" probe
        import_plan "$WORK/plan-tp.toml" "$etcd_url"
        if "$GLOCAL" push --server "$etcd_url" --product probe "$BUNDLE_TREE" >"$LOGS/push-probe.out" 2>&1; then
            log "push with its default batches into etcd: $(tail -1 "$LOGS/push-probe.out")"
            PUSH_FLAGS=()
        else
            note "glocal push with its default batches (up to 1000 files, 16 MiB per request) into etcd (--max-txn-ops $MAX_TXN_OPS, --max-request-bytes 1.5 MiB) failed: $(tail -1 "$LOGS/push-probe.out"); first failure: $(grep -m1 'upload failed' "$LOGS/push-probe.out" || true). The capacity rows push in batches of ${PUSH_FLAGS[*]}."
        fi
    fi
    stop "$etcd_pid"
    stop_cluster
    stop "$sled_pid"

    local what
    for w in 1 64; do
        if ((w == 1)); then c=1 s=1; else c=4 s=16; fi
        sl="${SLED[$w]}" el="${ETCDL[$w]}"
        local serr eerr
        serr="$(kv "$sl" errors)" eerr="$(kv "$el" errors)"
        plural=""
        ((w == 1)) || plural=s
        what="durable creates/s, $w writer$plural (${c}×$s)"
        row "$what: sled (the baseline)$( [[ "$serr" == 0 ]] || echo " [$serr errors]")" \
            "$(fmt "$(kv "$sl" rps)" '%.0f/s'), p50 $(ms "$(kv "$sl" p50_ms)"), p99 $(ms "$(kv "$sl" p99_ms)")" \
            "sled" "1.00×"
        what="$what: etcd, 3 members$( [[ "$eerr" == 0 ]] || echo " [$eerr errors]")"
        row "$what, creates/s vs sled" \
            "$(fmt "$(kv "$el" rps)" '%.0f/s')" "$(fmt "$(kv "$sl" rps)" '%.0f/s')" "$(ratio "$(kv "$el" rps)" "$(kv "$sl" rps)")"
        row "$what, p50 latency vs sled" \
            "$(ms "$(kv "$el" p50_ms)")" "$(ms "$(kv "$sl" p50_ms)")" "$(ratio "$(kv "$el" p50_ms)" "$(kv "$sl" p50_ms)")"
        row "$what, p99 latency vs sled" \
            "$(ms "$(kv "$el" p99_ms)")" "$(ms "$(kv "$sl" p99_ms)")" "$(ratio "$(kv "$el" p99_ms)" "$(kv "$sl" p99_ms)")"
    done
    row "durable creates/s on sled, 64 writers vs 1" \
        "$(fmt "$(kv "${SLED[64]}" rps)" '%.0f/s')" "$(fmt "$(kv "${SLED[1]}" rps)" '%.0f/s')" \
        "$(ratio "$(kv "${SLED[64]}" rps)" "$(kv "${SLED[1]}" rps)")"
    row "durable creates/s on etcd, 64 writers vs 1" \
        "$(fmt "$(kv "${ETCDL[64]}" rps)" '%.0f/s')" "$(fmt "$(kv "${ETCDL[1]}" rps)" '%.0f/s')" \
        "$(ratio "$(kv "${ETCDL[64]}" rps)" "$(kv "${ETCDL[1]}" rps)")"
}

# --- capacity ---------------------------------------------------------------------

# The bundle tree: en/ and the first NLOCALES locale folders, as links.
bundle_tree() {
    BUNDLE_TREE="" BUNDLE_WHY=""
    if [[ ! -d "$TREE/en" ]]; then
        BUNDLE_WHY="the corpus is absent: no $TREE/en (set GLOCAL_CORPUS to the folder holding www-l10n/)"
        log "$BUNDLE_WHY: the push probe and the bundle rows are skipped"
        return
    fi
    local tree l n=0
    tree="$(cd "$TREE" && pwd)"
    BUNDLE_TREE="$WORK/tree"
    mkdir -p "$BUNDLE_TREE"
    ln -s "$tree/en" "$BUNDLE_TREE/en"
    while read -r l; do
        ln -s "$tree/$l" "$BUNDLE_TREE/$l"
        ((++n >= NLOCALES)) && break
    done < <(
        for d in "$tree"/*/; do
            l="$(basename "$d")"
            [[ "$l" == en ]] && continue
            [[ -n "$(find -L "$d" -name '*.ftl' -type f -print -quit)" ]] && echo "$l"
        done | LC_ALL=C sort
    )
    BUNDLE_LOCALES="$n"
    BUNDLE_FILES="$(find -L "$BUNDLE_TREE" -name '*.ftl' -type f | wc -l)"
    BUNDLE_BYTES="$(find -L "$BUNDLE_TREE" -name '*.ftl' -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
    log "bundle tree: en + $n locales ($(ls "$BUNDLE_TREE" | grep -v '^en$' | tr '\n' ' ')), $BUNDLE_FILES .ftl files, $BUNDLE_BYTES bytes"
}

write_product_plan() {
    printf '[product]\nid = "%s"\ndisplay_name = "mozilla.org (bench)"\nsource_locale = "en"\n' "$2" >"$1"
}

section_capacity() {
    log "=== capacity: $MARKETS markets, then a bundle push, etcd vs sled ==="
    write_product_plan "$WORK/plan.toml" www

    # etcd
    start_cluster cap
    local prefix=/bench-cap
    start_glocal etcd-cap --store "etcd://$CLUSTER_EPS$prefix" --etcd-max-txn-ops "$MAX_TXN_OPS"
    local url="$SERVER_URL" pid="$SERVER_PID"
    etcd_size
    local e0="$ETCD_INUSE" e0db="$ETCD_DB" e0raw="$ETCD_RAW_DB" k0 kbase
    read -r k0 kbase < <(etcd_prefix_stats "$prefix/")
    local line
    line="$(load etcd-cap "$url" cap 4 16 --max-requests "$MARKETS" --warmup 0 --duration 600)"
    local stored
    stored="$(etcd_count "$prefix/docs/markets\\0cap-")"
    [[ "$stored" =~ ^[0-9]+$ ]] || stored=0
    [[ "$stored" == "$(kv "$line" requests)" ]] ||
        note "etcd: $stored cap-* markets stored, load acknowledged $(kv "$line" requests) of $MARKETS"
    etcd_size
    local e1="$ETCD_INUSE" e1db="$ETCD_DB" e1raw="$ETCD_RAW_DB" k1 kb1 kb0
    read -r k1 kb1 < <(etcd_prefix_stats "$prefix/")
    read -r _ kb0 < <(etcd_prefix_stats "$prefix/docs/markets")
    local eb0 eb1=""
    if [[ -n "$BUNDLE_TREE" ]]; then
        import_plan "$WORK/plan.toml" "$url"
        etcd_size
        eb0="$ETCD_INUSE"
        local eb0db="$ETCD_DB" bk0 bkv0 bk1 bkv1 ebraw
        read -r bk0 bkv0 < <(etcd_prefix_stats "$prefix/")
        push_tree "$BUNDLE_TREE" "$url" www etcd
        etcd_size
        eb1="$ETCD_INUSE"
        ebraw="$ETCD_RAW_DB"
        local eb1db="$ETCD_DB"
        read -r bk1 bkv1 < <(etcd_prefix_stats "$prefix/")
        log "etcd: the push added $((bk1 - bk0)) keys under $prefix/, $((bkv1 - bkv0)) bytes of keys+values"
        log "etcd dbSize growth by the push: $((eb1db - eb0db)) bytes (dbSizeInUse: $((eb1 - eb0)))"
    fi
    stop "$pid"
    stop_cluster

    # sled: sizes with the server stopped.
    local dir="$DATA/sled-cap"
    start_glocal sled-cap0 --data-dir "$dir"
    stop "$SERVER_PID"
    local s0 s0disk
    s0="$(sled_size "$dir")" s0disk="$(sled_disk "$dir")"
    start_glocal sled-cap --data-dir "$dir"
    local sline
    sline="$(load sled-cap "$SERVER_URL" cap 4 16 --max-requests "$MARKETS" --warmup 0 --duration 600)"
    stop "$SERVER_PID"
    local s1 s1disk
    s1="$(sled_size "$dir")" s1disk="$(sled_disk "$dir")"
    log "sled data dir: $s0 -> $s1 bytes apparent, $s0disk -> $s1disk bytes on disk"
    local sb0 sb1=""
    if [[ -n "$BUNDLE_TREE" ]]; then
        start_glocal sled-cap-import --data-dir "$dir"
        import_plan "$WORK/plan.toml" "$SERVER_URL"
        stop "$SERVER_PID"
        sb0="$(sled_size "$dir")"
        local sb0disk
        sb0disk="$(sled_disk "$dir")"
        start_glocal sled-cap-push --data-dir "$dir"
        push_tree "$BUNDLE_TREE" "$SERVER_URL" www sled
        stop "$SERVER_PID"
        sb1="$(sled_size "$dir")"
        log "sled data dir by the push: $sb0 -> $sb1 bytes apparent, $sb0disk -> $(sled_disk "$dir") bytes on disk"
    fi

    # Rows.
    local n_etcd n_sled
    n_etcd="$stored"
    n_sled="$(kv "$sline" requests)"
    local per_e per_s per_edb per_kv
    per_e="$(calc "($e1 - $e0) / $n_etcd")"
    per_edb="$(calc "($e1db - $e0db) / $n_etcd")"
    per_s="$(calc "($s1 - $s0) / $n_sled")"
    per_kv="$(calc "($kb1 - $kbase) / $n_etcd")"
    local per_raw
    per_raw="$(calc "($e1raw - $e0db) / $n_etcd")"
    log "etcd: $k0 -> $k1 keys under $prefix/ ($(calc "($k1 - $k0) / $n_etcd") keys per market); markets' documents $kb0 bytes, all keys+values $kb1 bytes"
    row "bytes per market document after $(big "$n_etcd") creates (growth of etcd dbSizeInUse after compaction + defragmentation ÷ markets; dbSize: $(bytes_h "$per_edb"); dbSize before compaction: $(bytes_h "$per_raw")) vs sled (data dir growth ÷ $(big "$n_sled"); sled grows in 512 KiB segments, so ±$(bytes_h "$(calc "524288 / $n_sled")"))" \
        "$(bytes_h "$per_e")" "$(bytes_h "$per_s")" "$(ratio "$per_e" "$per_s")"
    row "markets per GiB of etcd quota (default quota 2 GiB: $(big "$(calc "2 * $GIB / $per_e")")) vs per GiB of sled data dir" \
        "$(big "$(calc "$GIB / $per_e")")" "$(big "$(calc "$GIB / $per_s")")" "$(ratio "$(calc "$GIB / $per_e")" "$(calc "$GIB / $per_s")")"
    row "etcd bytes per market vs the keys + values glocal keeps per market ($(calc "($k1 - $k0) / $n_etcd") keys; the document alone: $(bytes_h "$(calc "$kb0 / $n_etcd")")): MVCC + bbolt overhead" \
        "$(bytes_h "$per_e")" "$(bytes_h "$per_kv")" "$(ratio "$per_e" "$per_kv")"
    if [[ -z "$BUNDLE_TREE" ]]; then
        row "bundle bytes per GiB of etcd quota" "not measured: $BUNDLE_WHY" "" "n/a"
        return
    fi
    local pe ps
    pe="$(calc "($eb1 - $eb0) / $BUNDLE_BYTES")"
    ps="$(calc "($sb1 - $sb0) / $BUNDLE_BYTES")"
    local how="push's default batches"
    ((${#PUSH_FLAGS[@]} == 0)) || how="batches of 30 files / 80 KB"
    local what="push of en + $BUNDLE_LOCALES locales of www-l10n ($(big "$BUNDLE_FILES") files, $(bytes_h "$BUNDLE_BYTES") of .ftl, $how)"
    row "$what: etcd dbSizeInUse growth per .ftl byte (after compaction + defragmentation; dbSize before them: $(fmt "$(calc "($ebraw - $eb0db) / $BUNDLE_BYTES")" '%.2f B/B')) vs sled data dir growth per .ftl byte (sled compresses, zstd level 1; ±$(fmt "$(calc "524288 / $BUNDLE_BYTES")" '%.2f B/B') by its 512 KiB segments)" \
        "$(fmt "$pe" '%.2f B/B') ($(bytes_h "$((eb1 - eb0))"))" "$(fmt "$ps" '%.2f B/B') ($(bytes_h "$((sb1 - sb0))"))" "$(ratio "$pe" "$ps")"
    local pkv
    pkv="$(calc "($bkv1 - $bkv0) / $BUNDLE_BYTES")"
    row "$what: etcd bytes per .ftl byte vs the keys + values glocal wrote per .ftl byte ($(big "$((bk1 - bk0))") keys: each file's document with its parsed index, its revision record, a referrer): MVCC + bbolt overhead" \
        "$(fmt "$pe" '%.2f B/B')" "$(fmt "$pkv" '%.2f B/B')" "$(ratio "$pe" "$pkv")"
    row "GiB of .ftl per GiB of etcd quota (default quota 2 GiB: $(fmt "$(calc "2 / $pe")" '%.2f GiB')) vs per GiB of sled data dir" \
        "$(fmt "$(calc "1 / $pe")" '%.3f GiB')" "$(fmt "$(calc "1 / $ps")" '%.3f GiB')" "$(ratio "$(calc "1 / $pe")" "$(calc "1 / $ps")")"
}

# --- run and print ------------------------------------------------------------------

STARTED="$(now)"
log "work dir $WORK; etcd $ETCD_VERSION ($ETCD); $(nproc) cores"
bundle_tree
section_throughput
section_capacity

CPU="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
TABLE="$WORK/table.md"
{
    echo "### glocal on etcd vs sled ($(date -u '+%Y-%m-%d %H:%M UTC'), $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$ROOT" && git diff --quiet HEAD -- src 2>/dev/null || echo ', src modified'))"
    echo
    echo "etcd $ETCD_VERSION ($ETCD), 3 members on loopback, --max-txn-ops $MAX_TXN_OPS; $("$GLOCAL" --version 2>/dev/null | head -1); $(nproc) cores${CPU:+ ($CPU)}; $(uname -sr)."
    echo "Load rows: $SECS s each after 1 s warm-up. Capacity: $(big "$MARKETS") markets, 4×16 writers. Took $(fmt "$(calc "$(now) - $STARTED")" '%.0f') s."
    echo
    echo "| what | measured | baseline | ratio |"
    echo "| --- | --- | --- | --- |"
    awk -F'\t' '{ gsub(/\|/, "\\|", $1); printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$ROWS"
    if [[ -s "$NOTES" ]]; then
        echo
        echo "Notes:"
        sed 's/^/- /' "$NOTES"
    fi
    echo
    echo "Load lines:"
    echo
    sed 's/^/    /' "$LOGS/load-lines.txt"
} >"$TABLE"
cat "$TABLE"
if [[ "$OUT" != "$TABLE" ]]; then
    mkdir -p "$(dirname "$OUT")"
    cp "$TABLE" "$OUT"
fi
log "table written to $OUT"
