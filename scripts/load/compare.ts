// The verdict of a load run, from what the clients saw and what the database holds. Pure: the
// runner (scripts/load/run.ts) loads the rows; the unit tests feed it made-up ones.
import { replay, type CardState, type SchedulerSettings, type StoredReviewEntry } from "@/lib/core/schedule";

/** What the clients know: every clientId they sent, and those the server acknowledged (2xx). */
export interface ClientRecord {
  /** userId → clientIds sent at least once. */
  sent: ReadonlyMap<string, ReadonlySet<string>>;
  /** userId → clientIds answered 2xx at least once. */
  acked: ReadonlyMap<string, ReadonlySet<string>>;
}

export type LogRow = StoredReviewEntry & { userId: string; cardId: string; clientId: string };
export type CardRow = CardState & { id: string; userId: string; createdAt: Date };

export interface LoadVerdict {
  acked: number;
  logged: number;
  /** Acknowledged but not in the log. */
  lost: number;
  /** (userId, clientId) pairs with more than one log row. */
  duplicated: number;
  /** Log rows whose clientId no client sent. */
  unrequested: number;
  /** Sent, never acknowledged (the server died first, or the run ended), yet stored: allowed. */
  storedUnacked: number;
  /** Cards whose stored state differs from the replay of their log (a half-written review). */
  cardMismatches: string[];
  /** Log rows pointing at no card of the same user. */
  orphanRows: number;
}

const key = (userId: string, clientId: string) => `${userId}\u0000${clientId}`;

function sameInstant(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}

/** Field by field: floats compared exactly, as replay is deterministic. */
export function sameCardState(a: CardState, b: CardState): boolean {
  return (
    sameInstant(a.due, b.due) &&
    sameInstant(a.lastReview, b.lastReview) &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.scheduledDays === b.scheduledDays &&
    a.learningSteps === b.learningSteps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.state === b.state
  );
}

export function compareLoad(
  clients: ClientRecord,
  logs: readonly LogRow[],
  cards: readonly CardRow[],
  settingsOf: (userId: string) => SchedulerSettings,
): LoadVerdict {
  const rowsByKey = new Map<string, number>();
  for (const row of logs) rowsByKey.set(key(row.userId, row.clientId), (rowsByKey.get(key(row.userId, row.clientId)) ?? 0) + 1);

  let acked = 0;
  let lost = 0;
  for (const [userId, ids] of clients.acked) {
    for (const clientId of ids) {
      acked++;
      if (!rowsByKey.has(key(userId, clientId))) lost++;
    }
  }
  let duplicated = 0;
  for (const count of rowsByKey.values()) if (count > 1) duplicated++;

  let unrequested = 0;
  let storedUnacked = 0;
  for (const row of logs) {
    if (!clients.sent.get(row.userId)?.has(row.clientId)) unrequested++;
    else if (!clients.acked.get(row.userId)?.has(row.clientId)) storedUnacked++;
  }

  const logsByCard = new Map<string, LogRow[]>();
  for (const row of logs) logsByCard.set(row.cardId, [...(logsByCard.get(row.cardId) ?? []), row]);
  const cardOwner = new Map(cards.map((c) => [c.id, c.userId]));
  const orphanRows = logs.filter((row) => cardOwner.get(row.cardId) !== row.userId).length;

  const cardMismatches: string[] = [];
  for (const card of cards) {
    let expected: CardState | null;
    try {
      expected = replay(logsByCard.get(card.id) ?? [], settingsOf(card.userId), card.id, card.createdAt);
    } catch {
      expected = null;
    }
    if (!expected || !sameCardState(card, expected)) cardMismatches.push(card.id);
  }

  return { acked, logged: logs.length, lost, duplicated, unrequested, storedUnacked, cardMismatches, orphanRows };
}

/** True when nothing acknowledged was lost or doubled and every card is the replay of its log. */
export function verdictOk(v: LoadVerdict): boolean {
  return v.lost === 0 && v.duplicated === 0 && v.unrequested === 0 && v.cardMismatches.length === 0 && v.orphanRows === 0;
}
