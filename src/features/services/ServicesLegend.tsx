/** The key to the Services page's map: a symbol per type, proposed services, catchments, gaps;
 * and how many types share the generic symbol when the device's GPU cannot hold one for each. */
import { formatCount } from '../../data/numberFormat.ts';
import { GAP_OUTLINE_COLOUR } from '../../map/serviceSymbols.ts';
import { useTypeSymbols } from '../../state/coverage.ts';
import { useAppStore } from '../../state/store.ts';
import { ServiceSymbolIcon } from './ServiceSymbolIcon.tsx';

export function ServicesLegend() {
  const services = useAppStore((state) => state.services);
  const reachMetres = useAppStore((state) => state.servicesView.reachMetres);
  const { types, ownSymbols, symbolOf } = useTypeSymbols();
  const generic = types.length - ownSymbols;
  const countOf = (type: string) =>
    services?.services.filter((service) => service.type === type).length ?? 0;
  const first = types[0];

  return (
    <figure className="legend services-legend" aria-labelledby="services-legend-title">
      <figcaption id="services-legend-title">Services, reach and gaps</figcaption>
      {generic > 0 && (
        <p className="legend-note">
          {formatCount(generic)} service {generic === 1 ? 'type is' : 'types are'} shown with the
          grey “+” symbol: this device’s graphics hold symbols of their own for the first{' '}
          {formatCount(ownSymbols)} of the {formatCount(types.length)} types only.
        </p>
      )}
      <ul>
        {types.map((type) => (
          <li key={type}>
            <ServiceSymbolIcon symbol={symbolOf(type)} />
            <span>{type}</span>
            <span className="legend-count">
              {formatCount(countOf(type))} {countOf(type) === 1 ? 'service' : 'services'}
            </span>
          </li>
        ))}
        {first !== undefined && (
          <li>
            <ServiceSymbolIcon symbol={symbolOf(first)} proposed />
            <span>Proposed service (white, dashed outline)</span>
          </li>
        )}
        <li>
          <span className="catchment-swatch" aria-hidden="true" />
          <span>Within {formatCount(reachMetres)} m of a service, in a straight line</span>
        </li>
        <li>
          <svg className="gap-swatch" width="22" height="22" aria-hidden="true" focusable="false">
            <rect
              x="3"
              y="3"
              width="16"
              height="16"
              fill="none"
              stroke={GAP_OUTLINE_COLOUR}
              strokeWidth="5"
            />
            <rect
              x="3"
              y="3"
              width="16"
              height="16"
              fill="none"
              stroke="#ffffff"
              strokeWidth="1.5"
            />
          </svg>
          <span>Gap ward: thick dark outline with a white line inside</span>
        </li>
      </ul>
    </figure>
  );
}
