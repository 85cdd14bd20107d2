/** Ward populations used as rate denominators. */
export interface WardPopulation {
  /** All usual residents. */
  population: number;
  /** Residents aged 10-24, the denominator for youth violence; null when not supplied. */
  population10to24: number | null;
}
