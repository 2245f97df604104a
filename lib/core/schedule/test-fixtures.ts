/** Shared fixtures of the schedule tests (not exported from index.ts). */
import { rngFor } from "@/lib/core/generate/hash";
import {
  applyReview,
  newCard,
  resetCard,
  undoReview,
  type CardState,
  type ReviewEntry,
  type SchedulerSettings,
} from "./card";
import { DEFAULT_SETTINGS, type LearnerSettings } from "./settings";

export const SHANGHAI: LearnerSettings = { ...DEFAULT_SETTINGS, timeZone: "Asia/Shanghai", dayStartHour: 4 };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const at = (iso: string) => new Date(iso);
export const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** A card taken through `ratings`, one review a day apart from `start` (or as scheduled when `onDue`). */
export function reviewed(
  cardId: string,
  ratings: readonly number[],
  start: Date,
  settings: SchedulerSettings = SHANGHAI,
  onDue = true,
): CardState {
  let card = newCard(start);
  let now = start;
  for (const r of ratings) {
    card = applyReview(card, r, now, settings, cardId).card;
    now = onDue ? new Date(Math.max(card.due.getTime(), now.getTime())) : plus(now, DAY);
  }
  return card;
}

export interface Simulation {
  cards: Map<string, { state: CardState; createdAt: Date }>;
  log: Map<string, ReviewEntry[]>;
  reviews: number;
  undos: number;
  resets: number;
  leeches: number;
  /** Checks made on each undo: the rolled-back card equals the card before the review. */
  rollbackMismatches: number;
}

/**
 * A learner studying `cardCount` facets for `days` days (Shanghai, sessions at varying hours),
 * with seeded random ratings, immediate undos and resets. Applies every change step by step the
 * way the data layer does (the stored card is the input of the next change) and logs it.
 */
export function simulate(seed: string, cardCount: number, days: number, settings: SchedulerSettings = SHANGHAI): Simulation {
  const rng = rngFor(seed);
  const sim: Simulation = { cards: new Map(), log: new Map(), reviews: 0, undos: 0, resets: 0, leeches: 0, rollbackMismatches: 0 };
  let seq = 0;
  const nextId = () => `e${String(seq++).padStart(6, "0")}`;
  const ids = Array.from({ length: cardCount }, (_, i) => `c${String(i).padStart(3, "0")}-${rng.int(1e6)}`);
  let introduced = 0;
  const start = Date.UTC(2024, 0, 1, 1, 0, 0); // 09:00 in Shanghai
  for (let d = 0; d < days; d++) {
    let now = new Date(start + d * DAY + rng.int(12 * 60) * MINUTE);
    const sessionEnd = now.getTime() + 3 * HOUR;
    for (let n = 0; n < 4 && introduced < cardCount; n++) {
      const id = ids[introduced++] as string;
      sim.cards.set(id, { state: newCard(now), createdAt: now });
      sim.log.set(id, []);
    }
    for (;;) {
      const due = [...sim.cards.entries()]
        .filter(([, c]) => c.state.due.getTime() <= now.getTime())
        .sort(([a, x], [b, y]) => x.state.due.getTime() - y.state.due.getTime() || (a < b ? -1 : 1));
      const first = due[0];
      if (!first) {
        // Wait for a learning step due within the session.
        const soon = [...sim.cards.values()]
          .map((c) => c.state.due.getTime())
          .filter((t) => t > now.getTime() && t <= sessionEnd)
          .sort((a, b) => a - b)[0];
        if (soon === undefined) break;
        now = new Date(soon + rng.int(90) * 1000);
        continue;
      }
      const [id, card] = first;
      const log = sim.log.get(id) as ReviewEntry[];
      const roll = rng.next();
      const rating = roll < 0.25 ? 1 : roll < 0.4 ? 2 : roll < 0.9 ? 3 : 4;
      const before = card.state;
      const result = applyReview(before, rating, now, settings, id);
      const entry: ReviewEntry = { id: nextId(), ...result.entry };
      log.push(entry);
      card.state = result.card;
      sim.reviews++;
      if (result.leech) sim.leeches++;
      now = new Date(now.getTime() + (5 + rng.int(60)) * 1000);
      if (rng.chance(0.05)) {
        // Undo at once, as the app offers it.
        const { card: undone, entry: undoEntry } = undoReview(card.state, entry, now);
        if (!sameCard(undone, before)) sim.rollbackMismatches++;
        log.push({ id: nextId(), ...undoEntry });
        card.state = undone;
        sim.undos++;
        now = new Date(now.getTime() + 2000);
      }
    }
    if (d === Math.floor(days / 2) || d === days - 3) {
      // Reset one studied card mid-way and near the end.
      const [id, card] = [...sim.cards.entries()][d % sim.cards.size] as [string, { state: CardState }];
      const { card: next, entry } = resetCard(card.state, now);
      (sim.log.get(id) as ReviewEntry[]).push({ id: nextId(), ...entry });
      card.state = next;
      sim.resets++;
    }
  }
  return sim;
}

/** Field-by-field equality, dates by instant. */
export function sameCard(a: CardState, b: CardState): boolean {
  return (
    a.due.getTime() === b.due.getTime() &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.scheduledDays === b.scheduledDays &&
    a.learningSteps === b.learningSteps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.state === b.state &&
    (a.lastReview?.getTime() ?? null) === (b.lastReview?.getTime() ?? null)
  );
}
