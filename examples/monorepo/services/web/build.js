// The "build": copies the server into dist/, as a bundler would.
import { cpSync } from 'node:fs';

cpSync('src', 'dist', { recursive: true });
