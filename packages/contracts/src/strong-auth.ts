// Contracts of the clinic's side (issue 5); filled in by its builders.
export {};
