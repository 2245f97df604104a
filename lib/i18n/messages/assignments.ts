import type { Widen } from "./widen";

// The `assignments` namespace of the catalogue (wired into zh-CN.ts and en.ts).

export const zh = {
  title: "作业",
} as const;

export const en: Widen<typeof zh> = {
  title: "Assignments",
};
