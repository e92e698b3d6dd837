import "server-only";
import { headers } from "next/headers";
import { auth } from "@/auth";

/** The signed-in employee id from the Auth.js session cookie, or null. Tests replace this module. */
export async function currentUserId(): Promise<number | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * The Bearer token of an API request. Only honoured under /api/v1: the proxy stamps the path
 * into `x-keeper-path` (overwriting anything the client sent), so tokens never open pages.
 */
export async function bearerToken(): Promise<string | null> {
  const h = await headers();
  if (!h.get("x-keeper-path")?.startsWith("/api/v1/")) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(h.get("authorization") ?? "");
  return match ? match[1] : null;
}
