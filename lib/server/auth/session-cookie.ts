import { encode } from "next-auth/jwt";

/** next-auth's session cookie over http (over https it is `__Secure-` + this). */
export const SESSION_COOKIE = "next-auth.session-token";

/**
 * The session token a sign-in would set (the claims of the jwt callback in options.ts), for the
 * load and benchmark tools that drive many learners at once: signing each in would hit the
 * sign-in rate limits and time bcrypt instead of the app.
 */
export function mintSessionToken(user: { id: string; name: string; email: string; role: "student" | "teacher" }, secret: string): Promise<string> {
  return encode({ token: { sub: user.id, uid: user.id, role: user.role, name: user.name, email: user.email }, secret });
}
