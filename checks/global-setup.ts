import { mkdirSync, rmSync } from 'node:fs';
import { checksSettings } from './env.ts';
import { emptyFlow } from './support/flow.ts';
import { writePrivate } from './support/session.ts';

/** Starts every run from a clean, private auth dir: stale state of a crashed run must not leak in. */
export default function globalSetup(): void {
  const { paths } = checksSettings();
  mkdirSync(paths.authDir, { recursive: true, mode: 0o700 });
  for (const f of [paths.storageState, paths.token, paths.login, paths.flow, paths.cleanup]) rmSync(f, { force: true });
  mkdirSync(paths.outDir, { recursive: true });
  writePrivate(paths.flow, emptyFlow());
}
