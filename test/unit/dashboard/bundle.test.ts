import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBundle, loadBundledDashboard, readSources, SRC_DIR, type SourceFile } from '../../../simulator/dashboard/bundle.ts';

const HASHED = /^\/assets\/[a-z0-9-]+-[0-9a-f]{8}\.(js|css)$/;

function fixture(overrides: Record<string, string> = {}): SourceFile[] {
  const files: Record<string, string> = {
    'main.js': "import { a } from './lib/a.js';\nimport './side.js';\nexport const x = a;\n",
    'lib/a.js': "import { b } from '../b.js';\nexport const a = b + 1;\n",
    'b.js': 'export const b = 1;\n',
    'side.js': 'console.log(1);\n',
    'styles.css': 'body { margin: 0; }\n',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    ...overrides,
  };
  return Object.entries(files).map(([path, text]) => ({ path, text }));
}

/** The URLs index.html references with src= / href=, by kind. */
function refs(html: string): { scripts: string[]; styles: string[]; preloads: string[] } {
  const all = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1] ?? '');
  return {
    scripts: all(/<script type="module"[^>]*\ssrc="([^"]+)"/g),
    styles: all(/<link rel="stylesheet"[^>]*\shref="([^"]+)"/g),
    preloads: all(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g),
  };
}

const importsOf = (js: string): string[] => [...js.matchAll(/\b(?:import|export)\s+(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

test('hashed names are stable for the same content and index.html references exist', () => {
  const one = buildBundle(fixture());
  const two = buildBundle(fixture());
  assert.deepEqual([...one.files.keys()].sort(), [...two.files.keys()].sort());
  assert.equal(one.indexHtml.toString(), two.indexHtml.toString());
  const html = one.indexHtml.toString();
  const { scripts, styles, preloads } = refs(html);
  assert.equal(scripts.length, 1);
  assert.match(scripts[0] ?? '', /^\/assets\/index-[0-9a-f]{8}\.js$/);
  assert.equal(styles.length, 1);
  assert.match(styles[0] ?? '', /^\/assets\/index-[0-9a-f]{8}\.css$/);
  for (const url of [...scripts, ...styles, ...preloads]) assert.ok(one.files.has(url), `${url} is served`);
  assert.equal(preloads.length, 3, 'every non-entry chunk is preloaded');
  assert.match(html, /<title>Operator Dashboard<\/title>/);
  assert.equal(one.files.get('/favicon.ico')?.contentType, 'image/svg+xml');
  assert.equal(one.source, 'bundled');
});

test('imports are rewritten to hashed chunk URLs and a changed dependency renames its importers only', () => {
  const before = buildBundle(fixture());
  const after = buildBundle(fixture({ 'b.js': 'export const b = 2;\n' }));
  const names = (s: typeof before) => [...s.files.keys()];
  const byStem = (s: typeof before, stem: string) => names(s).find((u) => u.startsWith(`/assets/${stem}-`)) ?? '';
  for (const stem of ['b', 'a', 'index']) assert.notEqual(byStem(before, stem), byStem(after, stem), `${stem} renamed`);
  assert.equal(byStem(before, 'side'), byStem(after, 'side'), 'unrelated chunk keeps its name');
  for (const [url, file] of after.files) {
    if (!url.endsWith('.js')) continue;
    for (const spec of importsOf(file.body.toString())) {
      assert.match(spec, HASHED, `${url} imports ${spec}`);
      assert.ok(after.files.has(spec), `${url} imports ${spec}, which is served`);
    }
  }
});

test('bad sources are refused with a message naming the problem', () => {
  assert.throws(() => buildBundle(fixture({ 'main.js': "import './nope.js';\n" })), /imports missing src\/nope\.js/);
  assert.throws(() => buildBundle(fixture({ 'b.js': "import { a } from './lib/a.js';\nexport const b = a;\n" })), /import cycle/);
  assert.throws(() => buildBundle(fixture().filter((f) => f.path !== 'styles.css')), /styles\.css is missing/);
});

test('the bundled dashboard: Vite-like names, every reference served, CSP-safe, read once', async () => {
  const site = await loadBundledDashboard();
  assert.equal(await loadBundledDashboard(), site, 'memoised');
  const html = site.indexHtml.toString();
  assert.match(html, /<title>Operator Dashboard<\/title>/);
  assert.match(html, /<\/head>/, 'the simulator injects its sim-faults meta before </head>');
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script (CSP script-src self)');
  const { scripts, styles, preloads } = refs(html);
  assert.match(scripts[0] ?? '', /^\/assets\/index-[0-9a-f]{8}\.js$/);
  assert.match(styles[0] ?? '', /^\/assets\/index-[0-9a-f]{8}\.css$/);
  for (const url of [...scripts, ...preloads]) assert.match(site.files.get(url)?.contentType ?? '', /^text\/javascript/, url);
  assert.match(site.files.get(styles[0] ?? '')?.contentType ?? '', /^text\/css/);
  assert.ok(site.files.has('/favicon.ico'));
  for (const [url, file] of site.files) {
    assert.match(url, url === '/favicon.ico' ? /./ : HASHED);
    const text = file.body.toString();
    if (!url.endsWith('.js')) continue;
    for (const spec of importsOf(text)) assert.ok(site.files.has(spec), `${url} imports ${spec}, which is served`);
    // The CSP has no 'unsafe-eval' and default-src 'none': no eval and no resource from another origin.
    assert.doesNotMatch(text, /\beval\(|new Function\(|https?:\/\//, `${url} stays CSP-safe`);
  }
  const sources = await readSources(SRC_DIR);
  assert.equal(preloads.length + 1, sources.filter((s) => s.path.endsWith('.js')).length, 'every module is reachable from main.js');
});
