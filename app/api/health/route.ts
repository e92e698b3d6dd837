import { json } from "@/lib/api/respond";
import { checkHealth } from "@/lib/dal/health";

/** For load balancers and orchestrators: 200 when this server can serve, 503 when it cannot. */
export async function GET() {
  const health = await checkHealth();
  return json(health, health.status === "ok" ? 200 : 503);
}
