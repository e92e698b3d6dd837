import Link from "next/link";
import { connection } from "next/server";

export default async function NotFound() {
  // Rendered per request, never prerendered: the proxy's CSP allows only scripts carrying this
  // request's nonce, and a page built ahead of time has none, so the browser blocked all of a
  // static 404's scripts (one console error each).
  await connection();
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-700">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
        Back to your home page
      </Link>
    </main>
  );
}
