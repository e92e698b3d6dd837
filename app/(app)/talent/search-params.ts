import { z } from "zod";
import { OVERVIEW_SORT_KEYS } from "@/lib/domain/talent-aggregates";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One query parameter as a non-empty string; repeated or empty parameters count as absent. */
export function param(values: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const v = values[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

/** Sorting is display only, so an unknown value falls back instead of failing the page. */
export const sortSchema = z.enum(OVERVIEW_SORT_KEYS).catch("team");
export const dirSchema = z.enum(["asc", "desc"]).catch("asc");

/** Overview page number, 1-based; anything else is the first page. */
export const pageSchema = z.coerce.number().int().min(1).catch(1);
