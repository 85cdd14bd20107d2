/** What the map draws for services: symbols, catchments and the gap wards. Pure, tested without WebGL. */
import type { ProposedService, Service } from '../data/services.ts';
import { themeInfo } from '../data/themes.ts';
import type { WardFeature, WardSet } from '../geo/wardSet.ts';
import { GENERIC_SYMBOL, type ServiceSymbol, serviceSymbol } from './serviceSymbols.ts';

export interface ServiceMark {
  position: [number, number];
  /** Index of the type's symbol. */
  symbol: number;
  proposed: boolean;
  tooltip: string;
}

export interface ServiceMapContent {
  /** Loaded services first, then the proposed ones (drawn on top). */
  marks: ServiceMark[];
  symbols: ServiceSymbol[];
  reachMetres: number;
  /** Wards with high need and low coverage, outlined. */
  gapFeatures: WardFeature[];
}

export function serviceTooltip(service: Service): string {
  const lines = [service.name, service.type];
  if (service.themes.length > 0)
    lines.push(`Serves: ${service.themes.map((id) => themeInfo(id).label).join(', ')}`);
  if (service.notes) lines.push(service.notes);
  return lines.join('\n');
}

export function proposedName(proposal: Pick<ProposedService, 'id'>): string {
  return `Proposed service ${proposal.id}`;
}

export function servicesMapContent(input: {
  services: readonly Service[];
  proposed: readonly ProposedService[];
  /** Every type, loaded and proposed, in the order of their symbols. */
  types: readonly string[];
  /** How many types have a symbol of their own (ownSymbolCount); the rest share the generic one. */
  ownSymbols: number;
  reachMetres: number;
  gapWardIndices: readonly number[];
  wards: WardSet;
}): ServiceMapContent {
  const own = Math.min(input.ownSymbols, input.types.length);
  // Past the symbols of their own, every type has the generic symbol, the last one.
  const symbolOf = new Map(input.types.map((type, index) => [type, Math.min(index, own)]));
  const marks: ServiceMark[] = [
    ...input.services.map((service) => ({
      position: [service.longitude, service.latitude] as [number, number],
      symbol: symbolOf.get(service.type) ?? 0,
      proposed: false,
      tooltip: serviceTooltip(service),
    })),
    ...input.proposed.map((proposal) => ({
      position: [proposal.longitude, proposal.latitude] as [number, number],
      symbol: symbolOf.get(proposal.type) ?? 0,
      proposed: true,
      tooltip: `${proposedName(proposal)}\n${proposal.type}`,
    })),
  ];
  return {
    marks,
    symbols: [
      ...input.types.slice(0, own).map(serviceSymbol),
      ...(own < input.types.length ? [GENERIC_SYMBOL] : []),
    ],
    reachMetres: input.reachMetres,
    gapFeatures: input.gapWardIndices
      .map((index) => input.wards.features[index])
      .filter((feature) => feature !== undefined),
  };
}
