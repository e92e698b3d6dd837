import { ENTERPRISE_SCHEMA, USER_SCHEMA } from "./user-doc";

// The discovery documents of RFC 7643 §5-7, describing exactly what Keeper implements.

export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const MAX_PAGE = 200;

export function listResponse(resources: unknown[], totalResults: number, startIndex: number) {
  return { schemas: [LIST_SCHEMA], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}

export function serviceProviderConfig(base: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: "https://github.com/keeper/keeper#single-sign-on-and-provisioning",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "A Keeper API token with the scim scope (Admin → API tokens, or keeper token create --scope scim).",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

const attr = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: "string",
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...extra,
});

export function schemas(base: string) {
  return [
    {
      id: USER_SCHEMA,
      name: "User",
      description: "A person in the organisation",
      attributes: [
        attr("userName", { required: true, uniqueness: "server", description: "The work email address" }),
        attr("name", { type: "complex", subAttributes: [attr("formatted"), attr("givenName"), attr("familyName")] }),
        attr("displayName"),
        attr("title"),
        attr("active", { type: "boolean" }),
        attr("emails", {
          type: "complex",
          multiValued: true,
          mutability: "readOnly",
          description: "The userName, as the primary work email",
          subAttributes: [attr("value"), attr("type"), attr("primary", { type: "boolean" })],
        }),
      ],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${USER_SCHEMA}` },
    },
    {
      id: ENTERPRISE_SCHEMA,
      name: "EnterpriseUser",
      description: "Enterprise User: the manager and the team (department)",
      attributes: [
        attr("department", { description: "The Keeper team; created when it does not exist" }),
        attr("manager", {
          type: "complex",
          subAttributes: [
            attr("value", { description: "The manager's SCIM id" }),
            attr("$ref", { type: "reference", mutability: "readOnly" }),
          ],
        }),
      ],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${ENTERPRISE_SCHEMA}` },
    },
  ];
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "User",
      name: "User",
      endpoint: "/Users",
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
  ];
}
