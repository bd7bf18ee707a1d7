// A stand-in docker client for the unit suite, which runs without an engine: it answers
// `buildx version` as told, and a build by printing BuildKit-like plain progress, recording its
// arguments and writing the image id. The real engine runs the same paths in e2e/build.e2e.test.ts.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnCleanup } from './cli.js';

export interface FakeDocker {
  /** The script: give it as DOCKWRIGHT_DOCKER. */
  readonly client: string;
  /** Every call, one line of arguments each, in order (`start <args>` and `end <tag>` for builds). */
  calls(): string[];
}

/**
 * A fake client, removed by cleanup() of support/cli.ts. `buildx`: whether `docker buildx version` succeeds. A build whose tags include
 * one in `failing` fails with an engine-like error; each build takes `seconds`.
 */
export function fakeDocker(options: { readonly buildx?: boolean; readonly failing?: readonly string[]; readonly seconds?: number } = {}): FakeDocker {
  const dir = mkdtempSync(join(tmpdir(), 'dockwright-fake-docker-'));
  // Removed with the test file's projects by cleanup(), in its afterAll.
  removeOnCleanup(dir);
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  const client = join(dir, 'docker');
  const failing = (options.failing ?? []).join(' ');
  writeFileSync(
    client,
    `#!/bin/sh
log='${log}'
if [ "$1" = buildx ] && [ "$2" = version ]; then ${options.buildx === true ? 'echo "github.com/docker/buildx v0.12.0"; exit 0' : 'echo "docker: unknown command: docker buildx" >&2; exit 1'}; fi
if [ "$1" = version ]; then echo 20.10.24; exit 0; fi
if [ "$1" = push ]; then echo "push $2" >> "$log"; echo "$2: digest: sha256:$(printf '%064d' 7) size: 528"; exit 0; fi
if [ "$1" = buildx ]; then shift; fi
if [ "$1" != build ]; then echo "unexpected: $*" >&2; exit 3; fi
iid=''; tag=''; prev=''
for a in "$@"; do
  [ "$prev" = --iidfile ] && iid="$a"
  [ "$prev" = -t ] && [ -z "$tag" ] && tag="$a"
  prev="$a"
done
echo "start $tag $*" >> "$log"
echo "#1 [internal] load build definition from Dockerfile"
echo "#1 DONE 0.0s"
echo "#2 [deps 1/2] RUN install"
echo "#2 CACHED"
sleep ${options.seconds ?? 0.2}
for f in ${failing}; do
  if [ "$f" = "$tag" ]; then
    echo "#3 [app 2/2] RUN make"
    echo "#3 0.101 make: *** No rule to make target 'all'.  Stop."
    echo "#3 ERROR: process \\"/bin/sh -c make\\" did not complete successfully: exit code: 2"
    echo "error: failed to solve: process \\"/bin/sh -c make\\" did not complete successfully: exit code: 2" >&2
    echo "end $tag failed" >> "$log"
    exit 1
  fi
done
echo "#3 [app 2/2] COPY . ."
echo "#3 DONE 0.1s"
[ -n "$iid" ] && printf 'sha256:%064d' 1 > "$iid"
echo "end $tag" >> "$log"
exit 0
`,
  );
  chmodSync(client, 0o755);
  return { client, calls: () => readFileSync(log, 'utf8').split('\n').filter((l) => l !== '') };
}
