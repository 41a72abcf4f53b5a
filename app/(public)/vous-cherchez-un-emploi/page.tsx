import type { Metadata } from "next";
import { IntakeForm } from "@/components/intake/intake-form";
import { PublicFrame } from "@/components/intake/public-frame";
import { db } from "@/lib/db";
import { intakeNoticeFacts } from "@/lib/intake/intake-notice.query";

export const metadata: Metadata = { title: "Vous cherchez un emploi ?" };

/** Public (issue 23): a person asks to be called back by the platform of their commune. */
export default async function PersonIntakePage() {
  const facts = await intakeNoticeFacts(db);
  return (
    <PublicFrame title="Vous cherchez un emploi ?" numeroVert={facts.numeroVert} intro={<p>Laissez-nous vos coordonnées : un conseiller de la plateforme Proch&apos;Emploi de votre secteur vous rappelle pour vous aider à trouver un emploi près de chez vous. Service gratuit.</p>}>
      <IntakeForm kind="PERSONNE" facts={facts} />
    </PublicFrame>
  );
}
