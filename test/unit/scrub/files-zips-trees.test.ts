import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as checksScrub from '../../../checks/support/scrub.ts';
import { containsSecret, embeddedZipTexts, scrubBytes, scrubTree, sweepSecrets } from '../../../lib/scrub/index.ts';

const PW = 'Pa$$w"rd<&>42';
const JWT = [{ alg: 'HS256', typ: 'JWT' }, { sub: '1' }, 'signature-value-xxx'].map((p) => Buffer.from(typeof p === 'string' ? p : JSON.stringify(p)).toString('base64url')).join('.');
const CUT = JWT.slice(0, 20);

/** A Playwright trace: JSON lines with a form fill, the login response (cut by the trace) and a header. */
function trace(): Uint8Array {
  const lines = [
    JSON.stringify({ type: 'action', method: 'fill', params: { selector: '#password', value: PW } }),
    JSON.stringify({ type: 'resource', body: `{"access_token":"${JWT}","refresh_token":"${CUT}` }),
    JSON.stringify({ type: 'resource', headers: [{ name: 'authorization', value: `Bearer ${JWT}` }] }),
  ];
  return zipSync({ 'trace.trace': strToU8(lines.join('\n')), 'trace.network': strToU8(`{"postData":"{\\"password\\":\\"other-pw\\"}"}`), 'resources/shot.png': new Uint8Array([0x89, 0x50, 0, 1, 2]) });
}

/** Playwright's HTML report: its data is a zip in a data: URL inside a <template>. */
function htmlReport(inner: Record<string, Uint8Array>): string {
  const b64 = Buffer.from(zipSync(inner)).toString('base64');
  return `<!DOCTYPE html><html><body><template id="playwrightReportBase64">data:application/zip;base64,${b64}</template><p>RB-07 by op@example.com</p></body></html>`;
}

function assertClean(text: string, where: string): void {
  assert.ok(!containsSecret(text, [PW]), `${where}: password left`);
  for (const s of [JWT, CUT, 'other-pw']) assert.ok(!text.includes(s), `${where}: ${s} left\n${text}`);
}

test('a trace zip: every text entry scrubbed (password, token, cut-off token, escaped body), binaries byte for byte', () => {
  const clean = scrubBytes(trace(), [PW]);
  assert.ok(clean, 'changed');
  const entries = unzipSync(clean);
  for (const name of ['trace.trace', 'trace.network']) assertClean(strFromU8(entries[name]!), name);
  assert.match(strFromU8(entries['trace.trace']!), /"body":"\{\\"access_token\\":\\"\*\*\*\\",\\"refresh_token\\":\\"\*\*\*"/);
  assert.equal(strFromU8(entries['trace.network']!), '{"postData":"{\\"password\\":\\"***\\"}"}');
  assert.deepEqual([...entries['resources/shot.png']!], [0x89, 0x50, 0, 1, 2]);
  assert.equal(scrubBytes(zipSync({ a: strToU8('nothing here') }), [PW]), undefined, 'unchanged zip: undefined');
});

test("the HTML report's embedded zip is scrubbed inside, the page around it too, and the base64 stays decodable", () => {
  const html = htmlReport({ 'report.json': strToU8(JSON.stringify({ error: `login sent ${PW}`, stdout: `token ${CUT}` })), 'data/trace.zip': trace() });
  const clean = scrubBytes(strToU8(`${html}<!-- ${PW} -->`), [PW]);
  assert.ok(clean);
  const page = strFromU8(clean);
  assertClean(page.replace(/base64,[A-Za-z0-9+/=]+/, ''), 'page');
  const texts = embeddedZipTexts(page);
  assert.equal(texts.length, 1, 'report.json (the nested trace zip is binary to this reader)');
  assertClean(texts[0]!, 'report.json');
  const b64 = /base64,([A-Za-z0-9+/=]+)</.exec(page)?.[1] ?? '';
  const nested = unzipSync(unzipSync(Buffer.from(b64, 'base64'))['data/trace.zip']!);
  assertClean(strFromU8(nested['trace.trace']!), 'trace inside the report');
});

test('left alone: a corrupt zip (RB-11 fault), a binary, a clean text file, a symlink out of the tree', async (t) => {
  const corrupt = zipSync({ 'word/document.xml': strToU8(`x ${PW}`) }).slice(0, 30);
  assert.equal(scrubBytes(corrupt, [PW]), undefined);
  assert.equal(scrubBytes(new Uint8Array([1, 0, ...strToU8(PW)]), [PW]), undefined, 'binary (NUL byte)');
  const dir = await mkdtemp(join(tmpdir(), 'scrub-tree-'));
  const outside = await mkdtemp(join(tmpdir(), 'scrub-outside-'));
  t.after(() => Promise.all([rm(dir, { recursive: true, force: true }), rm(outside, { recursive: true, force: true })]));
  await writeFile(join(outside, 'secret.txt'), `pw ${PW}`);
  await symlink(join(outside, 'secret.txt'), join(dir, 'link.txt'));
  await writeFile(join(dir, 'clean.md'), 'nothing here');
  assert.deepEqual(scrubTree(dir, [PW]), []);
  assert.equal(await readFile(join(outside, 'secret.txt'), 'utf8'), `pw ${PW}`, 'a symlinked file outside the tree is not rewritten');
});

test('the gate sweep and the checks reporter apply the same rules to the same tree', async (t) => {
  const make = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'scrub-same-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await mkdir(join(dir, 'playwright-report/data'), { recursive: true });
    await writeFile(join(dir, 'checks.json'), JSON.stringify({ message: `"refresh_token":"${CUT}…` }));
    await writeFile(join(dir, 'playwright-report/data/abc.zip'), trace());
    await writeFile(join(dir, 'playwright-report/index.html'), htmlReport({ 'report.json': strToU8(`{"x":"${PW}"}`) }));
    return dir;
  };
  const [a, b] = [await make(), await make()];
  const swept = await sweepSecrets(a, [PW]);
  const tree = checksScrub.scrubTree(b, [PW]);
  assert.deepEqual(swept.map((f) => f.slice(a.length)).sort(), tree.map((f) => f.slice(b.length)).sort());
  assert.equal(swept.length, 3);
  for (const f of ['checks.json', 'playwright-report/data/abc.zip', 'playwright-report/index.html']) {
    assert.deepEqual(await readFile(join(a, f)), await readFile(join(b, f)), f);
  }
  assert.equal(await readFile(join(a, 'checks.json'), 'utf8'), '{"message":"\\"refresh_token\\":\\"***…"}');
  assert.equal(checksScrub.scrubText, (await import('../../../lib/scrub/index.ts')).scrubText, 'the checks use the one scrubber');
});
