/**
 * A type that reads as a sentence in the editor when a call is refused at compile time, e.g.
 * `Argument of type '"node:latest"' is not assignable to parameter of type 'DockwrightTypeError<"...">'`.
 */
export interface DockwrightTypeError<Message extends string> {
  readonly 'dockwright error': Message;
}

type LastSegment<S extends string> = S extends `${string}/${infer Rest}` ? LastSegment<Rest> : S;

/** Refuses untagged and `:latest` image literals; any non-literal string is checked at run time. */
export type CheckImageRef<S extends string> = string extends S
  ? unknown
  : S extends `${string}:latest` | `${string}:latest@${string}`
    ? DockwrightTypeError<'the tag "latest" floats: pin a version, e.g. node:22.11-bookworm-slim'>
    : S extends `${string}@sha256:${string}`
      ? unknown
      : LastSegment<S> extends `${string}:${string}`
        ? unknown
        : DockwrightTypeError<'an image needs a tag: write name:tag, e.g. node:22.11-bookworm-slim'>;

/** Refuses digests that do not start with `sha256:`. */
export type CheckDigest<S extends string> = string extends S
  ? unknown
  : S extends `sha256:${string}`
    ? unknown
    : DockwrightTypeError<'a digest is sha256: followed by 64 hex digits'>;

/** Refuses upper-case and reserved stage names. */
export type CheckStageName<S extends string> = string extends S
  ? unknown
  : S extends 'scratch' | 'context'
    ? DockwrightTypeError<'"scratch" and "context" are reserved stage names'>
    : S extends Lowercase<S>
      ? S extends ''
        ? DockwrightTypeError<'a stage needs a name'>
        : unknown
      : DockwrightTypeError<'stage names are lowercase'>;

/** Refuses relative paths where an absolute one is required (WORKDIR). */
export type CheckAbsolutePath<S extends string> = string extends S
  ? unknown
  : S extends `/${string}`
    ? unknown
    : DockwrightTypeError<'WORKDIR must be absolute, e.g. /app'>;

type DurationUnit = 'ns' | 'us' | 'ms' | 's' | 'm' | 'h';
type DurationPart = `${number}${DurationUnit}`;
/** A Go duration as HEALTHCHECK reads it: `30s`, `1m30s`, `500ms`. */
export type Duration = DurationPart | `${DurationPart}${DurationPart}` | `${DurationPart}${DurationPart}${DurationPart}`;

/** A port, or `port/protocol` with a lowercase protocol. */
export type PortSpec = number | `${number}` | `${number}/${'tcp' | 'udp' | 'sctp'}`;

/** The user specs that mean root; `user()` with one of these keeps the stage marked as root. */
export type RootUser = 0 | '0' | 'root' | `root:${string}` | `0:${string}`;
