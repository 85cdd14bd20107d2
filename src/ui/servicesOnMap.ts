/** Tells the map what the Services page shows: services, catchments, gaps, and where a tap places. */
import { type RefObject, useEffect, useMemo } from 'react';
import type { AreaFigures } from '../analysis/areaFigures.ts';
import { servicesMapContent } from '../map/servicesMapContent.ts';
import type { WardMap } from '../map/wardMap.ts';
import { useGapTable, useTypeSymbols } from '../state/coverage.ts';
import { useAppStore } from '../state/store.ts';

/** Decimal places kept of a tapped position: 5 is about a metre. */
const PLACED_DECIMALS = 5;

export function roundedPosition(value: number): number {
  return Number(value.toFixed(PLACED_DECIMALS));
}

export function useServicesOnMap(map: RefObject<WardMap | null>, figures: AreaFigures): void {
  const shown = useAppStore((state) => state.page === 'services');
  const { table } = useGapTable(figures, shown);
  const services = useAppStore((state) => state.services);
  const proposed = useAppStore((state) => state.proposedServices);
  const reachMetres = useAppStore((state) => state.servicesView.reachMetres);
  const placing = useAppStore((state) => state.placingService);

  const wards = useAppStore((state) => state.wards);
  const { types, ownSymbols } = useTypeSymbols();
  const content = useMemo(() => {
    if (!shown || !wards) return null;
    return servicesMapContent({
      services: services?.services ?? [],
      proposed,
      types,
      ownSymbols,
      reachMetres,
      gapWardIndices: table?.rows.filter((row) => row.gap).map((row) => row.index) ?? [],
      wards,
    });
  }, [shown, wards, services, proposed, types, ownSymbols, reachMetres, table]);
  useEffect(() => map.current?.setServices(content), [map, content]);

  useEffect(() => {
    if (placing === null || !shown) {
      map.current?.setPlacing(null);
      return;
    }
    map.current?.setPlacing((longitude, latitude) => {
      const store = useAppStore.getState();
      store.addProposedService({
        type: placing,
        longitude: roundedPosition(longitude),
        latitude: roundedPosition(latitude),
      });
      // One tap, one service: taps select wards again.
      store.setPlacingService(null);
    });
  }, [map, placing, shown]);
}
