import { createHash, randomBytes } from 'node:crypto';

/** The in-memory "database". Rows keep snake_case names; serialize.ts applies each route's casing. */
export interface User {
  id: string;
  email: string;
  full_name: string;
  passwordHash: Buffer;
  is_active: boolean;
  is_superuser: boolean;
  created_at: string;
  updated_at: string | null;
}

export interface Client {
  id: string;
  user_id: string;
  name: string;
  email: string | null;
  business_description: string | null;
  ideal_customer: string | null;
  main_problem_solved: string | null;
  tone_preference: string | null;
  platforms: string[] | null;
  customer_pain_points: string[] | null;
  customer_questions: string[] | null;
  created_at: string;
}

export interface Project {
  id: string;
  user_id: string;
  client_id: string;
  name: string;
  status: string;
  templates: string[] | null;
  template_quantities: Record<string, number> | null;
  num_posts: number | null;
  price_per_post: number | null;
  research_price_per_post: number | null;
  total_price: number | null;
  platforms: string[] | null;
  tone: string | null;
  created_at: string;
  updated_at: string | null;
}

export interface LogEntry {
  timestamp: string;
  message: string;
}

export interface Run {
  id: string;
  project_id: string;
  is_batch: boolean;
  started_at: string;
  completed_at: string | null;
  status: 'pending' | 'running' | 'succeeded' | 'failed' | string;
  logs: LogEntry[] | null;
  error_message: string | null;
}

export interface Post {
  id: string;
  project_id: string;
  run_id: string;
  content: string;
  template_id: string;
  template_name: string;
  variant: number;
  target_platform: string;
  word_count: number;
  readability_score: number | null;
  has_cta: boolean;
  status: 'approved' | 'flagged';
  flags: string[] | null;
  created_at: string;
}

export interface Deliverable {
  id: string;
  project_id: string;
  client_id: string;
  run_id: string | null;
  format: string;
  path: string;
  status: string;
  created_at: string;
  delivered_at: string | null;
  proof_url: string | null;
  proof_notes: string | null;
  checksum: string | null;
  file_size_bytes: number;
  /** The file itself (kept in memory: nothing to clean up on close); null when none was written. */
  file: Buffer | null;
  contentType: string;
  /** Plain-text rendering for the details preview. */
  text: string;
}

export interface Store {
  users: Map<string, User>;
  clients: Map<string, Client>;
  projects: Map<string, Project>;
  runs: Map<string, Run>;
  posts: Map<string, Post>;
  deliverables: Map<string, Deliverable>;
  counters: { projectsCreated: number; projectsDeleted: number };
}

export const newId = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}`;

/** ISO-8601 with a `Z` suffix: the form the dashboard's zod `datetime()` accepts. */
export const now = (): string => new Date().toISOString();

export const hashPassword = (password: string): Buffer => createHash('sha256').update(password).digest();

export function createStore(): Store {
  return {
    users: new Map(),
    clients: new Map(),
    projects: new Map(),
    runs: new Map(),
    posts: new Map(),
    deliverables: new Map(),
    counters: { projectsCreated: 0, projectsDeleted: 0 },
  };
}

export function addUser(store: Store, u: { email: string; password: string; fullName?: string; isSuperuser?: boolean }): User {
  const user: User = {
    id: newId('user'),
    email: u.email,
    full_name: u.fullName ?? 'Jumpstart Operator',
    passwordHash: hashPassword(u.password),
    is_active: true,
    is_superuser: u.isSuperuser ?? false,
    created_at: now(),
    updated_at: null,
  };
  store.users.set(user.id, user);
  return user;
}

/** Deletes a project and everything hanging off it (the real FK cascade). */
export function deleteProjectCascade(store: Store, projectId: string): void {
  for (const [id, r] of store.runs) if (r.project_id === projectId) store.runs.delete(id);
  for (const [id, p] of store.posts) if (p.project_id === projectId) store.posts.delete(id);
  for (const [id, d] of store.deliverables) if (d.project_id === projectId) store.deliverables.delete(id);
  store.projects.delete(projectId);
  store.counters.projectsDeleted += 1;
}

/** The "SELECT 1" behind /api/health/db: touches every table, so it costs what a trivial query costs. */
export function pingStore(store: Store): { rows: number } {
  let rows = 0;
  for (const t of [store.users, store.clients, store.projects, store.runs, store.posts, store.deliverables]) rows += t.size;
  return { rows };
}
