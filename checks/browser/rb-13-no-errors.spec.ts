// RB-13 — runbook "Manual Checks: check error logs (no unexpected errors)": no console errors, uncaught
// page errors, 5xx responses or error alerts during the browser checks (RB-07 … RB-12). Runs last. Each
// error is attributed to the check that met it and the page it happened on.
import { checksSettings } from '../env.ts';
import { readFlow } from '../support/flow.ts';
import { distinct } from './events.ts';
import { ensure, prerequisite, record } from '../support/outcome.ts';
import { test } from './fixtures.ts';

test('RB-13 no unexpected errors: no console errors, page errors or 5xx responses during the browser checks', async () => {
  const { paths } = checksSettings();
  const flow = readFlow(paths.flow);
  const events = flow.events;
  record({ measured: events.length, unit: 'errors', threshold: '0' });
  if (events.length === 0 && flow.browserChecks.length === 0) {
    prerequisite('no browser check ran, so nothing was observed (see RB-07 … RB-12)');
  }
  const list = distinct(events);
  const shown = list.slice(0, 12).join(' | ') + (list.length > 12 ? ` | … ${list.length - 12} more` : '');
  ensure(events.length === 0, `${events.length} unexpected error(s) during ${flow.browserChecks.join(', ') || 'the browser checks'}: ${shown}`);
  record({ message: `watched ${flow.browserChecks.join(', ')}` });
});
