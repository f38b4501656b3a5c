/**
 * What can be checked here of the files that wire the history and the metrics elsewhere (no CI runner,
 * no Prometheus on this machine): the nightly workflow keeps the history across nights and uploads the
 * trend page, the Argo template queries only series the gate writes, the README documents the options
 * and shows the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { REPORT_FIELDS } from '../../../lib/config/index.ts';
import { buildVerdictDocument } from '../../../lib/report/document.ts';
import { renderMetrics } from '../../../lib/report/metrics.ts';
import { decideVerdict } from '../../../lib/verdict/decide.ts';
import type { CheckResult } from '../../../lib/verdict/types.ts';

const path = (p: string) => new URL(`../../../${p}`, import.meta.url);
const read = (p: string) => readFile(path(p), 'utf8');

/** The workflow's steps as blocks of text, each from its "- " line to the next. */
function steps(yaml: string): string[] {
  const body = yaml.slice(yaml.indexOf('    steps:'));
  return body.split(/\n(?=      - )/).slice(1);
}

test('nightly workflow: the history restored from the newest cache entry, saved under a key per run even on failure, drawn and uploaded', async () => {
  const yaml = await read('.github/workflows/nightly-smoke.yml');
  const file = /^\s+CJ_HISTORY: (\S+)$/m.exec(yaml)?.[1];
  assert.ok(file, 'CJ_HISTORY set for every step of the job');
  const all = steps(yaml);
  const at = (re: RegExp) => all.findIndex((s) => re.test(s));
  const restore = all[at(/uses: actions\/cache\/restore@/)] ?? '';
  const save = all[at(/uses: actions\/cache\/save@/)] ?? '';
  const dir = file.slice(0, file.lastIndexOf('/'));
  assert.match(restore, new RegExp(`path: ${dir}$`, 'm'));
  const key = /^\s+key: (.+)$/m.exec(restore)?.[1] ?? '';
  const prefix = /^\s+restore-keys: (.+)$/m.exec(restore)?.[1] ?? '';
  assert.match(key, /\$\{\{ github\.run_id \}\}/, 'a key per run: a cache entry is never overwritten');
  assert.ok(prefix.length > 0 && key.startsWith(prefix), `restore-keys ${prefix} is a prefix of ${key}`);
  assert.match(save, /if: always\(\)/, 'saved when the gate failed too');
  assert.match(save, new RegExp(`key: ${key.replace(/[$(){}.[\]]/g, '\\$&')}$`, 'm'));
  assert.match(save, new RegExp(`path: ${dir}$`, 'm'));
  const gate = at(/bin\/jumpstart-gate\.js gate/);
  const watch = at(/bin\/jumpstart-gate\.js watch/);
  const trend = at(/exec node bin\/jumpstart-gate\.js trend/);
  assert.ok(at(/actions\/cache\/restore@/) < gate && gate < watch && watch < at(/actions\/cache\/save@/), 'restored before the runs, saved after both');
  const out = /trend (?:.* )?--out (\S+)/.exec(all[trend] ?? '')?.[1] ?? '';
  assert.match(all[trend] ?? '', /if: always\(\)/);
  const upload = all[at(/actions\/upload-artifact@/)] ?? '';
  assert.ok(trend < at(/actions\/upload-artifact@/) && out.startsWith('reports/') && /^\s+reports\/$/m.test(upload), 'trend.html lands in the uploaded reports');
});

test('the Argo Prometheus template queries only jumpstart_gate_* series that the gate writes', async () => {
  const template = await read('deploy/argo/analysis-template-prometheus.yaml');
  const results: CheckResult[] = [
    { id: 'RB-01', title: 'RB-01 health', severity: 'critical', status: 'pass', source: 'checks' },
    { id: 'RB-14', title: 'RB-14 API latency p95', severity: 'major', status: 'pass', measured: 40, unit: 'ms', threshold: 'target < 200 ms, alert > 500 ms', source: 'load' },
  ];
  const now = new Date();
  const metrics = renderMetrics(buildVerdictDocument({ command: 'gate', results, decision: decideVerdict(results), target: 'http://x', mode: 'post-deploy', startedAt: now, finishedAt: now }));
  const queried = [...new Set([...template.matchAll(/\b(jumpstart_gate_[a-z_]+)\{/g)].map((m) => m[1] ?? ''))];
  assert.ok(queried.length >= 4, queried.join(', '));
  for (const name of queried) assert.match(metrics, new RegExp(`^# TYPE ${name} gauge$`, 'm'), `${name} is written`);
  assert.match(template, /job="jumpstart_gate"/);
});

test('README documents the report options, the trend command and its exits, links the Argo template, and shows the page (a PNG under 300 KB)', async () => {
  const readme = await read('README.md');
  for (const f of Object.values(REPORT_FIELDS)) assert.match(readme, new RegExp(`^\\| \`${f.env}\` \\| \`${f.flag}\` \\|`, 'm'), `${f.env} row`);
  assert.match(readme, /npm run trend -- --history /);
  assert.match(readme, /\(deploy\/argo\/analysis-template-prometheus\.yaml\)/);
  const image = /!\[[^\]]+\]\((docs\/trend\.png)\)/.exec(readme)?.[1];
  assert.ok(image, 'the screenshot is shown');
  const bytes = await readFile(path(image));
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  assert.ok((await stat(path(image))).size < 300 * 1024);
});
