import { existsSync } from 'node:fs';
import { test } from '@playwright/test';
import type { ChecksPaths } from '../../../lib/checks-contract/index.ts';
import { readFlow } from '../../support/flow.ts';
import { ensure, prerequisite, record } from '../../support/outcome.ts';

/**
 * A flow check's test: reports what the journey found for `id` — its evidence and screenshot, then
 * pass, warn, fail, skip, or `error` when the check could not be evaluated or the journey never got
 * there (missing evidence is never a pass).
 */
export async function reportStep(paths: Pick<ChecksPaths, 'flow'>, id: string): Promise<void> {
  const flow = readFlow(paths.flow);
  const e = flow.steps[id];
  if (!e) {
    const why = !flow.journey ? 'the browser journey did not run' : `the browser journey ended before ${id}${flow.journey.error ? `: ${flow.journey.error}` : ''}`;
    prerequisite(why);
  }
  if (e.screenshot && existsSync(e.screenshot)) await test.info().attach(`${id} screenshot`, { path: e.screenshot, contentType: 'image/png' });
  record({
    ...(e.measured !== undefined ? { measured: e.measured } : {}),
    ...(e.unit ? { unit: e.unit } : {}),
    ...(e.threshold ? { threshold: e.threshold } : {}),
    ...(e.state === 'warn' ? { status: 'warn' as const } : {}),
    ...((e.state === 'pass' || e.state === 'warn') && e.message ? { message: e.message } : {}),
  });
  switch (e.state) {
    case 'started':
      prerequisite(`the browser journey stopped during ${id}: ${flow.journey?.error ?? 'its test did not finish (timed out or crashed)'}`);
      break;
    case 'error':
      prerequisite(e.message ?? 'not evaluated');
      break;
    case 'skip':
      test.skip(true, e.message ?? 'skipped');
      break;
    case 'fail':
      ensure(false, e.message ?? 'failed without a message');
      break;
    default:
      break;
  }
}
