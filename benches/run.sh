#!/usr/bin/env bash
# glocal's performance table, every figure as a ratio against a baseline
# measured in the same run (so that a slow or busy machine moves both sides).
#
# Usage: benches/run.sh [lint|server|scale]... [--out FILE]
#   no section: all three. --out FILE: also write the Markdown table there.
#
# Environment:
#   GLOCAL_CORPUS   the corpus (default: ../shared/corpus from the repository
#                   root); the Fluent tree is $GLOCAL_CORPUS/www-l10n, with the
#                   source in en/ and one folder per locale beside it. Absent:
#                   the script says so and exits 2. Corpus files are never
#                   copied into the repository: the scale trees are symbolic
#                   links in a temporary folder that the exit trap removes.
#   BENCH_NO_BUILD=1            use target/release as it is (default: cargo
#                               build --release --bins --examples first)
#   BENCH_SKIP_COMPARE_LOCALES=1  skip compare-locales (it takes 2-3 minutes)
#   BENCH_HEAVY=1               also GetCoverageMatrix at 64 streams (several
#                               minutes and over 10 GB of server memory)
#   GLOCAL_LOG                  passed to `glocal serve` (default: its own, info)
#
# Tools: target/release/glocal and the examples parse_floor, load,
# bench_client and bare_health (cargo build --release --examples);
# /usr/bin/time; h2load (nghttp2-client) for its cross-check rows; python3;
# compare-locales 9.0.5, installed from PyPI into .ci/.tools/bench-venv
# (git-ignored) on first use.
#
# Rows (the target of each is in its "what" column):
#
# lint: `glocal check --source TREE/en --l10n TREE --source-locale en
#   --format json` over the whole tree (exit 1 expected: the corpus has gaps),
#   best of 3.
#   1. vs compare-locales 9.0.5 on an l10n.toml that makes every en/ file the
#      reference of the same path in every locale (as tests/compare_locales.py
#      writes it), one run; ratio = compare-locales / glocal (a speed-up).
#   2. vs the parse floor: examples/parse_floor.rs reads and parses every .ftl
#      file of the tree on all cores with fluent_syntax and nothing else,
#      best of 3; ratio = lint / floor, target <= 2.
#   3. peak RSS (/usr/bin/time %M) of the lint, and of compare-locales for
#      reference, vs the tree's .ftl bytes; ratio = RSS / bytes.
#
# server: `glocal serve` on a fresh data dir; a plan (generated here) loads
#   the amazon-marketplaces preset (23 markets), product `www` with source
#   locale `en` (the tree's source folder: CheckRoadmap takes the source from
#   the bundle named by the product's source_locale, and www-l10n's en-US/ is
#   a locale folder of 7 legacy files), a variant sold in all 23 markets, one
#   GA launch per market and roadmap `r` with one item needing every message
#   (messages = ["*"]); then `glocal push` of the tree.
#   4. push of www-l10n: wall time vs the lint (both read, parse and index the
#      whole tree); target <= 5 s.
#   5. CheckRoadmap cold: the first call after the push, and the best of 3
#      calls each after a write (CreateMarket of a throwaway market empties
#      the check cache); vs the lint, target <= 0.5x. Also one cached call
#      vs the cold one.
#   6. GetCoverageMatrix, one call after a write (best of 2), vs the lint.
#   7. server RSS with www-l10n stored: VmHWM after the push (the peak during
#      it), VmRSS and VmHWM after the single calls above, vs the .ftl bytes;
#      target <= 4x.
#   8. cached CheckRoadmap vs Health/Check at 4 connections x 16 streams:
#      requests/s, p50 and p99, with every finding (the default view) and
#      with view BASIC (verdicts, coverage and to-do, no findings) (examples/load.rs, a closed-loop tonic load
#      generator with percentiles, since h2load prints only min/max/mean/sd;
#      it is used for every load row). h2load rows cross-check the rates.
#   9. GetMarket at 1 (1x1), 16 (1x16) and 64 (4x16) streams vs Health/Check
#      at the same streams; GetCoverageMatrix at 1 stream vs Health/Check 1x1,
#      at 16 and 64 vs itself at 1 stream (on 2 cores, 2x its rate at best).
#      GetCoverageMatrix makes one round of calls (each call computes the
#      whole matrix for seconds); 64 streams only with BENCH_HEAVY=1.
#      Then the server's VmHWM after all the load rows.
#  10. Health/Check on glocal vs examples/bare_health.rs (tonic + tonic-health
#      alone), same load; ratio = glocal / bare, target >= 0.7.
#  11. restart to SERVING: from spawning `glocal serve` on the data dir with
#      www-l10n stored to its `glocal serving on` line and to Health SERVING
#      (the first restart and the best of 3), vs the same on an empty data
#      dir (best of 3); target <= 2x + 200 ms.
#  12. durable creates: CreateMarket (a unique id per call) per second with
#      64 concurrent writers (4x16) vs 1, on a fresh server; target >= 10x.
#
# scale: trees of symbolic links to en/ and the first N locale folders (in
#   name order; `glocal check` and `glocal push` follow them).
#  13. lint wall time at 30 and 107 locales vs 10 (best of 2 each; linear
#      would be 3.0x and 10.7x).
#  14. CheckRoadmap cold (best of 2, after a write) of products holding the
#      10, 30 and 107 locale trees, all 23 launches; and of the 107-locale
#      product with 1, 5 and 23 launches (the others re-imported CANCELLED,
#      which CheckRoadmap skips); ratios vs 10 locales and vs 1 launch.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GLOCAL="${GLOCAL_BIN:-$ROOT/target/release/glocal}"
EXAMPLES="$ROOT/target/release/examples"
CORPUS="${GLOCAL_CORPUS:-$ROOT/../shared/corpus}"
TREE="$CORPUS/www-l10n"
VENV="$ROOT/.ci/.tools/bench-venv"

