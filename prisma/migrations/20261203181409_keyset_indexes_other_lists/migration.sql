-- Issue 18: keyset pagination of the other region-wide lists (companies, job seekers, visits,
-- proposals, audit events). Each order (sort column(s), then id) is served by an index for one platform
-- and for the whole Région; the former indexes without the id are their prefixes and go.

-- DropIndex
DROP INDEX "AuditEvent_at_idx";

-- DropIndex
DROP INDEX "Company_platformId_lastContactAt_idx";

-- DropIndex
DROP INDEX "Company_platformId_name_idx";

-- DropIndex
DROP INDEX "JobSeeker_lifecycle_lastContactAt_idx";

-- DropIndex
DROP INDEX "JobSeeker_platformId_lifecycle_lastContactAt_idx";

-- DropIndex
DROP INDEX "JobSeeker_platformId_lifecycle_lastName_idx";

-- DropIndex
DROP INDEX "Proposal_proposedAt_idx";

-- DropIndex
DROP INDEX "Visit_platformId_date_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_at_id_idx" ON "AuditEvent"("at", "id");

-- CreateIndex
CREATE INDEX "Company_platformId_name_id_idx" ON "Company"("platformId", "name", "id");

-- CreateIndex
CREATE INDEX "Company_name_id_idx" ON "Company"("name", "id");

-- CreateIndex
CREATE INDEX "Company_platformId_lastContactAt_id_idx" ON "Company"("platformId", "lastContactAt", "id");

-- CreateIndex
CREATE INDEX "Company_lastContactAt_id_idx" ON "Company"("lastContactAt", "id");

-- CreateIndex
CREATE INDEX "Company_platformId_city_id_idx" ON "Company"("platformId", "city", "id");

-- CreateIndex
CREATE INDEX "Company_city_id_idx" ON "Company"("city", "id");

-- CreateIndex
CREATE INDEX "JobSeeker_platformId_lifecycle_lastNameKey_firstNameKey_id_idx" ON "JobSeeker"("platformId", "lifecycle", "lastNameKey", "firstNameKey", "id");

-- CreateIndex
CREATE INDEX "JobSeeker_lifecycle_lastNameKey_firstNameKey_id_idx" ON "JobSeeker"("lifecycle", "lastNameKey", "firstNameKey", "id");

-- CreateIndex
CREATE INDEX "JobSeeker_platformId_lifecycle_createdAt_id_idx" ON "JobSeeker"("platformId", "lifecycle", "createdAt", "id");

-- CreateIndex
CREATE INDEX "JobSeeker_lifecycle_createdAt_id_idx" ON "JobSeeker"("lifecycle", "createdAt", "id");

-- CreateIndex
CREATE INDEX "JobSeeker_platformId_lifecycle_lastContactAt_id_idx" ON "JobSeeker"("platformId", "lifecycle", "lastContactAt", "id");

-- CreateIndex
CREATE INDEX "JobSeeker_lifecycle_lastContactAt_id_idx" ON "JobSeeker"("lifecycle", "lastContactAt", "id");

-- CreateIndex
CREATE INDEX "Proposal_proposedAt_id_idx" ON "Proposal"("proposedAt", "id");

-- CreateIndex
CREATE INDEX "Proposal_platformId_proposedAt_id_idx" ON "Proposal"("platformId", "proposedAt", "id");

-- CreateIndex
CREATE INDEX "Visit_platformId_date_id_idx" ON "Visit"("platformId", "date", "id");

-- CreateIndex
CREATE INDEX "Visit_date_id_idx" ON "Visit"("date", "id");
