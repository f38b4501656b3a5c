import type { ChecksSettings } from '../../env.ts';
import { GENERATION_OFF, updateFlow } from '../../support/flow.ts';
import { setRunning } from '../observe.ts';
import { findClient, type Journey } from './context.ts';
import { exportAndDownload } from './export.ts';
import { generate } from './generate.ts';
import { projectAnotherWay, wizardProject } from './project.ts';
import { review } from './review.ts';
import { runStep, skipStep } from './step.ts';

/**
 * The runbook's manual flow, driven once on one page: RB-08 makes the project in the wizard, RB-09
 * generates, RB-10 reviews in the Quality Gate, RB-11 exports and downloads. One test drives it so that
 * a check that fails does not take the page (and the wizard's state, which lives only there) from the
 * checks after it; each check's own test then reports the evidence written here.
 */
export async function runJourney(j: Journey): Promise<void> {
  const rb08 = await runStep(j, 'RB-08', () => wizardProject(j));
  if (!j.settings.generation) {
    for (const id of ['RB-09', 'RB-10', 'RB-11']) skipStep(j, id, GENERATION_OFF);
    return;
  }
  if (!j.basis?.atGenerate) {
    // RB-08 broke: RB-09 … RB-11 are still evaluated, on a project made another way (reported).
    setRunning('RB-09');
    j.basis = await projectAnotherWay(j, rb08.message ?? 'failed');
  }
  if (j.basis.projectId) {
    // The new-client path leaves the client's id unread; the API requests of the next steps need it.
    j.basis.clientId ??= (await findClient(j, j.settings.config.syntheticClient).catch(() => undefined))?.id;
    const { projectId, clientId } = j.basis;
    updateFlow(j.settings.paths.flow, (s) => {
      s.projectId = projectId;
      if (clientId) s.clientId = clientId;
      s.clientName = j.settings.config.syntheticClient;
    });
  }
  await runStep(j, 'RB-09', () => generate(j));
  await runStep(j, 'RB-10', () => review(j));
  await runStep(j, 'RB-11', () => exportAndDownload(j));
}

/** A fresh journey on `page` (the caller owns the page's context). */
export function newJourney(init: { page: Journey['page']; settings: ChecksSettings; token: string | undefined; shotDir: string }): Journey {
  return { ...init, atExport: false, projects: [], reusingClient: false, pending: [] };
}
