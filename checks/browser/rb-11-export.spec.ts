// RB-11 — runbook "Manual Checks: export deliverable (DOCX download)": export in the wizard, download
// on the Deliverables page; the file is a valid Office document with the DOCX type, the company name
// and the 30 post sections. It is kept in the report directory as an artifact.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksSettings } from '../env.ts';
import { snippet } from '../support/api.ts';
import { DOCX_TYPE, readDocx } from '../support/docx.ts';
import { flowStep, GENERATION_OFF, requireFlow } from '../support/flow.ts';
import { ensure, record } from '../support/outcome.ts';
import { alertsSeen, expect, test } from './fixtures.ts';
import { uiStep } from './ui.ts';
import { DeliverablesPage, POSTS, WizardPage } from './wizard-page.ts';

test('RB-11 export and download the DOCX deliverable: a valid Office document with the 30 posts', async ({ flowPage }) => {
  const s = checksSettings();
  test.skip(!s.generation, GENERATION_OFF);
  const { config, paths } = s;
  const { flow } = requireFlow(paths, 'RB-10', 'review content and QA flags');

  await flowStep(paths.flow, 'RB-11', async () => {
    const exported = await uiStep('click "Export" (DOCX)', () => new WizardPage(flowPage).exportDocx(), alertsSeen);
    const deliverable = (await exported.json().catch(() => undefined)) as { id?: unknown } | undefined;
    ensure(exported.status() === 200 && typeof deliverable?.id === 'string', `POST /api/generator/export answered ${exported.status()} without a deliverable: ${snippet(await exported.text().catch(() => ''))}`);
    const id = deliverable.id;

    const deliverables = new DeliverablesPage(flowPage);
    await uiStep('open the Deliverables page', () => deliverables.open(), alertsSeen);
    const row = deliverables.row(id);
    await uiStep(`find deliverable ${id}`, () => expect(row).toBeVisible(), alertsSeen);
    const responded = flowPage.waitForResponse((r) => new URL(r.url()).pathname === `/api/deliverables/${id}/download`);
    const downloading = flowPage.waitForEvent('download');
    await row.getByRole('button', { name: 'Download' }).click();
    const res = await uiStep(`download deliverable ${id}`, () => responded, alertsSeen);
    ensure(res.status() === 200, `GET /api/deliverables/${id}/download answered ${res.status()}, expected 200: ${snippet(await res.text().catch(() => ''))}${alertsSeen()}`);
    const download = await uiStep('receive the file', () => downloading, alertsSeen);
    const type = (res.headers()['content-type'] ?? '').split(';')[0]?.trim();
    // Keep the file whatever it holds: a broken deliverable is evidence too.
    const name = `rb-11-${download.suggestedFilename().replace(/[^\w.-]+/g, '_') || 'deliverable.docx'}`;
    const file = join(paths.outDir, name);
    await download.saveAs(file);
    const bytes = readFileSync(file);
    record({ message: `${name}, ${bytes.length} bytes` });
    ensure(type === DOCX_TYPE, `the download ${name} has content type ${type || 'none'}, expected ${DOCX_TYPE}`);

    let doc;
    try {
      doc = readDocx(bytes);
    } catch (err) {
      throw new Error(`the download ${name} (${bytes.length} bytes, ${type}) is ${(err as Error).message}`);
    }
    const company = flow.clientName ?? config.syntheticClient;
    const problems: string[] = [];
    if (!doc.paragraphs.some((p) => p.includes(company))) problems.push(`does not name the company "${company}"`);
    const expected = Array.from({ length: POSTS }, (_, i) => i + 1);
    const missingSections = expected.filter((n) => !doc.postSections.includes(n));
    if (doc.postSections.length !== POSTS || missingSections.length > 0) {
      problems.push(`holds ${doc.postSections.length} "Post N:" sections, expected ${POSTS}${missingSections.length ? ` (missing ${missingSections.slice(0, 5).join(', ')}${missingSections.length > 5 ? '…' : ''})` : ''}`);
    }
    record({ measured: doc.postSections.length, unit: 'post sections' });
    ensure(problems.length === 0, `the DOCX ${name} ${problems.join('; ')}`);
  });
});
