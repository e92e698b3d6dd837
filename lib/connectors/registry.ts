import { CONNECTOR_SOURCES, type Connector, type ConnectorSource } from "./types";
import { chatwoot } from "./vendors/chatwoot";
import { freshdesk } from "./vendors/freshdesk";
import { helpscout } from "./vendors/helpscout";
import { intercom } from "./vendors/intercom";
import { zendesk } from "./vendors/zendesk";

export const CONNECTORS: Record<ConnectorSource, Connector> = { zendesk, freshdesk, intercom, helpscout, chatwoot };

export function isConnectorSource(value: unknown): value is ConnectorSource {
  return typeof value === "string" && (CONNECTOR_SOURCES as readonly string[]).includes(value);
}
