// The shell reader behind the L and H rules: how it splits commands, and what it reads through.
import { describe, expect, it } from 'vitest';
import { hasFlag, programOf, withShellScripts } from '../../src/shell/program.js';
import { packageInstalls } from '../../src/shell/package-installs.js';
import { splitShell } from '../../src/shell/split-shell.js';

const words = (script: string) => splitShell(script).map((c) => c.words);

describe('splitShell', () => {
  it('splits on &&, ||, ;, |, & and newlines', () => {
    expect(words('a 1 && b 2 || c; d | e & f\ng')).toEqual([['a', '1'], ['b', '2'], ['c'], ['d'], ['e'], ['f'], ['g']]);
    expect(splitShell('a && b || c; d | e').map((c) => c.join)).toEqual(['start', '&&', '||', ';', '|']);
  });
  it('keeps operators inside quotes, and removes the quotes', () => {
    expect(words(`echo "a && b" 'c | d' e\\ f`)).toEqual([['echo', 'a && b', 'c | d', 'e f']]);
    expect(words('echo "say \\"hi\\"" done')).toEqual([['echo', 'say "hi"', 'done']]);
  });
  it('joins continuation lines and keeps the line of each command', () => {
    const commands = splitShell('apt-get update \\\n && apt-get install -y \\\n   curl');
    expect(commands.map((c) => c.words)).toEqual([['apt-get', 'update'], ['apt-get', 'install', '-y', 'curl']]);
    expect(commands.map((c) => c.line)).toEqual([0, 1]);
  });
  it('keeps command substitutions, backticks and ${...} in their word', () => {
    expect(words('cd "$(mktemp -d)" && echo `date | tr a b` ${X:-a b}')).toEqual([['cd', '$(mktemp -d)'], ['echo', '`date | tr a b`', '${X:-a b}']]);
  });
  it('drops comments and redirections with their targets', () => {
    expect(words('make 2>&1 > /tmp/log # build it\ncat < in')).toEqual([['make'], ['cat']]);
  });
  it('reads past reserved words and leading assignments', () => {
    const commands = splitShell('if [ -f x ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y x; fi');
    expect(commands.map((c) => c.words[0])).toEqual(['[', 'apt-get']);
    expect(commands[1]?.assignments).toEqual(['DEBIAN_FRONTEND=noninteractive']);
    expect(words('for f in a b; do rm $f; done')).toEqual([['rm', '$f']]);
  });
  it('marks the commands whose output goes into a pipe', () => {
    expect(splitShell('curl -s x | sh && echo ok').map((c) => c.pipesOut)).toEqual([true, false, false]);
  });
  it('does not throw on unbalanced quotes or parentheses', () => {
    expect(words('echo "unterminated')).toEqual([['echo', 'unterminated']]);
    expect(words('(cd /x && make')).toEqual([['cd', '/x'], ['make']]);
  });
});

describe('programOf', () => {
  it('reads through sudo, env and paths', () => {
    const p = programOf(splitShell('sudo -u app env A=1 /usr/bin/pip install x')[0]!);
    expect(p).toMatchObject({ name: 'pip', args: ['install', 'x'], wrappers: ['sudo', 'env'] });
  });
  it('finds short flags inside groups, and stops at --', () => {
    expect(hasFlag(['-qy', 'install'], '-y')).toBe(true);
    expect(hasFlag(['--yes'], '-y', '--yes')).toBe(true);
    expect(hasFlag(['--', '-y'], '-y')).toBe(false);
    expect(hasFlag(['--no-cache-dir=1'], '--no-cache-dir')).toBe(true);
  });
});

describe('packageInstalls', () => {
  it('finds installs of each manager and their packages, skipping option values', () => {
    const found = packageInstalls(splitShell('apt-get -o Dpkg::Options::=--force-confnew install -y curl=7 git && apk add --virtual .deps gcc && python3 -m pip install -r req.txt flask==3 && npm i -g pnpm@9'));
    expect(found.map((f) => [f.manager, f.packages])).toEqual([
      ['apt-get', ['curl=7', 'git']],
      ['apk', ['gcc']],
      ['pip', ['flask==3']],
      ['npm', ['pnpm@9']],
    ]);
  });
  it('ignores other subcommands', () => {
    expect(packageInstalls(splitShell('apt-get update && pip download x && apk del y'))).toEqual([]);
  });
});

describe('case statements', () => {
  it('reads the patterns as patterns, not pipes or commands', () => {
    const commands = splitShell('case "$arch" in amd64|arm64) a=1; echo x ;; i386) b ;; *) exit 1 ;; esac; make');
    expect(commands.map((c) => c.words)).toEqual([[], ['echo', 'x'], ['b'], ['exit', '1'], ['make']]);
    expect(commands.some((c) => c.pipesOut)).toBe(false);
  });
});

describe('withShellScripts', () => {
  it("reads the script of sh -c (bash -ec too) with the same reader, quotes and all", () => {
    expect(withShellScripts(splitShell(`sh -c 'apt-get install -y telnet && echo "a && b"'`)).map((c) => c.words)).toEqual([
      ['sh', '-c', 'apt-get install -y telnet && echo "a && b"'],
      ['apt-get', 'install', '-y', 'telnet'],
      ['echo', 'a && b'],
    ]);
    expect(withShellScripts(splitShell(`sudo bash -ec 'apk add curl'`)).map((c) => c.words[0])).toEqual(['sudo', 'apk']);
  });

  it('leaves other commands alone', () => {
    expect(withShellScripts(splitShell(`echo 'sh -c x' && sh script.sh`)).map((c) => c.words)).toEqual([['echo', 'sh -c x'], ['sh', 'script.sh']]);
  });
});
