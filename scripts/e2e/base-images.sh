#!/usr/bin/env bash
# Builds the hermetic base images the e2e tests build FROM, pushes them to the local registry and
# records the digest of each push in $DOCKWRIGHT_E2E_STATE/base-images.json:
#
#   127.0.0.1:5000/debian:bookworm-slim    debootstrap minbase, slimmed like the official image
#   127.0.0.1:5000/node:20-bookworm-slim   that debian + this machine's node and npm, user node (1000),
#                                          pnpm, yarn (classic) and yarn berry (as yarn-berry), all
#                                          pointed at the local npm registry (verdaccio, 127.0.0.1:4873)
#   127.0.0.1:5000/golang:1.19-bookworm    debootstrap minbase + golang-1.19-go, ca-certificates
#   127.0.0.1:5000/static:nonroot          distroless-like: passwd/group (nonroot 65532), CA certs, tzdata
#   127.0.0.1:5000/python:3.11.2-slim-bookworm  debootstrap minbase + Debian 12's python3, python3-venv and
#                                          python3-pip, without the EXTERNALLY-MANAGED marker (as the
#                                          official image: `pip install` system-wide works)
#   127.0.0.1:5000/rust:1.63.0-bookworm    debootstrap minbase + Debian 12's rustc, cargo, libc6-dev
#                                          (static glibc linking needs libc.a), CARGO_HOME=/usr/local/cargo
#   127.0.0.1:5000/maven:3.8.7-openjdk-17  debootstrap minbase + Debian's openjdk-17-jdk-headless (jlink,
#                                          jdeps), maven and its packaged plugins; Maven's global
#                                          settings mirror every repository to Debian's offline one,
#                                          file:///usr/share/maven-repo (Maven Central is unreachable)
#
# Each image is cached under a key: a hash of its recipe and of its inputs. The recipe is this file
# without the blocks of the other images (`#@recipe NAME` ... `#@end`; recipe_of in lib.sh), as bash
# reprints it: editing the python block rebuilds python only, editing a comment rebuilds nothing,
# editing the code outside every block rebuilds all. When the key matches and the registry still
# serves the recorded digest, the image is not rebuilt.
# Called by with-engine.sh (which exports DOCKER, DOCKER_HOST, DOCKWRIGHT_E2E_REGISTRY); can also be
# run on its own against a running engine and registry.
#
# DOCKWRIGHT_E2E_BASE_SOURCE=pull (never on the CI machines: they cannot reach Docker Hub) pulls the
# real images instead, for hosts without debootstrap (a Mac with Docker Desktop).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR
source "$HERE/lib.sh"

DOCKER=$(pick_docker_client)
[[ -n $DOCKER ]] || die "no docker client"
export DOCKER_BUILDKIT=1
REGISTRY=${DOCKWRIGHT_E2E_REGISTRY:-127.0.0.1:5000}
SUITE=bookworm
BASE="$STATE/base"
WORK="$STATE/work"
DEBOOTSTRAP_CACHE="$STATE/debootstrap-cache"
mkdir -p "$BASE" "$WORK"

SCRIPT="$HERE/${BASH_SOURCE[0]##*/}"
key_of() { printf '%s\n' "$@" | sha256sum | cut -c1-16; }
# image_key 'BLOCK...' INPUT...: the cache key of an image the named blocks of this script build
# from INPUTs (lib.sh's recipe_of). Exits on a bad block, so that no key is made of nothing.
image_key() {
  local recipe
  local -a blocks
  read -ra blocks <<<"$1"
  recipe=$(recipe_of "$SCRIPT" "${blocks[@]}") || die "$SCRIPT: no recipe for '$1'"
  key_of "$recipe" "${@:2}"
}

SOURCE=${DOCKWRIGHT_E2E_BASE_SOURCE:-auto}
if [[ $SOURCE == auto ]]; then
  if command -v debootstrap >/dev/null 2>&1 || is_root_debian; then SOURCE=debootstrap; else SOURCE=pull; fi
fi

# The Debian mirror this machine's apt uses (first URIs: line that is not the security archive).
apt_mirror() {
  local m=''
  if compgen -G '/etc/apt/sources.list.d/*.sources' >/dev/null; then
    m=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' \
      /etc/apt/sources.list.d/*.sources)
  fi
  if [[ -z $m && -r /etc/apt/sources.list ]]; then
    m=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { if ($i !~ /security/) { print $i; exit } else break } }' \
      /etc/apt/sources.list)
  fi
  printf '%s\n' "${m:-http://deb.debian.org/debian}"
}

