// Apart from schema.ts so the practice page's client bundle can read it without zod (~30 kB gzip).
export const practiceLengths = [5, 10, 20] as const;
