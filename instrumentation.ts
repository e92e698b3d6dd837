import type { Instrumentation } from "next";

/**
 * Every error Next catches while serving (a page, a server action, a route handler) is logged
 * once, as structured JSON with the request id the client was given, the route and the method.
 * Imported lazily: this file is also loaded for the edge runtime, where pino does not run.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/observability/log");
  const header = request.headers["x-request-id"];
  logger.error(
    {
      err: error,
      requestId: Array.isArray(header) ? header[0] : (header ?? null),
      method: request.method,
      path: request.path,
      route: context.routePath,
      kind: context.routerKind,
      type: context.routeType,
    },
    "request failed",
  );
};
