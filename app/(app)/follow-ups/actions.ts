"use server";

import { revalidatePath } from "next/cache";
import { recordFollowUp, type FollowUpResult } from "@/lib/dal/follow-ups";

export async function recordFollowUpAction(_prev: FollowUpResult | null, formData: FormData): Promise<FollowUpResult> {
  const result = await recordFollowUp({
    reviewId: formData.get("reviewId"),
    kind: formData.get("kind") ?? undefined,
    happenedOn: formData.get("happenedOn") ?? "",
    reviewOn: formData.get("reviewOn") ?? "",
    note: formData.get("note") ?? "",
  });
  if (result.ok) revalidatePath("/follow-ups");
  return result;
}
