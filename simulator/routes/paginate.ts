import { HttpError } from '../http.ts';
import { intQuery } from '../validate.ts';

/** Pagination metadata, snake_case (contract §6). */
export interface PageMeta {
  total: number;
  page: number;
  page_size: number;
  total_pages: number;
  has_next: boolean;
  has_prev: boolean;
  next_cursor: string | null;
  prev_cursor: string | null;
  strategy: 'offset' | 'cursor';
}

interface Row {
  id: string;
  created_at: string;
}

/**
 * The plain `skip`/`limit` lists (clients, runs, deliverables answer a bare array). Parses the query up
 * front, so a bad value is a 422 before the route's rate limit counts the request, like FastAPI.
 */
export function skipLimit(q: URLSearchParams): <T>(rows: readonly T[]) => T[] {
  const skip = intQuery(q, 'skip', 0, 0, 1_000_000);
  const take = intQuery(q, 'limit', 100, 1, 1000);
  return (rows) => rows.slice(skip, skip + take);
}

const cursorOf = (r: Row): string => `${r.created_at}:${r.id}`;

/**
 * The real hybrid paginator: offset mode (insertion order, with a total) while (page−1)×page_size < 100;
 * beyond that, or with a cursor, cursor mode ordered by created_at desc with total −1.
 */
export function paginate<T extends Row>(rows: readonly T[], q: URLSearchParams): { items: T[]; metadata: PageMeta } {
  const page = intQuery(q, 'page', 1, 1, 1_000_000);
  const pageSize = intQuery(q, 'page_size', 20, 1, 100);
  const cursor = q.get('cursor');
  if ((cursor === null || cursor === '') && (page - 1) * pageSize < 100) {
    const total = rows.length;
    const totalPages = Math.ceil(total / pageSize);
    const items = rows.slice((page - 1) * pageSize, page * pageSize);
    return {
      items,
      metadata: { total, page, page_size: pageSize, total_pages: totalPages, has_next: page < totalPages, has_prev: page > 1, next_cursor: null, prev_cursor: null, strategy: 'offset' },
    };
  }
  const sorted = [...rows].sort((a, b) => (a.created_at === b.created_at ? b.id.localeCompare(a.id) : b.created_at.localeCompare(a.created_at)));
  let start = 0;
  if (cursor !== null && cursor !== '') {
    const i = sorted.findIndex((r) => cursorOf(r) === cursor);
    if (i < 0) throw new HttpError(400, 'Invalid cursor');
    start = i + 1;
  } else start = (page - 1) * pageSize;
  const items = sorted.slice(start, start + pageSize);
  const last = items.at(-1);
  const hasNext = start + pageSize < sorted.length;
  return {
    items,
    metadata: {
      total: -1,
      page,
      page_size: pageSize,
      total_pages: -1,
      has_next: hasNext,
      has_prev: start > 0,
      next_cursor: hasNext && last ? cursorOf(last) : null,
      prev_cursor: start > 0 && items[0] ? cursorOf(items[0]) : null,
      strategy: 'cursor',
    },
  };
}
