export * from "./settings";
export * from "./day";
export * from "./card";
export * from "./queue";
export * from "./stats";
export * from "./counts";
export * from "./flashcard";
