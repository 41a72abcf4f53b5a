// Prisma client factory without "server-only", so scripts (migrations, seed, bench) can use it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max, allowExitOnIdle: true });
  return new PrismaClient({ adapter });
}
