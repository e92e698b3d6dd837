import type { Metadata } from "next";
import { CommentFilterForm } from "@/components/agent/comment-filter";
import { CommentList } from "@/components/agent/comment-list";
import { CsatOverview } from "@/components/agent/csat-overview";
import { Card } from "@/components/ui/card";
import { getMyComments, getMyCsat, MY_COMMENTS_LIMIT } from "@/lib/dal/my-csat";

export const metadata: Metadata = { title: "My customers" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const [quarters, { filter, comments }] = await Promise.all([
    getMyCsat(),
    getMyComments({ quarter: first(params.quarter), sentiment: first(params.sentiment), search: first(params.search) }),
  ]);
  const filtered = Boolean(filter.quarter || filter.sentiment || filter.search);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">My customers</h1>
        <p className="text-slate-700">How satisfied your customers were, and what they told you. Only you see your comments here.</p>
      </div>
      <Card title="Your CSAT">
        <CsatOverview quarters={quarters} />
      </Card>
      <Card title="What your customers wrote">
        <CommentFilterForm filter={filter} quarters={[...quarters].reverse().map((q) => q.quarter)} />
        <div className="mt-4">
          <CommentList comments={comments} filtered={filtered} />
          {comments.length === MY_COMMENTS_LIMIT && (
            <p className="mt-2 text-sm text-slate-700">Showing the latest {MY_COMMENTS_LIMIT}. Search or filter to find older ones.</p>
          )}
        </div>
      </Card>
    </div>
  );
}
