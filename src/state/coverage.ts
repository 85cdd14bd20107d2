/**
 * Coverage of the area's wards by the loaded and proposed services, worked out in the reach
 * worker whenever the wards, area, services, proposals or walking distance change, and the gap
 * table built on it. Every component that asks shares one computation: the latest request wins.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { AreaFigures } from '../analysis/areaFigures.ts';
import { type GapTable, gapTable, type NeedWard } from '../analysis/gaps.ts';
import type { AreaPriorities } from '../analysis/priorities.ts';
import { gapRuleOf, type ServicesView } from '../analysis/servicesView.ts';
import type { ProposedService, ServiceFile } from '../data/services.ts';
import type { Coverage, CoverageRequest } from '../geo/reach.ts';
import { requestCoverage } from '../geo/reachClient.ts';
import { findArea, type WardSet } from '../geo/wardSet.ts';
import { loadedData } from './registry.ts';
import { selectPriorities } from './selectors.ts';
import { useAppStore } from './store.ts';

export interface CoverageState {
  /** The latest coverage worked out; null before the first. */
  coverage: Coverage | null;
  /** The numbers of the proposed services, in the coverage's order. */
  proposedIds: number[];
  /** The version of the services the coverage is for. */
  servicesVersion: number | null;
  /** Whether the coverage is for what the page shows now (not still being worked out). */
  current: boolean;
  /** Share of the wards done, while working. */
  progress: number | null;
  /** How long the worker took for the last coverage. */
  milliseconds: number | null;
  error: string | null;
}

let state: CoverageState = {
  coverage: null,
  proposedIds: [],
  servicesVersion: null,
  current: false,
  progress: null,
  milliseconds: null,
  error: null,
};
let requestedKey: string | null = null;
const listeners = new Set<() => void>();

function publish(change: Partial<CoverageState>): void {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The loaded services file (kept in the registry): the store's version says when it changes. */
export function useServiceFile(): ServiceFile | null {
  useAppStore((store) => store.servicesVersion);
  return loadedData.services;
}

/** The ward set (kept in the registry): the store's version says when it changes. */
export function useWardSet(): WardSet | null {
  useAppStore((store) => store.wardsVersion);
  return loadedData.wards;
}

/** The file's types, then any new type of a proposed service. */
export function coverageTypes(
  services: ServiceFile | null,
  proposed: readonly ProposedService[],
): string[] {
  const types = [...(services?.types ?? [])];
  for (const proposal of proposed) if (!types.includes(proposal.type)) types.push(proposal.type);
  return types;
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

function ensureCoverage(
  key: string,
  wards: WardSet,
  request: CoverageRequest,
  proposedIds: number[],
  servicesVersion: number,
): void {
  if (key === requestedKey) return;
  requestedKey = key;
  if (request.services.length === 0 && request.proposed.length === 0) {
    publish({
      coverage: noCoverage(request),
      proposedIds,
      servicesVersion,
      current: true,
      progress: null,
      milliseconds: 0,
      error: null,
    });
    return;
  }
  publish({ current: false, progress: 0, error: null });
  requestCoverage(wards, request, (fraction) => {
    if (requestedKey === key) publish({ progress: fraction });
  }).then(
    (answer) => {
      if (answer === null || requestedKey !== key) return;
      publish({
        coverage: answer.coverage,
        proposedIds,
        servicesVersion,
        current: true,
        progress: null,
        milliseconds: answer.milliseconds,
      });
    },
    (error: unknown) => {
      if (requestedKey !== key) return;
      publish({ progress: null, error: error instanceof Error ? error.message : String(error) });
    },
  );
}

/**
 * Coverage of the current area's wards; worked out again whenever what it depends on changes,
 * while `active` (the dashboard's map asks for none).
 */
export function useCoverage(active = true): CoverageState {
  const wardsVersion = useAppStore((store) => store.wardsVersion);
  const area = useAppStore((store) => store.area);
  const servicesVersion = useAppStore((store) => store.servicesVersion);
  const proposed = useAppStore((store) => store.proposedServices);
  const reachMetres = useAppStore((store) => store.servicesView.reachMetres);
  useEffect(() => {
    if (!active) return;
    const wards = loadedData.wards;
    const areaWards = wards ? findArea(wards, area) : undefined;
    if (!wards || !areaWards) return;
    const services = loadedData.services;
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
    ensureCoverage(
      JSON.stringify([wardsVersion, area, servicesVersion, reachMetres, proposed]),
      wards,
      request,
      proposed.map((proposal) => proposal.id),
      servicesVersion,
    );
  }, [active, wardsVersion, area, servicesVersion, proposed, reachMetres]);
  return useSyncExternalStore(subscribe, () => state);
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
      count: ward.count,
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
  table: GapTable | null;
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
