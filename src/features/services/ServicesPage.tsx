/**
 * Services against need: the area's wards ranked by need beside the share of each ward within
 * a straight-line distance of a service, the gaps (high need, low coverage) on the map and in a table,
 * the services themselves, and proposed services to try a scenario.
 */
import { lazy, Suspense, useId, useRef, useState } from 'react';
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import {
  describeGapRule,
  MAX_REACH_METRES,
  MIN_REACH_METRES,
  type NeedMeasure,
  serviceTypeText,
  TOP_SHARES,
  type TopShare,
  validCoveragePercent,
  validReach,
} from '../../analysis/servicesView.ts';
import { formatCount } from '../../data/numberFormat.ts';
import { SERVICES_COLUMNS } from '../../formats/services.ts';
import { coverageTypes, useGapTable } from '../../state/coverage.ts';
import { useAppStore } from '../../state/store.ts';
import { Legend } from '../../ui/Legend.tsx';
import { MapKeys } from '../../ui/MapKeys.tsx';
import { RadioChoice, type RadioOption } from '../../ui/RadioChoice.tsx';
import { useCoveredEdges } from '../../ui/useCoveredEdges.ts';
import { GapTable } from './GapTable.tsx';
import { ProposedServices } from './ProposedServices.tsx';
import { ServicesLegend } from './ServicesLegend.tsx';
import { ServicesList } from './ServicesList.tsx';
import './services.css';

const MapView = lazy(() => import('../../ui/MapView.tsx'));

/** The legends cover the map's top-left corner: the area is fitted beside or below them. */
const OVERLAYS = {
  stage: '.services-map-stage',
  left: '.services-map .map-keys',
  bottom: [],
} as const;

/** A number typed a key at a time: kept as typed, and passed on once it is valid. */
function NumberField(props: {
  id: string;
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  step: number;
  valid(value: number): boolean;
  onChange(value: number): void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={props.step}
        value={draft ?? String(props.value)}
        aria-describedby={`${props.id}-hint`}
        onChange={(event) => {
          setDraft(event.target.value);
          const value = Number(event.target.value);
          if (event.target.value !== '' && props.valid(value)) props.onChange(value);
        }}
        onBlur={() => setDraft(null)}
      />
      <span id={`${props.id}-hint`} className="hint">
        {props.hint}
      </span>
    </div>
  );
}

