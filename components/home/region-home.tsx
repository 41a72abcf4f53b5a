// Homes of the Région referent, finance officer and DPO: what needs attention first (each line a
// link to where it is dealt with), then shortcuts. Server components.
import Link from "next/link";
import { RUN_STATUS_LABELS } from "@/lib/retention/retention-labels";
import { AttentionList } from "@/components/ui/attention-list";
import { ToneText } from "@/components/ui/tone-text";
import { formatDateTime } from "@/lib/format";
import type { DpoHome, FinanceHome, ReferentHome } from "@/lib/home/region-home.service";
import { Card } from "@/components/ui/card";

const PURGE_LABELS: Record<string, string> = {
  "jobSeeker.archive": "demandeurs à archiver", "jobSeeker.destroy": "demandeurs à détruire",
  "companyContact.destroy": "contacts d'entreprise à détruire", "chefDeFile.destroy": "chefs de file à détruire",
};

/** Shortcuts to pages the navigation does not name the same way (no duplicate link names). */
function Shortcuts({ links }: { links: { href: string; label: string }[] }) {
  return (
    <nav aria-label="Raccourcis" className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
      {links.map((l) => <Link key={l.href} href={l.href} className="font-medium text-brand-700 underline">{l.label}</Link>)}
    </nav>
  );
}

export function ReferentHomePanel({ home }: { home: ReferentHome }) {
  return (
    <div className="flex flex-col gap-4" data-testid="referent-home">
      <Shortcuts links={[
        { href: "/bilans", label: "Bilans de toutes les plateformes" },
        { href: "/demandeurs", label: "Mon portefeuille de demandeurs" },
        { href: "/bilans/indicateurs", label: "Définitions des indicateurs" },
      ]} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <AttentionList testId="attention-months" title="Bilans mensuels non clôturés" items={home.monthsToClose}
          empty="Tous les mois échus sont clôturés dans les délais." />
        <AttentionList testId="attention-review" title="Bilans clôturés en attente de votre relecture" items={home.bilansToReview}
          empty="Aucun bilan clôturé n'attend votre relecture." />
        <AttentionList testId="attention-documents" title="Documents dus à la Région en retard" items={home.lateDocuments}
          empty={home.documentsUnavailable
            ? "Aucun jeu de règles « délais » en vigueur : les retards ne peuvent pas être calculés."
            : "Aucun document dû à la Région n'est en retard."} />
        <AttentionList testId="attention-objectives" title={`Objectifs ${home.year} en retard ou à surveiller`} items={home.belowObjectives}
          empty={`Aucun objectif ${home.year} en retard sur ce qui est attendu à date.`} />
      </div>
    </div>
  );
}

export function FinanceHomePanel({ home }: { home: FinanceHome }) {
  return (
    <div className="flex flex-col gap-4" data-testid="finance-home">
      <Shortcuts links={[
        { href: "/financement", label: "Tous les dossiers de subvention" },
        { href: "/financement/echeances", label: "Échéancier" },
      ]} />
      {home.deadlinesUnavailable ? <p className="text-sm"><ToneText tone="warn">Aucun jeu de règles « délais » en vigueur : les échéances ne peuvent pas être calculées.</ToneText></p> : null}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <AttentionList testId="attention-claimable" title="Tranches exigibles" items={home.claimable} empty="Aucune tranche exigible." />
        <AttentionList testId="attention-topay" title="Versements à enregistrer (tranches demandées)" items={home.toPay} empty="Aucune tranche demandée en attente de versement." />
        <AttentionList testId="attention-reports" title="Pièces et comptes rendus en retard ou proches" items={home.lateReports} empty="Aucune pièce en retard ni attendue sous peu." />
        <AttentionList testId="attention-refunds" title="Reversements attendus" items={home.refunds} empty="Aucun ordre de reversement en attente." />
        <AttentionList testId="attention-deminimis" title="Alertes de minimis (dossiers en instruction)" items={home.deMinimis}
          empty="Aucun dossier en instruction ne dépasse le plafond de minimis (aides enregistrées dans le SI)." />
      </div>
    </div>
  );
}

export function DpoHomePanel({ home }: { home: DpoHome }) {
  const r = home.retention;
  const a = home.auditChain;
  const u = home.auditUnsealed;
  return (
    <div className="flex flex-col gap-4" data-testid="dpo-home">
      <Shortcuts links={[
        { href: "/rgpd", label: "Journal d'audit" },
        { href: "/rgpd/demandes", label: "Demandes d'exercice des droits" },
        { href: "/rgpd/conservation", label: "Conservation des données" },
      ]} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <AttentionList testId="attention-rights" title="Demandes de droits, par temps restant" items={home.rights} empty="Aucune demande en cours." />
        <AttentionList testId="attention-breaches" title="Violations de données en cours" items={home.breaches} empty="Aucune violation en cours." />
        <Card as="section" aria-labelledby="retention-title" className="flex flex-col gap-1 text-sm" data-testid="retention-status">
          <h2 id="retention-title" className="text-lg font-semibold">Conservation des données</h2>
          <p>Prochaine exécution planifiée : <strong>{r.nextRunAt ? formatDateTime(r.nextRunAt) : "planning illisible"}</strong></p>
          <p>Dernière exécution : {r.lastRun ? <>{formatDateTime(r.lastRun.at)} — {RUN_STATUS_LABELS[r.lastRun.status as keyof typeof RUN_STATUS_LABELS] ?? r.lastRun.status}</> : "aucune"}</p>
          {r.lastDryRun ? (
            <p>
              Dernière simulation ({formatDateTime(r.lastDryRun.at)}) :{" "}
              {Object.entries(PURGE_LABELS).map(([k, l]) => `${r.lastDryRun!.counts[k] ?? 0} ${l}`).join(", ")}.{" "}
              <Link href={`/rgpd/conservation/${r.lastDryRun.id}`} className="text-brand-700 underline">Voir le rapport</Link>
            </p>
          ) : <p>Aucune simulation. <Link href="/rgpd/conservation" className="text-brand-700 underline">Lancer une simulation</Link></p>}
        </Card>
        <Card as="section" aria-labelledby="chain-title" className="flex flex-col gap-1 text-sm" data-testid="audit-chain-status">
          <h2 id="chain-title" className="text-lg font-semibold">Intégrité du journal d&apos;audit</h2>
          {a ? (
            <p>
              Dernière vérification le {formatDateTime(a.at)} :{" "}
              {a.ok ? (
                <ToneText tone="good">chaîne intègre ({a.checked} entrées)</ToneText>
              ) : a.lateSeal ? (
                <ToneText tone="bad">événement{a.firstBrokenId ? ` n° ${a.firstBrokenId}` : ""} non scellé dans le délai (aucune instance ne scelle le journal ?)</ToneText>
              ) : (
                <ToneText tone="bad">chaîne rompue{a.firstBrokenId ? ` à l'entrée n° ${a.firstBrokenId}` : ""}</ToneText>
              )}
            </p>
          ) : <p><ToneText tone="warn">Jamais vérifiée</ToneText> : la vérification planifiée (chaque nuit) n&apos;a pas encore tourné.</p>}
          {u.count > 0 ? (
            <p data-testid="audit-unsealed">
              <ToneText tone={u.late ? "bad" : "neutral"}>
                {u.count} événement{u.count > 1 ? "s" : ""} en attente de scellement
              </ToneText>
              {u.oldestAt ? <> (le plus ancien du {formatDateTime(u.oldestAt)}{u.late ? ", au-delà du délai accepté" : ""})</> : null}
            </p>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
