import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import { fact as factSchema, factKinds, packMeta, type Fact, type Pack } from "./schema";

/** One problem in a pack, located in its file. */
export interface ContentIssue {
  file: string;
  line: number;
  message: string;
}

/** Thrown when a pack has problems; carries all of them, not just the first. */
export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "ContentError";
  }
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

/** A pack's files as text; reading them from disk is the caller's job (keeps the core pure). */
export interface PackSource {
  /** Path of `pack.yaml`, as it should appear in messages. */
  metaFile: string;
  metaText: string;
  factFiles: { file: string; text: string }[];
}

type PathKey = string | number;

/** Plainer messages than zod's defaults for the two commonest mistakes. */
const requiredMessage = (issue: { code?: string; input?: unknown; path?: PropertyKey[] }) => {
  if (issue.code === "invalid_type" && issue.input === undefined) return "is required";
  if (issue.code === "invalid_union" && issue.path?.at(-1) === "kind") {
    const kind = (issue.input as { kind?: unknown } | null)?.kind;
    return `unknown kind ${JSON.stringify(kind)}: use one of ${factKinds.join(", ")}`;
  }
  return undefined;
};

function parse(file: string, text: string, issues: ContentIssue[]) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  for (const error of doc.errors) {
    issues.push({ file, line: lineAt(error.pos[0]), message: `YAML: ${error.message.split("\n")[0]}` });
  }
  return { doc, lineAt, ok: doc.errors.length === 0 };
}

/** The line of the deepest node that exists along `path`. */
function lineOf(doc: Document, lineAt: (o: number | undefined) => number, path: PathKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return 1;
}

function zodIssues(
  file: string,
  doc: Document,
  lineAt: (o: number | undefined) => number,
  base: PathKey[],
  error: { issues: { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[] },
): ContentIssue[] {
  return error.issues.map((issue) => {
    const path = [...base, ...issue.path.filter((k): k is PathKey => typeof k !== "symbol")];
    const where = path.slice(base.length).join(".");
    // An unknown key is reported on its object; point at the key's own line instead.
    const at = issue.code === "unrecognized_keys" && issue.keys?.[0] !== undefined ? [...path, issue.keys[0]] : path;
    return { file, line: lineOf(doc, lineAt, at), message: where ? `${where}: ${issue.message}` : issue.message };
  });
}

/**
 * Parses and validates one pack. Reports every problem at once: YAML syntax, schema
 * (unknown kind, bad date, missing unit, empty set, …), duplicate ids, and disputes
 * that name a field the fact does not have.
 */
export function loadPack(source: PackSource): Pack {
  const issues: ContentIssue[] = [];

  const meta = parse(source.metaFile, source.metaText, issues);
  const metaResult = meta.ok ? packMeta.safeParse(meta.doc.toJS(), { error: requiredMessage }) : undefined;
  if (metaResult && !metaResult.success) {
    issues.push(...zodIssues(source.metaFile, meta.doc, meta.lineAt, [], metaResult.error));
  }

  const facts: Fact[] = [];
  const firstSeen = new Map<string, string>();
  for (const { file, text } of source.factFiles) {
    const parsed = parse(file, text, issues);
    if (!parsed.ok) continue;
    const data: unknown = parsed.doc.toJS();
    if (!Array.isArray(data)) {
      issues.push({ file, line: 1, message: "a facts file must be a YAML list of facts" });
      continue;
    }
    data.forEach((raw: unknown, index) => {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const line = lineOf(parsed.doc, parsed.lineAt, [index, "id"]);
      if (typeof rawId === "string") {
        const previous = firstSeen.get(rawId);
        if (previous) {
          issues.push({ file, line, message: `duplicate id "${rawId}" (first at ${previous})` });
          return;
        }
        firstSeen.set(rawId, `${file}:${line}`);
      }
      const result = factSchema.safeParse(raw, { error: requiredMessage });
      if (!result.success) {
        issues.push(...zodIssues(file, parsed.doc, parsed.lineAt, [index], result.error));
        return;
      }
      const f = result.data;
      if (f.disputed && !(f.disputed.field in f)) {
        issues.push({
          file,
          line: lineOf(parsed.doc, parsed.lineAt, [index, "disputed", "field"]),
          message: `disputed.field "${f.disputed.field}" is not a field of a ${f.kind} fact`,
        });
        return;
      }
      facts.push(f);
    });
  }
  if (source.factFiles.length === 0) {
    issues.push({ file: source.metaFile, line: 1, message: "the pack has no facts files" });
  }

  if (issues.length > 0 || !metaResult?.success) throw new ContentError(issues);
  return { ...metaResult.data, facts };
}
