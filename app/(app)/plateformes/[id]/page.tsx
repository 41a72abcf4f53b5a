import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GovernanceProgressPanel } from "@/components/governance/governance-progress";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { governanceProgressForPlatform } from "@/lib/governance/governance.service";
import { CARRYING_STRUCTURE_LABELS } from "@/lib/platforms/platform.schema";
import { getPlatform, perimeterCommunes } from "@/lib/platforms/platform.service";
import { communeOptionLabel } from "@/lib/reference/reference.query";
import { regionDocumentDeadlines } from "@/lib/subsidy/report-deadline.service";
import { RegionDocuments } from "@/components/platforms/region-documents";
import { TextLink } from "@/components/ui/text-link";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Plateforme" };

const fmt = new Intl.NumberFormat("fr-FR");

export default async function PlatformPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("platform.read");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const p = await getPlatform(db, user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [communes, governance, documents] = await Promise.all([
    perimeterCommunes(db, p.perimeterInseeCodes),
    can(user, "governance.read") ? governanceProgressForPlatform(db, user, p.id) : Promise.resolve(null),
    // Issue 17: the referent's « documents en retard » lead here (dates only, reportDeadline.read).
    // No DEADLINES rule set in force: the section says the due dates cannot be computed.
    regionDocumentDeadlines(db, user, [p.id], new Date()).catch((e: unknown) => {
      if (e instanceof UnprocessableError) return "unavailable" as const;
      throw e;
    }),
  ]);
  const byEpci = new Map<string, typeof communes>();
  for (const c of communes) {
    const key = c.epciName ?? "Sans intercommunalité";
    byEpci.set(key, [...(byEpci.get(key) ?? []), c]);
  }
  const row = (label: string, value: string) => (
    <>
      <dt className="font-medium">{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <div className="flex flex-col gap-6">
      <p><TextLink href="/plateformes">← Plateformes</TextLink></p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>{p.name}</PageTitle>
        {can(user, "platform.write") ? <LinkButton variant="secondary" href={`/plateformes/${p.id}/modifier`}>Modifier</LinkButton> : null}
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Card as="section" aria-labelledby="structure">
          <h2 id="structure" className="mb-2 text-lg font-semibold">Structure porteuse</h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
            {row("Nom", p.carryingStructureName)}
            {row("Forme juridique", CARRYING_STRUCTURE_LABELS[p.carryingStructureType])}
            {row("SIRET", p.carryingStructureSiret ?? "—")}
            {row("Lieu d'accueil", p.hostingPlace ?? "—")}
            {row("Bassin d'emploi", p.employmentZone ?? "—")}
            {row("Coprésident·es", p.coPresidents.join(" ; ") || "—")}
          </dl>
        </Card>
        <Card as="section" aria-labelledby="means">
          <h2 id="means" className="mb-2 text-lg font-semibold">Territoire, moyens et convention</h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
            {row("Population (INSEE)", `${fmt.format(p.population)} habitants`)}
            {row("Communes", fmt.format(p.perimeterInseeCodes.length))}
            {row("Entreprises du territoire", fmt.format(p.companyCount))}
            {row("Équipe (ETP)", fmt.format(p.staffEtp))}
            {row("Convention cadre", `du ${formatDate(p.conventionStartDate)} au ${formatDate(p.conventionEndDate)}`)}
            {row("Notification", formatDate(p.notificationDate))}
          </dl>
        </Card>
      </div>
      {governance ? (
        <section aria-labelledby="governance" className="flex flex-col gap-2" data-testid="platform-governance">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="governance" className="text-lg font-semibold">Gouvernance : réunions de l&apos;année face au nombre requis</h2>
            <Link href="/gouvernance" className="text-sm text-brand-700 underline">Toutes les réunions de gouvernance</Link>
          </div>
          <GovernanceProgressPanel platforms={[governance]} headingLevel={3} />
        </section>
      ) : null}
      {documents ? <RegionDocuments documents={documents === "unavailable" ? [] : documents} unavailable={documents === "unavailable"} /> : null}
      <Card as="section" aria-labelledby="perimeter">
        <h2 id="perimeter" className="mb-2 text-lg font-semibold">Périmètre</h2>
        {[...byEpci.entries()].map(([epci, list]) => (
          <div key={epci} className="mb-3">
            <h3 className="font-medium">{epci} <span className="text-sm font-normal text-muted">({list.length} commune{list.length > 1 ? "s" : ""}, {fmt.format(list.reduce((n, c) => n + c.population, 0))} hab.)</span></h3>
            <p className="text-sm">{list.map((c) => communeOptionLabel(c.name, c.postalCodes[0])).join(", ")}</p>
          </div>
        ))}
      </Card>
    </div>
  );
}
