// Removes the dist/ of the package it runs in, before a build: the package's tsup configs write
// their formats side by side, so none of them cleans on its own.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
