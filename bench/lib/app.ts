// App data the browser benchmarks need, made with the app's own mutations (react-server
// condition required): a signed-in student with a published assignment, and session cookies
// minted with the server's secret (next-auth's own `encode`), as a sign-in would set them.
import { createAssignment, publishAssignment } from "@/lib/features/assignments/mutations";
import { createClass, joinClass } from "@/lib/features/classes/mutations";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import { mintSessionToken } from "@/lib/server/auth/session-cookie";
import { createDb } from "@/lib/server/db/create";
import { databaseFromUrl } from "@/lib/server/db/url";
import { SECRET } from "./util";

export { SESSION_COOKIE } from "@/lib/server/auth/session-cookie";

const sessionToken = (user: Parameters<typeof mintSessionToken>[0]) => mintSessionToken(user, SECRET);

function localDateTime(d: Date): string {
  // Asia/Shanghai wall time (UTC+8, no DST), "YYYY-MM-DDTHH:mm".
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** A student (demo account) in a class with a published, open assignment; returns ids and tokens. */
export async function seedClassroom(databaseUrl: string) {
  const db = createDb(databaseFromUrl(databaseUrl));
  try {
    const read = async (email: string): Promise<SessionUser> => {
      const u = await db.user.findUniqueOrThrow({ where: { email } });
      return { id: u.id as UserId, name: u.name, email: u.email, role: u.role as SessionUser["role"] };
    };
    const teacher = await read("teacher@demo.local");
    const student = await read("student@demo.local");
    const now = new Date();
    const klass = await createClass(db, teacher, { name: "Bench class" }, now);
    await joinClass(db, student, klass.joinCode, now);
    const draft = await createAssignment(db, teacher, klass.id, {
      title: "Bench quiz",
      pack: "yrd",
      topics: [],
      forms: ["mc", "tf"],
      questionMode: "count",
      questionCount: "10",
      opensAt: localDateTime(new Date(now.getTime() - 3_600_000)),
      dueAt: localDateTime(new Date(now.getTime() + 7 * 86_400_000)),
      timeZone: "Asia/Shanghai",
      attemptsAllowed: "2",
      timeLimitMinutes: "",
      masteryGoal: "80",
      feedback: "each",
    });
    await publishAssignment(db, teacher, draft.id, undefined, now);
    return { student, assignmentId: draft.id, studentToken: await sessionToken(student) };
  } finally {
    await db.$disconnect();
  }
}

/** A fresh student allowed many new cards a day (so 50+ cards are in the queue). */
export async function seedLearner(databaseUrl: string, email: string) {
  const db = createDb(databaseFromUrl(databaseUrl));
  try {
    const user = await db.user.create({ data: { email, name: "Bench learner", passwordHash: "x", role: "student" } });
    await db.learnerSettings.create({ data: { userId: user.id, newPerDay: 200, reviewsPerDay: 1000 } });
    return { user, token: await sessionToken({ ...user, role: "student" }) };
  } finally {
    await db.$disconnect();
  }
}
