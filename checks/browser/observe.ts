import type { BrowserContext, Response } from '@playwright/test';
import { snippet } from '../support/api.ts';
import type { FlowEvent } from '../support/flow.ts';
import { pathOf } from '../support/redirects.ts';
import { scrubText } from '../support/scrub.ts';
import { guardCredentials } from './guard.ts';

/**
 * What the browser showed while a check ran, kept per worker: RB-13's events (console errors, page
 * errors, 5xx answers, dialogs), plus what explains a failing step (every failed API answer with its
 * body, requests refused for leaving the target's origin). Each entry names the check that was
 * running and the page it happened on.
 */
export type ObservedKind = FlowEvent['kind'] | 'failed request' | 'refused';

export interface Observed {
  check: string;
  kind: ObservedKind;
  text: string;
  /** Path of the page (same origin) or the whole URL (any other). */
  url: string;
}

const RB13_KINDS: ReadonlySet<ObservedKind> = new Set(['console error', 'page error', '5xx response', 'dialog']);
const log: Observed[] = [];
const bodies: Promise<void>[] = [];
let flushed = 0;
let running = 'between checks';
let origin = '';

/** Tags what follows with the check now running (the journey runs several checks on one page). */
export function setRunning(check: string): void {
  running = check;
}

function where(url: string | undefined): string {
  if (!url) return '(no page)';
  try {
    return new URL(url).origin === origin ? pathOf(url) : url;
  } catch {
    return url;
  }
}

function push(kind: ObservedKind, text: string, url: string | undefined): Observed {
  // The first line says what happened; a stack's frames would crowd out the next entries of a report.
  const first = text.split('\n').find((l) => l.trim() !== '') ?? text;
  const entry = { check: running, kind, text: scrubText(first.trim(), []).slice(0, 500), url: where(url) };
  log.push(entry);
  return entry;
}

function onResponse(r: Response): void {
  const status = r.status();
  if (status < 400 || new URL(r.url()).origin !== origin) return;
  const request = `${r.request().method()} ${pathOf(r.url())}`;
  let page: string | undefined;
  try {
    page = r.frame().page().url();
  } catch {
    page = undefined; // a worker's request has no frame
  }
  if (status >= 500) push('5xx response', `${status} ${request}`, page);
  const entry = push('failed request', `${request} → ${status}`, page);
  bodies.push(r.text().then((t) => void (entry.text = `${entry.text} ${scrubText(snippet(t, 200), [])}`), () => undefined));
}

/** Watches one context: events, dialogs (dismissed, so nothing hangs) and the credential guard. */
export async function watchContext(context: BrowserContext, target: string, timeoutMs: number): Promise<void> {
  origin = new URL(target).origin;
  context.on('console', (m) => {
    if (m.type() === 'error') push('console error', m.text(), m.page()?.url());
  });
  context.on('weberror', (e) => push('page error', e.error().message, e.page()?.url()));
  context.on('response', onResponse);
  context.on('dialog', (d) => {
    push('dialog', `${d.type()}: ${d.message()}`, d.page()?.url());
    d.dismiss().catch(() => undefined);
  });
  await guardCredentials(context, origin, timeoutMs, (message) => push('refused', message, undefined));
}

/** A position in the log; `since(mark)` returns what was observed after it. */
export function mark(): number {
  return log.length;
}

/** Entries after `from` (failed-request bodies read first, bounded), optionally of some kinds only. */
export async function since(from: number, kinds?: readonly ObservedKind[]): Promise<Observed[]> {
  await Promise.race([Promise.all(bodies.splice(0)), new Promise((r) => setTimeout(r, 2000))]);
  return log.slice(from).filter((e) => !kinds || kinds.includes(e.kind));
}

/** RB-13's events not handed over yet (flushed to the flow state after each test). */
export function takeEvents(): FlowEvent[] {
  const out = log.slice(flushed).filter((e) => RB13_KINDS.has(e.kind)) as FlowEvent[];
  flushed = log.length;
  return out.map((e) => ({ check: e.check, kind: e.kind, text: e.text, url: e.url }));
}
