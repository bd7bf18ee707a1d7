// One reader of a package argument's name, for every rule that matches packages by name.
import { describe, expect, it } from 'vitest';
import { packageName } from '../../src/rules/packages/package-name.js';

describe('packageName', () => {
  it.each([
    ['apt-get', 'curl', 'curl'],
    ['apt-get', 'curl=7.88.1-10', 'curl'],
    ['apt-get', 'libc6:amd64=2.36-9', 'libc6'],
    ['apt', 'gcc/bookworm-backports', 'gcc'],
    ['apk', 'openssl-dev~3.3', 'openssl-dev'],
    ['pip', 'flask[async]==3.0.0', 'flask'],
    ['pip', 'uvicorn>=0.30', 'uvicorn'],
    ['npm', '@scope/tool@1.2.0', '@scope/tool'],
    ['pnpm', '@scope/tool', '@scope/tool'],
    ['yarn', 'left-pad@^1.3.0', 'left-pad'],
    ['go', 'golang.org/x/tools/gopls@v0.16.2', 'golang.org/x/tools/gopls'],
    ['gem', 'rails:7.1.0', 'rails'],
    ['dnf', 'gcc', 'gcc'],
    ['zypper', 'gcc>=12', 'gcc'],
  ] as const)('%s %s is %s', (manager, spec, name) => {
    expect(packageName(manager, spec)).toBe(name);
  });
});
