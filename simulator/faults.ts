import { readdirSync } from 'node:fs';
import type { Fault, FaultSpec } from './fault-hooks.ts';

export type { Fault, FaultSpec } from './fault-hooks.ts';

/**
 * The table of faults: every file of `simulator/faults/` is one fault (its declaration and its
 * behaviour), loaded here, so a new fault is one new file (plus its matrix row and docs) and nothing
 * else in the simulator changes. simulator/README.md repeats the table as Markdown (a test keeps them in
 * sync). Other engineers rely on these exact semantics: change them only together with the fault matrix.
 */
const DIR = new URL('./faults/', import.meta.url);

async function loadTable(): Promise<readonly Fault[]> {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const out: Fault[] = [];
  for (const file of files) {
    const mod = (await import(new URL(file, DIR).href)) as { default?: Fault };
    const f = mod.default;
    const stem = file.slice(0, -'.ts'.length);
    if (!f || f.name !== stem) throw new Error(`simulator/faults/${file} must \`export default defineFault({ name: '${stem}', … })\``);
    out.push(f);
  }
  return out;
}

/** Every fault, in table order (the file names' order; hooks of several active faults run in it). */
const FAULT_TABLE: readonly Fault[] = await loadTable();

/** A fault's name (a file of simulator/faults/). */
export type FaultName = string;

export const FAULT_NAMES: readonly FaultName[] = FAULT_TABLE.map((f) => f.name);

/** name → what it breaks, what must catch it, its verdict (the fault matrix reads this). */
export const FAULTS: Readonly<Record<FaultName, FaultSpec>> = Object.fromEntries(
  FAULT_TABLE.map((f) => [f.name, { breaks: f.breaks, catches: f.catches, verdict: f.verdict }]),
);

/**
 * Names that stand for several faults wherever fault names are accepted. `real-head` = every bug of the
 * real app at HEAD 3a2615f that the runbook's flow meets (the faults marked `realHead`).
 */
export const PRESETS: Readonly<Record<string, readonly FaultName[]>> = {
  'real-head': FAULT_TABLE.filter((f) => f.realHead === true).map((f) => f.name),
};

function isFaultName(name: string): boolean {
  return FAULT_NAMES.includes(name);
}

/** Splits "a,b" lists, trims, expands presets, drops empties and duplicates; returns unknown names separately. */
export function parseFaultNames(input: readonly string[]): { faults: FaultName[]; unknown: string[] } {
  const faults: FaultName[] = [];
  const unknown: string[] = [];
  for (const raw of input.flatMap((s) => s.split(','))) {
    const name = raw.trim();
    if (name === '') continue;
    const expanded = PRESETS[name] ?? (isFaultName(name) ? [name] : undefined);
    if (expanded === undefined) unknown.push(name);
    else for (const f of expanded) if (!faults.includes(f)) faults.push(f);
  }
  return { faults, unknown };
}

/** Message naming every unknown fault, the valid ones and the presets. */
export function unknownFaultMessage(unknown: readonly string[]): string {
  const presets = Object.keys(PRESETS).join(', ');
  return `unknown fault${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${FAULT_NAMES.join(', ')}; presets: ${presets})`;
}

/** The faults of these (known) names, in table order. */
export function faultsNamed(names: readonly FaultName[]): Fault[] {
  return FAULT_TABLE.filter((f) => names.includes(f.name));
}
