import { HttpError } from './http.ts';
import type { Client, Deliverable, Post, Project, Run, Store, User } from './store.ts';

/** TR-021 ownership (contract §8): 404 "<Thing> not found", 403 "Access denied: You don't own this <thing>". */

/** Superusers see everything; everyone else only rows they (or their project) own. */
export const owns = (user: User, ownerId: string | undefined): boolean => user.is_superuser || ownerId === user.id;

const denied = (thing: string): HttpError => new HttpError(403, `Access denied: You don't own this ${thing}`);

export function ownedClient(store: Store, user: User, id: string): Client {
  const c = store.clients.get(id);
  if (!c) throw new HttpError(404, 'Client not found');
  if (!owns(user, c.user_id)) throw denied('client');
  return c;
}

export function ownedProject(store: Store, user: User, id: string): Project {
  const p = store.projects.get(id);
  if (!p) throw new HttpError(404, 'Project not found');
  if (!owns(user, p.user_id)) throw denied('project');
  return p;
}

const projectOwner = (store: Store, projectId: string): string | undefined => store.projects.get(projectId)?.user_id;

export function ownedRun(store: Store, user: User, id: string): Run {
  const r = store.runs.get(id);
  if (!r) throw new HttpError(404, 'Run not found');
  if (!owns(user, projectOwner(store, r.project_id))) throw denied('run');
  return r;
}

export function ownedPost(store: Store, user: User, id: string): Post {
  const p = store.posts.get(id);
  if (!p) throw new HttpError(404, 'Post not found');
  if (!owns(user, projectOwner(store, p.project_id))) throw denied('post');
  return p;
}

export function ownedDeliverable(store: Store, user: User, id: string): Deliverable {
  const d = store.deliverables.get(id);
  if (!d) throw new HttpError(404, 'Deliverable not found');
  if (!owns(user, projectOwner(store, d.project_id))) throw denied('deliverable');
  return d;
}

/** Ids of the projects a user may see (lists are filtered per user). */
export function visibleProjectIds(store: Store, user: User): Set<string> {
  const ids = new Set<string>();
  for (const p of store.projects.values()) if (owns(user, p.user_id)) ids.add(p.id);
  return ids;
}
