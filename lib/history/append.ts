import { constants } from 'node:fs';
import { access, mkdir, open, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pseudoFilesystem } from '../pseudo-fs.ts';
import type { VerdictDocument } from '../report/document.ts';
import { scrubValue } from '../scrub/text.ts';
import { toHistoryLine, type HistoryLine } from './line.ts';

export type AppendOutcome = { ok: true; path: string; line: HistoryLine } | { ok: false; warning: string };

function reason(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e.code ? `${e.code}: ${e.message ?? ''}`.trim() : String(e.message ?? err);
}

/**
 * Appends the run's line to the history file (created with its folder when missing).
 *
 * Two runs may finish at once on one file (a nightly and a manual run sharing a cache). The line is
 * written by one write(2) of the whole line on a descriptor opened with O_APPEND: the kernel places
 * each write at the end of the file at that moment, and Linux holds the file's lock for the whole
 * write, so lines never interleave on a local filesystem (NFS gives no such promise: keep the
 * history on local disk or in the CI cache). A file whose last line was cut short by a crash gets a
 * newline first, so this line stays readable; the cut one is skipped by the reader.
 *
 * Never throws: a history that cannot be written is a warning for the caller, never a change of verdict.
 */
export async function appendHistory(path: string, doc: VerdictDocument, secrets: readonly string[] = []): Promise<AppendOutcome> {
  const file = resolve(path);
  const line = scrubValue(toHistoryLine(doc), secrets);
  try {
    await mkdir(dirname(file), { recursive: true });
    const fh = await open(file, constants.O_APPEND | constants.O_CREAT | constants.O_RDWR, 0o644);
    try {
      const bytes = Buffer.from(((await endsCut(fh)) ? '\n' : '') + JSON.stringify(line) + '\n');
      const { bytesWritten } = await fh.write(bytes, 0, bytes.length);
      if (bytesWritten !== bytes.length) return { ok: false, warning: `history ${file}: only ${bytesWritten} of ${bytes.length} bytes written (disk full?); readers will skip the cut line` };
    } finally {
      await fh.close();
    }
    return { ok: true, path: file, line };
  } catch (err) {
    return { ok: false, warning: `history ${file}: could not append this run: ${reason(err)}` };
  }
}

/** True when the file is not empty and its last byte is not a newline. */
async function endsCut(fh: Awaited<ReturnType<typeof open>>): Promise<boolean> {
  const { size } = await fh.stat();
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await fh.read(last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/**
 * For the configuration step, before anything is sent: the problem with using `path` as the history
 * file (a directory, a folder that cannot be written, a pseudo filesystem such as /proc), or undefined
 * when it is usable.
 */
export async function historyPathProblem(path: string): Promise<string | undefined> {
  const file = resolve(path);
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) return `history file ${file} is a directory`;
  if (info) return (await onPseudo(file)) ?? access(file, constants.W_OK).then(() => undefined, () => `history file ${file} is not writable`);
  let dir = dirname(file);
  // The nearest existing ancestor must be a writable directory: appendHistory creates the rest.
  for (;;) {
    const d = await stat(dir).catch(() => undefined);
    if (d && !d.isDirectory()) return `history folder ${dir} is not a directory`;
    if (d) return (await onPseudo(dir)) ?? access(dir, constants.W_OK).then(() => undefined, () => `history folder ${dir} is not writable`);
    const up = dirname(dir);
    if (up === dir) return `history folder ${dirname(file)} cannot be created`;
    dir = up;
  }
}

async function onPseudo(path: string): Promise<string | undefined> {
  const fs = await pseudoFilesystem(path).catch(() => undefined);
  return fs ? `history ${path} is on ${fs}, not a place for a file kept across runs` : undefined;
}
