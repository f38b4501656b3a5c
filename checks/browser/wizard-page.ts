import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { openDashboard } from './ui.ts';

/** The runbook's batch: "Generate 30 posts". */
export const POSTS = 30;

/** Profile of the synthetic client (clients cannot be deleted, so it is created once and reused). */
export const SYNTHETIC_PROFILE = {
  description:
    'Synthetic client of the Jumpstart release gate: used only by automated post-deploy verification of Content Jumpstart releases.',
  audience: 'Release engineers who verify each deploy before traffic is switched.',
  problem: 'Catches broken deploys before customers see them.',
};

/** Appended to a flagged post in RB-10: a call to action that also lengthens it past the length rule. */
export const FIX_TEXT =
  ' Ready to see how this applies to your team? Learn more in our free guide, then get started today: contact us for a short walkthrough, ' +
  'download the checklist, and subscribe to our weekly notes on planning, delivery and team coordination. Every issue shares one practical ' +
  'lesson from real projects, one common mistake to avoid, and one small habit that helps busy teams ship with confidence week after week.';

const isPath = (r: Response, method: string, path: string | RegExp): boolean =>
  r.request().method() === method && (typeof path === 'string' ? new URL(r.url()).pathname === path : path.test(new URL(r.url()).pathname));

/** The operator dashboard's Project Wizard (contract §4–§7): roles, texts and placeholders only. */
export class WizardPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name, exact: typeof name === 'string' ? true : undefined });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' ? true : undefined });
  }

  async open(): Promise<void> {
    await openDashboard(this.page, '/dashboard/wizard');
    await expect(this.heading('Project Wizard')).toBeVisible();
  }

  /** Starts the project creation and resolves with POST /api/projects/'s response. */
  private projectCreated(): Promise<Response> {
    return this.page.waitForResponse((r) => isPath(r, 'POST', '/api/projects/'));
  }

  async useExistingClient(name: string, id: string): Promise<Response> {
    await this.button('Use Existing Client').click();
    const select = this.page.getByRole('combobox').filter({ hasText: '-- Select a client --' }).first();
    const loaded = this.page.waitForResponse((r) => isPath(r, 'GET', `/api/clients/${id}`));
    const tag = await select.evaluate((el) => el.tagName);
    if (tag === 'SELECT') {
      await select.selectOption({ label: name });
    } else {
      // The real dashboard uses a Radix Select: a button opening a listbox.
      await select.click();
      await this.page.getByRole('option', { name, exact: true }).click();
    }
    const client = await loaded;
    if (client.status() !== 200) throw new Error(`GET /api/clients/${id} answered ${client.status()}`);
    const created = this.projectCreated();
    await this.button('Continue to Research').click();
    return created;
  }

  async createClient(name: string): Promise<Response> {
    const p = this.page;
    await p.getByPlaceholder('Acme Corp').fill(name);
    await p.getByPlaceholder('We provide cloud-based project management software for small teams...').fill(SYNTHETIC_PROFILE.description);
    await p.getByPlaceholder('Small business owners with 5-20 employees who struggle with team coordination...').fill(SYNTHETIC_PROFILE.audience);
    await p.getByPlaceholder('We eliminate the chaos of scattered communication and missed deadlines...').fill(SYNTHETIC_PROFILE.problem);
    await this.button('LinkedIn').click();
    const created = this.projectCreated();
    await this.button('Save Profile').click();
    return created;
  }

  async skipResearch(): Promise<void> {
    await expect(this.heading('Research Tools')).toBeVisible();
    await this.button('Skip Research').click();
  }

  /** Puts `total` posts on template #1 (what the dashboard's own smoke run did: {"1": 30}). */
  async chooseTemplates(total: number): Promise<void> {
    await expect(this.heading('Custom Template Quantities')).toBeVisible();
    const card = this.page
      .locator('div')
      .filter({ has: this.page.getByRole('heading', { name: '#1. Problem Recognition' }) })
      .filter({ has: this.page.locator('input[type=number]') })
      .last();
    await card.locator('input[type=number]').fill(String(total));
    await expect(this.page.getByText(`Total Posts: ${total}`, { exact: true })).toBeVisible();
    await this.button(/^Continue to Generation/).click();
    await expect(this.heading('Generate All')).toBeVisible();
  }

  /** Clicks "Generate All" and resolves with the generate-all response. */
  async generateAll(): Promise<Response> {
    const started = this.page.waitForResponse((r) => isPath(r, 'POST', '/api/generator/generate-all'));
    await this.button('Generate All').click();
    return started;
  }

  /** The Quality Gate panel: the innermost element holding its heading and its chips. */
  qualityGate(): Locator {
    return this.page
      .locator('section, div')
      .filter({ has: this.page.getByRole('heading', { name: 'Quality Gate', exact: true }) })
      .filter({ hasText: /Total: \d+/ })
      .last();
  }

  /** Chip value ("Total: 30" → 30), or undefined when the chip is absent. */
  async chip(label: 'Total' | 'Flagged' | 'Approved'): Promise<number | undefined> {
    const chip = this.qualityGate().getByText(new RegExp(`^${label}: \\d+$`));
    if ((await chip.count()) === 0) return undefined;
    const text = (await chip.first().textContent()) ?? '';
    return Number(/\d+/.exec(text)?.[0]);
  }

  postRow(id: string): Locator {
    return this.qualityGate().locator('div').filter({ hasText: `Post ${id}` }).filter({ has: this.page.getByRole('button', { name: 'Edit' }) }).last();
  }

  /** Appends `text` through the post's "Edit" dialog and waits for the PATCH. */
  async editPost(id: string, text: string): Promise<Response> {
    await this.postRow(id).getByRole('button', { name: 'Edit' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Edit Post ${id}` });
    await expect(dialog).toBeVisible();
    const box = dialog.getByRole('textbox');
    const current = await box.inputValue();
    await box.fill(current + text);
    const patched = this.page.waitForResponse((r) => isPath(r, 'PATCH', `/api/posts/${id}`));
    await dialog.getByRole('button', { name: 'Save Changes' }).click();
    const res = await patched;
    await expect(dialog).toBeHidden();
    return res;
  }

  async continueToExport(): Promise<void> {
    await this.button('Continue to Export').click();
    await expect(this.heading('Export Package')).toBeVisible();
  }

  /** Exports as DOCX and resolves with POST /api/generator/export's response. */
  async exportDocx(): Promise<Response> {
    const format = this.page.getByRole('combobox').filter({ hasText: 'DOCX' }).first();
    if ((await format.count()) > 0 && (await format.evaluate((el) => el.tagName)) === 'SELECT') await format.selectOption({ label: 'DOCX' });
    const exported = this.page.waitForResponse((r) => isPath(r, 'POST', '/api/generator/export'));
    await this.button('Export').click();
    return exported;
  }
}

/** `/dashboard/deliverables`: rows with "View", "Download", "Mark Delivered". */
export class DeliverablesPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    // Through the sidebar: a client-side navigation, as an operator would go there.
    await this.page.getByRole('link', { name: 'Deliverables', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Deliverables', exact: true })).toBeVisible();
  }

  row(deliverableId: string): Locator {
    return this.page.getByRole('row').filter({ hasText: deliverableId });
  }
}
