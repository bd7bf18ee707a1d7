/** What a flag takes: a value, a boolean (bare or `=true|false`), or a repeatable value. */
export type FlagKind = 'value' | 'bool' | 'repeat';

/** The flags BuildKit accepts on each instruction; instructions not listed take none. */
export const instructionFlags: Readonly<Record<string, Readonly<Record<string, FlagKind>>>> = {
  FROM: { platform: 'value' },
  RUN: { mount: 'repeat', network: 'value', security: 'value', device: 'repeat' },
  COPY: { from: 'value', chown: 'value', chmod: 'value', link: 'bool', parents: 'bool', exclude: 'repeat' },
  ADD: { chown: 'value', chmod: 'value', link: 'bool', 'keep-git-dir': 'bool', checksum: 'value', exclude: 'repeat', unpack: 'bool' },
  HEALTHCHECK: { interval: 'value', timeout: 'value', 'start-period': 'value', 'start-interval': 'value', retries: 'value' },
};

/** The instructions BuildKit knows. */
export const knownKeywords: ReadonlySet<string> = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);
