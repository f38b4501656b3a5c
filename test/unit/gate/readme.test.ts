import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { FIELDS, thresholdEnvNames } from '../../../lib/config/index.ts';
import { CATALOG } from '../../../lib/runbook/catalog.ts';
import { PROFILE_NAMES } from '../../../lib/runbook/profiles.ts';
import { THRESHOLDS, type ThresholdName } from '../../../lib/runbook/thresholds.ts';
import { FAULTS, PRESETS } from '../../../simulator/faults.ts';

const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');

test('README keeps its two-command quick start', () => {
  assert.match(readme, /npm install && npm run demo/);
  assert.match(readme, /^npm test\s/m);
});

test('README documents every setting with its env variable and flag', () => {
  for (const spec of Object.values(FIELDS)) {
    assert.ok(readme.includes(`\`${spec.env}\``), `documents ${spec.env}`);
    if (spec.flag) assert.ok(readme.includes(`\`${spec.flag}\``), `documents ${spec.flag}`);
  }
  for (const name of Object.keys(THRESHOLDS) as ThresholdName[]) {
    const env = thresholdEnvNames(name);
    assert.ok(readme.includes(env.target) && readme.includes(env.alert), `documents ${env.target}/${env.alert}`);
    const t = THRESHOLDS[name];
    assert.ok(readme.includes(`${t.target} / ${t.alert}`), `states the defaults of ${name}`);
  }
  for (const p of PROFILE_NAMES) assert.ok(readme.includes(`\`${p}\``), `names profile ${p}`);
});

test('README lists every check with its severity, every fault with its verdict, every exit code', () => {
  for (const e of CATALOG) assert.match(readme, new RegExp(`^\\| ${e.id} \\|.*\\| ${e.severity} \\|$`, 'm'), `${e.id} row`);
  for (const [name, spec] of Object.entries(FAULTS)) {
    assert.match(readme, new RegExp(`^\\| \`${name}\` \\|.*\\| ${spec.verdict} \\|$`, 'm'), `${name} row`);
    for (const id of spec.catches) assert.match(readme, new RegExp(`^\\| \`${name}\` \\|[^|]*${id}`, 'm'), `${name} names ${id}`);
  }
  for (const preset of Object.keys(PRESETS)) assert.ok(readme.includes(`--fault ${preset}`), `README shows --fault ${preset}`);
  for (const [code, verdict] of [['0', 'promote'], ['1', 'hold'], ['2', 'rollback'], ['3', 'inconclusive'], ['64', '—']]) {
    assert.match(readme, new RegExp(`^\\| \`${code}\` \\| ${verdict} \\|`, 'm'), `exit ${code}`);
  }
});
