import type { ImageRef } from '../ast/image.js';
import { textToDisplay } from '../ast/text.js';
import type { DockwrightIssue } from '../errors/issue.js';
import { issue } from '../errors/issue.js';
import { fromArgNotHandle, fromArgTag, fromArgWithoutDefault } from '../rules/images/from-arg-default.js';
import { imageDigest } from '../rules/images/image-digest.js';
import { imageLatestTag } from '../rules/images/image-latest-tag.js';
import { imageName, imageReference, imageTemplateShape } from '../rules/images/image-reference.js';
import { imageWithoutTag } from '../rules/images/image-without-tag.js';
import { toIssue, type Problem } from '../rules/rule.js';
import { splitImageRef } from '../images/image-name.js';
import { isTextInput, spec, wrongArgument } from '../validate/arguments.js';
import { checkLine } from '../validate/text.js';
import type { CheckDigest, CheckImageRef } from './type-checks.js';
import type { Arg, TemplateWithVars } from './variables.js';

/**
 * An image in a registry, as a value. Images are immutable: `pinDigest()` returns a new image.
 */
export interface Image {
  readonly kind: 'Image';
  readonly ref: ImageRef;
  /** Args the reference uses (they become global ARGs). */
  readonly args: readonly Arg[];
  /** Problems found in the reference; reported when the image is used in a Dockerfile. */
  readonly issues: readonly DockwrightIssue[];
  /**
   * Pins the image by digest; renders `name:tag@sha256:...`, keeping the tag for Renovate.
   *
   * @example
   * ```ts
   * image('node:22.11-bookworm-slim').pinDigest('sha256:5f4b...');
   * ```
   */
  pinDigest<D extends string>(digest: D & CheckDigest<D>): Image;
  /**
   * Without an argument: the same as `locked()`, the digest comes from `dockwright.lock.yaml`.
   *
   * @example
   * ```ts
   * image('node:22.11-bookworm-slim').pinDigest(); // node:22.11-bookworm-slim@<digest from the lockfile>
   * ```
   */
  pinDigest(): Image;
  /**
   * Takes the digest from the lockfile, `dockwright.lock.yaml`, which `dockwright lock` writes from
   * the registry: renders `name:tag@sha256:...` once resolved, and the final stage built on it gets
   * the OCI labels `org.opencontainers.image.base.name` and `.base.digest`. Needs a literal tag.
   *
   * @example
   * ```ts
   * const node = image('node:22.11-bookworm-slim').locked();
   * ```
   */
  locked(): Image;
  /** The reference as text, `name:tag@digest`. */
  toString(): string;
}

/** The empty base image, for `from(scratch)`. */
export interface Scratch {
  readonly kind: 'Scratch';
}

/**
 * The empty base image: nothing in it, not even a shell.
 *
 * @example
 * ```ts
 * stage('runtime').from(scratch).copy(build, '/out/app', '/app').user('65532:65532');
 * ```
 */
export const scratch: Scratch = Object.freeze({ kind: 'Scratch' });

const AT_FROM = { instruction: 'FROM' } as const;

// The rule modules decide; the builder places what they find at FROM.
function atFrom(...found: readonly (Problem | undefined)[]): DockwrightIssue[] {
  return found.filter((p): p is Problem => p !== undefined).map((p) => toIssue(p, AT_FROM));
}

function digestIssues(digest: string): DockwrightIssue[] {
  return atFrom(imageDigest(digest));
}

/**
 * Why an image cannot take its digest from the lockfile: its tag uses ARGs (the digest would not
 * follow a changed ARG), it has no tag to look up, or it is pinned already.
 */
export function lockIssues(ref: ImageRef, instruction: string): DockwrightIssue[] {
  const path = { instruction };
  if (ref.name === 'invalid') return [];
  if (ref.digest !== undefined) {
    return [issue('DW1012', `image ${ref.name} is pinned by digest already and cannot also be locked`, 'drop the digest to take it from the lockfile, or drop .locked()', path)];
  }
  if (ref.tag === undefined) return [issue('DW1012', `image ${ref.name} has no tag to lock`, "give it a tag: image('node:22.11-bookworm-slim').locked()", path)];
  if (typeof ref.tag !== 'string') {
    return [issue('DW1012', `image ${ref.name}:${textToDisplay(ref.tag)} uses ARGs in its tag, so one locked digest cannot match it`, 'lock images with a literal tag, or pin this one by hand with .pinDigest(\'sha256:...\')', path)];
  }
  return [];
}

