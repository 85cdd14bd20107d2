/**
 * Settings of the property-based tests: seeded, so that a run is repeatable, with a bounded
 * number of runs so that `npm test` stays quick. PROPERTY_SEED and PROPERTY_RUNS run them
 * deeper by hand (e.g. `PROPERTY_SEED=7 PROPERTY_RUNS=2000 npx vitest run --project unit x`).
 */
export function propertySettings(seed: number, numRuns: number): { seed: number; numRuns: number } {
  return {
    seed: Number(process.env.PROPERTY_SEED ?? seed),
    numRuns: Number(process.env.PROPERTY_RUNS ?? numRuns),
  };
}
