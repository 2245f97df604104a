import { describe, expect, it } from "vitest";
import { applyReview, DEFAULT_SETTINGS, newCard } from "@/lib/core/schedule";
import { compareLoad, verdictOk, type CardRow, type LogRow } from "./compare";

const T0 = new Date("2026-03-02T02:00:00Z");
const plus = (ms: number) => new Date(T0.getTime() + ms);

/** A card reviewed with `ratings`, one minute apart, as recordReview stores it. */
function reviewed(userId: string, cardId: string, ratings: number[], clientPrefix = cardId) {
  let state = newCard(T0);
  const logs: LogRow[] = [];
  ratings.forEach((rating, i) => {
    const result = applyReview(state, rating, plus((i + 1) * 60_000), DEFAULT_SETTINGS, cardId);
    logs.push({ ...result.entry, id: `${cardId}-log${i}`, userId, cardId, clientId: `${clientPrefix}-c${i}` });
    state = result.card;
  });
  const card: CardRow = { ...state, id: cardId, userId, createdAt: T0 };
  return { card, logs };
}

const sets = (entries: [string, string[]][]) => new Map(entries.map(([u, ids]) => [u, new Set(ids)]));
const settings = () => DEFAULT_SETTINGS;

describe("compareLoad", () => {
  it("passes when every acknowledged review is stored once and cards replay", () => {
    const a = reviewed("u1", "card-a", [3, 1, 3]);
    const b = reviewed("u2", "card-b", [4]);
    const ids = (logs: LogRow[]) => logs.map((l) => l.clientId);
    // u1's last review was stored but its answer never arrived (server killed): allowed.
    const clients = { sent: sets([["u1", ids(a.logs)], ["u2", ids(b.logs)]]), acked: sets([["u1", ids(a.logs).slice(0, 2)], ["u2", ids(b.logs)]]) };
    const v = compareLoad(clients, [...a.logs, ...b.logs], [a.card, b.card], settings);
    expect(v).toMatchObject({ acked: 3, logged: 4, lost: 0, duplicated: 0, unrequested: 0, storedUnacked: 1, cardMismatches: [], orphanRows: 0 });
    expect(verdictOk(v)).toBe(true);
  });

  it("counts an acknowledged review missing from the log as lost", () => {
    const a = reviewed("u1", "card-a", [3]);
    const clients = { sent: sets([["u1", ["card-a-c0", "gone-1"]]]), acked: sets([["u1", ["card-a-c0", "gone-1"]]]) };
    const v = compareLoad(clients, a.logs, [a.card], settings);
    expect(v.lost).toBe(1);
    expect(verdictOk(v)).toBe(false);
  });

  it("counts a clientId stored twice as duplicated, and a row nobody sent as unrequested", () => {
    const a = reviewed("u1", "card-a", [3, 3]);
    const twin = { ...a.logs[1]!, id: "twin", clientId: a.logs[0]!.clientId };
    const stray = { ...a.logs[1]! };
    const clients = { sent: sets([["u1", [a.logs[0]!.clientId]]]), acked: sets([["u1", [a.logs[0]!.clientId]]]) };
    const v = compareLoad(clients, [a.logs[0]!, twin], [a.card], settings);
    expect(v.duplicated).toBe(1);
    const w = compareLoad(clients, [a.logs[0]!, stray], [a.card], settings);
    expect(w.unrequested).toBe(1);
    expect(verdictOk(v) || verdictOk(w)).toBe(false);
  });

  it("flags a card whose state is not the replay of its log (a half-written review)", () => {
    const a = reviewed("u1", "card-a", [3, 3]);
    const ids = a.logs.map((l) => l.clientId);
    const clients = { sent: sets([["u1", ids]]), acked: sets([["u1", ids]]) };
    // The card took the second review but its log row is missing, and the reverse.
    expect(compareLoad(clients, a.logs.slice(0, 1), [a.card], settings).cardMismatches).toEqual(["card-a"]);
    const stale = reviewed("u1", "card-a", [3]).card;
    expect(compareLoad(clients, a.logs, [stale], settings).cardMismatches).toEqual(["card-a"]);
    // A card with no log at all (created, review not written).
    expect(compareLoad({ sent: new Map(), acked: new Map() }, [], [a.card], settings).cardMismatches).toEqual(["card-a"]);
  });

  it("flags a log row attached to another user's card", () => {
    const a = reviewed("u1", "card-a", [3]);
    const foreign = { ...a.logs[0]!, userId: "u2" };
    const clients = { sent: sets([["u2", [foreign.clientId]]]), acked: sets([["u2", [foreign.clientId]]]) };
    expect(compareLoad(clients, [foreign], [a.card], settings).orphanRows).toBe(1);
  });
});
