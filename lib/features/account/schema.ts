import { z } from "zod";
import { roles } from "@/lib/core/roles";
import { text } from "@/lib/core/text";

// Messages are catalogue keys under `errors.*`, so forms can show them in the UI language.
export const email = text().trim().toLowerCase().max(254, "errors.emailInvalid").pipe(z.email("errors.emailInvalid"));
export const password = text().min(8, "errors.passwordTooShort").max(200, "errors.passwordTooLong");
export const displayName = text().trim().min(1, "errors.nameRequired").max(50, "errors.nameRequired");

export const signUpInput = z.object({
  email,
  name: displayName,
  password,
  role: z.enum(roles, "errors.roleInvalid"),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const changeNameInput = z.object({ name: displayName });

export const changePasswordInput = z.object({
  currentPassword: text().min(1, "errors.wrongPassword").max(200, "errors.wrongPassword"),
  newPassword: password,
});

export const deleteAccountInput = z.object({
  password: text().min(1, "errors.wrongPassword").max(200, "errors.wrongPassword"),
});
