// Placeholder so the app builds; the CSAT engineer replaces this file.
export function run(): number {
  console.error("Not available yet.");
  return 1;
}
