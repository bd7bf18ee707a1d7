// The type-check baseline: the same imports as the examples and the 50-call chain, and no builder
// calls. Checking it costs what loading @dockwright/core (and the standard and Node types) costs,
// so the examples' time minus this one is what their builder code costs.
import { aptInstall, bindMount, cacheMount, dockerfile, image, oci, platformArgs, scratch, secretMount, stage, tpl } from '@dockwright/core';

export const imported = [aptInstall, bindMount, cacheMount, dockerfile, image, oci, platformArgs, scratch, secretMount, stage, tpl] as const;
