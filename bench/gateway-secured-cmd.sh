#!/usr/bin/env bash
# GATEWAY_SECURED_CMD for ../shared/bench: Gatehouse with jwt-auth (RS256 against $JWT_JWKS_FILE,
# issuer $JWT_ISSUER, audience $JWT_AUDIENCE), access log and metrics on, one worker.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
export PATH="$root/node_modules/.bin:$PATH"
for v in UPSTREAM_URL PORT JWT_JWKS_FILE JWT_ISSUER JWT_AUDIENCE; do
  [ -n "${!v:-}" ] || { echo "gateway-secured-cmd: $v must be set" >&2; exit 2; }
done
case "$JWT_JWKS_FILE" in /*) ;; *) JWT_JWKS_FILE="$PWD/$JWT_JWKS_FILE"; export JWT_JWKS_FILE ;; esac
[ -f "$root/dist/cli/main.js" ] || (cd "$root" && npm run build --silent)
exec node "$root/bin/gatehouse.mjs" start --config "$here/gateway-secured.yaml" --workers 1
