// Set-password (invitation, reset) and forgotten-password forms: same schema on client and server.
import { z } from "zod";
import { passwordProblems, PASSWORD_MAX_LENGTH } from "@/lib/users/password.rules";

export const setPasswordSchema = z
  .object({
    token: z.string().min(20, "Lien invalide.").max(200, "Lien invalide."),
    password: z
      .string()
      .max(PASSWORD_MAX_LENGTH)
      .superRefine((v, ctx) => {
        for (const message of passwordProblems(v)) ctx.addIssue({ code: "custom", message });
      }),
    confirmation: z.string(),
  })
  .refine((d) => d.password === d.confirmation, { path: ["confirmation"], message: "Les deux mots de passe ne correspondent pas." });
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;

export const forgotPasswordSchema = z.object({
  email: z.string().trim().toLowerCase().email({ error: "Adresse e-mail invalide." }).max(254, "Adresse e-mail trop longue."),
});
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;
