// The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
// Every /api/v1 route must be listed here (a test compares this list with the file system).
import { z } from "zod";
import { auditEventSchema, auditExportQuerySchema, auditListQuerySchema } from "@/lib/audit/audit.schema";
import { DAY_RULE, errorResponseSchema, healthResponseSchema, INSTANT_RULE, instantOut, keysetPageOf, pageOf } from "@/lib/api/common.schema";
import { API_TOKEN_ROLES, ROLES, type Action } from "@/lib/authz/policy";
import { companyListQuerySchema, companySchema, companySummarySchema, contactSchema, createCompanySchema, createContactSchema, updateCompanySchema, updateContactSchema } from "@/lib/companies/company.schema";
import { createOfferSchema, offerListQuerySchema, offerSchema, offerTransitionSchema, updateOfferSchema } from "@/lib/offers/offer.schema";
import { createVisitSchema, updateVisitSchema, visitListQuerySchema, visitSchema } from "@/lib/visits/visit.schema";
import { importBatchSummarySchema, jobSeekerPreviewFieldsSchema, jobSeekerRunFieldsSchema, previewFieldsSchema, runFieldsSchema } from "@/lib/imports/import.schema";
import { versionQuerySchema } from "@/lib/api/params";
import { LOCAL_TIME_RULE } from "@/lib/fields.schema";
import {
  callbackDetailSchema, callbackListQuerySchema, callbackSummarySchema, createAttemptSchema, createCallbackSchema, updateCallbackSchema,
} from "@/lib/callbacks/callback.schema";
import {
  chefDeFileDetailSchema, chefDeFileInputSchema, chefDeFileListQuerySchema, chefDeFileSummarySchema, updateChefDeFileSchema,
} from "@/lib/chefs-de-file/chef-de-file.schema";
import {
  governanceInputSchema, governanceListQuerySchema, governanceMeetingSchema, governanceProgressSchema, updateGovernanceSchema,
} from "@/lib/governance/governance.schema";
import { diagnosticInputSchema, diagnosticListQuerySchema, diagnosticSchema, updateDiagnosticSchema } from "@/lib/diagnostics/diagnostic.schema";
import { attendanceSchema, cancelEventSchema, createEventSchema, eventDetailSchema, eventListQuerySchema, eventSummarySchema, participantSchema, registerParticipantSchema, updateEventSchema } from "@/lib/events/event.schema";
import { createdInteractionSchema, interactionListSchema, jobSeekerDetailSchema, jobSeekerListItemSchema } from "@/lib/job-seekers/job-seeker.api";
import { createJobSeekerSchema, interactionInputSchema, jobSeekerListQuerySchema, updateJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { meResponseSchema } from "@/lib/me/me.schema";
import { createProposalSchema, proposalListQuerySchema, proposalSchema, transitionProposalSchema } from "@/lib/proposals/proposal.schema";
import { createRuleSetSchema, ruleSetListQuerySchema, ruleSetSchema } from "@/lib/rules/rule-set-admin.schema";
import {
  refundOrderCreatedSchema, refundOrderDtoSchema, trancheClaimResultSchema, productLineDtoSchema,
  budgetLineDtoSchema, historyEntrySchema, receiptDtoSchema, receiptUploadSchema, idResponseSchema, openDataQuerySchema, openDataResponseSchema, paymentDtoSchema, paymentResultSchema, subsidyFileDetailSchema, trancheDtoSchema, transitionResultSchema,
} from "@/lib/subsidy/subsidy-api.schema";
import { claimSchema, refundOrderSchema } from "@/lib/subsidy/subsidy-file.schema";
import { productActualSchema } from "@/lib/subsidy/financial-report.schema";
import { annualRequestDtoSchema, updateAnnualRequestSchema } from "@/lib/subsidy/annual-request.schema";
import { ftBilanDtoSchema, ftBilanQuerySchema, ftIndicatorDtoSchema, ftIndicatorInputSchema, updateFtBilanSchema, updateFtIndicatorSchema } from "@/lib/france-travail/ft-bilan.schema";
import {
  actualLineSchema, budgetLineSchema, createSubsidyFileSchema, paymentSchema, transitionSchema, updateBudgetLineSchema, updateSubsidyFileSchema,
} from "@/lib/subsidy/subsidy-file.schema";
import { dryRunBodySchema, purgeRunListQuerySchema, purgeRunSchema } from "@/lib/retention/purge-run.schema";
import { breachDtoSchema, breachExportQuerySchema, breachListQuerySchema, createBreachSchema, updateBreachSchema } from "@/lib/rights/breach.schema";
import {
  createRightsRequestSchema, exportQuerySchema as rightsExportQuerySchema, rightsActionSchema, rightsListQuerySchema, rightsRequestDtoSchema, subjectMatchSchema, subjectSearchQuerySchema, registerExportQuerySchema,
} from "@/lib/rights/rights.schema";
import { subsidyFileSummarySchema, subsidyListQuerySchema } from "@/lib/subsidy/subsidy.schema";
import { closeMonthSchema, exportQuerySchema, indicatorDefinitionSchema, monthlyReportQuerySchema, monthlyReportSchema, reopenBodySchema } from "@/lib/bilans/bilan.schema";
import { ftMonthlyQuerySchema } from "@/lib/france-travail/ft-report.schema";
import { exportQuerySchema as tableExportQuerySchema, startedExportSchema, tableExportDtoSchema } from "@/lib/exports/table-export.schema";
import { objectivesApiQuerySchema, objectivesViewSchema, saveObjectivesSchema } from "@/lib/objectives/objective.schema";
import { apiTokenSchema, createdTokenSchema, createTokenSchema } from "@/lib/tokens/token.schema";
import { markReadSchema, notificationDtoSchema, notificationListQuerySchema, preferencesSchema } from "@/lib/notifications/notification.schema";
import { platformDtoSchema, platformInputSchema, platformUpdateSchema } from "@/lib/platforms/platform.schema";
import { peopleSchema, sendInvitationsSchema } from "@/lib/events/invitation.schema";
import { informedSchema, informJobSeekerSchema, informPersonSchema, noticeVersionSchema, publishNoticeSchema } from "@/lib/notices/notice.schema";
import { jobSeekerPickerQuerySchema, nafSearchQuerySchema, refOptionSchema, refSearchQuerySchema, refSearchResultSchema } from "@/lib/reference/reference.schema";
import { publicRegisterResultSchema } from "@/lib/intake/intake.schema";
import { ROLE_LABELS } from "@/lib/nav";
import { searchQuerySchema, searchResultSchema } from "@/lib/search/search.schema";
import { inviteUserSchema, updateUserSchema, userDtoSchema, userListQuerySchema, userSummarySchema } from "@/lib/users/user.schema";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface Endpoint {
  method: "get" | "post" | "delete" | "patch" | "put";
  path: string;
  summary: string;
  permission: Action | null;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** multipart/form-data upload: a "file" field plus these text fields. */
  upload?: z.ZodObject;
  /** The JSON body of the success answer; z.null() when there is none (204) or when `files` is the whole answer. */
  response: z.ZodType;
  status?: number;
  /** File answers (media type, without parameters → what it is): the route's real Content-Type. */
  files?: Record<string, string>;
  /** The answer is NDJSON: one `response` object per line. */
  ndjson?: boolean;
  /** Other success answers (202 of a background export…). */
  alsoResponses?: { status: number; description: string; schema: z.ZodType }[];
  /** Error statuses beyond those every route of its kind can return (see errorStatuses). */
  errors?: number[];
  /**
   * What this operation refuses to a personal API token (403): files of personal data go only to a
   * session opened with the second factor (SESSION_ONLY_ACTIONS, lib/authz/policy.ts).
   */
  tokenRefused?: string;
}

export const ENDPOINTS: Endpoint[] = [
  { method: "get", path: "/api/health", summary: "État du service et de la base de données", permission: null, response: healthResponseSchema },
  { method: "get", path: "/api/v1/me", summary: "Utilisateur connecté, son rôle et ses plateformes", permission: "profile.view", response: meResponseSchema },
  { method: "get", path: "/api/v1/openapi.json", summary: "Ce document OpenAPI", permission: null, response: z.object({ openapi: z.string() }).passthrough() },
  { method: "get", path: "/api/v1/tokens", summary: "Mes jetons d'accès personnels", permission: "token.manage", response: z.object({ items: z.array(apiTokenSchema) }) },
  { method: "post", path: "/api/v1/tokens", summary: "Créer un jeton (affiché une seule fois)", permission: "token.manage", body: createTokenSchema, response: createdTokenSchema, status: 201 },
  { method: "delete", path: "/api/v1/tokens/{id}", summary: "Révoquer un de mes jetons", permission: "token.manage", response: apiTokenSchema },
  { method: "get", path: "/api/v1/companies", summary: "Entreprises de mon périmètre (recherche sans accents, filtres, tri, pagination)", permission: "company.read", query: companyListQuerySchema, response: keysetPageOf(companySummarySchema) },
  { method: "post", path: "/api/v1/companies", summary: "Créer une entreprise (SIRET contrôlé, unique par plateforme)", permission: "company.write", body: createCompanySchema, response: companySchema, status: 201 },
  { method: "get", path: "/api/v1/companies/{id}", summary: "Une entreprise", permission: "company.read", response: companySchema },
  { method: "patch", path: "/api/v1/companies/{id}", summary: "Modifier une entreprise (champ version obligatoire : 409 si modifiée entre-temps)", permission: "company.write", body: updateCompanySchema, response: companySchema },
  { method: "delete", path: "/api/v1/companies/{id}", summary: "Supprimer une entreprise sans historique", permission: "company.write", response: z.null(), status: 204 },
  { method: "get", path: "/api/v1/companies/{id}/contacts", summary: "Contacts d'une entreprise (données professionnelles)", permission: "contact.read", response: z.object({ items: z.array(contactSchema) }) },
  { method: "post", path: "/api/v1/companies/{id}/contacts", summary: "Ajouter un contact", permission: "contact.write", body: createContactSchema, response: contactSchema, status: 201 },
  { method: "get", path: "/api/v1/companies/{id}/contacts/{contactId}", summary: "Un contact", permission: "contact.read", response: contactSchema },
  { method: "patch", path: "/api/v1/companies/{id}/contacts/{contactId}", summary: "Modifier un contact (avec version)", permission: "contact.write", body: updateContactSchema, response: contactSchema },
  { method: "delete", path: "/api/v1/companies/{id}/contacts/{contactId}", summary: "Supprimer un contact", permission: "contact.write", response: z.null(), status: 204 },
  { method: "get", path: "/api/v1/visits", summary: "Visites d'entreprises", permission: "visit.read", query: visitListQuerySchema, response: keysetPageOf(visitSchema.pick({ id: true, companyId: true, company: true, date: true, timeSet: true, purpose: true, staff: true, needs: true })) },
  { method: "post", path: "/api/v1/visits", summary: "Enregistrer une visite, ses actions de suivi et, avec `offer`, l'offre recueillie (une seule transaction : tout ou rien)", permission: "visit.write", body: createVisitSchema, response: visitSchema, status: 201 },
  { method: "get", path: "/api/v1/visits/{id}", summary: "Une visite", permission: "visit.read", response: visitSchema },
  { method: "patch", path: "/api/v1/visits/{id}", summary: "Modifier une visite (avec `version` ; 409 si modifiée entre-temps)", permission: "visit.write", body: updateVisitSchema, response: visitSchema },
  { method: "delete", path: "/api/v1/visits/{id}", summary: "Supprimer une visite", permission: "visit.write", response: z.null(), status: 204 },
  { method: "get", path: "/api/v1/offers", summary: "Offres d'emploi (état, contrat, marché caché, ROME, sans activité)", permission: "offer.read", query: offerListQuerySchema, response: keysetPageOf(offerSchema.extend({ staleness: z.enum(["ACTIVE", "STALE", "EXPIRE_NOW"]).nullable().describe("Offre ouverte : active, à relancer (STALE) ou à clore ; null sinon"), daysLeft: z.number().int().nullable().describe("Jours avant clôture automatique d'une offre à relancer") })) },
  { method: "post", path: "/api/v1/offers", summary: "Créer une offre (éventuellement issue d'une visite)", permission: "offer.write", body: createOfferSchema, response: offerSchema, status: 201 },
  { method: "get", path: "/api/v1/offers/{id}", summary: "Une offre", permission: "offer.read", response: offerSchema },
  { method: "patch", path: "/api/v1/offers/{id}", summary: "Modifier une offre (avec version)", permission: "offer.write", body: updateOfferSchema, response: offerSchema },
  { method: "delete", path: "/api/v1/offers/{id}", summary: "Supprimer une offre en brouillon", permission: "offer.write", response: z.null(), status: 204 },
  { method: "post", path: "/api/v1/offers/{id}/transitions", summary: "Changer l'état d'une offre (machine à états)", permission: "offer.write", body: offerTransitionSchema, response: offerSchema },
  { method: "post", path: "/api/v1/imports/companies/preview", summary: "Aperçu d'un import d'entreprises : colonnes, correspondance, erreurs par ligne, doublons", permission: "company.write", upload: previewFieldsSchema, response: z.object({ totalRows: z.number(), validCount: z.number(), errorCount: z.number() }).passthrough() },
  { method: "post", path: "/api/v1/imports/companies", summary: "Importer des entreprises (réponse NDJSON : progression puis bilan)", permission: "company.write", upload: runFieldsSchema, response: z.object({ type: z.enum(["progress", "done", "error"]) }).passthrough(), ndjson: true },
  { method: "get", path: "/api/v1/imports", summary: "Derniers imports de ma plateforme", permission: "company.write", response: z.object({ items: z.array(importBatchSummarySchema) }) },
  { method: "post", path: "/api/v1/imports/{id}/undo", summary: "Annuler un import entier", permission: "company.write", response: z.object({ undone: z.boolean() }).passthrough() },
  { method: "post", path: "/api/v1/imports/job-seekers/preview", summary: "Aperçu d'un import de demandeurs d'emploi : colonnes, correspondance, erreurs par ligne, doublons probables (numéros de ligne)", permission: "jobSeeker.write", upload: jobSeekerPreviewFieldsSchema, response: z.object({ totalRows: z.number(), validCount: z.number(), errorCount: z.number(), duplicates: z.number() }).passthrough() },
  { method: "post", path: "/api/v1/imports/job-seekers", summary: "Importer des demandeurs d'emploi (réponse NDJSON : progression puis bilan ; date et canal d'information en colonne ou pour tout le fichier)", permission: "jobSeeker.write", upload: jobSeekerRunFieldsSchema, response: z.object({ type: z.enum(["progress", "done", "error"]) }).passthrough(), ndjson: true },
  { method: "get", path: "/api/v1/imports/job-seekers", summary: "Derniers imports de demandeurs d'emploi de ma plateforme", permission: "jobSeeker.write", response: z.object({ items: z.array(importBatchSummarySchema) }) },
  { method: "post", path: "/api/v1/imports/job-seekers/{id}/undo", summary: "Annuler un import de demandeurs d'emploi entier (les personnes suivies depuis sont conservées et signalées)", permission: "jobSeeker.write", response: z.object({ undone: z.boolean() }).passthrough() },
  { method: "get", path: "/api/v1/subsidy-files", summary: "Dossiers de subvention visibles", permission: "subsidy.read", query: subsidyListQuerySchema, response: pageOf(subsidyFileSummarySchema) },
  // Issue 3 — numéro-vert callbacks, chefs de file, governance
  { method: "get", path: "/api/v1/callbacks", summary: "File des rappels numéro vert (statut, en retard, recherche, tri, pagination)", permission: "callback.read", query: callbackListQuerySchema, response: pageOf(callbackSummarySchema) },
  { method: "post", path: "/api/v1/callbacks", summary: "Créer un rappel pour une entreprise (échéance selon les règles en vigueur)", permission: "callback.write", body: createCallbackSchema, response: callbackDetailSchema, status: 201 },
  { method: "get", path: "/api/v1/callbacks/{id}", summary: "Un rappel et ses tentatives", permission: "callback.read", response: callbackDetailSchema },
  { method: "patch", path: "/api/v1/callbacks/{id}", summary: "Modifier un rappel (version requise ; 409 si modifié entre-temps)", permission: "callback.write", body: updateCallbackSchema, response: callbackDetailSchema },
  { method: "post", path: "/api/v1/callbacks/{id}/attempts", summary: "Consigner une tentative d'appel (version du rappel requise)", permission: "callback.write", body: createAttemptSchema, response: callbackDetailSchema, status: 201 },
  { method: "get", path: "/api/v1/chefs-de-file", summary: "Chefs de file métiers (filière, actifs, recherche, tri, pagination)", permission: "chefDeFile.read", query: chefDeFileListQuerySchema, response: pageOf(chefDeFileSummarySchema) },
  { method: "post", path: "/api/v1/chefs-de-file", summary: "Enregistrer un chef de file métier", permission: "chefDeFile.write", body: chefDeFileInputSchema, response: chefDeFileDetailSchema, status: 201 },
  { method: "get", path: "/api/v1/chefs-de-file/{id}", summary: "Un chef de file, ses engagements et ses participations (accès journalisé)", permission: "chefDeFile.read", response: chefDeFileDetailSchema },
  { method: "patch", path: "/api/v1/chefs-de-file/{id}", summary: "Modifier un chef de file (version requise ; 409 si modifié entre-temps)", permission: "chefDeFile.write", body: updateChefDeFileSchema, response: chefDeFileDetailSchema },
  { method: "delete", path: "/api/v1/chefs-de-file/{id}", summary: "Supprimer un chef de file (?version=n)", permission: "chefDeFile.write", query: versionQuerySchema, response: z.null(), status: 204 },
  { method: "get", path: "/api/v1/governance-meetings", summary: "Réunions de gouvernance (type, année, tri, pagination)", permission: "governance.read", query: governanceListQuerySchema, response: pageOf(governanceMeetingSchema) },
  { method: "post", path: "/api/v1/governance-meetings", summary: "Enregistrer une réunion de gouvernance", permission: "governance.write", body: governanceInputSchema, response: governanceMeetingSchema, status: 201 },
  { method: "get", path: "/api/v1/governance-meetings/progress", summary: "Réunions tenues cette année par type, face au nombre requis", permission: "governance.read", response: z.object({ items: z.array(z.object({ platformId: z.string(), platform: z.string(), year: z.number().int(), progress: z.array(governanceProgressSchema) })) }) },
  { method: "get", path: "/api/v1/governance-meetings/{id}", summary: "Une réunion de gouvernance", permission: "governance.read", response: governanceMeetingSchema },
  { method: "patch", path: "/api/v1/governance-meetings/{id}", summary: "Modifier une réunion (version requise ; 409 si modifiée entre-temps)", permission: "governance.write", body: updateGovernanceSchema, response: governanceMeetingSchema },
  { method: "delete", path: "/api/v1/governance-meetings/{id}", summary: "Supprimer une réunion (?version=n)", permission: "governance.write", query: versionQuerySchema, response: z.null(), status: 204 },
  { method: "get", path: "/api/v1/job-seekers", summary: "Demandeurs d'emploi actifs de mon périmètre (chaque appel est journalisé)", permission: "jobSeeker.read", query: jobSeekerListQuerySchema, response: keysetPageOf(jobSeekerListItemSchema) },
  { method: "post", path: "/api/v1/job-seekers", summary: "Inscrire un demandeur d'emploi (409 avec fields.duplicates si doublon probable ; renvoyer avec confirmNotDuplicate)", permission: "jobSeeker.write", body: createJobSeekerSchema, response: jobSeekerDetailSchema, status: 201 },
  { method: "get", path: "/api/v1/job-seekers/{id}", summary: "Fiche d'un demandeur d'emploi (lecture journalisée ; paramètre purpose facultatif)", permission: "jobSeeker.read", query: z.object({ purpose: z.string().optional() }), response: jobSeekerDetailSchema },
  { method: "patch", path: "/api/v1/job-seekers/{id}", summary: "Modifier une fiche (verrouillage optimiste : version obligatoire, 409 si modifiée entre-temps)", permission: "jobSeeker.write", body: updateJobSeekerSchema, response: jobSeekerDetailSchema },
  { method: "get", path: "/api/v1/job-seekers/{id}/interactions", summary: "Échanges (appels, e-mails, rencontres, notes) d'un demandeur", permission: "jobSeeker.read", response: interactionListSchema },
  { method: "post", path: "/api/v1/job-seekers/{id}/interactions", summary: "Noter un échange (met à jour la date de dernier contact)", permission: "jobSeeker.write", body: interactionInputSchema, response: createdInteractionSchema, status: 201 },
  { method: "get", path: "/api/v1/proposals", summary: "Positionnements de mon périmètre (filtres : demandeur, offre, statut)", permission: "proposal.read", query: proposalListQuerySchema, response: keysetPageOf(proposalSchema) },
  { method: "post", path: "/api/v1/proposals", summary: "Proposer un demandeur sur une offre, une formation ou un accompagnement (409 si déjà positionné·e sur l'offre ; 422 si l'offre est fermée)", permission: "proposal.write", body: createProposalSchema, response: proposalSchema, status: 201 },
  { method: "patch", path: "/api/v1/proposals/{id}", summary: "Changer le statut d'un positionnement (accepté, refusé + motif, entretien, embauché + date et contrat, non retenu + motif) : transition que le statut ne permet pas → 422 sur status ; motif, date ou contrat manquant ou invalide → 400 sur le champ ; version périmée → 409", permission: "proposal.write", body: transitionProposalSchema, response: proposalSchema },
  { method: "get", path: "/api/v1/events", summary: "Événements circuit court de mon périmètre", permission: "event.read", query: eventListQuerySchema, response: pageOf(eventSummarySchema) },
  { method: "post", path: "/api/v1/events", summary: "Créer un événement (date, lieu, thème ou filière, capacité)", permission: "event.write", body: createEventSchema, response: z.object({ id: z.uuid() }), status: 201 },
  { method: "get", path: "/api/v1/events/{id}", summary: "Un événement (ses champs, sans les participants)", permission: "event.read", response: eventDetailSchema },
  { method: "patch", path: "/api/v1/events/{id}", summary: "Modifier un événement (avec `version` ; 409 si modifié entre-temps ; pas d'événement annulé ; une capacité plus grande fait monter la liste d'attente)", permission: "event.write", body: updateEventSchema, response: eventDetailSchema },
  { method: "post", path: "/api/v1/events/{id}/cancel", summary: "Annuler un événement, avec son motif (il reste visible comme annulé)", permission: "event.write", body: cancelEventSchema, response: eventDetailSchema },
  { method: "get", path: "/api/v1/events/{id}/participants", summary: "Participants visibles (lecture journalisée) et résultats de l'événement", permission: "event.read", response: z.object({ items: z.array(participantSchema), results: z.record(z.string(), z.number()) }) },
  { method: "post", path: "/api/v1/events/{id}/participants", summary: "Inscrire une entreprise, un demandeur (liste d'attente au-delà de la capacité ; 409 s'il est déjà inscrit) ou un chef de file", permission: "event.write", body: registerParticipantSchema, response: z.object({ placement: z.enum(["CONFIRMED", "WAITLISTED"]) }), status: 201 },
  { method: "patch", path: "/api/v1/events/{id}/participants", summary: "Noter la présence (présent, excusé, absent)", permission: "event.write", body: attendanceSchema, response: z.object({ ok: z.boolean() }) },
  { method: "get", path: "/api/v1/mobility-diagnostics", summary: "Diagnostics mobilité (projets financés par France Travail)", permission: "diagnostic.read", query: diagnosticListQuerySchema, response: pageOf(diagnosticSchema) },
  { method: "post", path: "/api/v1/mobility-diagnostics", summary: "Enregistrer un diagnostic / accompagnement mobilité, rattaché au dossier de subvention qui le finance", permission: "diagnostic.write", body: diagnosticInputSchema, response: diagnosticSchema, status: 201 },
  { method: "get", path: "/api/v1/mobility-diagnostics/{id}", summary: "Un diagnostic mobilité (lecture tracée)", permission: "diagnostic.read", response: diagnosticSchema },
  { method: "patch", path: "/api/v1/mobility-diagnostics/{id}", summary: "Modifier un diagnostic mobilité (avec `version` ; 409 si modifié entre-temps)", permission: "diagnostic.write", body: updateDiagnosticSchema, response: diagnosticSchema },
  { method: "post", path: "/api/v1/subsidy-files", summary: "Ouvrir le dossier de ma plateforme pour une année et un financeur", permission: "subsidy.submit", body: createSubsidyFileSchema, response: idResponseSchema, status: 201 },
  { method: "get", path: "/api/v1/subsidy-files/{id}", summary: "Dossier de subvention : budget, calcul expliqué, tranches, versements, historique", permission: "subsidy.read", response: subsidyFileDetailSchema },
  { method: "patch", path: "/api/v1/subsidy-files/{id}", summary: "Modifier effectif, montant demandé et cofinancements (brouillon ou renvoyé ; champ version)", permission: "subsidy.write", body: updateSubsidyFileSchema, response: subsidyFileDetailSchema },
  // Issue 22 §4 — the Région annual request (convention cadre art. 5, cadre d'intervention §5).
  { method: "get", path: "/api/v1/subsidy-files/{id}/annual-request", summary: "Demande annuelle d'un dossier Région (convention cadre art. 5) : description de l'opération, programme d'action, plan de financement, budget détaillé, bilan de l'année précédente, avec ce qui manque ; 422 pour un dossier France Travail", permission: "subsidy.read", response: annualRequestDtoSchema },
  { method: "patch", path: "/api/v1/subsidy-files/{id}/annual-request", summary: "Rédiger la description de l'opération et le programme d'action annuel (responsable de la plateforme ; brouillon ou renvoyé, 422 sinon ; champ version du dossier, 409)", permission: "subsidy.submit", body: updateAnnualRequestSchema, response: annualRequestDtoSchema },
  { method: "get", path: "/api/v1/subsidy-files/{id}/budget-lines", summary: "Lignes du budget (prévu, réalisé, écarts à expliquer)", permission: "subsidy.read", response: z.object({ items: z.array(budgetLineDtoSchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/budget-lines", summary: "Ajouter une ligne au budget prévisionnel", permission: "subsidy.write", body: budgetLineSchema, response: idResponseSchema, status: 201 },
  { method: "patch", path: "/api/v1/subsidy-files/{id}/budget-lines/{lineId}", summary: "Modifier une ligne (prévu avant dépôt, ou réalisé et explication d'écart après signature)", permission: "subsidy.write", body: z.union([updateBudgetLineSchema, actualLineSchema]), response: z.null(), status: 204 },
  { method: "delete", path: "/api/v1/subsidy-files/{id}/budget-lines/{lineId}", summary: "Supprimer une ligne du budget prévisionnel", permission: "subsidy.write", response: z.null(), status: 204 },
  // Issue 22 §4 — compte rendu financier (convention cadre Région art. 7.3): the products beside the charges.
  { method: "put", path: "/api/v1/subsidy-files/{id}/products", summary: "Saisir un produit réalisé du compte rendu financier (subvention Région, cofinancement du territoire, autres cofinancements, autres produits) et l'explication de son écart ; convention Région signée (422 sinon) ; champ version de la ligne (0 : première saisie ; 409 si modifiée entre-temps)", permission: "subsidy.write", body: productActualSchema, response: productLineDtoSchema },
  { method: "get", path: "/api/v1/subsidy-files/{id}/tranches", summary: "Tranches de versement (conditions, échéances, état)", permission: "subsidy.read", response: z.object({ items: z.array(trancheDtoSchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/tranches/{trancheId}/claim", summary: "Demander le versement d'une tranche dont les conditions sont remplies (dates des pièces envoyées ; champ version du dossier)", permission: "tranche.claim", body: claimSchema, response: trancheClaimResultSchema },
  { method: "get", path: "/api/v1/subsidy-files/{id}/refund-orders", summary: "Ordres de reversement du dossier", permission: "subsidy.read", response: z.object({ items: z.array(refundOrderDtoSchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/refund-orders", summary: "Émettre un ordre de reversement (au plus le montant à reverser restant : 422)", permission: "refundOrder.write", body: refundOrderSchema, response: refundOrderCreatedSchema, status: 201 },
  // France Travail convention art. 5 (issue 22 §3): bilans and the porteur's own indicators.
  { method: "get", path: "/api/v1/subsidy-files/{id}/ft-bilan", summary: "Bilan intermédiaire ou final d'un projet France Travail (art. 5) : indicateurs du projet sur la période (petits effectifs masqués selon le jeu de règles), indicateurs du porteur, budget actualisé, échéance de remise ; JSON ou XLSX (export tracé) ; 422 si la convention n'est pas signée", permission: "subsidy.read", query: ftBilanQuerySchema, response: ftBilanDtoSchema, files: { [XLSX]: "format=xlsx : classeur du bilan" } },
  { method: "patch", path: "/api/v1/subsidy-files/{id}/ft-bilan", summary: "Renseigner le bilan intermédiaire (étapes réalisées et à venir, actualisation du budget par ligne) ; convention signée (422 sinon) ; champ version du dossier (409)", permission: "subsidy.write", body: updateFtBilanSchema, response: z.object({ version: z.number() }) },
  { method: "get", path: "/api/v1/subsidy-files/{id}/ft-indicators", summary: "Indicateurs mentionnés par le porteur de projet (art. 5), avec cible et résultats aux bilans", permission: "subsidy.read", response: z.object({ items: z.array(ftIndicatorDtoSchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/ft-indicators", summary: "Ajouter un indicateur du porteur (libellé, unité, définition, cible) à un dossier France Travail", permission: "subsidy.write", body: ftIndicatorInputSchema, response: ftIndicatorDtoSchema, status: 201 },
  { method: "patch", path: "/api/v1/subsidy-files/{id}/ft-indicators/{indicatorId}", summary: "Modifier un indicateur du porteur ou ses résultats (champ version ; 409 si modifié entre-temps)", permission: "subsidy.write", body: updateFtIndicatorSchema, response: ftIndicatorDtoSchema },
  { method: "delete", path: "/api/v1/subsidy-files/{id}/ft-indicators/{indicatorId}", summary: "Retirer un indicateur du porteur", permission: "subsidy.write", response: z.null(), status: 204 },
  { method: "get", path: "/api/v1/subsidy-files/{id}/payments", summary: "Versements enregistrés", permission: "subsidy.read", response: z.object({ items: z.array(paymentDtoSchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/payments", summary: "Enregistrer un versement (refusé s'il dépasse le montant attribué : 422)", permission: "payment.write", body: paymentSchema, response: paymentResultSchema, status: 201 },
  { method: "get", path: "/api/v1/subsidy-files/{id}/transitions", summary: "Historique des étapes du dossier", permission: "subsidy.read", response: z.object({ items: z.array(historyEntrySchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/transitions", summary: "Faire avancer le dossier (déposer, instruire, renvoyer, attribuer, refuser, signer, solder) ; chaque étape exige sa permission", permission: "subsidy.read", body: transitionSchema, response: transitionResultSchema },
  { method: "get", path: "/api/v1/subsidy-files/{id}/receipts", summary: "Justificatifs du dossier", permission: "subsidy.read", response: z.object({ items: z.array(receiptDtoSchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/receipts", summary: "Joindre un justificatif (multipart : file, kind, budgetLineId ou trancheId ; PDF/JPEG/PNG vérifiés par leur contenu, 10 Mo au plus)", permission: "subsidy.write", upload: receiptUploadSchema, response: receiptDtoSchema, status: 201 },
  { method: "get", path: "/api/v1/subsidy-files/{id}/receipts/{receiptId}", summary: "Télécharger un justificatif (lecture journalisée)", permission: "subsidy.read", response: z.null(), files: { "application/pdf": "Justificatif PDF", "image/jpeg": "Justificatif JPEG", "image/png": "Justificatif PNG" } },
  { method: "get", path: "/api/v1/open-data/subventions", summary: "Données essentielles des conventions au-delà du seuil (SCDL subventions, JSON ou CSV)", permission: "subsidy.export", query: openDataQuerySchema, response: openDataResponseSchema, files: { "text/csv": "format=csv : fichier SCDL subventions" } },
  { method: "get", path: "/api/v1/rule-sets", summary: "Jeux de règles versionnés (taux, plafonds, tranches, délais)", permission: "ruleSet.read", query: ruleSetListQuerySchema, response: z.object({ items: z.array(ruleSetSchema) }) },
  { method: "post", path: "/api/v1/rule-sets", summary: "Créer une nouvelle version d'un jeu de règles (la précédente se termine la veille)", permission: "ruleSet.write", body: createRuleSetSchema, response: ruleSetSchema, status: 201 },
  { method: "get", path: "/api/v1/users", summary: "Comptes (admin : tous ; responsable : ceux de ses plateformes)", permission: "user.read", query: userListQuerySchema, response: pageOf(userSummarySchema) },
  { method: "post", path: "/api/v1/users", summary: "Inviter un compte (courriel avec lien à usage unique ; 409 sur email si un compte a déjà cette adresse)", permission: "user.invite", body: inviteUserSchema, response: userDtoSchema, status: 201 },
  { method: "get", path: "/api/v1/users/{id}", summary: "Un compte de mon périmètre", permission: "user.read", response: userDtoSchema },
  { method: "patch", path: "/api/v1/users/{id}", summary: "Changer le rôle, les plateformes, désactiver / réactiver (version obligatoire)", permission: "user.invite", body: updateUserSchema, response: userDtoSchema },
  { method: "get", path: "/api/v1/platforms", summary: "Plateformes de mon périmètre", permission: "platform.read", response: z.object({ items: z.array(platformDtoSchema) }) },
  { method: "post", path: "/api/v1/platforms", summary: "Créer une plateforme (périmètre par EPCI et/ou communes INSEE, population calculée ; 409 sur name si le nom est déjà pris)", permission: "platform.write", body: platformInputSchema, response: platformDtoSchema, status: 201 },
  { method: "get", path: "/api/v1/platforms/{id}", summary: "Une plateforme de mon périmètre", permission: "platform.read", response: platformDtoSchema },
  { method: "patch", path: "/api/v1/platforms/{id}", summary: "Modifier une plateforme (version obligatoire ; 409 si modifiée entre-temps ou si le nom est déjà pris)", permission: "platform.write", body: platformUpdateSchema, response: platformDtoSchema },
  { method: "get", path: "/api/v1/notifications", summary: "Mes notifications (non lues d'abord) et leur nombre non lu", permission: "notification.read", query: notificationListQuerySchema, response: pageOf(notificationDtoSchema).extend({ unread: z.number().int() }) },
  { method: "post", path: "/api/v1/notifications/read", summary: "Marquer une notification (id) ou toutes (all: true) comme lues", permission: "notification.read", body: markReadSchema, response: z.object({ updated: z.number().int() }) },
  { method: "get", path: "/api/v1/notifications/preferences", summary: "Mes choix de réception par type (application, courriel, récapitulatif quotidien)", permission: "notification.read", response: z.record(z.string(), z.object({ inApp: z.boolean(), email: z.boolean(), digest: z.boolean() })) },
  { method: "put", path: "/api/v1/notifications/preferences", summary: "Enregistrer mes choix de réception (clés « type.canal »)", permission: "notification.read", body: preferencesSchema, response: z.record(z.string(), z.object({ inApp: z.boolean(), email: z.boolean(), digest: z.boolean() })) },
  { method: "get", path: "/api/v1/reference/rome", summary: "Référentiel ROME (France Travail) : codes par code, libellé ou appellation (« soudeur » → H2913)", permission: "reference.read", query: refSearchQuerySchema, response: refSearchResultSchema },
  { method: "get", path: "/api/v1/reference/naf", summary: "Nomenclature NAF rév. 2 (INSEE) : sous-classes par code ou libellé ; avec levels=all, tous les niveaux (division « 56 » à sous-classe « 56.10A ») pour filtrer par début de code", permission: "reference.read", query: nafSearchQuerySchema, response: refSearchResultSchema },
  {
    method: "get",
    path: "/api/v1/reference/sirene",
    summary: "Répertoire SIRENE de mon périmètre par SIRET, SIREN ou nom : de quoi remplir la fiche entreprise, et si la plateforme la suit déjà",
    permission: "company.read",
    query: refSearchQuerySchema,
    response: z.object({
      items: z.array(
        refOptionSchema.extend({
          establishment: z.object({
            siret: z.string(),
            name: z.string(),
            legalName: z.string().nullable(),
            active: z.boolean(),
            nafCode: z.string().nullable(),
            nafLabel: z.string().nullable(),
            companyBand: z.string().nullable(),
            headcountLabel: z.string(),
            addressLine: z.string().nullable(),
            inseeCode: z.string(),
            communeLabel: z.string(),
            followedCompanyId: z.string().nullable(),
          }),
        }),
      ),
    }),
  },
  { method: "get", path: "/api/v1/reference/communes", summary: "Communes (INSEE) par nom ou code postal, celles de mon périmètre d'abord ; la valeur est le code INSEE", permission: "reference.read", query: refSearchQuerySchema, response: refSearchResultSchema },
  { method: "get", path: "/api/v1/public/communes", summary: "Communes (INSEE) par nom ou code postal, pour les formulaires publics de demande en ligne (sans compte)", permission: null, query: refSearchQuerySchema, response: refSearchResultSchema, errors: [400, 429] },
  {
    method: "get", path: "/api/v1/public/entreprises",
    summary: "Établissements du répertoire SIRENE par nom ou SIRET (nom, commune, SIRET seulement), pour le formulaire public « Vous recrutez ? » (sans compte, limité par adresse)",
    permission: null, query: refSearchQuerySchema, response: publicRegisterResultSchema, errors: [400, 429],
  },
  // Issue 20: circuit-court invitations, letters, the SMS provider's delivery reports, the staff calendar feed.
  {
    method: "get", path: "/api/v1/events/{id}/invitations", summary: "Invitations d'un événement : réponse de chaque personne et état de chaque message (lecture tracée)", permission: "event.read",
    response: z.object({
      items: z.array(z.object({
        id: z.string(), type: z.enum(["JOB_SEEKER", "CONTACT"]), name: z.string(), answer: z.enum(["PENDING", "CONFIRMED", "DECLINED"]), answeredAt: instantOut().nullable(),
        messages: z.array(z.object({ id: z.string(), channel: z.enum(["EMAIL", "SMS", "LETTER"]), kind: z.enum(["INVITATION", "REMINDER", "PROMOTION"]), state: z.enum(["QUEUED", "SENT", "DELIVERED", "FAILED", "BOUNCED"]), error: z.string().nullable(), createdAt: instantOut() })),
      })),
    }),
  },
  {
    method: "post", path: "/api/v1/events/{id}/invitations", summary: "Inviter des demandeurs d'emploi et des contacts d'entreprise par courriel et/ou SMS (lien personnel de réponse)", permission: "event.write", body: sendInvitationsSchema, status: 201,
    response: z.object({ invited: z.number().int(), emails: z.number().int(), sms: z.number().int(), skipped: z.array(z.object({ name: z.string(), reason: z.string() })) }),
  },
  { method: "post", path: "/api/v1/events/{id}/letters", summary: "Lettres de convocation : un PDF, une page A4 par personne, chacune avec son lien personnel", permission: "event.write", body: peopleSchema, response: z.null(), files: { "application/pdf": "Lettres de convocation (PDF)" } },
  { method: "post", path: "/api/sms/callback", summary: "Comptes rendus de distribution du fournisseur SMS, un seul ou par lot (secret dans l'adresse, comparé en temps constant)", permission: null, body: z.union([z.looseObject({}), z.array(z.looseObject({}))]), response: z.object({ updated: z.boolean() }), errors: [400, 403, 404, 413, 503] },
  { method: "post", path: "/api/email/callback", summary: "Événements du relais de courriel (format Brevo) : rebonds arrivés après l'acceptation par le SMTP (secret dans l'adresse, comparé en temps constant)", permission: null, body: z.union([z.looseObject({}), z.array(z.looseObject({}))]), response: z.object({ updated: z.number().int() }), errors: [400, 403, 404, 413, 503] },
  { method: "get", path: "/api/calendar", summary: "Agenda personnel d'un membre de l'équipe (ICS ; le secret de l'adresse, révocable dans « Mon profil », est l'accès)", permission: null, query: z.object({ jeton: z.string().describe("Secret de l'agenda (lien donné dans « Mon profil »)") }), response: z.null(), files: { "text/calendar": "Agenda ICS (visites, événements, suites à donner ; aucune donnée de demandeur d'emploi)" }, errors: [404, 503] },
  // Issue 22 §2: the information notice given to a job seeker.
  {
    method: "post", path: "/api/v1/job-seekers/{id}/information", summary: "Enregistrer la remise de la notice d'information en vigueur (et l'envoyer par courriel si le canal est EMAIL)", permission: "jobSeeker.write", body: informJobSeekerSchema, status: 201,
    response: z.object({ kind: z.enum(["JOB_SEEKER", "FRANCE_TRAVAIL"]), version: z.number().int(), channel: z.enum(["EN_PERSONNE", "TELEPHONE", "EMAIL", "COURRIER"]), informedAt: instantOut() }),
  },
  // Issue 22 §2: the information notice given to a company contact or a chef de file, like a job seeker.
  {
    method: "post", path: "/api/v1/companies/{id}/contacts/{contactId}/information", summary: "Enregistrer la remise au contact de la notice d'information en vigueur (et l'envoyer à son courriel professionnel si le canal est EMAIL)", permission: "contact.write", body: informPersonSchema, status: 201,
    response: informedSchema,
  },
  {
    method: "post", path: "/api/v1/chefs-de-file/{id}/information", summary: "Enregistrer la remise au chef de file de la notice d'information en vigueur (et l'envoyer à son courriel professionnel si le canal est EMAIL)", permission: "chefDeFile.write", body: informPersonSchema, status: 201,
    response: informedSchema,
  },
  // Issue 22 §7: new versions of the notices and of the confidentiality commitment (never edited in place).
  { method: "get", path: "/api/v1/notices", summary: "Toutes les versions des notices d'information et de l'engagement de confidentialité (celle en vigueur signalée)", permission: "notice.write", response: z.object({ items: z.array(noticeVersionSchema) }) },
  { method: "post", path: "/api/v1/notices", summary: "Publier une nouvelle version d'une notice ou de l'engagement (nouvelle ligne ; les versions précédentes restent en lecture seule)", permission: "notice.write", body: publishNoticeSchema, response: noticeVersionSchema, status: 201 },
  { method: "get", path: "/api/v1/pickers/companies", summary: "Choix d'une entreprise de mon périmètre par nom, SIRET ou commune (20 au plus)", permission: "company.read", query: refSearchQuerySchema, response: refSearchResultSchema },
  { method: "get", path: "/api/v1/pickers/job-seekers", summary: "Choix d'un demandeur d'emploi actif de mon périmètre (d'une plateforme avec platformId) par nom, e-mail, identifiant France Travail ou commune (20 au plus) ; recherche tracée", permission: "jobSeeker.read", query: jobSeekerPickerQuerySchema, response: refSearchResultSchema },
  { method: "get", path: "/api/v1/search", summary: "Recherche globale (sans accents ni casse) dans mon périmètre, par type ; chaque demandeur trouvé est tracé", permission: "search.run", query: searchQuerySchema, response: searchResultSchema },
  { method: "get", path: "/api/v1/indicators", summary: "Définitions des indicateurs du bilan mensuel (libellé, définition, unité, version)", permission: "bilan.read", response: z.object({ version: z.string(), items: z.array(indicatorDefinitionSchema) }) },
  { method: "get", path: "/api/v1/reports/monthly", summary: "Chiffres d'un mois (une plateforme, ou toutes celles visibles sans platformId) : clôturé ou provisoire, version de l'instantané", permission: "bilan.read", query: monthlyReportQuerySchema, response: monthlyReportSchema },
  { method: "get", path: "/api/v1/reports/monthly/export", summary: "Bilan mensuel en XLSX (avec feuille de définitions) ou CSV ; export tracé", permission: "bilan.read", query: exportQuerySchema, response: z.null(), files: { [XLSX]: "format=xlsx", "text/csv": "format=csv (UTF-8, séparateur ;)" } },
  { method: "post", path: "/api/v1/reports/monthly/{platformId}/{month}/close", summary: "Clôturer un mois terminé (fige ses chiffres dans un instantané ; 409 s'il est déjà clôturé)", permission: "bilan.close", response: closeMonthSchema.extend({ snapshotVersion: z.number() }) },
  { method: "post", path: "/api/v1/reports/monthly/{platformId}/{month}/reopen", summary: "Rouvrir un mois clôturé, avec motif (référent Région ; l'instantané est conservé)", permission: "bilan.reopen", body: reopenBodySchema, response: closeMonthSchema.extend({ snapshotVersion: z.number() }) },
  // France Travail monthly files (issue 5; cross-team contract).
  { method: "get", path: "/api/v1/france-travail/{subsidyFileId}/monthly", summary: "Fichiers mensuels France Travail d'un projet assigné (XLSX) : indicateurs anonymes (effectifs < seuil masqués ; jeton accepté) ou retour des données personnelles (relecteur assigné seulement, session avec double authentification seulement ; téléchargement tracé)", permission: "ftReport.read", query: ftMonthlyQuerySchema, response: z.null(), files: { [XLSX]: "Classeur du mois" }, tokenRefused: "file=beneficiaries (retour des données personnelles) ; file=indicators reste accessible avec un jeton" },
  { method: "get", path: "/api/v1/reports/objectives", summary: "Objectifs de la convention financière de l'année contre le réalisé (une plateforme, ou la somme des plateformes visibles)", permission: "bilan.read", query: objectivesApiQuerySchema, response: objectivesViewSchema },
  { method: "put", path: "/api/v1/reports/objectives", summary: "Saisir les cibles de l'année d'une plateforme (vide = supprimée ; versions lues pour le verrouillage optimiste, 409 sinon). Si la plateforme a un dossier Région cette année-là, ce sont les indicateurs choisis par la convention annuelle (cible donnée = indicateur suivi)", permission: "objective.write", body: saveObjectivesSchema, response: z.object({ saved: z.number() }) },
  { method: "get", path: "/api/v1/reports/annual/{platformId}/{year}/export", summary: "Rapport annuel d'une plateforme en XLSX (chiffres de l'année, objectifs, gouvernance, bilan qualitatif) ; export tracé", permission: "bilan.read", response: z.null(), files: { [XLSX]: "Rapport annuel" } },
  { method: "get", path: "/api/v1/lists/{list}/export", summary: "Exporter la vue courante d'une liste (companies, offers, jobSeekers, visits, events) en CSV ou XLSX avec ses filtres et son tri : fichier direct, ou 202 et export en arrière-plan au-delà du seuil du jeu de règles ; export tracé. Une liste qui contient des identités (jobSeekers) exige la finalité (purpose, code du jeu de règles OPERATIONS, et purposeText facultatif), journalisée, et n'est exportable que par les équipes des plateformes, depuis une session (jamais avec un jeton)", permission: "tableExport.run", query: tableExportQuerySchema, response: z.null(), files: { "text/csv": "format=csv, sous le seuil", [XLSX]: "format=xlsx, sous le seuil" }, alsoResponses: [{ status: 202, description: "Export lancé en arrière-plan (au-delà du seuil) : suivre statusUrl", schema: startedExportSchema }], tokenRefused: "list=jobSeekers (liste d'identités) ; les autres listes restent exportables avec un jeton" },
  { method: "get", path: "/api/v1/table-exports", summary: "Mes exports en arrière-plan (progression, expiration à 7 jours)", permission: "tableExport.run", response: z.object({ items: z.array(tableExportDtoSchema) }) },
  { method: "get", path: "/api/v1/table-exports/{id}", summary: "État d'un de mes exports (404 pour l'export d'un autre)", permission: "tableExport.run", response: tableExportDtoSchema },
  { method: "get", path: "/api/v1/table-exports/{id}/file", summary: "Télécharger un de mes exports terminés (auteur seulement ; téléchargement tracé)", permission: "tableExport.run", response: z.null(), files: { "text/csv": "Export CSV", [XLSX]: "Export XLSX" }, tokenRefused: "un export de la liste des demandeurs d'emploi (identités)" },
  { method: "get", path: "/api/v1/audit-events", summary: "Journal d'audit (DPO) : recherche par personne, utilisateur, période (jours de Paris, bornes incluses) et action", permission: "audit.read", query: auditListQuerySchema, response: keysetPageOf(auditEventSchema) },
  { method: "get", path: "/api/v1/audit-events/export", summary: "Résultat d'une recherche du journal d'audit en XLSX ou CSV (50 000 lignes au plus) ; export tracé", permission: "audit.export", query: auditExportQuerySchema, response: z.null(), files: { [XLSX]: "format=xlsx", "text/csv": "format=csv" } },
  { method: "get", path: "/api/v1/purge-runs", summary: "Exécutions de la conservation (réelles et simulations), comptes par action et par plateforme", permission: "purge.read", query: purgeRunListQuerySchema, response: pageOf(purgeRunSchema) },
  { method: "get", path: "/api/v1/purge-runs/{id}", summary: "Une exécution de la conservation", permission: "purge.read", response: purgeRunSchema },
  { method: "post", path: "/api/v1/purge-runs/dry-run", summary: "Simuler maintenant l'exécution de la conservation (rien n'est modifié)", permission: "purge.run", body: dryRunBodySchema, response: purgeRunSchema, status: 201 },
  // Rights requests and breach register (issue 7, DPO).
  { method: "get", path: "/api/v1/rights-requests", summary: "Demandes d'exercice de droits, avec leurs délais (compte à rebours, retards)", permission: "rights.read", query: rightsListQuerySchema, response: pageOf(rightsRequestDtoSchema) },
  { method: "post", path: "/api/v1/rights-requests", summary: "Enregistrer une demande d'exercice de droits (plateforme : transmise aussitôt par courriel aux adresses de la convention)", permission: "rights.record", body: createRightsRequestSchema, response: rightsRequestDtoSchema, status: 201 },
  { method: "get", path: "/api/v1/rights-requests/{id}", summary: "Une demande d'exercice de droits", permission: "rights.read", response: rightsRequestDtoSchema },
  { method: "post", path: "/api/v1/rights-requests/{id}/actions", summary: "Étape ou exécution d'une demande : transmission, ordre du responsable, liaison, réponse, refus, effacement, limitation, levée, exécution", permission: "rights.write", body: rightsActionSchema, response: rightsRequestDtoSchema },
  { method: "get", path: "/api/v1/rights-requests/{id}/export", summary: "Toutes les données détenues sur la personne : document HTML imprimable (accès), JSON ou CSV (portabilité) ; session avec double authentification seulement ; tracé", tokenRefused: "tous les formats (données d'une personne)", permission: "rights.write", query: rightsExportQuerySchema, response: z.null(), files: { "text/html": "format=html : document imprimable (accès)", "application/json": "format=json (portabilité)", "text/csv": "format=csv (portabilité)" } },
  { method: "get", path: "/api/v1/rights-requests/{id}/revisions", summary: "Versions précédentes de la fiche de la personne (rectifications) ; tracé", permission: "rights.write", response: z.object({ items: z.array(z.object({ version: z.number().int(), changedFields: z.array(z.string()), before: z.record(z.string(), z.unknown()), at: instantOut() })) }) },
  { method: "get", path: "/api/v1/rights-requests/subjects", summary: "Rechercher la personne concernée par une demande (dans votre périmètre)", permission: "rights.record", query: subjectSearchQuerySchema, response: z.object({ items: z.array(subjectMatchSchema) }) },
  { method: "get", path: "/api/v1/breaches", summary: "Registre des violations de données, avec le délai de notification", permission: "breach.read", query: breachListQuerySchema, response: pageOf(breachDtoSchema) },
  { method: "post", path: "/api/v1/breaches", summary: "Enregistrer une violation de données (plateforme : notifiée aussitôt par courriel aux adresses de la convention)", permission: "breach.record", body: createBreachSchema, response: breachDtoSchema, status: 201 },
  { method: "get", path: "/api/v1/breaches/{id}", summary: "Une violation de données", permission: "breach.read", response: breachDtoSchema },
  { method: "patch", path: "/api/v1/breaches/{id}", summary: "Mettre à jour une violation (version requise)", permission: "breach.write", body: updateBreachSchema, response: breachDtoSchema },
  { method: "get", path: "/api/v1/breaches/export", summary: "Registre des violations pour le responsable de traitement (XLSX ou HTML imprimable) ; tracé", permission: "breach.read", query: breachExportQuerySchema, response: z.null(), files: { [XLSX]: "format=xlsx", "text/html": "format=html (imprimable)" } },
  { method: "get", path: "/api/v1/processing-register", summary: "Registre des activités de traitement (RGPD art. 30), généré des règles en vigueur : XLSX ou HTML imprimable ; tracé", permission: "register.read", query: registerExportQuerySchema, response: z.null(), files: { [XLSX]: "format=xlsx", "text/html": "format=html (imprimable)" } },
];

/** A Date in a body: a string on the wire; as input, the project's rule for local times. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const out = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === "date") {
        ctx.jsonSchema.type = "string";
        if (io === "output") ctx.jsonSchema.format = "date-time";
        ctx.jsonSchema.description ??= io === "input" ? LOCAL_TIME_RULE : INSTANT_RULE;
      }
      // z.iso.date() / z.iso.datetime(): the format says it (ajv-formats checks it); zod's long regex would only hide it.
      if ((ctx.jsonSchema.format === "date" || ctx.jsonSchema.format === "date-time") && typeof ctx.jsonSchema.pattern === "string") delete ctx.jsonSchema.pattern;
    },
  }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

const WRITE = new Set(["post", "patch", "put", "delete"]);

const ERROR_TEXT: Record<number, string> = {
  400: "Entrée invalide (paramètres, corps ou fichier) : message et champs en français",
  401: "Non authentifié (session ou jeton absent, expiré ou révoqué)",
  403: "Action non permise à ce rôle, ou requête d'une autre origine",
  404: "Introuvable ou hors de votre périmètre (jamais 403 : l'existence n'est pas révélée)",
  409: "Conflit : modifié entre-temps (version), valeur déjà prise ou doublon (champ concerné dans fields), ou état changé entre-temps qui ne le permet plus",
  413: "Fichier trop volumineux",
  422: "Refus métier (règle de gestion, enregistrement lié introuvable ou encore utilisé)",
  429: "Trop de requêtes : réessayer plus tard",
  503: "Service indisponible (base de données injoignable)",
};

/**
 * The error statuses an operation can answer. Every route of /api/v1 goes through apiRoute
 * (lib/api/handler.ts): 401 and 403 always; 400 when it reads a query, a body or a file; 404 when the
 * path names a record; a write also maps the database's own refusals (unique value → 409, linked
 * record → 422), answers 404 for a record its body names outside the caller's scope, and is refused with 403 from another origin; an upload can be too large (413). Routes
 * add what their services throw (`errors`). The contract test checks each answer it gets is listed.
 */
export function errorStatuses(e: Endpoint): number[] {
  if (!e.permission) return [...(e.errors ?? [])].sort();
  const s = new Set<number>([401, 403, ...(e.errors ?? [])]);
  if (e.query || e.body || e.upload) s.add(400);
  if (e.path.includes("{")) s.add(404);
  if (WRITE.has(e.method)) {
    // A write also names records in its body (jobSeekerId, notification id, platformId…): 404 when one is not in scope.
    s.add(404);
    s.add(409);
    s.add(422);
  }
  if (e.upload) s.add(413);
  return [...s].sort();
}

/** getApiV1SubsidyFilesByIdBudgetLines: the method, then the path's words, {param} as ByParam. */
export function operationIdOf(e: Pick<Endpoint, "method" | "path">): string {
  const words = e.path
    .replace(/^\/api\/(v1\/)?/, "")
    .split("/")
    .flatMap((seg) => {
      const param = /^\{(\w+)\}$/.exec(seg);
      return param ? [`by${param[1]![0]!.toUpperCase()}${param[1]!.slice(1)}`] : seg.split(/[-.]/);
    })
    .filter(Boolean);
  return e.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

function successContent(e: Endpoint): Record<string, unknown> | undefined {
  const content: Record<string, unknown> = {};
  const none = e.response instanceof z.ZodNull;
  if (e.ndjson) content["application/x-ndjson"] = { schema: { ...jsonSchema(e.response, "output"), description: "Chaque ligne est un objet JSON de cette forme." } };
  else if (!none) content["application/json"] = { schema: jsonSchema(e.response, "output") };
  for (const [type, description] of Object.entries(e.files ?? {})) {
    content[type] = type === "application/json"
      ? { schema: { type: "object", description } }
      : { schema: { type: "string", ...(type.startsWith("text/") ? {} : { contentMediaType: type }), description } };
  }
  return Object.keys(content).length ? content : undefined;
}

const PUBLIC_OPEN_DATA = {
  get: {
    operationId: "getDonneesOuvertesByFichier",
    summary: "Données essentielles des conventions (décret 2017-779), publiques sans connexion : SCDL subventions en CSV ou JSON",
    security: [],
    parameters: [{ name: "fichier", in: "path", required: true, schema: { type: "string", enum: ["subventions.csv", "subventions.json"] } }],
    responses: {
      "200": {
        description: "Le fichier ; en-tête Last-Modified",
        content: {
          "text/csv": { schema: { type: "string", description: "SCDL subventions, UTF-8, en-tête du schéma" } },
          "application/json": { schema: { type: "object", description: "SCDL subventions : { data: [...] }" } },
        },
      },
      "304": { description: "Inchangé depuis If-Modified-Since" },
      "404": { description: "Fichier inconnu", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    },
  },
};

/** The roles that may hold a personal token (API_TOKEN_ROLES), named as the screens name them. */
export const BEARER_DESCRIPTION =
  `Jeton d'accès personnel créé sur la page « Mon profil ». Réservé aux rôles ${ROLES.filter((r) => API_TOKEN_ROLES.has(r)).map((r) => `« ${ROLE_LABELS[r]} »`).join(", ")} ; ` +
  "pour tout autre rôle, le jeton est refusé (401, comme un jeton inconnu).";

export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const parameters = [
      ...[...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } })),
      ...(e.query
        ? Object.entries(e.query.shape).map(([name, s]) => ({ name, in: "query", required: !(s as z.ZodType).safeParse(undefined).success, schema: jsonSchema(s as z.ZodType, "input") }))
        : []),
    ];
    const errorRef = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    const content = successContent(e);
    (paths[e.path] ??= {})[e.method] = {
      operationId: operationIdOf(e),
      summary: e.summary,
      ...(e.tokenRefused ? { description: `Refusé à un jeton d'accès personnel (403) : ${e.tokenRefused}. Un fichier de données personnelles ne se télécharge que depuis une session ouverte à la connexion, avec la double authentification pour les rôles qui l'exigent (France Travail, DPO, finance, administrateur).` } : {}),
      ...(e.permission ? { "x-permission": e.permission, security: [{ bearer: [] }, { session: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(e.body, "input") } } } } : {}),
      ...(e.upload
        ? { requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", contentMediaType: "application/octet-stream", description: e.path.includes("/imports/") ? "CSV (UTF-8 ou Windows-1252, ; ou ,) ou XLSX" : "PDF, JPEG ou PNG (10 Mo au plus)" }, ...Object.fromEntries(Object.keys(e.upload.shape).map((k) => [k, { type: "string" }])) } } } } } }
        : {}),
      responses: {
        [String(e.status ?? 200)]: { description: e.status === 204 ? "Fait (pas de contenu)" : e.status === 201 ? "Créé" : "Succès", ...(content ? { content } : {}) },
        ...Object.fromEntries((e.alsoResponses ?? []).map((r) => [String(r.status), { description: r.description, content: { "application/json": { schema: jsonSchema(r.schema, "output") } } }])),
        ...(e.path === "/api/health" ? { "503": { description: ERROR_TEXT[503], content: { "application/json": { schema: jsonSchema(healthResponseSchema, "output") } } } } : {}),
        ...Object.fromEntries(errorStatuses(e).map((status) => [String(status), { description: status === 403 && e.tokenRefused ? `${ERROR_TEXT[403]}, ou fichier de données personnelles demandé avec un jeton d'accès personnel` : (ERROR_TEXT[status] ?? "Erreur"), ...errorRef }])),
      },
    };
  }
  paths["/donnees-ouvertes/{fichier}"] = PUBLIC_OPEN_DATA;
  return {
    openapi: "3.1.0",
    info: {
      title: "API SI Proch'Emploi",
      version,
      description: `API des plateformes territoriales Proch'Emploi (Région Hauts-de-France). Erreurs : { error: { code, message, fields? } }, message en français. Dates reçues : ${LOCAL_TIME_RULE} Dates des réponses : format date-time — ${INSTANT_RULE} format date — ${DAY_RULE}`,
      license: { name: "Tous droits réservés — Région Hauts-de-France (usage des plateformes Proch'Emploi et de leurs partenaires)", identifier: "LicenseRef-Region-Hauts-de-France" },
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { Error: { ...jsonSchema(errorResponseSchema, "output"), description: "Corps de toute réponse d'erreur ; message en français" } },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: BEARER_DESCRIPTION },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "Session du navigateur (écritures : même origine exigée)." },
      },
    },
  };
}
