// The register of processing activities (RGPD art. 30) as sections of label → lines. Pure: built
// from REGISTER_CONFIG, the platforms (processors) and the rule sets in force, passed in.
import { REGISTER_CONFIG } from "@/lib/rights/register.config";
import type { DeadlinesRules, RetentionRules } from "@/lib/rules/rule-set.schema";
import type { Settings } from "@/lib/settings/settings.config";

export interface RegisterSection {
  key: string;
  title: string;
  lines: string[];
}

export interface RegisterInput {
  processors: { name: string; carryingStructureName: string; carryingStructureType: string; dpoContact?: string | null }[];
  retention: { version: number; payload: RetentionRules };
  deadlines: { version: number; payload: DeadlinesRules };
  /** Issue 22: the forwarding addresses the conventions name (admin settings); absent = not shown. */
  contacts?: Pick<Settings, "rgpd.prochEmploiContactEmail" | "rgpd.regionDpoEmail" | "rgpd.franceTravailDpoEmail"> &
    Partial<Pick<Settings, "rgpd.subProcessorHosting" | "rgpd.subProcessorEmail" | "rgpd.subProcessorStorage">>;
}

export function buildRegister({ processors, retention, deadlines, contacts }: RegisterInput): RegisterSection[] {
  const c = REGISTER_CONFIG;
  const r = retention.payload;
  const d = deadlines.payload;
  return [
    { key: "processing", title: "Traitement", lines: [c.processing, `Base légale : ${c.legalBasis}`] },
    {
      key: "controller", title: "Responsable de traitement",
      lines: [`${c.controller.name}, ${c.controller.address}`, `Contact : ${c.controller.dpo}${contacts ? ` — ${contacts["rgpd.regionDpoEmail"]} (convention cadre, annexe 1, art. 5)` : ""}`],
    },
    {
      key: "processors",
      title: "Sous-traitants (structures porteuses des plateformes)",
      // Issue 22 §7: each processor's DPO (annex 1: named within 15 days of the notification).
      lines: processors.length
        ? processors.map((p) => `${p.carryingStructureName} (${p.carryingStructureType}) — plateforme ${p.name}${p.dpoContact !== undefined ? ` — DPO : ${p.dpoContact ?? "non désigné (à désigner sous 15 jours après la notification)"}` : ""}`)
        : ["Aucune plateforme active."],
    },
    ...(contacts?.["rgpd.subProcessorHosting"]
      ? [{
          // Annex 1 art. 3.2 (sous-traitance ultérieure): identity, contact details, dates of the contract.
          key: "subProcessors", title: "Sous-traitants ultérieurs (annexe 1, art. 3.2)",
          lines: [contacts["rgpd.subProcessorHosting"], contacts["rgpd.subProcessorEmail"] ?? "", contacts["rgpd.subProcessorStorage"] ?? ""].filter(Boolean),
        }]
      : []),
    { key: "purposes", title: "Finalités", lines: [...c.purposes] },
    { key: "dataCategories", title: "Catégories de données", lines: [...c.dataCategories] },
    { key: "peopleCategories", title: "Catégories de personnes concernées", lines: [...c.peopleCategories] },
    { key: "recipients", title: "Destinataires", lines: [...c.recipients] },
    { key: "transfers", title: "Transferts hors de l'Union européenne", lines: [c.transfersOutsideEu] },
    {
      key: "retention",
      title: `Durées de conservation (jeu de règles « conservation » version ${retention.version})`,
      lines: [
        `Demandeurs d'emploi : base active jusqu'à ${r.jobSeekerArchiveMonths} mois après le dernier contact, puis archive intermédiaire à accès restreint`,
        `Demandeurs d'emploi : destruction ${r.jobSeekerDestroyMonths} mois après le dernier contact (les chiffres mensuels clos sont conservés sous forme anonyme)`,
        `Contacts d'entreprise : destruction ${r.companyContactDestroyMonths} mois après le dernier contact avec l'entreprise`,
        `Chefs de file métiers : destruction ${r.companyContactDestroyMonths} mois après le dernier contact (même durée que les contacts d'entreprise)`,
        `Information des plateformes ${r.preArchiveNoticeDays} jours avant l'archivage`,
        `Projets financés par France Travail : données du projet détruites au plus tard ${r.franceTravailDestroyMonthsAfterEnd} mois après l'échéance de la convention (convention France Travail, art. 11)`,
        `Demandes de rappel déposées en ligne, ni enregistrées ni écartées par la plateforme : données effacées ${r.intakeRequestMonths} mois après l'envoi (dès l'enregistrement ou l'écart sinon)`,
        // Issue 22 §5–6: periods proposed to the DPO (no figure in the conventions; annex 1 art. 3.1 point 3).
        `Demandes d'exercice des droits closes : identité, coordonnées et texte effacés ${r.closedRightsRequestMonths} mois après la réponse (la demande reste comme preuve : type, dates, état) — durée proposée au DPO`,
        `Violations closes : texte libre (nature, contact, conséquences, mesures) effacé ${r.breachRecordMonths} mois après la clôture ; catégories, nombres et dates conservés — durée proposée au DPO`,
        `Journal d'audit (adresses IP, motifs saisis) : événements supprimés ${r.auditEventMonths} mois après leur écriture, la chaîne restant vérifiable depuis un point d'ancrage — durée proposée au DPO`,
        `Justificatifs (bulletins de salaire, notes de frais, factures) : supprimés ${r.receiptMonthsAfterYearEnd} mois après le 31 décembre de l'année du dossier — durée proposée au DPO`,
        `Notes libres sur les entreprises (elles peuvent nommer des personnes) : effacées ${r.companyNoteMonths} mois après la note`,
        `Entrepreneurs individuels (le nom de l'entreprise est celui d'une personne) : nom et adresse effacés ${r.soleTraderMonths} mois après le dernier contact`,
        `Historique des rectifications d'un demandeur d'emploi : valeurs antérieures supprimées ${r.rectificationHistoryMonths} mois après la modification`,
      ],
    },
    {
      key: "rights",
      title: `Droits des personnes et violations (jeu de règles « délais » version ${deadlines.version})`,
      lines: [
        `Demande reçue par une plateforme transmise au responsable de traitement sous ${d.rightsRequestForwardHours} heures`,
        `Réponse à la personne sous ${d.rightsRequestAnswerDays} jours`,
        `Ordre du responsable (effacement, rectification) exécuté sous ${d.controllerOrderDays} jours calendaires`,
        `Violation de données notifiée au responsable sous ${d.breachNotifyHours} heures`,
        `Requête d'une autorité administrative ou judiciaire : responsable informé sous ${d.authorityRequestInformHours} heures (annexe 1, art. 3.5)`,
        ...(contacts ? [`Transmission par courriel à l'enregistrement par la plateforme : ${contacts["rgpd.prochEmploiContactEmail"]} et ${contacts["rgpd.regionDpoEmail"]} (annexe 1, art. 3.4 et 3.7)`] : []),
      ],
    },
    {
      key: "franceTravail",
      title: "Retour mensuel à France Travail (traitement dont France Travail est responsable)",
      lines: [
        "Pour les projets mobilité financés par France Travail, la plateforme est sous-traitante de France Travail pour le retour mensuel d'informations (convention France Travail, art. 7 et 11, annexe 1)",
        "Données transmises : nom et prénom, identifiant du demandeur d'emploi, diagnostic, accompagnement, solution préconisée (annexe 1 §5) ; personnes détruites ou dont le traitement est limité exclues",
        `Demandes et violations concernant ces données transmises au délégué à la protection des données de France Travail sous ${d.franceTravailNotifyHours} heures${contacts ? ` : ${contacts["rgpd.franceTravailDpoEmail"]}` : ""} (annexe 1, 2.7 et 2.8)`,
      ],
    },
    { key: "security", title: "Mesures de sécurité", lines: [...c.securityMeasures] },
  ];
}
