"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/auth";
import { oidcSettings } from "@/lib/auth/oidc-config";

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
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      return { error: "Too many failed sign-in attempts. Sign-in is paused for 15 minutes; try again later.", email };
    }
    if (error instanceof CredentialsSignin && error.code === "sso_only") {
      return { error: `Password sign-in is turned off: sign in with ${ssoName()} instead. Only admins may use a password.`, email };
    }
    // One generic message for every other failure, so the form never reveals which accounts exist.
    if (error instanceof AuthError) return { error: "Wrong email or password.", email };
    throw error;
  }
  return {};
}

function ssoName(): string {
  const settings = oidcSettings();
  return settings.enabled ? settings.name : "single sign-on";
}

/** Starts single sign-on: Auth.js redirects to the identity provider (state, nonce and PKCE set). */
export async function ssoLoginAction(formData: FormData): Promise<void> {
  if (!oidcSettings().enabled) return;
  await signIn("oidc", { redirectTo: safeRedirect.parse(formData.get("from") ?? "/") });
}
