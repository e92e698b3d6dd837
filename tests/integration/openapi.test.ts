import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import Ajv2020 from "ajv/dist/2020";
import { cycles, reviews } from "@/db/schema";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as cyclesRoute } from "@/app/api/v1/cycles/route";
import { GET as reviewsRoute } from "@/app/api/v1/reviews/route";
import { GET as reviewRoute } from "@/app/api/v1/reviews/[id]/route";
import { GET as csatRoute } from "@/app/api/v1/employees/[id]/csat/route";
import { GET as talentRoute } from "@/app/api/v1/talent/route";
import { GET as feedbackRoute } from "@/app/api/v1/feedback/route";
import { GET as checkinsRoute } from "@/app/api/v1/checkins/route";
import { GET as notificationsRoute } from "@/app/api/v1/notifications/route";
import { POST as csatResponses } from "@/app/api/v1/csat/responses/route";
import { GET as outcomesRoute } from "@/app/api/v1/outcomes/route";
import { GET as health } from "@/app/api/health/route";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
  components: { schemas: Record<string, unknown> };
}

async function document(): Promise<OpenApiDoc> {
  return (await openapi().json()) as OpenApiDoc;
}

/** Validates a real response against the schema the document gives for that path, method and status. */
async function expectDocumented(doc: OpenApiDoc, ajv: Ajv2020, path: string, method: string, response: Response) {
  const documented = doc.paths[path]?.[method]?.responses[String(response.status)];
  expect(documented, `${method.toUpperCase()} ${path} ${response.status} is documented`).toBeDefined();
  const schema = documented!.content?.["application/json"]?.schema;
  expect(schema, `${path} ${response.status} has a JSON schema`).toBeDefined();
  const validate = ajv.getSchema(schema!.$ref!)!;
  const body = await response.json();
  const valid = validate(body);
  expect(validate.errors ?? [], `${method.toUpperCase()} ${path} ${response.status}`).toEqual([]);
  expect(valid).toBe(true);
}

function validator(doc: OpenApiDoc): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, formats: { "date-time": true } });
  // Registered under the document's own $ref form, so refs between components resolve.
  for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema as object, `#/components/schemas/${name}`);
  return ajv;
}

const req = (path: string) => new NextRequest(`http://localhost${path}`);
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document whose every schema reference resolves", async () => {
    const doc = await document();
    expect(doc.openapi).toBe("3.1.0");
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref.split("/").pop()!);
  });

  it("describes what each route really sends, for every kind of caller", async () => {
    const doc = await document();
    const ajv = validator(doc);
    const ava = idOf(ctx.db, "ava");
    const q3 = (await ctx.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.key, "2026-Q3")))[0]!.id;
    const avaReview = (
      await ctx.db
        .select({ id: reviews.id })
        .from(reviews)
        .where(and(eq(reviews.cycleId, q3), eq(reviews.employeeId, ava)))
    )[0]!.id;

    for (const who of ["hr", "mia", "ava"]) {
      signInAs(idOf(ctx.db, who));
      await expectDocumented(doc, ajv, "/api/v1/me", "get", await me(req("/api/v1/me")));
      await expectDocumented(doc, ajv, "/api/v1/cycles", "get", await cyclesRoute(req("/api/v1/cycles")));
      await expectDocumented(doc, ajv, "/api/v1/reviews", "get", await reviewsRoute(req("/api/v1/reviews?cycle=2026-Q3&limit=5")));
      await expectDocumented(
        doc,
        ajv,
        "/api/v1/reviews/{id}",
        "get",
        await reviewRoute(req(`/api/v1/reviews/${avaReview}`), params(avaReview)),
      );
      await expectDocumented(
        doc,
        ajv,
        "/api/v1/employees/{id}/csat",
        "get",
        await csatRoute(req(`/api/v1/employees/${ava}/csat?quarter=2026-Q3`), params(ava)),
      );
      await expectDocumented(doc, ajv, "/api/v1/feedback", "get", await feedbackRoute(req("/api/v1/feedback")));
      await expectDocumented(doc, ajv, "/api/v1/checkins", "get", await checkinsRoute(req("/api/v1/checkins")));
      await expectDocumented(doc, ajv, "/api/v1/notifications", "get", await notificationsRoute(req("/api/v1/notifications")));
    }
    signInAs(idOf(ctx.db, "hr"));
    await expectDocumented(doc, ajv, "/api/v1/talent", "get", await talentRoute(req("/api/v1/talent?cycle=2026-Q3&limit=2")));
    for (const cycle of ["2026-Q1", "2026-Q3"]) {
      await expectDocumented(doc, ajv, "/api/v1/outcomes", "get", await outcomesRoute(req(`/api/v1/outcomes?cycle=${cycle}`)));
    }
    await expectDocumented(doc, ajv, "/api/v1/reviews", "get", await reviewsRoute(req("/api/v1/reviews?cycle=2026-Q3&limit=0")));
    const records = {
      source: "csv",
      records: [
        { response_id: "oa-1", agent_email: "ava@demo.keeper.test", rating: 5, scale_max: 5, responded_at: "2026-08-01T10:00:00Z" },
      ],
    };
    const post = new NextRequest("http://localhost/api/v1/csat/responses", {
      method: "POST",
      body: JSON.stringify(records),
      headers: { "content-type": "application/json" },
    });
    await expectDocumented(doc, ajv, "/api/v1/csat/responses", "post", await csatResponses(post));
    signInAs(null);
    await expectDocumented(doc, ajv, "/api/v1/me", "get", await me(req("/api/v1/me")));
    await expectDocumented(doc, ajv, "/api/health", "get", await health());
  });

  it("fails a response that sends a field the document does not describe", async () => {
    const doc = await document();
    const validate = validator(doc).getSchema("#/components/schemas/Me")!;
    signInAs(idOf(ctx.db, "ava"));
    const body = await (await me(req("/api/v1/me"))).json();
    expect(validate(body)).toBe(true);
    expect(validate({ ...body, passwordHash: "x" })).toBe(false);
  });
});
