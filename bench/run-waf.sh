#!/usr/bin/env bash
# The WAF comparison of issue 5: Gatehouse's waf policy against nginx + libmodsecurity 3 (nginx-secured)
# with the same OWASP CRS v4.28.0 rules at paranoia level 1, in one run of the shared harness.
# `bash bench/run-waf.sh` (GET) or `bash bench/run-waf.sh --payload` (16 KiB JSON POST); appends to
# bench/RESULTS.md like `npm run bench`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
crs="$(cd "${GATEHOUSE_SHARED:-$root/../shared}/crs/v4.28.0" && pwd)"
setup="$(mktemp -d)/crs-setup.conf"
cp "$crs/crs-setup.conf.example" "$setup"
export CRS_RULES_DIR="$crs/rules" CRS_SETUP="$setup" CRS_DIR="$crs"
GATEWAY_CMD_OVERRIDE="$here/gateway-waf-cmd.sh" exec bash "$here/run.sh" "$@" gateway nginx-secured
