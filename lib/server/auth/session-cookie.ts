import { decode, encode, type JWT } from "next-auth/jwt";

/** next-auth's session cookie over http (over https it is `__Secure-` + this). */
export const SESSION_COOKIE = "next-auth.session-token";

/**
 * Both names next-auth may give the session cookie; the secure one first. A `__Secure-` cookie
 * can only be set over https, so one sent over http was not planted there.
 */
export const SESSION_COOKIES = [`__Secure-${SESSION_COOKIE}`, SESSION_COOKIE] as const;

/** How long a session lasts from sign-in (next-auth's session maxAge and the cookie's). */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** A session token of these claims, as next-auth's sign-in makes it (its own encode). */
export function encodeSessionToken(claims: JWT, secret: string): Promise<string> {
  return encode({ token: claims, secret, maxAge: SESSION_MAX_AGE_S });
}

/**
 * The session token a sign-in would set (the claims of the jwt callback in options.ts), for the
 * load and benchmark tools that drive many learners at once: signing each in would hit the
 * sign-in rate limits and time bcrypt instead of the app.
 */
export function mintSessionToken(user: { id: string; name: string; email: string; role: "student" | "teacher" }, secret: string): Promise<string> {
  return encodeSessionToken({ sub: user.id, uid: user.id, role: user.role, name: user.name, email: user.email }, secret);
}

/**
 * The claims of a session token, or null when it is not one of ours or has expired (next-auth's
 * own decode: decrypts with the key derived from the secret, checks `exp`).
 */
export async function readSessionToken(token: string, secret: string): Promise<JWT | null> {
  try {
    return await decode({ token, secret });
  } catch {
    return null;
  }
}
