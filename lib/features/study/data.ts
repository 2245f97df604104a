import "server-only";
import type { Question } from "@/lib/core/generate";
import {
  addDays,
  buildQueue,
  dayOfKey,
  dueForecast,
  masteryByTopic,
  predictedRecallByTopic,
  reviewsPerDay,
  streak,
  trueRetention,
  DEFAULT_SETTINGS,
  STATE_LEARNING,
  STATE_NEW,
  STATE_RELEARNING,
  STATE_REVIEW,
  effectiveReviews,
  formatInterval,
  learnerDay,
  newCard,
  pickFlashcardQuestion,
  pickQuestion,
  previewIntervals,
  queueCounts,
  todayCounts,
  type CardState,
  type LearnerSettings,
  type NewFacet,
  type QueueCard,
  type QueueEntry,
} from "@/lib/core/schedule";
import { answeredFromChoices } from "@/lib/core/generate/fronts";
import type { Locale } from "@/lib/i18n";
import { withoutPendingAssignmentQuestions } from "@/lib/features/assignments/questions";
import { answerText, toPublicQuestion } from "@/lib/features/practice/data";
import type { UserId } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import { facetKey, getFacetIndex, newCardId } from "./facets";
import type { OfflineBundle, OfflineItem, StudyItem, StudyQueue } from "./schema";

// Reads take the db and an authorized UserId: every query below is scoped to that user.

/** The LearnerSettings columns the scheduler uses (not userId, updatedAt); read on every review. */
const SETTINGS_COLUMNS = {
  desiredRetention: true,
  newPerDay: true,
  reviewsPerDay: true,
  timeZone: true,
  dayStartHour: true,
  examDate: true,
} as const satisfies Record<keyof LearnerSettings, true>;

export async function getSettings(db: Db, userId: UserId): Promise<LearnerSettings> {
  const row = await db.learnerSettings.findUnique({ where: { userId }, select: SETTINGS_COLUMNS });
  return row ?? { ...DEFAULT_SETTINGS };
}

/** The scheduling columns of a Card row. */
export function cardState(row: CardState): CardState {
  const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview } = row;
  return { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview };
}

export interface StudyFilter {
  pack?: string | undefined;
  topic?: string | undefined;
}

/** Today's log entries of the user, with their card's fact: limits and siblings. */
export async function todayOf(db: Db, userId: UserId, dayKey: string) {
  const rows = await db.reviewLog.findMany({
    where: { userId, dayKey },
    select: { id: true, kind: true, undoOf: true, prevState: true, dayKey: true, card: { select: { pack: true, factId: true } } },
  });
  return todayCounts(
    rows.map((r) => ({ ...r, pack: r.card.pack, factId: r.card.factId })),
    dayKey,
  );
}

