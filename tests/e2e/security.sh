#!/usr/bin/env bash
# End-to-end: the real server as a shared service (TLS with a certificate
# made here with openssl, bearer tokens, metrics) against the real grpcurl
# (-cacert) and the glocal command line (GLOCAL_CA_CERT, GLOCAL_TOKEN).
#
# Usage: tests/e2e/security.sh
# Environment:
#   GLOCAL_BIN  the server binary (default: target/release/glocal)
#   GRPCURL     the grpcurl binary (default: grpcurl on PATH)
#
# Prints one line per check and ends with "N passed, M failed"; exits
# non-zero if any check failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GLOCAL_BIN="${GLOCAL_BIN:-$ROOT/target/release/glocal}"
GRPCURL="${GRPCURL:-grpcurl}"
command -v openssl >/dev/null || { echo "error: openssl is needed for the certificates" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/glocal-e2e-security.XXXXXX")"
SERVER_PID=""
PASSED=0
FAILED=0
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    [[ -n "${E2E_KEEP:-}" ]] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

check() {
    local what="$1"
    shift
    if "$@" >"$WORK/check.out" 2>&1; then
        PASSED=$((PASSED + 1))
        echo "PASS  $what"
    else
        FAILED=$((FAILED + 1))
        echo "FAIL  $what"
        sed 's/^/      | /' "$WORK/check.out" | head -20
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# A CA and a server certificate for localhost and 127.0.0.1 that it signed.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=glocal e2e CA" \
    -keyout "$WORK/ca.key" -out "$WORK/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$WORK/server.key" -out "$WORK/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$WORK/san.ext"
openssl x509 -req -in "$WORK/server.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" \
    -CAcreateserial -days 2 -extfile "$WORK/san.ext" -out "$WORK/server.pem" 2>/dev/null

# Two tokens: an editor and a viewer.
"$GLOCAL_BIN" token new --principal editor@e2e --role editor >"$WORK/editor.txt"
"$GLOCAL_BIN" token new --principal viewer@e2e --role viewer >"$WORK/viewer.txt"
EDITOR="$(head -1 "$WORK/editor.txt")"
VIEWER="$(head -1 "$WORK/viewer.txt")"
{ tail -n +2 "$WORK/editor.txt"; tail -n +2 "$WORK/viewer.txt"; } >"$WORK/tokens.toml"

PORT="$(free_port)"
METRICS_PORT="$(free_port)"
"$GLOCAL_BIN" serve --listen "127.0.0.1:$PORT" --data-dir "$WORK/data" \
    --tls-cert "$WORK/server.pem" --tls-key "$WORK/server.key" \
    --auth-tokens "$WORK/tokens.toml" --metrics-listen "127.0.0.1:$METRICS_PORT" \
    >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 100); do
    grep -q "^glocal serving on" "$WORK/server.out" 2>/dev/null && break
    sleep 0.1
done
ADDR="127.0.0.1:$PORT"

grpc() { "$GRPCURL" -cacert "$WORK/ca.pem" "$@"; }

check "reflection is open over TLS without a token (grpcurl -cacert list)" \
    bash -c "'$GRPCURL' -cacert '$WORK/ca.pem' '$ADDR' list | grep -qx glocal.v1.MarketService"
check "a call without a token is Unauthenticated" \
    bash -c "'$GRPCURL' -cacert '$WORK/ca.pem' '$ADDR' glocal.v1.MarketService/ListMarkets 2>&1 | grep -q 'Code: Unauthenticated'"
check "a viewer lists markets" \
    grpc -H "authorization: Bearer $VIEWER" "$ADDR" glocal.v1.MarketService/ListMarkets
check "a viewer may not load a preset: PermissionDenied" \
    bash -c "'$GRPCURL' -cacert '$WORK/ca.pem' -H 'authorization: Bearer $VIEWER' -d '{\"preset\":\"amazon-marketplaces\"}' '$ADDR' glocal.v1.MarketService/ImportMarketPreset 2>&1 | grep -q 'Code: PermissionDenied'"
check "plain text to the TLS port fails" \
    bash -c "! '$GRPCURL' -plaintext -max-time 5 '$ADDR' list"
check "glocal import over https with GLOCAL_CA_CERT and an editor's GLOCAL_TOKEN" \
    env GLOCAL_CA_CERT="$WORK/ca.pem" GLOCAL_TOKEN="$EDITOR" \
    "$GLOCAL_BIN" import --server "https://localhost:$PORT" "$ROOT/examples/plan.toml"
check "a viewer may not push: the upload is refused, nothing is checked" \
    bash -c "env GLOCAL_CA_CERT='$WORK/ca.pem' GLOCAL_TOKEN='$VIEWER' '$GLOCAL_BIN' check --server 'https://localhost:$PORT' --roadmap launch-2027 --product kettle --push '$ROOT/examples/locales' --format none 2>&1 | grep -q 'may not call glocal.v1.ProductService/WriteBundleFiles'"
check "glocal push over https with an editor's token" \
    env GLOCAL_CA_CERT="$WORK/ca.pem" GLOCAL_TOKEN="$EDITOR" \
    "$GLOCAL_BIN" push --server "https://localhost:$PORT" --product kettle "$ROOT/examples/locales"
check "glocal check --server https://… with a viewer's token" \
    env GLOCAL_CA_CERT="$WORK/ca.pem" GLOCAL_TOKEN="$VIEWER" \
    "$GLOCAL_BIN" check --server "https://localhost:$PORT" --roadmap launch-2027 --product kettle \
    --format none --fail-on never
check "metrics count the calls by method and code" \
    python3 - "$METRICS_PORT" <<'EOF'
import sys, urllib.request
text = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/metrics").read().decode()
want = [
    'grpc_server_handled_total{grpc_service="glocal.v1.MarketService",grpc_method="ListMarkets",grpc_type="unary",grpc_code="Unauthenticated"}',
    'grpc_server_handled_total{grpc_service="glocal.v1.PlanningService",grpc_method="ImportPlan",grpc_type="unary",grpc_code="OK"} 1',
    'grpc_server_handling_seconds_bucket{',
    'glocal_store_size_bytes ',
    'glocal_check_cache_misses_total ',
]
missing = [w for w in want if w not in text]
print("\n".join(missing) or "all there")
sys.exit(1 if missing else 0)
EOF
check "the log names the principal of each call" \
    grep -q 'principal="\?editor@e2e' "$WORK/server.err"

kill -TERM "$SERVER_PID"
RC=0
wait "$SERVER_PID" || RC=$?
SERVER_PID=""
check "SIGTERM stops the server with exit 0 (got $RC)" test "$RC" = 0

echo "$PASSED passed, $FAILED failed"
[[ "$FAILED" = 0 ]]
