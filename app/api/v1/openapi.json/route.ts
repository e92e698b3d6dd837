import { json } from "@/lib/api/respond";
import { openApiDocument } from "@/lib/api-contract/openapi";

/** Public: the API's description holds no data, and clients read it before they have a token. */
export function GET() {
  return json(openApiDocument());
}
