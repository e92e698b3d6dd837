"use server";

import { revalidatePath } from "next/cache";
import { recordDeparture, type DepartureResult } from "@/lib/dal/departures";

/** On failure, what was typed comes back too: React resets the form after an action, to these. */
export type DepartureFormState = DepartureResult & { values?: Record<string, string> };

export async function recordDepartureAction(_prev: DepartureFormState | null, formData: FormData): Promise<DepartureFormState> {
  const values = Object.fromEntries(["leftAt", "leaveType", "regretted"].map((k) => [k, String(formData.get(k) ?? "")]));
  const result = await recordDeparture({
    employeeId: formData.get("employeeId"),
    leftAt: values.leftAt,
    leaveType: values.leaveType || undefined,
    regretted: values.regretted || undefined,
  });
  if (result.ok) revalidatePath("/hr/people", "layout");
  return result.ok ? result : { ...result, values };
}
