import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/core/roles";
import { db } from "../db/client";
import { AppError, AppErrorCode } from "../errors";
import { authSecret } from "./options";
import type { JWT } from "next-auth/jwt";
import { sessionAccount } from "./session-user";
import { encodeSessionToken, readSessionToken, SESSION_COOKIES, SESSION_MAX_AGE_S } from "./session-cookie";

/** The signed-in user, read from the database so a deleted account or changed role takes effect at once. */
export interface SessionUser {
  id: UserId;
  name: string;
  email: string;
  role: Role;
}

/** A user id that came from the session: data functions take it, so an unscoped id does not type-check. */
export type UserId = string & { readonly __brand: "UserId" };

/**
 * The session cookie's claims (per request), decrypted with next-auth's own decode. Not getServerSession: it
 * runs next-auth's whole session endpoint on every request, including re-encrypting the token for
 * a cookie it cannot set from server components and route handlers (it never extended a session
 * here either: a session lasts 30 days from sign-in). That was CPU time on every review (bench/).
 * Limit: a token next-auth split over several cookies (over 4 kB) is not read; ours are ~0.5 kB.
 */
const sessionClaims = cache(async (): Promise<JWT | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) return null;
  const claims = await readSessionToken(token, authSecret());
  return typeof claims?.uid === "string" ? claims : null;
});

const currentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await sessionClaims();
  const user = claims && (await sessionAccount(db(), claims));
  if (!user) return null;
  return { id: user.id as UserId, name: user.name, email: user.email, role: user.role };
});

/**
 * Re-issues this browser's session cookie with the user's new session version, after a password
 * change ended every other session: the device that changed it stays signed in.
 */
export async function renewSession(sessionVersion: number): Promise<void> {
  const claims = await sessionClaims();
  if (!claims) return;
  const jar = await cookies();
  const name = SESSION_COOKIES.find((n) => jar.get(n)) ?? SESSION_COOKIES[1];
  const token = await encodeSessionToken({ ...claims, sv: sessionVersion }, authSecret());
  // next-auth's own cookie options; a __Secure- cookie only exists over https.
  jar.set(name, token, { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: SESSION_MAX_AGE_S });
}

/** The user if signed in, else null; for pages that show more to signed-in users. */
export function getOptionalUser(): Promise<SessionUser | null> {
  return currentUser();
}

interface RequireOptions {
  /** For pages: redirect to sign-in and come back here. Without it (actions, routes) a refusal throws AppError. */
  returnTo?: string;
}

export async function requireUser(options: RequireOptions = {}): Promise<SessionUser> {
  const user = await currentUser();
  if (user) return user;
  if (options.returnTo !== undefined) redirect(`/signin?callbackUrl=${encodeURIComponent(options.returnTo)}`);
  throw new AppError(AppErrorCode.Unauthorized);
}

export async function requireTeacher(options: RequireOptions = {}): Promise<SessionUser> {
  const user = await requireUser(options);
  if (user.role !== "teacher") throw new AppError(AppErrorCode.Forbidden);
  return user;
}
