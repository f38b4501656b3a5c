import { FIELDS, type FieldName } from '../lib/config/index.ts';

/** Flags a command accepts beyond the config fields (e.g. watch's --minutes), with whether they take a value. */
export type ExtraFlags = Record<string, { takesValue: boolean; help: string }>;

export interface ParsedArgs {
  /** Config flags by field name, ready for loadConfig({ flags }). */
  flags: Partial<Record<FieldName, string | boolean>>;
  /** Extra flags by their name without dashes, e.g. { minutes: '5' }. */
  extra: Record<string, string | boolean>;
  help: boolean;
  /** Every problem at once (unknown flag, missing value, secret given as a flag). */
  problems: string[];
}

const BOOLEAN_FIELDS: ReadonlySet<FieldName> = new Set(['withGeneration', 'allowRateLimited']);

function fieldForFlag(flag: string): FieldName | undefined {
  for (const [field, spec] of Object.entries(FIELDS)) if (spec.flag === flag) return field as FieldName;
  return undefined;
}

/**
 * Pure argv parser (`--flag value` and `--flag=value`). Secrets have no flag on purpose (they would
 * land in shell history and CI logs) — except the webhook, which the issue names as a flag and which
 * config still treats as a secret.
 */
export function parseArgs(argv: readonly string[], extra: ExtraFlags = {}): ParsedArgs {
  const out: ParsedArgs = { flags: {}, extra: {}, help: false, problems: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      out.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      out.problems.push(`unexpected argument ${JSON.stringify(arg)} (flags start with --; see --help)`);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const field = fieldForFlag(name);
    const extraSpec = extra[name.slice(2)];
    if (!field && !extraSpec) {
      out.problems.push(`unknown flag ${name} (see --help)`);
      continue;
    }
    const takesValue = field ? !BOOLEAN_FIELDS.has(field) : (extraSpec?.takesValue ?? false);
    let value: string | boolean;
    if (!takesValue) value = inline ?? true;
    else if (inline !== undefined) value = inline;
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        out.problems.push(`${name}: needs a value`);
        continue;
      }
      value = next;
      i++;
    }
    if (field) out.flags[field] = value;
    else out.extra[name.slice(2)] = value;
  }
  return out;
}

/** The help text's flag list, generated from the same tables the parser uses. */
export function describeFlags(extra: ExtraFlags = {}): string {
  const rows: string[] = [];
  for (const spec of Object.values(FIELDS)) if (spec.flag) rows.push(`  ${spec.flag.padEnd(24)} (env ${spec.env})`);
  for (const [name, spec] of Object.entries(extra)) rows.push(`  --${name.padEnd(22)} ${spec.help}`);
  return rows.join('\n');
}
