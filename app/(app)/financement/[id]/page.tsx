import type { Metadata } from "next";
import Link from "next/link";
import { AmountExplanation } from "@/components/subsidy/amount-explanation";
import { BudgetEditor } from "@/components/subsidy/budget-editor";
import { FileHistory } from "@/components/subsidy/file-history";
import { FinalBalancePanel } from "@/components/subsidy/final-balance-panel";
import { FinanceFollowupPanel } from "@/components/subsidy/finance-followup-panel";
import { MilestonesPanel } from "@/components/subsidy/milestones-panel";
import { ReviewerForm } from "@/components/subsidy/reviewer-form";
import { listFranceTravailReviewers } from "@/lib/subsidy/subsidy-reviewer.service";
import { ReceiptsPanel } from "@/components/subsidy/receipts-panel";
import { can } from "@/lib/authz/policy";
import { listReceipts } from "@/lib/subsidy/receipt.service";
import { PaymentsPanel } from "@/components/subsidy/payments-panel";
import { WorkflowPanel } from "@/components/subsidy/workflow-panel";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { notFound } from "next/navigation";
import { getSubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";

export const metadata: Metadata = { title: "Dossier de subvention" };

const FUNDERS = { REGION: "Région Hauts-de-France", FRANCE_TRAVAIL: "France Travail" } as const;

export default async function SubsidyFilePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("subsidy.read");
  const { id } = await params;
  const file = await getSubsidyFileDetail(db, user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const receipts = await listReceipts(db, user, id);
  const reviewers = file.funder === "FRANCE_TRAVAIL" && can(user, "subsidy.review") ? await listFranceTravailReviewers(db) : null;
  return (
    <div className="flex flex-col gap-4">
      <p><Link href="/financement" className="text-brand-700 underline">← Tous les dossiers</Link></p>
      <h1 className="text-2xl font-bold">
        Dossier {FUNDERS[file.funder]} {file.year} — {file.platform.name}
      </h1>
      <p>
        Statut : <strong data-testid="file-status">{file.statusLabel}</strong>
        {file.deliberationNumber ? ` · délibération n° ${file.deliberationNumber} du ${formatDate(file.deliberationDate)}` : ""}
        {file.signedAt ? ` · convention signée le ${formatDate(file.signedAt)}` : ""}
      </p>
      {reviewers ? <ReviewerForm fileId={file.id} version={file.version} reviewerId={file.reviewerId} reviewers={reviewers} /> : null}
      <AmountExplanation computation={file.computation} title={file.funder === "REGION" ? "Calcul de la subvention Région" : "Calcul de la contribution France Travail"} />
      {file.deMinimis ? (
        <section aria-labelledby="deminimis-title" className={`rounded-lg border p-4 ${file.deMinimis.exceeded ? "border-danger bg-red-50" : "border-gray-300 bg-white"}`} data-testid="de-minimis">
          <h2 id="deminimis-title" className="text-lg font-semibold">
            {file.deMinimis.exceeded ? <span aria-hidden="true">⚠ </span> : null}Contrôle de minimis avant attribution
          </h2>
          <p>{file.deMinimis.message}</p>
        </section>
      ) : null}
      <BudgetEditor file={file} />
      <WorkflowPanel file={file} />
      <PaymentsPanel file={file} />
      <MilestonesPanel file={file} />
      <FinalBalancePanel file={file} />
      <FinanceFollowupPanel file={file} />
      <ReceiptsPanel file={file} receipts={receipts} canUpload={can(user, "subsidy.write") && file.status !== "CLOSED"} />
      <FileHistory history={file.history} status={file.status} />
    </div>
  );
}
