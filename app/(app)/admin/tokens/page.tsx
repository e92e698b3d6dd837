import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateTokenForm } from "@/components/admin/create-token-form";
import { RevokeTokenButton } from "@/components/admin/revoke-token-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listApiTokens } from "@/lib/dal/api-tokens";
import { formatDate, formatDateTime } from "@/lib/format";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const listed = await listApiTokens();
  if (!listed) notFound();
  const { tokens, scopes } = listed;
  const now = Date.now();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <Card title="Create a token">
        <p className="mb-4 text-sm text-slate-700">
          Tokens act with your access, limited to their scope. Only a hash is stored.
          {scopes.includes("scim")
            ? " HR's own tokens read and import people data; yours (an admin's) are for provisioning and system use."
            : " You see and revoke the tokens you created."}
        </p>
        <CreateTokenForm scopes={scopes} />
      </Card>
      <Card title="Tokens">
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-700">No tokens yet.</p>
        ) : (
          <TableScroll>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">API tokens</caption>
              <thead className="border-b border-slate-200 text-slate-700">
                <tr>
                  {["Name", "Scope", "Created", "Expires", "Last used", "Status", ""].map((h) => (
                    <th key={h} scope="col" className="py-2 pr-3">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => {
                  const status = t.revokedAt ? "Revoked" : t.expiresAt <= now ? "Expired" : "Active";
                  return (
                    <tr key={t.id} className="border-b border-slate-100">
                      <td className="py-2 pr-3 font-medium">
                        {t.name}
                        <div className="text-xs font-normal text-slate-700">by {t.createdBy}</div>
                      </td>
                      <td className="py-2 pr-3">{t.scope}</td>
                      <td className="py-2 pr-3">{formatDate(t.createdAt)}</td>
                      <td className="py-2 pr-3">{formatDate(t.expiresAt)}</td>
                      <td className="py-2 pr-3">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</td>
                      <td className="py-2 pr-3">
                        <Badge tone={status === "Active" ? "green" : "slate"}>{status}</Badge>
                      </td>
                      <td className="py-2">{status === "Active" && <RevokeTokenButton id={t.id} name={t.name} />}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
    </div>
  );
}
