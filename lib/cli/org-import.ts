import { readFileSync } from "node:fs";
import { importOrg, type OrgImportReport } from "@/lib/importers/org-import";

const USAGE = "Usage: keeper org import FILE.csv";

export function formatOrgReport(file: string, report: OrgImportReport): string {
  if (!report.ok) {
    const problems = report.problems.map((p) => `  ${p.line === null ? file : `${file}:${p.line}`}: ${p.message}`);
    return [`${file}: NOT IMPORTED, nothing was changed. Fix these and import it again:`, ...problems].join("\n");
  }
  return [
    `${file}: ${report.rowsRead} rows read`,
    `  created        ${report.created}`,
    `  updated        ${report.updated}`,
    `  unchanged      ${report.unchanged}`,
    `  teams created  ${report.teamsCreated}`,
    ...(report.departures > 0 ? [`  departures recorded  ${report.departures}`] : []),
    ...(report.identitiesMoved > 0 ? [`  helpdesk ids moved to another person  ${report.identitiesMoved}`] : []),
    `  CSAT responses now credited to an agent  ${report.rematched}`,
  ].join("\n");
}

export async function run(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith("-")) {
    console.error(USAGE);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(args[0]);
  } catch (err) {
    console.error(`${args[0]}: could not be read: ${(err as Error).message}`);
    return 1;
  }
  const report = await importOrg(bytes);
  console.log(formatOrgReport(args[0], report));
  return report.ok ? 0 : 1;
}
