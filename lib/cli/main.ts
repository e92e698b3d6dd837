/** `npx keeper <group> <command> [...]`: each command is a module exporting `run(args)`. */
type Command = { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> | number }> };

const COMMANDS: Record<string, Command> = {
  "db migrate": { summary: "Apply database migrations", load: () => import("./db-migrate") },
  "db copy": {
    summary: "Copy the SQLite database into an empty PostgreSQL one: keeper db copy --to postgres://USER@HOST:5432/DB",
    load: () => import("./db-copy"),
  },
  "demo seed": { summary: "Seed the demo organisation (when the database is empty)", load: () => import("./demo-seed") },
  demo: { summary: "Migrate, seed, build and serve the demo on PORT (default 3000)", load: () => import("./demo") },
  start: { summary: "Migrate and serve the production build (requires AUTH_SECRET)", load: () => import("./start") },
  backup: { summary: "Online backup of the database: keeper backup DEST.db", load: () => import("./backup") },
  "org import": {
    summary: "Import employees, managers, teams and helpdesk ids: keeper org import FILE.csv",
    load: () => import("./org-import"),
  },
  "csat import": {
    summary: "Import CSAT responses: keeper csat import FILE... [--source auto|zendesk|freshdesk|intercom|helpscout|chatwoot|csv]",
    load: () => import("./csat-import"),
  },
  "csat report": {
    summary: "CSAT per agent: keeper csat report --quarter YYYY-Qn [--team NAME] [--json]",
    load: () => import("./csat-report"),
  },
  connect: {
    summary: "Connect a helpdesk's CSAT API: keeper connect SOURCE --url URL [--email E] --token T [--name N] [--account ID]",
    load: () => import("./connect"),
  },
  connections: { summary: "List helpdesk connections (never their credentials)", load: () => import("./connections") },
  sync: { summary: "Sync CSAT from helpdesk connections: keeper sync [NAME] (no name: those due; for cron)", load: () => import("./sync") },
  "token create": {
    summary: "Create an API token, printed once: keeper token create --scope read|import|scim --name NAME [--by ADMIN_EMAIL] [--days N]",
    load: () => import("./token-create"),
  },
  remind: {
    summary: "Remind reviewers of reviews due in 7 days or overdue, once a day per review; send waiting mail",
    load: () => import("./remind"),
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  keeper ${name.padEnd(12)} ${c.summary}`);
  return `Usage:\n${lines.join("\n")}\n\nThe database is DATABASE_URL (default file:./data/keeper.db).`;
}

export async function main(argv: string[]): Promise<number> {
  const two = argv.slice(0, 2).join(" ");
  const name = COMMANDS[two] ? two : COMMANDS[argv[0] ?? ""] ? argv[0] : null;
  if (!name || argv[0] === "--help" || argv[0] === "help") {
    console.log(usage());
    return name || argv[0] === "--help" || argv[0] === "help" ? 0 : 2;
  }
  const rest = argv.slice(name.split(" ").length);
  const mod = await COMMANDS[name].load();
  return mod.run(rest);
}
