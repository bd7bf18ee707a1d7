#!/usr/bin/env bash
# A tiny flat Debian repository for tests of apt-get install and its cleanup, without the internet.
#
#   apt-repo.sh build    download a few small packages that a minbase Debian lacks (hello, tree,
#                        jq with libjq1 and libonig5, busybox-static for static sites) into $DOCKWRIGHT_E2E_STATE/apt-repo and index
#                        them; cached: skipped when the same package list is already there
#   apt-repo.sh verify   prove it works: a real docker build --network=host FROM the debian base
#                        image, apt sources replaced by `deb [trusted=yes] $DOCKWRIGHT_E2E_APT_REPO ./`,
#                        apt-get update && apt-get install -y hello (once per repo + base image)
#
# with-engine.sh serves the directory on 127.0.0.1:8765 while the tests run.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR
source "$HERE/lib.sh"

PACKAGES=(hello tree jq libjq1 libonig5 busybox-static)
REPO="$STATE/apt-repo"
ARCH=$(dpkg --print-architecture)
KEY=$(printf '%s\n' "$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-64)" "$ARCH" "${PACKAGES[@]}" | sha256sum | cut -c1-16)

build() {
  if [[ -f $REPO/.key && $(<"$REPO/.key") == "$KEY" && -s $REPO/Packages.gz ]]; then
    log "apt repository: cached ($REPO: $(find "$REPO" -name '*.deb' | wc -l) packages)"
    return 0
  fi
  apt_ensure dpkg-scanpackages=dpkg-dev
  local t tmp
  t=$(now)
  log "apt repository: apt-get download ${PACKAGES[*]}..."
  tmp="$STATE/apt-repo.tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  chmod 755 "$tmp"
  if ! (cd "$tmp" && apt-get download -qq "${PACKAGES[@]}") >"$STATE/apt-repo.log" 2>&1; then
    # A machine whose package lists were never fetched (or are stale): fetch them once and retry.
    log "apt repository: apt-get download failed; apt-get update and retry..."
    if ! { apt-get update -qq && (cd "$tmp" && apt-get download -qq "${PACKAGES[@]}"); } >>"$STATE/apt-repo.log" 2>&1; then
      tail -n 20 "$STATE/apt-repo.log" >&2
      die "apt-get download ${PACKAGES[*]} failed (full log: $STATE/apt-repo.log)"
    fi
  fi
  (
    cd "$tmp"
    dpkg-scanpackages --multiversion . /dev/null >Packages 2>>"$STATE/apt-repo.log"
    gzip -9nc Packages >Packages.gz
    # A Release file (unsigned; sources say trusted=yes) so apt does not complain about its absence.
    {
      echo 'Origin: dockwright-e2e'
      echo 'Label: dockwright-e2e'
      echo "Architectures: $ARCH all"
      echo "Date: $(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S UTC')"
      echo 'SHA256:'
      for f in Packages Packages.gz; do
        printf ' %s %s %s\n' "$(sha256sum "$f" | cut -c1-64)" "$(stat -c %s "$f")" "$f"
      done
    } >Release
  )
  local n
  n=$(grep -c '^Package:' "$tmp/Packages")
  ((n == ${#PACKAGES[@]})) || die "apt repository: indexed $n packages, expected ${#PACKAGES[@]}"
  echo "$KEY" >"$tmp/.key"
  chmod -R a+rX "$tmp"
  rm -rf "$REPO"
  mv "$tmp" "$REPO"
  rm -f "$STATE/apt-repo.verified"
  log "apt repository: $n packages indexed in $REPO ($(since "$t"))"
}

verify() {
  local url=${DOCKWRIGHT_E2E_APT_REPO:?DOCKWRIGHT_E2E_APT_REPO is not set (with-engine.sh sets it)}
  local docker debian marker t ctx log
  docker=$(pick_docker_client)
  debian=$(node -p 'require(process.argv[1])["debian:bookworm-slim"]' "$STATE/base-images.json")
  [[ $debian == *@sha256:* ]] || die "no debian:bookworm-slim in $STATE/base-images.json"
  marker="$KEY $debian $url"
  if [[ -f $STATE/apt-repo.verified && $(<"$STATE/apt-repo.verified") == "$marker" ]]; then
    # Already proven with a real build; just check that the server serves the index.
    curl -fsS --max-time 5 -o /dev/null "${url}Packages.gz" || die "apt repository: ${url}Packages.gz does not answer"
    log "apt repository: verified before (index answers at $url)"
    return 0
  fi
  t=$(now)
  log "apt repository: verifying with docker build --network=host FROM $debian..."
  ctx=$(mktemp -d "$STATE/apt-verify.XXXXXX")
  cat >"$ctx/Dockerfile" <<EOF
FROM $debian
RUN if command -v hello; then echo 'hello is already in the base image' >&2; exit 1; fi \\
 && rm -f /etc/apt/sources.list.d/* \\
 && echo 'deb [trusted=yes] $url ./' >/etc/apt/sources.list \\
 && apt-get update \\
 && apt-get install -y --no-install-recommends hello jq \\
 && hello \\
 && echo '{"ok":true}' | jq -e .ok \\
 && rm -rf /var/lib/apt/lists/*
EOF
  log=$ctx/build.log
  if ! DOCKER_BUILDKIT=1 "$docker" build --network=host --no-cache --progress=plain "$ctx" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    die "apt repository: the verification build failed (full log: $log)"
  fi
  grep -q 'Hello, world!' "$log" || { tail -n 30 "$log" >&2; die "apt repository: hello did not greet"; }
  rm -rf "$ctx"
  echo "$marker" >"$STATE/apt-repo.verified"
  log "apt repository: apt-get install hello jq works in a build ($(since "$t"))"
}

case ${1:-} in
  build) build ;;
  verify) verify ;;
  *)
    echo "usage: $0 build|verify" >&2
    exit 2
    ;;
esac