SECTIONS=()
OUT=""
while (($#)); do
    case "$1" in
        lint | server | scale) SECTIONS+=("$1") ;;
        --out)
            OUT="${2:?--out needs a file}"
            shift
            ;;
        --out=*) OUT="${1#--out=}" ;;
        -h | --help)
            sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "unknown argument $1 (sections: lint, server, scale; --out FILE)" >&2
            exit 2
            ;;
    esac
    shift
done
((${#SECTIONS[@]})) || SECTIONS=(lint server scale)

if [[ ! -d "$TREE/en" ]]; then
    echo "the corpus is absent: no $TREE/en (set GLOCAL_CORPUS to the folder holding www-l10n/)" >&2
    exit 2
fi
TREE="$(cd "$TREE" && pwd)"
for tool in python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || {
        echo "$tool is missing" >&2
        exit 2
    }
done

if [[ "${BENCH_NO_BUILD:-}" != 1 ]]; then
    echo "building (cargo build --release --bins --examples) ..." >&2
    (cd "$ROOT" && cargo build --release --bins --examples 2>&1 | tail -1) >&2
fi
for bin in "$GLOCAL" "$EXAMPLES"/{parse_floor,load,bench_client,bare_health}; do
    [[ -x "$bin" ]] || {
        echo "$bin is missing: cargo build --release --bins --examples" >&2
        exit 2
    }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/glocal-bench.XXXXXX")"
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ROWS="$WORK/rows.tsv"
: >"$ROWS"
log() { echo "[$(date +%T)] $*" >&2; }
now() { date +%s.%N; }
# calc EXPR: awk arithmetic, printed with %.4g unless EXPR is a printf.
calc() { awk "BEGIN { print $1 }"; }
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { if (v == "" || v == "nan" || v == "NaN") print "n/a"; else printf f, v }'; }
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
secs() { fmt "$1" '%.3f s'; }
ms() { fmt "$1" '%.2f ms'; }
rps() { awk -v v="$1" 'BEGIN { if (v == "" || tolower(v) == "nan") print "n/a"; else if (v >= 100) printf "%.0f req/s", v; else if (v >= 10) printf "%.1f req/s", v; else printf "%.3f req/s", v }'; }
mib() { fmt "$1" '%.1f MiB'; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The tree's .ftl bytes and files.
FTL_BYTES="$(find -L "$TREE" -name '*.ftl' -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
FTL_FILES="$(find -L "$TREE" -name '*.ftl' -type f | wc -l)"
# The locale folders: every folder beside en/ that holds .ftl files.
mapfile -t LOCALES < <(
    for d in "$TREE"/*/; do
        name="$(basename "$d")"
        [[ "$name" == en ]] && continue
        [[ -n "$(find -L "$d" -name '*.ftl' -type f -print -quit)" ]] && echo "$name"
    done | LC_ALL=C sort
)
log "corpus $TREE: ${#LOCALES[@]} locale folders, $FTL_FILES .ftl files, $FTL_BYTES bytes"

# --- lint ---------------------------------------------------------------------

# lint_once TREE: runs the lint; sets LINT_ONCE_S (wall) and LINT_ONCE_KB (max RSS).
lint_once() {
    local tree="$1" rc=0
    /usr/bin/time -f '%e %M' -o "$WORK/lint.time" \
        "$GLOCAL" check --source "$tree/en" --l10n "$tree" --source-locale en --format json \
        >/dev/null 2>"$WORK/lint.err" || rc=$?
    # Exit 1: blocking findings, expected on this corpus. 2 is an error.
    if ((rc > 1)); then
        cat "$WORK/lint.err" >&2
        echo "glocal check failed with exit $rc" >&2
        exit 1
    fi
    read -r LINT_ONCE_S LINT_ONCE_KB < <(tail -1 "$WORK/lint.time")
}

# lint_best TREE N: best wall time of N lints (LINT_BEST_S) and the largest RSS (LINT_MAX_KB).
lint_best() {
    local tree="$1" n="$2" i
    LINT_BEST_S="" LINT_MAX_KB=0
    for ((i = 0; i < n; i++)); do
        lint_once "$tree"
        if [[ -z "$LINT_BEST_S" ]] || awk -v a="$LINT_ONCE_S" -v b="$LINT_BEST_S" 'BEGIN { exit !(a < b) }'; then
            LINT_BEST_S="$LINT_ONCE_S"
        fi
        ((LINT_ONCE_KB > LINT_MAX_KB)) && LINT_MAX_KB="$LINT_ONCE_KB"
    done
    return 0
}

LINT_S=""
# The whole tree's lint, best of 3, measured once per run.
lint_whole() {
    if [[ -z "$LINT_S" ]]; then
        log "lint of the whole tree, best of 3"
        lint_best "$TREE" 3
        LINT_S="$LINT_BEST_S" LINT_KB="$LINT_MAX_KB"
        log "lint: $LINT_S s, max RSS $LINT_KB KB"
    fi
}

ensure_compare_locales() {
    if [[ ! -x "$VENV/bin/compare-locales" ]] || ! "$VENV/bin/compare-locales" --version 2>/dev/null | grep -q ' 9\.0\.5$'; then
        log "installing compare-locales 9.0.5 into $VENV"
        python3 -m venv "$VENV" &&
            "$VENV/bin/pip" install --quiet --disable-pip-version-check 'compare-locales==9.0.5' >&2
    fi
}

# compare_locales: one run of compare-locales 9.0.5 on the tree; sets
# CL_S and CL_KB, or CL_WHY when it was not measured.
compare_locales() {
    CL_S="" CL_KB="" CL_WHY=""
    if [[ "${BENCH_SKIP_COMPARE_LOCALES:-}" == 1 ]]; then
        CL_WHY="not measured (BENCH_SKIP_COMPARE_LOCALES=1)"
        return
    fi
    if ! ensure_compare_locales; then
        CL_WHY="not measured (pip install compare-locales==9.0.5 failed)"
        return
    fi
    # Every en/ file is the reference of the same path in every locale
    # folder, as tests/compare_locales.py writes it.
    {
        printf 'basepath = "%s"\n' "$TREE"
        printf 'locales = [\n'
        printf '    "%s",\n' "${LOCALES[@]}"
        printf ']\n\n[[paths]]\n    reference = "en/**/*.ftl"\n    l10n = "{locale}/**/*.ftl"\n'
    } >"$WORK/l10n.toml"
    log "compare-locales 9.0.5 on ${#LOCALES[@]} locales (one run, 2-3 minutes)"
    if ! /usr/bin/time -f '%e %M' -o "$WORK/cl.time" \
        "$VENV/bin/compare-locales" --json "$WORK/cl.json" --return-zero "$WORK/l10n.toml" "$TREE" \
        >/dev/null 2>"$WORK/cl.err"; then
        tail -5 "$WORK/cl.err" >&2
        CL_WHY="not measured (compare-locales failed)"
        return
    fi
    read -r CL_S CL_KB < <(tail -1 "$WORK/cl.time")
    log "compare-locales: $CL_S s, max RSS $CL_KB KB"
}

section_lint() {
    lint_whole
    compare_locales

    log "parse floor (examples/parse_floor), best of 3"
    local floor_s
    floor_s="$(kv "$("$EXAMPLES/parse_floor" "$TREE" --repeat 3 | tail -1)" best_seconds)"

    local ftl_mib
    ftl_mib="$(mib "$(calc "$FTL_BYTES / 1048576")")"
    if [[ -n "$CL_S" ]]; then
        row "lint speed-up over compare-locales 9.0.5 (ratio compare-locales/glocal)" \
            "$(secs "$LINT_S")" "$(secs "$CL_S")" "$(ratio "$CL_S" "$LINT_S")"
    else
        row "lint speed-up over compare-locales 9.0.5" "$(secs "$LINT_S")" "$CL_WHY" "n/a"
    fi
    row "lint ÷ parse floor (read + fluent_syntax parse of every .ftl on $(nproc) threads; ratio lint/floor, target ≤ 2×)" \
        "$(secs "$LINT_S")" "$(secs "$floor_s")" "$(ratio "$LINT_S" "$floor_s")"
    row "lint peak RSS ÷ .ftl bytes of the tree (ratio RSS/bytes)" \
        "$(mib "$(calc "$LINT_KB / 1024")")" "$ftl_mib" "$(ratio "$((LINT_KB * 1024))" "$FTL_BYTES")"
    if [[ -n "$CL_KB" ]]; then
        row "compare-locales peak RSS ÷ .ftl bytes (reference)" \
            "$(mib "$(calc "$CL_KB / 1024")")" "$ftl_mib" "$(ratio "$((CL_KB * 1024))" "$FTL_BYTES")"
    fi
}

# --- servers --------------------------------------------------------------------

AMAZON=(amazon-com amazon-ca amazon-com-mx amazon-com-br amazon-co-uk amazon-de amazon-fr
    amazon-it amazon-es amazon-nl amazon-se amazon-pl amazon-com-be amazon-ie amazon-com-tr
    amazon-eg amazon-sa amazon-ae amazon-in amazon-co-jp amazon-com-au amazon-sg amazon-co-za)

# write_plan FILE PRODUCT ACTIVE: the preset, product PRODUCT (source en),
# variant `all` in the 23 markets, one GA launch per market (those past the
# first ACTIVE CANCELLED) and roadmap `r` needing every message.
write_plan() {
    local file="$1" product="$2" active="$3" i=0 m
    {
        echo 'market_preset = "amazon-marketplaces"'
        printf '\n[product]\nid = "%s"\ndisplay_name = "mozilla.org (%s)"\nsource_locale = "en"\n' "$product" "$product"
        printf '\n[[variant]]\nid = "all"\ndisplay_name = "Every Amazon marketplace"\nmarkets = [%s]\nfeatures = ["everything"]\n' \
            "$(printf '"%s", ' "${AMAZON[@]}" | sed 's/, $//')"
        for m in "${AMAZON[@]}"; do
            printf '\n[[launch]]\nid = "%s"\nmarket = "%s"\nvariant = "all"\nphases = [{ phase = "GA", date = 2030-06-01 }]\n' "$m" "$m"
            ((i++ < active)) || echo 'status = "CANCELLED"'
        done
        printf '\n[[roadmap]]\nid = "r"\ndisplay_name = "Everything"\n\n[[roadmap.item]]\nid = "everything"\ntitle = "Every message of the source"\nmessages = ["*"]\n'
    } >"$file"
}

# start_server NAME DATA_DIR: sets SERVER_PID and SERVER_URL.
start_server() {
    local name="$1" data="$2" port i
    port="$(free_port)"
    "$GLOCAL" serve --listen "127.0.0.1:$port" --data-dir "$data" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    SERVER_URL="http://127.0.0.1:$port"
    for ((i = 0; i < 600; i++)); do
        grep -q '^glocal serving on' "$WORK/$name.out" 2>/dev/null && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    cat "$WORK/$name.err" >&2
    echo "glocal serve ($name) did not start" >&2
    exit 1
}

# stop PID: SIGTERM, then wait for it.
stop() {
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    local keep=() p
    for p in "${PIDS[@]}"; do [[ "$p" == "$1" ]] || keep+=("$p"); done
    PIDS=("${keep[@]}")
}

# status_kb PID FIELD: VmHWM or VmRSS in kB.
status_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# import_plan FILE URL
import_plan() {
    "$GLOCAL" import "$1" --server "$2" >"$WORK/import.out" 2>&1 || {
        cat "$WORK/import.out" >&2
        exit 1
    }
}

# push TREE URL PRODUCT: sets PUSH_S.
push_tree() {
    local began
    began="$(now)"
    "$GLOCAL" push --server "$2" --product "$3" "$1" >"$WORK/push.out" 2>&1 || {
        cat "$WORK/push.out" >&2
        exit 1
    }
    PUSH_S="$(calc "$(now) - $began")"
    log "$(tail -1 "$WORK/push.out")"
}

# cold URL ROADMAP REPEAT: best cold CheckRoadmap (each call after a write).
cold_check() {
    kv "$("$EXAMPLES/bench_client" call --server "$1" --method check-roadmap --arg "$2" --repeat "$3" --invalidate | tail -1)" best_seconds
}

# load URL METHOD ARG CONNECTIONS STREAMS [extra load flags]: the load line.
load() {
    local url="$1" method="$2" arg="$3" c="$4" m="$5"
    shift 5
    local line
    line="$("$EXAMPLES/load" --server "$url" --method "$method" --arg "$arg" --connections "$c" --streams "$m" "$@" 2>"$WORK/load.err")"
    if [[ "$(kv "$line" errors)" != 0 ]]; then
        log "load $method: $(cat "$WORK/load.err")"
    fi
    echo "$line"
}

# load_rows WHAT LINE BASE_WHAT BASE_LINE [TARGET]: rows for req/s, p50, p99.
load_rows() {
    local what="$1" line="$2" base_what="$3" base="$4" target="${5:-}"
    local errs
    errs="$(kv "$line" errors)"
    [[ "$errs" == 0 ]] || what="$what [$errs errors]"
    row "$what: req/s vs $base_what (ratio measured/baseline${target:+, $target})" \
        "$(rps "$(kv "$line" rps)")" "$(rps "$(kv "$base" rps)")" "$(ratio "$(kv "$line" rps)" "$(kv "$base" rps)")"
    row "$what: p50 latency vs $base_what" \
        "$(ms "$(kv "$line" p50_ms)")" "$(ms "$(kv "$base" p50_ms)")" "$(ratio "$(kv "$line" p50_ms)" "$(kv "$base" p50_ms)")"
    row "$what: p99 latency vs $base_what" \
        "$(ms "$(kv "$line" p99_ms)")" "$(ms "$(kv "$base" p99_ms)")" "$(ratio "$(kv "$line" p99_ms)" "$(kv "$base" p99_ms)")"
}

# h2load_rps URL PATH BODY N C M: requests per second (all must succeed).
h2load_rps() {
    h2load -n "$4" -c "$5" -m "$6" -d "$3" -H 'content-type: application/grpc' -H 'te: trailers' \
        "$1$2" >"$WORK/h2load.out" 2>&1 || true
    if ! grep -q " $4 succeeded, 0 failed, 0 errored" "$WORK/h2load.out"; then
        log "h2load $2: $(grep -E 'requests:|status codes' "$WORK/h2load.out" | tr '\n' ' ')"
        echo ""
        return
    fi
    awk '/^finished in/ { print $4 }' "$WORK/h2load.out"
}

section_server() {
    lint_whole
    local product=products/www roadmap=products/www/roadmaps/r data="$WORK/server-data"
    write_plan "$WORK/plan.toml" www 23

    start_server server "$data"
    local pid="$SERVER_PID" url="$SERVER_URL"
    import_plan "$WORK/plan.toml" "$url"
    log "push of ${#LOCALES[@]} locales + en to $product"
    push_tree "$TREE" "$url" www
    local hwm_push
    hwm_push="$(status_kb "$pid" VmHWM)"
    row "push of www-l10n (glocal push, $FTL_FILES files) vs the lint (target ≤ 5 s)" \
        "$(secs "$PUSH_S")" "$(secs "$LINT_S")" "$(ratio "$PUSH_S" "$LINT_S")"

    log "CheckRoadmap cold: first call after the push, then best of 3 after a write"
    local first cold matrix
    first="$(kv "$("$EXAMPLES/bench_client" call --server "$url" --method check-roadmap --arg "$roadmap" | tail -1)" first_seconds)"
    cold="$(cold_check "$url" "$roadmap" 3)"
    row "CheckRoadmap cold, first call after the push, 23 launches vs the lint (target ≤ 0.5×)" \
        "$(secs "$first")" "$(secs "$LINT_S")" "$(ratio "$first" "$LINT_S")"
    row "CheckRoadmap cold, best of 3 after a write vs the lint (target ≤ 0.5×)" \
        "$(secs "$cold")" "$(secs "$LINT_S")" "$(ratio "$cold" "$LINT_S")"
    local cached1
    "$EXAMPLES/bench_client" call --server "$url" --method check-roadmap --arg "$roadmap" >/dev/null
    cached1="$(kv "$("$EXAMPLES/bench_client" call --server "$url" --method check-roadmap --arg "$roadmap" --repeat 3 | tail -1)" best_seconds)"
    row "CheckRoadmap cached, one call (best of 3) vs cold" \
        "$(secs "$cached1")" "$(secs "$cold")" "$(ratio "$cached1" "$cold")"
    log "GetCoverageMatrix, best of 2 after a write"
    matrix="$(kv "$("$EXAMPLES/bench_client" call --server "$url" --method coverage-matrix --arg "$product" --repeat 2 --invalidate | tail -1)" best_seconds)"
    row "GetCoverageMatrix, one call vs the lint" \
        "$(secs "$matrix")" "$(secs "$LINT_S")" "$(ratio "$matrix" "$LINT_S")"

    local rss_after hwm_after
    rss_after="$(status_kb "$pid" VmRSS)"
    hwm_after="$(status_kb "$pid" VmHWM)"
    local ftl_mib
    ftl_mib="$(mib "$(calc "$FTL_BYTES / 1048576")")"
    row "server peak RSS during the push (VmHWM) ÷ .ftl bytes (target ≤ 4×)" \
        "$(mib "$(calc "$hwm_push / 1024")")" "$ftl_mib" "$(ratio "$((hwm_push * 1024))" "$FTL_BYTES")"
    row "server RSS after the checks (VmRSS) ÷ .ftl bytes (target ≤ 4×)" \
        "$(mib "$(calc "$rss_after / 1024")")" "$ftl_mib" "$(ratio "$((rss_after * 1024))" "$FTL_BYTES")"
    row "server peak RSS after the checks (VmHWM) ÷ .ftl bytes (target ≤ 4×)" \
        "$(mib "$(calc "$hwm_after / 1024")")" "$ftl_mib" "$(ratio "$((hwm_after * 1024))" "$FTL_BYTES")"

    log "load: Health/Check and cached CheckRoadmap at 4x16"
    local h1 h16 h64 cached
    h64="$(load "$url" health "" 4 16 --duration 5)"
    "$EXAMPLES/bench_client" call --server "$url" --method check-roadmap --arg "$roadmap" >/dev/null
    cached="$(load "$url" check-roadmap "$roadmap" 4 16 --duration 8 --warmup 2)"
    load_rows "cached CheckRoadmap, 4×16 streams ($(fmt "$(calc "$(kv "$cached" bytes) / ($(kv "$cached" requests) + 1e-9) / 1048576")" '%.1f') MiB responses)" \
        "$cached" "Health/Check 4×16" "$h64"
    local basic
    "$EXAMPLES/bench_client" call --server "$url" --method check-roadmap-basic --arg "$roadmap" >/dev/null
    basic="$(load "$url" check-roadmap-basic "$roadmap" 4 16 --duration 5 --warmup 1)"
    load_rows "cached CheckRoadmap, view BASIC (no findings), 4×16 streams ($(fmt "$(calc "$(kv "$basic" bytes) / ($(kv "$basic" requests) + 1e-9) / 1024")" '%.1f') KiB responses)" \
        "$basic" "Health/Check 4×16" "$h64" "target ≥ 0.5×, p99 ≤ 5× p50"

    if command -v h2load >/dev/null; then
        log "h2load cross-check: Health/Check and cached CheckRoadmap at 4x16"
        printf '\x00\x00\x00\x00\x00' >"$WORK/health.body"
        "$EXAMPLES/bench_client" frame --method check-roadmap --arg "$roadmap" --out "$WORK/check.body"
        local hh hc
        hh="$(h2load_rps "$url" /grpc.health.v1.Health/Check "$WORK/health.body" 50000 4 16)"
        hc="$(h2load_rps "$url" /glocal.v1.PlanningService/CheckRoadmap "$WORK/check.body" 128 4 16)"
        row "h2load: cached CheckRoadmap vs Health/Check, 4×16 streams, req/s" \
            "$(rps "$hc")" "$(rps "$hh")" "$(ratio "$hc" "$hh")"
        H2_HEALTH="$hh"
    else
        row "h2load cross-check" "not measured (h2load missing)" "" "n/a"
        H2_HEALTH=""
    fi

    log "load: GetMarket and GetCoverageMatrix at 1, 16 and 64 streams"
    h1="$(load "$url" health "" 1 1 --duration 3)"
    h16="$(load "$url" health "" 1 16 --duration 3)"
    local c m streams base line
    for streams in 1 16 64; do
        case "$streams" in
            1) c=1 m=1 base="$h1" ;;
            16) c=1 m=16 base="$h16" ;;
            64) c=4 m=16 base="$h64" ;;
        esac
        line="$(load "$url" get-market markets/amazon-de "$c" "$m" --duration 3)"
        load_rows "GetMarket, $streams stream(s) (${c}×$m)" "$line" "Health/Check ${c}×$m" "$base"
    done
    # GetCoverageMatrix at 1 stream against Health/Check 1x1 as GetMarket;
    # at 16 and 64 against itself at 1 stream (2 cores: at best 2x the rate).
    local matrix1=""
    for streams in 1 16 64; do
        case "$streams" in
            1) c=1 m=1 ;;
            16) c=1 m=16 ;;
            64) c=4 m=16 ;;
        esac
        if ((streams == 64)) && [[ "${BENCH_HEAVY:-}" != 1 ]]; then
            row "GetCoverageMatrix, 64 streams (4×16)" "not measured (BENCH_HEAVY=1: minutes, >10 GB server RSS)" "" "n/a"
            continue
        fi
        # One round: every stream makes one call (three for one stream).
        local n=$((streams == 1 ? 3 : streams))
        log "GetCoverageMatrix, $streams stream(s): $n calls"
        line="$(load "$url" coverage-matrix "$product" "$c" "$m" --warmup 0 --max-requests "$n" --duration 600)"
        if ((streams == 1)); then
            matrix1="$line"
            load_rows "GetCoverageMatrix, 1 stream (1×1, $n calls)" "$line" "Health/Check 1×1" "$h1"
        else
            load_rows "GetCoverageMatrix, $streams streams (${c}×$m, $n calls)" "$line" "GetCoverageMatrix 1×1" "$matrix1"
        fi
    done
    row "server peak RSS at the end of the load rows (VmHWM) ÷ .ftl bytes (target ≤ 4×)" \
        "$(mib "$(calc "$(status_kb "$pid" VmHWM) / 1024")")" "$ftl_mib" \
        "$(ratio "$(($(status_kb "$pid" VmHWM) * 1024))" "$FTL_BYTES")"

    log "bare tonic health server"
    local bare_port bare_pid bare
    bare_port="$(free_port)"
    "$EXAMPLES/bare_health" --listen "127.0.0.1:$bare_port" >"$WORK/bare.out" 2>&1 &
    bare_pid=$!
    PIDS+=("$bare_pid")
    for ((i = 0; i < 100; i++)); do
        grep -q '^bare health serving on' "$WORK/bare.out" && break
        sleep 0.1
    done
    local glocal_h
    glocal_h="$(load "$url" health "" 4 16 --duration 5)"
    bare="$(load "http://127.0.0.1:$bare_port" health "" 4 16 --duration 5)"
    load_rows "Health/Check on glocal, 4×16 streams" "$glocal_h" "bare tonic-health server" "$bare" "target ≥ 0.7"
    if command -v h2load >/dev/null; then
        local hb
        hb="$(h2load_rps "http://127.0.0.1:$bare_port" /grpc.health.v1.Health/Check "$WORK/health.body" 50000 4 16)"
        hh="$(h2load_rps "$url" /grpc.health.v1.Health/Check "$WORK/health.body" 50000 4 16)"
        row "h2load: Health/Check on glocal vs bare tonic-health, 4×16 streams, req/s (target ≥ 0.7)" \
            "$(rps "$hh")" "$(rps "$hb")" "$(ratio "$hh" "$hb")"
    fi
    stop "$bare_pid"
    stop "$pid"

    log "restart to SERVING: 3 restarts on the stored data, 3 starts on empty data dirs"
    local stored=() empty=() line_first serving_first port
    for i in 1 2 3; do
        port="$(free_port)"
        stored+=("$("$EXAMPLES/bench_client" serve-time --health "http://127.0.0.1:$port" -- \
            "$GLOCAL" serve --listen "127.0.0.1:$port" --data-dir "$data")")
        port="$(free_port)"
        mkdir -p "$WORK/empty-$i"
        empty+=("$("$EXAMPLES/bench_client" serve-time --health "http://127.0.0.1:$port" -- \
            "$GLOCAL" serve --listen "127.0.0.1:$port" --data-dir "$WORK/empty-$i")")
    done
    best_of() { # best_of KEY LINES...: the smallest value of KEY
        local key="$1"
        shift
        printf '%s\n' "$@" | while read -r l; do kv "$l" "$key"; done | sort -g | head -1
    }
    line_first="$(kv "${stored[0]}" line_seconds)"
    serving_first="$(kv "${stored[0]}" serving_seconds)"
    local line_best serving_best eline eserving
    line_best="$(best_of line_seconds "${stored[@]}")"
    serving_best="$(best_of serving_seconds "${stored[@]}")"
    eline="$(best_of line_seconds "${empty[@]}")"
    eserving="$(best_of serving_seconds "${empty[@]}")"
    local limit_line limit_serving
    limit_line="$(calc "2 * $eline + 0.2")"
    limit_serving="$(calc "2 * $eserving + 0.2")"
    row "restart with www-l10n stored, first, to 'glocal serving on' vs empty data dir (target ≤ 2× + 200 ms = $(secs "$limit_line"))" \
        "$(secs "$line_first")" "$(secs "$eline")" "$(ratio "$line_first" "$eline")"
    row "restart with www-l10n stored, first, to Health SERVING vs empty data dir (target ≤ $(secs "$limit_serving"))" \
        "$(secs "$serving_first")" "$(secs "$eserving")" "$(ratio "$serving_first" "$eserving")"
    row "restart with www-l10n stored, best of 3, to Health SERVING vs empty data dir (target ≤ $(secs "$limit_serving"))" \
        "$(secs "$serving_best")" "$(secs "$eserving")" "$(ratio "$serving_best" "$eserving")"

    log "durable creates: 1 writer vs 64 on a fresh server"
    start_server creates "$WORK/creates-data"
    local one many
    one="$(load "$SERVER_URL" create-market bench-one 1 1 --duration 4)"
    many="$(load "$SERVER_URL" create-market bench-many 4 16 --duration 4)"
    stop "$SERVER_PID"
    row "durable CreateMarket/s, 64 concurrent writers (4×16) vs 1 (target ≥ 10×)" \
        "$(fmt "$(kv "$many" rps)" '%.0f creates/s')" "$(fmt "$(kv "$one" rps)" '%.0f creates/s')" \
        "$(ratio "$(kv "$many" rps)" "$(kv "$one" rps)")"
    row "durable CreateMarket p99 latency, 64 writers vs 1" \
        "$(ms "$(kv "$many" p99_ms)")" "$(ms "$(kv "$one" p99_ms)")" "$(ratio "$(kv "$many" p99_ms)" "$(kv "$one" p99_ms)")"
}