# --- cache bookkeeping ---------------------------------------------------------------------------
# $BASE/<repo>_<tag>@<key>.ref holds the repo:tag@sha256:... that KEY built. One record per key, so
# that two versions of this script (two branches on one machine) each find their own image: the
# registry keeps serving a digest after its tag has moved, and the index names digests.

declare -A KEY_OF=() # NAME -> the key of this run, once cached or published

record_file() { printf '%s/%s@%s.ref' "$BASE" "${1/:/_}" "$2"; }

# cached NAME KEY: the registry still serves what KEY built last time.
cached() {
  local name=$1 key=$2 f ref got
  f=$(record_file "$name" "$key")
  [[ -f $f ]] || return 1
  ref=$(<"$f")
  got=$(registry_digest "$REGISTRY" "${name%%:*}" "${ref##*@}")
  if [[ $got != "${ref##*@}" ]]; then
    log "$REGISTRY/$name: recorded ${ref##*@} but the registry has ${got:-nothing}; rebuilding"
    return 1
  fi
  KEY_OF[$name]=$key
  log "$REGISTRY/$name: cached (key $key, ${ref##*@})"
}

# ref_of NAME: the repo:tag@digest of this run's NAME.
ref_of() { cat "$(record_file "$1" "${KEY_OF[$1]}")"; }

# publish NAME KEY T0: push the local image REGISTRY/NAME and record the digest the registry returned.
publish() {
  local name=$1 key=$2 t0=$3 f out digest got
  f=$(record_file "$name" "$key")
  rm -f "$f"
  log "$REGISTRY/$name: pushing..."
  out=$("$DOCKER" push "$REGISTRY/$name" 2>&1) || { printf '%s\n' "$out" >&2; die "docker push $REGISTRY/$name failed"; }
  digest=$(printf '%s\n' "$out" | grep -o 'digest: sha256:[0-9a-f]\{64\}' | tail -n 1 | cut -d' ' -f2)
  got=$(registry_digest "$REGISTRY" "${name%%:*}" "${name#*:}")
  [[ -n $digest ]] || digest=$got
  [[ -n $digest && $digest == "$got" ]] ||
    die "$REGISTRY/$name: push printed '${digest}' but the registry answers '${got}'"
  printf '%s\n' "$REGISTRY/$name@$digest" >"$f.tmp"
  mv -f "$f.tmp" "$f"
  KEY_OF[$name]=$key
  log "$REGISTRY/$name: pushed $digest ($(since "$t0"))"
}

write_index() {
  local out="$STATE/base-images.json" tmp name sep=''
  tmp=$(mktemp "$STATE/base-images.json.XXXXXX")
  {
    printf '{'
    for name in debian:bookworm-slim node:20-bookworm-slim golang:1.19-bookworm static:nonroot $PYTHON_NAME $RUST_NAME maven:3.8.7-openjdk-17; do
      [[ -n ${KEY_OF[$name]:-} ]] || continue
      printf '%s\n  "%s": "%s"' "$sep" "$name" "$(ref_of "$name")"
      sep=','
    done
    printf '\n}\n'
  } >"$tmp"
  chmod 644 "$tmp"
  mv -f "$tmp" "$out"
  log "base images recorded in $out"
}

# --- rootfs helpers ------------------------------------------------------------------------------

