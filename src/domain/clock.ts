/** The only source of "now" for the domain and use cases; tests pass a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}
