import { renderMetrics } from '../metrics.ts';
import type { Output } from '../output.ts';

/** metrics.prom: the run in Prometheus' text format, for node_exporter's textfile collector (and the Pushgateway). */
export const output: Output = {
  file: 'metrics.prom',
  render: (r) => renderMetrics(r.doc),
};
