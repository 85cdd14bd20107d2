/**
 * A scenario: proposed services placed with a tap on the map, or by latitude and longitude for
 * keyboard users, and what they change: coverage, offences within reach and the gaps. Proposed
 * services stay in this tab: they are never kept in the browser.
 */
import { useId, useState } from 'react';
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import { describePeriod } from '../../analysis/describeView.ts';
import { countText, type SuppressAt } from '../../analysis/display.ts';
import type { GapTableRows } from '../../analysis/gaps.ts';
import { serviceTypeText } from '../../analysis/servicesView.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../analysis/suppression.ts';
import { serviceTypeKey } from '../../data/services.ts';
import { readPosition } from '../../formats/services.ts';
import { proposedName } from '../../map/servicesMapContent.ts';
import { useCoverage, useTypeSymbols } from '../../state/coverage.ts';
import { useAppStore } from '../../state/store.ts';
import { ServiceSymbolIcon } from './ServiceSymbolIcon.tsx';

/** Types a commissioner may try without a services file loaded. */
const EXAMPLE_TYPES = ['Youth hub', 'Domestic abuse advocate', 'Sexual violence support'];

/** An estimate of offences: whole, and "<5" for 1 to 4 in publication mode. */
export function offencesText(estimate: number, suppressAt: SuppressAt): string {
  return countText(Math.round(estimate), suppressAt);
}

export function ProposedServices({
  figures,
  table,
  chosenType,
}: {
  figures: AreaFigures;
  table: GapTableRows | null;
  chosenType: string | null;
}) {
  const id = useId();
  const services = useAppStore((state) => state.services);
  const wards = useAppStore((state) => state.wards);
  const proposed = useAppStore((state) => state.proposedServices);
  const placing = useAppStore((state) => state.placingService);
  const view = useAppStore((state) => state.servicesView);
  const from = useAppStore((state) => state.from);
  const to = useAppStore((state) => state.to);
  const suppressAt = useAppStore((state) =>
    state.publication ? DEFAULT_SUPPRESSION_THRESHOLD : null,
  );
  const { addProposedService, removeProposedService, setPlacingService } = useAppStore.getState();
  const coverage = useCoverage();
  const loadedTypes = services?.types ?? [];
  const { symbolOf } = useTypeSymbols();
  const choices = [
    ...loadedTypes,
    ...EXAMPLE_TYPES.filter(
      (example) => !loadedTypes.some((type) => serviceTypeKey(type) === serviceTypeKey(example)),
    ),
  ];
  const [chosen, setChosen] = useState<string | null>(null);
  const type =
    chosen !== null && choices.includes(chosen)
      ? chosen
      : (choices.find((choice) => choice === view.serviceType) ?? (choices[0] as string));
  const [latitude, setLatitude] = useState('');
  const [longitude, setLongitude] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const addTyped = () => {
    const position = readPosition(latitude.trim(), longitude.trim());
    if ('category' in position) {
      setProblem(position.detail);
      return;
    }
    setProblem(null);
    addProposedService({ type, ...position });
  };

  const proposalWard = (proposalId: number): string => {
    const at = coverage.current ? coverage.proposedIds.indexOf(proposalId) : -1;
    const index = at >= 0 ? (coverage.coverage?.proposedWards[at] ?? -1) : -1;
    const ward = index >= 0 ? wards?.wards[index] : undefined;
    return ward ? `in ${ward.name}` : coverage.current ? 'outside the wards shown' : '…';
  };
  const reachOf = (proposalId: number) =>
    table?.proposals.find((proposal) => proposal.id === proposalId)?.offences ?? null;

  return (
    <section className="page proposed-services" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Try a proposed service</h2>
      <p>
        Place a service that does not exist yet and see what it would change. Proposed services stay
        on this page until you remove them or close the tab; they are not kept.
      </p>
      <div className="proposal-controls">
        <div className="field">
          <label htmlFor={`${id}-type`}>Type of proposed service</label>
          <select
            id={`${id}-type`}
            value={type}
            onChange={(event) => setChosen(event.target.value)}
          >
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          aria-pressed={placing !== null}
          aria-describedby={`${id}-placing`}
          onClick={() => setPlacingService(placing === null ? type : null)}
        >
          Place a proposed service on the map
        </button>
        <p id={`${id}-placing`} className="hint" role="status">
          {placing !== null
            ? `Tap or click the map where the ${placing} would be.`
            : 'Or type its position:'}
        </p>
      </div>
      <form
        className="proposal-controls"
        aria-label="Position of a proposed service"
        onSubmit={(event) => {
          event.preventDefault();
          addTyped();
        }}
      >
        <DecimalField
          id={`${id}-latitude`}
          label="Latitude"
          placeholder="51.5200"
          value={latitude}
          onChange={setLatitude}
        />
        <DecimalField
          id={`${id}-longitude`}
          label="Longitude"
          placeholder="-0.2000"
          value={longitude}
          onChange={setLongitude}
        />
        <button type="submit">Add proposed service</button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {proposed.length > 0 && (
        <>
          <ul className="proposals">
            {proposed.map((proposal) => {
              const offences = reachOf(proposal.id);
              return (
                <li key={proposal.id}>
                  <ServiceSymbolIcon symbol={symbolOf(proposal.type)} proposed />
                  <span className="proposal-text">
                    <strong>{proposedName(proposal)}</strong>: {proposal.type} at{' '}
                    <span className="position">
                      {proposal.latitude.toFixed(5)}, {proposal.longitude.toFixed(5)}
                    </span>{' '}
                    {proposalWard(proposal.id)}.{' '}
                    {offences !== null &&
                      `About ${offencesText(offences, suppressAt)} offences within its reach.`}
                  </span>
                  <button type="button" onClick={() => removeProposedService(proposal.id)}>
                    Remove {proposedName(proposal).toLowerCase()}
                  </button>
                </li>
              );
            })}
          </ul>
          {table && (
            <p className="scenario-summary" role="status">
              With the proposed services: {figures.theme.label} offences within {view.reachMetres} m
              of {serviceTypeText(chosenType)}, about{' '}
              {offencesText(table.offencesWithinReachBefore, suppressAt)} before and{' '}
              {offencesText(table.offencesWithinReach, suppressAt)} after; gaps{' '}
              {table.gapCountBefore} before and {table.gapCount} after.
            </p>
          )}
        </>
      )}
      <p className="hint">
        Offences within reach are an estimate: each ward’s {figures.theme.label} offences in{' '}
        {describePeriod(from, to)}, times the share of the ward’s area within {view.reachMetres} m,
        added up. Offences are not spread evenly over a ward, so read them as a guide.
      </p>
    </section>
  );
}

function DecimalField(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder={props.placeholder}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}
