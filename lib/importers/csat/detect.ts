import { chatwoot } from "./chatwoot";
import { freshdesk } from "./freshdesk";
import { helpscout } from "./helpscout";
import { intercom } from "./intercom";
import type { JsonSource } from "./json-source";
import type { CsatSource } from "./types";
import { zendesk } from "./zendesk";

/** Keyed containers first: a bare array is only told apart by what its records hold. */
export const JSON_SOURCES: readonly JsonSource[] = [zendesk, intercom, helpscout, freshdesk, chatwoot];

export function jsonSourceFor(source: CsatSource): JsonSource | undefined {
  return JSON_SOURCES.find((s) => s.source === source);
}

/** The JSON export a parsed document came from, or null for an unknown shape. */
export function detectJsonSource(doc: unknown): JsonSource | null {
  for (const candidate of JSON_SOURCES) {
    const records = candidate.records(doc);
    if (records !== null && candidate.claims(records)) return candidate;
  }
  return null;
}

export const UNKNOWN_JSON_SHAPE = "is JSON of an unknown shape: expected " + JSON_SOURCES.map((s) => s.expected).join(", or ");

/**
 * Which source a whole file's text comes from (what `--source auto` picks): a known JSON export,
 * or `csv` for anything that is not JSON (its header is checked when it is read). Null when the
 * text is empty, or JSON that is invalid or of no known shape.
 */
export function detectSource(text: string): CsatSource | null {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start === "") return null;
  if (start[0] !== "{" && start[0] !== "[") return "csv";
  try {
    return detectJsonSource(JSON.parse(start))?.source ?? null;
  } catch {
    return null;
  }
}
