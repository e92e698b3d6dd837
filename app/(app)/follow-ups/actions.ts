"use server";

import { revalidatePath } from "next/cache";
import { recordFollowUp, type FollowUpResult } from "@/lib/dal/follow-ups";

/** On failure, what was typed comes back too: React resets the form after an action, to these. */
export type FollowUpFormState = FollowUpResult & { values?: Record<string, string> };

export async function recordFollowUpAction(_prev: FollowUpFormState | null, formData: FormData): Promise<FollowUpFormState> {
  const values = Object.fromEntries(["kind", "happenedOn", "reviewOn", "note"].map((k) => [k, String(formData.get(k) ?? "")]));
  const result = await recordFollowUp({ reviewId: formData.get("reviewId"), ...values, kind: values.kind || undefined });
  if (result.ok) revalidatePath("/follow-ups");
  return result.ok ? result : { ...result, values };
}
