// `npm run typegen` in this folder (graphql-codegen, offline) writes generated/api.ts from the schema and input queries.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["src/*.graphql"],
  generates: {
    "generated/api.ts": {
      plugins: ["typescript", "typescript-operations"],
      config: { enumsAsTypes: true, avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false }, skipTypename: false, scalars: { Decimal: "string", JSON: "unknown", Date: "string", DateTime: "string", DateTimeWithoutTimezone: "string", TimeWithoutTimezone: "string", URL: "string", Void: "null", ID: "string", Handle: "string" } },
    },
  },
};

export default config;
