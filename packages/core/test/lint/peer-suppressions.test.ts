// The comments teams moving from hadolint or BuildKit's checks already have waive our twins.
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '@dockwright/core';

const rules = (text: string) => lintDockerfile(text, { rules: { DW5017: 'error' } }).map((d) => `${d.line} ${d.rule}`);

describe('hadolint and BuildKit suppressions', () => {
  const file = 'FROM debian:12.8\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 10001\n';

  it('without them, the twins are found', () => {
    expect(rules(file)).toEqual(['2 DW5017']);
  });

  it('# hadolint ignore=DL3008 waives the next instruction only', () => {
    expect(rules(file.replace('RUN', '# hadolint ignore=DL3008,DL3015\nRUN'))).toEqual([]);
    expect(rules(file.replace('RUN', '# hadolint ignore=DL3008\nRUN true\nRUN'))).toEqual(['4 DW5018', '4 DW5017']);
  });

  it('waives only the finding that is that twin: DL3013 does not waive an apt pin', () => {
    expect(rules(file.replace('RUN', '# hadolint ignore=DL3013\nRUN'))).toEqual(['3 DW5017']);
  });

  it('# hadolint global ignore=... waives the whole file', () => {
    expect(rules(`# hadolint global ignore=DL3008\n${file}RUN apt-get install -y --no-install-recommends wget\n`).filter((r) => r.endsWith('DW5017'))).toEqual([]);
  });

  it('# check=skip=... and skip=all waive the BuildKit twins, not hadolint-only rules', () => {
    const shellForm = 'FROM debian:12.8\nUSER 10001\nCMD echo hi\n';
    expect(rules(shellForm)).toEqual(['3 DW6001']);
    expect(rules(`# check=skip=JSONArgsRecommended\n${shellForm}`)).toEqual([]);
    expect(rules(`# check=skip=all\n${shellForm}`)).toEqual([]);
    expect(rules(`# check=skip=StageNameCasing\n${shellForm}`)).toEqual(['4 DW6001']);
    // DW5017 has no BuildKit twin: skip=all leaves it.
    expect(rules(`# check=skip=all;error=true\n${file}`)).toEqual(['3 DW5017']);
  });
});
