import "server-only";
import { recordAudit } from "./audit";
import { getViewer } from "./session";

export async function recordSignOut(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await recordAudit({ actorId: viewer.id, action: "auth.sign_out" });
}
