import { describe, expectTypeOf, it } from 'vitest';
import { dockerfile, image, scratch, stage, platformArgs, type Stage, type FromStage, type RunStage } from '@dockwright/core';

const base = image('node:22.11-bookworm-slim');

describe('images', () => {
  it('accepts tagged and digested literals', () => {
    image('node:22.11-bookworm-slim');
    image('127.0.0.1:5000/debian:bookworm-slim');
    image('ghcr.io/acme/app@sha256:0000000000000000000000000000000000000000000000000000000000000000');
    stage('a').from('debian:12.8');
  });
  it('refuses untagged and latest literals', () => {
    // @ts-expect-error the tag "latest" floats
    image('node:latest');
    // @ts-expect-error an image needs a tag
    image('node');
    // @ts-expect-error a registry port is not a tag
    image('127.0.0.1:5000/node');
    // @ts-expect-error the tag "latest" floats
    stage('a').from('node:latest');
    // @ts-expect-error a digest is sha256:...
    image('node:22').pinDigest('md5:abc');
  });
});

describe('typestate', () => {
  it('offers pinDigest() and platform() right after from(image) only', () => {
    expectTypeOf(stage('a').from(base)).toEqualTypeOf<FromStage<false>>();
    stage('a').from(base).pinDigest('sha256:0000000000000000000000000000000000000000000000000000000000000000').platform(platformArgs.BUILDPLATFORM);
    // @ts-expect-error pinDigest() belongs right after from()
    stage('a').from(base).run('x').pinDigest('sha256:0');
    // @ts-expect-error a stage base cannot be pinned
    stage('b').from(stage('a').from(base)).pinDigest('sha256:0');
  });
  it('offers RUN modifiers right after run() only', () => {
    expectTypeOf(stage('a').from(base).run('npm ci')).toEqualTypeOf<RunStage<false>>();
    // @ts-expect-error withCleanup() belongs right after run()
    stage('a').from(base).run('apt-get install curl').workdir('/app').withCleanup();
  });
  it('offers nothing but from() on a new stage', () => {
    // @ts-expect-error a stage needs from() first
    stage('a').run('x');
  });
});

describe('stage names', () => {
  it('refuses upper case and reserved names', () => {
    // @ts-expect-error stage names are lowercase
    stage('Build');
    // @ts-expect-error reserved
    stage('scratch');
    // @ts-expect-error reserved
    stage('context');
  });
});

describe('final stage user', () => {
  it('accepts a final stage with a user or allowRoot', () => {
    dockerfile(stage('a').from(base).user('node'));
    dockerfile(stage('a').from(base).user(10001));
    dockerfile(stage('a').from(base).allowRoot('needs port 80'));
    dockerfile(stage('a').from(scratch).user('65532:65532'));
    // inherits the parent's user
    dockerfile(stage('b').from(stage('a').from(base).user('node')).cmd(['node']));
  });
  it('refuses a final stage that runs as root', () => {
    // @ts-expect-error the final stage runs as root
    dockerfile(stage('a').from(base).cmd(['node', 'x.js']));
    // @ts-expect-error root is root
    dockerfile(stage('a').from(base).user('root'));
    // @ts-expect-error uid 0 is root
    dockerfile(stage('a').from(base).user(0));
  });
  it('tracks the user through with()', () => {
    const nonRoot = (s: Stage<boolean>) => s.user('app');
    expectTypeOf(stage('a').from(base).with(nonRoot)).toEqualTypeOf<Stage<true>>();
  });
});

describe('instructions', () => {
  it('refuses shell-form CMD, ENTRYPOINT and HEALTHCHECK', () => {
    // @ts-expect-error shell form
    stage('a').from(base).cmd('node server.js');
    // @ts-expect-error shell form
    stage('a').from(base).entrypoint('node');
    // @ts-expect-error shell form
    stage('a').from(base).healthcheck('curl -f http://localhost/');
    // @ts-expect-error empty exec form
    stage('a').from(base).cmd([]);
  });
  it('refuses relative WORKDIR, bad ports and durations', () => {
    // @ts-expect-error relative WORKDIR
    stage('a').from(base).workdir('app');
    // @ts-expect-error protocols are lowercase
    stage('a').from(base).expose('80/TCP');
    // @ts-expect-error not a duration
    stage('a').from(base).healthcheck(['true'], { interval: '30 seconds' });
  });
  it('has no ADD of local files and no MAINTAINER', () => {
    // @ts-expect-error addUrl takes URLs only
    stage('a').from(base).addUrl('./local.txt', '/x', { checksum: 'sha256:0' });
    // @ts-expect-error there is no add()
    stage('a').from(base).add('.', '/app');
    // @ts-expect-error there is no maintainer()
    stage('a').from(base).maintainer('me');
  });
});