# Remove a rootfs, unmounting first whatever a failed debootstrap may have left mounted in it.
safe_rm() {
  local dir=$1 m
  [[ -e $dir ]] || return 0
  while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done < <(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
  rm -rf --one-file-system "$dir"
}

# debootstrap_rootfs DIR [debootstrap options]: a minbase Debian in DIR, slimmed like debian:*-slim.
debootstrap_rootfs() {
  local dir=$1
  shift
  # One download cache per rootfs: two debootstraps running at once must not share one.
  local cache="$DEBOOTSTRAP_CACHE/${dir##*/}"
  safe_rm "$dir"
  mkdir -p "$dir" "$cache"
  if ! debootstrap --variant=minbase --cache-dir="$cache" "$@" "$SUITE" "$dir" "$MIRROR" \
    >"$dir.log" 2>&1; then
    tail -n 30 "$dir.log" >&2
    die "debootstrap into $dir failed (full log: $dir.log)"
  fi
  # What the official images do: no caches, no package lists, no docs, apt that cleans after itself.
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/cache/apt/archives/partial/* \
    "$dir"/var/cache/apt/*.bin "$dir"/var/lib/apt/lists/* "$dir"/var/log/bootstrap.log \
    "$dir"/var/cache/debconf/*-old "$dir"/var/lib/dpkg/*-old
  mkdir -p "$dir/var/lib/apt/lists/partial"
  : >"$dir/etc/resolv.conf"
  : >"$dir/etc/hostname"
  find "$dir/usr/share/doc" -mindepth 1 -not -type d -not -name copyright -delete
  find "$dir/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$dir"/usr/share/info/* "$dir"/usr/share/man/* "$dir"/usr/share/locale/* \
    "$dir"/usr/share/groff/* "$dir"/usr/share/lintian/overrides/*
  cat >"$dir/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
# The "slim" variant: files normally unneeded in containers are excluded.
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
EOF
  cat >"$dir/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  echo 'Acquire::Languages "none";' >"$dir/etc/apt/apt.conf.d/docker-no-languages"
  echo 'Acquire::GzipIndexes "true";' >"$dir/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$dir/etc/apt/apt.conf.d/docker-autoremove-suggests"
}

# import_rootfs DIR IMAGE [--change ...]: tar the rootfs (no /dev, /proc, /sys content) into IMAGE.
import_rootfs() {
  local dir=$1 image=$2
  shift 2
  tar --numeric-owner -C "$dir" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf - . |
    "$DOCKER" import "$@" - "$image" >/dev/null
}

# Debian 12's interpreter and toolchain, named like the official images of the same versions.
PYTHON_VERSION=3.11.2
PYTHON_NAME=python:$PYTHON_VERSION-slim-bookworm
RUST_VERSION=1.63.0
RUST_NAME=rust:$RUST_VERSION-bookworm

STD_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# --- the images ----------------------------------------------------------------------------------

#@recipe pull
build_pulled() {
  local name=$1 src=$2 key t
  key=$(image_key pull pull "$REGISTRY" "$src")
  cached "$name" "$key" && return 0
  t=$(now)
  log "$REGISTRY/$name: pulling $src (DOCKWRIGHT_E2E_BASE_SOURCE=pull)..."
  "$DOCKER" pull -q "$src" >/dev/null
  "$DOCKER" tag "$src" "$REGISTRY/$name"
  publish "$name" "$key" "$t"
}
#@end

#@recipe node
# --- the node image's package managers -----------------------------------------------------------
# pnpm, yarn classic and yarn berry in /usr/local/lib/node_modules with links in /usr/local/bin, like
# the image's npm, unpacked from tarballs this machine's npm packs (it reaches the public registry,
# builds never do), kept in $STATE/npm-tarballs under the names npm-seed.ts gives them. No corepack:
# nothing is downloaded at build time. npm, pnpm and both yarns use the local registry (verdaccio,
# started by with-engine.sh) through files and variables of the image, so a build with
# --network=host installs from it with no change to the Dockerfile.
PNPM_VERSION=$E2E_PNPM_VERSION
YARN_VERSION=$E2E_YARN_VERSION
YARN_BERRY_VERSION=$E2E_YARN_BERRY_VERSION
NPM_REGISTRY_URL="http://127.0.0.1:${DOCKWRIGHT_E2E_NPM_PORT:-4873}/"
TARBALLS="$STATE/npm-tarballs"

# npm_tarball NAME VERSION: the path of NAME@VERSION's registry tarball, packed on first use.
npm_tarball() {
  local name=$1 version=$2 file tmp out
  file="$TARBALLS/$(node -p 'encodeURIComponent(process.argv[1])' "$name")@$version.tgz"
  if [[ ! -s $file ]]; then
    mkdir -p "$TARBALLS"
    tmp=$(mktemp -d "$TARBALLS/.pack-XXXXXX")
    if ! out=$(cd "$tmp" && npm pack --loglevel=error ${DOCKWRIGHT_E2E_NPM_UPSTREAM:+--registry "$DOCKWRIGHT_E2E_NPM_UPSTREAM"} "$name@$version" 2>&1 9>&-); then
      rm -rf "$tmp"
      printf '%s\n' "$out" >&2
      die "npm pack $name@$version failed (this machine's npm must reach a registry that has it)"
    fi
    mv "$tmp"/*.tgz "$file"
    rm -rf "$tmp"
  fi
  printf '%s\n' "$file"
}

PNPM_TGZ=$(npm_tarball pnpm "$PNPM_VERSION")
YARN_TGZ=$(npm_tarball yarn "$YARN_VERSION")
BERRY_TGZ=$(npm_tarball @yarnpkg/cli-dist "$YARN_BERRY_VERSION")
PM_KEY=$(cat "$PNPM_TGZ" "$YARN_TGZ" "$BERRY_TGZ" | sha256sum | cut -c1-16)

# pm_layer CTX: unpacks the package managers and their configuration into CTX and prints the
# Dockerfile lines that install them (appended to the node image's Dockerfile).
pm_layer() {
  local ctx=$1 d
  for d in pnpm yarn yarn-berry; do mkdir -p "$ctx/$d"; done
  tar -xzf "$PNPM_TGZ" -C "$ctx/pnpm" --strip-components=1 --no-same-owner
  tar -xzf "$YARN_TGZ" -C "$ctx/yarn" --strip-components=1 --no-same-owner
  tar -xzf "$BERRY_TGZ" -C "$ctx/yarn-berry" --strip-components=1 --no-same-owner
  chmod -R a+rX,go-w "$ctx/pnpm" "$ctx/yarn" "$ctx/yarn-berry"
  # npm and pnpm read $PREFIX/etc/npmrc (the "global" config; PREFIX is /usr/local, node's); so does
  # yarn classic, which also reads $PREFIX/etc/yarnrc. A project's or user's own .npmrc still wins.
  printf 'registry=%s\n' "$NPM_REGISTRY_URL" >"$ctx/npmrc"
  printf 'registry "%s"\n' "$NPM_REGISTRY_URL" >"$ctx/yarnrc"
  # Yarn berry reads no global file: its settings come as YARN_* variables (which outrank a
  # project's .yarnrc.yml). Yarn classic reads YARN_* variables as settings too: these mean nothing to it.
  cat <<EOF
ENV YARN_VERSION=$YARN_VERSION PNPM_VERSION=$PNPM_VERSION COREPACK_ENABLE_STRICT=0 \\
    YARN_NPM_REGISTRY_SERVER=${NPM_REGISTRY_URL%/} YARN_UNSAFE_HTTP_WHITELIST=127.0.0.1 YARN_ENABLE_TELEMETRY=0
COPY pnpm /usr/local/lib/node_modules/pnpm
COPY yarn /usr/local/lib/node_modules/yarn
COPY yarn-berry /usr/local/lib/node_modules/@yarnpkg/cli-dist
COPY npmrc /usr/local/etc/npmrc
COPY yarnrc /usr/local/etc/yarnrc
RUN ln -sf ../lib/node_modules/pnpm/bin/pnpm.cjs /usr/local/bin/pnpm \\
 && ln -sf ../lib/node_modules/pnpm/bin/pnpx.cjs /usr/local/bin/pnpx \\
 && ln -sf ../lib/node_modules/yarn/bin/yarn.js /usr/local/bin/yarn \\
 && ln -sf ../lib/node_modules/yarn/bin/yarn.js /usr/local/bin/yarnpkg \\
 && ln -sf ../lib/node_modules/@yarnpkg/cli-dist/bin/yarn.js /usr/local/bin/yarn-berry \\
 && test "\$(npm config get registry)" = $NPM_REGISTRY_URL \\
 && test "\$(pnpm --version)" = $PNPM_VERSION \\
 && test "\$(yarn --version)" = $YARN_VERSION \\
 && test "\$(cd /tmp && yarn-berry --version)" = $YARN_BERRY_VERSION
EOF
}

# build_node_image KEY FROM [NODE_BIN NPM_DIR]: the node image FROM a parent; with NODE_BIN and
# NPM_DIR, copies this machine's node and npm in first and adds the node user (the parent is our
# debian); without, the parent is the official node image and has them.
build_node_image() {
  local key=$1 from=$2 node_bin=${3:-} npm_dir=${4:-} t ctx
  t=$(now)
  ctx="$WORK/node-context"
  rm -rf "$ctx"
  mkdir -p "$ctx"
  {
    echo "FROM $from"
    if [[ -n $node_bin ]]; then
      cp "$node_bin" "$ctx/node"
      cp -a "$npm_dir" "$ctx/npm"
      # Node's headers where the official images have them (/usr/local/include/node), so node-gyp
      # builds native modules without downloading them: this machine's, for the same version.
      mkdir -p "$ctx/include"
      if [[ -f $NODE_HEADERS/common.gypi ]]; then cp -a "$NODE_HEADERS" "$ctx/include/node"; fi
      cat <<EOF
ENV NODE_VERSION=${NODE_VERSION#v}
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY include /usr/local/include
RUN groupadd --gid 1000 node \\
 && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
 && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && node --version && npm --version
EOF
    fi
    pm_layer "$ctx"
    echo 'CMD ["node"]'
  } >"$ctx/Dockerfile.tmp"
  mv "$ctx/Dockerfile.tmp" "$ctx/Dockerfile"
  if ! "$DOCKER" build --network=none --progress=plain -t "$REGISTRY/node:20-bookworm-slim" "$ctx" \
    >"$WORK/node-build.log" 2>&1; then
    tail -n 30 "$WORK/node-build.log" >&2
    die "building $REGISTRY/node:20-bookworm-slim failed (full log: $WORK/node-build.log)"
  fi
  rm -rf "$ctx"
  publish node:20-bookworm-slim "$key" "$t"
}
#@end

#@recipe pull
if [[ $SOURCE == pull ]]; then
  log "base images: pulling the official images (no debootstrap on this host)"
  build_pulled debian:bookworm-slim docker.io/library/debian:bookworm-slim
  # The official node image, plus the same package managers and registry configuration.
  NODE_SRC=docker.io/library/node:20-bookworm-slim
  NODE_KEY=$(image_key "pull node" pull "$REGISTRY" "$NODE_SRC" "$PM_KEY" "$NPM_REGISTRY_URL")
  if ! cached node:20-bookworm-slim "$NODE_KEY"; then
    log "$REGISTRY/node:20-bookworm-slim: pulling $NODE_SRC, adding pnpm $PNPM_VERSION, yarn $YARN_VERSION, yarn berry $YARN_BERRY_VERSION..."
    "$DOCKER" pull -q "$NODE_SRC" >/dev/null
    NODE_VERSION=''
    NODE_HEADERS=''
    build_node_image "$NODE_KEY" "$NODE_SRC"
  fi
  build_pulled golang:1.19-bookworm docker.io/library/golang:1.19-bookworm
  build_pulled static:nonroot gcr.io/distroless/static-debian12:nonroot
  build_pulled "$PYTHON_NAME" "docker.io/library/$PYTHON_NAME"
  build_pulled "$RUST_NAME" "docker.io/library/$RUST_NAME"
  build_pulled maven:3.8.7-openjdk-17 docker.io/library/maven:3.8.7-eclipse-temurin-17
  write_index
  exit 0
fi
#@end
[[ $SOURCE == debootstrap ]] || die "DOCKWRIGHT_E2E_BASE_SOURCE must be auto, debootstrap or pull, not '$SOURCE'"

ARCH=$(dpkg --print-architecture)
MIRROR=${DOCKWRIGHT_E2E_MIRROR:-$(apt_mirror)}
T_ALL=$(now)
log "base images: mirror $MIRROR, $SUITE/$ARCH"

# golang, python and rust are debootstrapped in the background while debian and node build.
declare -A BG_PID=() BG_T0=()
stop_bg() {
  local p
  for p in "${BG_PID[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
}
trap stop_bg EXIT

# rootfs_bg NAME IMAGE PACKAGES: debootstrap --include=PACKAGES into $WORK/rootfs-NAME, in the background.
rootfs_bg() {
  local name=$1 image=$2 packages=$3
  apt_ensure debootstrap=debootstrap
  BG_T0[$name]=$(now)
  log "$REGISTRY/$image: debootstrap --include=$packages (in the background)..."
  debootstrap_rootfs "$WORK/rootfs-$name" --include="$packages" &
  BG_PID[$name]=$!
}

# rootfs_wait NAME IMAGE: waits for rootfs_bg NAME to fill $WORK/rootfs-NAME.
rootfs_wait() {
  wait "${BG_PID[$1]}" || die "debootstrap for $1 failed"
  unset "BG_PID[$1]"
  log "$REGISTRY/$2: debootstrap done ($(since "${BG_T0[$1]}")); importing..."
}

# debian_version DIR PACKAGE: the upstream version of PACKAGE installed in the rootfs DIR (3.11.2).
debian_version() {
  dpkg-query --admindir="$1/var/lib/dpkg" -W -f '${Version}' "$2" | sed 's/^[0-9]*://; s/[+~-].*$//'
}

# debootstrapped_key NAME: the key of the debootstrapped image NAME: its recipe, the mirror, the suite.
debootstrapped_key() { image_key "$1" "$1" "$REGISTRY" "$MIRROR" "$SUITE" "$ARCH"; }

#@recipe golang
GOLANG_KEY=$(debootstrapped_key golang)
need_golang=1
cached golang:1.19-bookworm "$GOLANG_KEY" && need_golang=0
if ((need_golang)); then rootfs_bg golang golang:1.19-bookworm golang-1.19-go,ca-certificates; fi
#@end

#@recipe python
# python3-pip as the official image has pip (and its setuptools and wheel, as Python 3.11's has).
PYTHON_PACKAGES=python3,python3-venv,python3-pip,ca-certificates
PYTHON_KEY=$(debootstrapped_key python)
need_python=1
cached "$PYTHON_NAME" "$PYTHON_KEY" && need_python=0
if ((need_python)); then rootfs_bg python "$PYTHON_NAME" "$PYTHON_PACKAGES"; fi
#@end

#@recipe rust
RUST_KEY=$(debootstrapped_key rust)
need_rust=1
cached "$RUST_NAME" "$RUST_KEY" && need_rust=0
if ((need_rust)); then rootfs_bg rust "$RUST_NAME" rustc,cargo,libc6-dev,ca-certificates; fi
#@end

#@recipe debian
# debian:bookworm-slim
DEBIAN_KEY=$(debootstrapped_key debian)
if ! cached debian:bookworm-slim "$DEBIAN_KEY"; then
  apt_ensure debootstrap=debootstrap
  t=$(now)
  log "$REGISTRY/debian:bookworm-slim: debootstrap --variant=minbase $SUITE $MIRROR..."
  debootstrap_rootfs "$WORK/rootfs-debian"
  log "$REGISTRY/debian:bookworm-slim: debootstrap done ($(since "$t")); importing..."
  import_rootfs "$WORK/rootfs-debian" "$REGISTRY/debian:bookworm-slim" \
    --change "ENV PATH=$STD_PATH" --change 'CMD ["bash"]'
  safe_rm "$WORK/rootfs-debian"
  publish debian:bookworm-slim "$DEBIAN_KEY" "$t"
fi
#@end
DEBIAN_REF=$(ref_of debian:bookworm-slim)

#@recipe node
# node:20-bookworm-slim: FROM that debian, this machine's node and npm, and the package managers.
NODE_BIN=$(readlink -f "$(command -v node)")
NODE_VERSION=$("$NODE_BIN" --version)
NPM_DIR="$(npm root -g 2>/dev/null)/npm"
[[ -f $NPM_DIR/package.json ]] || NPM_DIR=/usr/lib/node_modules/npm
[[ -f $NPM_DIR/package.json ]] || die "cannot find npm's package directory (npm root -g)"
NPM_VERSION=$(node -p 'require(process.argv[1]).version' "$NPM_DIR/package.json")
# Node's headers (Debian's nodejs package and the official tarballs ship them beside the binary).
NODE_HEADERS=$(dirname "$(dirname "$NODE_BIN")")/include/node
[[ -f $NODE_HEADERS/common.gypi ]] || NODE_HEADERS=/usr/include/node
[[ -f $NODE_HEADERS/common.gypi ]] || log "WARNING: no Node headers found: node-gyp builds in the node image will need to download them"
NODE_KEY=$(image_key node node "$DEBIAN_REF" "$NODE_VERSION" "$(stat -c %s "$NODE_BIN")" "$NPM_VERSION" \
  "$PM_KEY" "$NPM_REGISTRY_URL")
if ! cached node:20-bookworm-slim "$NODE_KEY"; then
  case $NODE_VERSION in v20.*) ;; *) log "WARNING: this machine's node is $NODE_VERSION, not 20; node:20-bookworm-slim gets it anyway" ;; esac
  log "$REGISTRY/node:20-bookworm-slim: node $NODE_VERSION ($NODE_BIN), npm $NPM_VERSION ($NPM_DIR), pnpm $PNPM_VERSION, yarn $YARN_VERSION, yarn berry $YARN_BERRY_VERSION..."
  build_node_image "$NODE_KEY" "$DEBIAN_REF" "$NODE_BIN" "$NPM_DIR"
fi
#@end

#@recipe golang
# golang:1.19-bookworm
if ((need_golang)); then
  rootfs_wait golang golang:1.19-bookworm
  dir="$WORK/rootfs-golang"
  goroot=$(cd "$dir" && ls -d usr/lib/go-1.19 2>/dev/null) || die "golang-1.19-go is not in $dir/usr/lib/go-1.19"
  ln -sfn "/$goroot" "$dir/usr/local/go"
  ln -sfn "/$goroot/bin/go" "$dir/usr/local/bin/go"
  ln -sfn "/$goroot/bin/gofmt" "$dir/usr/local/bin/gofmt"
  mkdir -p "$dir/go/src" "$dir/go/bin"
  chmod -R 1777 "$dir/go"
  go_version=$(sed -n 's/^go\([0-9.]*\).*/\1/p' "$dir/$goroot/VERSION" | head -n 1)
  import_rootfs "$dir" "$REGISTRY/golang:1.19-bookworm" \
    --change "ENV PATH=/go/bin:/usr/local/go/bin:$STD_PATH" --change 'ENV GOPATH=/go' \
    --change "ENV GOLANG_VERSION=${go_version:-1.19}" --change 'WORKDIR /go' --change 'CMD ["bash"]'
  safe_rm "$dir"
  publish golang:1.19-bookworm "$GOLANG_KEY" "${BG_T0[golang]}"
fi
#@end
GOLANG_REF=$(ref_of golang:1.19-bookworm)

#@recipe static
# static:nonroot: distroless-like; CA certificates and zoneinfo from the golang image (Debian's).
STATIC_KEY=$(image_key static static "$GOLANG_REF")
if ! cached static:nonroot "$STATIC_KEY"; then
  t=$(now)
  log "$REGISTRY/static:nonroot: assembling a distroless-like rootfs..."
  dir="$WORK/rootfs-static"
  safe_rm "$dir"
  mkdir -p "$dir"/{etc/ssl/certs,usr/share,tmp,root,home/nonroot,var/lib}
  cid=$("$DOCKER" create --network=none "$GOLANG_REF" true)
  trap 'stop_bg; "$DOCKER" rm -f "$cid" >/dev/null 2>&1 || true' EXIT
  "$DOCKER" cp "$cid:/etc/ssl/certs/ca-certificates.crt" "$dir/etc/ssl/certs/ca-certificates.crt"
  "$DOCKER" cp "$cid:/usr/share/zoneinfo" "$dir/usr/share/zoneinfo"
  "$DOCKER" rm "$cid" >/dev/null
  trap stop_bg EXIT
  [[ -s $dir/etc/ssl/certs/ca-certificates.crt && -e $dir/usr/share/zoneinfo/UTC ]] ||
    die "static:nonroot: CA certificates or zoneinfo missing from $GOLANG_REF"
  cat >"$dir/etc/os-release" <<'EOF'
PRETTY_NAME="Distroless-like static (Dockwright e2e)"
NAME="Debian GNU/Linux"
ID="debian"
VERSION_ID="12"
VERSION_CODENAME=bookworm
EOF
  cat >"$dir/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
  cat >"$dir/etc/group" <<'EOF'
root:x:0:
nobody:x:65534:
tty:x:5:
staff:x:50:
nonroot:x:65532:
EOF
  echo 'hosts: files dns' >"$dir/etc/nsswitch.conf"
  chown -R 0:0 "$dir"
  chmod 644 "$dir/etc/passwd" "$dir/etc/group" "$dir/etc/nsswitch.conf" "$dir/etc/os-release"
  chmod 1777 "$dir/tmp"
  chmod 700 "$dir/root" "$dir/home/nonroot"
  chown 65532:65532 "$dir/home/nonroot"
  import_rootfs "$dir" "$REGISTRY/static:nonroot" \
    --change "ENV PATH=$STD_PATH" --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
    --change 'USER 65532:65532' --change 'WORKDIR /home/nonroot'
  safe_rm "$dir"
  publish static:nonroot "$STATIC_KEY" "$t"
fi
#@end

#@recipe python
# python:3.11.2-slim-bookworm: `python` and `python3` in /usr/local/bin like the official image (the
# preset runs `python -m venv`); no gcc, so stdlib-only or wheel-only requirements. pip, pip3 and
# pip3.11 there too, and no EXTERNALLY-MANAGED marker (PEP 668): the official image's interpreter is
# not the distribution's, so `python -m pip install` as root installs system-wide, as docker
# init's Python template does. dpkg leaves the marker out if libpython3.11-stdlib is reinstalled.
if ((need_python)); then
  rootfs_wait python "$PYTHON_NAME"
  dir="$WORK/rootfs-python"
  got=$(debian_version "$dir" python3)
  [[ $got == "$PYTHON_VERSION" ]] || die "$PYTHON_NAME: Debian's python3 is $got, not $PYTHON_VERSION: rename the image"
  [[ -x $dir/usr/bin/pip3 ]] || die "$PYTHON_NAME: python3-pip left no /usr/bin/pip3 in the rootfs"
  ln -sfn /usr/bin/python3 "$dir/usr/local/bin/python"
  ln -sfn /usr/bin/python3 "$dir/usr/local/bin/python3"
  for pip in pip pip3 "pip${PYTHON_VERSION%.*}"; do ln -sfn /usr/bin/pip3 "$dir/usr/local/bin/$pip"; done
  rm -f "$dir"/usr/lib/python3*/EXTERNALLY-MANAGED
  echo 'path-exclude /usr/lib/python3*/EXTERNALLY-MANAGED' >"$dir/etc/dpkg/dpkg.cfg.d/python-not-externally-managed"
  [[ -z $(find "$dir/usr/lib" -maxdepth 2 -name EXTERNALLY-MANAGED -print -quit) ]] ||
    die "$PYTHON_NAME: an EXTERNALLY-MANAGED marker is left in $dir/usr/lib"
  import_rootfs "$dir" "$REGISTRY/$PYTHON_NAME" \
    --change "ENV PATH=$STD_PATH" --change "ENV PYTHON_VERSION=$PYTHON_VERSION" --change 'CMD ["python3"]'
  safe_rm "$dir"
  publish "$PYTHON_NAME" "$PYTHON_KEY" "${BG_T0[python]}"
fi
#@end

#@recipe rust
# rust:1.63.0-bookworm: cargo's home where the official image has it (the preset's cache mounts
# name /usr/local/cargo/registry), libc6-dev for `-C target-feature=+crt-static`.
if ((need_rust)); then
  rootfs_wait rust "$RUST_NAME"
  dir="$WORK/rootfs-rust"
  got=$(debian_version "$dir" rustc)
  [[ $got == "$RUST_VERSION" ]] || die "$RUST_NAME: Debian's rustc is $got, not $RUST_VERSION: rename the image"
  [[ -f $dir/usr/lib/x86_64-linux-gnu/libc.a || -n $(find "$dir/usr/lib" -name libc.a -print -quit) ]] ||
    die "$RUST_NAME: no libc.a (libc6-dev) in the rootfs: static glibc linking would fail"
  mkdir -p "$dir/usr/local/cargo/bin"
  chmod -R 1777 "$dir/usr/local/cargo"
  import_rootfs "$dir" "$REGISTRY/$RUST_NAME" \
    --change "ENV PATH=/usr/local/cargo/bin:$STD_PATH" --change 'ENV CARGO_HOME=/usr/local/cargo' \
    --change "ENV RUST_VERSION=$RUST_VERSION" --change 'CMD ["bash"]'
  safe_rm "$dir"
  publish "$RUST_NAME" "$RUST_KEY" "${BG_T0[rust]}"
fi
#@end

#@recipe maven
# maven:3.8.7-openjdk-17: Debian's JDK and Maven. The Maven plugins a jar build runs (and
# dependency:resolve) are Debian packages, installed into /usr/share/maven-repo; the global
# settings mirror every repository to it, so a Dockerfile's plain `mvn` resolves into its
# /root/.m2 cache mount as it would from Maven Central.
MAVEN_PACKAGES=openjdk-17-jdk-headless,binutils,maven,ca-certificates,libmaven-compiler-plugin-java,libmaven-resources-plugin-java,libmaven-jar-plugin-java,libsurefire-java,libmaven-install-plugin-java,libmaven-dependency-plugin-java
MAVEN_KEY=$(debootstrapped_key maven)
if ! cached maven:3.8.7-openjdk-17 "$MAVEN_KEY"; then
  apt_ensure debootstrap=debootstrap
  t=$(now)
  log "$REGISTRY/maven:3.8.7-openjdk-17: debootstrap --include=$MAVEN_PACKAGES..."
  dir="$WORK/rootfs-maven"
  debootstrap_rootfs "$dir" --include="$MAVEN_PACKAGES"
  jhome=$(cd "$dir" && ls -d usr/lib/jvm/java-17-openjdk-* 2>/dev/null | head -n 1) || true
  [[ -n $jhome && -x $dir/$jhome/bin/jlink && -d $dir/$jhome/jmods ]] || die "openjdk-17-jdk-headless (jlink, jmods) is not in $dir/usr/lib/jvm"
  [[ -d $dir/usr/share/maven-repo/org/apache/maven/plugins/maven-compiler-plugin ]] || die "Debian's Maven plugins are not in $dir/usr/share/maven-repo"
  cat >"$dir/etc/maven/settings.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!-- Dockwright e2e: every repository comes from Debian's packaged one; nothing reaches the network. -->
<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
  <mirrors>
    <mirror><id>debian</id><mirrorOf>*</mirrorOf><url>file:///usr/share/maven-repo</url></mirror>
  </mirrors>
</settings>
EOF
  import_rootfs "$dir" "$REGISTRY/maven:3.8.7-openjdk-17" \
    --change "ENV JAVA_HOME=/$jhome" --change "ENV MAVEN_HOME=/usr/share/maven" \
    --change "ENV PATH=/$jhome/bin:$STD_PATH" --change 'CMD ["bash"]'
  safe_rm "$dir"
  publish maven:3.8.7-openjdk-17 "$MAVEN_KEY" "$t"
fi
#@end

write_index
log "base images ready ($(since "$T_ALL"))"
