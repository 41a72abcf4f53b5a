import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { findPurgeRun } from "@/lib/retention/purge-run.query";
import { PEOPLE_ACTION_LABELS, RECORD_ACTION_LABELS, runStatusText } from "@/lib/retention/retention-labels";
import { Notice } from "@/components/ui/card";
import { TableScroll } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Rapport de conservation" };

const ACTION_LABELS = PEOPLE_ACTION_LABELS;

export default async function PurgeRunPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("purge.read");
  const id = z.string().uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const run = await findPurgeRun(db, user, id.data).catch(() => notFound());
  const verb = run.dryRun ? "serait" : "a été";
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href="/rgpd/conservation">Conservation des données</TextLink> › Rapport</p>
      <PageTitle>{run.dryRun ? "Rapport de simulation" : "Rapport d'exécution"}</PageTitle>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-medium">Début</dt><dd>{formatDateTime(run.startedAt)}</dd>
        <dt className="font-medium">Fin</dt><dd>{run.finishedAt ? formatDateTime(run.finishedAt) : "—"}</dd>
        <dt className="font-medium">État</dt><dd>{runStatusText(run)}</dd>
        {run.status === "RUNNING" || run.status === "ABANDONED" ? <><dt className="font-medium">Dernier signe de vie</dt><dd>{run.heartbeatAt ? formatDateTime(run.heartbeatAt) : "—"}</dd></> : null}
        <dt className="font-medium">Lancée par</dt><dd>{run.triggeredBy ?? "—"}</dd>
        <dt className="font-medium">Version des règles</dt><dd>{run.ruleSetVersion ?? "—"}</dd>
      </dl>
      {run.resumedBy ? (
        <Notice role="note">
          Cette exécution s&apos;est arrêtée sans se terminer. Les comptes ci-dessous sont ce qu&apos;elle a réellement fait (relevé dans le journal d&apos;audit) ; le reste a été fait par{" "}
          <TextLink href={`/rgpd/conservation/${run.resumedBy.id}`}>l&apos;exécution du {formatDateTime(run.resumedBy.startedAt)}</TextLink>.
        </Notice>
      ) : null}
      {run.resumes.length > 0 ? (
        <section aria-labelledby="resume-title" className="flex flex-col gap-2">
          <h2 id="resume-title" className="text-lg font-semibold">Reprise d&apos;exécutions abandonnées</h2>
          <p className="text-sm">
            Cette exécution a terminé le travail de{" "}
            {run.resumes.map((p, i) => (
              <span key={p.id}>{i > 0 ? ", " : ""}<TextLink href={`/rgpd/conservation/${p.id}`}>l&apos;exécution du {formatDateTime(p.startedAt)}</TextLink></span>
            ))}
            , arrêtée sans se terminer. Total réel, exécutions abandonnées comprises :
          </p>
          <dl className="grid grid-cols-[1fr_max-content] gap-x-6 gap-y-1 sm:max-w-xl">
            {Object.entries({ ...ACTION_LABELS, ...RECORD_ACTION_LABELS }).map(([k, l]) => (
              <div key={k} className="contents">
                <dt>{l}</dt>
                <dd className="text-right" data-testid={`grand-total-${k}`}>{run.totalCounts[k as keyof typeof run.totalCounts]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {run.dryRun ? <p className="rounded border border-brand-600 bg-brand-50 p-3 text-sm">Simulation : aucune donnée n&apos;a été modifiée. Voici ce qu&apos;une exécution lancée au même moment ferait.</p> : null}
      <TableScroll label={`Ce qui ${verb} fait, par plateforme`}>
      <table className="w-full max-w-3xl border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">Ce qui {verb} fait, par plateforme</caption>
        <thead>
          <tr className="border-b border-gray-400 text-left">
            <th scope="col" className="py-2 pr-4">Plateforme</th>
            {Object.values(ACTION_LABELS).map((l) => <th key={l} scope="col" className="py-2 pr-4 text-right">{l}</th>)}
          </tr>
        </thead>
        <tbody>
          {run.byPlatform.map((p) => (
            <tr key={p.platformId} className="border-b border-gray-200">
              <th scope="row" className="py-2 pr-4 text-left font-normal">{p.platform}</th>
              {Object.keys(ACTION_LABELS).map((k) => <td key={k} className="py-2 pr-4 text-right">{p.counts[k as keyof typeof ACTION_LABELS]}</td>)}
            </tr>
          ))}
          <tr className="font-semibold">
            <th scope="row" className="py-2 pr-4 text-left">Total</th>
            {Object.keys(ACTION_LABELS).map((k) => <td key={k} className="py-2 pr-4 text-right" data-testid={`total-${k}`}>{run.counts[k as keyof typeof ACTION_LABELS]}</td>)}
          </tr>
        </tbody>
      </table>
      </TableScroll>
      <section aria-labelledby="records-title">
        <h2 id="records-title" className="text-lg font-semibold">Autres enregistrements (durées du jeu de règles « conservation »)</h2>
        <dl className="grid grid-cols-[1fr_max-content] gap-x-6 gap-y-1 sm:max-w-xl">
          {Object.entries(RECORD_ACTION_LABELS).map(([k, l]) => (
            <div key={k} className="contents">
              <dt>{l}</dt>
              <dd className="text-right" data-testid={`total-${k}`}>{run.counts[k as keyof typeof RECORD_ACTION_LABELS]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="errors-title">
        <h2 id="errors-title" className="text-lg font-semibold">Erreurs</h2>
        {run.errors.length === 0 ? (
          <p>Aucune erreur.</p>
        ) : (
          <ul className="list-disc pl-6">
            {run.errors.map((e) => <li key={`${e.entityType}-${e.id}`}>{e.entityType} {e.id} : {e.message}</li>)}
          </ul>
        )}
      </section>
    </div>
  );
}
