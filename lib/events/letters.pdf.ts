// Convocation letters (issue 20): one A4 page per person, with the platform's letterhead, the
// meeting's place and time, and the personal answer link. pdf-lib with the standard Helvetica
// (WinAnsi: every French character; anything else is written without its accent).
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { eventPlaceholders, LEGAL_MENTION } from "@/lib/events/invitation.rules";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BRAND = rgb(0.114, 0.31, 0.569);

export interface LetterInput {
  platform: { name: string; carryingStructureName: string; hostingPlace: string | null };
  event: { title: string; date: Date; place: string };
  pages: { name: string; company: string | null; address: string | null; url: string }[];
  printedAt: Date;
}

function safe(font: PDFFont, text: string): string {
  try {
    font.encodeText(text);
    return text;
  } catch {
    return [...text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")].map((c) => { try { font.encodeText(c); return c; } catch { return "?"; } }).join("");
  }
}

/** Lines that fit `width`; a word longer than the line (a URL) is cut by characters. */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n").map((p) => safe(font, p))) {
    let line = "";
    const words = para.split(/\s+/).flatMap((w) => {
      if (font.widthOfTextAtSize(w, size) <= width) return [w];
      const parts: string[] = [];
      let part = "";
      for (const c of w) {
        if (font.widthOfTextAtSize(part + c, size) > width && part) {
          parts.push(part);
          part = c;
        } else part += c;
      }
      return [...parts, part];
    });
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

export async function lettersPdf(input: LetterInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(safe(await doc.embedFont(StandardFonts.Helvetica), `Convocations — ${input.event.title}`));
  doc.setLanguage("fr-FR");
  doc.setCreator("SI Proch'Emploi");
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  for (const person of input.pages) {
    const page: PDFPage = doc.addPage(A4);
    let y = A4[1] - MARGIN;
    const text = (t: string, opts: { size?: number; font?: PDFFont; color?: ReturnType<typeof rgb>; x?: number; gap?: number } = {}) => {
      const size = opts.size ?? 11;
      const font = opts.font ?? regular;
      // Each line made encodable on its own (a newline or a character outside WinAnsi never spoils the rest).
      for (const line of wrap(font, size, t, width - ((opts.x ?? MARGIN) - MARGIN)).map((l) => safe(font, l))) {
        page.drawText(line, { x: opts.x ?? MARGIN, y, size, font, color: opts.color ?? rgb(0.1, 0.1, 0.1) });
        y -= size * 1.35;
      }
      y -= opts.gap ?? 0;
    };
    // Letterhead.
    page.drawRectangle({ x: 0, y: A4[1] - 12, width: A4[0], height: 12, color: BRAND });
    text(`Proch'Emploi ${input.platform.name}`, { size: 18, font: bold, color: BRAND });
    text(input.platform.carryingStructureName, { size: 10 });
    if (input.platform.hostingPlace) text(input.platform.hostingPlace, { size: 10 });
    text("Région Hauts-de-France", { size: 10, gap: 24 });
    // Addressee.
    const x = A4[0] / 2;
    text(person.name || "Madame, Monsieur", { x, font: bold });
    if (person.company) text(person.company, { x });
    if (person.address) text(person.address, { x });
    y -= 24;
    text(`Le ${input.printedAt.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" })}`, { gap: 18 });
    const v = eventPlaceholders({ title: input.event.title, date: input.event.date, place: input.event.place, platform: input.platform.name }, person.name.split(" ")[0] ?? "", person.url);
    text(`Objet : invitation — ${input.event.title}`, { font: bold, gap: 12 });
    text(`Bonjour ${v.prenom},`, { gap: 8 });
    text(`La plateforme Proch'Emploi ${input.platform.name} a le plaisir de vous inviter à la rencontre « ${input.event.title} ».`, { gap: 12 });
    text(`Date : ${v.date}`, { font: bold, size: 13 });
    text(`Heure : ${v.heure}`, { font: bold, size: 13 });
    text(`Lieu : ${input.event.place}`, { font: bold, size: 13, gap: 12 });
    text("Merci de confirmer ou de décliner votre venue en ouvrant ce lien personnel (il ne sert qu'une fois) :", { gap: 4 });
    text(person.url, { size: 9, color: BRAND, gap: 18 });
    text("Nous vous prions d'agréer nos salutations distinguées.", { gap: 6 });
    text(`L'équipe Proch'Emploi ${input.platform.name}`);
    // Legal mention at the foot of the page.
    y = MARGIN + 40;
    text(LEGAL_MENTION, { size: 8, color: rgb(0.35, 0.35, 0.35) });
  }
  return doc.save();
}
