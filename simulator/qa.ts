/** Post metrics and the simple QA validators (contract §6): word count, rough Flesch, CTA phrases. */

const CTA_PHRASES = [
  'learn more',
  'click here',
  'sign up',
  'get started',
  'contact us',
  'download',
  'subscribe',
  'join',
  'register',
  'buy now',
  'shop now',
] as const;

/** LinkedIn posts shorter than this are flagged "too_short" (the CLI's LengthValidator, simplified). */
const MIN_WORDS = 60;

const words = (text: string): string[] => text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));

const wordCount = (text: string): number => words(text).length;

export function hasCta(text: string): boolean {
  const lower = text.toLowerCase();
  return CTA_PHRASES.some((p) => lower.includes(p));
}

function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return 0;
  const groups = w.replace(/e$/, '').match(/[aeiouy]+/g)?.length ?? 0;
  return Math.max(1, groups);
}

/** Flesch reading ease, clamped to 0–100, one decimal; null for empty text. */
export function readability(text: string): number | null {
  const ws = words(text);
  if (ws.length === 0) return null;
  const sentences = Math.max(1, text.split(/[.!?]+/).filter((s) => s.trim() !== '').length);
  const syl = ws.reduce((n, w) => n + syllables(w), 0);
  const score = 206.835 - 1.015 * (ws.length / sentences) - 84.6 * (syl / ws.length);
  return Math.round(Math.min(100, Math.max(0, score)) * 10) / 10;
}

export interface QaResult {
  word_count: number;
  readability_score: number | null;
  has_cta: boolean;
  flags: string[] | null;
  status: 'approved' | 'flagged';
}

/** Runs every validator on a post's content: flags when a check fails, approved otherwise. */
export function assess(content: string): QaResult {
  const wc = wordCount(content);
  const cta = hasCta(content);
  const flags: string[] = [];
  if (wc < MIN_WORDS) flags.push('too_short');
  if (!cta) flags.push('missing_cta');
  return {
    word_count: wc,
    readability_score: readability(content),
    has_cta: cta,
    flags: flags.length > 0 ? flags : null,
    status: flags.length > 0 ? 'flagged' : 'approved',
  };
}
