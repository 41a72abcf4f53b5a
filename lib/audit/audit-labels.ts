// French labels of the audit log's action codes (issue 17 §4), grouped by domain for the DPO's
// filter. Pure. A code missing here is shown as « Autre action (code) », never silently hidden;
// tests/unit/audit/audit-labels.test.ts checks every code written by the application has a label.

export interface AuditActionGroup {
  label: string;
  /** Code prefix of the domain (the filter « tout le domaine » matches codes starting with it). */
  prefix: string;
  actions: Record<string, string>;
}

export const AUDIT_ACTION_GROUPS: readonly AuditActionGroup[] = [
  { label: "Connexions et comptes", prefix: "auth.", actions: {
    "auth.login.succeeded": "Connexion réussie", "auth.login.failed": "Échec de connexion", "auth.login.throttled": "Connexion bloquée (trop d'échecs)",
    "auth.totp.enabled": "Double authentification activée", "auth.totp.enrolFailed": "Échec d'activation de la double authentification",
    "auth.totp.recoveryUsed": "Code de secours utilisé", "auth.logout": "Déconnexion (sessions fermées)",
  } },
  { label: "Demandes en ligne", prefix: "intake.", actions: {
    "intake.received": "Demande reçue par le formulaire public", "intake.viewed": "Consultation d'une demande en ligne",
    "intake.converted": "Demande en ligne enregistrée dans la base", "intake.discarded": "Demande en ligne écartée",
  } },
  { label: "Utilisateurs", prefix: "user.", actions: {
    "user.read": "Consultation d'un compte", "user.invited": "Invitation d'un utilisateur", "user.invitation.resent": "Invitation renvoyée",
    "user.role.changed": "Changement de rôle", "user.platforms.changed": "Changement des plateformes d'un compte", "user.totp.reset": "Double authentification réinitialisée",
    "user.charter.accepted": "Charte de confidentialité acceptée", "user.password.reset.requested": "Demande de nouveau mot de passe",
    "user.password.reset.throttled": "Demande de mot de passe bloquée (trop de demandes)", "user.grant.refused": "Attribution de droits refusée",
    "user.link.refused": "Lien à usage unique refusé", "user.update.refused": "Modification de compte refusée",
  } },
  { label: "Demandeurs d'emploi", prefix: "jobSeeker.", actions: {
    "jobSeeker.read": "Consultation d'une fiche demandeur", "jobSeeker.list": "Consultation de la liste des demandeurs", "jobSeeker.created": "Création d'une fiche demandeur",
    "jobSeeker.updated": "Modification d'une fiche demandeur", "jobSeeker.deleted": "Suppression d'une fiche demandeur", "jobSeeker.merged": "Fusion de deux fiches demandeur",
    "jobSeeker.exported": "Export de fiches demandeur", "jobSeeker.interactionAdded": "Échange noté sur une fiche demandeur",
    "jobSeeker.search.hit": "Fiche demandeur trouvée par la recherche", "jobSeeker.revisionsRead": "Consultation des versions antérieures d'une fiche",
    "jobSeeker.archived.list": "Consultation de la liste des personnes archivées", "jobSeeker.archived.read": "Consultation d'une fiche archivée",
    "jobSeeker.readArchived": "Consultation d'une fiche archivée", "jobSeeker.archive": "Archivage d'une fiche demandeur", "jobSeeker.destroy": "Destruction d'une fiche demandeur",
  } },
  { label: "Positionnements et diagnostics", prefix: "proposal.", actions: {
    "proposal.created": "Positionnement créé", "proposal.list": "Consultation des positionnements", "proposal.statusChanged": "Changement d'état d'un positionnement",
    "diagnostic.created": "Diagnostic mobilité créé", "diagnostic.updated": "Diagnostic mobilité modifié", "diagnostic.read": "Consultation d'un diagnostic mobilité",
    "diagnostic.list": "Consultation des diagnostics mobilité",
  } },
  { label: "Entreprises, visites et offres", prefix: "company.", actions: {
    "prospect.dismissed": "Établissement écarté de la prospection",
    "company.created": "Création d'une entreprise", "company.updated": "Modification d'une entreprise", "company.deleted": "Suppression d'une entreprise", "company.read": "Consultation d'une entreprise",
    "companyNote.created": "Note ajoutée sur une entreprise", "contact.created": "Contact d'entreprise ajouté", "contact.updated": "Contact d'entreprise modifié",
    "contact.deleted": "Contact d'entreprise supprimé", "companyContact.destroy": "Destruction d'un contact d'entreprise",
    "visit.created": "Visite créée", "visit.updated": "Visite modifiée", "visit.deleted": "Visite supprimée", "visit.read": "Consultation d'une visite",
    "offer.created": "Offre créée", "offer.updated": "Offre modifiée", "offer.deleted": "Offre supprimée", "offer.read": "Consultation d'une offre",
    "offer.transition": "Changement d'état d'une offre", "offer.expired": "Offre expirée faute d'activité",
    "callback.created": "Appel numéro vert enregistré", "callback.updated": "Rappel numéro vert modifié", "callback.read": "Consultation d'un rappel numéro vert",
    "callback.attempt.created": "Tentative de rappel notée",
  } },
  { label: "Réseau : événements, chefs de file, gouvernance", prefix: "event.", actions: {
    "event.created": "Événement créé", "event.updated": "Événement modifié", "event.cancelled": "Événement annulé", "event.read": "Consultation d'un événement",
    "event.participantRegistered": "Participant inscrit à un événement", "event.participantUnregistered": "Participant désinscrit d'un événement",
    "event.attendanceRecorded": "Présences enregistrées", "invitation.sent": "Invitation à un événement envoyée", "invitation.letterPrinted": "Courrier d'invitation imprimé",
    "invitation.answered": "Réponse à une invitation (lien personnel)", "invitation.linkRefused": "Lien d'invitation refusé (inconnu, expiré, déjà utilisé ou d'un autre événement)",
    "invitation.throttled": "Trop de réponses à des invitations depuis une même adresse", "invitation.optOut": "Refus de recevoir les courriels ou SMS de la plateforme",
    "invitation.promoted": "Place confirmée depuis la liste d'attente (message envoyé)", "invitation.reminderSent": "Relance d'invitation envoyée",
    "invitation.deliveryReport": "État de distribution d'un message (SMS ou courriel) reçu du fournisseur", "invitation.templateUpdated": "Modèle de message d'invitation modifié",
    "calendarFeed.created": "Lien d'agenda personnel créé", "calendarFeed.revoked": "Lien d'agenda personnel révoqué", "chefDeFile.created": "Chef de file créé", "chefDeFile.updated": "Chef de file modifié",
    "chefDeFile.deleted": "Chef de file supprimé", "chefDeFile.read": "Consultation d'un chef de file", "chefDeFile.viewed": "Consultation d'un chef de file",
    "chefDeFile.listed": "Consultation de la liste des chefs de file", "chefDeFile.destroy": "Destruction d'un chef de file",
    "governanceMeeting.created": "Réunion de gouvernance créée", "governanceMeeting.updated": "Réunion de gouvernance modifiée",
    "governanceMeeting.deleted": "Réunion de gouvernance supprimée", "governance.read": "Consultation de la gouvernance",
  } },
  { label: "Bilans et rapports", prefix: "bilan.", actions: {
    "bilan.read": "Consultation d'un bilan", "bilan.close": "Clôture d'un mois", "bilan.reopen": "Réouverture d'un mois", "bilan.review": "Relecture d'un bilan clôturé (référent)", "bilan.export": "Export d'un bilan",
    "objective.updated": "Objectifs de la convention modifiés", "annualReport.updated": "Rapport annuel modifié", "annualReport.export": "Export du rapport annuel",
    "ftReport.read": "Consultation d'un projet France Travail", "ftReport.indicators.export": "Export des indicateurs France Travail",
    "ftReport.beneficiaries.export": "Export des bénéficiaires France Travail (données personnelles)",
    "ftReport.bilan.export": "Export d'un bilan France Travail (article 5)",
    "tableExport.created": "Export de liste demandé", "tableExport.run": "Export de liste généré", "tableExport.download": "Export de liste téléchargé",
  } },
  { label: "Financement", prefix: "subsidyFile.", actions: {
    "subsidy.read": "Consultation d'un dossier de subvention", "subsidyFile.created": "Dossier de subvention créé", "subsidyFile.updated": "Dossier de subvention modifié",
    "subsidyFile.submit": "Dossier déposé", "subsidyFile.startReview": "Instruction commencée", "subsidyFile.sendBack": "Dossier renvoyé pour compléments",
    "subsidyFile.approve": "Subvention attribuée", "subsidyFile.reject": "Dossier rejeté", "subsidyFile.sign": "Convention signée", "subsidyFile.close": "Dossier soldé",
    "subsidyFile.substantialChange": "Modification substantielle signalée", "subsidyFile.amendment": "Avenant enregistré",
    "subsidyFile.notifyTermination": "Résiliation notifiée (versements suspendus)", "subsidyFile.terminate": "Résiliation effective", "subsidyFile.lapse": "Caducité constatée",
    "subsidyFile.milestones": "Dates du dossier modifiées", "subsidyFile.reviewerAssigned": "Relecteur France Travail désigné", "subsidyFile.ftBreach": "Manquement France Travail constaté", "subsidyFile.ftBilanUpdated": "Bilan France Travail renseigné (étapes, budget actualisé)",
    // Issue 22 §4 — compte rendu financier / indicateurs.
    "financialReport.productRecorded": "Produit réalisé saisi (compte rendu financier)", "conventionIndicator.updated": "Indicateurs de la convention choisis ou modifiés",
    "ftIndicator.created": "Indicateur du porteur ajouté", "ftIndicator.updated": "Indicateur du porteur modifié", "ftIndicator.deleted": "Indicateur du porteur retiré",
    "budgetLine.created": "Ligne de budget ajoutée", "budgetLine.updated": "Ligne de budget modifiée", "budgetLine.deleted": "Ligne de budget supprimée",
    "budgetLine.actualRecorded": "Dépense réalisée saisie", "tranche.claimed": "Tranche demandée", "payment.recorded": "Versement enregistré",
    "receipt.uploaded": "Justificatif déposé", "receipt.read": "Justificatif consulté", "refundOrder.issued": "Ordre de reversement émis",
    "refundOrder.paid": "Reversement encaissé", "refundOrder.printed": "Ordre de reversement imprimé", "subsidy.openDataExported": "Export des données essentielles (open data)",
    // Issue 22 §4: the Région annual request (convention cadre art. 5) and a payment without the activity bilan.
    "subsidyFile.annualRequest": "Demande annuelle (art. 5) modifiée", "payment.activityBilanOverride": "Versement malgré le bilan d'activité non reçu (motif donné)",
  } },
  { label: "Données personnelles (RGPD)", prefix: "rights.", actions: {
    "rights.created": "Demande d'exercice de droits enregistrée", "rights.read": "Consultation d'une demande de droits", "rights.forward": "Demande transmise au responsable",
    "rights.answer": "Réponse à la demande", "rights.reject": "Demande rejetée", "rights.controllerOrder": "Ordre du responsable enregistré",
    "rights.execute": "Ordre du responsable exécuté", "rights.link": "Demande reliée à une personne", "rights.erase": "Effacement de données", "rights.restrict": "Limitation du traitement", "rights.unrestrict": "Fin de la limitation du traitement",
    "breach.created": "Violation de données enregistrée", "breach.updated": "Violation de données modifiée", "breach.read": "Consultation d'une violation",
    "breach.exported": "Export du registre des violations", "register.read": "Consultation du registre des traitements", "register.exported": "Export du registre des traitements",
    "retention.run": "Exécution de la conservation", "retention.dryRun": "Simulation de la conservation", "retention.jobSeeker.archive": "Conservation : fiche demandeur archivée",
    "retention.jobSeeker.destroy": "Conservation : fiche demandeur détruite", "retention.companyContact.destroy": "Conservation : contact d'entreprise détruit",
    "retention.chefDeFile.destroy": "Conservation : chef de file détruit", "retention.intakeRequest.expire": "Conservation : demande en ligne non traitée effacée", "intakeRequest.expire": "Demande en ligne non traitée effacée",
    "franceTravail.destroy": "Données d'un projet France Travail détruites", "retention.franceTravail.destroy": "Conservation : données d'un projet France Travail détruites",
    "retention.rightsRequest.erase": "Conservation : demande de droits close effacée", "retention.breach.erase": "Conservation : texte d'une violation close effacé",
    "retention.auditEvent.remove": "Conservation : événements anciens du journal d'audit supprimés", "retention.receipt.destroy": "Conservation : justificatif supprimé",
    "retention.companyNote.erase": "Conservation : notes anciennes sur une entreprise effacées", "retention.soleTrader.erase": "Conservation : nom et adresse d'un entrepreneur individuel effacés",
    "retention.revision.delete": "Conservation : historique des rectifications supprimé",
    "jobSeeker.informed": "Notice d'information remise à la personne",
    "companyContact.informed": "Notice d'information remise à un contact d'entreprise", "chefDeFile.informed": "Notice d'information remise à un chef de file",
    "notice.published": "Nouvelle version d'une notice d'information ou de l'engagement de confidentialité publiée",
    "companyContact.listed": "Consultation des contacts d'une entreprise", "companyContact.read": "Consultation d'un contact d'entreprise",
    // The retention run's item names (the audit code is « retention. » + the name).
    "rightsRequest.erase": "Demande de droits close effacée", "breach.erase": "Texte d'une violation close effacé", "auditEvent.remove": "Événements anciens du journal d'audit supprimés",
    "receipt.destroy": "Justificatif supprimé", "companyNote.erase": "Notes anciennes sur une entreprise effacées", "soleTrader.erase": "Nom et adresse d'un entrepreneur individuel effacés",
    "revision.delete": "Historique des rectifications supprimé",
    "rightsSubject.search": "Recherche de la personne d'une demande de droits", "audit.read": "Consultation du journal d'audit", "audit.export": "Export du journal d'audit",
  } },
  { label: "Administration", prefix: "platform.", actions: {
    "setting.updated": "Paramètre modifié", "platform.created": "Plateforme créée", "platform.updated": "Plateforme modifiée", "platform.read": "Consultation d'une plateforme",
    "ruleSet.created": "Jeu de règles créé", "ruleSet.read": "Consultation d'un jeu de règles", "apiToken.created": "Jeton d'API créé", "apiToken.revoked": "Jeton d'API révoqué",
    "token.manage": "Gestion des jetons d'API", "import.undone": "Import annulé", "outbox.read": "Consultation des courriels en attente",
    "home.view": "Accueil consulté", "profile.view": "Profil consulté",
  } },
];

