// The runbook's manual flow (RB-08 → RB-11) driven once, on one page, by this test; it never judges
// anything itself: it writes each check's evidence for that check's own test (rb-08 … rb-11) to report.
// Traced by hand so the trace is kept only when a check failed (it is scrubbed like every trace).
import { checksSettings } from '../env.ts';
import { readFlow, updateFlow } from '../support/flow.ts';
import { readToken } from '../support/session.ts';
import { openContext, test } from './fixtures.ts';
import { recordCreations } from './journey/context.ts';
import { newJourney, runJourney } from './journey/run.ts';

test.use({ trace: 'off' });

test('browser journey: the wizard flow once, the evidence of RB-08 … RB-11', async ({ browser, session }, info) => {
  const s = checksSettings();
  // The generation wait (RB-09's own deadline) plus a few minutes of UI steps, each bounded itself.
  test.setTimeout((s.config.thresholds.generation.alert * 1.1 + 5 + 300) * 1000);
  updateFlow(s.paths.flow, (st) => void (st.journey = { state: 'started' }));
  const context = await openContext(browser, session, { acceptDownloads: true });
  await context.tracing.start({ screenshots: true, snapshots: true });
  let error: string | undefined;
  try {
    const page = await context.newPage();
    const journey = newJourney({ page, settings: s, token: readToken(s.paths.token), shotDir: info.outputDir });
    recordCreations(journey);
    await runJourney(journey);
  } catch (err) {
    error = (err as Error).message.split('\n')[0];
    throw err;
  } finally {
    updateFlow(s.paths.flow, (st) => void (st.journey = { state: 'done', ...(error ? { error } : {}) }));
    const failed = Object.values(readFlow(s.paths.flow).steps).some((e) => e?.state === 'fail' || e?.state === 'error' || e?.state === 'started');
    const path = info.outputPath('journey-trace.zip');
    await context.tracing.stop(failed ? { path } : undefined).catch(() => undefined);
    if (failed) await info.attach('trace', { path, contentType: 'application/zip' }).catch(() => undefined);
    await context.close().catch(() => undefined);
  }
});
