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
    "event.attendanceRecorded": "Présences enregistrées", "chefDeFile.created": "Chef de file créé", "chefDeFile.updated": "Chef de file modifié",
    "chefDeFile.deleted": "Chef de file supprimé", "chefDeFile.read": "Consultation d'un chef de file", "chefDeFile.viewed": "Consultation d'un chef de file",
    "chefDeFile.listed": "Consultation de la liste des chefs de file", "chefDeFile.destroy": "Destruction d'un chef de file",
    "governanceMeeting.created": "Réunion de gouvernance créée", "governanceMeeting.updated": "Réunion de gouvernance modifiée",
    "governanceMeeting.deleted": "Réunion de gouvernance supprimée", "governance.read": "Consultation de la gouvernance",
  } },
  { label: "Bilans et rapports", prefix: "bilan.", actions: {
    "bilan.read": "Consultation d'un bilan", "bilan.close": "Clôture d'un mois", "bilan.reopen": "Réouverture d'un mois", "bilan.export": "Export d'un bilan",
    "objective.updated": "Objectifs de la convention modifiés", "annualReport.updated": "Rapport annuel modifié", "annualReport.export": "Export du rapport annuel",
    "ftReport.read": "Consultation d'un projet France Travail", "ftReport.indicators.export": "Export des indicateurs France Travail",
    "ftReport.beneficiaries.export": "Export des bénéficiaires France Travail (données personnelles)",
    "tableExport.created": "Export de liste demandé", "tableExport.run": "Export de liste généré", "tableExport.download": "Export de liste téléchargé",
  } },
  { label: "Financement", prefix: "subsidyFile.", actions: {
    "subsidy.read": "Consultation d'un dossier de subvention", "subsidyFile.created": "Dossier de subvention créé", "subsidyFile.updated": "Dossier de subvention modifié",
    "subsidyFile.submit": "Dossier déposé", "subsidyFile.startReview": "Instruction commencée", "subsidyFile.sendBack": "Dossier renvoyé pour compléments",
    "subsidyFile.approve": "Subvention attribuée", "subsidyFile.reject": "Dossier rejeté", "subsidyFile.sign": "Convention signée", "subsidyFile.close": "Dossier soldé",
    "subsidyFile.milestones": "Dates du dossier modifiées", "subsidyFile.reviewerAssigned": "Relecteur France Travail désigné", "subsidyFile.ftBreach": "Manquement France Travail constaté",
    "budgetLine.created": "Ligne de budget ajoutée", "budgetLine.updated": "Ligne de budget modifiée", "budgetLine.deleted": "Ligne de budget supprimée",
    "budgetLine.actualRecorded": "Dépense réalisée saisie", "tranche.claimed": "Tranche demandée", "payment.recorded": "Versement enregistré",
    "receipt.uploaded": "Justificatif déposé", "receipt.read": "Justificatif consulté", "refundOrder.issued": "Ordre de reversement émis",
    "refundOrder.paid": "Reversement encaissé", "refundOrder.printed": "Ordre de reversement imprimé", "subsidy.openDataExported": "Export des données essentielles (open data)",
  } },
  { label: "Données personnelles (RGPD)", prefix: "rights.", actions: {
    "rights.created": "Demande d'exercice de droits enregistrée", "rights.read": "Consultation d'une demande de droits", "rights.forward": "Demande transmise au responsable",
    "rights.answer": "Réponse à la demande", "rights.reject": "Demande rejetée", "rights.controllerOrder": "Ordre du responsable enregistré",
    "rights.execute": "Ordre du responsable exécuté", "rights.link": "Demande reliée à une personne", "rights.erase": "Effacement de données", "rights.restrict": "Limitation du traitement", "rights.unrestrict": "Fin de la limitation du traitement",
    "breach.created": "Violation de données enregistrée", "breach.updated": "Violation de données modifiée", "breach.read": "Consultation d'une violation",
    "breach.exported": "Export du registre des violations", "register.read": "Consultation du registre des traitements", "register.exported": "Export du registre des traitements",
    "retention.run": "Exécution de la conservation", "retention.dryRun": "Simulation de la conservation", "retention.jobSeeker.archive": "Conservation : fiche demandeur archivée",
    "retention.jobSeeker.destroy": "Conservation : fiche demandeur détruite", "retention.companyContact.destroy": "Conservation : contact d'entreprise détruit",
    "retention.chefDeFile.destroy": "Conservation : chef de file détruit",
    "franceTravail.destroy": "Données d'un projet France Travail détruites", "retention.franceTravail.destroy": "Conservation : données d'un projet France Travail détruites",
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
