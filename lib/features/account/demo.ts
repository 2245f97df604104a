import type { Role } from "@/lib/core/roles";

/** The demo accounts of the default setup (README lists them; off in production unless DEMO=1). */
export const DEMO_ACCOUNTS: readonly { email: string; password: string; name: string; role: Role }[] = [
  { email: "teacher@demo.local", password: "demo-teacher", name: "王老师", role: "teacher" },
  { email: "student@demo.local", password: "demo-student", name: "李同学", role: "student" },
];
