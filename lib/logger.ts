// One pino logger: JSON in production, pretty in development; personal fields redacted.
import pino from "pino";
import { env } from "@/lib/env";

export const REDACT_PATHS = [
  "password",
  "*.password",
  "newPassword",
  "*.newPassword",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.cookie",
  "*.headers.cookie",
  "cookie",
  "passwordHash",
  "*.passwordHash",
  "totpSecret",
  "*.totpSecret",
  "email",
  "*.email",
  "phone",
  "*.phone",
  "lastName",
  "*.lastName",
  "firstName",
  "*.firstName",
  "birthDate",
  "*.birthDate",
  "addressLine",
  "*.addressLine",
  "franceTravailId",
  "*.franceTravailId",
];

const pretty = env.NODE_ENV === "development" && !env.CI;

const baseOptions: pino.LoggerOptions = {
  level: env.NODE_ENV === "test" && env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL,
  base: { app: "si-proch-emploi" },
  redact: { paths: REDACT_PATHS, censor: "[masqué]" },
  timestamp: pino.stdTimeFunctions.isoTime,
};

/** A logger with the project's options writing to `destination` (tests check redaction with it). */
export function createLogger(destination: pino.DestinationStream, level = baseOptions.level): pino.Logger {
  return pino({ ...baseOptions, level }, destination);
}

export const logger: pino.Logger = pino({
  ...baseOptions,
  ...(pretty ? { transport: { target: "pino-pretty", options: { colorize: true } } } : {}),
});

export type Logger = typeof logger;

export function requestLogger(requestId: string, userId?: string): Logger {
  return logger.child({ requestId, ...(userId ? { userId } : {}) });
}
