import type { Metadata } from "next";
import { LoginForm } from "@/components/login-form";
import { SsoButton } from "@/components/sso-button";
import { oidcSettings, ssoOnly } from "@/lib/auth/oidc-config";
import { demoLogins } from "@/lib/dal/public";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ from?: string; error?: string }> }) {
  const { from, error } = await searchParams;
  const demo = await demoLogins();
  const sso = oidcSettings();
  const passwordsForAdminsOnly = ssoOnly();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center p-6">
      <h1 className="text-3xl font-bold tracking-tight">Keeper</h1>
      <p className="mt-1 text-slate-700">Keeper-test reviews for customer-service teams.</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {error && error !== "CredentialsSignin" && (
          <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            Sign-in did not complete. Please try again.
          </p>
        )}
        {sso.enabled && <SsoButton name={sso.name} from={from ?? "/"} />}
        {(sso.enabled || passwordsForAdminsOnly) && (
          <p className={`text-center text-sm text-slate-700 ${sso.enabled ? "my-4" : "mb-4"}`}>
            {passwordsForAdminsOnly
              ? "Password sign-in is for administrators only (break-glass access)."
              : "or sign in with your Keeper password"}
          </p>
        )}
        <LoginForm from={from ?? "/"} />
      </div>
      {demo && (
        <section aria-labelledby="demo-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 id="demo-heading" className="font-semibold">
            Demo accounts
          </h2>
          <p className="mt-1 text-slate-700">
            Password for all: <code className="rounded bg-slate-100 px-1">{demo.password}</code>
          </p>
          <ul className="mt-2 space-y-1">
            {demo.accounts.map((a) => (
              <li key={a.email}>
                <code>{a.email}</code> <span className="text-slate-700">· {a.who}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
