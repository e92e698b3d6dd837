"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/auth";

export interface LoginState {
  error?: string;
  email?: string;
}

const safeRedirect = z
  .string()
  .regex(/^\/(?!\/)[^\s]*$/)
  .catch("/");

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const password = String(formData.get("password") ?? "");
  if (!email.trim() || !password) return { error: "Enter your email and password.", email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeRedirect.parse(formData.get("from") ?? "/") });
  } catch (error) {
    // One generic message for every failure, so the form never reveals which accounts exist.
    if (error instanceof AuthError) return { error: "Wrong email or password.", email };
    throw error;
  }
  return {};
}
