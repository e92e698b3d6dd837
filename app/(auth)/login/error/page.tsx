import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign-in refused" };

/** What each refusal means to the person, and what they can do about it. */
const REASONS: Record<string, { heading: string; body: string }> = {
  unknown: {
    heading: "There is no Keeper account for you",
    body: "Your identity provider signed you in, but no Keeper account has your email address. Keeper never creates accounts at sign-in: ask HR or your IT team to add you to Keeper.",
  },
  inactive: {
    heading: "Your Keeper account is deactivated",
    body: "Your identity provider signed you in, but your Keeper account is no longer active. If you think this is a mistake, ask HR or your IT team.",
  },
  unverified: {
    heading: "Your email address is not verified",
    body: "Your identity provider did not confirm that the email address it sent is yours, so Keeper cannot match you to an account. Ask your IT team to verify your email address at the identity provider.",
  },
  linked_elsewhere: {
    heading: "This Keeper account belongs to another sign-in",
    body: "The Keeper account with your email address is already linked to a different account at your identity provider. Ask your IT team or a Keeper admin to sort out which account is yours.",
  },
  malformed: {
    heading: "Single sign-on could not be completed",
    body: "Your identity provider's answer was missing information Keeper needs. Tell your IT team.",
  },
};

const NOT_VERIFIED = {
  heading: "Single sign-on could not be completed",
  body: "The answer from your identity provider did not pass Keeper's checks: it may have expired, been altered or been meant for another sign-in. Nothing was signed in. Please try again; if it keeps happening, tell your IT team.",
};

export default async function SignInRefusedPage({ searchParams }: { searchParams: Promise<{ reason?: string; error?: string }> }) {
  const { reason } = await searchParams;
  const shown = (reason && REASONS[reason]) || NOT_VERIFIED;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center p-6">
      <p className="text-3xl font-bold tracking-tight">Keeper</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{shown.heading}</h1>
        <p className="mt-2 text-slate-700">{shown.body}</p>
        <p className="mt-4">
          <Link href="/login" className="font-medium text-brand-700 underline">
            Back to sign in
          </Link>
        </p>
      </div>
    </main>
  );
}
