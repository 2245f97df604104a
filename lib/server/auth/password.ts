import bcrypt from "bcryptjs";

/** bcrypt cost 11: about 0.15 s per hash on this class of machine, slow enough for an offline attacker. */
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/**
 * Compared against when the email is unknown, so an unknown email costs the same time as a
 * wrong password and the two cannot be told apart.
 */
export const DUMMY_HASH = "$2b$11$v9voGAjph6fVIZPWtozg5.Kz248h.cpKnpFrKHTAhraoAnUo1AlvC";
