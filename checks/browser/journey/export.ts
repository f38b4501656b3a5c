import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { snippet } from '../../support/api.ts';
import { DOCX_TYPE, readDocx } from '../../support/docx.ts';
import { ensure } from '../../support/outcome.ts';
import { DeliverablesPage, ReviewPage } from '../review-page.ts';
import { POSTS } from '../wizard-page.ts';
import { type Journey, sendApi, uiAct } from './context.ts';
import { postsOf } from './review.ts';
import type { StepResult } from './step.ts';

function exportBlocked(j: Journey): string {
  if (j.exportWhy) return j.exportWhy;
  return j.basis?.atGenerate ? 'the Quality Gate step did not finish (see RB-10)' : "the wizard page never reached the project's Generate step";
}

/** Exports: "Export" in the wizard when it got there, else the dashboard's export request through the API. */
async function requestExport(j: Journey): Promise<{ status: number; text: string; how: string }> {
  const timeout = j.settings.config.requestTimeoutMs;
  if (j.atExport) {
    const res = await uiAct(j, 'click "Export" (DOCX)', () => new ReviewPage(j.page).exportDocx(timeout));
    ensure(res, `clicking "Export" sent no POST /api/generator/export within ${timeout} ms`);
    return { status: res.status(), text: await res.text().catch(() => ''), how: '' };
  }
  const res = await sendApi(j, '/api/generator/export', { project_id: j.basis?.projectId, client_id: j.basis?.clientId, format: 'docx' });
  return { status: res.status, text: res.text, how: `; export requested through the API (the dashboard's request), as the wizard's Export step was not reachable: ${exportBlocked(j)}` };
}

/** Downloads the deliverable on the Deliverables page, as an operator does; keeps the file as evidence. */
async function download(j: Journey, deliverableId: string): Promise<{ file: string; bytes: Buffer; type: string }> {
  const page = j.page;
  const deliverables = new DeliverablesPage(page);
  await uiAct(j, 'open the Deliverables page', () => deliverables.open());
  const entry = deliverables.entry(j.basis?.projectId ?? '', deliverableId);
  await uiAct(j, `find the deliverable of project ${j.basis?.projectId}`, () => expect(entry).toBeVisible());
  const path = `/api/deliverables/${deliverableId}/download`;
  const timeout = j.settings.config.requestTimeoutMs;
  const responded = page.waitForResponse((r) => new URL(r.url()).pathname === path, { timeout }).catch(() => undefined);
  const downloading = page.waitForEvent('download', { timeout }).catch(() => undefined);
  await entry.getByRole('button', { name: 'Download', exact: true }).first().click();
  const res = await responded;
  ensure(res, `clicking "Download" sent no GET ${path} within ${timeout} ms`);
  ensure(res.status() === 200, `GET ${path} answered ${res.status()}, expected 200: ${snippet(await res.text().catch(() => ''))}`);
  const got = await downloading;
  ensure(got, `GET ${path} answered 200 but the browser received no file within ${timeout} ms`);
  const type = (res.headers()['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  // Keep the file whatever it holds: a broken deliverable is evidence too.
  const file = `rb-11-${got.suggestedFilename().replace(/[^\w.-]+/g, '_') || 'deliverable.docx'}`;
  const full = join(j.settings.paths.outDir, file);
  await got.saveAs(full);
  return { file, bytes: readFileSync(full), type };
}

/** What is wrong with the document (empty when it holds the company and the 30 post sections). */
function documentProblems(bytes: Buffer, company: string): { sections: number; problems: string[] } {
  const doc = readDocx(bytes);
  const problems: string[] = [];
  if (!doc.paragraphs.some((p) => p.includes(company))) problems.push(`does not name the company "${company}"`);
  const missing = Array.from({ length: POSTS }, (_, i) => i + 1).filter((n) => !doc.postSections.includes(n));
  if (doc.postSections.length !== POSTS || missing.length > 0) {
    problems.push(`holds ${doc.postSections.length} "Post N:" sections, expected ${POSTS}${missing.length ? ` (missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''})` : ''}`);
  }
  return { sections: doc.postSections.length, problems };
}

/**
 * RB-11: export, then download on the Deliverables page: a valid Office document with the DOCX type,
 * the company name and the 30 post sections. Runs whenever the project has posts, whatever RB-10 said.
 */
export async function exportAndDownload(j: Journey): Promise<StepResult> {
  await postsOf(j);
  const exported = await requestExport(j);
  let deliverable: { id?: unknown } | undefined;
  try {
    deliverable = JSON.parse(exported.text) as { id?: unknown };
  } catch {
    deliverable = undefined;
  }
  ensure(exported.status === 200 && typeof deliverable?.id === 'string', `POST /api/generator/export answered ${exported.status} without a deliverable: ${snippet(exported.text)}${exported.how}`);
  const got = await download(j, deliverable.id).catch((err: Error) => {
    throw new Error(`${err.message}${exported.how}`);
  });
  let checked;
  try {
    checked = documentProblems(got.bytes, j.settings.config.syntheticClient);
  } catch (err) {
    throw new Error(`the download ${got.file} (${got.bytes.length} bytes, ${got.type}) is ${(err as Error).message}${exported.how}`);
  }
  const evidence = { measured: checked.sections, unit: 'post sections' };
  if (got.type !== DOCX_TYPE) return { ...evidence, state: 'fail', message: `the download ${got.file} has content type ${got.type || 'none'}, expected ${DOCX_TYPE}${exported.how}` };
  if (checked.problems.length) return { ...evidence, state: 'fail', message: `the DOCX ${got.file} ${checked.problems.join('; ')}${exported.how}` };
  return { ...evidence, state: 'pass', message: `${got.file}, ${got.bytes.length} bytes, ${checked.sections} post sections${exported.how}` };
}
