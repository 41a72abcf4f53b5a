// Receipts are checked by their content, not by the name or type the browser claims. Pure.

export const RECEIPT_TYPES = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" } as const;
export type ReceiptMime = keyof typeof RECEIPT_TYPES;

export const RECEIPT_KINDS = {
  PAYSLIP: "Bulletin de salaire", EXPENSE_NOTE: "Note de frais", INVOICE: "Facture", OTHER: "Autre justificatif",
  // Issue 22 §4 — convention cadre Région art. 7.3 « Une seconde annexe comprend une information
  // qualitative … » : attached to the file itself (never to a line or a tranche), Région files only.
  QUALITATIVE_ANNEX: "Annexe qualitative du compte rendu financier",
  // Issue 22 §4 — convention cadre art. 4.1 « du bilan de l'année précédente »: joined to the annual request.
  PREVIOUS_YEAR_BILAN: "Bilan d'activité de l'année précédente",
} as const;
export type ReceiptKind = keyof typeof RECEIPT_KINDS;
export const RECEIPT_KIND_CODES = Object.keys(RECEIPT_KINDS) as [ReceiptKind, ...ReceiptKind[]];

/** Why a document of `kind` cannot be attached where asked, or null (issue 22 §4: the qualitative annex). */
export function receiptPlacementRefusal(kind: ReceiptKind, p: { funder: "REGION" | "FRANCE_TRAVAIL"; budgetLineId?: string | null; trancheId?: string | null }): string | null {
  if (kind !== "QUALITATIVE_ANNEX") return null;
  if (p.funder !== "REGION") return "L'annexe qualitative accompagne le compte rendu financier d'une convention de la Région (convention cadre, art. 7.3).";
  if (p.budgetLineId || p.trancheId) return "L'annexe qualitative se joint au dossier, pas à une ligne de budget ni à une tranche.";
  return null;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** The real type from the magic bytes, or null when it is none of PDF, JPEG, PNG. */
export function sniffReceiptType(bytes: Uint8Array): ReceiptMime | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  return null;
}

/** Why a receipt is refused, or null. */
export function receiptRefusal(bytes: Uint8Array, maxBytes: number): string | null {
  if (bytes.length === 0) return "Le fichier est vide.";
  if (bytes.length > maxBytes) return `Fichier trop volumineux : ${Math.ceil(bytes.length / 1_048_576)} Mo pour ${Math.floor(maxBytes / 1_048_576)} Mo au plus.`;
  if (!sniffReceiptType(bytes)) return "Format refusé : seuls les PDF, JPEG et PNG sont acceptés (contenu vérifié).";
  return null;
}

/** A file name safe to show and to send back in Content-Disposition. */
export function safeFileName(name: string, mime: ReceiptMime): string {
  const base = name.normalize("NFC").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").replace(/^\.+/, "").slice(0, 120).trim() || "justificatif";
  const ext = RECEIPT_TYPES[mime];
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
}
