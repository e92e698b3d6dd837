"use server";

import { revalidatePath } from "next/cache";
import { addLateHires, reassignReviewer, type ParticipantActionResult } from "@/lib/dal/participants";

export async function addLateHiresAction(_prev: ParticipantActionResult | null, formData: FormData): Promise<ParticipantActionResult> {
  const key = String(formData.get("key") ?? "");
  const result = await addLateHires({ key, employeeIds: formData.getAll("employeeId").map(String) });
  if (result.ok) revalidatePath(`/hr/cycles/${key}`);
  return result;
}

/** On failure, what was typed comes back too: React resets the form after an action, to these. */
export type ReassignFormState = ParticipantActionResult & { values?: { employeeEmail: string; reviewerEmail: string } };

export async function reassignReviewerAction(_prev: ReassignFormState | null, formData: FormData): Promise<ReassignFormState> {
  const key = String(formData.get("key") ?? "");
  const values = { employeeEmail: String(formData.get("employeeEmail") ?? ""), reviewerEmail: String(formData.get("reviewerEmail") ?? "") };
  const result = await reassignReviewer({ key, ...values });
  if (result.ok) revalidatePath(`/hr/cycles/${key}`);
  return result.ok ? result : { ...result, values };
}
