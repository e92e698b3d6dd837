"use client";

import { useActionState, useState } from "react";
import { saveConnectionAction } from "@/app/(app)/hr/connections/actions";
import { Button } from "@/components/ui/button";
import type { ConnectionFormState } from "@/lib/dal/connections";

type Source = "zendesk" | "freshdesk" | "intercom" | "helpscout" | "chatwoot";

/** What each helpdesk asks for, as its API documentation names it. */
const SOURCES: Record<Source, { label: string; url: string; token: string; hint: string }> = {
  zendesk: {
    label: "Zendesk",
    url: "https://acme.zendesk.com",
    token: "API token",
    hint: "Admin Center → Apps and integrations → Zendesk API. Keeper signs in as {email}/token with it.",
  },
  freshdesk: {
    label: "Freshdesk",
    url: "https://acme.freshdesk.com",
    token: "API key",
    hint: "Profile settings → Your API key (sent as basic auth with the password X).",
  },
  intercom: {
    label: "Intercom",
    url: "https://api.intercom.io",
    token: "Access token",
    hint: "Developer Hub → your app → Authentication. Use https://api.eu.intercom.io or https://api.au.intercom.io for EU or AU workspaces.",
  },
  helpscout: {
    label: "Help Scout",
    url: "https://api.helpscout.net",
    token: "Access token (instead of App ID and App Secret)",
    hint: "Your Profile → My Apps → Create My App gives an App ID and App Secret (OAuth2 client credentials). Reports need the Plus or Pro plan.",
  },
  chatwoot: {
    label: "Chatwoot",
    url: "https://app.chatwoot.com",
    token: "Access token",
    hint: "Profile settings → Access token; the account id is the number in your dashboard's address (/app/accounts/ID).",
  },
};

const INTERVALS = [
  [15, "Every 15 minutes"],
  [60, "Every hour"],
  [360, "Every 6 hours"],
  [1440, "Every day"],
] as const;

export type ConnectionFormValues = {
  id: number;
  name: string;
  source: Source;
  baseUrl: string;
  accountId: string | null;
  intervalMinutes: number;
  credentialHint: string;
};

function Field({
  id,
  label,
  error,
  help,
  ...input
}: { id: string; label: string; error?: string; help?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const described = [error ? `${id}-err` : null, help ? `${id}-help` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        {...input}
      />
      {help && (
        <p id={`${id}-help`} className="mt-1 text-xs text-slate-700">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** Adds a connection, or edits one (`initial`): credentials are never shown, and blank keeps them. */
export function ConnectionForm({ initial }: { initial?: ConnectionFormValues }) {
  const [state, action, pending] = useActionState<ConnectionFormState | null, FormData>(saveConnectionAction, null);
  const [source, setSource] = useState<Source>(initial?.source ?? "zendesk");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const p = initial ? `edit-${initial.id}-` : "new-";
  const info = SOURCES[source];
  const keep = initial ? `Leave blank to keep the stored credentials (${initial.credentialHint}).` : undefined;
  return (
    <form action={action} className="space-y-4" aria-label={initial ? `Edit ${initial.name}` : "Add a connection"}>
      {initial && <input type="hidden" name="id" value={initial.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${p}source`} className="block text-sm font-medium">
            Helpdesk
          </label>
          <select
            id={`${p}source`}
            name="source"
            value={source}
            disabled={Boolean(initial)}
            onChange={(e) => setSource(e.target.value as Source)}
            className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
          >
            {Object.entries(SOURCES).map(([value, s]) => (
              <option key={value} value={value}>
                {s.label}
              </option>
            ))}
          </select>
          {initial && <input type="hidden" name="source" value={source} />}
        </div>
        <Field
          id={`${p}name`}
          name="name"
          label="Name"
          required
          maxLength={80}
          defaultValue={initial?.name}
          placeholder={`e.g. ${info.label} support`}
          error={errors.name}
        />
        <Field
          id={`${p}baseUrl`}
          name="baseUrl"
          label="API address"
          required
          type="url"
          defaultValue={initial?.baseUrl}
          placeholder={info.url}
          error={errors.baseUrl}
        />
        {source === "chatwoot" && (
          <Field
            id={`${p}accountId`}
            name="accountId"
            label="Account id"
            required
            inputMode="numeric"
            defaultValue={initial?.accountId ?? ""}
            error={errors.accountId}
          />
        )}
        {source === "zendesk" && (
          <Field
            id={`${p}email`}
            name="email"
            label="Agent email (owner of the token)"
            type="email"
            autoComplete="off"
            required={!initial}
            error={errors.email}
            help={keep}
          />
        )}
        {source === "helpscout" && (
          <>
            <Field id={`${p}appId`} name="appId" label="App ID" autoComplete="off" error={errors.appId} />
            <Field
              id={`${p}appSecret`}
              name="appSecret"
              label="App Secret"
              type="password"
              autoComplete="new-password"
              error={errors.appSecret}
            />
          </>
        )}
        <Field
          id={`${p}token`}
          name="token"
          label={info.token}
          type="password"
          autoComplete="new-password"
          required={!initial && source !== "helpscout"}
          error={errors.token}
          help={keep}
        />
        <div>
          <label htmlFor={`${p}interval`} className="block text-sm font-medium">
            Sync
          </label>
          <select
            id={`${p}interval`}
            name="intervalMinutes"
            defaultValue={initial?.intervalMinutes ?? 60}
            className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
          >
            {INTERVALS.map(([m, label]) => (
              <option key={m} value={m}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="text-sm text-slate-700">{info.hint} Credentials are stored encrypted and never shown again.</p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : initial ? "Save changes" : "Add connection"}
        </Button>
        {state && (
          <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-900" : "text-red-800"}`}>
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
