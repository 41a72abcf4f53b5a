-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PLATFORM_ASSISTANT', 'PLATFORM_MANAGER', 'REGION_REFERENT', 'REGION_FINANCE', 'FRANCE_TRAVAIL_REVIEWER', 'DPO', 'ADMIN');

-- CreateEnum
CREATE TYPE "Lifecycle" AS ENUM ('ACTIVE', 'ARCHIVED', 'DESTROYED');

-- CreateEnum
CREATE TYPE "CarryingStructureType" AS ENUM ('EPCI', 'ASSOCIATION', 'GIP', 'CHAMBRE_CONSULAIRE', 'AUTRE');

-- CreateEnum
CREATE TYPE "HeadcountBand" AS ENUM ('H0', 'H1_9', 'H10_49', 'H50_249', 'H250_999', 'H1000_PLUS');

-- CreateEnum
CREATE TYPE "CallbackStatus" AS ENUM ('A_RAPPELER', 'JOINT', 'BESOIN_QUALIFIE', 'INJOIGNABLE');

-- CreateEnum
CREATE TYPE "NeedKind" AS ENUM ('RECRUTEMENT', 'FORMATION', 'GPEC', 'AUTRE');

-- CreateEnum
CREATE TYPE "InteractionKind" AS ENUM ('APPEL', 'EMAIL', 'RENCONTRE', 'NOTE');

-- CreateEnum
CREATE TYPE "ContractType" AS ENUM ('CDI', 'CDD', 'ALTERNANCE', 'APPRENTISSAGE', 'INTERIM', 'CONTRAT_AIDE', 'AUTRE');

-- CreateEnum
CREATE TYPE "WorkingTime" AS ENUM ('TEMPS_PLEIN', 'TEMPS_PARTIEL');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('DRAFT', 'OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "OfferSource" AS ENUM ('VISITE', 'NUMERO_VERT', 'EVENEMENT', 'CHEF_DE_FILE', 'SPONTANEE', 'AUTRE');

-- CreateEnum
CREATE TYPE "Civilite" AS ENUM ('MADAME', 'MONSIEUR');

-- CreateEnum
CREATE TYPE "TransportMode" AS ENUM ('VOITURE', 'DEUX_ROUES', 'TRANSPORTS_EN_COMMUN', 'VELO', 'MARCHE', 'COVOITURAGE', 'AUCUN');

-- CreateEnum
CREATE TYPE "MobilityScope" AS ENUM ('COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION');

-- CreateEnum
CREATE TYPE "SupportNeed" AS ENUM ('LOGEMENT', 'GARDE_ENFANTS', 'FINANCIER', 'AUTRE');

-- CreateEnum
CREATE TYPE "EmploymentSituation" AS ENUM ('SALARIE', 'ARTISAN', 'COMMERCANT', 'AUTO_ENTREPRENEUR', 'AUTRE');

-- CreateEnum
CREATE TYPE "JobSeekerOrigin" AS ENUM ('NUMERO_VERT', 'CIRCUIT_COURT', 'OFFRE', 'PARTENAIRE', 'SPONTANE', 'AUTRE');

-- CreateEnum
CREATE TYPE "InformationChannel" AS ENUM ('EN_PERSONNE', 'TELEPHONE', 'EMAIL', 'COURRIER');

-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('JOB', 'TRAINING', 'ACCOMPANIMENT');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'REFUSED', 'INTERVIEW', 'HIRED', 'NOT_RETAINED');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('CIRCUIT_COURT', 'JOB_DATING', 'FORUM', 'AUTRE');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "GovernanceKind" AS ENUM ('COPRESIDENCE', 'POLE_DIRIGEANT', 'COMITE_TECHNIQUE');

-- CreateEnum
CREATE TYPE "Funder" AS ENUM ('REGION', 'FRANCE_TRAVAIL');

