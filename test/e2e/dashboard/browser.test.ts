/**
 * The bundled dashboard driven by real Chromium against the real simulator, with the contract's
 * selectors (§9): login → wizard → Generate All → Quality Gate (fix every flagged post) → Export →
 * Deliverables → Download, then the two UI faults.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { startSimulator } from '../../../simulator/index.ts';
import { TEST_EMAIL as EMAIL, TEST_PASSWORD as PASSWORD } from '../../../simulator/testing.ts';
import { launchChromium, seededSessionPage } from '../../support/browser.ts';

/** Appended to a flagged post: a CTA phrase plus enough words to clear the length validator. */
const FIX =
  ' Learn more at example.com and sign up today. Our team reviews every plan with you, answers your questions in plain language, and helps you pick the next step that fits your budget, your schedule and the goals you set for this quarter.';
const DESCRIPTION = 'We build scheduling software for independent physiotherapy clinics that want fewer no-shows and calmer front desks.';
const AUDIENCE = 'Clinic owners with two to ten therapists';

/** Everything RB-13 would complain about, plus every dialog (none is expected on a healthy run). */
function watch(page: Page) {
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return { problems, dialogs };
}

/** Step 1 to the Generate All panel, with a fresh client. */
async function wizardToGeneration(page: Page, company: string): Promise<void> {
  await page.getByRole('heading', { name: 'Project Wizard' }).waitFor();
  await page.getByPlaceholder('Acme Corp').fill(company);
  await page.getByPlaceholder('We provide cloud-based project management software for small teams...').fill(DESCRIPTION);
  await page.getByPlaceholder('Small business owners with 5-20 employees who struggle with team coordination...').fill(AUDIENCE);
  await page.getByRole('button', { name: 'LinkedIn' }).click();
  await page.getByRole('button', { name: 'Save Profile' }).click();
  await page.getByRole('heading', { name: 'Research Tools' }).waitFor();
  await page.getByRole('button', { name: 'Skip Research' }).click();
  await page.getByRole('heading', { name: 'Custom Template Quantities' }).waitFor();
  // The innermost element holding both the card's heading and its input (the heading sits in a row of its own).
  const card = page.locator('div').filter({ has: page.getByRole('heading', { name: '#1. Problem Recognition', exact: true }) }).filter({ has: page.locator('input[type=number]') }).last();
  await card.locator('input[type=number]').fill('30');
  const next = page.getByRole('button', { name: 'Continue to Generation ($1,200)' });
  assert.ok(await next.isEnabled(), 'continue is enabled at 30 posts');
  await next.click();
  await page.getByRole('heading', { name: 'Generate All' }).waitFor();
}

/** The Quality Gate's chip texts, e.g. ["Total: 30", "Flagged: 3", "Approved: 27"]. */
async function chips(page: Page): Promise<string[]> {
  return (await page.locator('.quality-gate .chip').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim());
}

