#!/usr/bin/env bash
# The local npm registry of the real-build tests: verdaccio 5 on 127.0.0.1:4873 with no uplinks, so
# a build can install only what was seeded into it (scripts/e2e/npm-seed.sh), never anything else.
#
#   npm-registry.sh install   install verdaccio (scripts/e2e/verdaccio/package.json + package-lock.json,
#                             `npm ci` by this machine's npm) into $DOCKWRIGHT_E2E_STATE/verdaccio/app
#                             and write its config; cached: skipped when the same install is there
#
# with-engine.sh serves it (node $STATE/verdaccio/app/node_modules/verdaccio/bin/verdaccio --config
# $STATE/verdaccio/config.yaml --listen 127.0.0.1:4873) while the tests run, and seeds it.
# Everything lives in $DOCKWRIGHT_E2E_STATE/verdaccio: app/ (the install), config.yaml, htpasswd,
# storage/ (the seeded packages, kept across runs and reinstalls).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR
source "$HERE/lib.sh"

VDIR="$STATE/verdaccio"
SRC="$HERE/verdaccio"
KEY=$(cat "${BASH_SOURCE[0]}" "$SRC/package.json" "$SRC/package-lock.json" <(node --version) | sha256sum | cut -c1-16)
BIN="$VDIR/app/node_modules/verdaccio/bin/verdaccio"

write_config() {
  mkdir -p "$VDIR/storage"
  # No uplinks (nothing not seeded can be installed, and verdaccio itself never reaches out), no
  # audit middleware (it would proxy `npm audit` to the public registry), no web UI.
  cat >"$VDIR/config.yaml" <<EOF
# Written by scripts/e2e/npm-registry.sh on every run; edit that script, not this file.
storage: $VDIR/storage
auth:
  htpasswd:
    file: $VDIR/htpasswd
    max_users: 100
packages:
  '@*/*':
    access: \$all
    publish: \$authenticated
    unpublish: \$authenticated
  '**':
    access: \$all
    publish: \$authenticated
    unpublish: \$authenticated
web:
  enable: false
server:
  keepAliveTimeout: 60
publish:
  allow_offline: true
max_body_size: 500mb
log: { type: stdout, format: pretty, level: warn }
EOF
}

install() {
  if [[ -f $VDIR/app/.key && $(<"$VDIR/app/.key") == "$KEY" && -f $BIN ]]; then
    write_config
    log "npm registry: verdaccio cached ($VDIR/app)"
    return 0
  fi
  command -v npm >/dev/null 2>&1 || die "npm registry: no npm on this machine to install verdaccio with"
  local t tmp
  t=$(now)
  log "npm registry: installing verdaccio $(node -p 'require(process.argv[1]).dependencies.verdaccio' "$SRC/package.json") (npm ci)..."
  tmp="$VDIR/app.tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  cp "$SRC/package.json" "$SRC/package-lock.json" "$tmp/"
  # --ignore-scripts: the only install script among its dependencies is core-js's banner.
  if ! (cd "$tmp" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error) \
    >"$STATE/verdaccio-install.log" 2>&1 9>&-; then
    tail -n 30 "$STATE/verdaccio-install.log" >&2
    die "npm registry: npm ci of verdaccio failed (full log: $STATE/verdaccio-install.log)"
  fi
  [[ -f $tmp/node_modules/verdaccio/bin/verdaccio ]] || die "npm registry: verdaccio's bin is missing after npm ci"
  echo "$KEY" >"$tmp/.key"
  rm -rf "$VDIR/app"
  mv "$tmp" "$VDIR/app"
  write_config
  log "npm registry: verdaccio installed in $VDIR/app ($(since "$t"))"
}

case ${1:-} in
  install) install ;;
  *)
    echo "usage: $0 install" >&2
    exit 2
    ;;
esac
