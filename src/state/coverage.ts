/**
 * Coverage of the area's wards by the loaded and proposed services, worked out in the reach
 * worker whenever the wards, area, services, proposals or reach change, and the gap
 * table built on it. The coverage sits in the store: every component that asks shares one
 * computation, and the latest request wins.
 */
import { useEffect, useMemo } from 'react';
import type { AreaFigures } from '../analysis/areaFigures.ts';
import { type GapTableRows, gapTable, type NeedWard } from '../analysis/gaps.ts';
import type { AreaPriorities } from '../analysis/priorities.ts';
import { gapRuleOf, type ServicesView } from '../analysis/servicesView.ts';
import { errorMessage } from '../data/errorMessage.ts';
import type { ProposedService, ServiceFile } from '../data/services.ts';
import type { Coverage, CoverageRequest } from '../geo/reach.ts';
import { requestCoverage } from '../geo/reachClient.ts';
import { findArea } from '../geo/wardSet.ts';
import { ownSymbolCount, type ServiceSymbol, typeSymbol } from '../map/serviceSymbols.ts';
import type { CoverageInputs, CoverageState } from './coverageSlice.ts';
import { selectPriorities } from './selectors.ts';
import { useAppStore } from './store.ts';

/** The file's types, then any new type of a proposed service. */
export function coverageTypes(
  services: ServiceFile | null,
  proposed: readonly ProposedService[],
): string[] {
  const types = [...(services?.types ?? [])];
  for (const proposal of proposed) if (!types.includes(proposal.type)) types.push(proposal.type);
  return types;
}

export interface TypeSymbols {
  /** Every type, loaded and proposed, in the order of their symbols. */
  types: string[];
  /** How many of them have a symbol of their own; the rest share the generic one. */
  ownSymbols: number;
  /** The symbol the map draws for a type. */
  symbolOf(type: string): ServiceSymbol;
}

/** The service types and their symbols as the map draws them, within what the device's GPU holds. */
export function useTypeSymbols(): TypeSymbols {
  const services = useAppStore((state) => state.services);
  const proposed = useAppStore((state) => state.proposedServices);
  const maxTextureSize = useAppStore((state) => state.maxTextureSize);
  return useMemo(() => {
    const types = coverageTypes(services, proposed);
    const ownSymbols = ownSymbolCount(types.length, maxTextureSize);
    const indexOf = new Map(types.map((type, index) => [type, index]));
    return {
      types,
      ownSymbols,
      symbolOf: (type) => typeSymbol(type, indexOf.get(type) ?? 0, ownSymbols),
    };
  }, [services, proposed, maxTextureSize]);
}

/** With no services at all, nothing is within reach: no need to start the worker. */
function noCoverage(request: CoverageRequest): Coverage {
  const zeros = () => new Float64Array(request.wardIndices.length);
  const rows = request.types.length + 1;
  return {
    reachMetres: request.reachMetres,
    wardIndices: request.wardIndices,
    types: request.types,
    shares: Array.from({ length: rows }, zeros),
    baseline: Array.from({ length: rows }, zeros),
    proposedShares: [],
    serviceWards: new Int32Array(0),
    proposedWards: new Int32Array(0),
  };
}

function sameInputs(a: CoverageInputs | null, b: CoverageInputs): boolean {
  return a?.every((input, at) => input === b[at]) ?? false;
}

/** Asks the reach worker for the coverage of the inputs, unless they are the latest asked. */
function ensureCoverage(inputs: CoverageInputs, request: CoverageRequest): void {
  const store = useAppStore.getState();
  if (sameInputs(store.coverageRequested, inputs)) return;
  store.setCoverageRequested(inputs);
  const [wards, , services, , proposed] = inputs;
  const proposedIds = proposed.map((proposal) => proposal.id);
  const latest = () => useAppStore.getState().coverageRequested === inputs;
  if (request.services.length === 0 && request.proposed.length === 0) {
    store.setCoverage({
      coverage: noCoverage(request),
      proposedIds,
      services,
      current: true,
      progress: null,
      milliseconds: 0,
      error: null,
    });
    return;
  }
  store.setCoverage({ current: false, progress: 0, error: null });
  requestCoverage(wards, request, (fraction) => {
    if (latest()) useAppStore.getState().setCoverage({ progress: fraction });
  }).then(
    (answer) => {
      if (answer === null || !latest()) return;
      useAppStore.getState().setCoverage({
        coverage: answer.coverage,
        proposedIds,
        services,
        current: true,
        progress: null,
        milliseconds: answer.milliseconds,
      });
    },
    (error: unknown) => {
      if (!latest()) return;
      useAppStore.getState().setCoverage({
        progress: null,
        error: errorMessage(error),
      });
    },
  );
}

