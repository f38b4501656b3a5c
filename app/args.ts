/**
 * The one argument parser of the suite. Every command declares its flags as data (name, what it does,
 * its default, its env variable); parsing, `--help` and usage errors all come from that table.
 */
export interface FlagSpec {
  /** Without the dashes, e.g. "target". */
  name: string;
  /** value: `--flag V` or `--flag=V`; list: a value, repeatable; boolean: a switch (`--flag`, `--flag=false`). */
  type: 'value' | 'list' | 'boolean';
  /** What the value is, for --help: URL, MS, NAME. */
  value?: string;
  description: string;
  /** The env variable that sets the same thing (the flag wins). */
  env?: string;
  /** The default, as --help shows it. */
  defaultText?: string;
}

export interface PositionalSpec {
  name: string;
  description: string;
}

type FlagValue = string | boolean | string[];

export interface ParsedArgv {
  /** By flag name; only flags that were given. */
  values: Record<string, FlagValue>;
  positionals: string[];
  help: boolean;
  /** Every problem at once: unknown flags, missing values, stray arguments. */
  problems: string[];
}

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

function setValue(out: ParsedArgv, spec: FlagSpec, value: string): void {
  if (spec.type === 'list') out.values[spec.name] = [...((out.values[spec.name] as string[] | undefined) ?? []), value];
  else out.values[spec.name] = value;
}

/** Pure: argv → values by flag name. `--flag value` and `--flag=value`; `-h`/`--help` anywhere. */
export function parseArgv(argv: readonly string[], flags: readonly FlagSpec[], positional?: PositionalSpec): ParsedArgv {
  const out: ParsedArgv = { values: {}, positionals: [], help: false, problems: [] };
  const byName = new Map(flags.map((f) => [f.name, f]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      out.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (positional && out.positionals.length === 0) out.positionals.push(arg);
      else out.problems.push(`unexpected argument ${JSON.stringify(arg)}${positional ? ` (one ${positional.name} only)` : ' (flags start with --; see --help)'}`);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq > 0 ? arg.slice(0, eq) : arg).slice(2);
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const spec = byName.get(name);
    if (!spec) {
      out.problems.push(`unknown flag --${name} (see --help)`);
      continue;
    }
    if (spec.type === 'boolean') {
      const word = inline === undefined ? true : BOOLEAN_WORDS[inline.toLowerCase()];
      if (word === undefined) out.problems.push(`--${name}: takes no value or true/false, got ${JSON.stringify(inline)}`);
      else out.values[name] = word;
      continue;
    }
    if (inline !== undefined) {
      setValue(out, spec, inline);
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) {
      out.problems.push(`--${name}: needs a value${spec.value ? ` (${spec.value})` : ''}`);
      continue;
    }
    setValue(out, spec, next);
    i++;
  }
  return out;
}

/** The last string given for a flag (lists: the last element), or undefined. */
export function stringValue(values: ParsedArgv['values'], name: string): string | undefined {
  const v = values[name];
  if (typeof v === 'string') return v;
  return Array.isArray(v) ? v.at(-1) : undefined;
}

export interface HelpInput {
  usage: string;
  summary: string;
  flags: readonly FlagSpec[];
  positional?: PositionalSpec;
  notes?: string;
}

function flagLine(f: FlagSpec): string {
  const head = `  --${f.name}${f.value ? ` ${f.value}` : ''}${f.type === 'list' ? ' (repeatable)' : ''}`;
  const extra = [f.defaultText !== undefined ? `default: ${f.defaultText}` : undefined, f.env ? `env ${f.env}` : undefined].filter(Boolean).join('; ');
  const text = extra ? `${f.description} [${extra}]` : f.description;
  return head.length >= 30 ? `${head}\n${' '.repeat(30)}${text}` : `${head.padEnd(30)}${text}`;
}

/** Pure: --help, generated from the same table the parser uses. */
export function renderHelp(h: HelpInput): string {
  const lines = [`Usage: ${h.usage}`, '', h.summary, ''];
  if (h.positional) lines.push('Argument:', `  ${h.positional.name.padEnd(28)}${h.positional.description}`, '');
  lines.push('Flags:', ...h.flags.map(flagLine), `  ${'--help, -h'.padEnd(28)}this text`, '');
  if (h.notes) lines.push(h.notes, '');
  return lines.join('\n');
}
