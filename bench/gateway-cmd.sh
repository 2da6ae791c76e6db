#!/usr/bin/env bash
# GATEWAY_CMD for ../shared/bench: Gatehouse as a plain proxy to $UPSTREAM_URL on $HOST:$PORT, one worker.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
export PATH="$root/node_modules/.bin:$PATH"
[ -f "$root/dist/cli/main.js" ] || (cd "$root" && npm run build --silent)
exec node "$root/bin/gatehouse.mjs" start --config "$here/gateway.yaml" --workers 1
