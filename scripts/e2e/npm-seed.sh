#!/usr/bin/env bash
# Seeds the local npm registry (verdaccio, 127.0.0.1:4873) with every package the given lockfiles
# name, downloading each once with this machine's npm; see npm-seed.ts and scripts/e2e/README.md.
#
#   bash scripts/e2e/npm-seed.sh [--spec name@version]... <lockfile-or-dir>...
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR
source "$HERE/lib.sh"

TSX="$HERE/../../node_modules/.bin/tsx"
[[ -x $TSX ]] || die "npm seed: no $TSX: install the workspace first (pnpm install)"
exec "$TSX" "$HERE/npm-seed.ts" "$@"
