import type { Output } from '../output.ts';
import { renderSummary } from '../summary.ts';

/** summary.md: the table a human reads first; also the GitHub job summary. */
export const output: Output = {
  file: 'summary.md',
  render: (r) => renderSummary(r.doc, r.extras),
  stepSummary: true,
};
