import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksSettings } from './env.ts';
import { deleteProjects } from './support/cleanup.ts';
import { readFlow } from './support/flow.ts';
import { readToken } from './support/session.ts';

/**
 * Runs after every test, also after failures: deletes the project the flow created (clients cannot be
 * deleted, so the synthetic client is reused instead) and removes the auth dir. CJ_KEEP_TOKEN=1 keeps
 * token.json for the gate's load phase; the gate deletes the dir itself.
 */
export default async function globalTeardown(): Promise<void> {
  const s = checksSettings();
  const { paths, config } = s;
  const flow = readFlow(paths.flow);
  const token = readToken(paths.token);
  const outcome = await deleteProjects({
    baseUrl: config.baseUrl,
    token,
    timeoutMs: config.requestTimeoutMs,
    projectIds: flow.projectIds,
    unrecorded: flow.projectPosts > flow.projectIds.length ? { name: flow.projectName, since: flow.startedAt } : undefined,
  });
  writeFileSync(paths.cleanup, `${JSON.stringify(outcome, null, 2)}\n`);
  for (const p of outcome.problems) process.stderr.write(`checks: cleanup: ${p}\n`);
  for (const name of safeList(paths.authDir)) {
    if (s.keepToken && join(paths.authDir, name) === paths.token) continue;
    rmSync(join(paths.authDir, name), { recursive: true, force: true });
  }
  if (!s.keepToken) rmSync(paths.authDir, { recursive: true, force: true });
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
