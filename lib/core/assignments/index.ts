export * from "./status";
export * from "./select";
export * from "./time";
