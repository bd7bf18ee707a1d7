#!/usr/bin/env bash
# Runs a command with a working Docker engine, a registry on loopback, the hermetic base images,
# a tiny Debian repository and a local npm registry seeded with the fixtures' packages, then stops
# whatever it started and exits with the command's status.
#
#   bash scripts/e2e/with-engine.sh vitest run -c vitest.e2e.config.ts
#
# Uses an engine that already answers (DOCKER_HOST, or the default socket); otherwise, as root on
# Debian, installs docker.io and friends and starts a dockerd of its own with no bridge and no
# iptables, all its state under $DOCKWRIGHT_E2E_STATE (default /var/tmp/dockwright-e2e).
# Notes: scripts/e2e/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DOCKWRIGHT_E2E_T0=$(date +%s.%N) # progress lines count from here (also in the scripts it calls)
export DOCKWRIGHT_E2E_T0
# shellcheck source-path=SCRIPTDIR
source "$HERE/lib.sh"

if (($# == 0)); then
  echo "usage: $0 <command...>" >&2
  exit 2
fi

REGISTRY=${DOCKWRIGHT_E2E_REGISTRY:-127.0.0.1:5000}
APT_PORT=${DOCKWRIGHT_E2E_APT_PORT:-8765}
NPM_PORT=${DOCKWRIGHT_E2E_NPM_PORT:-4873}
ROOT=$(cd "$HERE/../.." && pwd)
ENGINE_WAIT=${DOCKWRIGHT_E2E_ENGINE_WAIT:-60}
mkdir -p "$STATE"

# Already inside a run of this script (same state dir), whose engine and servers still answer:
# run the command directly rather than wait forever for the lock the outer run holds.
if [[ ${DOCKWRIGHT_E2E_ACTIVE:-} == "$STATE" && -n ${DOCKER:-} ]] &&
  timeout 20 "$DOCKER" version --format '{{.Server.Version}}' >/dev/null 2>&1 && http_ok "http://$REGISTRY/v2/"; then
  log "inside an e2e run already; running: $*"
  exec "$@"
fi

# One run at a time per state dir: two wrappers must not share (or kill) one dockerd.
# fd 9 holds the lock; every child gets it closed (9>&-) so a leftover daemon cannot keep it.
exec 9>"$STATE/lock"
if ! flock -n 9; then
  log "another e2e run holds $STATE/lock; waiting..."
  flock -w "${DOCKWRIGHT_E2E_LOCK_WAIT:-900}" 9 || die "timed out waiting for $STATE/lock"
fi

DOCKERD_PID='' REGISTRY_PID='' APT_PID='' NPM_PID='' CHILD_PID=''

# shellcheck disable=SC2317 # (run by the EXIT trap)
cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  set +e
  if [[ -n $CHILD_PID ]]; then
    kill -TERM -- "-$CHILD_PID" 2>/dev/null
    stop_pid "$CHILD_PID" "command" 10
    kill -KILL -- "-$CHILD_PID" 2>/dev/null
    rm -f "$STATE/child.pid"
  fi
  if [[ -n $NPM_PID ]]; then
    stop_pid "$NPM_PID" "npm registry (verdaccio)" 10
    rm -f "$STATE/verdaccio.pid"
  fi
  if [[ -n $APT_PID ]]; then
    stop_pid "$APT_PID" "apt repository server" 5
    rm -f "$STATE/apt-server.pid"
  fi
  if [[ -n $REGISTRY_PID ]]; then
    stop_pid "$REGISTRY_PID" "registry" 10
    rm -f "$STATE/registry.pid"
  fi
  if [[ -n $DOCKERD_PID ]]; then
    log "stopping dockerd (pid $DOCKERD_PID)..."
    stop_pid "$DOCKERD_PID" "dockerd" 30
    wait "$DOCKERD_PID" 2>/dev/null
  fi
  [[ -n $DOCKERD_PID$REGISTRY_PID$APT_PID$NPM_PID ]] && log "stopped what this run started"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# run_child CMD...: run CMD in its own process group (so cleanup can stop all of it) and wait;
# waiting in the background lets the traps above run at once on a signal.
# Its pid and start time go to $STATE/child.pid, so a run after a crash of this one can stop it.
run_child() {
  setsid "$@" <&0 9>&- &
  CHILD_PID=$!
  echo "$CHILD_PID $(start_time "$CHILD_PID")" >"$STATE/child.pid"
  local rc=0
  wait "$CHILD_PID" || rc=$?
  # Whatever it left running in its group (a background debootstrap after a failure, say) goes too.
  kill -TERM -- "-$CHILD_PID" 2>/dev/null || true
  CHILD_PID=''
  rm -f "$STATE/child.pid"
  return "$rc"
}

start_time() { awk '{ print $22 }' "/proc/$1/stat" 2>/dev/null || true; }

# The process group of a command left running by a run of this script that was killed outright.
if [[ -f $STATE/child.pid ]]; then
  read -r old_pid old_start <"$STATE/child.pid" || true
  if [[ -n ${old_pid:-} && -n ${old_start:-} && $(start_time "$old_pid") == "$old_start" ]]; then
    log "stopping the command left running by an earlier run (process group $old_pid)..."
    kill -TERM -- "-$old_pid" 2>/dev/null || true
    stop_pid "$old_pid" "earlier command" 10
    kill -KILL -- "-$old_pid" 2>/dev/null || true
  fi
  rm -f "$STATE/child.pid"
fi

USER_DOCKER=${DOCKER:-}
DOCKER=$(pick_docker_client)

engine_ok() {
  local v
  [[ -n $DOCKER ]] || return 1
  v=$(timeout 20 "$DOCKER" version --format '{{.Server.Version}}' 2>/dev/null) || return 1
  [[ -n $v && $v != '<no value>' ]]
}

# A process recorded in a pidfile by an earlier run that did not get to clean up.
stop_stale() {
  local pidfile=$1 word=$2 name=$3 pid
  [[ -f $pidfile ]] || return 0
  pid=$(<"$pidfile")
  if pid_matches "$pid" "$word"; then
    log "stopping $name left over from an earlier run (pid $pid)..."
    stop_pid "$pid" "$name" 30
  fi
  rm -f "$pidfile"
}

start_dockerd() {
  apt_ensure /usr/bin/docker=docker.io dockerd=docker.io
  # Debian's client, not a newer one found first on PATH (it may lack buildx, which BuildKit needs).
  DOCKER=${USER_DOCKER:-/usr/bin/docker}
  local sock="$STATE/docker.sock" t
  ((${#sock} < 100)) || die "socket path too long for unix sockets: $sock (set DOCKWRIGHT_E2E_STATE shorter)"
  stop_stale "$STATE/docker.pid" dockerd dockerd
  mkdir -p "$STATE/docker" "$STATE/exec"
  t=$(now)
  log "starting dockerd (data-root $STATE/docker)..."
  setsid dockerd --bridge=none --iptables=false --ip-masq=false --ip-forward=false \
    --data-root "$STATE/docker" --exec-root "$STATE/exec" -p "$STATE/docker.pid" \
    -H "unix://$sock" >"$STATE/dockerd.log" 2>&1 </dev/null 9>&- &
  DOCKERD_PID=$!
  export DOCKER_HOST="unix://$sock"
  local deadline=$((SECONDS + ENGINE_WAIT))
  until engine_ok; do
    if ! kill -0 "$DOCKERD_PID" 2>/dev/null; then
      tail -n 30 "$STATE/dockerd.log" >&2
      DOCKERD_PID=''
      die "dockerd failed to start: it exited (log above, full log: $STATE/dockerd.log)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$STATE/dockerd.log" >&2
      die "dockerd failed to start: no answer on $sock within ${ENGINE_WAIT}s (log above, full log: $STATE/dockerd.log)"
    fi
    sleep 0.3
  done
  log "dockerd ready: $("$DOCKER" info --format 'Docker {{.ServerVersion}}, storage {{.Driver}}') ($(since "$t"))"
  # Our own engine only: drop stopped containers and untagged images (earlier base image builds, tests' leftovers) and
  # keep the build cache bounded, so the data-root does not grow without end across runs.
  "$DOCKER" container prune -f >/dev/null 2>&1 || true
  "$DOCKER" image prune -f >/dev/null 2>&1 || true
  "$DOCKER" builder prune -f --keep-storage "${DOCKWRIGHT_E2E_KEEP_STORAGE:-10GB}" >/dev/null 2>&1 || true
}

# --- 1. the engine -------------------------------------------------------------------------------
if [[ ${DOCKER_HOST:-} == "unix://$STATE/docker.sock" ]]; then
  # Our own socket, left in the environment: whatever answers there is an earlier run's leftover.
  unset DOCKER_HOST
fi
if [[ -n ${DOCKER_HOST:-} ]] && engine_ok; then
  log "using the engine at DOCKER_HOST=$DOCKER_HOST"
elif [[ -n ${DOCKER_HOST:-} ]]; then
  log "DOCKER_HOST=$DOCKER_HOST does not answer; trying the default socket"
  unset DOCKER_HOST
fi
if [[ -z ${DOCKER_HOST:-} ]]; then
  if engine_ok; then
    log "using the default engine ($("$DOCKER" context show 2>/dev/null || echo default))"
  elif is_root_debian; then
    start_dockerd
  else
    die "no Docker engine answers (DOCKER_HOST unset, default socket down) and this is not root on Debian, so none can be started here: start one (e.g. Docker Desktop) or set DOCKER_HOST"
  fi
fi
[[ -n $DOCKER ]] || die "no docker client found"
# Clients from 23 on build with BuildKit only through the buildx plugin; Debian's 20.10 has it built in.
client_major=$("$DOCKER" version --format '{{.Client.Version}}' 2>/dev/null | cut -d. -f1) || true
if [[ ${client_major:-0} =~ ^[0-9]+$ ]] && ((client_major >= 23)) && ! "$DOCKER" buildx version >/dev/null 2>&1; then
  if [[ -z $USER_DOCKER && -x /usr/bin/docker && $DOCKER != /usr/bin/docker ]]; then
    DOCKER=/usr/bin/docker
  else
    die "the docker client $DOCKER has no buildx plugin, so it cannot run BuildKit builds: install docker-buildx, or set DOCKER to a client that can (Debian's /usr/bin/docker)"
  fi
fi
export DOCKER DOCKER_BUILDKIT=1

# --- 2. a registry on loopback -------------------------------------------------------------------
stop_stale "$STATE/registry.pid" docker-registry registry
if http_ok "http://$REGISTRY/v2/"; then
  log "reusing the registry already answering on $REGISTRY"
else
  [[ $REGISTRY == 127.0.0.1:* ]] || die "registry $REGISTRY does not answer on /v2/"
  apt_ensure docker-registry=docker-registry
  mkdir -p "$STATE/registry"
  cat >"$STATE/registry.yml" <<EOF
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $STATE/registry } }
http: { addr: $REGISTRY }
EOF
  if [[ -d $STATE/registry/docker ]]; then
    # Nothing uses it now: drop what earlier runs left untagged (replaced base images, test pushes).
    docker-registry garbage-collect --delete-untagged "$STATE/registry.yml" >"$STATE/registry-gc.log" 2>&1 ||
      log "WARNING: registry garbage-collect failed (see $STATE/registry-gc.log); going on"
  fi
  t=$(now)
  log "starting docker-registry on $REGISTRY..."
  setsid docker-registry serve "$STATE/registry.yml" >"$STATE/registry.log" 2>&1 </dev/null 9>&- &
  REGISTRY_PID=$!
  echo "$REGISTRY_PID" >"$STATE/registry.pid"
  deadline=$((SECONDS + 30))
  until http_ok "http://$REGISTRY/v2/"; do
    if ! kill -0 "$REGISTRY_PID" 2>/dev/null || ((SECONDS >= deadline)); then
      tail -n 20 "$STATE/registry.log" >&2
      die "docker-registry failed to start on $REGISTRY (log above, full log: $STATE/registry.log)"
    fi
    sleep 0.2
  done
  log "registry ready ($(since "$t"))"
fi
export DOCKWRIGHT_E2E_REGISTRY=$REGISTRY

# --- 3. hermetic base images ---------------------------------------------------------------------
run_child bash "$HERE/base-images.sh" || die "building the base images failed"
export DOCKWRIGHT_E2E_BASE_IMAGES="$STATE/base-images.json"

# --- 4. a tiny Debian repository on loopback -----------------------------------------------------
if command -v apt-get >/dev/null 2>&1; then
  run_child bash "$HERE/apt-repo.sh" build || die "preparing the local apt repository failed"
  stop_stale "$STATE/apt-server.pid" http.server "apt repository server"
  if http_ok "http://127.0.0.1:$APT_PORT/"; then
    # Reuse a server that serves this very repository (e.g. another state dir's run); else fail.
    if curl -fsS --max-time 5 "http://127.0.0.1:$APT_PORT/Packages" 2>/dev/null | cmp -s - "$STATE/apt-repo/Packages"; then
      log "reusing the apt repository already served on 127.0.0.1:$APT_PORT"
    else
      die "something else already answers on 127.0.0.1:$APT_PORT (set DOCKWRIGHT_E2E_APT_PORT to a free port)"
    fi
  else
    apt_ensure /usr/bin/python3=python3
    setsid /usr/bin/python3 -m http.server --bind 127.0.0.1 --directory "$STATE/apt-repo" "$APT_PORT" \
      >"$STATE/apt-server.log" 2>&1 </dev/null 9>&- &
    APT_PID=$!
    echo "$APT_PID" >"$STATE/apt-server.pid"
    deadline=$((SECONDS + 15))
    until http_ok "http://127.0.0.1:$APT_PORT/Packages"; do
      if ! kill -0 "$APT_PID" 2>/dev/null || ((SECONDS >= deadline)); then
        tail -n 20 "$STATE/apt-server.log" >&2
        die "the apt repository server failed to start on 127.0.0.1:$APT_PORT"
      fi
      sleep 0.2
    done
  fi
  export DOCKWRIGHT_E2E_APT_REPO="http://127.0.0.1:$APT_PORT/"
  log "apt repository served at $DOCKWRIGHT_E2E_APT_REPO"
  run_child bash "$HERE/apt-repo.sh" verify || die "the local apt repository does not work in a build"
else
  log "WARNING: no apt-get here, so no local apt repository (DOCKWRIGHT_E2E_APT_REPO unset)"
fi

# --- 5. a local npm registry on loopback, seeded ----------------------------------------------------
# verdaccio with no uplinks: a build with --network=host installs what was seeded, nothing else.
run_child bash "$HERE/npm-registry.sh" install || die "installing the local npm registry (verdaccio) failed"
stop_stale "$STATE/verdaccio.pid" verdaccio "npm registry (verdaccio)"
NPM_URL="http://127.0.0.1:$NPM_PORT/"
if http_ok "${NPM_URL}-/ping"; then
  # Reuse a verdaccio (e.g. another state dir's run, or one started by hand); anything else: fail.
  if [[ $(curl -fsS --max-time 5 "${NPM_URL}-/ping" 2>/dev/null) == '{}' ]]; then
    log "reusing the npm registry already answering on 127.0.0.1:$NPM_PORT"
  else
    die "something other than verdaccio answers on 127.0.0.1:$NPM_PORT (set DOCKWRIGHT_E2E_NPM_PORT to a free port)"
  fi
else
  t=$(now)
  setsid node "$STATE/verdaccio/app/node_modules/verdaccio/bin/verdaccio" \
    --config "$STATE/verdaccio/config.yaml" --listen "127.0.0.1:$NPM_PORT" \
    >"$STATE/verdaccio.log" 2>&1 </dev/null 9>&- &
  NPM_PID=$!
  echo "$NPM_PID" >"$STATE/verdaccio.pid"
  deadline=$((SECONDS + 30))
  until http_ok "${NPM_URL}-/ping"; do
    if ! kill -0 "$NPM_PID" 2>/dev/null || ((SECONDS >= deadline)); then
      tail -n 20 "$STATE/verdaccio.log" >&2
      die "the npm registry (verdaccio) failed to start on 127.0.0.1:$NPM_PORT (full log: $STATE/verdaccio.log)"
    fi
    sleep 0.2
  done
  log "npm registry (verdaccio) ready at $NPM_URL ($(since "$t"))"
fi
export DOCKWRIGHT_E2E_NPM_REGISTRY=$NPM_URL
# The package-manager fixtures only; the framework apps (fw-*) seed their bigger trees themselves
# (e2e/node-frameworks.e2e.test.ts), so runs of other files do not wait for them.
run_child bash "$HERE/npm-seed.sh" --spec "pnpm@$E2E_PNPM_VERSION" --spec "yarn@$E2E_YARN_VERSION" "$ROOT"/e2e/fixtures/node-* ||
  die "seeding the local npm registry failed"

# --- 6. the command ------------------------------------------------------------------------------
export DOCKWRIGHT_E2E_ACTIVE=$STATE
log "ready; running: $*"
status=0
run_child "$@" || status=$?
log "command exited with status $status"
exit "$status"
