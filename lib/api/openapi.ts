// The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
// Every /api/v1 route must be listed here (a test compares this list with the file system).
import { z } from "zod";
import { auditEventSchema, auditExportQuerySchema, auditListQuerySchema } from "@/lib/audit/audit.schema";
import { errorResponseSchema, healthResponseSchema, keysetPageOf, pageOf } from "@/lib/api/common.schema";
import type { Action } from "@/lib/authz/policy";
import { companyListQuerySchema, companySchema, companySummarySchema, contactSchema, createCompanySchema, createContactSchema, updateCompanySchema, updateContactSchema } from "@/lib/companies/company.schema";
import { createOfferSchema, offerListQuerySchema, offerSchema, offerTransitionSchema, updateOfferSchema } from "@/lib/offers/offer.schema";
import { createVisitSchema, updateVisitSchema, visitListQuerySchema, visitSchema } from "@/lib/visits/visit.schema";
import { jobSeekerPreviewFieldsSchema, jobSeekerRunFieldsSchema, previewFieldsSchema, runFieldsSchema } from "@/lib/imports/import.schema";
import { versionQuerySchema } from "@/lib/api/params";
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
  refundOrderCreatedSchema, refundOrderDtoSchema, trancheClaimResultSchema,
  budgetLineDtoSchema, historyEntrySchema, receiptDtoSchema, receiptUploadSchema, idResponseSchema, openDataQuerySchema, openDataResponseSchema, paymentDtoSchema, paymentResultSchema, subsidyFileDetailSchema, trancheDtoSchema, transitionResultSchema,
} from "@/lib/subsidy/subsidy-api.schema";
import { claimSchema, refundOrderSchema } from "@/lib/subsidy/subsidy-file.schema";
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
import { refSearchQuerySchema, refSearchResultSchema } from "@/lib/reference/reference.schema";
import { searchQuerySchema, searchResultSchema } from "@/lib/search/search.schema";
import { inviteUserSchema, updateUserSchema, userDtoSchema, userListQuerySchema, userSummarySchema } from "@/lib/users/user.schema";

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
  { method: "get", path: "/api/v1/visits", summary: "Visites d'entreprises", permission: "visit.read", query: visitListQuerySchema, response: pageOf(visitSchema.pick({ id: true, companyId: true, company: true, date: true, timeSet: true, purpose: true, staff: true, needs: true })) },
  { method: "post", path: "/api/v1/visits", summary: "Enregistrer une visite, ses actions de suivi et, avec `offer`, l'offre recueillie (une seule transaction : tout ou rien)", permission: "visit.write", body: createVisitSchema, response: visitSchema, status: 201 },
  { method: "get", path: "/api/v1/visits/{id}", summary: "Une visite", permission: "visit.read", response: visitSchema },
  { method: "patch", path: "/api/v1/visits/{id}", summary: "Modifier une visite (avec `version` ; 409 si modifiée entre-temps)", permission: "visit.write", body: updateVisitSchema, response: visitSchema },
  { method: "delete", path: "/api/v1/visits/{id}", summary: "Supprimer une visite", permission: "visit.write", response: z.null(), status: 204 },
  { method: "get", path: "/api/v1/offers", summary: "Offres d'emploi (état, contrat, marché caché, ROME, sans activité)", permission: "offer.read", query: offerListQuerySchema, response: keysetPageOf(offerSchema) },
  { method: "post", path: "/api/v1/offers", summary: "Créer une offre (éventuellement issue d'une visite)", permission: "offer.write", body: createOfferSchema, response: offerSchema, status: 201 },
  { method: "get", path: "/api/v1/offers/{id}", summary: "Une offre", permission: "offer.read", response: offerSchema },
  { method: "patch", path: "/api/v1/offers/{id}", summary: "Modifier une offre (avec version)", permission: "offer.write", body: updateOfferSchema, response: offerSchema },
  { method: "delete", path: "/api/v1/offers/{id}", summary: "Supprimer une offre en brouillon", permission: "offer.write", response: z.null(), status: 204 },
  { method: "post", path: "/api/v1/offers/{id}/transitions", summary: "Changer l'état d'une offre (machine à états)", permission: "offer.write", body: offerTransitionSchema, response: offerSchema },
  { method: "post", path: "/api/v1/imports/companies/preview", summary: "Aperçu d'un import d'entreprises : colonnes, correspondance, erreurs par ligne, doublons", permission: "company.write", upload: previewFieldsSchema, response: z.object({ totalRows: z.number(), validCount: z.number(), errorCount: z.number() }).passthrough() },
  { method: "post", path: "/api/v1/imports/companies", summary: "Importer des entreprises (réponse NDJSON : progression puis bilan)", permission: "company.write", upload: runFieldsSchema, response: z.object({ type: z.enum(["progress", "done", "error"]) }).passthrough() },
  { method: "get", path: "/api/v1/imports", summary: "Derniers imports de ma plateforme", permission: "company.write", response: z.object({ items: z.array(z.object({ id: z.string(), status: z.string() }).passthrough()) }) },
  { method: "post", path: "/api/v1/imports/{id}/undo", summary: "Annuler un import entier", permission: "company.write", response: z.object({ undone: z.boolean() }).passthrough() },
  { method: "post", path: "/api/v1/imports/job-seekers/preview", summary: "Aperçu d'un import de demandeurs d'emploi : colonnes, correspondance, erreurs par ligne, doublons probables (numéros de ligne)", permission: "jobSeeker.write", upload: jobSeekerPreviewFieldsSchema, response: z.object({ totalRows: z.number(), validCount: z.number(), errorCount: z.number(), duplicates: z.number() }).passthrough() },
  { method: "post", path: "/api/v1/imports/job-seekers", summary: "Importer des demandeurs d'emploi (réponse NDJSON : progression puis bilan ; date et canal d'information en colonne ou pour tout le fichier)", permission: "jobSeeker.write", upload: jobSeekerRunFieldsSchema, response: z.object({ type: z.enum(["progress", "done", "error"]) }).passthrough() },
  { method: "get", path: "/api/v1/imports/job-seekers", summary: "Derniers imports de demandeurs d'emploi de ma plateforme", permission: "jobSeeker.write", response: z.object({ items: z.array(z.object({ id: z.string(), status: z.string() }).passthrough()) }) },
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
  { method: "get", path: "/api/v1/events/{id}", summary: "Un événement (ses champs, sans les participants)", permission: "event.read", response: eventDetailSchema },
  { method: "patch", path: "/api/v1/events/{id}", summary: "Modifier un événement (avec `version` ; 409 si modifié entre-temps ; pas d'événement annulé ; une capacité plus grande fait monter la liste d'attente)", permission: "event.write", body: updateEventSchema, response: eventDetailSchema },
  { method: "post", path: "/api/v1/events/{id}/cancel", summary: "Annuler un événement, avec son motif (il reste visible comme annulé)", permission: "event.write", body: cancelEventSchema, response: eventDetailSchema },
  { method: "get", path: "/api/v1/events/{id}/participants", summary: "Participants visibles (lecture journalisée) et résultats de l'événement", permission: "event.read", response: z.object({ items: z.array(participantSchema), results: z.record(z.string(), z.number()) }) },
  { method: "post", path: "/api/v1/events/{id}/participants", summary: "Inscrire une entreprise, un demandeur (liste d'attente au-delà de la capacité) ou un chef de file", permission: "event.write", body: registerParticipantSchema, response: z.object({ placement: z.enum(["CONFIRMED", "WAITLISTED"]) }), status: 201 },
  { method: "patch", path: "/api/v1/events/{id}/participants", summary: "Noter la présence (présent, excusé, absent)", permission: "event.write", body: attendanceSchema, response: z.object({ ok: z.boolean() }) },
  { method: "get", path: "/api/v1/mobility-diagnostics", summary: "Diagnostics mobilité (projets financés par France Travail)", permission: "diagnostic.read", query: diagnosticListQuerySchema, response: pageOf(diagnosticSchema) },
  { method: "post", path: "/api/v1/mobility-diagnostics", summary: "Enregistrer un diagnostic / accompagnement mobilité, rattaché au dossier de subvention qui le finance", permission: "diagnostic.write", body: diagnosticInputSchema, response: diagnosticSchema, status: 201 },
  { method: "get", path: "/api/v1/mobility-diagnostics/{id}", summary: "Un diagnostic mobilité (lecture tracée)", permission: "diagnostic.read", response: diagnosticSchema },
  { method: "patch", path: "/api/v1/mobility-diagnostics/{id}", summary: "Modifier un diagnostic mobilité (avec `version` ; 409 si modifié entre-temps)", permission: "diagnostic.write", body: updateDiagnosticSchema, response: diagnosticSchema },
  { method: "post", path: "/api/v1/subsidy-files", summary: "Ouvrir le dossier de ma plateforme pour une année et un financeur", permission: "subsidy.submit", body: createSubsidyFileSchema, response: idResponseSchema, status: 201 },
  { method: "get", path: "/api/v1/subsidy-files/{id}", summary: "Dossier de subvention : budget, calcul expliqué, tranches, versements, historique", permission: "subsidy.read", response: subsidyFileDetailSchema },
  { method: "patch", path: "/api/v1/subsidy-files/{id}", summary: "Modifier effectif, montant demandé et cofinancements (brouillon ou renvoyé ; champ version)", permission: "subsidy.write", body: updateSubsidyFileSchema, response: subsidyFileDetailSchema },
  { method: "get", path: "/api/v1/subsidy-files/{id}/budget-lines", summary: "Lignes du budget (prévu, réalisé, écarts à expliquer)", permission: "subsidy.read", response: z.object({ items: z.array(budgetLineDtoSchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/budget-lines", summary: "Ajouter une ligne au budget prévisionnel", permission: "subsidy.write", body: budgetLineSchema, response: idResponseSchema, status: 201 },
  { method: "patch", path: "/api/v1/subsidy-files/{id}/budget-lines/{lineId}", summary: "Modifier une ligne (prévu avant dépôt, ou réalisé et explication d'écart après signature)", permission: "subsidy.write", body: z.union([updateBudgetLineSchema, actualLineSchema]), response: z.null(), status: 204 },
  { method: "delete", path: "/api/v1/subsidy-files/{id}/budget-lines/{lineId}", summary: "Supprimer une ligne du budget prévisionnel", permission: "subsidy.write", response: z.null(), status: 204 },
  { method: "get", path: "/api/v1/subsidy-files/{id}/tranches", summary: "Tranches de versement (conditions, échéances, état)", permission: "subsidy.read", response: z.object({ items: z.array(trancheDtoSchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/tranches/{trancheId}/claim", summary: "Demander le versement d'une tranche dont les conditions sont remplies (dates des pièces envoyées ; champ version du dossier)", permission: "tranche.claim", body: claimSchema, response: trancheClaimResultSchema },
  { method: "get", path: "/api/v1/subsidy-files/{id}/refund-orders", summary: "Ordres de reversement du dossier", permission: "subsidy.read", response: z.object({ items: z.array(refundOrderDtoSchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/refund-orders", summary: "Émettre un ordre de reversement (au plus le montant à reverser restant : 422)", permission: "refundOrder.write", body: refundOrderSchema, response: refundOrderCreatedSchema, status: 201 },
  { method: "get", path: "/api/v1/subsidy-files/{id}/payments", summary: "Versements enregistrés", permission: "subsidy.read", response: z.object({ items: z.array(paymentDtoSchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/payments", summary: "Enregistrer un versement (refusé s'il dépasse le montant attribué : 422)", permission: "payment.write", body: paymentSchema, response: paymentResultSchema, status: 201 },
  { method: "get", path: "/api/v1/subsidy-files/{id}/transitions", summary: "Historique des étapes du dossier", permission: "subsidy.read", response: z.object({ items: z.array(historyEntrySchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/transitions", summary: "Faire avancer le dossier (déposer, instruire, renvoyer, attribuer, refuser, signer, solder) ; chaque étape exige sa permission", permission: "subsidy.read", body: transitionSchema, response: transitionResultSchema },
  { method: "get", path: "/api/v1/subsidy-files/{id}/receipts", summary: "Justificatifs du dossier", permission: "subsidy.read", response: z.object({ items: z.array(receiptDtoSchema) }) },
  { method: "post", path: "/api/v1/subsidy-files/{id}/receipts", summary: "Joindre un justificatif (multipart : file, kind, budgetLineId ou trancheId ; PDF/JPEG/PNG vérifiés par leur contenu, 10 Mo au plus)", permission: "subsidy.write", upload: receiptUploadSchema, response: receiptDtoSchema, status: 201 },
  { method: "get", path: "/api/v1/subsidy-files/{id}/receipts/{receiptId}", summary: "Télécharger un justificatif (lecture journalisée)", permission: "subsidy.read", response: z.string().describe("Contenu binaire (PDF, JPEG ou PNG)") },
  { method: "get", path: "/api/v1/open-data/subventions", summary: "Données essentielles des conventions au-delà du seuil (SCDL subventions, JSON ou CSV)", permission: "subsidy.export", query: openDataQuerySchema, response: openDataResponseSchema },
  { method: "get", path: "/api/v1/rule-sets", summary: "Jeux de règles versionnés (taux, plafonds, tranches, délais)", permission: "ruleSet.read", query: ruleSetListQuerySchema, response: z.object({ items: z.array(ruleSetSchema) }) },
  { method: "post", path: "/api/v1/rule-sets", summary: "Créer une nouvelle version d'un jeu de règles (la précédente se termine la veille)", permission: "ruleSet.write", body: createRuleSetSchema, response: ruleSetSchema, status: 201 },
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
  { method: "get", path: "/api/v1/reference/rome", summary: "Référentiel ROME (France Travail) : codes par code, libellé ou appellation (« soudeur » → H2913)", permission: "reference.read", query: refSearchQuerySchema, response: refSearchResultSchema },
  { method: "get", path: "/api/v1/reference/naf", summary: "Nomenclature NAF rév. 2 (INSEE) : sous-classes par code ou libellé", permission: "reference.read", query: refSearchQuerySchema, response: refSearchResultSchema },
  { method: "get", path: "/api/v1/reference/communes", summary: "Communes (INSEE) par nom ou code postal, celles de mon périmètre d'abord ; la valeur est le code INSEE", permission: "reference.read", query: refSearchQuerySchema, response: refSearchResultSchema },
  { method: "get", path: "/api/v1/pickers/companies", summary: "Choix d'une entreprise de mon périmètre par nom, SIRET ou commune (20 au plus)", permission: "company.read", query: refSearchQuerySchema, response: refSearchResultSchema },
  { method: "get", path: "/api/v1/search", summary: "Recherche globale (sans accents ni casse) dans mon périmètre, par type ; chaque demandeur trouvé est tracé", permission: "search.run", query: searchQuerySchema, response: searchResultSchema },
  { method: "get", path: "/api/v1/indicators", summary: "Définitions des indicateurs du bilan mensuel (libellé, définition, unité, version)", permission: "bilan.read", response: z.object({ version: z.string(), items: z.array(indicatorDefinitionSchema) }) },
  { method: "get", path: "/api/v1/reports/monthly", summary: "Chiffres d'un mois (une plateforme, ou toutes celles visibles sans platformId) : clôturé ou provisoire, version de l'instantané", permission: "bilan.read", query: monthlyReportQuerySchema, response: monthlyReportSchema },
  { method: "get", path: "/api/v1/reports/monthly/export", summary: "Bilan mensuel en XLSX (avec feuille de définitions) ou CSV ; export tracé", permission: "bilan.read", query: exportQuerySchema, response: z.string() },
  { method: "post", path: "/api/v1/reports/monthly/{platformId}/{month}/close", summary: "Clôturer un mois terminé (fige ses chiffres dans un instantané ; 409 s'il est déjà clôturé)", permission: "bilan.close", response: closeMonthSchema.extend({ snapshotVersion: z.number() }) },
  { method: "post", path: "/api/v1/reports/monthly/{platformId}/{month}/reopen", summary: "Rouvrir un mois clôturé, avec motif (référent Région ; l'instantané est conservé)", permission: "bilan.reopen", body: reopenBodySchema, response: closeMonthSchema.extend({ snapshotVersion: z.number() }) },
  // France Travail monthly files (issue 5; cross-team contract).
  { method: "get", path: "/api/v1/france-travail/{subsidyFileId}/monthly", summary: "Fichiers mensuels France Travail d'un projet assigné (XLSX) : indicateurs anonymes (effectifs < seuil masqués) ou retour des données personnelles (relecteur assigné seulement ; téléchargement tracé)", permission: "ftReport.read", query: ftMonthlyQuerySchema, response: z.string() },
  { method: "get", path: "/api/v1/reports/objectives", summary: "Objectifs de la convention financière de l'année contre le réalisé (une plateforme, ou la somme des plateformes visibles)", permission: "bilan.read", query: objectivesApiQuerySchema, response: objectivesViewSchema },
  { method: "put", path: "/api/v1/reports/objectives", summary: "Saisir les cibles de l'année d'une plateforme (vide = supprimée ; versions lues pour le verrouillage optimiste, 409 sinon)", permission: "objective.write", body: saveObjectivesSchema, response: z.object({ saved: z.number() }) },
  { method: "get", path: "/api/v1/reports/annual/{platformId}/{year}/export", summary: "Rapport annuel d'une plateforme en XLSX (chiffres de l'année, objectifs, gouvernance, bilan qualitatif) ; export tracé", permission: "bilan.read", response: z.string() },
  { method: "get", path: "/api/v1/lists/{list}/export", summary: "Exporter la vue courante d'une liste (companies, offers, jobSeekers, visits, events) en CSV ou XLSX avec ses filtres et son tri : fichier direct, ou 202 et export en arrière-plan au-delà du seuil du jeu de règles ; export tracé", permission: "tableExport.run", query: tableExportQuerySchema, response: z.union([z.string(), startedExportSchema]) },
  { method: "get", path: "/api/v1/table-exports", summary: "Mes exports en arrière-plan (progression, expiration à 7 jours)", permission: "tableExport.run", response: z.object({ items: z.array(tableExportDtoSchema) }) },
  { method: "get", path: "/api/v1/table-exports/{id}", summary: "État d'un de mes exports (404 pour l'export d'un autre)", permission: "tableExport.run", response: tableExportDtoSchema },
  { method: "get", path: "/api/v1/table-exports/{id}/file", summary: "Télécharger un de mes exports terminés (auteur seulement ; téléchargement tracé)", permission: "tableExport.run", response: z.string() },
  { method: "get", path: "/api/v1/audit-events", summary: "Journal d'audit (DPO) : recherche par personne, utilisateur, période (jours de Paris, bornes incluses) et action", permission: "audit.read", query: auditListQuerySchema, response: pageOf(auditEventSchema) },
  { method: "get", path: "/api/v1/audit-events/export", summary: "Résultat d'une recherche du journal d'audit en XLSX ou CSV (50 000 lignes au plus) ; export tracé", permission: "audit.export", query: auditExportQuerySchema, response: z.string() },
  { method: "get", path: "/api/v1/purge-runs", summary: "Exécutions de la conservation (réelles et simulations), comptes par action et par plateforme", permission: "purge.read", query: purgeRunListQuerySchema, response: pageOf(purgeRunSchema) },
  { method: "get", path: "/api/v1/purge-runs/{id}", summary: "Une exécution de la conservation", permission: "purge.read", response: purgeRunSchema },
  { method: "post", path: "/api/v1/purge-runs/dry-run", summary: "Simuler maintenant l'exécution de la conservation (rien n'est modifié)", permission: "purge.run", body: dryRunBodySchema, response: purgeRunSchema, status: 201 },
  // Rights requests and breach register (issue 7, DPO).
  { method: "get", path: "/api/v1/rights-requests", summary: "Demandes d'exercice de droits, avec leurs délais (compte à rebours, retards)", permission: "rights.read", query: rightsListQuerySchema, response: pageOf(rightsRequestDtoSchema) },
  { method: "post", path: "/api/v1/rights-requests", summary: "Enregistrer une demande d'exercice de droits (plateforme : transmise aussitôt par courriel aux adresses de la convention)", permission: "rights.record", body: createRightsRequestSchema, response: rightsRequestDtoSchema, status: 201 },
  { method: "get", path: "/api/v1/rights-requests/{id}", summary: "Une demande d'exercice de droits", permission: "rights.read", response: rightsRequestDtoSchema },
  { method: "post", path: "/api/v1/rights-requests/{id}/actions", summary: "Étape ou exécution d'une demande : transmission, ordre du responsable, liaison, réponse, refus, effacement, limitation, levée, exécution", permission: "rights.write", body: rightsActionSchema, response: rightsRequestDtoSchema },
  { method: "get", path: "/api/v1/rights-requests/{id}/export", summary: "Toutes les données détenues sur la personne : document HTML imprimable (accès), JSON ou CSV (portabilité) ; tracé", permission: "rights.write", query: rightsExportQuerySchema, response: z.string() },
  { method: "get", path: "/api/v1/rights-requests/{id}/revisions", summary: "Versions précédentes de la fiche de la personne (rectifications) ; tracé", permission: "rights.write", response: z.object({ items: z.array(z.object({ version: z.number().int(), changedFields: z.array(z.string()), before: z.record(z.string(), z.unknown()), at: z.string() })) }) },
  { method: "get", path: "/api/v1/rights-requests/subjects", summary: "Rechercher la personne concernée par une demande (dans votre périmètre)", permission: "rights.record", query: subjectSearchQuerySchema, response: z.object({ items: z.array(subjectMatchSchema) }) },
  { method: "get", path: "/api/v1/breaches", summary: "Registre des violations de données, avec le délai de notification", permission: "breach.read", query: breachListQuerySchema, response: pageOf(breachDtoSchema) },
  { method: "post", path: "/api/v1/breaches", summary: "Enregistrer une violation de données (plateforme : notifiée aussitôt par courriel aux adresses de la convention)", permission: "breach.record", body: createBreachSchema, response: breachDtoSchema, status: 201 },
  { method: "get", path: "/api/v1/breaches/{id}", summary: "Une violation de données", permission: "breach.read", response: breachDtoSchema },
  { method: "patch", path: "/api/v1/breaches/{id}", summary: "Mettre à jour une violation (version requise)", permission: "breach.write", body: updateBreachSchema, response: breachDtoSchema },
  { method: "get", path: "/api/v1/breaches/export", summary: "Registre des violations pour le responsable de traitement (XLSX ou HTML imprimable) ; tracé", permission: "breach.read", query: breachExportQuerySchema, response: z.string() },
  { method: "get", path: "/api/v1/processing-register", summary: "Registre des activités de traitement (RGPD art. 30), généré des règles en vigueur : XLSX ou HTML imprimable ; tracé", permission: "register.read", query: registerExportQuerySchema, response: z.string() },
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
        ? { requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary", description: e.path.includes("/imports/") ? "CSV (UTF-8 ou Windows-1252, ; ou ,) ou XLSX" : "PDF, JPEG ou PNG (10 Mo au plus)" }, ...Object.fromEntries(Object.keys(e.upload.shape).map((k) => [k, { type: "string" }])) } } } } } }
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
