export * from "./attempts";
export * from "./responses";
export * from "./item-analysis";
export * from "./recall";
export * from "./csv";
