import { describe, expect, it } from "vitest";
import { receiptRefusal, safeFileName, sniffReceiptType } from "@/lib/subsidy/receipt.rules";

const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe("justificatifs : contrôle par le contenu", () => {
  it("reconnaît PDF, JPEG et PNG par leurs premiers octets", () => {
    expect(sniffReceiptType(PDF)).toBe("application/pdf");
    expect(sniffReceiptType(PNG)).toBe("image/png");
    expect(sniffReceiptType(JPEG)).toBe("image/jpeg");
  });

  it("refuse un exécutable ou un HTML renommé en .pdf, un fichier vide ou trop gros", () => {
    expect(receiptRefusal(new TextEncoder().encode("<html><script>"), 1000)).toMatch(/Format refusé/);
    expect(receiptRefusal(new Uint8Array([0x4d, 0x5a, 0x90]), 1000)).toMatch(/Format refusé/);
    expect(receiptRefusal(new Uint8Array(), 10)).toMatch(/vide/);
    expect(receiptRefusal(PDF, PDF.length - 1)).toMatch(/trop volumineux/);
    expect(receiptRefusal(PDF, PDF.length)).toBeNull();
  });

  it("nettoie le nom de fichier et lui donne l'extension du type réel", () => {
    expect(safeFileName("../../etc/passwd", "application/pdf")).toBe("_.._etc_passwd.pdf");
    expect(safeFileName("Facture mars.PNG", "image/png")).toBe("Facture mars.PNG");
    expect(safeFileName("", "image/jpeg")).toBe("justificatif.jpg");
  });
});
