/** Ward populations used as rate denominators. */
export interface WardPopulation {
  /** All usual residents. */
  population: number;
  /** Residents aged 10-24, the denominator for youth violence; null when not supplied. */
  population10to24: number | null;
}

/** Where populations came from: a file's name, or the app's source and its year. */
export interface PopulationSource {
  name: string;
  year: number | null;
}

/** Populations by ward code with their source. */
export interface Populations {
  populations: ReadonlyMap<string, WardPopulation>;
  source: PopulationSource;
}
