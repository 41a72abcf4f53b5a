// The register of processing activities (RGPD art. 30) as sections of label → lines. Pure: built
// from REGISTER_CONFIG, the platforms (processors) and the rule sets in force, passed in.
import { REGISTER_CONFIG } from "@/lib/rights/register.config";
import type { DeadlinesRules, RetentionRules } from "@/lib/rules/rule-set.schema";

export interface RegisterSection {
  key: string;
  title: string;
  lines: string[];
}

export interface RegisterInput {
  processors: { name: string; carryingStructureName: string; carryingStructureType: string }[];
  retention: { version: number; payload: RetentionRules };
  deadlines: { version: number; payload: DeadlinesRules };
}

export function buildRegister({ processors, retention, deadlines }: RegisterInput): RegisterSection[] {
  const c = REGISTER_CONFIG;
  const r = retention.payload;
  const d = deadlines.payload;
  return [
    { key: "processing", title: "Traitement", lines: [c.processing, `Base légale : ${c.legalBasis}`] },
    { key: "controller", title: "Responsable de traitement", lines: [`${c.controller.name}, ${c.controller.address}`, `Contact : ${c.controller.dpo}`] },
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
      ],
    },
    { key: "security", title: "Mesures de sécurité", lines: [...c.securityMeasures] },
  ];
}
