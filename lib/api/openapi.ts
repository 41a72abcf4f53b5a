// The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
// Every /api/v1 route must be listed here (a test compares this list with the file system).
import { z } from "zod";
import { auditEventSchema, auditListQuerySchema } from "@/lib/audit/audit.schema";
import { errorResponseSchema, healthResponseSchema, pageOf } from "@/lib/api/common.schema";
import type { Action } from "@/lib/authz/policy";
import { companyListQuerySchema, companySummarySchema } from "@/lib/companies/company.schema";
import { diagnosticInputSchema, diagnosticListQuerySchema, diagnosticSchema } from "@/lib/diagnostics/diagnostic.schema";
import { attendanceSchema, createEventSchema, eventListQuerySchema, eventSummarySchema, participantSchema, registerParticipantSchema } from "@/lib/events/event.schema";
import { createdInteractionSchema, interactionListSchema, jobSeekerDetailSchema, jobSeekerListItemSchema } from "@/lib/job-seekers/job-seeker.api";
import { createJobSeekerSchema, interactionInputSchema, jobSeekerListQuerySchema, updateJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { meResponseSchema } from "@/lib/me/me.schema";
import { createProposalSchema, proposalListQuerySchema, proposalSchema, transitionProposalSchema } from "@/lib/proposals/proposal.schema";
import { subsidyFileSummarySchema, subsidyListQuerySchema } from "@/lib/subsidy/subsidy.schema";
import { apiTokenSchema, createdTokenSchema, createTokenSchema } from "@/lib/tokens/token.schema";

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
  { method: "get", path: "/api/v1/job-seekers", summary: "Demandeurs d'emploi actifs de mon périmètre (chaque appel est journalisé)", permission: "jobSeeker.read", query: jobSeekerListQuerySchema, response: pageOf(jobSeekerListItemSchema) },
  { method: "post", path: "/api/v1/job-seekers", summary: "Inscrire un demandeur d'emploi (409 avec fields.duplicates si doublon probable ; renvoyer avec confirmNotDuplicate)", permission: "jobSeeker.write", body: createJobSeekerSchema, response: jobSeekerDetailSchema, status: 201 },
  { method: "get", path: "/api/v1/job-seekers/{id}", summary: "Fiche d'un demandeur d'emploi (lecture journalisée ; paramètre purpose facultatif)", permission: "jobSeeker.read", query: z.object({ purpose: z.string().optional() }), response: jobSeekerDetailSchema },
  { method: "patch", path: "/api/v1/job-seekers/{id}", summary: "Modifier une fiche (verrouillage optimiste : version obligatoire, 409 si modifiée entre-temps)", permission: "jobSeeker.write", body: updateJobSeekerSchema, response: jobSeekerDetailSchema },
  { method: "get", path: "/api/v1/job-seekers/{id}/interactions", summary: "Échanges (appels, e-mails, rencontres, notes) d'un demandeur", permission: "jobSeeker.read", response: interactionListSchema },
  { method: "post", path: "/api/v1/job-seekers/{id}/interactions", summary: "Noter un échange (met à jour la date de dernier contact)", permission: "jobSeeker.write", body: interactionInputSchema, response: createdInteractionSchema, status: 201 },
  { method: "get", path: "/api/v1/proposals", summary: "Positionnements de mon périmètre (filtres : demandeur, offre, statut)", permission: "proposal.read", query: proposalListQuerySchema, response: pageOf(proposalSchema) },
  { method: "post", path: "/api/v1/proposals", summary: "Proposer un demandeur sur une offre, une formation ou un accompagnement", permission: "proposal.write", body: createProposalSchema, response: proposalSchema, status: 201 },
  { method: "patch", path: "/api/v1/proposals/{id}", summary: "Changer le statut d'un positionnement (accepté, refusé + motif, entretien, embauché + date et contrat, non retenu + motif)", permission: "proposal.write", body: transitionProposalSchema, response: proposalSchema },
  { method: "get", path: "/api/v1/events", summary: "Événements circuit court de mon périmètre", permission: "event.read", query: eventListQuerySchema, response: pageOf(eventSummarySchema) },
  { method: "post", path: "/api/v1/events", summary: "Créer un événement (date, lieu, thème ou filière, capacité)", permission: "event.write", body: createEventSchema, response: z.object({ id: z.uuid() }), status: 201 },
  { method: "get", path: "/api/v1/events/{id}/participants", summary: "Participants visibles (lecture journalisée) et résultats de l'événement", permission: "event.read", response: z.object({ items: z.array(participantSchema), results: z.record(z.string(), z.number()) }) },
  { method: "post", path: "/api/v1/events/{id}/participants", summary: "Inscrire une entreprise, un demandeur (liste d'attente au-delà de la capacité) ou un chef de file", permission: "event.write", body: registerParticipantSchema, response: z.object({ placement: z.enum(["CONFIRMED", "WAITLISTED"]) }), status: 201 },
  { method: "patch", path: "/api/v1/events/{id}/participants", summary: "Noter la présence (présent, excusé, absent)", permission: "event.write", body: attendanceSchema, response: z.object({ ok: z.boolean() }) },
  { method: "get", path: "/api/v1/mobility-diagnostics", summary: "Diagnostics mobilité (projets financés par France Travail)", permission: "diagnostic.read", query: diagnosticListQuerySchema, response: pageOf(diagnosticSchema) },
  { method: "post", path: "/api/v1/mobility-diagnostics", summary: "Enregistrer un diagnostic / accompagnement mobilité, rattaché au dossier de subvention qui le finance", permission: "diagnostic.write", body: diagnosticInputSchema, response: diagnosticSchema, status: 201 },
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
