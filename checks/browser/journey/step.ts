import { join } from 'node:path';
import { updateFlow, type StepEvidence } from '../../support/flow.ts';
import { explainPage, screenshot } from '../diagnose.ts';
import { mark, setRunning } from '../observe.ts';
import type { Journey } from './context.ts';

/** The step's input does not exist (no project, no posts): the check is an `error`, never a fail or pass. */
export class NotEvaluated extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotEvaluated';
  }
}

/** What a step body returns: its verdict and evidence (a thrown error is a fail, NotEvaluated an error). */
export type StepResult = Omit<StepEvidence, 'screenshot'> & { state: 'pass' | 'warn' | 'fail' };

function write(j: Journey, id: string, e: StepEvidence): void {
  updateFlow(j.settings.paths.flow, (s) => {
    s.steps[id] = e;
    if (e.state !== 'started' && e.state !== 'error' && e.state !== 'skip' && !s.browserChecks.includes(id)) s.browserChecks.push(id);
  });
}

export function skipStep(j: Journey, id: string, reason: string): void {
  write(j, id, { state: 'skip', message: reason });
}

/**
 * Runs one check's part of the journey and writes its evidence, whatever happens: "started" first (a
 * journey that dies midway leaves a step that says so), then the verdict. A failure's message gets what
 * the page showed (error screen, alerts, failed requests, URL) and a screenshot.
 */
export async function runStep(j: Journey, id: string, body: () => Promise<StepResult>): Promise<StepEvidence> {
  setRunning(id);
  write(j, id, { state: 'started' });
  const from = mark();
  let e: StepEvidence;
  try {
    e = await body();
  } catch (err) {
    const error = err as Error;
    e = { state: error instanceof NotEvaluated ? 'error' : 'fail', message: error.message.split('\n')[0] ?? error.name };
  }
  if (e.state === 'fail' || (e.state === 'error' && !/^no (project|posts)\b/.test(e.message ?? ''))) {
    const seen = await explainPage(j.page, from, e.message);
    if (seen) e.message = `${e.message ?? 'failed'}; ${seen}`;
    if (e.state === 'fail') {
      const shot = await screenshot(j.page, join(j.shotDir, `${id.toLowerCase()}-failure.png`));
      if (shot) e.screenshot = shot;
    }
  }
  write(j, id, e);
  setRunning('journey');
  return e;
}
