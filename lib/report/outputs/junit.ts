import { renderJUnit } from '../junit.ts';
import type { Output } from '../output.ts';

/** junit.xml: one testcase per result, for CI's test report (GitHub check run, GitLab reports:junit). */
export const output: Output = {
  file: 'junit.xml',
  render: (r) => renderJUnit(r.results, { timestamp: new Date(r.doc.startedAt) }),
};
