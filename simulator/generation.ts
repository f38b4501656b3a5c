import { postContent, templateName } from './content.ts';
import { planGeneration } from './fault-hooks.ts';
import { assess } from './qa.ts';
import type { SimState } from './state.ts';
import { newId, now, type Client, type Post, type Project, type Run } from './store.ts';

/** Prompt-injection sanitizer for custom topics (the real one fails the run, it does not 422). */
const INJECTION = /ignore (all |any )?(previous|prior) instructions|system prompt|<script|\$\{/i;

/** Expands {"1": 2, "9": 1} into ordered (templateId, variant) slots; 30 of template 1..15 when empty. */
function plan(quantities: Record<string, number> | null | undefined): Array<{ templateId: string; variant: number }> {
  const entries = Object.entries(quantities ?? {}).filter(([, q]) => q > 0);
  if (entries.length === 0) return Array.from({ length: 30 }, (_, i) => ({ templateId: String((i % 15) + 1), variant: Math.floor(i / 15) + 1 }));
  entries.sort(([a], [b]) => Number(a) - Number(b));
  return entries.flatMap(([templateId, q]) => Array.from({ length: q }, (_, v) => ({ templateId, variant: v + 1 })));
}

const log = (message: string) => ({ timestamp: now(), message });

/**
 * The background task of generate-all: posts are produced one by one over the run's duration (progress in
 * the run's logs), then inserted together at the end ("Created N post records"), like the real pipeline —
 * so the dashboard never sees a half-generated project. Faults shape the run once, when it starts.
 */
export function startGeneration(state: SimState, run: Run, project: Project, client: Client | undefined, quantities: Record<string, number> | null, customTopics: string[]): void {
  const slots = plan(quantities ?? project.template_quantities);
  const { target, seconds, failAt, failMessage } = planGeneration({ target: slots.length, seconds: state.opts.generationSeconds, failAt: -1, failMessage: '' }, state);
  const rejected = customTopics.find((t) => INJECTION.test(t));
  const steps = Math.max(1, slots.length);
  const stepMs = (seconds * 1000) / steps;
  const produced: Post[] = [];
  run.status = 'running';
  run.logs = [log('Generation started')];

  const finish = (error?: string) => {
    if (!state.store.runs.has(run.id)) return; // project deleted meanwhile
    if (error !== undefined) {
      run.status = 'failed';
      run.error_message = error;
      run.logs = [...(run.logs ?? []).slice(0, 1), log(`Generation failed: ${error}`)];
      return;
    }
    for (const p of produced) state.store.posts.set(p.id, p);
    run.status = 'succeeded';
    // completedAt is never set by the real app; the four log lines are the real ones.
    run.logs = [run.logs?.[0] ?? log('Generation started'), log('CLI execution completed'), log(`Created ${produced.length} post records`), log('Output directory: None')];
  };

  let i = 0;
  const tick = () => {
    state.timers.remove(timer);
    if (!state.store.runs.has(run.id)) return;
    if (rejected !== undefined) return finish(`Security validation failed: custom topic rejected (${rejected.slice(0, 40)})`);
    if (i === failAt) return finish(failMessage);
    const slot = slots[i];
    if (slot && i < target) {
      const content = postContent(slot.templateId, slot.variant, i, client);
      produced.push({
        id: newId('post'),
        project_id: project.id,
        run_id: run.id,
        content,
        template_id: slot.templateId,
        template_name: templateName(slot.templateId),
        variant: slot.variant,
        target_platform: 'linkedin',
        ...assess(content),
        created_at: now(),
      });
    }
    i += 1;
    run.logs = [run.logs?.[0] ?? log('Generation started'), log(`Generated ${Math.min(i, target)}/${target} posts`)];
    if (i >= steps) return finish();
    timer = setTimeout(tick, stepMs);
    state.timers.add(timer);
  };
  let timer = setTimeout(tick, stepMs);
  state.timers.add(timer);
}
