/**
 * What can be checked here of files that run elsewhere (no Docker engine, no CI runner on this machine):
 * the Dockerfile lints clean and matches the locked Playwright; every template runs the bin itself, so
 * a cancel's signals reach the gate (never npm/npx, never a `command` that replaces tini).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { validate } from 'dockerfile-utils';

const read = (p: string) => readFile(new URL(`../../../${p}`, import.meta.url), 'utf8');

test('Dockerfile: lints clean, Playwright image of the locked @playwright/test, npm ci --omit=dev, tini → the bin', async () => {
  const dockerfile = await read('Dockerfile');
  assert.deepEqual(validate(dockerfile).map((d) => `line ${d.range.start.line + 1}: ${d.message}`), []);
  const lock = JSON.parse(await read('package-lock.json')) as { packages: Record<string, { version?: string }> };
  const version = lock.packages['node_modules/@playwright/test']?.version;
  assert.ok(version, 'the lock file pins @playwright/test');
  assert.match(dockerfile, new RegExp(`^FROM mcr\\.microsoft\\.com/playwright:v${version.replace(/\./g, '\\.')}-\\w+$`, 'm'), `FROM the v${version} image`);
  assert.match(dockerfile, /^RUN npm ci --omit=dev\b/m);
  assert.match(dockerfile, /^ENTRYPOINT \["\/usr\/bin\/tini", "--", "node", "[^"]*bin\/jumpstart-gate\.js"\]$/m);
  assert.match(dockerfile, /apt-get install -y --no-install-recommends tini/);
});

test('CI templates and the Argo template run the bin itself, never through npm run or npx', async () => {
  for (const file of ['.github/workflows/post-deploy-gate.yml', '.github/workflows/nightly-smoke.yml', '.gitlab-ci.yml', 'deploy/argo/analysis-template.yaml']) {
    const text = (await read(file)).split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
    assert.doesNotMatch(text, /npm run (gate|watch|load)|npx jumpstart-gate/, `${file}: through npm/npx`);
    if (!file.includes('argo')) assert.match(text, /exec node bin\/jumpstart-gate\.js (gate|watch)/, `${file}: exec node bin/…`);
  }
  const argo = await read('deploy/argo/analysis-template.yaml');
  assert.doesNotMatch(argo.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n'), /^\s+command:/m, 'a command would replace tini and the bin');
  assert.match(argo, /args: \[gate, --mode, post-deploy/);
  assert.match(argo, /args: \[watch, /);
});
