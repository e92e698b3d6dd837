import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listOutbox } from "@/lib/dal/notifications";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Mail outbox" };

export default async function OutboxPage() {
  const outbox = await listOutbox(200);
  if (!outbox) notFound();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Mail outbox</h1>
        <p className="text-slate-700">
          {outbox.smtpConfigured
            ? "SMTP_URL is set: mail is sent right after each event and by `keeper remind`. Failed mail is retried for 24 hours."
            : "SMTP_URL is not set, so Keeper sends no mail. Everything it would have sent is kept here; people still get in-app notifications."}
        </p>
      </div>
      <Card title={`Latest ${outbox.mails.length} mails`}>
        {outbox.mails.length === 0 ? (
          <p className="text-sm text-slate-700">No mail yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {outbox.mails.map((m) => (
              <li key={m.id} className="py-3">
                <details>
                  <summary className="cursor-pointer">
                    <span className="inline-flex flex-wrap items-center gap-2">
                      {m.sentAt ? (
                        <Badge tone="green">Sent</Badge>
                      ) : m.error ? (
                        <Badge tone="red">Failed</Badge>
                      ) : (
                        <Badge>{outbox.smtpConfigured ? "Waiting" : "Kept"}</Badge>
                      )}
                      <span className="font-medium">{m.subject}</span>
                      <span className="text-sm text-slate-700">
                        to {m.toAddress} · {formatDateTime(m.createdAt)}
                      </span>
                    </span>
                  </summary>
                  {m.error && <p className="mt-2 text-sm font-medium text-red-800">Last error: {m.error}</p>}
                  <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm">{m.body}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
