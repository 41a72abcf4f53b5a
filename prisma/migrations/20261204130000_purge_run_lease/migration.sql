-- Issue 16 §12: a retention run killed midway is found by its expired lease, marked abandoned,
-- and linked to the run that finished its work.
ALTER TYPE "RunStatus" ADD VALUE 'ABANDONED';

ALTER TABLE "PurgeRun" ADD COLUMN "heartbeatAt" TIMESTAMP(3),
ADD COLUMN "leaseExpiresAt" TIMESTAMP(3),
ADD COLUMN "resumedById" UUID;

CREATE INDEX "PurgeRun_status_leaseExpiresAt_idx" ON "PurgeRun"("status", "leaseExpiresAt");
CREATE INDEX "PurgeRun_resumedById_idx" ON "PurgeRun"("resumedById");

ALTER TABLE "PurgeRun" ADD CONSTRAINT "PurgeRun_resumedById_fkey" FOREIGN KEY ("resumedById") REFERENCES "PurgeRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;
