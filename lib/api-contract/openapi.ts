import { z } from "zod";
import * as schemas from "./schemas";
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from "./schemas";

/**
 * The OpenAPI 3.1 description of `/api/v1`, generated from the zod schemas the handlers are typed
 * by (./schemas.ts), so the document cannot drift from what the code sends without a test
 * (tests/integration/openapi.test.ts validates real responses against it) failing.
 */

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonBody = (id: string, description: string) => ({ description, content: { "application/json": { schema: ref(id) } } });
const error = (description: string) => jsonBody("Error", description);

const query = (name: string, description: string, required: boolean, schema: Record<string, unknown>) => ({
  name,
  in: "query",
  required,
  description,
  schema,
});
const quarterParam = (name: string, required: boolean) =>
  query(name, "A calendar quarter, YYYY-Qn", required, { type: "string", pattern: "^\\d{4}-Q[1-4]$" });
const pageParams = [
  query("limit", `Items per page (default ${PAGE_LIMIT_DEFAULT})`, false, { type: "integer", minimum: 1, maximum: PAGE_LIMIT_MAX }),
  query("cursor", "Opaque cursor from the previous page's `next`", false, { type: "string" }),
];
const idParam = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };

const common = {
  "401": error("No session cookie or Bearer token"),
  "404": error("Not found, or not visible to the caller"),
};

function get(summary: string, ok: string, parameters: unknown[] = [], extra: Record<string, unknown> = {}) {
  return { get: { summary, parameters, responses: { "200": jsonBody(ok, "OK"), ...common, ...extra } } };
}

/** Component schemas from the zod registry, without the per-schema `$schema`/`$id` JSON Schema adds. */
function componentSchemas(): Record<string, unknown> {
  // Referenced so the module's schemas are registered before the registry is read.
  void schemas;
  const { schemas: all } = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
  }) as { schemas: Record<string, Record<string, unknown>> };
  return Object.fromEntries(Object.entries(all).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]));
}

let built: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  built ??= {
    openapi: "3.1.0",
    info: {
      title: "Keeper API",
      version: "1",
      description:
        "Keeper's keeper-test reviews, talent figures and CSAT. Authenticate with the signed-in session cookie or `Authorization: Bearer <token>` (tokens are created at /admin/tokens, scoped `read` or `import`, and act as their owner: HR's read what HR may). The same access rules as the pages: 401 without credentials, 404 for anything the caller may not see. Fractions, not percents.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      "/api/v1/me": get("The caller", "Me"),
      "/api/v1/cycles": get("Review cycles and their completion", "Cycles"),
      "/api/v1/reviews": get(
        "A page of the cycle's reviews the caller may see, in id order",
        "ReviewsPage",
        [quarterParam("cycle", true), ...pageParams],
        {
          "400": error("Missing or malformed cycle, limit or cursor"),
        },
      ),
      "/api/v1/reviews/{id}": get("One review", "Review", [idParam]),
      "/api/v1/employees/{id}/csat": get(
        "An agent's CSAT for a quarter, with trend and comments",
        "EmployeeCsat",
        [idParam, quarterParam("quarter", false)],
        {
          "400": error("Malformed quarter"),
        },
      ),
      "/api/v1/talent": get(
        "A page of the talent review's teams (by name) with the organisation's figures",
        "TalentPage",
        [quarterParam("cycle", true), query("team", "Only this team (by name)", false, { type: "string" }), ...pageParams],
        { "400": error("Missing or malformed cycle, limit or cursor") },
      ),
      "/api/v1/export/reviews.csv": {
        get: {
          summary: "The cycle's reviews as CSV (spreadsheet-formula-safe)",
          parameters: [quarterParam("cycle", true)],
          responses: { "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...common },
        },
      },
      "/api/v1/outcomes": get(
        "Keeper accuracy for a past cycle: what became of the people answered fight_hard, unsure and let_go",
        "Outcomes",
        [quarterParam("cycle", true)],
        {
          "400": error("Missing or malformed cycle"),
        },
      ),
      "/api/v1/export/outcomes.csv": {
        get: {
          summary: "Keeper accuracy as CSV (spreadsheet-formula-safe)",
          parameters: [quarterParam("cycle", true)],
          responses: { "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...common },
        },
      },
      "/api/v1/feedback": get("The caller's own released reviews", "Feedback"),
      "/api/v1/checkins": get("The caller's keeper check-ins", "Checkins"),
      "/api/v1/notifications": get("The caller's notifications, newest first", "Notifications"),
      "/api/v1/csat/responses": {
        post: {
          summary: "Import up to 10,000 CSAT records (a helpdesk export page as its API returns it, or { source?, records })",
          requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
          responses: {
            "200": jsonBody("CsatImportReport", "Imported"),
            "400": error("Not JSON, or an unknown source"),
            ...common,
            "403": error("The token's scope is not `import`"),
            "413": error("More than 10,000 records"),
            "422": jsonBody("CsatImportReport", "Imported, with rejected records or files"),
          },
        },
      },
      "/api/health": {
        get: {
          summary: "For load balancers: the database answers and its migrations are current (no credentials)",
          security: [],
          responses: { "200": jsonBody("Health", "Ready"), "503": jsonBody("Health", "Not ready") },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: componentSchemas(),
    },
  };
  return built;
}
