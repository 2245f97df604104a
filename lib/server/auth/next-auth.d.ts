import type { Role } from "@/lib/core/roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
  }
  interface User {
    id: string;
    name: string;
    email: string;
    role: Role;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The user's sessionVersion at sign-in; absent in tokens made before it existed (= 0). */
    sv?: number;
  }
}
