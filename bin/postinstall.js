#!/usr/bin/env node
// `postinstall` of this package: npm runs it after `npm install` and `npm ci` in this project (npm 11
// blocks dependencies' install scripts unless allowed, never the root package's own). It makes sure the
// browser checks have a Chromium (lib/browser-install.ts). Whatever happens here, the install succeeds:
// a missing browser is reported, never an exit code. Skip it with CJ_SKIP_BROWSER_INSTALL=1.
import { fileURLToPath } from 'node:url';

const say = (line) => process.stdout.write(`jumpstart-gate: ${line}\n`);

try {
  const { register } = await import('tsx/esm/api');
  register();
  const { ensureBrowserHere } = await import('../lib/browser-install.ts');
  ensureBrowserHere(fileURLToPath(new URL('..', import.meta.url)), process.env, say);
} catch (err) {
  say(`could not check for a browser (${err instanceof Error ? err.message : String(err)}); the browser checks need Chromium: see README "Quick start".`);
}
process.exitCode = 0;
