/**
 * knip (knip.json) finds no unused file, export, type or dependency: dead code and barrels nobody
 * imports fail the unit lane instead of piling up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratch } from '../../support/checks.ts';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const KNIP = join(ROOT, 'node_modules', 'knip', 'bin', 'knip.js');

/** knip's exit code and its text report (empty when it found nothing). */
function knip(directory: string): Promise<{ code: number; report: string }> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [KNIP, '--directory', directory, '--no-progress'], { timeout: 60_000 }, (e, stdout, stderr) => {
      if (e && typeof e.code !== 'number') return fail(new Error(`knip did not run: ${e.message}\n${stderr}`));
      done({ code: typeof e?.code === 'number' ? e.code : 0, report: `${stdout}${stderr}`.trim() });
    });
  });
}

test('knip finds nothing unused in the project', async () => {
  const { code, report } = await knip(ROOT);
  assert.equal(report, '', 'knip found unused code (declare files loaded by path as entries in knip.json)');
  assert.equal(code, 0);
});

test('knip does report an unused file and an unused export (so the test above can fail)', async (t) => {
  const dir = scratch(t, 'knip-fixture-');
  await mkdir(join(dir, 'src'));
  await writeFile(join(dir, 'package.json'), '{"name":"fixture","type":"module","private":true}');
  await writeFile(join(dir, 'knip.json'), '{"entry":["src/main.ts"],"project":["src/**/*.ts"]}');
  await writeFile(join(dir, 'src', 'main.ts'), "import { used } from './lib.ts';\nconsole.log(used);\n");
  await writeFile(join(dir, 'src', 'lib.ts'), 'export const used = 1;\nexport const unused = 2;\n');
  await writeFile(join(dir, 'src', 'orphan.ts'), 'export const orphan = 3;\n');
  const { code, report } = await knip(dir);
  assert.notEqual(code, 0);
  assert.match(report, /Unused files \(1\)\s+src\/orphan\.ts/);
  assert.match(report, /Unused exports \(1\)\s+unused\s+src\/lib\.ts:2/);
});
