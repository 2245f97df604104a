import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { isRole, type Role } from "@/lib/core/roles";
import { db } from "../db/client";
import { AppError, AppErrorCode } from "../errors";
import { authOptions } from "./options";

/** The signed-in user, read from the database so a deleted account or changed role takes effect at once. */
export interface SessionUser {
  id: UserId;
  name: string;
  email: string;
  role: Role;
}

/** A user id that came from the session: data functions take it, so an unscoped id does not type-check. */
export type UserId = string & { readonly __brand: "UserId" };

const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true } });
  if (!user || !isRole(user.role)) return null;
  return { ...user, id: user.id as UserId, role: user.role };
});

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
