import type { Client, Deliverable, Post, Project, Run, User } from './store.ts';

/** Casing as the real app answers (contract §1): users and posts snake_case; the rest camelCase. */

export const userOut = (u: User) => ({
  id: u.id,
  email: u.email,
  full_name: u.full_name,
  is_active: u.is_active,
  is_superuser: u.is_superuser,
  created_at: u.created_at,
  updated_at: u.updated_at,
});

export const clientOut = (c: Client) => ({
  id: c.id,
  name: c.name,
  email: c.email,
  businessDescription: c.business_description,
  idealCustomer: c.ideal_customer,
  mainProblemSolved: c.main_problem_solved,
  tonePreference: c.tone_preference,
  platforms: c.platforms,
  customerPainPoints: c.customer_pain_points,
  customerQuestions: c.customer_questions,
  createdAt: c.created_at,
});

export const projectOut = (p: Project) => ({
  id: p.id,
  name: p.name,
  clientId: p.client_id,
  templates: p.templates,
  templateQuantities: p.template_quantities,
  numPosts: p.num_posts,
  pricePerPost: p.price_per_post,
  researchPricePerPost: p.research_price_per_post,
  totalPrice: p.total_price,
  platforms: p.platforms,
  tone: p.tone,
  status: p.status,
  createdAt: p.created_at,
  updatedAt: p.updated_at,
});

export const runOut = (r: Run) => ({
  id: r.id,
  projectId: r.project_id,
  isBatch: r.is_batch,
  startedAt: r.started_at,
  completedAt: r.completed_at,
  status: r.status,
  logs: r.logs === null ? null : r.logs.map((l) => ({ ...l })),
  errorMessage: r.error_message,
});

/** Posts list and get: snake_case. */
export const postOut = (p: Post) => ({
  id: p.id,
  project_id: p.project_id,
  run_id: p.run_id,
  content: p.content,
  template_id: p.template_id,
  template_name: p.template_name,
  variant: p.variant,
  target_platform: p.target_platform,
  word_count: p.word_count,
  readability_score: p.readability_score,
  has_cta: p.has_cta,
  status: p.status,
  flags: p.flags,
  created_at: p.created_at,
});

/** The PATCH /api/posts/{id} response: camelCase (contract §6). */
export const postPatchOut = (p: Post) => ({
  id: p.id,
  projectId: p.project_id,
  runId: p.run_id,
  content: p.content,
  templateId: p.template_id,
  templateName: p.template_name,
  variant: p.variant,
  targetPlatform: p.target_platform,
  wordCount: p.word_count,
  readabilityScore: p.readability_score,
  hasCta: p.has_cta,
  status: p.status,
  flags: p.flags,
  createdAt: p.created_at,
});

export const deliverableOut = (d: Deliverable) => ({
  id: d.id,
  projectId: d.project_id,
  clientId: d.client_id,
  runId: d.run_id,
  format: d.format,
  path: d.path,
  status: d.status,
  createdAt: d.created_at,
  deliveredAt: d.delivered_at,
  proofUrl: d.proof_url,
  proofNotes: d.proof_notes,
  checksum: d.checksum,
  fileSizeBytes: d.file_size_bytes,
});
