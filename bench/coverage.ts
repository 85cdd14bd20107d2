/**
 * Coverage speed: the share of each ward's area within reach of services (src/geo/reach.ts, the
 * code the reach worker runs) over the app's own ward file (public/data/wards.topo.json; `npm run
 * data` builds it), for Kensington and Chelsea and for all of London, then the update after one
 * proposed service is placed (what a user waits for on the Services page).
 *
 * Services sit at ward label points, three types in turn: one at every second ward of the borough
 * (9 for its 18 wards) and at every third ward of London (235 for 704), 800 m reach.
 *
 * `coverageFigures()` returns the figures; `node bench/coverage.ts` prints them as `name: value`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoverageModel, type CoverageRequest, computeCoverage } from '../src/geo/reach.ts';
import { WARDS_FILE, type WardTopology } from '../src/geo/wardFile.ts';
import { decodeWardTopology, type WardSet } from '../src/geo/wardSet.ts';

const root = path.resolve(import.meta.dirname, '..');
const KENSINGTON_AND_CHELSEA = 'E09000020';
const TYPES = ['Youth hub', 'Domestic abuse advocate', 'Sexual violence support'];
const REACH_METRES = 800;

function labelOf(wards: WardSet, index: number): [number, number] {
  const ward = wards.wards[index];
  if (!ward) throw new Error(`No ward ${index}`);
  return ward.label;
}

function request(wards: WardSet, wardIndices: number[], every: number): CoverageRequest {
  return {
    wardIndices,
    types: TYPES,
    services: wardIndices
      .filter((_, at) => at % every === 0)
      .map((index, at) => {
        const [longitude, latitude] = labelOf(wards, index);
        return { type: TYPES[at % TYPES.length] as string, longitude, latitude };
      }),
    proposed: [],
    reachMetres: REACH_METRES,
  };
}

function timed<T>(work: () => T): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** Milliseconds for a first computation, and for one more with a proposed service. */
function measure(wards: WardSet, base: CoverageRequest): { first: number; proposal: number } {
  const model = new CoverageModel(wards.features.map((feature) => feature.geometry));
  const first = timed(() => computeCoverage(model, base));
  const [longitude, latitude] = labelOf(wards, base.wardIndices[1] as number);
  const proposal = timed(() =>
    computeCoverage(model, { ...base, proposed: [{ type: 'Youth hub', longitude, latitude }] }),
  );
  return { first, proposal };
}

export function coverageFigures(): Record<string, number> {
  const topology = JSON.parse(
    readFileSync(path.join(root, 'public/data', WARDS_FILE), 'utf8'),
  ) as WardTopology;
  const wards = decodeWardTopology(topology);
  const borough = wards.wards
    .filter((ward) => ward.lad === KENSINGTON_AND_CHELSEA)
    .map((ward) => ward.index);
  const london = wards.wards.map((ward) => ward.index);
  // The first run also compiles the code: warm up on the borough.
  measure(wards, request(wards, borough, 2));
  const rbkc = measure(wards, request(wards, borough, 2));
  const all = measure(wards, request(wards, london, 3));
  const round = (value: number) => Math.round(value);
  return {
    coverage_rbkc_ms: round(rbkc.first),
    coverage_rbkc_proposal_ms: round(rbkc.proposal),
    coverage_london_ms: round(all.first),
    coverage_london_proposal_ms: round(all.proposal),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, value] of Object.entries(coverageFigures())) console.log(`${name}: ${value}`);
}
