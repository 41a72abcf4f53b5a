import { z } from "zod";

export const loginSchema = z.object({
  email: z.string().trim().min(1, "Saisissez votre adresse e-mail.").email("Adresse e-mail invalide."),
  password: z.string().min(1, "Saisissez votre mot de passe."),
});

export type LoginInput = z.infer<typeof loginSchema>;
