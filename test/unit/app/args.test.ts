import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgv, renderHelp, type FlagSpec } from '../../../app/args.ts';
import { COMMANDS } from '../../../app/main.ts';
import { FIELDS } from '../../../lib/config/index.ts';

const FLAGS: FlagSpec[] = [
  { name: 'target', type: 'value', value: 'URL', description: 'where', env: 'CJ_BASE_URL' },
  { name: 'route', type: 'list', value: 'PATH', description: 'routes' },
  { name: 'with-generation', type: 'boolean', description: 'gen', defaultText: 'false' },
  { name: 'minutes', type: 'value', description: 'm' },
];

test('parseArgv: --flag value, --flag=value, lists, booleans, negative values, every problem at once', () => {
  const a = parseArgv(['--target', 'http://x', '--route=/a', '--route', '/b', '--with-generation', '--minutes', '-1', '--bogus', '--target', 'http://y', 'stray', '--minutes'], FLAGS);
  assert.deepEqual(a.values, { target: 'http://y', route: ['/a', '/b'], 'with-generation': true, minutes: '-1' });
  assert.deepEqual(a.problems, ['unknown flag --bogus (see --help)', 'unexpected argument "stray" (flags start with --; see --help)', '--minutes: needs a value']);
  assert.equal(a.help, false);
  assert.deepEqual(parseArgv(['--with-generation=false'], FLAGS).values, { 'with-generation': false });
  assert.match(parseArgv(['--with-generation=maybe'], FLAGS).problems.join(), /takes no value or true\/false/);
  assert.match(parseArgv(['--target', '--route', '/x'], FLAGS).problems.join(), /--target: needs a value \(URL\)/);
  assert.equal(parseArgv(['-h'], FLAGS).help, true);
  const pos = parseArgv(['summary.json', 'other.json'], FLAGS, { name: 'SUMMARY.json', description: 'k6 summary' });
  assert.deepEqual(pos.positionals, ['summary.json']);
  assert.match(pos.problems.join(), /unexpected argument "other.json" \(one SUMMARY.json only\)/);
});

test('--help of every command is generated from its flag table: what each flag does, its default and env variable', () => {
  for (const cmd of COMMANDS) {
    const help = renderHelp(cmd);
    assert.match(help, new RegExp(`^Usage: jumpstart-gate ${cmd.name}`), cmd.name);
    for (const f of cmd.flags) {
      assert.ok(f.description.length > 5, `${cmd.name} --${f.name} says what it does`);
      const line = help.split('\n').findIndex((l) => l.startsWith(`  --${f.name}`));
      assert.ok(line >= 0, `${cmd.name} --help lists --${f.name}`);
      const text = help.split('\n').slice(line, line + 2).join(' ');
      if (f.env) assert.ok(text.includes(`env ${f.env}`), `${cmd.name} --${f.name} names ${f.env}`);
      if (f.defaultText) assert.ok(text.includes(`default: ${f.defaultText}`), `${cmd.name} --${f.name} states its default`);
    }
  }
  const gate = COMMANDS.find((c) => c.name === 'gate');
  assert.ok(gate);
  // Every flagged config field is a flag of the gate, described from the config's own tables.
  for (const spec of Object.values(FIELDS)) if (spec.flag) assert.ok(gate.flags.some((f) => `--${f.name}` === spec.flag && f.env === spec.env), `gate has ${spec.flag}`);
  assert.match(renderHelp(gate), /--request-timeout-ms MS +deadline of each HTTP request .*\[default: 10000; env CJ_REQUEST_TIMEOUT_MS\]/);
});