/**
 * Coverage of the current area's wards; worked out again whenever what it depends on changes,
 * while `active` (the dashboard's map asks for none).
 */
export function useCoverage(active = true): CoverageState {
  const wards = useAppStore((store) => store.wards);
  const area = useAppStore((store) => store.area);
  const services = useAppStore((store) => store.services);
  const proposed = useAppStore((store) => store.proposedServices);
  const reachMetres = useAppStore((store) => store.servicesView.reachMetres);
  useEffect(() => {
    if (!active || !wards) return;
    const areaWards = findArea(wards, area);
    if (!areaWards) return;
    const request: CoverageRequest = {
      wardIndices: areaWards.wardIndices,
      types: coverageTypes(services, proposed),
      services: (services?.services ?? []).map(({ type, longitude, latitude }) => ({
        type,
        longitude,
        latitude,
      })),
      proposed: proposed.map(({ type, longitude, latitude }) => ({ type, longitude, latitude })),
      reachMetres,
    };
    ensureCoverage([wards, area, services, reachMetres, proposed], request);
  }, [active, wards, area, services, proposed, reachMetres]);
  return useAppStore((store) => store.coverage);
}

/** The area's wards with their need: the theme's figure, or the priority score. */
export function needWards(figures: AreaFigures, priorities: AreaPriorities | null): NeedWard[] {
  const byCode = new Map(
    priorities?.wards.map((ward, position) => [ward.code, priorities.rows[position]]) ?? [],
  );
  return figures.wards.map((ward) => {
    const row = byCode.get(ward.code);
    return {
      index: ward.index,
      code: ward.code,
      name: ward.name,
      ladName: ward.ladName,
      // A ward with no data has no offences to weigh, and no need figure to rank.
      count: ward.count ?? 0,
      rate: ward.rate,
      need: priorities ? (row?.score ?? null) : ward.value,
      needRank: priorities ? (row?.priority ?? null) : ward.rank,
    };
  });
}

function sameWards(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((index, at) => index === b[at]);
}

/** Row of the coverage's shares for the chosen type: its own, or "any type" (the last). */
export function chosenTypeRow(coverage: Coverage, view: ServicesView): number {
  const at = view.serviceType === null ? -1 : coverage.types.indexOf(view.serviceType);
  return at >= 0 ? at : coverage.types.length;
}

/** Need against provision for the current view; null until coverage has been worked out. */
export function useGapTable(
  figures: AreaFigures,
  active = true,
): {
  table: GapTableRows | null;
  coverage: CoverageState;
} {
  const coverage = useCoverage(active);
  const view = useAppStore((store) => store.servicesView);
  const priorities = useAppStore((store) =>
    store.servicesView.need === 'priority' ? selectPriorities(store) : null,
  );
  const table = useMemo(() => {
    const worked = coverage.coverage;
    // Coverage of another area's wards (while the new area's is worked out) would mislead.
    if (!worked || !active || !sameWards(worked.wardIndices, figures.area.wardIndices)) return null;
    const row = chosenTypeRow(worked, view);
    return gapTable(
      needWards(figures, priorities),
      {
        wardIndices: worked.wardIndices,
        chosen: worked.shares[row] ?? [],
        chosenBefore: worked.baseline[row] ?? [],
        byType: worked.shares.slice(0, worked.types.length),
        proposed: coverage.proposedIds.map((id, at) => ({
          id,
          shares: worked.proposedShares[at] ?? [],
        })),
      },
      gapRuleOf(view),
    );
  }, [active, coverage.coverage, coverage.proposedIds, figures, priorities, view]);
  return { table, coverage };
}
