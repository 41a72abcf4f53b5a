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
  processors: { name: string; carryingStructureName: string; carryingStructureType: string }[];
  retention: { version: number; payload: RetentionRules };
  deadlines: { version: number; payload: DeadlinesRules };
  /** Issue 22: the forwarding addresses the conventions name (admin settings); absent = not shown. */
  contacts?: Pick<Settings, "rgpd.prochEmploiContactEmail" | "rgpd.regionDpoEmail" | "rgpd.franceTravailDpoEmail">;
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
      lines: processors.length ? processors.map((p) => `${p.carryingStructureName} (${p.carryingStructureType}) — plateforme ${p.name}`) : ["Aucune plateforme active."],
    },
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
