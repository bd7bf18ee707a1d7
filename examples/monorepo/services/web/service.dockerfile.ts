// The web front end: a Node service with a build step.
import { detectNode, nodePreset } from '@dockwright/presets';

export default nodePreset(detectNode(import.meta.dirname), { port: 3000 });
