import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/account/auth-card";
import { CharterForm } from "@/components/account/charter-form";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { getCurrentUser, TOTP_ENROL_PATH } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { currentNotice } from "@/lib/notices/notice.service";

export const metadata: Metadata = { title: "Engagement de confidentialité" };
export const dynamic = "force-dynamic";

/** Asked before anything else of every person given an account, again at each new version (annex 1 art. 3.10.1). */
export default async function CharterPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion");
  if (user.mustEnrolTotp) redirect(TOTP_ENROL_PATH);
  if (user.charterAccepted) redirect("/");
  const notice = await currentNotice(db, "CONFIDENTIALITY");
  return (
    <AuthCard title="Engagement de confidentialité" intro={<p>Bonjour {user.firstName}, avant d&apos;accéder au SI Proch&apos;Emploi, lisez et acceptez cet engagement{notice && notice.version > 1 ? " dans sa nouvelle version" : ""}.</p>}>
      <div className="flex flex-col gap-3 text-sm">
        {notice ? (
          <>
            {/* Annex 1 art. 3.10.1: the text in force is data (NoticeText CONFIDENTIALITY), versioned. */}
            {notice.body.split("\n").map((line, i) => <p key={i}>{line}</p>)}
            <p className="text-muted" data-testid="charter-version">Version {notice.version}, en vigueur depuis le {formatDate(notice.validFrom)}.</p>
          </>
        ) : (
          <p>Je m&apos;engage à n&apos;utiliser les données personnelles que pour la mission Proch&apos;Emploi et à en préserver la confidentialité.</p>
        )}
        <CharterForm />
        <div className="border-t border-gray-200 pt-3"><SignOutButton /></div>
      </div>
    </AuthCard>
  );
}
