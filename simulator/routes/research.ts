import { limit, requireUser } from '../auth.ts';
import { HttpError, json, type Reply } from '../http.ts';
import { ownedProject } from '../own.ts';
import type { Ctx, Route } from '../state.ts';
import { now } from '../store.ts';
import { validateBody } from '../validate.ts';

/** Step 2 of the wizard (contract §4): the tool catalogue. Running tools is not simulated (5/h, costly). */
const RESEARCH_TOOLS = [
  { name: 'voice_analysis', label: 'Voice Analysis', price: 49, status: 'available', description: 'Analyse the brand voice from existing content.', category: 'foundation' },
  { name: 'audience_research', label: 'Audience Research', price: 99, status: 'available', description: 'Demographics, pain points and buying triggers of the audience.', category: 'foundation' },
  { name: 'seo_keyword_research', label: 'SEO Keyword Research', price: 79, status: 'available', description: 'Keywords worth targeting, with intent and difficulty.', category: 'seo' },
  { name: 'competitive_analysis', label: 'Competitive Analysis', price: 99, status: 'available', description: 'How competitors position themselves and where the gaps are.', category: 'market' },
  { name: 'content_gap_analysis', label: 'Content Gap Analysis', price: 69, status: 'coming_soon', description: 'Topics the audience searches for that nobody answers well.', category: 'seo' },
  { name: 'market_trends', label: 'Market Trends Research', price: 89, status: 'coming_soon', description: 'Emerging themes in the client’s market.', category: 'market' },
] as const;

function tools(ctx: Ctx): Reply {
  requireUser(ctx);
  limit(ctx, 'research-tools');
  return json(200, RESEARCH_TOOLS);
}

/** Running a tool (5/h, strict): answers a canned, instant result; the real one calls the LLM. */
async function run(ctx: Ctx): Promise<Reply> {
  const user = requireUser(ctx);
  const b = validateBody(await ctx.body(), { project_id: { type: 'str', required: true }, client_id: { type: 'str', required: true }, tool: { type: 'str', required: true }, params: { type: 'any' } }, 'ignore');
  limit(ctx, 'research-run');
  const project = ownedProject(ctx.state.store, user, String(b['project_id']));
  const tool = RESEARCH_TOOLS.find((t) => t.name === b['tool']);
  if (!tool) throw new HttpError(400, `Unknown research tool: ${String(b['tool'])}`);
  if (tool.status !== 'available') throw new HttpError(400, `Research tool not available yet: ${tool.name}`);
  return json(200, { success: true, tool: tool.name, project_id: project.id, client_id: project.client_id, outputs: { summary: `${tool.label} completed (simulated)` }, cost: tool.price, completed_at: now() });
}

export const researchRoutes: Route[] = [
  { method: 'GET', path: '/api/research/tools', handler: tools, summary: 'Research tool catalogue', tag: 'research', auth: true },
  { method: 'POST', path: '/api/research/run', handler: run, summary: 'Run one research tool (simulated, instant)', tag: 'research', auth: true },
];
