import "server-only";
import { recordDenied } from "./audit";
import { verifySession } from "./session";

/** For HR-only pages: true for HR and admins; otherwise audits the denial and returns false. */
export async function requireHr(resource: string): Promise<boolean> {
  const viewer = await verifySession();
  if (viewer.isHr) return true;
  recordDenied(viewer.id, "page", resource, "hr only");
  return false;
}
