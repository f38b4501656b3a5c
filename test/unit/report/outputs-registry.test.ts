/** Outputs as a registry: every module of lib/report/outputs/ is a format; a new one is one file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVerdictDocument } from '../../../lib/report/document.ts';
import { reportOutputs } from '../../../lib/report/registry.ts';
import { writeReports } from '../../../lib/report/write.ts';
import { decideVerdict } from '../../../lib/verdict/decide.ts';
import type { CheckResult } from '../../../lib/verdict/types.ts';

const RESULTS: CheckResult[] = [{ id: 'RB-01', title: 'RB-01 health', severity: 'critical', status: 'fail', message: 'down (pw-9f)', durationMs: 12, source: 'gate' }];
const now = new Date('2026-01-09T14:03:00Z');
const doc = buildVerdictDocument({ command: 'gate', results: RESULTS, decision: decideVerdict(RESULTS), target: 'http://x', mode: 'post-deploy', startedAt: now, finishedAt: now });

test('the registry holds junit.xml, metrics.prom, summary.md and verdict.json; the writer writes each, scrubbed, and the step summary', async (t) => {
  assert.deepEqual((await reportOutputs()).map((o) => o.file), ['junit.xml', 'metrics.prom', 'summary.md', 'verdict.json']);
  const dir = await mkdtemp(join(tmpdir(), 'outputs-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const step = join(dir, 'step.md');
  const written = await writeReports({ outDir: join(dir, 'out'), report: { doc, results: RESULTS, extras: {} }, secrets: ['pw-9f'], stepSummaryPath: step });
  assert.deepEqual((await readdir(join(dir, 'out'))).sort(), ['junit.xml', 'metrics.prom', 'summary.md', 'verdict.json']);
  for (const f of Object.values(written)) assert.ok(!(await readFile(f.path, 'utf8')).includes('pw-9f'), `${f.path} scrubbed`);
  assert.equal(await readFile(step, 'utf8'), `${written['summary.md']?.text}\n`);
  assert.match(written['junit.xml']?.text ?? '', /time="0.012"/, 'JUnit keeps the timings verdict.json leaves out');
  assert.equal((JSON.parse(written['verdict.json']?.text ?? '{}') as { verdict: string }).verdict, 'rollback');
});

test('a new format is one file: a module dropped into outputs/ is written by the next run', async (t) => {
  // In a copy of lib/ (lib imports nothing above it), so the other test files running beside this one
  // never meet the extra format in the real lib/report/outputs/.
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const copy = await mkdtemp(join(tmpdir(), 'outputs-lib-'));
  t.after(() => rm(copy, { recursive: true, force: true }));
  await cp(join(root, 'lib'), join(copy, 'lib'), { recursive: true });
  await cp(join(root, 'package.json'), join(copy, 'package.json'));
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  await writeFile(join(copy, 'lib/report/outputs/zz-test-format.ts'), "import type { Output } from '../output.ts';\nexport const output: Output = { file: 'checks.txt', render: (r) => r.doc.checks.map((c) => `${c.id} ${c.status}`).join('\\n') + '\\n' };\n");
  const dir = join(copy, 'out');
  // A fresh process: the registry of this one is already loaded.
  const { execFile } = await import('node:child_process');
  const script = `import { writeReports } from './lib/report/write.ts'; await writeReports({ outDir: ${JSON.stringify(dir)}, report: ${JSON.stringify({ doc, results: RESULTS, extras: {} })}, secrets: [] });`;
  await new Promise<void>((resolve, reject) => execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: copy }, (e) => (e ? reject(e) : resolve())));
  assert.equal(await readFile(join(dir, 'checks.txt'), 'utf8'), 'RB-01 fail\n');
});
