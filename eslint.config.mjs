import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";
import drizzle from "eslint-plugin-drizzle";

/**
 * Next's own rules (core web vitals, React hooks, TypeScript), drizzle's guard against a
 * delete or update without `where`, and the layers of docs/decisions/0001-data-access-layer.md as
 * import boundaries: app → components → data access / importers → domain and db. Pages never
 * touch the database, the domain stays pure, and no production code imports the demo seed.
 */
const ELEMENTS = [
  { type: "app", pattern: "app/**", partialMatch: false },
  { type: "components", pattern: "components/**", partialMatch: false },
  { type: "api", pattern: "lib/api/**", partialMatch: false },
  { type: "contract", pattern: "lib/api-contract/**", partialMatch: false },
  { type: "dal", pattern: ["lib/dal/**", "lib/csat/**", "lib/mail/**"], partialMatch: false },
  { type: "auth", pattern: "lib/auth/**", partialMatch: false },
  // Services that write through their own queries and serve both the data layer and the CLI.
  { type: "importers", pattern: ["lib/importers/**", "lib/connectors/**", "lib/follow-ups/**"], partialMatch: false },
  { type: "scim", pattern: "lib/scim/**", partialMatch: false },
  { type: "cli", pattern: ["lib/cli/**", "bin/**"], partialMatch: false },
  { type: "domain", pattern: "lib/domain/**", partialMatch: false },
  { type: "infra", pattern: ["lib/observability/**", "lib/server/**"], partialMatch: false },
  { type: "seed", pattern: "db/seed/**", partialMatch: false },
  { type: "db", pattern: "db/**", partialMatch: false },
];

const may = (from, ...to) => ({ from: { element: { type: from } }, allow: { to: { element: { types: { anyOf: to } } } } });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "data/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb()"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb()"] }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The data layer is async on both engines (docs/decisions/0022-one-dal-two-engines.md): a query
    // that is not awaited is a write that may not happen, or a promise where a value was meant.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // SQLite's synchronous `.get()/.all()/.run()` do not exist on PostgreSQL: the shared layer
    // awaits the builder, and hand-written SQL goes through db/raw.ts.
    files: [
      "app/**",
      "components/**",
      "lib/dal/**",
      "lib/csat/**",
      "lib/mail/**",
      "lib/api/**",
      "lib/auth/**",
      "lib/scim/**",
      "lib/cli/**",
      "lib/follow-ups/**",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(get|all|run)$/][arguments.length=0]",
          message: "SQLite-only: await the query builder instead (docs/decisions/0022).",
        },
        {
          selector: "MemberExpression[property.name='changes'][object.type='Identifier']",
          message: "`changes` is SQLite's: count changed rows with affected() from db/raw.ts, which also reads PostgreSQL's rowCount.",
        },
        {
          selector: "MemberExpression[property.name='$client']",
          message: "Engine-specific: use db/raw.ts, or sqliteClient()/pgPool() in a named dialect file.",
        },
      ],
    },
  },
  {
    // Vitest helpers are named use…, like hooks, but are not React hooks.
    files: ["tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // CommonJS by necessity: the cluster supervisor and the import worker thread run outside the bundler.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Server components render once per request, so reading the clock while rendering is correct.
    files: ["app/**/page.tsx", "app/**/layout.tsx"],
    rules: { "react-hooks/purity": "off" },
  },
  {
    files: ["app/**", "components/**", "lib/**", "db/**", "auth.ts", "proxy.ts", "instrumentation.ts"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": ELEMENTS,
      "import/resolver": { typescript: { alwaysTryTypes: true }, node: true },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: [
            may("app", "app", "components", "api", "contract", "dal", "auth", "importers", "scim", "domain", "infra"),
            // Client components call server actions, and take the data layer's result types.
            may("components", "components", "app", "dal", "domain"),
            may("api", "api", "contract", "dal", "importers", "scim", "domain", "infra"),
            // The API's response schemas: the data layer shapes the memoised talent body by them.
            may("contract", "contract", "domain"),
            may("dal", "dal", "auth", "contract", "importers", "scim", "domain", "db", "infra"),
            // SCIM documents, filters and PATCH: pure, like the domain.
            may("scim", "scim", "domain"),
            // Token minting is shared by the data layer and `keeper token create`, so it writes itself.
            may("auth", "auth", "domain", "db", "infra"),
            may("importers", "importers", "dal", "domain", "db", "infra"),
            may("cli", "cli", "dal", "auth", "importers", "domain", "db", "seed", "infra"),
            may("domain", "domain"),
            may("infra", "infra"),
            may("db", "db", "domain"),
            may("seed", "seed", "db", "auth", "importers", "domain"),
          ],
        },
      ],
    },
  },
]);
