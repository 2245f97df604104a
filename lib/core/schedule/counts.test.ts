import { describe, expect, it } from "vitest";
import { applyReview, newCard, STATE_NEW, STATE_REVIEW } from "./card";
import { countReview, queueCounts } from "./counts";
import { buildQueue, factKey, inLearningQueue, LEARN_AHEAD_MINUTES, type NewFacet, type QueueCard } from "./queue";
import { DAY, MINUTE, SHANGHAI, at, plus, reviewed } from "./test-fixtures";

// 10:00 on 2024-06-10 in Shanghai.
const START = at("2024-06-10T02:00:00Z");
const SETTINGS = { ...SHANGHAI, newPerDay: 5, reviewsPerDay: 3 };

const queueCard = (id: string, factId: string, card = newCard(START)): QueueCard => ({ ...card, id, pack: "yrd", factId, facet: "date", topic: "历史", suspended: false, lastForm: "mc" });

describe("countReview", () => {
  it("takes a graded card from its count, counts it again as learning when it is back today, and undo gives both back", () => {
    const counts = { learning: 1, due: 4, new: 20 };
    expect(countReview(counts, "new", false)).toEqual({ learning: 1, due: 4, new: 19 });
    expect(countReview(counts, "new", true)).toEqual({ learning: 2, due: 4, new: 19 });
    expect(countReview(counts, "learning", true)).toEqual(counts);
    expect(countReview(counts, "exam", false)).toEqual({ learning: 1, due: 3, new: 20 });
    // A flashcard leaves when graded; the server's answer adds it to learning later, or an overrule takes it out.
    expect(countReview(countReview(counts, "due", false), null, true)).toEqual({ learning: 2, due: 3, new: 20 });
    expect(countReview(counts, null, true, true)).toEqual({ learning: 0, due: 4, new: 20 });
    expect(countReview(countReview(counts, "new", true), "new", true, true)).toEqual(counts);
    expect(countReview({ learning: 0, due: 0, new: 0 }, "new", false)).toEqual({ learning: 0, due: 0, new: 0 });
  });

  it("moves the counts as a fresh read of the queue would, review after review (queueCounts of buildQueue)", () => {
    // Reviews due (more than the daily limit), one learning step, new facets with siblings.
    let cards: QueueCard[] = [
      ...["r1", "r2", "r3", "r4"].map((f, i) => queueCard(`c-${f}`, f, reviewed(`c-${f}`, [3, 3], plus(START, -40 * DAY + i * MINUTE), SETTINGS))),
      queueCard("c-l1", "l1", applyReview(newCard(plus(START, -5 * MINUTE)), 1, plus(START, -5 * MINUTE), SETTINGS, "c-l1").card),
    ];
    expect(cards.filter((c) => c.state === STATE_REVIEW && c.due < START)).toHaveLength(4);
    let newFacets: NewFacet[] = ["n1", "n1", "n2", "n3", "n3", "n4", "n5", "n6", "n7"].map((factId, i) => ({ pack: "yrd", factId, facet: `f${i}`, topic: "历史" }));
    let today = { newIntroduced: 0, reviewsDone: 0, factIdsReviewed: new Set<string>() };
    const ratings = [3, 1, 4, 2, 3, 3, 1, 4, 3, 3, 3, 4, 3, 3, 3, 3];
    let now = START;
    let learningAgainSeen = 0;
    for (const rating of ratings) {
      const queue = buildQueue({ now, settings: SETTINGS, cards, newFacets, today });
      const entry = queue[0];
      if (!entry) break;
      const counts = queueCounts(queue);
      const id = entry.cardId ?? `c-${entry.factId}-${entry.facet}`;
      const before = cards.find((c) => c.id === id) ?? queueCard(id, entry.factId, newCard(now));
      const result = applyReview(before, rating, now, SETTINGS, id);
      cards = [...cards.filter((c) => c.id !== id), { ...before, ...result.card, facet: entry.facet }];
      newFacets = newFacets.filter((f) => !(f.factId === entry.factId && f.facet === entry.facet));
      today = {
        newIntroduced: today.newIntroduced + (result.entry.prevState === STATE_NEW ? 1 : 0),
        reviewsDone: today.reviewsDone + (result.entry.prevState === STATE_REVIEW ? 1 : 0),
        factIdsReviewed: new Set([...today.factIdsReviewed, factKey(entry.pack, entry.factId)]),
      };
      const learningAgain = inLearningQueue(result.card, now);
      if (learningAgain) learningAgainSeen++;
      const reread = queueCounts(buildQueue({ now, settings: SETTINGS, cards, newFacets, today }));
      expect(countReview(counts, entry.reason, learningAgain), `${entry.reason} ${entry.factId} rated ${rating}`).toEqual(reread);
      now = plus(now, LEARN_AHEAD_MINUTES * MINUTE);
    }
    expect(learningAgainSeen).toBeGreaterThan(0);
    expect(today.newIntroduced).toBe(5);
    expect(today.reviewsDone).toBe(3);
  });
});
