// `npm run openapi`: writes docs/openapi.json and the client types generated from it (see lib/api/openapi-artifacts.ts).
import { writeFileSync } from "node:fs";
import { print } from "@/scripts/lib/print";
import { OPENAPI_FILE, OPENAPI_TYPES_FILE, openApiJson, openApiTypes } from "@/lib/api/openapi-artifacts";

const json = openApiJson();
writeFileSync(OPENAPI_FILE, json);
writeFileSync(OPENAPI_TYPES_FILE, await openApiTypes(json));
print(`${OPENAPI_FILE} et ${OPENAPI_TYPES_FILE} écrits.`);
