import type { Output } from '../output.ts';

/** verdict.json: what Argo Rollouts / Flagger web metrics (`jsonPath: {$.verdict}`) and scripts read. */
export const output: Output = {
  file: 'verdict.json',
  render: (r) => `${JSON.stringify(r.doc, null, 2)}\n`,
};
