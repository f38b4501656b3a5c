import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { openDashboard } from './ui.ts';

/** The runbook's batch: "Generate 30 posts". */
export const POSTS = 30;
/** The Templates step's price without research (TemplateQuantitySelector: $40/post). */
export const PRICE_PER_POST = 40;

/** Profile of the synthetic client (clients cannot be deleted, so it is created once and reused). */
const SYNTHETIC_PROFILE = {
  description:
    'Synthetic client of the Jumpstart release gate: used only by automated post-deploy verification of Content Jumpstart releases.',
  audience: 'Release engineers who verify each deploy before traffic is switched.',
  problem: 'Catches broken deploys before customers see them.',
};

/** "$1,200" as any browser locale writes it: digits with an optional group separator. */
export function priceText(amount: number): RegExp {
  const digits = String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u0000');
  return new RegExp(`\\$${digits.replace(/\u0000/g, '[,.\\s\u00a0\u202f]?')}`);
}

const isPost = (r: Response, path: string): boolean => r.request().method() === 'POST' && new URL(r.url()).pathname === path;

/**
 * The operator dashboard's Project Wizard (pages/Wizard.tsx and components/wizard/* at the real app's
 * HEAD): only roles, visible texts and placeholders, and only outcomes a person sees.
 */
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

  /** "Use Existing Client", pick the client (a Radix Select: a combobox button and a listbox), continue. */
  async useExistingClient(name: string): Promise<void> {
    await this.button('Use Existing Client').click();
    const picker = this.page.getByRole('combobox').filter({ hasText: '-- Select a client --' }).first();
    await expect(picker).toBeVisible();
    if ((await picker.evaluate((el) => el.tagName)) === 'SELECT') {
      await picker.selectOption({ label: name });
    } else {
      await picker.click();
      // Older runs may have left clients of the same name: any of them is the synthetic client.
      await this.page.getByRole('option', { name, exact: true }).first().click();
    }
    // The wizard validates the loaded profile on "Continue": wait until the form shows the client.
    await expect(this.page.getByPlaceholder('Acme Corp')).toHaveValue(name);
    await this.button('Continue to Research').click();
  }

  /** The new-client path: the profile form, then "Save Profile" (creates the client and the project). */
  async createClient(name: string): Promise<void> {
    const p = this.page;
    await p.getByPlaceholder('Acme Corp').fill(name);
    await p.getByPlaceholder('We provide cloud-based project management software for small teams...').fill(SYNTHETIC_PROFILE.description);
    await p.getByPlaceholder('Small business owners with 5-20 employees who struggle with team coordination...').fill(SYNTHETIC_PROFILE.audience);
    await p.getByPlaceholder('We eliminate the chaos of scattered communication and missed deadlines...').fill(SYNTHETIC_PROFILE.problem);
    await this.button('LinkedIn').click();
    await this.button('Save Profile').click();
  }

  async skipResearch(): Promise<void> {
    await expect(this.heading('Research Tools')).toBeVisible();
    await this.button('Skip Research').click();
  }

  /**
   * Puts `total` posts on template #1 (what the dashboard's own smoke run did) and continues. The
   * Templates step's own summary is judged (its button carries the price); the Wizard Status box
   * takes the quantities only on "Continue to Generation", so it is read after the click.
   */
  async chooseTemplates(total: number): Promise<void> {
    await expect(this.heading('Custom Template Quantities')).toBeVisible();
    const card = this.page
      .locator('div')
      .filter({ has: this.heading('#1. Problem Recognition') })
      .filter({ has: this.page.getByRole('spinbutton') })
      .last();
    await card.getByRole('spinbutton').fill(String(total));
    const go = this.button(new RegExp(`^Continue to Generation\\s*\\(${priceText(total * PRICE_PER_POST).source}\\)$`));
    await expect(go).toBeEnabled();
    await go.click();
    await expect(this.statusBox().getByText(new RegExp(`^Total Posts: ${total}$`))).toBeVisible();
  }

  /** The box every wizard step shows below the step ("Project: …", "Total Posts: N", …). */
  statusBox(): Locator {
    return this.page.locator('div').filter({ has: this.heading('Wizard Status') }).last();
  }

  /** The Quality Gate step before generation: the "Generate All" panel. */
  async expectGenerateStep(): Promise<void> {
    await expect(this.heading('Generate All')).toBeVisible();
    await expect(this.button('Generate All')).toBeEnabled();
  }

  /** Clicks "Generate All"; resolves with the generate-all answer, or undefined when none came. */
  async generateAll(timeoutMs: number): Promise<Response | undefined> {
    const started = this.page.waitForResponse((r) => isPost(r, '/api/generator/generate-all'), { timeout: timeoutMs }).catch(() => undefined);
    await this.button('Generate All').click();
    return started;
  }
}
