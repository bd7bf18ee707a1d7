// A team's service on ACME's preset: `dockwright render` writes Dockerfile and .dockerignore here.
import { detectNode } from '@dockwright/presets';
import { acmeNode } from '../acme-presets.js';

export default acmeNode(detectNode(import.meta.dirname), { source: 'https://git.acme.example/billing', revision: '4f2a9c1e0b5d6f8a9c2e4d6b8a0c2e4f6a8b0d2c' });