-- CreateEnum
CREATE TYPE "SubsidyStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'AWARDED', 'REJECTED', 'CLOSED', 'LAPSED');

-- CreateEnum
CREATE TYPE "TrancheStatus" AS ENUM ('PLANNED', 'DUE', 'REQUESTED', 'PAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RuleSetKind" AS ENUM ('REGION_FRAMEWORK', 'FRANCE_TRAVAIL', 'DEADLINES', 'RETENTION', 'OPERATIONS');

-- CreateEnum
CREATE TYPE "RightsRequestKind" AS ENUM ('ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'OBJECTION', 'PORTABILITY');

-- CreateEnum
CREATE TYPE "RightsRequestStatus" AS ENUM ('RECEIVED', 'FORWARDED', 'IN_PROGRESS', 'ANSWERED', 'REJECTED');

-- CreateEnum
CREATE TYPE "BreachStatus" AS ENUM ('DETECTED', 'NOTIFIED', 'CLOSED');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "UserTokenKind" AS ENUM ('INVITATION', 'PASSWORD_RESET');

-- CreateTable
CREATE TABLE "Commune" (
    "inseeCode" VARCHAR(5) NOT NULL,
    "name" TEXT NOT NULL,
    "postalCodes" TEXT[],
    "epciCode" VARCHAR(9),
    "epciName" TEXT,
    "departmentCode" VARCHAR(3) NOT NULL,
    "population" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("inseeCode")
);

-- CreateTable
CREATE TABLE "Platform" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "carryingStructureName" TEXT NOT NULL,
    "carryingStructureType" "CarryingStructureType" NOT NULL,
    "carryingStructureSiret" CHAR(14),
    "hostingPlace" TEXT,
    "employmentZone" TEXT,
    "perimeterInseeCodes" TEXT[],
    "population" INTEGER NOT NULL DEFAULT 0,
    "companyCount" INTEGER NOT NULL DEFAULT 0,
    "staffEtp" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "conventionStartDate" DATE,
    "conventionEndDate" DATE,
    "notificationDate" DATE,
    "coPresidents" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Platform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL,
    "allPlatforms" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "charterAcceptedAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "passwordChangedAt" TIMESTAMP(3),
    "sessionsRevokedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformMembership" (
    "userId" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformMembership_pkey" PRIMARY KEY ("userId","platformId")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "UserTokenKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT,
    "dueAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Company" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "siret" CHAR(14) NOT NULL,
    "siren" CHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "nafCode" VARCHAR(6),
    "sector" TEXT,
    "headcountBand" "HeadcountBand",
    "addressLine" TEXT,
    "postalCode" VARCHAR(5),
    "city" TEXT,
    "inseeCode" VARCHAR(5),
    "viaNumeroVert" BOOLEAN NOT NULL DEFAULT false,
    "numeroVertCallDate" TIMESTAMP(3),
    "lastContactAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompanyContact" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "lastName" TEXT,
    "firstName" TEXT,
    "jobTitle" TEXT,
    "proAddress" TEXT,
    "proEmail" TEXT,
    "proPhone" TEXT,
    "lifecycle" "Lifecycle" NOT NULL DEFAULT 'ACTIVE',
    "lastContactAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "destroyedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompanyContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NumeroVertCallback" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "CallbackStatus" NOT NULL DEFAULT 'A_RAPPELER',
    "attemptCount" INTEGER NOT NULL DEFAULT 0,
    "qualifiedNeed" TEXT,
    "assignedToId" UUID,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NumeroVertCallback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallbackAttempt" (
    "id" UUID NOT NULL,
    "callbackId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "byId" UUID,
    "outcome" "CallbackStatus" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallbackAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "purpose" TEXT NOT NULL,
    "partnersPresent" TEXT[],
    "needs" "NeedKind"[],
    "outcome" TEXT,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitStaff" (
    "visitId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "VisitStaff_pkey" PRIMARY KEY ("visitId","userId")
);

-- CreateTable
CREATE TABLE "FollowUpAction" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "visitId" UUID,
    "label" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    "assignedToId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompanyInteraction" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "kind" "InteractionKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "authorId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompanyInteraction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobOffer" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "visitId" UUID,
    "eventId" UUID,
    "title" TEXT NOT NULL,
    "romeCode" VARCHAR(5),
    "contractType" "ContractType" NOT NULL,
    "contractDurationMonths" INTEGER,
    "workingTime" "WorkingTime" NOT NULL DEFAULT 'TEMPS_PLEIN',
    "weeklyHours" INTEGER,
    "placeInseeCode" VARCHAR(5),
    "placeLabel" TEXT,
    "positions" INTEGER NOT NULL DEFAULT 1,
    "positionsFilled" INTEGER NOT NULL DEFAULT 0,
    "hiddenMarket" BOOLEAN NOT NULL DEFAULT false,
    "inTension" BOOLEAN NOT NULL DEFAULT false,
    "source" "OfferSource" NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'OPEN',
    "description" TEXT,
    "applicationsReceived" INTEGER NOT NULL DEFAULT 0,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "filledAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobSeeker" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "civilite" "Civilite",
    "lastName" TEXT,
    "firstName" TEXT,
    "birthDate" DATE,
    "addressLine" TEXT,
    "postalCode" VARCHAR(5),
    "city" TEXT,
    "inseeCode" VARCHAR(5),
    "phone" TEXT,
    "email" TEXT,
    "franceTravailId" TEXT,
    "transportModes" "TransportMode"[],
    "maxTravelMinutes" INTEGER,
    "mobilityScope" "MobilityScope",
    "mobilityCodes" TEXT[],
    "supportNeeds" "SupportNeed"[],
    "supportNeedsOther" TEXT,
    "lastClassAttended" TEXT,
    "diplomasObtained" TEXT,
    "diplomasInProgress" TEXT,
    "trainingType" TEXT,
    "trainingStartDate" DATE,
    "employmentSituation" "EmploymentSituation",
    "inActivity" BOOLEAN,
    "monthsWithoutEmployment" INTEGER,
    "contractType" "ContractType",
    "wantsChange" BOOLEAN,
    "situationDuringFollowUp" TEXT,
    "desiredRomeCodes" TEXT[],
    "desiredJobLabel" TEXT,
    "experiences" TEXT,
    "skillLanguages" TEXT,
    "skillCertifications" TEXT,
    "skillProfessionalLicences" TEXT,
    "skillIt" TEXT,
    "csp" BOOLEAN,
    "rsa" BOOLEAN,
    "rqth" BOOLEAN,
    "indemnise" BOOLEAN,
    "strengthsAndObstacles" TEXT,
    "origin" "JobSeekerOrigin" NOT NULL,
    "referentId" UUID,
    "informedAt" TIMESTAMP(3),
    "informedChannel" "InformationChannel",
    "lifecycle" "Lifecycle" NOT NULL DEFAULT 'ACTIVE',
    "lastContactAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "destroyedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobSeeker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobSeekerInteraction" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "kind" "InteractionKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "summary" TEXT,
    "authorId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobSeekerInteraction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "offerId" UUID,
    "label" TEXT,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "statusChangedAt" TIMESTAMP(3) NOT NULL,
    "refusalReason" TEXT,
    "refusalComment" TEXT,
    "interviewAt" TIMESTAMP(3),
    "hiredAt" TIMESTAMP(3),
    "hireContractType" "ContractType",
    "notRetainedReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MobilityDiagnostic" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "subsidyFileId" UUID,
    "date" DATE NOT NULL,
    "diagnosticDone" BOOLEAN NOT NULL DEFAULT false,
    "accompanimentDone" BOOLEAN NOT NULL DEFAULT false,
    "accompanimentDurationDays" INTEGER,
    "solutionRecommended" BOOLEAN NOT NULL DEFAULT false,
    "solutionType" TEXT,
    "orientationMaterialFinancial" BOOLEAN NOT NULL DEFAULT false,
    "distanceBeforeKm" INTEGER,
    "distanceAfterKm" INTEGER,
    "satisfaction" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MobilityDiagnostic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CircuitCourtEvent" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "kind" "EventKind" NOT NULL DEFAULT 'CIRCUIT_COURT',
    "title" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "theme" TEXT,
    "sector" TEXT,
    "organiser" TEXT,
    "status" "EventStatus" NOT NULL DEFAULT 'PLANNED',
    "outcomes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CircuitCourtEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventCompanyParticipation" (
    "eventId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "attended" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "EventCompanyParticipation_pkey" PRIMARY KEY ("eventId","companyId")
);

-- CreateTable
CREATE TABLE "EventJobSeekerParticipation" (
    "eventId" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "attended" BOOLEAN NOT NULL DEFAULT true,
    "young" BOOLEAN NOT NULL DEFAULT false,
    "outcome" TEXT,

    CONSTRAINT "EventJobSeekerParticipation_pkey" PRIMARY KEY ("eventId","jobSeekerId")
);

-- CreateTable
CREATE TABLE "EventChefDeFileParticipation" (
    "eventId" UUID NOT NULL,
    "chefDeFileId" UUID NOT NULL,

    CONSTRAINT "EventChefDeFileParticipation_pkey" PRIMARY KEY ("eventId","chefDeFileId")
);

-- CreateTable
CREATE TABLE "ChefDeFile" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "companyId" UUID,
    "lastName" TEXT,
    "firstName" TEXT,
    "jobTitle" TEXT,
    "proEmail" TEXT,
    "proPhone" TEXT,
    "sector" TEXT NOT NULL,
    "commitments" TEXT,
    "since" DATE,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lifecycle" "Lifecycle" NOT NULL DEFAULT 'ACTIVE',
    "lastContactAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "destroyedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChefDeFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GovernanceMeeting" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "kind" "GovernanceKind" NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "attendees" TEXT[],
    "decisions" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GovernanceMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubsidyFile" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "funder" "Funder" NOT NULL,
    "status" "SubsidyStatus" NOT NULL DEFAULT 'DRAFT',
    "ruleSetId" UUID,
    "staffEtp" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "requestedCents" BIGINT NOT NULL DEFAULT 0,
    "territoryCofundingCents" BIGINT NOT NULL DEFAULT 0,
    "otherCofundingCents" BIGINT NOT NULL DEFAULT 0,
    "awardedCents" BIGINT,
    "signedAt" DATE,
    "notifiedAt" DATE,
    "startAttestationAt" DATE,
    "intermediateReportAt" DATE,
    "finalReportAt" DATE,
    "finalReviewMeetingAt" DATE,
    "fiscalYearEnd" DATE,
    "financialReportReceivedAt" DATE,
    "teamRecruitedAt" DATE,
    "withholdingCents" BIGINT NOT NULL DEFAULT 0,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubsidyFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" UUID NOT NULL,
    "subsidyFileId" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "forecastCents" BIGINT NOT NULL DEFAULT 0,
    "actualCents" BIGINT,
    "gapExplanation" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tranche" (
    "id" UUID NOT NULL,
    "subsidyFileId" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "shareBp" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "condition" TEXT,
    "dueAt" DATE,
    "status" "TrancheStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tranche_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "subsidyFileId" UUID NOT NULL,
    "trancheId" UUID,
    "amountCents" BIGINT NOT NULL,
    "paidAt" DATE NOT NULL,
    "reference" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSet" (
    "id" UUID NOT NULL,
    "kind" "RuleSetKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "payload" JSONB NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "platformId" UUID,
    "reason" TEXT,
    "metadata" JSONB,
    "ip" TEXT,
    "requestId" TEXT,
    "prevHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RightsRequest" (
    "id" UUID NOT NULL,
    "platformId" UUID,
    "jobSeekerId" UUID,
    "kind" "RightsRequestKind" NOT NULL,
    "status" "RightsRequestStatus" NOT NULL DEFAULT 'RECEIVED',
    "requesterName" TEXT,
    "details" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "forwardedAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "response" TEXT,
    "lifecycle" "Lifecycle" NOT NULL DEFAULT 'ACTIVE',
    "lastContactAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RightsRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreachRecord" (
    "id" UUID NOT NULL,
    "platformId" UUID,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "notifiedAt" TIMESTAMP(3),
    "nature" TEXT NOT NULL,
    "dataCategories" TEXT[],
    "approxPeople" INTEGER,
    "approxRecords" INTEGER,
    "contact" TEXT,
    "consequences" TEXT,
    "measures" TEXT,
    "status" "BreachStatus" NOT NULL DEFAULT 'DETECTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BreachRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurgeRun" (
    "id" UUID NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "status" "RunStatus" NOT NULL DEFAULT 'RUNNING',
    "triggeredBy" TEXT,
    "ruleSetId" UUID,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "PurgeRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlySnapshot" (
    "id" UUID NOT NULL,
    "platformId" UUID,
    "month" DATE NOT NULL,
    "snapshotVersion" INTEGER NOT NULL,
    "definitionsVersion" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" UUID,
    "supersededAt" TIMESTAMP(3),
    "reopenedById" UUID,
    "reopenReason" TEXT,

    CONSTRAINT "MonthlySnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Commune_epciCode_idx" ON "Commune"("epciCode");

-- CreateIndex
CREATE INDEX "Commune_departmentCode_idx" ON "Commune"("departmentCode");

-- CreateIndex
CREATE UNIQUE INDEX "Platform_name_key" ON "Platform"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Platform_slug_key" ON "Platform"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "PlatformMembership_platformId_idx" ON "PlatformMembership"("platformId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "UserToken_tokenHash_key" ON "UserToken"("tokenHash");

-- CreateIndex
CREATE INDEX "UserToken_userId_idx" ON "UserToken"("userId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");

-- CreateIndex
CREATE INDEX "Company_platformId_name_idx" ON "Company"("platformId", "name");

-- CreateIndex
CREATE INDEX "Company_platformId_lastContactAt_idx" ON "Company"("platformId", "lastContactAt");

-- CreateIndex
CREATE INDEX "Company_platformId_sector_idx" ON "Company"("platformId", "sector");

-- CreateIndex
CREATE INDEX "Company_siren_idx" ON "Company"("siren");

-- CreateIndex
CREATE UNIQUE INDEX "Company_platformId_siret_key" ON "Company"("platformId", "siret");

-- CreateIndex
CREATE INDEX "CompanyContact_companyId_idx" ON "CompanyContact"("companyId");

-- CreateIndex
CREATE INDEX "CompanyContact_platformId_lifecycle_idx" ON "CompanyContact"("platformId", "lifecycle");

-- CreateIndex
CREATE INDEX "CompanyContact_lifecycle_lastContactAt_idx" ON "CompanyContact"("lifecycle", "lastContactAt");

-- CreateIndex
CREATE INDEX "NumeroVertCallback_platformId_status_dueAt_idx" ON "NumeroVertCallback"("platformId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "NumeroVertCallback_companyId_idx" ON "NumeroVertCallback"("companyId");

-- CreateIndex
CREATE INDEX "NumeroVertCallback_assignedToId_idx" ON "NumeroVertCallback"("assignedToId");

-- CreateIndex
CREATE INDEX "CallbackAttempt_callbackId_idx" ON "CallbackAttempt"("callbackId");

-- CreateIndex
CREATE INDEX "Visit_platformId_date_idx" ON "Visit"("platformId", "date");

-- CreateIndex
CREATE INDEX "Visit_companyId_date_idx" ON "Visit"("companyId", "date");

-- CreateIndex
CREATE INDEX "VisitStaff_userId_idx" ON "VisitStaff"("userId");

-- CreateIndex
CREATE INDEX "FollowUpAction_platformId_doneAt_dueAt_idx" ON "FollowUpAction"("platformId", "doneAt", "dueAt");

-- CreateIndex
CREATE INDEX "FollowUpAction_companyId_idx" ON "FollowUpAction"("companyId");

-- CreateIndex
CREATE INDEX "FollowUpAction_visitId_idx" ON "FollowUpAction"("visitId");

-- CreateIndex
CREATE INDEX "FollowUpAction_assignedToId_idx" ON "FollowUpAction"("assignedToId");

-- CreateIndex
CREATE INDEX "CompanyInteraction_companyId_at_idx" ON "CompanyInteraction"("companyId", "at");

-- CreateIndex
CREATE INDEX "CompanyInteraction_platformId_at_idx" ON "CompanyInteraction"("platformId", "at");

-- CreateIndex
CREATE INDEX "JobOffer_platformId_status_receivedAt_idx" ON "JobOffer"("platformId", "status", "receivedAt");

-- CreateIndex
CREATE INDEX "JobOffer_platformId_receivedAt_idx" ON "JobOffer"("platformId", "receivedAt");

-- CreateIndex
CREATE INDEX "JobOffer_companyId_idx" ON "JobOffer"("companyId");

-- CreateIndex
CREATE INDEX "JobOffer_visitId_idx" ON "JobOffer"("visitId");

-- CreateIndex
CREATE INDEX "JobOffer_eventId_idx" ON "JobOffer"("eventId");

-- CreateIndex
CREATE INDEX "JobOffer_romeCode_idx" ON "JobOffer"("romeCode");

-- CreateIndex
CREATE INDEX "JobSeeker_platformId_lifecycle_lastName_idx" ON "JobSeeker"("platformId", "lifecycle", "lastName");

-- CreateIndex
CREATE INDEX "JobSeeker_platformId_lifecycle_lastContactAt_idx" ON "JobSeeker"("platformId", "lifecycle", "lastContactAt");

-- CreateIndex
CREATE INDEX "JobSeeker_lifecycle_lastContactAt_idx" ON "JobSeeker"("lifecycle", "lastContactAt");

-- CreateIndex
CREATE INDEX "JobSeeker_referentId_idx" ON "JobSeeker"("referentId");

-- CreateIndex
CREATE INDEX "JobSeeker_franceTravailId_idx" ON "JobSeeker"("franceTravailId");

-- CreateIndex
CREATE INDEX "JobSeeker_email_idx" ON "JobSeeker"("email");

-- CreateIndex
CREATE INDEX "JobSeekerInteraction_jobSeekerId_at_idx" ON "JobSeekerInteraction"("jobSeekerId", "at");

-- CreateIndex
CREATE INDEX "JobSeekerInteraction_platformId_at_idx" ON "JobSeekerInteraction"("platformId", "at");

-- CreateIndex
CREATE INDEX "Proposal_platformId_status_proposedAt_idx" ON "Proposal"("platformId", "status", "proposedAt");

-- CreateIndex
CREATE INDEX "Proposal_jobSeekerId_idx" ON "Proposal"("jobSeekerId");

-- CreateIndex
CREATE INDEX "Proposal_offerId_idx" ON "Proposal"("offerId");

-- CreateIndex
CREATE INDEX "Proposal_platformId_hiredAt_idx" ON "Proposal"("platformId", "hiredAt");

-- CreateIndex
CREATE INDEX "MobilityDiagnostic_platformId_date_idx" ON "MobilityDiagnostic"("platformId", "date");

-- CreateIndex
CREATE INDEX "MobilityDiagnostic_jobSeekerId_idx" ON "MobilityDiagnostic"("jobSeekerId");

-- CreateIndex
CREATE INDEX "MobilityDiagnostic_subsidyFileId_idx" ON "MobilityDiagnostic"("subsidyFileId");

-- CreateIndex
CREATE INDEX "CircuitCourtEvent_platformId_date_idx" ON "CircuitCourtEvent"("platformId", "date");

-- CreateIndex
CREATE INDEX "EventCompanyParticipation_companyId_idx" ON "EventCompanyParticipation"("companyId");

-- CreateIndex
CREATE INDEX "EventJobSeekerParticipation_jobSeekerId_idx" ON "EventJobSeekerParticipation"("jobSeekerId");

-- CreateIndex
CREATE INDEX "EventChefDeFileParticipation_chefDeFileId_idx" ON "EventChefDeFileParticipation"("chefDeFileId");

-- CreateIndex
CREATE INDEX "ChefDeFile_platformId_active_idx" ON "ChefDeFile"("platformId", "active");

-- CreateIndex
CREATE INDEX "ChefDeFile_companyId_idx" ON "ChefDeFile"("companyId");

-- CreateIndex
CREATE INDEX "ChefDeFile_lifecycle_lastContactAt_idx" ON "ChefDeFile"("lifecycle", "lastContactAt");

-- CreateIndex
CREATE INDEX "GovernanceMeeting_platformId_kind_date_idx" ON "GovernanceMeeting"("platformId", "kind", "date");

-- CreateIndex
CREATE INDEX "SubsidyFile_funder_year_idx" ON "SubsidyFile"("funder", "year");

-- CreateIndex
CREATE INDEX "SubsidyFile_ruleSetId_idx" ON "SubsidyFile"("ruleSetId");

-- CreateIndex
CREATE UNIQUE INDEX "SubsidyFile_platformId_year_funder_key" ON "SubsidyFile"("platformId", "year", "funder");

-- CreateIndex
CREATE INDEX "BudgetLine_subsidyFileId_idx" ON "BudgetLine"("subsidyFileId");

-- CreateIndex
CREATE UNIQUE INDEX "Tranche_subsidyFileId_rank_key" ON "Tranche"("subsidyFileId", "rank");

-- CreateIndex
CREATE INDEX "Payment_subsidyFileId_idx" ON "Payment"("subsidyFileId");

-- CreateIndex
CREATE INDEX "Payment_trancheId_idx" ON "Payment"("trancheId");

-- CreateIndex
CREATE INDEX "RuleSet_kind_validFrom_idx" ON "RuleSet"("kind", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "RuleSet_kind_version_key" ON "RuleSet"("kind", "version");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "RightsRequest_status_dueAt_idx" ON "RightsRequest"("status", "dueAt");

-- CreateIndex
CREATE INDEX "RightsRequest_platformId_idx" ON "RightsRequest"("platformId");

-- CreateIndex
CREATE INDEX "RightsRequest_jobSeekerId_idx" ON "RightsRequest"("jobSeekerId");

-- CreateIndex
CREATE INDEX "BreachRecord_status_detectedAt_idx" ON "BreachRecord"("status", "detectedAt");

-- CreateIndex
CREATE INDEX "BreachRecord_platformId_idx" ON "BreachRecord"("platformId");

-- CreateIndex
CREATE INDEX "PurgeRun_startedAt_idx" ON "PurgeRun"("startedAt");

-- CreateIndex
CREATE INDEX "MonthlySnapshot_month_idx" ON "MonthlySnapshot"("month");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlySnapshot_platformId_month_snapshotVersion_key" ON "MonthlySnapshot"("platformId", "month", "snapshotVersion");

-- AddForeignKey
ALTER TABLE "PlatformMembership" ADD CONSTRAINT "PlatformMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformMembership" ADD CONSTRAINT "PlatformMembership_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserToken" ADD CONSTRAINT "UserToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Company" ADD CONSTRAINT "Company_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyContact" ADD CONSTRAINT "CompanyContact_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyContact" ADD CONSTRAINT "CompanyContact_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumeroVertCallback" ADD CONSTRAINT "NumeroVertCallback_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumeroVertCallback" ADD CONSTRAINT "NumeroVertCallback_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackAttempt" ADD CONSTRAINT "CallbackAttempt_callbackId_fkey" FOREIGN KEY ("callbackId") REFERENCES "NumeroVertCallback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitStaff" ADD CONSTRAINT "VisitStaff_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitStaff" ADD CONSTRAINT "VisitStaff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpAction" ADD CONSTRAINT "FollowUpAction_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpAction" ADD CONSTRAINT "FollowUpAction_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpAction" ADD CONSTRAINT "FollowUpAction_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyInteraction" ADD CONSTRAINT "CompanyInteraction_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyInteraction" ADD CONSTRAINT "CompanyInteraction_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobOffer" ADD CONSTRAINT "JobOffer_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobOffer" ADD CONSTRAINT "JobOffer_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobOffer" ADD CONSTRAINT "JobOffer_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobOffer" ADD CONSTRAINT "JobOffer_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CircuitCourtEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobSeeker" ADD CONSTRAINT "JobSeeker_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobSeeker" ADD CONSTRAINT "JobSeeker_referentId_fkey" FOREIGN KEY ("referentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobSeekerInteraction" ADD CONSTRAINT "JobSeekerInteraction_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobSeekerInteraction" ADD CONSTRAINT "JobSeekerInteraction_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "JobOffer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MobilityDiagnostic" ADD CONSTRAINT "MobilityDiagnostic_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MobilityDiagnostic" ADD CONSTRAINT "MobilityDiagnostic_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MobilityDiagnostic" ADD CONSTRAINT "MobilityDiagnostic_subsidyFileId_fkey" FOREIGN KEY ("subsidyFileId") REFERENCES "SubsidyFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircuitCourtEvent" ADD CONSTRAINT "CircuitCourtEvent_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCompanyParticipation" ADD CONSTRAINT "EventCompanyParticipation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CircuitCourtEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCompanyParticipation" ADD CONSTRAINT "EventCompanyParticipation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventJobSeekerParticipation" ADD CONSTRAINT "EventJobSeekerParticipation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CircuitCourtEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventJobSeekerParticipation" ADD CONSTRAINT "EventJobSeekerParticipation_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventChefDeFileParticipation" ADD CONSTRAINT "EventChefDeFileParticipation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CircuitCourtEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventChefDeFileParticipation" ADD CONSTRAINT "EventChefDeFileParticipation_chefDeFileId_fkey" FOREIGN KEY ("chefDeFileId") REFERENCES "ChefDeFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChefDeFile" ADD CONSTRAINT "ChefDeFile_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChefDeFile" ADD CONSTRAINT "ChefDeFile_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GovernanceMeeting" ADD CONSTRAINT "GovernanceMeeting_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyFile" ADD CONSTRAINT "SubsidyFile_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyFile" ADD CONSTRAINT "SubsidyFile_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_subsidyFileId_fkey" FOREIGN KEY ("subsidyFileId") REFERENCES "SubsidyFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_subsidyFileId_fkey" FOREIGN KEY ("subsidyFileId") REFERENCES "SubsidyFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_subsidyFileId_fkey" FOREIGN KEY ("subsidyFileId") REFERENCES "SubsidyFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_trancheId_fkey" FOREIGN KEY ("trancheId") REFERENCES "Tranche"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsRequest" ADD CONSTRAINT "RightsRequest_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsRequest" ADD CONSTRAINT "RightsRequest_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreachRecord" ADD CONSTRAINT "BreachRecord_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurgeRun" ADD CONSTRAINT "PurgeRun_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlySnapshot" ADD CONSTRAINT "MonthlySnapshot_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE SET NULL ON UPDATE CASCADE;
