import { describe, expect, it } from "vitest";
import { outboxState, retryDelayMinutes } from "@/lib/email/outbox.rules";
import { invitationEmail } from "@/lib/email/templates";

describe("boîte d'envoi", () => {
  it("réessaie avec un délai qui double, plafonné à 6 heures", () => {
    expect([1, 2, 3, 4, 10, 30].map(retryDelayMinutes)).toEqual([1, 2, 4, 8, 360, 360]);
  });

  it("dit l'état d'un courriel", () => {
    expect(outboxState({ sentAt: new Date(), attempts: 1, error: null }, true, 8)).toBe("SENT");
    expect(outboxState({ sentAt: null, attempts: 0, error: null }, false, 8)).toBe("WAITING_NO_SMTP");
    expect(outboxState({ sentAt: null, attempts: 2, error: "ECONNREFUSED" }, true, 8)).toBe("RETRYING");
    expect(outboxState({ sentAt: null, attempts: 8, error: "ECONNREFUSED" }, true, 8)).toBe("FAILED");
  });

  it("l'invitation a un texte et un HTML en français, et échappe ce qu'on y insère", () => {
    const m = invitationEmail("a@b.fr", { firstName: "<Inès>", invitedBy: "Admin", url: "https://si.example/mot-de-passe/definir?jeton=abc&x=1", hours: 48 });
    expect(m.text).toContain("expire dans 48 heures");
    expect(m.text).toContain("https://si.example/mot-de-passe/definir?jeton=abc&x=1");
    expect(m.html).toContain("&lt;Inès&gt;");
    expect(m.html).not.toContain("<Inès>");
    expect(m.html).toContain('lang="fr"');
  });
});
