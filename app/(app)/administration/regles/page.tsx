import type { Metadata } from "next";
import { RuleSetFieldEditor } from "@/components/rules/rule-set-field-editor";
import { RuleSetVersionForm } from "@/components/rules/rule-set-version-form";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/format";
import { RULE_SET_KIND_LABELS, RULE_SET_KINDS } from "@/lib/rules/rule-set-admin.schema";
import { listRuleSets } from "@/lib/rules/rule-set.service";
import { TableScroll } from "@/components/ui/table";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Jeux de règles" };

export default async function RuleSetsPage() {
  const user = await requirePageUser("ruleSet.read");
  const all = await listRuleSets(db, user);
  const editable = can(user, "ruleSet.write");
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Jeux de règles</PageTitle>
      <p className="text-muted">
        Taux, plafonds, tranches, délais et durées de conservation. Une version n&apos;est jamais modifiée : on en crée une nouvelle,
        la précédente se termine la veille, et le changement est journalisé.
      </p>
      {RULE_SET_KINDS.map((kind) => {
        const versions = all.filter((r) => r.kind === kind);
        return (
          <Card as="section" key={kind} aria-labelledby={`kind-${kind}`} className="flex flex-col gap-3">
            <h2 id={`kind-${kind}`} className="text-lg font-semibold">{RULE_SET_KIND_LABELS[kind]}</h2>
            {versions.length === 0 ? <p className="text-sm text-muted">Aucune version.</p> : (
              <TableScroll label={`Versions : ${RULE_SET_KIND_LABELS[kind]}`}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Versions : {RULE_SET_KIND_LABELS[kind]}</caption>
                <thead className="bg-gray-100">
                  <tr>
                    <th scope="col" className="p-2">Version</th>
                    <th scope="col" className="p-2">Du</th>
                    <th scope="col" className="p-2">Au</th>
                    <th scope="col" className="p-2">Motif</th>
                    <th scope="col" className="p-2">Créée le</th>
                    <th scope="col" className="p-2">Contenu</th>
                  </tr>
                </thead>
                <tbody>
                  {versions.map((v) => (
                    <tr key={v.id} className="border-t border-gray-200 align-top">
                      <td className="p-2">{v.version}</td>
                      <td className="p-2">{formatDate(v.validFrom)}</td>
                      <td className="p-2">{v.validTo ? formatDate(v.validTo) : "en cours"}</td>
                      <td className="p-2">{v.note ?? "—"}</td>
                      <td className="p-2">{formatDateTime(v.createdAt)}</td>
                      <td className="p-2">
                        <details>
                          <summary className="cursor-pointer text-brand-700 underline">Voir<span className="sr-only"> la version {v.version}</span></summary>
                          <pre className="mt-2 max-w-xl overflow-x-auto text-xs">{JSON.stringify(v.payload, null, 2)}</pre>
                        </details>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </TableScroll>
            )}
            {editable ? (
              <details>
                <summary className="cursor-pointer font-semibold text-brand-700">Créer une nouvelle version<span className="sr-only"> : {RULE_SET_KIND_LABELS[kind]}</span></summary>
                <div className="mt-3 flex flex-col gap-4">
                  <RuleSetFieldEditor kind={kind} label={RULE_SET_KIND_LABELS[kind]} baseId={versions[0]?.id ?? null} payload={versions[0]?.payload ?? null} />
                  <details>
                    <summary className="cursor-pointer text-sm text-brand-700 underline">Édition avancée (JSON)</summary>
                    <div className="mt-3">
                      <RuleSetVersionForm kind={kind} label={RULE_SET_KIND_LABELS[kind]} baseId={versions[0]?.id ?? null} payload={versions[0]?.payload ?? {}} />
                    </div>
                  </details>
                </div>
              </details>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}
