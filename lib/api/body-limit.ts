// Request body limits (issue 16 §11). Every API route has one: JSON bodies API_BODY_MAX_KB, uploads
// the size of the file they accept plus the multipart framing. A body is refused with a French 413
// as soon as it is known to be too large: from its declared Content-Length before anything is read,
// else while streaming, at the first byte past the limit — it is never read whole. The framework's
// own buffer (next.config.ts, proxyClientMaxBodySize) is set above the largest limit, so that it
// never cuts a body silently before these checks see it (no "server-only" here: next.config.ts reads
// largestBodyLimit()).
import { env } from "../env";
import { PayloadTooLargeError, ValidationError } from "../errors";

const MB = 1_048_576;
/** Room for the multipart boundaries, part headers and the small text fields next to the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

export const BODY_LIMITS = {
  json: env.API_BODY_MAX_KB * 1024,
  import: env.IMPORT_MAX_MB * MB + MULTIPART_OVERHEAD,
  receipt: env.RECEIPT_MAX_MB * MB + MULTIPART_OVERHEAD,
  /** next-auth's forms (csrf token, e-mail, password, code, callback URL). */
  auth: 64 * 1024,
  /** The SMS provider's delivery reports (a few hundred bytes each). */
  smsCallback: 16 * 1024,
  /** The e-mail relay's events: one, or a batch of up to 100 (about 1 KB each). */
  emailCallback: 128 * 1024,
} as const;

/** The largest of the limits: the framework must buffer at least this much without cutting. */
export function largestBodyLimit(): number {
  return Math.max(...Object.values(BODY_LIMITS));
}

/** 413 when the declared length is over the limit (nothing read). A malformed length is the client's fault. */
export function assertDeclaredLength(headers: Headers, maxBytes: number): void {
  const raw = headers.get("content-length");
  if (raw === null || raw === "") return;
  if (!/^\d{1,20}$/.test(raw.trim())) throw new ValidationError({ _: ["En-tête Content-Length invalide."] });
  if (Number(raw) > maxBytes) throw PayloadTooLargeError.forLimit(maxBytes);
}

/**
 * The body, read chunk by chunk and abandoned (stream cancelled) at the first byte past `maxBytes`.
 * Empty body → empty buffer.
 */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<Buffer> {
  assertDeclaredLength(req.headers, maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw PayloadTooLargeError.forLimit(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** A multipart/form-data body within `maxBytes`, parsed from the bytes read (not from the open stream). */
export async function readFormDataLimited(req: Request, maxBytes: number): Promise<FormData | null> {
  const bytes = await readBodyLimited(req, maxBytes);
  try {
    return await new Response(new Uint8Array(bytes), { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return null;
  }
}
