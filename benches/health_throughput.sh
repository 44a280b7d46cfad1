#!/usr/bin/env bash
# Health/Check throughput of the release server with its per-request log
# line (GLOCAL_LOG=info) and Prometheus metrics (--metrics-listen), as a
# ratio against the same binary without them (GLOCAL_LOG=warn, no metrics),
# measured in the same run with h2load (Debian: nghttp2-client).
#
# Usage: benches/health_throughput.sh [REQUESTS] [CLIENTS] [STREAMS]
#   defaults: 50000 requests, 4 clients, 10 streams per client
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GLOCAL_BIN="${GLOCAL_BIN:-$ROOT/target/release/glocal}"
N="${1:-50000}"
C="${2:-4}"
M="${3:-10}"
command -v h2load >/dev/null || { echo "h2load is missing: apt-get install nghttp2-client" >&2; exit 2; }
[[ -x "$GLOCAL_BIN" ]] || { echo "$GLOCAL_BIN is missing: cargo build --release" >&2; exit 2; }
WORK="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
# An empty HealthCheckRequest: a gRPC frame of 0 bytes.
printf '\x00\x00\x00\x00\x00' >"$WORK/body"
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# run LABEL LOG [serve flags...]: prints requests per second.
run() {
    local label="$1" log="$2"
    shift 2
    local port
    port="$(free_port)"
    GLOCAL_LOG="$log" "$GLOCAL_BIN" serve --listen "127.0.0.1:$port" --data-dir "$WORK/data-$label" "$@" \
        >"$WORK/$label.out" 2>/dev/null &
    local pid=$!
    for _ in $(seq 100); do grep -q "^glocal serving" "$WORK/$label.out" 2>/dev/null && break; sleep 0.1; done
    # Warm up, then measure.
    h2load -n 2000 -c "$C" -m "$M" -d "$WORK/body" -H 'content-type: application/grpc' -H 'te: trailers' \
        "http://127.0.0.1:$port/grpc.health.v1.Health/Check" >/dev/null
    h2load -n "$N" -c "$C" -m "$M" -d "$WORK/body" -H 'content-type: application/grpc' -H 'te: trailers' \
        "http://127.0.0.1:$port/grpc.health.v1.Health/Check" >"$WORK/$label.h2load"
    kill -TERM "$pid"
    wait "$pid" || true
    grep -q "succeeded, 0 failed, 0 errored" "$WORK/$label.h2load" || { cat "$WORK/$label.h2load" >&2; exit 1; }
    awk '/^finished in/ { gsub(",", "", $4); print $4 }' "$WORK/$label.h2load"
}

base="$(run base warn)"
logged="$(run logged info)"
metered="$(run metered warn --metrics-listen "127.0.0.1:$(free_port)")"
full="$(run full info --metrics-listen "127.0.0.1:$(free_port)")"
echo "Health/Check, $N requests, $C clients x $M streams (h2load), requests per second:"
python3 - "$base" "$logged" "$metered" "$full" <<'PY'
import sys
base, logged, metered, full = map(float, sys.argv[1:])
for label, v in [("without log line and metrics", base), ("with the log line", logged),
                 ("with metrics", metered), ("with both", full)]:
    print(f"  {label:30} {v:10.0f}  ratio {v / base:.2f}")
PY
