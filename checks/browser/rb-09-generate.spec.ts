// RB-09 — runbook "Manual Checks: generate 30 posts (verify performance < 90s)": exactly 30 posts, and
// the time from the generate-all answer to the run's `succeeded` against target 90 s / alert 120 s. The
// run's one generate-all (10/h, and it costs LLM tokens). Driven by the browser journey
// (journey/generate.ts), on RB-08's project or, when RB-08 broke, one made another way (named).
import { checksSettings } from '../env.ts';
import { GENERATION_OFF } from '../support/flow.ts';
import { test } from './fixtures.ts';
import { reportStep } from './journey/report.ts';

test('RB-09 generate 30 posts: exactly 30, within the generation time thresholds', async ({ session: _session }) => {
  const s = checksSettings();
  test.skip(!s.generation, GENERATION_OFF);
  await reportStep(s.paths, 'RB-09');
});
