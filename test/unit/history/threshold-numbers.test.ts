import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLimits } from '../../../lib/runbook/limits.ts';
import { THRESHOLDS, TRIGGERS, describeThreshold } from '../../../lib/runbook/thresholds.ts';

test('the numbers read back from every threshold text the checks write, overrides included', () => {
  for (const t of Object.values(THRESHOLDS)) {
    assert.deepEqual(parseLimits(describeThreshold(t)), { target: t.target, alert: t.alert }, t.id);
    const shrunk = { ...t, target: t.target / 1000, alert: t.alert * 2.5 };
    assert.deepEqual(parseLimits(describeThreshold(shrunk)), { target: shrunk.target, alert: shrunk.alert }, `${t.id} overridden`);
  }
  assert.deepEqual(parseLimits(describeThreshold({ target: 1e-7, alert: 2e21, unit: 'ms' })), { target: 1e-7, alert: 2e21 });
});

test("the 5xx trigger has only an alert; prose and other texts give no numbers", () => {
  assert.deepEqual(parseLimits(`rollback > ${TRIGGERS.status5xxRollbackPct} %`), { alert: 10 });
  assert.deepEqual(parseLimits('0'), {});
  assert.deepEqual(parseLimits('fail on 3 consecutive health failures or more than 10 5xx in 300 s'), {});
  assert.deepEqual(parseLimits(undefined), {});
  assert.deepEqual(parseLimits('target < 200 ms'), {});
});
