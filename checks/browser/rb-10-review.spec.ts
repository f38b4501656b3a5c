// RB-10 — runbook "Manual Checks: review content (QA flags working)": the Quality Gate's Total, Flagged
// and Approved match the API's posts and every flagged post shows its flag badges. Evaluated whenever
// the project has posts. Driven by the browser journey (journey/review.ts); reported here.
import { checksSettings } from '../env.ts';
import { GENERATION_OFF } from '../support/flow.ts';
import { test } from './fixtures.ts';
import { reportStep } from './journey/report.ts';

test('RB-10 review content and QA flags: Quality Gate totals match the API, flagged posts show their flags', async ({ session: _session }) => {
  const s = checksSettings();
  test.skip(!s.generation, GENERATION_OFF);
  await reportStep(s.paths, 'RB-10');
});
