// A multi-stage Node.js service written with @dockwright/core alone: dependencies cached,
// build output copied into a slim runtime that runs as a fixed non-root uid.
import { aptInstall, cacheMount, dockerfile, image, oci, secretMount, stage } from '@dockwright/core';

const node = image('node:22.11-bookworm-slim').pinDigest('sha256:4b6f8bd3f6d6ac8b4f8d5e2d1c1a4e3b5b5b2b8e1f0e6d0b6c2a5d9e4f3a2b1c');

// Only the manifests first: a source change does not invalidate the dependency layer.
const deps = stage('deps')
  .from(node)
  .workdir('/app')
  .copy(['package.json', 'package-lock.json'], './')
  .run('npm ci --omit=dev')
  .withMounts(cacheMount('/root/.npm', { sharing: 'locked' }), secretMount('npmrc', { target: '/root/.npmrc' }));

const build = stage('build')
  .from(deps)
  .run('npm ci')
  .withMounts(cacheMount('/root/.npm', { sharing: 'locked' }), secretMount('npmrc', { target: '/root/.npmrc' }))
  .copy(['tsconfig.json', 'src'], './')
  .run('npm run build');

const runtime = stage('runtime')
  .from(node)
  .run(aptInstall(['tini']))
  .env({ NODE_ENV: 'production' })
  .workdir('/app')
  .user('app', { create: { uid: 10001 } })
  .copy(deps, '/app/node_modules', './node_modules')
  .copy(build, '/app/dist', './dist')
  .copy('package.json', './')
  .label(oci({ title: 'shop', source: 'https://github.com/acme/shop', licenses: 'MIT' }))
  .expose(3000)
  .healthcheck(['node', 'dist/health.js'], { interval: '30s', timeout: '3s', retries: 3 })
  .entrypoint(['/usr/bin/tini', '--'])
  .cmd(['node', 'dist/server.js']);

/** The Dockerfile of the example Node service. */
export const nodeApp = dockerfile(runtime);
