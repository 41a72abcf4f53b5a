// The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
// Every /api/v1 route must be listed here (a test compares this list with the file system).
import { z } from "zod";
import { auditEventSchema, auditListQuerySchema } from "@/lib/audit/audit.schema";
import { errorResponseSchema, healthResponseSchema, pageOf } from "@/lib/api/common.schema";
import type { Action } from "@/lib/authz/policy";
import { companyListQuerySchema, companySchema, companySummarySchema, contactSchema, createCompanySchema, createContactSchema, updateCompanySchema, updateContactSchema } from "@/lib/companies/company.schema";
import { createOfferSchema, offerListQuerySchema, offerSchema, offerTransitionSchema, updateOfferSchema } from "@/lib/offers/offer.schema";
import { createVisitSchema, visitListQuerySchema, visitSchema } from "@/lib/visits/visit.schema";
import { previewFieldsSchema, runFieldsSchema } from "@/lib/imports/import.schema";
import { meResponseSchema } from "@/lib/me/me.schema";
import { dryRunBodySchema, purgeRunListQuerySchema, purgeRunSchema } from "@/lib/retention/purge-run.schema";
import { subsidyFileSummarySchema, subsidyListQuerySchema } from "@/lib/subsidy/subsidy.schema";
import { apiTokenSchema, createdTokenSchema, createTokenSchema } from "@/lib/tokens/token.schema";

export interface Endpoint {
  method: "get" | "post" | "delete" | "patch" | "put";
  path: string;
  summary: string;
  permission: Action | null;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** multipart/form-data upload: a "file" field plus these text fields. */
  upload?: z.ZodObject;
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
  { method: "get", path: "/api/v1/companies", summary: "Entreprises de mon périmètre (recherche sans accents, filtres, tri, pagination)", permission: "company.read", query: companyListQuerySchema, response: pageOf(companySummarySchema) },
  { method: "post", path: "/api/v1/companies", summary: "Créer une entreprise (SIRET contrôlé, unique par plateforme)", permission: "company.write", body: createCompanySchema, response: companySchema, status: 201 },
  { method: "get", path: "/api/v1/companies/{id}", summary: "Une entreprise", permission: "company.read", response: companySchema },
  { method: "patch", path: "/api/v1/companies/{id}", summary: "Modifier une entreprise (champ version obligatoire : 409 si modifiée entre-temps)", permission: "company.write", body: updateCompanySchema, response: companySchema },
  { method: "delete", path: "/api/v1/companies/{id}", summary: "Supprimer une entreprise sans historique", permission: "company.write", response: z.null(), status: 204 },
  { method: "get", path: "/api/v1/companies/{id}/contacts", summary: "Contacts d'une entreprise (données professionnelles)", permission: "contact.read", response: z.object({ items: z.array(contactSchema) }) },
  { method: "post", path: "/api/v1/companies/{id}/contacts", summary: "Ajouter un contact", permission: "contact.write", body: createContactSchema, response: contactSchema, status: 201 },
  { method: "get", path: "/api/v1/companies/{id}/contacts/{contactId}", summary: "Un contact", permission: "contact.read", response: contactSchema },
  { method: "patch", path: "/api/v1/companies/{id}/contacts/{contactId}", summary: "Modifier un contact (avec version)", permission: "contact.write", body: updateContactSchema, response: contactSchema },
  { method: "delete", path: "/api/v1/companies/{id}/contacts/{contactId}", summary: "Supprimer un contact", permission: "contact.write", response: z.null(), status: 204 },
  { method: "get", path: "/api/v1/visits", summary: "Visites d'entreprises", permission: "visit.read", query: visitListQuerySchema, response: pageOf(visitSchema.pick({ id: true, companyId: true, company: true, date: true, purpose: true, staff: true, needs: true })) },
  { method: "post", path: "/api/v1/visits", summary: "Enregistrer une visite et ses actions de suivi", permission: "visit.write", body: createVisitSchema, response: visitSchema, status: 201 },
  { method: "get", path: "/api/v1/visits/{id}", summary: "Une visite", permission: "visit.read", response: visitSchema },
  { method: "delete", path: "/api/v1/visits/{id}", summary: "Supprimer une visite", permission: "visit.write", response: z.null(), status: 204 },
  { method: "get", path: "/api/v1/offers", summary: "Offres d'emploi (état, contrat, marché caché, ROME, sans activité)", permission: "offer.read", query: offerListQuerySchema, response: pageOf(offerSchema) },
  { method: "post", path: "/api/v1/offers", summary: "Créer une offre (éventuellement issue d'une visite)", permission: "offer.write", body: createOfferSchema, response: offerSchema, status: 201 },
  { method: "get", path: "/api/v1/offers/{id}", summary: "Une offre", permission: "offer.read", response: offerSchema },
  { method: "patch", path: "/api/v1/offers/{id}", summary: "Modifier une offre (avec version)", permission: "offer.write", body: updateOfferSchema, response: offerSchema },
  { method: "delete", path: "/api/v1/offers/{id}", summary: "Supprimer une offre en brouillon", permission: "offer.write", response: z.null(), status: 204 },
  { method: "post", path: "/api/v1/offers/{id}/transitions", summary: "Changer l'état d'une offre (machine à états)", permission: "offer.write", body: offerTransitionSchema, response: offerSchema },
  { method: "post", path: "/api/v1/imports/companies/preview", summary: "Aperçu d'un import d'entreprises : colonnes, correspondance, erreurs par ligne, doublons", permission: "company.write", upload: previewFieldsSchema, response: z.object({ totalRows: z.number(), validCount: z.number(), errorCount: z.number() }).passthrough() },
  { method: "post", path: "/api/v1/imports/companies", summary: "Importer des entreprises (réponse NDJSON : progression puis bilan)", permission: "company.write", upload: runFieldsSchema, response: z.object({ type: z.enum(["progress", "done", "error"]) }).passthrough() },
  { method: "get", path: "/api/v1/imports", summary: "Derniers imports de ma plateforme", permission: "company.write", response: z.object({ items: z.array(z.object({ id: z.string(), status: z.string() }).passthrough()) }) },
  { method: "post", path: "/api/v1/imports/{id}/undo", summary: "Annuler un import entier", permission: "company.write", response: z.object({ undone: z.boolean() }).passthrough() },
  { method: "get", path: "/api/v1/subsidy-files", summary: "Dossiers de subvention visibles", permission: "subsidy.read", query: subsidyListQuerySchema, response: pageOf(subsidyFileSummarySchema) },
  { method: "get", path: "/api/v1/audit-events", summary: "Journal d'audit (DPO)", permission: "audit.read", query: auditListQuerySchema, response: pageOf(auditEventSchema) },
  { method: "get", path: "/api/v1/purge-runs", summary: "Exécutions de la conservation (réelles et simulations), comptes par action et par plateforme", permission: "purge.read", query: purgeRunListQuerySchema, response: pageOf(purgeRunSchema) },
  { method: "get", path: "/api/v1/purge-runs/{id}", summary: "Une exécution de la conservation", permission: "purge.read", response: purgeRunSchema },
  { method: "post", path: "/api/v1/purge-runs/dry-run", summary: "Simuler maintenant l'exécution de la conservation (rien n'est modifié)", permission: "purge.run", body: dryRunBodySchema, response: purgeRunSchema, status: 201 },
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
      ...(e.upload
        ? { requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary", description: "CSV (UTF-8 ou Windows-1252, ; ou ,) ou XLSX" }, ...Object.fromEntries(Object.keys(e.upload.shape).map((k) => [k, { type: "string" }])) } } } } } }
        : {}),
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
