-- CreateIndex
CREATE INDEX "Proposal_proposedAt_idx" ON "Proposal"("proposedAt");
