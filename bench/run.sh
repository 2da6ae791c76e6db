#!/usr/bin/env bash
# npm run bench: the shared side-by-side harness with Gatehouse plugged in, on the project's Node,
# then the table goes to bench/RESULTS.md with the date, machine and versions.
# Extra arguments pass through (e.g. `npm run bench -- --payload`, or target names).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
shared="${GATEHOUSE_SHARED:-$root/../shared}/bench"
[ -x "$shared/run.sh" ] || { echo "bench: $shared/run.sh not found (the shared harness lives beside the checkout)" >&2; exit 2; }
export PATH="$root/node_modules/.bin:$PATH"
(cd "$root" && npm run build --silent)
export GATEWAY_CMD="${GATEWAY_CMD_OVERRIDE:-$here/gateway-cmd.sh}"
[ -x "$here/gateway-secured-cmd.sh" ] && export GATEWAY_SECURED_CMD="$here/gateway-secured-cmd.sh"
out="$(mktemp -d)"
BENCH_OUT="$out/results.json" "$shared/run.sh" "$@" | tee "$out/table.md"
mode="GET"; for a in "$@"; do [ "$a" = "--payload" ] && mode="POST 16 KiB JSON"; done
{
  echo
  echo "## Run of $(date -u +%Y-%m-%dT%H:%M:%SZ) — $mode"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); node $(node --version); gatehouse $(node -p 'require("'"$root"'/package.json").version')"
  echo
  cat "$out/table.md"
} >> "$here/RESULTS.md"
echo "appended to bench/RESULTS.md (raw: $out/results.json)" >&2
