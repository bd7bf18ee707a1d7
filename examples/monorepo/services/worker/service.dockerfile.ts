// The worker: a Go module, compiled on the build platform into scratch.
import { detectGo, goPreset } from '@dockwright/presets';

export default goPreset(detectGo(import.meta.dirname), { tzdata: true });
