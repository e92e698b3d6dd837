import { json, withViewer } from "@/lib/api/respond";
import { listCycles } from "@/lib/dal/cycles";

export function GET(request: Request) {
  return withViewer(request, async () => {
    const cycles = await listCycles();
    return json({
      cycles: cycles.map((c) => ({
        key: c.key,
        state: c.state,
        dueDate: c.dueDate,
        shareKeeper: c.shareKeeper,
        completion: { expected: c.expected, draft: c.drafts, submitted: c.submitted },
      })),
    });
  });
}
