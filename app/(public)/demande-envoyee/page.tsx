import type { Metadata } from "next";
import { PublicFrame } from "@/components/intake/public-frame";
import { db } from "@/lib/db";
import { getSettings } from "@/lib/settings/settings.service";

export const metadata: Metadata = { title: "Demande envoyée" };

/** Public acknowledgement (issue 23): the same for every request, it reveals nothing stored. */
export default async function IntakeSentPage() {
  const numeroVert = (await getSettings(db))["intake.numeroVert"];
  return (
    <PublicFrame title="Demande envoyée" numeroVert={numeroVert} intro={<p>Merci.</p>}>
      <div role="status" className="flex flex-col gap-2" data-testid="intake-ack">
        <p>Votre demande de rappel est bien reçue. Un membre de l&apos;équipe Proch&apos;Emploi vous rappellera dans les prochains jours ouvrés.</p>
        <p>Si vous avez donné une adresse e-mail, un accusé de réception vient d&apos;y être envoyé.</p>
      </div>
    </PublicFrame>
  );
}
