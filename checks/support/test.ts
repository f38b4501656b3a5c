import { test as base } from '@playwright/test';
import { catalogEntry } from '../../lib/runbook/catalog.ts';

/** "RB-07 dashboard login …" → "RB-07"; undefined for the setup step. */
export function checkId(title: string): string | undefined {
  return /^(RB-\d{2})\b/.exec(title)?.[1];
}

/**
 * The suite's test: every RB test carries its catalog severity as an annotation, so the JUnit
 * testcase holds it next to measured value and threshold.
 */
export const test = base.extend<{ _severity: void }>({
  _severity: [
    async ({}, use, info) => {
      const id = checkId(info.title);
      if (id) info.annotations.push({ type: 'severity', description: catalogEntry(id).severity });
      await use();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
