import "server-only";
// The register page and its exports (XLSX, printable HTML): rule sets in force + configuration.
import ExcelJS from "exceljs";
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { buildRegister, type RegisterSection } from "@/lib/rights/register.rules";
import { parisToday } from "@/lib/paris-day";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { getSettings } from "@/lib/settings/settings.service";

export async function getRegister(db: Db, user: CurrentUser, now = new Date()): Promise<{ generatedAt: string; sections: RegisterSection[] }> {
  if (!can(user, "register.read")) throw new ForbiddenError();
  const [processors, retention, deadlines, contacts] = await Promise.all([
    db.platform.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { name: true, carryingStructureName: true, carryingStructureType: true, dpoContact: true } }),
    getActiveRuleSet(db, "RETENTION", now),
    getActiveRuleSet(db, "DEADLINES", now),
    getSettings(db),
  ]);
  return { generatedAt: now.toISOString(), sections: buildRegister({ processors, retention, deadlines, contacts }) };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export async function exportRegister(db: Db, user: CurrentUser, format: "xlsx" | "html", ctx: { requestId?: string } = {}, now = new Date()) {
  const reg = await getRegister(db, user, now);
  await recordAudit(db, { action: "register.exported", actorId: user.id, actorRole: user.role, requestId: ctx.requestId, metadata: { format } });
  const stamp = parisToday(now);
  if (format === "html") {
    const body = reg.sections.map((s) => `<section><h2>${esc(s.title)}</h2><ul>${s.lines.map((l) => `<li>${esc(l)}</li>`).join("")}</ul></section>`).join("\n");
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Registre des activités de traitement</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.4}h2{font-size:1.1rem;margin-top:1.2rem}@media print{section{break-inside:avoid}}</style></head>
<body><main><h1>Registre des activités de traitement (RGPD art. 30)</h1><p>Établi le ${esc(now.toLocaleString("fr-FR", { timeZone: "Europe/Paris" }))} à partir de la configuration et des jeux de règles en vigueur.</p>${body}</main></body></html>`;
    return { contentType: "text/html; charset=utf-8", filename: `registre-traitements-${stamp}.html`, body: Buffer.from(html, "utf8") };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "SI Proch'Emploi";
  const ws = wb.addWorksheet("Registre art. 30");
  ws.columns = [{ header: "Rubrique", key: "section", width: 50 }, { header: "Contenu", key: "line", width: 120 }];
  ws.getRow(1).font = { bold: true };
  for (const s of reg.sections) for (const line of s.lines) ws.addRow({ section: s.title, line });
  return { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: `registre-traitements-${stamp}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
