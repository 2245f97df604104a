import "server-only";
import { recallTable, type RecallTable } from "@/lib/core/reports";
import { predictedRecallByTopic, type TopicShare } from "@/lib/core/schedule";
import { classOfTeacher } from "@/lib/features/classes/access";
import { cardState, getSettings } from "@/lib/features/study/data";
import { getFacetIndex } from "@/lib/features/study/facets";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import { getBank } from "@/lib/server/content/bank";
import type { Db } from "@/lib/server/db/create";

// The class's predicted recall: for each topic of the packs its published assignments use, each
// student's mean predicted recall (FSRS, the student's own desired retention) today and at each
// upcoming due date. Teacher of the class only (classOfTeacher).

export interface RecallTopic {
  pack: string;
  packTitle: string;
  packTitleEn: string;
  topic: string;
}

export interface RecallDate {
  at: Date;
  /** The assignments due at this instant; empty for "now". */
  due: { id: string; title: string; timeZone: string }[];
}

export interface RecallStudent {
  userId: string;
  name: string;
  email: string;
}

export interface ClassRecall {
  classId: string;
  className: string;
  topics: RecallTopic[];
  /** Now first, then each upcoming due date. */
  dates: RecallDate[];
  /** One table per date, in the same order. */
  tables: RecallTable<RecallStudent>[];
}

const byName = new Intl.Collator("zh-CN");
const NONE: TopicShare = { value: 0, total: 0, share: 0 };

export async function getClassRecall(db: Db, user: SessionUser, classId: string, now: Date): Promise<ClassRecall> {
  const cls = await classOfTeacher(db, user, classId);
  const [assignments, members] = await Promise.all([
    db.assignment.findMany({
      where: { classId, publishedAt: { not: null } },
      select: { id: true, title: true, pack: true, dueAt: true, timeZone: true },
      orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    }),
    db.classMember.findMany({ where: { classId }, include: { user: { select: { name: true, email: true } } } }),
  ]);
  const packs = [...new Set(assignments.map((a) => a.pack))];
  const index = getFacetIndex();
  const facetCounts = new Map(packs.map((pack) => [pack, index.countByTopic(pack)]));
  const packInfo = new Map(getBank().packs.map((p) => [p.id, p]));
  const topics: RecallTopic[] = packs.flatMap((pack) =>
    Object.keys(facetCounts.get(pack) ?? {}).map((topic) => ({
      pack,
      packTitle: packInfo.get(pack)?.title ?? pack,
      packTitleEn: packInfo.get(pack)?.titleEn ?? pack,
      topic,
    })),
  );

  const dates: RecallDate[] = [{ at: now, due: [] }];
  for (const a of assignments) {
    if (a.dueAt <= now) continue;
    const last = dates.at(-1)!;
    const entry = { id: a.id, title: a.title, timeZone: a.timeZone };
    if (last.at.getTime() === a.dueAt.getTime()) last.due.push(entry);
    else dates.push({ at: a.dueAt, due: [entry] });
  }

  const students: RecallStudent[] = members
    .map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email }))
    .sort((a, b) => byName.compare(a.name, b.name) || a.email.localeCompare(b.email));
  const ids = students.map((s) => s.userId);
  const [cards, settings] = await Promise.all([
    packs.length === 0 ? [] : db.card.findMany({ where: { userId: { in: ids }, pack: { in: packs } } }),
    // Members of the teacher's class, authorized by classOfTeacher above.
    Promise.all(ids.map((id) => getSettings(db, id as UserId))),
  ]);

  const tables = dates.map(({ at }) =>
    recallTable(
      topics.length,
      students.map((student, i) => {
        const own = cards.filter((c) => c.userId === student.userId);
        const byPack = new Map(
          packs.map((pack) => {
            const states = own.filter((c) => c.pack === pack).map((c) => ({ ...cardState(c), topic: c.topic }));
            return [pack, predictedRecallByTopic(states, at, facetCounts.get(pack) ?? {}, settings[i]!)];
          }),
        );
        return { student, byTopic: topics.map((t) => byPack.get(t.pack)?.[t.topic] ?? NONE) };
      }),
    ),
  );
  return { classId, className: cls.name, topics, dates, tables };
}
