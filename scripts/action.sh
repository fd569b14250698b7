#!/usr/bin/env bash
# The GitHub Action's step (action.yml): builds the CLI once (dist/ is not committed), runs `shipshape scan` with
# the inputs from SHIPSHAPE_* variables, writes the report, sets the step outputs and exits with the CLI's code.
set -euo pipefail
action=${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "::error::Shipshape needs Node 20 or later on the runner (found $(node -v)); add actions/setup-node before it." >&2
  exit 2
fi
if [ ! -f "$action/dist/cli.js" ] || [ ! -f "$action/dist/scan-worker.js" ]; then
  echo "Building the Shipshape CLI" >&2
  (cd "$action" && env -u NODE_ENV npm ci --no-audit --no-fund --loglevel=error >&2 && node scripts/build.mjs --dist >&2)
fi
args=(scan --format "${SHIPSHAPE_FORMAT:-sarif}" --fail-on "${SHIPSHAPE_FAIL_ON:-warning}")
[ -n "${SHIPSHAPE_CONFIG:-}" ] && args+=(--config "$SHIPSHAPE_CONFIG")
# Paths are split on whitespace (spaces or newlines), as the input's description says; no globbing.
set -f
# shellcheck disable=SC2206
paths=(${SHIPSHAPE_PATHS:-.})
set +f
output=${SHIPSHAPE_OUTPUT:-shipshape.sarif}
mkdir -p "$(dirname "$output")"
code=0
node "$action/bin/shipshape.js" "${args[@]}" -- "${paths[@]}" > "$output" || code=$?
[ "${SHIPSHAPE_FORMAT:-sarif}" = text ] && cat "$output"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "report=$output"; echo "exit-code=$code"; } >> "$GITHUB_OUTPUT"
fi
echo "shipshape: exit code $code; report in $output" >&2
exit "$code"
