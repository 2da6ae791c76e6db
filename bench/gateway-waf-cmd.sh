#!/usr/bin/env bash
# GATEWAY_CMD for ../shared/bench in the WAF comparison: Gatehouse with the waf policy (CRS v4.28.0 from
# the shared copy, PL1, blocking) and a never-reached rate limit, one worker. Compare with nginx-secured
# run with CRS_RULES_DIR/CRS_SETUP pointing at the same rules (see bench/run-waf.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
export PATH="$root/node_modules/.bin:$PATH"
export CRS_DIR="${CRS_DIR:-$(cd "$root/../shared/crs/v4.28.0" && pwd)}"
[ -f "$root/dist/cli/main.js" ] || (cd "$root" && npm run build --silent)
exec node "$root/bin/gatehouse.mjs" start --config "$here/gateway-waf.yaml" --workers 1
