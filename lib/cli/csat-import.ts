import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import { importCsat, type CsatImportReport } from "@/lib/importers/csat/run-import";
import { CSAT_SOURCES, type CsatSourceOption } from "@/lib/importers/csat/types";

const USAGE = `Usage: keeper csat import FILE... [--source auto|${CSAT_SOURCES.join("|")}] [--max-bytes N] [--json]

Imports helpdesk CSAT exports (JSON pages or the generic CSV) in one transaction.
Exit code 1 when any row was rejected or any file could not be imported.`;

/** Opens the file only when the import reaches it, so a missing file is that file's error, not a crash. */
async function* fileBytes(path: string): AsyncGenerator<Buffer> {
  yield* createReadStream(path, { highWaterMark: 1 << 18 });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `file:12` for CSV lines, `file record 35436` for JSON records. */
function where(file: string, ref: string): string {
  return ref.startsWith("line ") ? `${file}:${ref.slice(5)}` : `${file} ${ref}`;
}

export function formatImportReport(report: CsatImportReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    const how = f.source === null ? "source unknown" : f.detected ? `${f.source}, detected automatically` : f.source;
    out.push(f.error ? `${f.name} (${how}): NOT IMPORTED: ${f.error}` : `${f.name} (${how}): ${plural(f.rowsRead, "row")} read`);
  }
  const counts: [string, number][] = [
    ["rows read", report.rowsRead],
    ["imported", report.imported],
    ["updated", report.updated],
    ["unchanged", report.unchanged],
    ["not responses", report.notResponses],
    ["rejected", report.rejectedCount],
  ];
  out.push("", `Import #${report.importId}`);
  for (const [label, n] of counts) out.push(`  ${label.padEnd(14)}${String(n).padStart(10)}`);
  if (report.rejected.length > 0) {
    out.push("", "Rejected rows:");
    for (const r of report.rejected) out.push(`  ${where(r.file, r.ref)}: ${r.reason}`);
    const hidden = report.rejectedCount - report.rejected.length;
    if (hidden > 0) out.push(`  … and ${plural(hidden, "more rejected row")}`);
  }
  if (report.unmatched.length > 0) {
    out.push("", "Unmatched agents (responses stored, credited to nobody until an org import names them):");
    for (const u of report.unmatched) out.push(`  ${u.source} ${u.externalId}: ${plural(u.count, "response")}`);
  }
  return out.join("\n");
}

export async function run(args: string[]): Promise<number> {
  let values: { source?: string; "max-bytes"?: string; json?: boolean; help?: boolean };
  let files: string[];
  try {
    ({ values, positionals: files } = parseArgs({
      args,
      options: { source: { type: "string" }, "max-bytes": { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } },
      allowPositionals: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const source = (values.source ?? "auto") as CsatSourceOption;
  if (source !== "auto" && !CSAT_SOURCES.includes(source)) {
    console.error(`Unknown --source '${source}'.\n\n${USAGE}`);
    return 2;
  }
  const maxBytes = values["max-bytes"] === undefined ? undefined : Number(values["max-bytes"]);
  if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) {
    console.error(`--max-bytes must be a whole number of bytes.\n\n${USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    console.error(USAGE);
    return 2;
  }

  const showProgress = Boolean(process.stderr.isTTY) && !values.json;
  const report = await importCsat({
    inputs: files.map((path) => ({ name: path, stream: fileBytes(path) })),
    source,
    via: "cli",
    maxBytes,
    onProgress: showProgress ? (rows) => process.stderr.write(`\r${rows.toLocaleString("en")} rows read`) : undefined,
  });
  if (showProgress) process.stderr.write("\r\x1b[K");
  console.log(values.json ? JSON.stringify(report, null, 2) : formatImportReport(report));
  return report.rejectedCount > 0 || report.fileErrors.length > 0 ? 1 : 0;
}
