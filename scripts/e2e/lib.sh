# shellcheck shell=bash
# Helpers shared by the e2e scripts (sourced, not run). See scripts/e2e/README.md.

: "${DOCKWRIGHT_E2E_STATE:=/var/tmp/dockwright-e2e}"
: "${DOCKWRIGHT_E2E_T0:=$(date +%s.%N)}"
export DOCKWRIGHT_E2E_STATE DOCKWRIGHT_E2E_T0
STATE=$DOCKWRIGHT_E2E_STATE

# The package managers in the node base image (base-images.sh); pnpm and yarn are also seeded into
# the local npm registry (with-engine.sh), so `npm install -g pnpm@$E2E_PNPM_VERSION` works in a build.
E2E_PNPM_VERSION=10.34.8
E2E_YARN_VERSION=1.22.22
E2E_YARN_BERRY_VERSION=4.18.1 # @yarnpkg/cli-dist, the bundle `yarn set version` installs

# Seconds since the wrapper started, one decimal.
e2e_elapsed() {
  awk -v a="$DOCKWRIGHT_E2E_T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}

# Progress line on stderr, so that the wrapped command's stdout stays its own.
log() {
  printf '[e2e] %6ss %s\n' "$(e2e_elapsed)" "$*" >&2
}

die() {
  printf '[e2e] %6ss ERROR: %s\n' "$(e2e_elapsed)" "$*" >&2
  exit 1
}

# now; ... ; since "$t" -> "3.2s"
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }'; }

# The Docker client: Debian's (it has BuildKit built in), unless told otherwise.
pick_docker_client() {
  if [[ -n "${DOCKER:-}" ]]; then
    printf '%s\n' "$DOCKER"
  elif [[ -x /usr/bin/docker ]]; then
    printf '%s\n' /usr/bin/docker
  else
    command -v docker || true
  fi
}

is_root_debian() {
  [[ $(id -u) -eq 0 && -r /etc/debian_version ]] && command -v apt-get >/dev/null 2>&1
}

# apt_ensure BINARY=PACKAGE ...: install the packages whose binary is missing (root on Debian only).
# apt-get update runs once, quietly, and only when something is missing.
apt_ensure() {
  local pair bin pkg missing=()
  for pair in "$@"; do
    bin=${pair%%=*} pkg=${pair#*=}
    if [[ $bin == /* ]]; then [[ -x $bin ]] && continue; else command -v "$bin" >/dev/null 2>&1 && continue; fi
    [[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  is_root_debian || die "missing: ${missing[*]} (install them, or run as root on Debian so this script can)"
  local t; t=$(now)
  log "installing ${missing[*]} with apt-get..."
  # Keep package scripts from starting services (a default dockerd would bring a bridge and iptables).
  local made_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
  fi
  local rc=0 aptlog="$STATE/apt-install.log"
  mkdir -p "$STATE"
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  } >"$aptlog" 2>&1 || rc=$?
  ((made_policy)) && rm -f /usr/sbin/policy-rc.d
  if ((rc)); then
    tail -n 30 "$aptlog" >&2
    die "apt-get install ${missing[*]} failed (full log: $aptlog)"
  fi
  log "installed ${missing[*]} ($(since "$t"))"
}

# http_ok URL: true when URL answers 2xx.
http_ok() {
  curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null
}

# pid_matches PID WORD: the process PID is alive and its command line contains WORD.
pid_matches() {
  local pid=$1 word=$2
  local cmdline
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$word"* ]]
}

# stop_pid PID NAME [GRACE]: TERM, wait up to GRACE seconds, then KILL.
stop_pid() {
  local pid=$1 name=$2 grace=${3:-20} i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < grace * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    # A child of ours that exited stays a zombie until it is reaped.
    [[ $(awk '{print $3}' /proc/"$pid"/stat 2>/dev/null) == Z ]] && return 0
    sleep 0.1
  done
  log "$name (pid $pid) did not stop in ${grace}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# Registry digest of repo:tag (the Docker-Content-Digest it answers), empty when absent.
registry_digest() {
  local registry=$1 repo=$2 tag=$3 headers
  headers=$(curl -fsS --max-time 10 -o /dev/null -D - -I \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    -H 'Accept: application/vnd.docker.distribution.manifest.list.v2+json' \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    -H 'Accept: application/vnd.oci.image.index.v1+json' \
    "http://$registry/v2/$repo/manifests/$tag" 2>/dev/null) || return 0
  printf '%s\n' "$headers" | tr -d '\r' | awk -F': ' 'tolower($1) == "docker-content-digest" { print $2 }'
}

# recipe_of FILE NAME...: a hash of the part of the script FILE that builds the named images: its
# lines outside every block (`#@recipe NAME` to `#@end` at the start of a line; blocks of one name
# may recur, never nest) and those inside the named blocks, as bash reprints them as one function
# body (`declare -f`): comments and layout do not count, heredocs do. Fails (naming the line) on a
# missing or unbalanced block, or text that is not bash.
recipe_of() {
  local file=$1 body
  shift
  (($#)) || { printf 'recipe_of: no block named\n' >&2; return 1; }
  body=$(awk -v want=" $* " '
    function fail(msg) { printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"; bad = 1; exit 1 }
    /^#@recipe / { if (block != "") fail("#@recipe inside #@recipe " block); block = $2; seen[block] = 1; if (block == "" || NF != 2) fail("#@recipe takes one name"); next }
    /^#@end[[:space:]]*$/ { if (block == "") fail("#@end outside a block"); block = ""; next }
    block == "" || index(want, " " block " ") { print }
    END {
      if (bad) exit 1
      if (block != "") { printf "%s: block %s has no #@end\n", FILENAME, block > "/dev/stderr"; exit 1 }
      n = split(want, names, " ")
      for (i = 1; i <= n; i++) if (!(names[i] in seen)) { printf "%s: no #@recipe %s block\n", FILENAME, names[i] > "/dev/stderr"; exit 1 }
    }
  ' "$file") || return 1
  # Parsed, never run: eval only defines the function that declare -f then prints.
  eval "__recipe_body() {
$body
}" || { printf 'recipe_of: %s does not parse\n' "$file" >&2; return 1; }
  declare -f __recipe_body | sha256sum | cut -c1-64
  unset -f __recipe_body
}
