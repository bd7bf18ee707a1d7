// Builds the site and serves it on 127.0.0.1 to look at it: `pnpm site` (PORT to choose the port).
import { join } from 'node:path';
import { buildSite } from './build.js';
import { serveStatic } from './test/support/static-server.js';

const dist = join(import.meta.dirname, 'dist');
const { ms } = await buildSite(dist);
const server = await serveStatic(dist, Number(process.env['PORT'] ?? 0));
process.stdout.write(`site built in ${(ms / 1000).toFixed(1)} s; the playground is at ${server.url} (Ctrl+C stops)\n`);
