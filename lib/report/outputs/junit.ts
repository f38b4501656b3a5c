import { renderJUnit } from '../junit.ts';
import type { Output } from '../output.ts';

/**
 * junit.xml: one testcase per result, for CI's test report (GitHub check run, GitLab reports:junit);
 * with --junit strict, without the per-testcase properties Jenkins' xunit schema rejects.
 */
export const output: Output = {
  file: 'junit.xml',
  render: (r) => renderJUnit(r.results, { timestamp: new Date(r.doc.startedAt), strict: r.options?.junitStrict === true }),
};
