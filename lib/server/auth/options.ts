import "server-only";
import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { isRole } from "@/lib/core/roles";
import { text } from "@/lib/core/text";
import { db } from "../db/client";
import type { Db } from "../db/create";
import { env } from "../env";
import { allowHit, clientIp, refundHit, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_IP, signInAccountKey } from "../rate-limit";
import { DUMMY_HASH, verifyPassword } from "./password";
import { SESSION_MAX_AGE_S } from "./session-cookie";
import { endSessions, sessionAccount } from "./session-user";

/** A session token whose account is gone or whose session was ended (sign-out, password change). */
class SessionEnded extends Error {
  constructor() {
    super("session ended");
  }
}

const credentials = z.object({
  email: text().trim().toLowerCase().max(254).pipe(z.email()),
  password: text().min(1).max(200),
});

/** Thrown from `authorize` when a limit is hit; next-auth passes the message to the client as `error`. */
export const RATE_LIMITED = "RATE_LIMITED";

/**
 * Checks an email and password. Unknown email and wrong password take the same time and give
 * the same null. Failed attempts are limited per account and per client address.
 */
export async function checkCredentials(database: Db, raw: unknown, ip = "direct", now = new Date()) {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return null;
  const keys = [`signin:ip:${ip}`, signInAccountKey(parsed.data.email)] as const;
  const [perIp, perAccount] = await Promise.all([
    allowHit(database, keys[0], SIGN_IN_PER_IP, now),
    allowHit(database, keys[1], SIGN_IN_PER_ACCOUNT, now),
  ]);
  if (!perIp || !perAccount) throw new Error(RATE_LIMITED);
  const user = await database.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !isRole(user.role)) return null;
  await Promise.all(keys.map((key) => refundHit(database, key)));
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

const dev = globalThis as unknown as { __deltaRecallDevSecret?: string };

/**
 * The key sessions are encrypted with. `npm start` always sets NEXTAUTH_SECRET (generated once in
 * data/ outside production); bare `next dev` may not, and gets one per process, so a restart
 * signs everyone out there. Production without it fails at start (scripts/start.ts).
 */
export function authSecret(): string {
  const { nextAuthSecret, nodeEnv } = env();
  if (nextAuthSecret) return nextAuthSecret;
  if (nodeEnv === "production") throw new Error("NEXTAUTH_SECRET is required when NODE_ENV=production");
  dev.__deltaRecallDevSecret ??= randomBytes(32).toString("base64url");
  return dev.__deltaRecallDevSecret;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    // next-auth's errors land on the sign-in page (`?error=…`), not on its own unstyled page.
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (input, request) => checkCredentials(db(), input, clientIp(request?.headers)),
      }),
    ],
    events: {
      // The token goes with the cookie, but a copy of it would live on for 30 days: revoke it.
      signOut: ({ token }) => endSessions(db(), token ?? {}),
    },
    logger: {
      // next-auth logs a refused token as an error; an ended session is the expected case.
      error(code, metadata) {
        if (metadata instanceof SessionEnded) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    callbacks: {
      // With `user` at sign-in; else only from /api/auth/session (pages read the cookie in
      // session.ts), which re-issues the token: not for an account gone or a session ended.
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          return token;
        }
        const account = await sessionAccount(db(), token);
        // Thrown, next-auth answers {} and clears the cookie.
        if (!account) throw new SessionEnded();
        return { ...token, name: account.name, email: account.email, role: account.role };
      },
      session({ session, token }) {
        if (token.uid && token.role) {
          session.user = { id: token.uid, role: token.role, name: token.name ?? "", email: token.email ?? "" };
        }
        return session;
      },
    },
  };
}
