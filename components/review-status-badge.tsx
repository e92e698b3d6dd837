import { Badge } from "./ui/badge";

const LABELS = { not_started: "Not started", draft: "Draft", submitted: "Submitted" } as const;
const TONES = { not_started: "slate", draft: "amber", submitted: "green" } as const;

export function ReviewStatusBadge({ status }: { status: keyof typeof LABELS }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
