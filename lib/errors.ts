// Expected errors carry a French message safe to show; anything else is logged with an id.
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Authentification requise.") {
    super("UNAUTHENTICATED", 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Vous n'avez pas accès à cette ressource.") {
    super("FORBIDDEN", 403, message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Ressource introuvable.") {
    super("NOT_FOUND", 404, message);
  }
}

export class ConflictError extends AppError {
  constructor(message = "Cet enregistrement a été modifié entre-temps. Rechargez la page.", fields?: FieldErrors) {
    super("CONFLICT", 409, message, fields);
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldErrors, message = "Certains champs sont invalides.") {
    super("VALIDATION_ERROR", 400, message, fields);
  }
}

export class UnprocessableError extends AppError {
  constructor(message: string, fields?: FieldErrors) {
    super("UNPROCESSABLE", 422, message, fields);
  }
}

/** A request body or an upload over its size limit (HTTP 413). */
export class PayloadTooLargeError extends AppError {
  constructor(message: string, fields?: FieldErrors) {
    super("PAYLOAD_TOO_LARGE", 413, message, fields);
  }

  /** A request body over the route's limit, refused before it is read whole. */
  static forLimit(maxBytes: number): PayloadTooLargeError {
    return new PayloadTooLargeError(`Requête trop volumineuse : ${formatLimit(maxBytes)} au plus pour cette opération.`);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(
    message = "Trop de tentatives. Réessayez plus tard.",
    /** Seconds before the limit's window restarts: sent as Retry-After when known. */
    readonly retryAfterSeconds?: number,
  ) {
    super("TOO_MANY_REQUESTS", 429, message);
  }
}

function formatLimit(bytes: number): string {
  if (bytes >= 1_048_576) return `${Math.floor(bytes / 1_048_576).toLocaleString("fr-FR")} Mo`;
  return `${Math.max(1, Math.floor(bytes / 1024)).toLocaleString("fr-FR")} Ko`;
}

/** A dependency (the database) cannot be reached for now: the client may try again (503 + Retry-After). */
export class ServiceUnavailableError extends AppError {
  constructor(
    message = "Service momentanément indisponible : la base de données ne répond pas. Réessayez dans quelques secondes.",
    readonly retryAfterSeconds = 5,
  ) {
    super("SERVICE_UNAVAILABLE", 503, message);
  }
}
