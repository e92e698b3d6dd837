import { parseArgs } from "node:util";
import { connectionFields } from "@/lib/connectors/connection-input";
import { insertConnection } from "@/lib/connectors/store";
import { testConnectionConfig } from "@/lib/connectors/sync";
import { CONNECTOR_SOURCES } from "@/lib/connectors/types";

const USAGE = `Usage: keeper connect SOURCE --url URL [--email E] --token T [--name N] [--account ID] [--app-id ID --app-secret S] [--every MINUTES]

SOURCE is one of ${CONNECTOR_SOURCES.join(", ")}.
  zendesk    --url https://acme.zendesk.com --email agent@acme.com --token API_TOKEN
  freshdesk  --url https://acme.freshdesk.com --token API_KEY
  intercom   --url https://api.intercom.io --token ACCESS_TOKEN
  helpscout  --url https://api.helpscout.net --app-id APP_ID --app-secret APP_SECRET   (or --token ACCESS_TOKEN)
  chatwoot   --url https://app.chatwoot.com --account ACCOUNT_ID --token ACCESS_TOKEN
The token may also come from the environment variable KEEPER_CONNECT_TOKEN (keeps it out of shell history).
Credentials are stored encrypted with KEEPER_SECRET_KEY. The connection is tested once; sync with: keeper sync NAME`;

export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        url: { type: "string" },
        email: { type: "string" },
        token: { type: "string" },
        name: { type: "string" },
        account: { type: "string" },
        "app-id": { type: "string" },
        "app-secret": { type: "string" },
        every: { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const source = positionals[0];
  const parsed = connectionFields.safeParse({
    name: values.name ?? source,
    source,
    baseUrl: values.url ?? "",
    accountId: values.account,
    email: values.email,
    token: values.token ?? process.env.KEEPER_CONNECT_TOKEN,
    appId: values["app-id"],
    appSecret: values["app-secret"],
    intervalMinutes: values.every ?? 60,
  });
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("\n")}\n\n${USAGE}`);
    return 2;
  }
  const saved = await insertConnection(parsed.data, null);
  if (!saved.ok) {
    console.error(saved.message);
    return 2;
  }
  const test = await testConnectionConfig(saved.id);
  console.log(
    `Connection '${parsed.data.name}' (${parsed.data.source}) saved; it syncs every ${parsed.data.intervalMinutes} minutes with \`keeper sync\`.`,
  );
  console.log(test.ok ? test.message : `Test failed: ${test.message}`);
  return test.ok ? 0 : 1;
}
