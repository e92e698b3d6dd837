import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";

/**
 * The id of the request being served (set by proxy.ts, see lib/request-id.ts), for logs and audit
 * entries written deep in the data layer.
 *
 * Two holders, because Next gives no hook around a whole request: route handlers run inside
 * `runWithRequestId` (lib/api/respond.ts), and pages and server actions remember the id in React's
 * per-request cache when the session is read (lib/dal/session.ts). Outside a request (the CLI)
 * there is none.
 */
const store = new AsyncLocalStorage<{ id: string }>();
const perRequest = cache((): { id: string | null } => ({ id: null }));

export function rememberRequestId(id: string | null): void {
  if (id) perRequest().id = id;
}

export function runWithRequestId<T>(id: string | null, fn: () => T): T {
  return id ? store.run({ id }, fn) : fn();
}

export function currentRequestId(): string | null {
  return store.getStore()?.id ?? perRequest().id;
}
