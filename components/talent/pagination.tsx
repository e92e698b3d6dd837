import Link from "next/link";

interface Props {
  page: number;
  pages: number;
  total: number;
  pageSize: number;
  href: (page: number) => string;
}

/** Previous/next links and "teams 51–100 of 1,000": plain links, so it works without JavaScript. */
export function Pagination({ page, pages, total, pageSize, href }: Props) {
  if (pages <= 1) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const link = "font-medium text-brand-700 underline underline-offset-2";
  return (
    <nav aria-label="Pages of teams" className="no-print mt-4 flex flex-wrap items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link}>
          ← Previous
        </Link>
      ) : (
        <span className="text-slate-500">← Previous</span>
      )}
      <span className="text-slate-700">
        Teams {first}–{last} of {total} · page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className={link}>
          Next →
        </Link>
      ) : (
        <span className="text-slate-500">Next →</span>
      )}
    </nav>
  );
}
