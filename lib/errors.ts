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

export class TooManyRequestsError extends AppError {
  constructor(message = "Trop de tentatives. Réessayez plus tard.") {
    super("TOO_MANY_REQUESTS", 429, message);
  }
}
