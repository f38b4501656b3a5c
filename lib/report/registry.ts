import { readdir } from 'node:fs/promises';
import type { Output } from './output.ts';

const DIR = new URL('./outputs/', import.meta.url);

function isOutput(x: unknown): x is Output {
  const o = x as Partial<Output> | undefined;
  return typeof o?.file === 'string' && /^[\w.-]+$/.test(o.file) && typeof o.render === 'function';
}

let cached: Promise<Output[]> | undefined;

async function discover(): Promise<Output[]> {
  const names = (await readdir(DIR)).filter((n) => /\.(ts|js)$/.test(n) && !n.endsWith('.d.ts')).sort();
  const outputs: Output[] = [];
  for (const name of names) {
    const mod = (await import(new URL(name, DIR).href)) as { output?: unknown };
    // A module that is not a format is a programming error: say which, never write half the reports.
    if (!isOutput(mod.output)) throw new Error(`lib/report/outputs/${name} does not export an output ({ file, render })`);
    outputs.push(mod.output);
  }
  const files = outputs.map((o) => o.file);
  const twice = files.filter((f, i) => files.indexOf(f) !== i);
  if (twice.length > 0) throw new Error(`two output formats write ${twice.join(', ')}`);
  return outputs;
}

/** Every report format of lib/report/outputs/, in file-name order (one module per format). */
export function reportOutputs(): Promise<Output[]> {
  cached ??= discover();
  return cached;
}