/** The latest review still in effect (not undone), by insertion order: what "undo" takes back. */
export async function lastEffectiveReview(db: Db, userId: UserId) {
  const recent = await db.reviewLog.findMany({
    where: { userId, kind: { in: ["review", "undo"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return effectiveReviews(recent)[0] ?? null;
}

/**
 * A facet's flashcard: its front question (pickFlashcardQuestion) and back. An mc's options go
 * on the front only when the answer is one of them (answeredFromChoices); otherwise its prompt
 * is asked as recall and the options would give the answer away.
 */
function flashcardOf(questions: readonly Question[], lastForm: string | null, seed: string): StudyItem["flashcard"] {
  const question = pickFlashcardQuestion(questions, lastForm, seed);
  if (!question) return null;
  const front = toPublicQuestion(question);
  const fromOptions = answeredFromChoices(question);
  if (question.form === "mc" && !fromOptions) delete front.choices;
  return { question: front, back: { answer: answerText(question), explanation: question.explanation, section: question.section }, fromOptions };
}

function studyItem(userId: UserId, entry: QueueEntry, card: CardState | null, questions: readonly Question[], settings: LearnerSettings, now: Date, locale: Locale): StudyItem {
  const key = facetKey(entry);
  const seed = `${entry.cardId ?? key}/${card?.reps ?? 0}`;
  const question = pickQuestion(questions, entry.lastForm, seed);
  // A new facet's card will get newCardId at its first review: the fuzz shown is the one scheduled.
  const preview = previewIntervals(card ?? newCard(now), now, settings, entry.cardId ?? newCardId(userId, entry));
  const interval = (r: 1 | 2 | 3 | 4) => formatInterval(preview[r].ms, locale);
  return {
    key,
    reason: entry.reason,
    question: toPublicQuestion(question),
    back: { answer: answerText(question), explanation: question.explanation, section: question.section },
    flashcard: flashcardOf(questions, entry.lastForm, seed),
    intervals: { "1": interval(1), "2": interval(2), "3": interval(3), "4": interval(4) },
  };
}

const BATCH = 10;

/** The columns of a Card row the queue reads (QueueCard): not userId, version, leech, createdAt. */
const QUEUE_COLUMNS = {
  id: true,
  pack: true,
  factId: true,
  facet: true,
  topic: true,
  suspended: true,
  lastForm: true,
  due: true,
  stability: true,
  difficulty: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const satisfies Record<keyof QueueCard, true>;

/**
 * All of the learner's cards within the filter, as the queue reads them. All, not only those due:
 * the queue also needs the studied set (for new facets) and, with an exam date, cards not yet due.
 */
export function queueCards(db: Db, userId: UserId, filter: StudyFilter): Promise<QueueCard[]> {
  const where = { userId, ...(filter.pack && { pack: filter.pack }), ...(filter.topic && { topic: filter.topic }) };
  return db.card.findMany({ where, select: QUEUE_COLUMNS });
}

/**
 * The bank's facets within the filter that have no card among `cards`, in bank order. Runs on
 * every queue read, so it allocates little: the young-generation GC it feeds is what the
 * queue's p95 feels (bench/README.md, due queue).
 */
export function newFacetsOf(cards: readonly QueueCard[], filter: StudyFilter): NewFacet[] {
  const index = getFacetIndex();
  const studied = new Uint8Array(index.facets.length);
  for (const c of cards) {
    const i = index.position(c.pack, c.factId, c.facet);
    if (i !== undefined) studied[i] = 1;
  }
  return index.facets.filter((f, i) => studied[i] === 0 && (!filter.pack || f.pack === filter.pack) && (!filter.topic || f.topic === filter.topic));
}

/** What `buildQueue` needs for one learner within a deck/topic filter: their cards, today's reviews, the facets never studied. */
async function queueInputs(db: Db, userId: UserId, filter: StudyFilter, dayKey: string) {
  const [cards, today] = await Promise.all([queueCards(db, userId, filter), todayOf(db, userId, dayKey)]);
  const byId = new Map<string, QueueCard>();
  for (const c of cards) byId.set(c.id, c);
  return { byId, today, index: getFacetIndex(), cards, newFacets: newFacetsOf(cards, filter) };
}

/** Today's queue within the filter, counted by kind, with the settings it was built with. */
async function todaysQueue(db: Db, userId: UserId, filter: StudyFilter, now: Date) {
  const settings = await getSettings(db, userId);
  const day = learnerDay(now, settings.timeZone, settings.dayStartHour);
  const { byId, today, index, cards, newFacets } = await queueInputs(db, userId, filter, day.key);
  const queue = buildQueue({ now, settings, cards, newFacets, today });
  const counts = queueCounts(queue);
  return { settings, queue, counts, byId, index };
}

/** What today holds for the learner (the home page): the queue's counts, and their settings. */
export async function getTodayCounts(db: Db, userId: UserId, now: Date): Promise<{ counts: StudyQueue["counts"]; settings: LearnerSettings }> {
  const { counts, settings } = await todaysQueue(db, userId, {}, now);
  return { counts, settings };
}

/**
 * The next items of the user's queue (due reviews, then new facets within today's limits),
 * each with a question in a form other than the one shown last time.
 */
export async function getStudyQueue(
  db: Db,
  userId: UserId,
  filter: StudyFilter,
  now: Date,
  locale: Locale,
  exclude: readonly string[] = [],
): Promise<StudyQueue> {
  const [{ settings, queue, counts, byId, index }, last, shown] = await Promise.all([
    todaysQueue(db, userId, filter, now),
    lastEffectiveReview(db, userId),
    withoutPendingAssignmentQuestions(db, userId),
  ]);
  const skip = new Set(exclude);
  const items: StudyItem[] = [];
  for (const entry of queue) {
    if (items.length >= BATCH) break;
    const key = facetKey(entry);
    const questions = index.questions.get(key);
    if (skip.has(key) || !questions) continue;
    const row = entry.cardId ? byId.get(entry.cardId) : undefined;
    items.push(studyItem(userId, entry, row ? cardState(row) : null, shown(questions), settings, now, locale));
  }
  return { items, counts, canUndo: last !== null, generatedAt: now.toISOString() };
}

/** At most this many items go into an offline bundle (about 1 kB each). */
const OFFLINE_MAX = 300;

/**
 * What the device keeps for studying offline: the whole of today's queue, then the reviews and
 * learning steps falling due within `days` (each available from the start of its learner day, a
 * learning step from its due time). Offline the device cannot reschedule, so each item is studied
 * at most once until it syncs.
 */
export async function getOfflineBundle(db: Db, userId: UserId, now: Date, locale: Locale, days: number): Promise<OfflineBundle> {
  const settings = await getSettings(db, userId);
  const day = learnerDay(now, settings.timeZone, settings.dayStartHour);
  const [{ byId, today, index, cards, newFacets }, shown] = await Promise.all([queueInputs(db, userId, {}, day.key), withoutPendingAssignmentQuestions(db, userId)]);
  const items: OfflineItem[] = [];
  const taken = new Set<string>();
  const add = (entry: QueueEntry, availableAt: Date | null) => {
    const key = facetKey(entry);
    const questions = index.questions.get(key);
    if (items.length >= OFFLINE_MAX || taken.has(key) || !questions) return;
    taken.add(key);
    const row = entry.cardId ? byId.get(entry.cardId) : undefined;
    const at = availableAt && availableAt > now ? availableAt : now;
    items.push({ ...studyItem(userId, entry, row ? cardState(row) : null, shown(questions), settings, at, locale), pack: entry.pack, topic: entry.topic, availableAt: availableAt?.toISOString() ?? null });
  };
  for (const entry of buildQueue({ now, settings, cards, newFacets, today })) add(entry, null);
  const until = addDays(day.key, days);
  const later = cards
    .filter((c) => !c.suspended && c.state !== STATE_NEW && c.due > now)
    .map((c) => ({ c, from: c.state === STATE_REVIEW ? learnerDay(c.due, settings.timeZone, settings.dayStartHour) : null }))
    .filter(({ c, from }) => (from ? from.key : learnerDay(c.due, settings.timeZone, settings.dayStartHour).key) <= until)
    // A review due today that is not in today's queue was left out by the daily limit.
    .filter(({ from }) => from?.key !== day.key)
    .sort((a, b) => a.c.due.getTime() - b.c.due.getTime());
  for (const { c, from } of later) {
    const entry: QueueEntry = { reason: c.state === STATE_REVIEW ? "due" : "learning", pack: c.pack, factId: c.factId, facet: c.facet, topic: c.topic, cardId: c.id, lastForm: c.lastForm, due: c.due };
    add(entry, from ? from.start : c.due);
  }
  return { generatedAt: now.toISOString(), items };
}

/** One facet as a study item (after an undo puts it back in front). */
export async function getStudyItem(db: Db, userId: UserId, facet: { pack: string; factId: string; facet: string }, now: Date, locale: Locale): Promise<StudyItem | null> {
  const key = { pack: facet.pack, factId: facet.factId, facet: facet.facet };
  const questions = getFacetIndex().questions.get(facetKey(key));
  if (!questions) return null;
  const [settings, row, shown] = await Promise.all([
    getSettings(db, userId),
    db.card.findUnique({ where: { userId_pack_factId_facet: { userId, ...key } } }),
    withoutPendingAssignmentQuestions(db, userId),
  ]);
  const entry: QueueEntry = {
    ...key,
    // Back as what it was before the review undone: the session counts it there again.
    reason: !row || row.state === STATE_NEW ? "new" : row.state === STATE_LEARNING || row.state === STATE_RELEARNING ? "learning" : "due",
    topic: row?.topic ?? "",
    cardId: row?.id ?? null,
    lastForm: row?.lastForm ?? null,
    due: row?.due ?? null,
  };
  return studyItem(userId, entry, row ? cardState(row) : null, shown(questions), settings, now, locale);
}

export async function listLeeches(db: Db, userId: UserId) {
  return db.card.findMany({
    where: { userId, OR: [{ leech: true }, { suspended: true }] },
    orderBy: { lapses: "desc" },
    select: { id: true, pack: true, factId: true, facet: true, topic: true, lapses: true, suspended: true, leech: true },
  });
}

export interface StudyStats {
  today: string;
  reviewsPerDay: { day: string; count: number }[];
  retention: { passed: number; total: number; rate: number | null };
  forecast: { day: string; count: number }[];
  mastery: { topic: string; value: number; total: number; share: number }[];
  streak: number;
  exam: { date: string; byTopic: { topic: string; value: number; total: number; share: number }[] } | null;
}

/** The learner's statistics: activity, retention, forecast, mastery, streak, exam outlook. */
export async function getStudyStats(db: Db, userId: UserId, now: Date): Promise<StudyStats> {
  const settings = await getSettings(db, userId);
  const today = learnerDay(now, settings.timeZone, settings.dayStartHour);
  const from = addDays(today.key, -29);
  const [entries, cards, days] = await Promise.all([
    db.reviewLog.findMany({
      where: { userId, dayKey: { gte: from } },
      select: { id: true, kind: true, undoOf: true, rating: true, prevState: true, dayKey: true },
    }),
    db.card.findMany({ where: { userId } }),
    // Every day with a review, for the streak (one row per day).
    db.reviewLog.groupBy({ by: ["dayKey"], where: { userId, kind: "review" } }),
  ]);
  const facetCounts = getFacetIndex().countByTopic();
  const states = cards.map((c) => ({ ...cardState(c), topic: c.topic, suspended: c.suspended }));
  const list = (shares: Record<string, { value: number; total: number; share: number }>) =>
    Object.keys(facetCounts).map((topic) => ({ topic, ...(shares[topic] ?? { value: 0, total: facetCounts[topic] ?? 0, share: 0 }) }));
  const examDay = settings.examDate && settings.examDate > today.key ? dayOfKey(settings.examDate, settings.timeZone, settings.dayStartHour) : null;
  return {
    today: today.key,
    reviewsPerDay: reviewsPerDay(entries, from, today.key),
    retention: trueRetention(entries),
    forecast: dueForecast(states, now, settings),
    mastery: list(masteryByTopic(states, facetCounts)),
    // Undone reviews still mark a day as studied: the learner did sit down that day.
    streak: streak(days.map((d) => d.dayKey), today.key),
    exam:
      examDay && settings.examDate
        ? { date: settings.examDate, byTopic: list(predictedRecallByTopic(states, examDay.start, facetCounts, settings)) }
        : null,
  };
}
