import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { openDashboard } from './ui.ts';

/** Appended to a flagged post in RB-10: a call to action that also lengthens it past the length rule. */
export const FIX_TEXT =
  ' Ready to see how this applies to your team? Learn more in our free guide, then get started today: contact us for a short walkthrough, ' +
  'download the checklist, and subscribe to our weekly notes on planning, delivery and team coordination. Every issue shares one practical ' +
  'lesson from real projects, one common mistake to avoid, and one small habit that helps busy teams ship with confidence week after week.';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The wizard's Quality Gate and Export steps (components/wizard/QualityGatePanel.tsx, ExportPanel.tsx). */
export class ReviewPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The panel: the innermost element holding the "Quality Gate" heading and its "Total: N" chip. */
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
    return this.qualityGate()
      .locator('div')
      .filter({ hasText: `Post ${id}` })
      .filter({ has: this.page.getByRole('button', { name: 'Edit' }) })
      .last();
  }

  /**
   * The "Edit Post <id>" dialog: the innermost box with that heading and a text box (the real one is a
   * plain overlay without role=dialog, so it is found by what it shows).
   */
  editDialog(id: string): Locator {
    return this.page
      .locator('dialog, div')
      .filter({ has: this.page.getByRole('heading', { name: `Edit Post ${id}`, exact: true }) })
      .filter({ has: this.page.getByRole('textbox') })
      .last();
  }

  /**
   * Appends `text` through the post's "Edit" dialog; resolves with the PATCH answer. The wait and the
   * click go together: a click that fails must not leave the wait to reject later, unhandled (Playwright
   * would then stop the whole journey).
   */
  async editPost(id: string, text: string, timeoutMs: number): Promise<Response> {
    await this.postRow(id).getByRole('button', { name: 'Edit' }).click();
    const dialog = this.editDialog(id);
    await expect(dialog).toBeVisible();
    const box = dialog.getByRole('textbox');
    await box.fill((await box.inputValue()) + text);
    const [res] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/posts/${id}`, { timeout: timeoutMs }),
      dialog.getByRole('button', { name: 'Save Changes' }).click(),
    ]);
    await expect(this.page.getByRole('heading', { name: `Edit Post ${id}`, exact: true })).toBeHidden();
    return res;
  }

  /** Closes an edit dialog left open by a failed edit ("Cancel"), so the page stays usable. */
  async closeDialogs(): Promise<void> {
    const cancel = this.page.getByRole('button', { name: 'Cancel', exact: true });
    if ((await cancel.count()) > 0) await cancel.first().click({ timeout: 5_000 }).catch(() => undefined);
  }

  /** What the button under the Quality Gate says: "Continue to Export" or "N posts flagged - fix before exporting". */
  exportButton(): Locator {
    return this.page.getByRole('button', { name: /^(Continue to Export|\d+ posts? flagged - fix before exporting)$/ });
  }

  async continueToExport(): Promise<void> {
    await this.page.getByRole('button', { name: 'Continue to Export', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Export Package', exact: true })).toBeVisible();
  }

  /** Clicks "Export" (the dashboard always asks for DOCX); resolves with the export answer or undefined. */
  async exportDocx(timeoutMs: number): Promise<Response | undefined> {
    const exported = this.page
      .waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/generator/export', { timeout: timeoutMs })
      .catch(() => undefined);
    await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    return exported;
  }
}

/** `/dashboard/deliverables` (pages/Deliverables.tsx): deliverables grouped by client and project. */
export class DeliverablesPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Through the sidebar when there is one (as an operator goes there), else by URL. */
  async open(): Promise<void> {
    const link = this.page.getByRole('link', { name: 'Deliverables', exact: true });
    if ((await link.count()) > 0) await link.first().click();
    else await openDashboard(this.page, '/dashboard/deliverables');
    await expect(this.page.getByRole('heading', { name: /^Deliverables\b/ })).toBeVisible();
  }

  /**
   * The innermost group or row that names the project ("Project: <id>", the real page's group header)
   * or the deliverable's id, and holds a "Download" button.
   */
  entry(projectId: string, deliverableId: string): Locator {
    return this.page
      .locator('tr, div')
      .filter({ hasText: new RegExp(`Project: ${escape(projectId)}|${escape(deliverableId)}`) })
      .filter({ has: this.page.getByRole('button', { name: 'Download', exact: true }) })
      .last();
  }
}