# --- scale ------------------------------------------------------------------------

# subtree N: a folder of symbolic links to en/ and the first N locale folders.
subtree() {
    local n="$1" dir="$WORK/tree-$1" l
    if [[ ! -d "$dir" ]]; then
        mkdir -p "$dir"
        ln -s "$TREE/en" "$dir/en"
        for l in "${LOCALES[@]:0:n}"; do ln -s "$TREE/$l" "$dir/$l"; done
    fi
    echo "$dir"
}

section_scale() {
    local total=${#LOCALES[@]} n
    local sizes=(10 30 "$total")
    declare -A lint_at cold_at
    for n in "${sizes[@]}"; do
        log "lint at $n locales, best of 2"
        lint_best "$(subtree "$n")" 2
        lint_at[$n]="$LINT_BEST_S"
    done
    for n in 30 "$total"; do
        row "lint at $n locales vs 10 (linear: $(calc "$n / 10")×)" \
            "$(secs "${lint_at[$n]}")" "$(secs "${lint_at[10]}")" "$(ratio "${lint_at[$n]}" "${lint_at[10]}")"
    done

    start_server scale "$WORK/scale-data"
    local url="$SERVER_URL" pid="$SERVER_PID"
    for n in "${sizes[@]}"; do
        write_plan "$WORK/plan-$n.toml" "s$n" 23
        import_plan "$WORK/plan-$n.toml" "$url"
        log "push of $n locales to products/s$n"
        push_tree "$(subtree "$n")" "$url" "s$n"
        cold_at[$n]="$(cold_check "$url" "products/s$n/roadmaps/r" 2)"
        log "CheckRoadmap cold at $n locales: ${cold_at[$n]} s"
    done
    for n in 30 "$total"; do
        row "CheckRoadmap cold, $n locales vs 10, 23 launches (linear: $(calc "$n / 10")×)" \
            "$(secs "${cold_at[$n]}")" "$(secs "${cold_at[10]}")" "$(ratio "${cold_at[$n]}" "${cold_at[10]}")"
    done
    declare -A at_markets
    at_markets[23]="${cold_at[$total]}"
    for n in 1 5; do
        write_plan "$WORK/plan-m$n.toml" "s$total" "$n"
        import_plan "$WORK/plan-m$n.toml" "$url"
        at_markets[$n]="$(cold_check "$url" "products/s$total/roadmaps/r" 2)"
        log "CheckRoadmap cold at $n launches: ${at_markets[$n]} s"
    done
    for n in 5 23; do
        row "CheckRoadmap cold, $n launches vs 1, $total locales (linear: ${n}×)" \
            "$(secs "${at_markets[$n]}")" "$(secs "${at_markets[1]}")" "$(ratio "${at_markets[$n]}" "${at_markets[1]}")"
    done
    stop "$pid"
}

# --- run and print ------------------------------------------------------------------

STARTED="$(now)"
for s in "${SECTIONS[@]}"; do
    log "=== section $s ==="
    "section_$s"
done

TABLE="$WORK/table.md"
{
    echo "### glocal benchmarks ($(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc), $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$ROOT" && git diff --quiet HEAD -- src 2>/dev/null || echo ', src modified'))"
    echo
    echo "Sections: ${SECTIONS[*]}. Corpus: www-l10n, ${#LOCALES[@]} locales, $FTL_FILES .ftl files, $(mib "$(calc "$FTL_BYTES / 1048576")"). Took $(fmt "$(calc "$(now) - $STARTED")" '%.0f') s."
    echo
    echo "| what | measured | baseline | ratio |"
    echo "| --- | --- | --- | --- |"
    awk -F'\t' '{ gsub(/\|/, "\\|", $1); printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$ROWS"
} >"$TABLE"
cat "$TABLE"
if [[ -n "$OUT" ]]; then
    cp "$TABLE" "$OUT"
    log "table written to $OUT"
fi
