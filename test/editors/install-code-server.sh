#!/usr/bin/env bash
# Installs code-server 4.100.3 (the real VS Code 1.100 workbench and extension host) offline from the npm registry,
# into $GRAYCHECK_CODE_SERVER_DIR (default ~/.cache/graycheck/code-server-4.100.3). Reuses an existing install.
# Its postinstall fetches ripgrep from GitHub unless a cached archive is found in $TMPDIR: we put Debian's rg there.
set -euo pipefail
VERSION=4.100.3
DIR=${GRAYCHECK_CODE_SERVER_DIR:-$HOME/.cache/graycheck/code-server-$VERSION}
BIN="$DIR/node_modules/.bin/code-server"
if [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; then
  echo "code-server $VERSION already installed in $DIR"
  exit 0
fi
command -v rg >/dev/null || { echo "install-code-server: ripgrep (Debian package ripgrep) is needed" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache="$work/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache" "$work/rg"
cp "$(command -v rg)" "$work/rg/rg"
tar -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$work/rg" rg

mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"graycheck-code-server","private":true}' > package.json
TMPDIR="$work" npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --foreground-scripts "code-server@$VERSION"
"$BIN" --version
