"use client";

import { useActionState } from "react";
import { createTokenAction } from "@/app/(app)/admin/tokens/actions";
import { Button } from "@/components/ui/button";
import type { CreateTokenResult } from "@/lib/dal/api-tokens";
import type { TokenScope } from "@/lib/dal/token-resolve";

const SCOPE_LABELS: Record<TokenScope, string> = {
  read: "read (GET API)",
  import: "import (CSAT upload)",
  scim: "scim (identity provider provisioning)",
};

/** `scopes`: the ones this viewer may create (policy.ts tokenScopesFor). */
export function CreateTokenForm({ scopes }: { scopes: readonly TokenScope[] }) {
  const [state, action, pending] = useActionState<CreateTokenResult | null, FormData>(createTokenAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_10rem_10rem_auto] sm:items-end">
        <div>
          <label htmlFor="token-name" className="block text-sm font-medium">
            Name
          </label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={100}
            placeholder="e.g. Zendesk nightly import"
            aria-describedby={errors.name ? "token-name-err" : undefined}
            className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
          />
          {errors.name && (
            <p id="token-name-err" className="mt-1 text-sm text-red-800">
              {errors.name}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="token-scope" className="block text-sm font-medium">
            Scope
          </label>
          <select
            id="token-scope"
            name="scope"
            aria-describedby={errors.scope ? "token-scope-err" : undefined}
            className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
          >
            {scopes.map((s) => (
              <option key={s} value={s}>
                {SCOPE_LABELS[s]}
              </option>
            ))}
          </select>
          {errors.scope && (
            <p id="token-scope-err" className="mt-1 text-sm text-red-800">
              {errors.scope}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="token-days" className="block text-sm font-medium">
            Expires in (days)
          </label>
          <input
            id="token-days"
            name="expiresInDays"
            type="number"
            min={1}
            max={365}
            defaultValue={90}
            aria-describedby={errors.expiresInDays ? "token-days-err" : undefined}
            className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
          />
          {errors.expiresInDays && (
            <p id="token-days-err" className="mt-1 text-sm text-red-800">
              {errors.expiresInDays}
            </p>
          )}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {state?.ok && (
        <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-4">
          <p className="font-medium">Token “{state.name}” created. Copy it now: it is shown only once.</p>
          <label htmlFor="new-token" className="sr-only">
            New API token
          </label>
          <input
            id="new-token"
            readOnly
            value={state.token}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-2 w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
          />
          <p className="mt-2 text-sm text-slate-800">
            Use it as <code>Authorization: Bearer &lt;token&gt;</code> on <code>/api/v1</code>.
          </p>
        </div>
      )}
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      )}
    </div>
  );
}
