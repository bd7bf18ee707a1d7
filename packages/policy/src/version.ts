/** This package's version, which the JSON Schema's `$id` names (a test keeps it equal to package.json's). */
export const version = '0.1.0';