const LABELS: ReadonlyMap<string, string> = new Map(AUDIT_ACTION_GROUPS.flatMap((g) => Object.entries(g.actions)));

export function isKnownAuditAction(code: string): boolean {
  return LABELS.has(code);
}

/** « Consultation d'une fiche demandeur » for `jobSeeker.read`; unknown codes stay readable. */
export function auditActionLabel(code: string): string {
  return LABELS.get(code) ?? `Autre action (${code})`;
}

export interface AuditActionOption {
  value: string;
  label: string;
  description?: string;
}

/**
 * The DPO's « Action » filter as combobox options: each action's French label with its domain as
 * description, so that typing « connexion » or « demandeur » finds them (sorted by label in a domain).
 */
export function auditActionOptions(): AuditActionOption[] {
  return AUDIT_ACTION_GROUPS.flatMap((g) =>
    Object.entries(g.actions)
      .sort((a, b) => a[1].localeCompare(b[1], "fr"))
      .map(([code, label]) => ({ value: code, label, description: g.label })),
  );
}

/** The option showing a filter value: a known action, or a code prefix typed in the URL (« Codes commençant par … »). */
export function auditActionOption(action: string | null | undefined): AuditActionOption | null {
  if (!action) return null;
  return auditActionOptions().find((o) => o.value === action) ?? { value: action, label: `Codes commençant par « ${action} »` };
}
