import { test as base } from '@playwright/test';
import { catalogEntry } from '../../lib/runbook/catalog.ts';
import { checkId } from '../report/results.ts';

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
