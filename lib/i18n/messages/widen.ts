/** A catalogue's shape with every string literal widened to string: what a translation must fill. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
