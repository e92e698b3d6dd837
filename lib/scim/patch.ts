import { patchBodyValidation, scimPatch, ScimError, type ScimPatch, type ScimPatchOperation } from "scim-patch";
import { ENTERPRISE_SCHEMA, ScimInputError, type ScimUserDoc } from "./user-doc";

const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/**
 * Applies a PatchOp request (RFC 7644 §3.5.2) to the stored user with the scim-patch library.
 * Operation names are accepted in any case (Entra ID sends "Replace", "Add"); operations without
 * a path carry an object of attributes (Okta's and Entra ID's `{ "active": false }`).
 */
export function applyPatch(doc: ScimUserDoc, body: unknown): ScimUserDoc {
  if (!body || typeof body !== "object" || !Array.isArray((body as { Operations?: unknown }).Operations)) {
    throw new ScimInputError("A PATCH body needs schemas [PatchOp] and an Operations array.", "invalidSyntax");
  }
  const raw = body as { schemas?: unknown; Operations: Record<string, unknown>[] };
  const operations = raw.Operations.map((op) => ({
    ...op,
    op: typeof op?.op === "string" ? op.op.toLowerCase() : op?.op,
    value: managerAsComplex(op?.path, op?.value),
  })) as ScimPatchOperation[];
  const request: ScimPatch = {
    schemas: Array.isArray(raw.schemas) ? (raw.schemas as ScimPatch["schemas"]) : [PATCH_SCHEMA],
    Operations: operations,
  };
  try {
    patchBodyValidation(request);
    return scimPatch(structuredClone(doc), operations, { treatMissingAsAdd: true });
  } catch (error) {
    if (error instanceof ScimError) throw new ScimInputError(error.message, error.scimCode ?? "invalidSyntax");
    throw error;
  }
}

const MANAGER_PATH = `${ENTERPRISE_SCHEMA}:manager`.toLowerCase();

/**
 * Entra ID sends the manager as a bare id (`"value": "42"`), where RFC 7643 has `{ "value": "42" }`;
 * an "add" of a string onto the stored complex manager is an invalid patch, so the id is wrapped.
 */
function managerAsComplex(path: unknown, value: unknown): unknown {
  if (typeof path === "string" && path.toLowerCase() === MANAGER_PATH) return typeof value === "string" ? { value } : value;
  if (path === undefined && value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      k.toLowerCase() === MANAGER_PATH && typeof v === "string" ? { value: v } : v,
    ]);
    return Object.fromEntries(entries);
  }
  return value;
}
