// The name under which the run worker shares its core with the modules it loads later.

/** The global the run worker sets to its `@dockwright/core` before it loads a lazy module. */
export const CORE_GLOBAL = '__dockwrightCore';
