// RB-11 — runbook "Manual Checks: export deliverable (DOCX download)": export, then download on the
// Deliverables page; the file is a valid Office document with the DOCX type, the company name and the
// 30 post sections, kept in the report directory. Evaluated whenever the project has posts, whatever
// RB-10 said. Driven by the browser journey (journey/export.ts); reported here.
import { checksSettings } from '../env.ts';
import { GENERATION_OFF } from '../support/flow.ts';
import { test } from './fixtures.ts';
import { reportStep } from './journey/report.ts';

test('RB-11 export and download the DOCX deliverable: a valid Office document with the 30 posts', async ({ session: _session }) => {
  const s = checksSettings();
  test.skip(!s.generation, GENERATION_OFF);
  await reportStep(s.paths, 'RB-11');
});
