import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repo root (package.json, playwright.config.ts, bin/), whatever the cwd. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
