import type { JWT } from "next-auth/jwt";
import { isRole } from "@/lib/core/roles";
import type { Db } from "../db/create";

/**
 * The account a session token belongs to, read afresh; null when it is gone or the session was
 * ended since the token was made (sign-out or a password change moved `sessionVersion` on).
 */
export async function sessionAccount(database: Db, claims: Pick<JWT, "uid" | "sv">) {
  if (typeof claims.uid !== "string") return null;
  const user = await database.user.findUnique({ where: { id: claims.uid }, select: { id: true, name: true, email: true, role: true, sessionVersion: true } });
  if (!user || !isRole(user.role) || (claims.sv ?? 0) !== user.sessionVersion) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * Ends every session of the account (every device: one counter per account), as signing out
 * does. Only from a current session: a copy of an already ended token cannot end newer ones.
 */
export async function endSessions(database: Db, claims: Pick<JWT, "uid" | "sv">): Promise<void> {
  if (typeof claims.uid !== "string") return;
  await database.user.updateMany({ where: { id: claims.uid, sessionVersion: claims.sv ?? 0 }, data: { sessionVersion: { increment: 1 } } });
}
