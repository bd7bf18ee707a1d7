// The playground's state in the URL: JSON, deflated (CompressionStream, in browsers and Node
// alike) and base64url-encoded after `#`, so a link reproduces the page and nothing of it is sent
// to a server.

/** Everything a link reproduces. */
export interface PlaygroundState {
  readonly tab: 'program' | 'dockerfile';
  /** The TypeScript program. */
  readonly code: string;
  /** The in-page project, in the files format (see project-files.ts). */
  readonly files: string;
  /** The program's directory in the project. */
  readonly dir: string;
  /** The Dockerfile of the Dockerfile tab. */
  readonly dockerfile: string;
}

const PREFIX = 'v1.';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The URL fragment (without `#`) that holds a state.
 *
 * @example
 * ```ts
 * location.hash = await encodeState(state); // '#v1.q1YqS8...'
 * ```
 */
export async function encodeState(state: PlaygroundState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/**
 * The state in a URL fragment, or undefined when it holds none or is damaged (a link cut short).
 * Missing fields take their defaults, so older links keep working.
 *
 * @example
 * ```ts
 * const state = await decodeState(location.hash.slice(1), defaults);
 * ```
 */
export async function decodeState(fragment: string, defaults: PlaygroundState): Promise<PlaygroundState | undefined> {
  if (!fragment.startsWith(PREFIX)) return undefined;
  try {
    const json = new TextDecoder().decode(await pipe(fromBase64Url(fragment.slice(PREFIX.length)), new DecompressionStream('deflate-raw')));
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    const text = (key: keyof PlaygroundState) => (typeof v[key] === 'string' ? (v[key] as string) : defaults[key]);
    return { tab: v['tab'] === 'dockerfile' ? 'dockerfile' : 'program', code: text('code'), files: text('files'), dir: text('dir'), dockerfile: text('dockerfile') };
  } catch {
    return undefined;
  }
}
