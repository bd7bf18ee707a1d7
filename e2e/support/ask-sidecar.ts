// Asking a server inside a container that has no HTTP client (scratch): a second container in the
// same network namespace asks it with the Python base image's urllib. No network leaves either.
import { baseImage, docker } from './docker.js';

const ASK = ['import sys, urllib.request', 'r = urllib.request.urlopen(sys.argv[1], timeout=5)', 'sys.stdout.write(r.read().decode())'].join('\n');

/**
 * Starts `tag` with `--network=none`, asks `http://127.0.0.1:<port><path>` from a sidecar in its
 * network namespace until it answers (30 s), removes the container, and returns the JSON body.
 *
 * @example
 * ```ts
 * const body = await askFromSidecar('dockwright-e2e/rust:1', 8080); // { ok: true, uid: 65532, ... }
 * ```
 */
export async function askFromSidecar(tag: string, port: number, path = '/health'): Promise<Record<string, unknown>> {
  const started = await docker(['run', '-d', '--network=none', tag]);
  if (started.code !== 0) throw new Error(`docker run ${tag} failed: ${started.stderr}`);
  const id = started.stdout.trim();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const r = await docker(['run', '--rm', `--network=container:${id}`, baseImage('python:3.11.2-slim-bookworm'), 'python3', '-c', ASK, `http://127.0.0.1:${port}${path}`], { timeoutMs: 30_000 });
      if (r.code === 0) return JSON.parse(r.stdout) as Record<string, unknown>;
      const state = await docker(['inspect', '-f', '{{.State.Running}}', id]);
      if (state.stdout.trim() !== 'true' || Date.now() > deadline) {
        const logs = await docker(['logs', id]);
        throw new Error(`${tag} did not answer on ${port} (${r.stderr.trim()}); its output:\n${logs.stdout}${logs.stderr}`);
      }
      await new Promise((r2) => setTimeout(r2, 500));
    }
  } finally {
    await docker(['rm', '-f', id]);
  }
}
