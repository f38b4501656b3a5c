/**
 * What the bundled dashboard does the way the real HEAD dashboard does it (checked side by side against
 * its production build), and the UI faults that replay the real one's bugs: the Wizard Status box that
 * changes only on "Continue to Generation", the Radix-like client listbox (mouse and keyboard), the
 * error screen of existing-client-crash, the first-page-only Quality Gate and "Open Wizard".
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { startSimulator, type SimulatorHandle } from '../../../simulator/index.ts';
import { TEST_EMAIL, TEST_PASSWORD } from '../../../simulator/testing.ts';
import { launchChromium, seededSessionPage } from '../../support/browser.ts';

const CLIENT = 'Seeded Client Ltd';

/** A page with a session seeded through the API (no form login), and its console errors collected. */
async function sessionPage(t: TestContext, sim: SimulatorHandle): Promise<{ page: Page; errors: string[] }> {
  const page = await seededSessionPage(await launchChromium(t), sim.url, { viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('dialog', (d) => d.dismiss().catch(() => {}));
  return { page, errors };
}

/** The Wizard Status line "<Label>: value" as shown. */
async function status(page: Page, label: string): Promise<string> {
  const line = page.locator('.wizard-status p').filter({ has: page.locator('strong', { hasText: `${label}:` }) });
  return (await line.innerText()).replace(/\s+/g, ' ').trim();
}

async function newClientToTemplates(page: Page, company: string): Promise<void> {
  await page.getByPlaceholder('Acme Corp').fill(company);
  await page.getByPlaceholder('We provide cloud-based project management software for small teams...').fill('We build scheduling software for independent physiotherapy clinics that want calm front desks.');
  await page.getByPlaceholder('Small business owners with 5-20 employees who struggle with team coordination...').fill('Clinic owners with two to ten therapists');
  await page.getByRole('button', { name: 'Save Profile' }).click();
  await page.getByRole('button', { name: 'Skip Research' }).click();
  await page.getByRole('heading', { name: 'Custom Template Quantities' }).waitFor();
}

test('Wizard Status follows "Continue to Generation", not the Templates step; review-first-page-only shows 20 of 30; Open Wizard passes the project', async (t) => {
  const sim = await startSimulator({ port: 0, generationSeconds: 1, faults: ['review-first-page-only'], email: TEST_EMAIL, password: TEST_PASSWORD });
  t.after(() => sim.close());
  const { page } = await sessionPage(t, sim);
  await page.goto(`${sim.url}/dashboard/wizard`);
  await newClientToTemplates(page, 'Status Timing Co');

  const card = page.locator('div').filter({ has: page.getByRole('heading', { name: '#1. Problem Recognition', exact: true }) }).filter({ has: page.getByRole('spinbutton') }).last();
  await card.getByRole('spinbutton').fill('30');
  await page.getByRole('button', { name: 'Continue to Generation ($1,200)', exact: true }).waitFor();
  await page.getByText('✓ Good quantity selection').waitFor();
  // The step's own summary is live; the status box is not.
  assert.equal(await status(page, 'Templates'), 'Templates: Not selected');
  assert.equal(await status(page, 'Total Posts'), 'Total Posts: 0');
  assert.equal(await status(page, 'Total Price'), 'Total Price: Not calculated');
  await page.getByRole('button', { name: 'Continue to Generation ($1,200)', exact: true }).click();
  await page.getByRole('heading', { name: 'Generate All' }).waitFor();
  assert.equal(await status(page, 'Templates'), 'Templates: 1 selected');
  assert.equal(await status(page, 'Total Posts'), 'Total Posts: 30');
  assert.equal(await status(page, 'Total Price'), 'Total Price: $1,200');

  // The real wizard's one posts request: ?projectId= and the API's default page of 20.
  const postsUrls: string[] = [];
  page.on('request', (r) => new URL(r.url()).pathname === '/api/posts/' && postsUrls.push(new URL(r.url()).search));
  await page.getByRole('button', { name: 'Generate All' }).click();
  await page.getByRole('heading', { name: 'Quality Gate', exact: true }).waitFor({ timeout: 30_000 });
  const chips = (await page.locator('.quality-gate .chip').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim());
  assert.equal(chips[0], 'Total: 20', chips.join(' | '));
  assert.ok(postsUrls.length > 0 && postsUrls.every((q) => /^\?projectId=project-[0-9a-f]+$/.test(q)), postsUrls.join(' '));
  const project = (await (await fetch(`${sim.url}/__sim/stats`, { headers: { 'x-sim-admin-token': sim.adminToken } })).json()) as { projects: { live: number } };
  assert.equal(project.projects.live, 1);

  // Projects → "More actions" → "Open Wizard": the wizard shows that project, back at the client step.
  await page.getByRole('link', { name: 'Projects' }).click();
  await page.getByText('Status Timing Co - Content Project').waitFor();
  await page.getByTitle('More actions').click();
  await page.getByRole('button', { name: 'Open Wizard' }).click();
  await page.getByRole('heading', { name: 'Project Wizard' }).waitFor();
  // Kept where React Router keeps location state, so a reload keeps it too.
  await page.waitForFunction(() => typeof (history.state as { usr?: { projectId?: unknown } } | null)?.usr?.projectId === 'string');
  await page.locator('.wizard-status', { hasText: 'Status Timing Co - Content Project' }).waitFor();
  assert.equal(await status(page, 'Project'), 'Project: Status Timing Co - Content Project');
  await page.locator('.wizard-status', { hasText: 'Generated: 20 posts' }).waitFor();
  assert.equal(await status(page, 'Runs'), 'Runs: 1');
  assert.equal(await status(page, 'Client Brief'), 'Client Brief: Not set');
  await page.getByRole('heading', { name: 'Select Client' }).waitFor();
  assert.ok(await page.getByRole('button', { name: '2 Research', exact: true }).isDisabled(), 'still at step 1');
});

test('Use Existing Client: a Radix-like listbox (mouse and keyboard); existing-client-crash shows the error screen', async (t) => {
  const sim = await startSimulator({ port: 0, generationSeconds: 1, seedClients: ['Another Client', CLIENT], email: TEST_EMAIL, password: TEST_PASSWORD });
  t.after(() => sim.close());
  const { page, errors } = await sessionPage(t, sim);
  await page.goto(`${sim.url}/dashboard/wizard`);
  await page.getByRole('button', { name: 'Use Existing Client' }).click();
  // A combobox takes no name from its content (here as on the real Radix trigger): find it by its text.
  const picker = page.getByRole('combobox').filter({ hasText: '-- Select a client --' });
  await picker.waitFor();
  assert.equal(await picker.evaluate((el) => el.tagName), 'BUTTON', 'not a native <select>');
  await page.getByText('Select an existing client to continue').waitFor();
  assert.equal(await page.getByPlaceholder('Acme Corp').count(), 0, 'no profile panel before a client is chosen');

  // Keyboard: Enter opens with the first option focused, ArrowDown moves, Escape closes.
  await picker.focus();
  await page.keyboard.press('Enter');
  // While open, everything but the listbox is aria-hidden (as Radix does), the trigger included.
  const combobox = page.locator('[role=combobox]');
  const listbox = page.getByRole('listbox');
  await listbox.waitFor();
  assert.equal(await combobox.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await page.getByRole('option').allInnerTexts(), ['Another Client', CLIENT].map((n) => `${n}`));
  assert.equal(await page.getByRole('button', { name: 'Create New Client' }).count(), 0, 'the rest of the page is hidden while open');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByRole('option', { name: CLIENT }).evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press('Escape');
  await listbox.waitFor({ state: 'detached' });
  assert.equal(await combobox.getAttribute('aria-expanded'), 'false');

  // Mouse: open, pick; the client is loaded and fills the profile.
  const loaded = page.waitForResponse((r) => /^\/api\/clients\/client-[0-9a-f]+$/.test(new URL(r.url()).pathname));
  await page.getByRole('combobox').click();
  await page.getByRole('option', { name: CLIENT, exact: true }).click();
  assert.equal((await loaded).status(), 200);
  await page.getByRole('combobox').filter({ hasText: CLIENT }).waitFor();
  await page.locator('.wizard-status', { hasText: 'Client Brief: ✓ Saved' }).waitFor();
  assert.equal(await page.getByPlaceholder('Acme Corp').inputValue(), CLIENT);
  const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/projects/' && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Continue to Research' }).click();
  assert.equal((await created).status(), 201);
  assert.equal((await created).request().postDataJSON().name, `${CLIENT} - Content Project`);
  await page.getByRole('heading', { name: 'Research Tools' }).waitFor();
  assert.equal(errors.length, 0, `healthy: no console error: ${errors.join('; ')}`);

  // The real HEAD: the list carries an empty-value item; the Select throws; the page is the error screen.
  sim.setFaults(['existing-client-crash']);
  await page.goto(`${sim.url}/dashboard/wizard`);
  await page.getByRole('button', { name: 'Use Existing Client' }).click();
  await page.getByRole('heading', { name: 'Something Went Wrong', level: 1 }).waitFor();
  await page.getByText("We encountered an unexpected error. This has been logged and we'll look into it.").waitFor();
  for (const name of ['Reload Application', 'Go to Dashboard', 'Try Again']) await page.getByRole('button', { name }).waitFor();
  await page.getByRole('link', { name: 'Wizard / QA' }).waitFor(); // the layout stays
  assert.equal(await page.getByRole('heading', { name: 'Project Wizard' }).count(), 0);
  assert.ok(errors.some((e) => e.includes('A <Select.Item /> must have a value prop that is not an empty string')), errors.join('\n'));
  assert.ok(errors.some((e) => e.startsWith('ErrorBoundary caught an error:')), errors.join('\n'));
  await page.getByRole('button', { name: 'Try Again' }).click();
  await page.getByRole('heading', { name: 'Project Wizard' }).waitFor();
});
