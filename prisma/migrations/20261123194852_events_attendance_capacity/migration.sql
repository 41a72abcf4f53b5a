-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('REGISTERED', 'PRESENT', 'EXCUSED', 'ABSENT');

-- AlterTable
ALTER TABLE "CircuitCourtEvent" ADD COLUMN     "capacity" INTEGER;

-- AlterTable
ALTER TABLE "EventChefDeFileParticipation" ADD COLUMN     "attendance" "AttendanceStatus" NOT NULL DEFAULT 'REGISTERED';

-- AlterTable
ALTER TABLE "EventCompanyParticipation" ADD COLUMN     "attendance" "AttendanceStatus" NOT NULL DEFAULT 'REGISTERED';

-- AlterTable
ALTER TABLE "EventJobSeekerParticipation" ADD COLUMN     "attendance" "AttendanceStatus" NOT NULL DEFAULT 'REGISTERED',
ADD COLUMN     "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "waitlisted" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "eventId" UUID;

-- CreateIndex
CREATE INDEX "Proposal_eventId_idx" ON "Proposal"("eventId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CircuitCourtEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: existing participations carry only `attended`; past (held) events get PRESENT / ABSENT.
UPDATE "EventJobSeekerParticipation" p SET "attendance" = CASE WHEN p."attended" THEN 'PRESENT'::"AttendanceStatus" ELSE 'ABSENT'::"AttendanceStatus" END
FROM "CircuitCourtEvent" e WHERE e."id" = p."eventId" AND e."status" = 'HELD';
UPDATE "EventCompanyParticipation" p SET "attendance" = CASE WHEN p."attended" THEN 'PRESENT'::"AttendanceStatus" ELSE 'ABSENT'::"AttendanceStatus" END
FROM "CircuitCourtEvent" e WHERE e."id" = p."eventId" AND e."status" = 'HELD';
UPDATE "EventChefDeFileParticipation" p SET "attendance" = 'PRESENT'::"AttendanceStatus"
FROM "CircuitCourtEvent" e WHERE e."id" = p."eventId" AND e."status" = 'HELD';