function Settings({ figures }: { figures: AreaFigures }) {
  const id = useId();
  const view = useAppStore((state) => state.servicesView);
  const measure = useAppStore((state) => state.measure);
  const services = useAppStore((state) => state.services);
  const proposed = useAppStore((state) => state.proposedServices);
  const setServicesView = useAppStore((state) => state.setServicesView);
  const types = coverageTypes(services, proposed);
  const themeFigure =
    measure === 'rate' ? `rate per 1,000 ${figures.denominator}` : 'count of offences';
  const needs: RadioOption<NeedMeasure>[] = [
    { value: 'theme', label: `${figures.theme.label}: ${themeFigure} (the Measure above)` },
    { value: 'priority', label: 'Priority score (the Priorities page’s combined rank)' },
  ];

  return (
    <fieldset className="services-settings">
      <legend>Reach, need and gaps</legend>
      <NumberField
        id={`${id}-reach`}
        label="Reach in a straight line (metres)"
        hint={`${formatCount(MIN_REACH_METRES)} to ${formatCount(MAX_REACH_METRES)} m. A catchment is a circle of this radius around each service: distance as the crow flies, not a walking route, which is longer wherever roads, rail or the river are in the way. 800 m is about ten minutes’ walk in a straight line.`}
        value={view.reachMetres}
        min={MIN_REACH_METRES}
        max={MAX_REACH_METRES}
        step={100}
        valid={validReach}
        onChange={(reachMetres) => setServicesView({ reachMetres })}
      />
      <RadioChoice
        legend="Need"
        className="field need"
        value={view.need}
        onChange={(need) => setServicesView({ need })}
        options={needs}
      />
      <div className="field">
        <label htmlFor={`${id}-type`}>Coverage by</label>
        <select
          id={`${id}-type`}
          value={view.serviceType ?? ''}
          onChange={(event) => setServicesView({ serviceType: event.target.value || null })}
        >
          <option value="">Any service</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
          {view.serviceType !== null && !types.includes(view.serviceType) && (
            <option value={view.serviceType}>{view.serviceType} (none loaded)</option>
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-top`}>High need</label>
        <select
          id={`${id}-top`}
          value={view.topShare}
          onChange={(event) => setServicesView({ topShare: event.target.value as TopShare })}
        >
          {(Object.keys(TOP_SHARES) as TopShare[]).map((share) => (
            <option key={share} value={share}>
              {`In the ${TOP_SHARES[share].label} of wards`}
            </option>
          ))}
        </select>
      </div>
      <NumberField
        id={`${id}-coverage`}
        label="Low coverage: below (%)"
        hint="Percentage of the ward’s ground within reach, 1 to 100."
        value={view.coverageBelowPercent}
        min={1}
        max={100}
        step={5}
        valid={validCoveragePercent}
        onChange={(coverageBelowPercent) => setServicesView({ coverageBelowPercent })}
      />
      {services === null && (
        <p className="hint services-help">
          No services are loaded. Load a services file with <strong>Load data</strong>: a CSV with
          the columns {SERVICES_COLUMNS} (themes are theme ids separated by “;” or “|”).
        </p>
      )}
    </fieldset>
  );
}

export function ServicesPage({
  figures,
  publication,
  onPublicationChange,
}: {
  figures: AreaFigures;
  /** Publication mode for the CSV, shared with the other exports. */
  publication: boolean;
  onPublicationChange(publication: boolean): void;
}) {
  const { table, coverage } = useGapTable(figures);
  const view = useAppStore((state) => state.servicesView);
  // A type named by a link but not loaded counts as any service.
  const chosenType =
    view.serviceType !== null && coverage.coverage?.types.includes(view.serviceType)
      ? view.serviceType
      : null;
  const typeText = serviceTypeText(chosenType);
  const page = useRef<HTMLElement>(null);
  const covered = useCoveredEdges(page, OVERLAYS, '');

  return (
    <main ref={page} className="services-page">
      <article className="page services">
        <h2>Services against need in {figures.area.name}</h2>
        <p>
          Each ward’s need beside the share of its area within reach of a service. A catchment is a
          circle around each service: a straight-line distance, not a walking route (shares of
          ground area, worked out with Turf). A <strong>gap</strong> is a ward with{' '}
          {describeGapRule(view, typeText)}.
        </p>
        <Settings figures={figures} />
        {table && (
          <p className="gap-rule" role="note">
            High need here means a need rank of 1 to {table.cutoff} of the {table.rankedCount} wards
            with a figure (ties at rank {table.cutoff} included); low coverage means less than{' '}
            {view.coverageBelowPercent}% of the ward’s area within {view.reachMetres} m of{' '}
            {typeText}.
          </p>
        )}
        <p className="coverage-status" role="status">
          {coverage.error
            ? `Coverage could not be worked out: ${coverage.error}`
            : coverage.progress !== null
              ? `Working out coverage… ${Math.round(coverage.progress * 100)}%`
              : coverage.milliseconds !== null && coverage.coverage
                ? `Coverage of ${coverage.coverage.wardIndices.length} wards worked out in ${formatCount(Math.round(coverage.milliseconds))} ms.`
                : ''}
        </p>
      </article>
      <section className="map-panel services-map" aria-label="Map of services and gaps">
        <div className="services-map-stage">
          <Suspense fallback={<div className="ward-map loading-map">Loading map…</div>}>
            <MapView figures={figures} overlays={covered} />
          </Suspense>
          <MapKeys>
            <Legend figures={figures} />
            <ServicesLegend />
          </MapKeys>
        </div>
      </section>
      <ProposedServices figures={figures} table={table} chosenType={chosenType} />
      <GapTable
        figures={figures}
        table={table}
        coverage={coverage}
        chosenType={chosenType}
        publication={publication}
        onPublicationChange={onPublicationChange}
      />
      <ServicesList coverage={coverage} />
    </main>
  );
}
