import type { Metadata } from "next";
import { IntakeForm } from "@/components/intake/intake-form";
import { PublicFrame } from "@/components/intake/public-frame";
import { db } from "@/lib/db";
import { intakeNoticeFacts } from "@/lib/intake/intake-notice.query";
import { registerLoaded } from "@/lib/intake/register-search.service";

export const metadata: Metadata = { title: "Vous recrutez ?" };

/** Public (issue 23): a company leaves a callback request, routed to the platform of its commune. */
export default async function CompanyIntakePage() {
  const [facts, withRegister] = await Promise.all([intakeNoticeFacts(db), registerLoaded(db)]);
  return (
    <PublicFrame title="Vous recrutez ?" numeroVert={facts.numeroVert} intro={<p>Laissez-nous vos coordonnées : la plateforme Proch&apos;Emploi de votre secteur vous rappelle pour comprendre votre besoin et vous présenter des candidats près de chez vous. Service gratuit.</p>}>
      <IntakeForm kind="ENTREPRISE" facts={facts} registerLoaded={withRegister} />
    </PublicFrame>
  );
}
