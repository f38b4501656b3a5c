import type { Client } from './store.ts';

/** The 15 templates of the wizard (contract §4 step 3). */
const TEMPLATES: Record<string, string> = {
  '1': 'Problem Recognition',
  '2': 'Statistic + Insight',
  '3': 'Contrarian Take',
  '4': 'What Changed',
  '5': 'Question Post',
  '6': 'Personal Story',
  '7': 'Myth Busting',
  '8': 'Things I Got Wrong',
  '9': 'How-To',
  '10': 'Comparison',
  '11': 'What I Learned From',
  '12': 'Inside Look',
  '13': 'Future Thinking',
  '14': 'Reader Q Response',
  '15': 'Milestone',
};

export const templateName = (id: string): string => TEMPLATES[id] ?? `Template ${id}`;

const HOOKS: Record<string, string> = {
  '1': 'Most teams do not notice the problem until it costs them a client.',
  '2': 'Seven out of ten small teams lose a day every week to coordination.',
  '3': 'Unpopular opinion: more meetings will not fix a communication problem.',
  '4': 'Two years ago this workflow looked completely different.',
  '5': 'What would you do with five extra hours every week?',
  '6': 'Last spring one of our customers almost gave up on their busiest project.',
  '7': 'Myth: you need an enterprise budget to run projects well.',
  '8': 'Here are three things we got wrong when we started.',
  '9': 'Here is a simple way to plan a week that actually holds.',
  '10': 'Spreadsheets versus a shared plan: the difference is bigger than it looks.',
  '11': 'What I learned from a hundred onboarding calls surprised me.',
  '12': 'An inside look at how our own team plans a release.',
  '13': 'In five years, the way small teams coordinate will look very different.',
  '14': 'A reader asked how to keep a remote team aligned without extra calls.',
  '15': 'This month we reached a milestone we did not expect this early.',
};

const CTAS = ['Learn more on our website.', 'Get started today with a free trial.', 'Contact us to see how it works for your team.', 'Subscribe for a weekly tip like this one.', 'Download our planning checklist.'];

const firstSentence = (s: string | null, fallback: string): string => {
  const t = (s ?? '').trim().split(/(?<=[.!?])\s/)[0]?.replace(/[.!?]+$/, '') ?? '';
  return t === '' ? fallback : t;
};

/**
 * Deterministic post text from the template and the client profile. Every tenth post (index 3, 13, 23, …)
 * is written so that a validator flags it: a missing CTA, or (every other time) too short. With 30 posts
 * that is 3 flagged posts, like a real QA pass might find.
 */
export function postContent(templateId: string, variant: number, index: number, client: Client | undefined): string {
  const company = client?.name ?? 'Our company';
  const what = firstSentence(client?.business_description ?? null, 'We help teams do their best work');
  const who = firstSentence(client?.ideal_customer ?? null, 'growing teams');
  const problem = firstSentence(client?.main_problem_solved ?? null, 'missed deadlines and scattered communication');
  const pain = client?.customer_pain_points?.[index % Math.max(1, client.customer_pain_points.length)] ?? 'too many tools and too little clarity';
  const hook = HOOKS[templateId] ?? `${templateName(templateId)}: a note from ${company}.`;
  const cta = CTAS[index % CTAS.length] as string;
  const flagged = index % 10 === 3;
  if (flagged && Math.floor(index / 10) % 2 === 1) return `${hook} ${company} keeps it simple. ${cta}`;
  const body = [
    hook,
    `At ${company}, we talk with ${who.charAt(0).toLowerCase()}${who.slice(1)} every week.`,
    `The same pain keeps coming up: ${pain}.`,
    `${what}.`,
    `That is how we tackle ${problem.charAt(0).toLowerCase()}${problem.slice(1)}, one small habit at a time.`,
    `Start with one shared plan, one owner per task and one short check-in each morning.`,
    `Variant ${variant} of this idea: write down what done looks like before the work starts, and share it with everyone involved.`,
  ];
  if (!flagged) body.push(cta);
  return body.join(' ');
}
