import type { TestProject } from "vitest/node";
import { freshDatabase } from "./fresh-database";

export default function setup(project: TestProject) {
  return freshDatabase(project, "postgres");
}
