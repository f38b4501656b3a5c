// RB-08 — runbook "Manual Checks: create new project via wizard": the synthetic client ("Use Existing
// Client" when it exists: clients cannot be deleted), research skipped, templates totalling 30 posts, up
// to the Generate step. Driven by the browser journey (journey/project.ts); reported here.
import { checksSettings } from '../env.ts';
import { test } from './fixtures.ts';
import { reportStep } from './journey/report.ts';

test('RB-08 project wizard: client profile, research skipped, templates totalling 30 posts', async ({ session: _session }) => {
  await reportStep(checksSettings().paths, 'RB-08');
});
