/** lib/ is the bottom layer: nothing under it imports from app/, checks/, load/, watch/, simulator/ or scripts/. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const LIB = join(ROOT, 'lib');

async function* tsFiles(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(p);
    else if (/\.ts$/.test(e.name)) yield p;
  }
}

/** Every module specifier of static imports, re-exports and dynamic imports with a literal. */
function specifiers(source: string): string[] {
  const re = /(?:\bimport|\bexport)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;
  return [...source.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

test('nothing under lib/ imports from outside lib/ (npm packages and node: built-ins aside)', async () => {
  const offenders: string[] = [];
  let files = 0;
  for await (const file of tsFiles(LIB)) {
    files++;
    for (const spec of specifiers(await readFile(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue; // node:, npm packages
      const target = resolve(dirname(file), spec);
      if (relative(LIB, target).startsWith('..')) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  assert.ok(files > 20, `scanned lib/ (${files} files)`);
  assert.deepEqual(offenders, []);
});

test('the scanner sees every import form (so the test above can fail)', () => {
  const src = `import a from '../load/x.ts';\nimport type { B } from "../../app/y.ts";\nexport { c } from '../watch/z.ts';\nconst d = await import('../simulator/w.ts');\nimport '../checks/side.ts';`;
  assert.deepEqual(specifiers(src), ['../load/x.ts', '../../app/y.ts', '../watch/z.ts', '../simulator/w.ts', '../checks/side.ts']);
});