function makeImage(ref: ImageRef, args: readonly Arg[], issues: readonly DockwrightIssue[]): Image {
  const value: Image = {
    kind: 'Image',
    ref,
    args,
    issues,
    pinDigest(digest?: string): Image {
      if (digest === undefined) return value.locked();
      if (typeof digest !== 'string') return makeImage(ref, args, [...issues, wrongArgument('pinDigest()', 'the digest', spec.string, digest, AT_FROM)]);
      return makeImage(Object.freeze({ ...ref, digest }), args, [...issues, ...digestIssues(digest)]);
    },
    locked(): Image {
      return makeImage(Object.freeze({ ...ref, locked: true }), args, [...issues, ...lockIssues(ref, 'FROM')]);
    },
    toString(): string {
      const tag = ref.tag === undefined ? '' : `:${textToDisplay(ref.tag)}`;
      return `${ref.name}${tag}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
    },
  } as Image;
  return Object.freeze(value);
}

function parseLiteral(ref: string): Image {
  const line = checkLine(ref, 'image reference', { instruction: 'FROM' });
  if (line !== undefined) return makeImage(Object.freeze({ kind: 'ImageRef', name: 'invalid' }), [], [line]);
  const parts = splitImageRef(ref);
  const issues: DockwrightIssue[] = atFrom(...imageReference(ref), imageLatestTag(ref), imageWithoutTag(ref));
  if (parts.digest !== undefined) issues.push(...digestIssues(parts.digest));
  const node: ImageRef = Object.freeze({
    kind: 'ImageRef',
    name: parts.name,
    ...(parts.tag === undefined ? {} : { tag: parts.tag }),
    ...(parts.digest === undefined ? {} : { digest: parts.digest }),
  });
  return makeImage(node, [], issues);
}

function parseTemplate(ref: TemplateWithVars): Image {
  // The name must be literal; ARGs may only appear in the tag: tpl`node:${version}-slim`.
  const first = ref.parts[0];
  const colon = typeof first === 'string' ? first.lastIndexOf(':') : -1;
  if (typeof first !== 'string' || colon < 0 || first.slice(0, colon).includes('@')) {
    return makeImage(Object.freeze({ kind: 'ImageRef', name: 'invalid' }), [], atFrom(imageTemplateShape()));
  }
  const name = first.slice(0, colon);
  const tagParts = [first.slice(colon + 1), ...ref.parts.slice(1)].filter((p) => p !== '');
  const args = ref.variables.filter((v): v is Arg => v.kind === 'Arg');
  const issues: DockwrightIssue[] = atFrom(imageName(name), args.length !== ref.variables.length ? fromArgNotHandle() : undefined);
  // What BuildKit would pull with the defaults must itself be a valid, pinned reference.
  const resolved = tagParts.map((p) => (typeof p === 'string' ? p : (args.find((a) => a.name === p.name)?.default ?? ''))).join('');
  for (const a of args) if (a.default === undefined) issues.push(...atFrom(fromArgWithoutDefault(a.name)));
  issues.push(...atFrom(fromArgTag(name, resolved)));
  const node: ImageRef = Object.freeze({ kind: 'ImageRef', name, tag: Object.freeze({ kind: 'Template', parts: Object.freeze(tagParts) }) });
  return makeImage(node, args, issues);
}

/**
 * An image reference as a value. A literal without a tag, or with `:latest`, does not type-check;
 * other strings are checked when the Dockerfile is built.
 *
 * @example
 * ```ts
 * const node = image('node:22.11-bookworm-slim').pinDigest('sha256:5f4b...');
 * const custom = image(tpl`node:${nodeVersion}-bookworm-slim`);
 * ```
 */
export function image<S extends string>(ref: S & CheckImageRef<S>): Image;
export function image(ref: TemplateWithVars): Image;
export function image(ref: string | TemplateWithVars): Image {
  if (typeof ref === 'string') return parseLiteral(ref);
  if (!isTextInput(ref) || (ref as { kind: string }).kind !== 'Template') {
    const wrong = wrongArgument('image()', 'the reference', { what: 'a string such as node:22.11-bookworm-slim, or a tpl`...` template', test: () => false }, ref, AT_FROM);
    return makeImage(Object.freeze({ kind: 'ImageRef', name: 'invalid' }), [], [wrong]);
  }
  return parseTemplate({ ...ref, variables: ref.variables ?? [] });
}

/** True for an Image value. */
export function isImage(value: unknown): value is Image {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Image';
}