test('healthy simulator: the operator flow from login to a DOCX download', async (t) => {
  const started = Date.now();
  const sim = await startSimulator({ port: 0, generationSeconds: 1 });
  t.after(() => sim.close());
  const browser = await launchChromium(t);
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const { problems, dialogs } = watch(page);
  const dir = await mkdtemp(join(tmpdir(), 'dashboard-test-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  // The steps share one page: once one fails, the rest are skipped instead of timing out one by one.
  let broken = '';
  const step = (name: string, fn: () => Promise<void>) =>
    t.test(name, async (st) => {
      if (broken) return st.skip(`"${broken}" failed`);
      try {
        await fn();
      } catch (e) {
        broken = name;
        throw e;
      }
    });

  await step('a protected deep link redirects to the login page', async () => {
    await page.goto(`${sim.url}/dashboard/wizard`);
    await page.waitForURL('**/login');
    assert.equal(await page.title(), 'Operator Dashboard');
    await page.getByRole('heading', { name: 'Operator Dashboard' }).waitFor();
    await page.getByText('Sign in to your account').waitFor();
    assert.equal(await page.locator('#email').getAttribute('placeholder'), 'you@example.com');
    assert.equal(await page.getByLabel('Email address').getAttribute('type'), 'email');
  });

  await step('login through the form lands on the overview', async () => {
    await page.locator('#email').fill(EMAIL);
    await page.locator('#password').fill('not-the-password');
    await page.route('**/api/auth/login', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Cannot reach the server. Check your connection or VPN and try again.').waitFor();
    await page.unroute('**/api/auth/login');
    // Hold the next attempt so the busy state can be observed.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/auth/login', async (route) => {
      await held;
      await route.continue();
    });
    const wrong = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    const busy = page.getByRole('button', { name: 'Signing in...' });
    await busy.waitFor();
    assert.ok(await busy.isDisabled(), 'disabled while busy');
    release();
    assert.equal((await wrong).status(), 401);
    await page.unroute('**/api/auth/login');
    assert.equal((await page.getByRole('alert').innerText()).trim(), 'Incorrect email or password');
    problems.splice(0); // the refused request and the 401 (and Chromium's console lines about them) were the point
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Show password' }).click();
    assert.equal(await page.locator('#password').getAttribute('type'), 'text');
    await page.getByRole('button', { name: 'Hide password' }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: 'Dashboard Overview' }).waitFor();
    const user = await page.evaluate(() => JSON.parse(localStorage.getItem('user') ?? 'null'));
    assert.equal(user?.role, 'operator');
    assert.equal(user?.email, EMAIL);
    assert.ok(await page.evaluate(() => Boolean(localStorage.getItem('access_token'))), 'access token stored');
    await page.getByRole('button', { name: 'Logout' }).waitFor();
  });

  await step('wizard: profile validation, then client → research skipped → 30 posts', async () => {
    await page.getByRole('link', { name: 'Wizard / QA' }).click();
    await page.waitForURL('**/dashboard/wizard');
    const research = page.getByRole('button', { name: '2 Research', exact: true });
    assert.ok(await research.isDisabled());
    assert.equal(await research.getAttribute('title'), 'Complete previous steps to unlock');
    await page.getByRole('button', { name: 'Save Profile' }).click();
    await page.getByText('Company name is required').waitFor();
    await page.getByText('Business description must be at least 70 characters (required for research tools)').waitFor();
    await wizardToGeneration(page, `UI Test Co ${Date.now()}`);
    assert.equal(await page.getByRole('button', { name: '1 Client Profile', exact: true }).getAttribute('title'), 'Client Profile');
  });

  await step('Generate All produces 30 posts and the Quality Gate lists the flagged ones with badges', async () => {
    const start = page.waitForRequest((r) => r.url().endsWith('/api/generator/generate-all') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Generate All' }).click();
    const body = (await start).postDataJSON();
    assert.deepEqual(Object.keys(body).sort(), ['client_id', 'custom_topics', 'is_batch', 'project_id', 'template_quantities']);
    assert.deepEqual(body.template_quantities, { '1': 30 });
    assert.equal((await start).url().includes('?'), false, 'no query parameter, like the dashboard');
    await page.getByRole('heading', { name: 'Quality Gate', exact: true }).waitFor({ timeout: 30_000 });
    const shown = await chips(page);
    assert.ok(shown.includes('Total: 30'), `chips: ${shown.join(' | ')}`);
    const flaggedChip = shown.find((c) => c.startsWith('Flagged: '));
    const flagged = Number(flaggedChip?.slice('Flagged: '.length));
    assert.ok(flagged > 0, 'the simulator flags a few posts, so the edit path is exercised');
    assert.ok(shown.includes(`Approved: ${30 - flagged}`), `chips: ${shown.join(' | ')}`);
    await page.getByRole('heading', { name: `Flagged Posts (${flagged})` }).waitFor();
    const badges = await page.locator('.post-flagged .badge').allInnerTexts();
    assert.ok(badges.length >= flagged && badges.every((b) => b === 'too_short' || b === 'missing_cta'), `badges: ${badges.join(', ')}`);
    assert.ok(await page.getByRole('button', { name: `${flagged} posts flagged - fix before exporting` }).isDisabled());
  });

  await step('editing each flagged post clears its flags and unlocks export', async () => {
    for (let i = 0; i < 15 && (await page.locator('.post-flagged').count()) > 0; i++) {
      const before = await page.locator('.post-flagged').count();
      const row = page.locator('.post-flagged').first();
      const label = (await row.getByText(/^Post /).first().innerText()).trim();
      await row.getByRole('button', { name: 'Edit' }).click();
      // Like the real one, the edit "dialog" is a plain overlay (no role=dialog): heading and placeholder.
      await page.getByRole('heading', { name: `Edit ${label}`, exact: true }).waitFor();
      const box = page.getByPlaceholder('Enter post content...');
      await box.fill(`${await box.inputValue()}${FIX}`);
      await page.getByRole('button', { name: 'Save Changes' }).click();
      await box.waitFor({ state: 'detached' });
      // The list is refetched after the save: wait for it before picking the next row.
      await page.waitForFunction((n) => document.querySelectorAll('.post-flagged').length < n, before);
    }
    assert.equal(await page.locator('.post-flagged').count(), 0, 'no flagged post left');
    const shown = await chips(page);
    assert.deepEqual(shown, ['Total: 30', 'Approved: 30']);
    await page.getByRole('button', { name: 'Continue to Export' }).click();
  });

  await step('export, then download the DOCX from Deliverables', async () => {
    await page.getByRole('heading', { name: 'Export Package' }).waitFor();
    const exported = page.waitForResponse((r) => r.url().endsWith('/api/generator/export'));
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const res = await exported;
    assert.equal(res.status(), 200);
    assert.deepEqual(Object.keys(res.request().postDataJSON()).sort(), ['client_id', 'format', 'project_id']);
    await page.getByRole('button', { name: 'Export', exact: true }).waitFor();

    await page.getByRole('link', { name: 'Deliverables' }).click();
    await page.getByRole('heading', { name: 'Deliverables', exact: true }).waitFor();
    const row = page.locator('.deliverable-row').filter({ has: page.getByRole('button', { name: 'Download' }) }).first();
    await row.getByText('ready', { exact: true }).waitFor();
    const downloading = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /\.docx$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const zip = unzipSync(new Uint8Array(await readFile(file)));
    assert.ok(zip['[Content_Types].xml'], 'a valid Office package');
    const xml = strFromU8(zip['word/document.xml'] ?? new Uint8Array());
    const sections = new Set([...xml.matchAll(/Post (\d+):/g)].map((m) => Number(m[1])));
    assert.equal(sections.size, 30, `post sections: ${[...sections].join(',')}`);
    assert.ok(xml.includes(FIX.trim().slice(0, 40)), 'the edited content is what was exported');
  });

  await step('the deliverable drawer shows its tabs and the quality summary', async () => {
    await page.getByRole('button', { name: 'View' }).first().click();
    const drawer = page.getByRole('dialog');
    for (const name of ['Overview', 'Preview', 'Quality', 'History']) await drawer.getByRole('tab', { name, exact: true }).waitFor();
    await drawer.getByRole('tab', { name: 'Posts (30)', exact: true }).waitFor();
    await drawer.getByRole('tab', { name: 'Quality' }).click();
    await drawer.getByText('Quality Summary').waitFor();
    await drawer.getByText('Excellent quality - 100% approval rate').waitFor();
    await page.getByRole('button', { name: 'Close drawer' }).click();
    await drawer.waitFor({ state: 'detached' });
  });

  await step('Mark Delivered opens the deliverable drawer, as on the real page', async () => {
    await page.getByRole('button', { name: 'Mark Delivered' }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('tab', { name: 'Overview', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Close drawer' }).click();
    await drawer.waitFor({ state: 'detached' });
  });

  await step('the simple pages: projects, clients, their details and content review', async () => {
    const facts = async () => {
      const terms = await page.locator('dl.facts dt').allInnerTexts();
      const values = await page.locator('dl.facts dd').allInnerTexts();
      return Object.fromEntries(terms.map((k, i) => [k, values[i]]));
    };
    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('heading', { name: 'Projects', exact: true }).waitFor();
    await page.getByRole('button', { name: 'More actions' }).first().click();
    await page.getByRole('button', { name: 'View Details' }).click();
    await page.waitForURL('**/dashboard/projects/project-*');
    await page.getByRole('heading', { name: /^UI Test Co \d+ - Content Project$/ }).waitFor();
    const project = await facts();
    assert.deepEqual(Object.keys(project), ['Status', 'Client', 'Tone', 'Platforms', 'Created']);
    assert.match(project['Client'] ?? '', /^client-/);
    assert.equal(project['Platforms'], 'linkedin');

    await page.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
    await page.getByRole('link', { name: /^UI Test Co \d+$/ }).first().click();
    await page.waitForURL('**/dashboard/clients/client-*');
    await page.getByRole('heading', { name: /^UI Test Co \d+$/ }).waitFor();
    const client = await facts();
    assert.equal(client['Business'], DESCRIPTION);
    assert.equal(client['Target Audience'], AUDIENCE);
    assert.equal(client['Main Problem Solved'], '—', 'an empty value shows as a dash');

    await page.goto(`${sim.url}/dashboard/content-review`);
    await page.getByRole('heading', { name: 'Content Review', exact: true }).waitFor();
    // The posts list is paginated (page_size 20) and the page asks without parameters, like the real one.
    await page.locator('table.table tbody tr').nth(19).waitFor();
    assert.equal(await page.locator('table.table tbody tr').count(), 20);
  });

  await step('logout clears the session', async () => {
    await page.getByRole('button', { name: 'Logout' }).click();
    await page.waitForURL('**/login');
    assert.ok(await page.evaluate(() => localStorage.getItem('access_token') === null), 'access token removed');
  });

  t.diagnostic(`flow took ${Date.now() - started} ms`);
  assert.deepEqual(dialogs, [], 'no alert on a healthy run');
  assert.deepEqual(problems, [], 'no console error, page error, failed request or 4xx/5xx on a healthy run');
});

test('UI faults (qa-flags-missing, console-error) and the session rules (unknown path, token refresh, expiry)', async (t) => {
  const sim = await startSimulator({ port: 0, generationSeconds: 1, faults: ['qa-flags-missing', 'console-error'] });
  t.after(() => sim.close());
  // Seeded once per tab: the later full-page load to /login must see what the app left.
  const page = await seededSessionPage(await launchChromium(t), sim.url);
  const { problems, dialogs } = watch(page);

  await page.goto(`${sim.url}/dashboard/wizard`);
  await wizardToGeneration(page, `UI Fault Co ${Date.now()}`);
  await page.getByRole('button', { name: 'Generate All' }).click();
  await page.getByRole('heading', { name: 'Quality Gate', exact: true }).waitFor({ timeout: 30_000 });
  const shown = await chips(page);
  assert.ok(shown.includes('Total: 30'), `chips: ${shown.join(' | ')}`);
  assert.ok(!shown.some((c) => c.startsWith('Flagged:')), `no Flagged chip: ${shown.join(' | ')}`);
  await page.getByRole('heading', { name: /^Flagged Posts \(\d+\)$/ }).waitFor();
  assert.equal(await page.locator('.post-flagged').count() > 0, true, 'flagged rows are still listed');
  assert.equal(await page.locator('.post-flagged .badge').count(), 0, 'but without their flag badges');

  // Routing and the session rules of contract §3/§9: unknown paths go to /dashboard, a bad access
  // token is refreshed once, a bad refresh token ends the session.
  await page.goto(`${sim.url}/no/such/page`);
  await page.waitForURL('**/dashboard');
  await page.getByRole('heading', { name: 'Dashboard Overview' }).waitFor();
  await page.evaluate(() => localStorage.setItem('access_token', 'garbage'));
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh'));
  await page.getByRole('link', { name: 'Projects' }).click();
  assert.equal((await refreshed).status(), 200);
  await page.getByText(/^UI Fault Co \d+ - Content Project$/).waitFor();
  assert.ok(await page.evaluate(() => localStorage.getItem('access_token') !== 'garbage'), 'the refreshed access token was stored');
  await page.evaluate(() => {
    localStorage.setItem('access_token', 'garbage');
    localStorage.setItem('refresh_token', 'garbage');
  });
  await page.getByRole('link', { name: 'Clients' }).click();
  await page.waitForURL('**/login');
  // Compared as booleans so a failure never prints a token.
  assert.deepEqual(await page.evaluate(() => ['access_token', 'refresh_token', 'user'].map((k) => localStorage.getItem(k) === null)), [true, true, true], 'session cleared');

  assert.ok(problems.includes('console.error: Simulated console error (fault console-error)'), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('pageerror: Simulated uncaught error')), problems.join('\n'));
  assert.deepEqual(dialogs, []);
});
