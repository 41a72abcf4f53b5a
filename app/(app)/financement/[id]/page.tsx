import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { AmountExplanation } from "@/components/subsidy/amount-explanation";
import { AnnualRequestSection } from "@/components/subsidy/annual-request-section";
import { BudgetEditor } from "@/components/subsidy/budget-editor";
import { FileHistory } from "@/components/subsidy/file-history";
import { FileSummary } from "@/components/subsidy/file-summary";
import { FinalBalancePanel } from "@/components/subsidy/final-balance-panel";
import { FinanceFollowupPanel } from "@/components/subsidy/finance-followup-panel";
import { FtBilanPanel } from "@/components/subsidy/ft-bilan-panel";
import { FtIndicatorsEditor } from "@/components/subsidy/ft-indicators-editor";
import { MilestonesPanel } from "@/components/subsidy/milestones-panel";
import { PaymentsPanel } from "@/components/subsidy/payments-panel";
import { ReceiptsPanel } from "@/components/subsidy/receipts-panel";
import { ReviewerForm } from "@/components/subsidy/reviewer-form";
import { WorkflowPanel } from "@/components/subsidy/workflow-panel";
// issue 22 §4 — compte rendu financier / indicateurs
import { ConventionIndicatorsPanel } from "@/components/subsidy/convention-indicators-panel";
import { FinancialReportProductsPanel } from "@/components/subsidy/financial-report-products-panel";
import { QualitativeAnnexPanel } from "@/components/subsidy/qualitative-annex-panel";
import { OBJECTIVE_INDICATORS } from "@/lib/objectives/objective.rules";
import { SectionNav } from "@/components/ui/section-nav";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getFtBilans } from "@/lib/france-travail/ft-bilan.service";
import { listFtIndicators } from "@/lib/france-travail/ft-indicator.service";
import { listReceipts } from "@/lib/subsidy/receipt.service";
import { getSubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { listFranceTravailReviewers } from "@/lib/subsidy/subsidy-reviewer.service";
import { Icon } from "@/components/ui/icons";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Dossier de subvention" };

const FUNDERS = { REGION: "Région Hauts-de-France", FRANCE_TRAVAIL: "France Travail" } as const;

/** One anchored part of the workspace; `scroll-mt` keeps its title clear of the sticky section nav. */
function Part({ id, children }: { id: string; children: ReactNode }) {
  return <div id={id} className="flex scroll-mt-12 flex-col gap-4">{children}</div>;
}

export default async function SubsidyFilePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("subsidy.read");
  const { id } = await params;
  const file = await getSubsidyFileDetail(db, user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const receipts = await listReceipts(db, user, id);
  const reviewers = file.funder === "FRANCE_TRAVAIL" && can(user, "subsidy.review") ? await listFranceTravailReviewers(db) : null;
  const ft = file.funder === "FRANCE_TRAVAIL";
  // France Travail convention art. 5: the porteur's indicators and, once signed, both bilans.
  const ftIndicators = ft ? await listFtIndicators(db, user, id) : [];
  // Both bilans in one read of the file's diagnostics (issue 18).
  const ftBilans = ft && file.signedAt ? await getFtBilans(db, user, id) : null;
  const canWriteFt = can(user, "subsidy.write") && !["CLOSED", "REJECTED", "LAPSED"].includes(file.status);
  // Actions live with their data and only for the role allowed to take them: each panel renders
  // its forms from the file's can* flags (policy), and the workflow panel only the transitions allowed.
  return (
    <div className="flex flex-col gap-4">
      <p><Link href="/financement" className="text-brand-700 underline">← Tous les dossiers</Link></p>
      <h1 className="text-2xl font-bold">
        Dossier {FUNDERS[file.funder]} {file.year} — {file.platform.name}
      </h1>
      <FileSummary file={file} funderName={FUNDERS[file.funder]} />
      <SectionNav label="Parties du dossier" sections={[
        ...(file.annualRequest ? [{ id: "demande", label: "Demande annuelle (art. 5)" }] : []),
        { id: "budget", label: "Budget" },
        { id: "instruction", label: "Instruction" },
        { id: "tranches", label: "Tranches et versements", count: file.tranches.length },
        { id: "echeances", label: "Pièces et échéances" },
        { id: "solde", label: "Compte rendu financier et solde" },
        ...(file.conventionIndicators ? [{ id: "indicateurs", label: "Indicateurs de la convention", count: file.conventionIndicators.length }] : []),
        ...(ft ? [{ id: "bilans-ft", label: "Bilans France Travail" }] : []),
        { id: "justificatifs", label: "Justificatifs", count: receipts.length },
        { id: "historique", label: "Historique", count: file.history.length + file.payments.length },
      ]} />
      {file.annualRequest ? (
        // Issue 22 §4: the Région annual request (convention cadre art. 5) and what it lacks.
        <Part id="demande">
          <AnnualRequestSection fileId={file.id} platformId={file.platform.id} request={file.annualRequest} canReadAnnualReport={can(user, "bilan.read")} />
        </Part>
      ) : null}
      <Part id="budget">
        <AmountExplanation computation={file.computation} title={file.funder === "REGION" ? "Calcul de la subvention Région" : "Calcul de la contribution France Travail"} />
        {file.deMinimis ? (
          <Card as="section" aria-labelledby="deminimis-title" className={file.deMinimis.exceeded ? "border-danger bg-red-50" : undefined} data-testid="de-minimis">
            <h2 id="deminimis-title" className="text-lg font-semibold">
              {file.deMinimis.exceeded ? <Icon name="alert" className="mr-1 inline-block align-[-2px]" /> : null}Contrôle de minimis avant attribution
            </h2>
            <p>{file.deMinimis.message}</p>
          </Card>
        ) : null}
        <BudgetEditor file={file} />
      </Part>
      <Part id="instruction">
        {reviewers ? <ReviewerForm fileId={file.id} version={file.version} reviewerId={file.reviewerId} reviewers={reviewers} /> : null}
        <WorkflowPanel file={file} />
      </Part>
      <Part id="tranches"><PaymentsPanel file={file} /></Part>
      <Part id="echeances"><MilestonesPanel file={file} /></Part>
      <Part id="solde">
        <FinalBalancePanel file={file} />
        {file.financialReport ? (
          <>
            <FinancialReportProductsPanel fileId={file.id} report={file.financialReport} />
            <QualitativeAnnexPanel fileId={file.id} annexes={file.financialReport.annexes} canUpload={can(user, "subsidy.write") && file.status !== "CLOSED"} />
          </>
        ) : null}
        <FinanceFollowupPanel file={file} />
      </Part>
      {file.conventionIndicators ? (
        <Part id="indicateurs">
          <ConventionIndicatorsPanel platformId={file.platform.id} year={file.year} chosen={file.conventionIndicators} canChoose={file.canChooseIndicators} amendments={file.indicatorAmendments}
            catalogue={OBJECTIVE_INDICATORS.map((d) => ({ key: d.key, label: d.label, unit: d.unit, family: d.family }))} />
        </Part>
      ) : null}
      {ft ? (
        <Part id="bilans-ft">
          <FtIndicatorsEditor fileId={file.id} items={ftIndicators} canWrite={canWriteFt} />
          <FtBilanPanel bilans={ftBilans} canWrite={canWriteFt && file.status === "SIGNED"} />
        </Part>
      ) : null}
      <Part id="justificatifs"><ReceiptsPanel file={file} receipts={receipts} canUpload={can(user, "subsidy.write") && file.status !== "CLOSED"} /></Part>
      <Part id="historique"><FileHistory history={file.history} payments={file.payments} status={file.status} /></Part>
    </div>
  );
}
