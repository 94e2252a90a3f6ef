declare const brand: unique symbol;

/** A value of `T` that may not be mixed up with another `T` of a different meaning. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };
