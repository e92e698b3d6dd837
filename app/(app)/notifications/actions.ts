"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { markAllNotificationsRead, openNotification } from "@/lib/dal/notifications";

/** Marks the notification read and goes where it points; works without JavaScript. */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const opened = await openNotification({ id: formData.get("id") });
  revalidatePath("/", "layout");
  redirect(opened?.link ?? "/notifications");
}

export async function markAllReadAction(): Promise<void> {
  await markAllNotificationsRead();
  revalidatePath("/", "layout");
}
