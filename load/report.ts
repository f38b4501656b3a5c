import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GateError } from '../lib/errors.ts';
import { renderLoadHtml } from './html.ts';
import type { Comparison } from './compare.ts';
import type { Threshold } from '../lib/runbook/thresholds.ts';
import type { LoadResult } from './types.ts';

/** File-safe report name: profile names and route slugs only, never a path. */
export function reportName(name: string): string {
  const slug = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return slug || 'load';
}

/**
 * Writes `<outDir>/load/<name>.json` (the result; a baseline comparison goes under `baselineComparison`,
 * apart from compare mode's `comparison`) and `<name>.html` (latency charts with `apiP95`'s target and
 * alert lines; pass lib/config's threshold to draw overrides).
 */
export async function writeLoadReports(result: LoadResult, outDir: string, name: string = result.name, baseline?: Comparison, apiP95?: Threshold): Promise<{ json: string; html: string }> {
  const dir = join(outDir, 'load');
  await mkdir(dir, { recursive: true });
  const base = join(dir, reportName(name));
  const json = `${base}.json`;
  const html = `${base}.html`;
  await writeFile(json, `${JSON.stringify(baseline ? { ...result, baselineComparison: baseline } : result, null, 2)}\n`);
  await writeFile(html, renderLoadHtml(result, { baseline, apiP95 }));
  return { json, html };
}

/** Reads a saved result (e.g. a baseline); a file that is not one is an EVIDENCE error naming what is wrong. */
export async function readLoadResult(file: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new GateError('EVIDENCE', `cannot read load result ${file}: ${(e as Error).message}`);
  }
  return parseLoadResult(text, file);
}

function parseLoadResult(text: string, label: string): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new GateError('EVIDENCE', `${label} is not JSON: ${(e as Error).message}`);
  }
  const r = data as Partial<LoadResult> | null;
  if (!r || r.schema !== 'jumpstart-gate/load-result@1') throw new GateError('EVIDENCE', `${label} is not a load result (schema jumpstart-gate/load-result@1 expected)`);
  if (!r.histogram || r.histogram.encoding !== 'hdr-compressed-base64' || typeof r.histogram.data !== 'string') {
    throw new GateError('EVIDENCE', `${label} has no encoded latency histogram`);
  }
  return r as LoadResult;
}
