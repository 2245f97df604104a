import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, formatIssue, loadPack } from "@/lib/core/content/load";
import { readPackSource } from "@/lib/server/content/read-packs";

// Each folder of test/fixtures/broken-packs is a pack with one kind of mistake, read from disk the
// way `npm run content:check` and `npm start` read content/. The loader must refuse it with
// exactly these `file:line: message` lines (paths relative to the working directory, as printed).
const dir = "test/fixtures/broken-packs";
const f = (pack: string, file = "facts/a.yaml") => `${dir}/${pack}/${file}`;

const expected: Record<string, string[]> = {
  "yaml-syntax": [`${f("yaml-syntax")}:5: YAML: Nested mappings are not allowed in compact mappings`],
  "duplicate-key": [`${f("duplicate-key")}:5: YAML: Map keys must be unique`],
  "not-a-list": [`${f("not-a-list")}:1: a facts file must be a YAML list of facts`],
  "wrong-type": [`${f("wrong-type")}:5: ordered: Invalid input: expected boolean, received string`],
  "unknown-kind": [`${f("unknown-kind")}:7: kind: unknown kind "person": use one of event, quantity, set, membership, document, term`],
  "missing-field": [`${f("missing-field")}:1: definition: is required`],
  "unknown-field": [`${f("unknown-field")}:6: Unrecognized key: "year"`],
  "duplicate-id": [`${f("duplicate-id")}:6: duplicate id "ev-1" (first at ${f("duplicate-id")}:1)`],
  "bad-id": [`${f("bad-id")}:1: id: id must be kebab-case (a-z, 0-9, single hyphens)`],
  "bad-date": [`${f("bad-date")}:4: date: date does not exist in the calendar`],
  "bad-unit": [`${f("bad-unit")}:6: unit: must not be empty`],
  "bad-fraction": [`${f("bad-fraction")}:5: value: a fractional value must look like 1/4`],
  "set-too-small": [`${f("set-too-small")}:7: items: a set needs at least two items`],
  "disputed-field": [`${f("disputed-field")}:7: disputed.field "where" is not a field of a event fact`],
  "bad-meta": [`${f("bad-meta", "pack.yaml")}:1: titleEn: is required`, `${f("bad-meta", "pack.yaml")}:3: language: Invalid input: expected "zh-CN"`],
};

function issuesOf(pack: string): string[] {
  try {
    loadPack(readPackSource(path.join(dir, pack)));
  } catch (error) {
    if (error instanceof ContentError) return error.issues.map(formatIssue);
    throw error;
  }
  throw new Error(`${pack} was accepted`);
}

describe("broken content packs", () => {
  it("has an expectation for every fixture folder, and a fixture for every expectation", () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [pack, lines] of Object.entries(expected)) {
    it(`refuses ${pack} with its file and line`, () => {
      expect(issuesOf(pack)).toEqual(lines);
    });
  }
});
