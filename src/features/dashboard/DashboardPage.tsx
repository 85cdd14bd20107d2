/**
 * The tasking view: the map fills the screen, with the filters in force as chips above it and
 * its legend on it. On a desktop the filters and the wards to look at dock on either side (the
 * filters fold to a narrow rail, and the map takes the room); on a tablet the filters are a drawer
 * and the wards stay docked; on a phone
 * the wards are a bottom sheet over the map. The heatmap, trends, table and changes open in a
 * drawer over the foot of the map. Meeting mode keeps the list and the legend, in larger type,
 * and "Next ward" walks the list, zooming to each ward.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import { useAppStore } from '../../state/store.ts';
import type { AreaOption } from '../../ui/Controls.tsx';
import { Legend } from '../../ui/Legend.tsx';
import { useCoveredEdges } from '../../ui/useCoveredEdges.ts';
import { type LayoutSize, useLayoutSize } from '../../ui/useLayoutSize.ts';
import { type Detail, DetailsDrawer } from './DetailsDrawer.tsx';
import { FilterChips } from './FilterChips.tsx';
import { FiltersPanel } from './FiltersPanel.tsx';
import { WardsPanel, wardsToLookAt } from './WardsPanel.tsx';

// MapLibre and deck.gl are most of the JavaScript: load them in their own chunk so the controls
// and lists are usable while the map arrives.
const MapView = lazy(() => import('../../ui/MapView.tsx'));

/** What covers the map: the legend on its left (or top), the details' buttons and the sheet. */
const OVERLAYS = {
  stage: '.map-stage',
  left: '.map-stage .legend',
  bottom: ['.map-column .details-tabs', '.sheet'],
} as const;

type SheetHeight = 'peek' | 'half' | 'full';
const SHEET_NEXT: Readonly<Record<SheetHeight, SheetHeight>> = {
  peek: 'half',
  half: 'full',
  full: 'peek',
};

/** The next of the wards to look at after the selected one (the first when none is). */
function useNextWard(figures: AreaFigures): () => void {
  const selectWard = useAppStore((state) => state.selectWard);
  return useCallback(() => {
    const wards = wardsToLookAt(figures);
    if (wards.length === 0) return;
    const at = wards.findIndex((ward) => ward.code === figures.selectedWard);
    selectWard((wards[(at + 1) % wards.length] ?? wards[0])?.code ?? null);
  }, [figures, selectWard]);
}

function filtersOpenAtFirst(size: LayoutSize, meeting: boolean): boolean {
  return size === 'desktop' && !meeting;
}

export function DashboardPage({
  figures,
  areas,
}: {
  figures: AreaFigures;
  areas: readonly AreaOption[];
}) {
  const size = useLayoutSize();
  const meeting = useAppStore((state) => state.meeting);
  const [filtersOpen, setFiltersOpen] = useState(() => filtersOpenAtFirst(size, meeting));
  const [detail, setDetail] = useState<Detail | null>(null);
  const [sheet, setSheet] = useState<SheetHeight>('peek');
  const nextWard = useNextWard(figures);
  const workspace = useRef<HTMLElement>(null);
  const covered = useCoveredEdges(workspace, OVERLAYS, `${size} ${sheet} ${detail}`);

  // A change of layout or of meeting mode starts from that layout's own arrangement.
  useEffect(() => setFiltersOpen(filtersOpenAtFirst(size, meeting)), [size, meeting]);

  // In a meeting, "n" (or the button) walks the list without reaching for the mouse.
  useEffect(() => {
    if (!meeting) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea')) return;
      if (event.key === 'n' || event.key === 'N') nextWard();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [meeting, nextWard]);

  const docked = size === 'desktop';
  const wards = <WardsPanel figures={figures} peek={size === 'phone' && sheet === 'peek'} />;
  const details = <DetailsDrawer figures={figures} open={detail} onOpen={setDetail} />;

  return (
    <main
      ref={workspace}
      className={`workspace ${size}${docked ? (filtersOpen ? ' filters-docked' : ' filters-railed') : ''}`}
      aria-label={`Tasking view of ${figures.area.name}`}
    >
      <div className="chips-bar">
        {/* A desktop opens its filters from their rail beside the map. */}
        {!docked && (
          <button
            type="button"
            className="filters-toggle"
            aria-expanded={filtersOpen}
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            Filters
          </button>
        )}
        <FilterChips areas={areas} />
        {meeting && (
          <button type="button" className="next-ward" onClick={nextWard}>
            Next ward (N)
          </button>
        )}
      </div>
      {filtersOpen ? (
        <div className={docked ? 'filters-dock' : 'filters-drawer'}>
          <FiltersPanel onClose={() => setFiltersOpen(false)} />
        </div>
      ) : (
        docked && (
          <div className="filters-rail">
            <button type="button" aria-expanded={false} onClick={() => setFiltersOpen(true)}>
              <span aria-hidden="true">»</span>
              <span className="rail-label">
                <span className="visually-hidden">Show </span>Filters and map
              </span>
            </button>
          </div>
        )
      )}
      <div className="map-column">
        <section className="map-stage" aria-label="Map">
          <h2 className="visually-hidden">
            Map of {figures.area.name}: {figures.theme.label}
          </h2>
          <Suspense fallback={<div className="ward-map loading-map">Loading map…</div>}>
            <MapView figures={figures} overlays={covered} />
          </Suspense>
          <Legend figures={figures} />
        </section>
        {size !== 'phone' && details}
      </div>
      {size === 'phone' ? (
        // The details' buttons sit at the sheet's foot, under the list rather than over it; a
        // detail opened takes the whole sheet, and the handle goes back to the list.
        <section className={`sheet ${detail ? 'full' : sheet}`} aria-label="Wards and details">
          <button
            type="button"
            className="sheet-handle"
            aria-label={
              detail
                ? 'Back to the list'
                : sheet === 'full'
                  ? 'Show less of the list'
                  : 'Show more of the list'
            }
            onClick={() => (detail ? setDetail(null) : setSheet(SHEET_NEXT[sheet]))}
          >
            <span aria-hidden="true" />
          </button>
          {!detail && <div className="sheet-body">{wards}</div>}
          {details}
        </section>
      ) : (
        <aside className="wards-dock" aria-label="Wards to look at">
          {wards}
        </aside>
      )}
    </main>
  );
}
