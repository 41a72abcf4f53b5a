// The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
// Every /api/v1 route must be listed here (a test compares this list with the file system).
import { z } from "zod";
import { auditEventSchema, auditListQuerySchema } from "@/lib/audit/audit.schema";
import { errorResponseSchema, healthResponseSchema, pageOf } from "@/lib/api/common.schema";
import type { Action } from "@/lib/authz/policy";
import { companyListQuerySchema, companySummarySchema } from "@/lib/companies/company.schema";
import { meResponseSchema } from "@/lib/me/me.schema";
import { subsidyFileSummarySchema, subsidyListQuerySchema } from "@/lib/subsidy/subsidy.schema";
import { apiTokenSchema, createdTokenSchema, createTokenSchema } from "@/lib/tokens/token.schema";
import { markReadSchema, notificationDtoSchema, notificationListQuerySchema, preferencesSchema } from "@/lib/notifications/notification.schema";
import { platformDtoSchema, platformInputSchema, platformUpdateSchema } from "@/lib/platforms/platform.schema";
import { searchQuerySchema, searchResultSchema } from "@/lib/search/search.schema";
import { inviteUserSchema, updateUserSchema, userDtoSchema, userListQuerySchema, userSummarySchema } from "@/lib/users/user.schema";

export interface Endpoint {
  method: "get" | "post" | "delete" | "patch" | "put";
  path: string;
  summary: string;
  permission: Action | null;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status?: number;
}

export const ENDPOINTS: Endpoint[] = [
  { method: "get", path: "/api/health", summary: "État du service et de la base de données", permission: null, response: healthResponseSchema },
  { method: "get", path: "/api/v1/me", summary: "Utilisateur connecté, son rôle et ses plateformes", permission: "profile.view", response: meResponseSchema },
  { method: "get", path: "/api/v1/openapi.json", summary: "Ce document OpenAPI", permission: null, response: z.object({ openapi: z.string() }).passthrough() },
  { method: "get", path: "/api/v1/tokens", summary: "Mes jetons d'accès personnels", permission: "token.manage", response: z.object({ items: z.array(apiTokenSchema) }) },
  { method: "post", path: "/api/v1/tokens", summary: "Créer un jeton (affiché une seule fois)", permission: "token.manage", body: createTokenSchema, response: createdTokenSchema, status: 201 },
  { method: "delete", path: "/api/v1/tokens/{id}", summary: "Révoquer un de mes jetons", permission: "token.manage", response: apiTokenSchema },
  { method: "get", path: "/api/v1/companies", summary: "Entreprises de mon périmètre (recherche, filière, tri, pagination)", permission: "company.read", query: companyListQuerySchema, response: pageOf(companySummarySchema) },
  { method: "get", path: "/api/v1/subsidy-files", summary: "Dossiers de subvention visibles", permission: "subsidy.read", query: subsidyListQuerySchema, response: pageOf(subsidyFileSummarySchema) },
  { method: "get", path: "/api/v1/users", summary: "Comptes (admin : tous ; responsable : ceux de ses plateformes)", permission: "user.read", query: userListQuerySchema, response: pageOf(userSummarySchema) },
  { method: "post", path: "/api/v1/users", summary: "Inviter un compte (courriel avec lien à usage unique)", permission: "user.invite", body: inviteUserSchema, response: userDtoSchema, status: 201 },
  { method: "get", path: "/api/v1/users/{id}", summary: "Un compte de mon périmètre", permission: "user.read", response: userDtoSchema },
  { method: "patch", path: "/api/v1/users/{id}", summary: "Changer le rôle, les plateformes, désactiver / réactiver (version obligatoire)", permission: "user.invite", body: updateUserSchema, response: userDtoSchema },
  { method: "get", path: "/api/v1/platforms", summary: "Plateformes de mon périmètre", permission: "platform.read", response: z.object({ items: z.array(platformDtoSchema) }) },
  { method: "post", path: "/api/v1/platforms", summary: "Créer une plateforme (périmètre par EPCI et/ou communes INSEE, population calculée)", permission: "platform.write", body: platformInputSchema, response: platformDtoSchema, status: 201 },
  { method: "get", path: "/api/v1/platforms/{id}", summary: "Une plateforme de mon périmètre", permission: "platform.read", response: platformDtoSchema },
  { method: "patch", path: "/api/v1/platforms/{id}", summary: "Modifier une plateforme (version obligatoire)", permission: "platform.write", body: platformUpdateSchema, response: platformDtoSchema },
  { method: "get", path: "/api/v1/notifications", summary: "Mes notifications (non lues d'abord) et leur nombre non lu", permission: "notification.read", query: notificationListQuerySchema, response: pageOf(notificationDtoSchema).extend({ unread: z.number().int() }) },
  { method: "post", path: "/api/v1/notifications/read", summary: "Marquer une notification (id) ou toutes (all: true) comme lues", permission: "notification.read", body: markReadSchema, response: z.object({ updated: z.number().int() }) },
  { method: "get", path: "/api/v1/notifications/preferences", summary: "Mes choix de réception par type (application, courriel, récapitulatif quotidien)", permission: "notification.read", response: z.record(z.string(), z.object({ inApp: z.boolean(), email: z.boolean(), digest: z.boolean() })) },
  { method: "put", path: "/api/v1/notifications/preferences", summary: "Enregistrer mes choix de réception (clés « type.canal »)", permission: "notification.read", body: preferencesSchema, response: z.record(z.string(), z.object({ inApp: z.boolean(), email: z.boolean(), digest: z.boolean() })) },
  { method: "get", path: "/api/v1/search", summary: "Recherche globale (sans accents ni casse) dans mon périmètre, par type ; chaque demandeur trouvé est tracé", permission: "search.run", query: searchQuerySchema, response: searchResultSchema },
  { method: "get", path: "/api/v1/audit-events", summary: "Journal d'audit (DPO)", permission: "audit.read", query: auditListQuerySchema, response: pageOf(auditEventSchema) },
];

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
}

export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const parameters = [
      ...[...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } })),
      ...(e.query
        ? Object.entries(e.query.shape).map(([name, s]) => ({ name, in: "query", required: false, schema: jsonSchema(s as z.ZodType, "input") }))
        : []),
    ];
    const errorRef = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    (paths[e.path] ??= {})[e.method] = {
      summary: e.summary,
      ...(e.permission ? { "x-permission": e.permission, security: [{ bearer: [] }, { session: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(e.body, "input") } } } } : {}),
      responses: {
        [String(e.status ?? 200)]: { description: "Succès", content: { "application/json": { schema: jsonSchema(e.response, "output") } } },
        ...(e.permission
          ? { "400": { description: "Entrée invalide", ...errorRef }, "401": { description: "Non authentifié", ...errorRef }, "403": { description: "Action non permise à ce rôle", ...errorRef }, "404": { description: "Introuvable ou hors de votre périmètre", ...errorRef } }
          : {}),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "API SI Proch'Emploi", version, description: "API des plateformes territoriales Proch'Emploi (Région Hauts-de-France). Erreurs : { error: { code, message, fields? } }." },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorResponseSchema, "output") },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Jeton d'accès personnel créé sur la page « Mon profil »." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
  };
}
