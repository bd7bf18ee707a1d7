// The API: a Node service of the pnpm workspace that depends on @shop/db.
// `dockwright render` writes Dockerfile and Dockerfile.dockerignore beside this file.
import { detectNode, nodePreset } from '@dockwright/presets';

export default nodePreset(detectNode(import.meta.dirname), { healthcheck: { path: '/health' } });
