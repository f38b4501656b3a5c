import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowser, fixCommand, type EnsureDeps } from '../../../lib/browser-install.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function deps(over: Partial<EnsureDeps> & { browsers: Array<{ found: string } | { missing: string }> }): { deps: EnsureDeps; lines: string[]; installs: () => number } {
  const lines: string[] = [];
  let installs = 0;
  const queue = [...over.browsers];
  return {
    deps: {
      env: {},
      find: () => queue.shift() ?? { missing: 'nothing' },
      install: () => {
        installs++;
        return { ok: false, why: 'getaddrinfo ENOTFOUND cdn.playwright.dev' };
      },
      fix: 'apt-get install chromium',
      log: (l) => lines.push(l),
      ...over,
    },
    lines,
    installs: () => installs,
  };
}

test('a Chromium already there: silent, nothing downloaded', () => {
  const d = deps({ browsers: [{ found: 'system Chromium at /usr/bin/chromium' }] });
  assert.equal(ensureBrowser(d.deps), 'found');
  assert.deepEqual([d.lines, d.installs()], [[], 0]);
});

test("none there: Playwright's own install runs, and its browser is then the one used", () => {
  const d = deps({ browsers: [{ missing: 'no Chromium found' }, { found: "Playwright's Chromium at /cache/chrome" }], install: () => ({ ok: true }) });
  assert.equal(ensureBrowser(d.deps), 'installed');
  assert.equal(d.lines.at(-1), "browser checks will use Playwright's Chromium at /cache/chrome");
});

test('none there and no route to the download: the one fixing command, the install not failed', () => {
  const d = deps({ browsers: [{ missing: 'no Chromium found' }, { missing: 'no Chromium found' }] });
  assert.equal(ensureBrowser(d.deps), 'missing');
  assert.equal(d.installs(), 1);
  assert.match(d.lines.join('\n'), /Playwright's download did not work \(getaddrinfo ENOTFOUND cdn\.playwright\.dev\)\.\nfix: apt-get install chromium /);
});

test('skipped by CJ_SKIP_BROWSER_INSTALL or PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD ("0" does not skip); a wrong CHROMIUM_PATH is named, nothing downloaded', () => {
  for (const env of [{ CJ_SKIP_BROWSER_INSTALL: '1' }, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: 'true' }]) {
    const d = deps({ env, browsers: [{ missing: 'x' }] });
    assert.equal(ensureBrowser(d.deps), 'skipped');
    assert.deepEqual([d.lines, d.installs()], [[], 0]);
  }
  assert.equal(ensureBrowser(deps({ env: { CJ_SKIP_BROWSER_INSTALL: '0' }, browsers: [{ found: 'x' }] }).deps), 'found');
  const wrong = deps({ env: { CHROMIUM_PATH: '/nope' }, browsers: [{ missing: 'CHROMIUM_PATH points to /nope, which does not exist' }] });
  assert.equal(ensureBrowser(wrong.deps), 'missing');
  assert.equal(wrong.installs(), 0);
  assert.match(wrong.lines[0] ?? '', /^CHROMIUM_PATH points to \/nope, which does not exist; fix: set CHROMIUM_PATH/);
});

test('the fixing command: apt-get on Debian (sudo unless root), else Playwright', () => {
  assert.equal(fixCommand('linux', true, true), 'apt-get install chromium');
  assert.equal(fixCommand('linux', true, false), 'sudo apt-get install chromium');
  assert.equal(fixCommand('darwin', false, false), 'npx playwright install chromium');
});

test('bin/postinstall.js: exits 0 and prints nothing when a browser is there or the step is skipped; names a wrong CHROMIUM_PATH', () => {
  const run = (env: Record<string, string>) => spawnSync(process.execPath, [join(ROOT, 'bin/postinstall.js')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, encoding: 'utf8', timeout: 60_000 });
  const found = run({ CHROMIUM_PATH: process.execPath });
  assert.deepEqual([found.status, found.stdout, found.stderr], [0, '', '']);
  const skipped = run({ CJ_SKIP_BROWSER_INSTALL: '1', CHROMIUM_PATH: '/nope' });
  assert.deepEqual([skipped.status, skipped.stdout], [0, '']);
  const wrong = run({ CHROMIUM_PATH: '/nope/chromium' });
  assert.equal(wrong.status, 0);
  assert.match(wrong.stdout, /^jumpstart-gate: CHROMIUM_PATH points to \/nope\/chromium, which does not exist; fix: /);
});
