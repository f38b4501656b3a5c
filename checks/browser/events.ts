import type { FlowEvent } from '../support/flow.ts';

/** Pure: the same error seen by several checks or pages is listed once, with where it was seen. */
export function distinct(events: readonly FlowEvent[]): string[] {
  const seen = new Map<string, string[]>();
  for (const e of events) {
    const key = `${e.kind}: ${e.text}`;
    const where = e.url ? `${e.check} at ${e.url}` : e.check;
    const places = seen.get(key) ?? [];
    if (!places.includes(where)) places.push(where);
    seen.set(key, places);
  }
  return [...seen].map(([key, places]) => `[${places.join(', ')}] ${key}`);
}
