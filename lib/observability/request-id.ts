/**
 * Every request gets an id in proxy.ts (`x-request-id`), returned to the client and written with
 * every error log and audit entry (lib/request-context.ts carries it through the server code).
 */
export const REQUEST_ID_HEADER = "x-request-id";

/** Keeps an id a load balancer already gave the request when it looks like one; else makes one. */
export function requestIdFrom(incoming: string | null): string {
  return incoming && /^[\w.:-]{8,128}$/.test(incoming) ? incoming : crypto.randomUUID();
}
