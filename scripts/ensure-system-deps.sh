#!/usr/bin/env bash
# Installs the Debian packages the test layers need when they are missing: a real OCI registry
# (docker-registry, htpasswd, openssl) for the digest tests, Chromium for the real-editor test, pre-commit for the
# hook test, and the toolchain code-server's native modules build with. Needs root and apt; otherwise says what is missing.
# usage: scripts/ensure-system-deps.sh [code-server]   (`code-server`: only the toolchain, for `npm start`)
set -euo pipefail
declare -A need=(
  [g++]=g++
  [make]=make
  [python3]=python3
  [pkg-config]=pkg-config
)
if [ "${1:-}" != code-server ]; then
  # pre-commit: the hook test runs .pre-commit-hooks.yaml through the real tool (test/hooks/precommit.test.ts).
  need+=([docker-registry]=docker-registry [htpasswd]=apache2-utils [openssl]=openssl [chromium]=chromium [pre-commit]=pre-commit)
fi
missing=()
for cmd in "${!need[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${need[$cmd]}")
done
# libkrb5-dev has no command; code-server's kerberos module needs its headers.
[ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || missing+=(libkrb5-dev)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-system-deps: missing Debian packages: ${missing[*]} (install them with apt-get as root)" >&2
  exit 2
fi
echo "ensure-system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
