/**
 * The gate's own clean-up: when Playwright's teardown was cut short, the projects flow.json lists
 * (and teardown did not record as deleted) are deleted with the session token.json holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteLeftovers } from '../../../app/gate/leftovers.ts';
import { checksPaths, writePrivate } from '../../../lib/checks-contract/index.ts';
import { createClientAndProject, login, startTestSimulator } from '../../../simulator/testing.ts';

test('deleteLeftovers: deletes what teardown did not, leaves what it did, names what it could not', async (t) => {
  const sim = await startTestSimulator();
  const dir = await mkdtemp(join(tmpdir(), 'leftovers-'));
  t.after(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });
  const paths = checksPaths(join(dir, 'out'), join(dir, 'auth'));
  const token = await login(sim.url);
  const a = await createClientAndProject(sim.url, token, 'Left Behind A');
  const lines: string[] = [];
  const run = () => deleteLeftovers({ baseUrl: sim.url, paths, timeoutMs: 2000, log: (l) => lines.push(l) });

  assert.deepEqual(await run(), [], 'no flow.json: nothing known to delete');
  assert.equal(sim.stats().projects.live, 1);

  writePrivate(paths.flow, { startedAt: new Date().toISOString(), projectIds: [a.projectId], projectPosts: 1, steps: {} });
  writePrivate(paths.token, { access_token: token });
  assert.deepEqual(await run(), []);
  assert.equal(sim.stats().projects.live, 0, 'the leftover is gone');
  assert.match(lines.join('\n'), new RegExp(`deleted project\\(s\\) the checks left behind: ${a.projectId}`));

  // Teardown recorded it as deleted: nothing is sent again.
  const b = await createClientAndProject(sim.url, token, 'Kept By Teardown');
  writePrivate(paths.flow, { startedAt: new Date().toISOString(), projectIds: [b.projectId], projectPosts: 1 });
  await mkdir(paths.outDir, { recursive: true });
  await writeFile(paths.cleanup, JSON.stringify({ deleted: [b.projectId], problems: [] }));
  assert.deepEqual(await run(), []);
  assert.equal(sim.stats().projects.live, 1, 'trusted the teardown record');

  // No session: the problem is named, never thrown.
  await rm(paths.cleanup, { force: true });
  await rm(paths.token, { force: true });
  const problems = await run();
  assert.match(problems.join(), new RegExp(`${b.projectId}.*not deleted: no session token`));
});
