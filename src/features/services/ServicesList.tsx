/** The loaded services: name, type (with its symbol), the ward each is in, themes and notes. */
import { useId } from 'react';
import { formatCount } from '../../data/numberFormat.ts';
import { themeInfo } from '../../data/themes.ts';
import { useTypeSymbols } from '../../state/coverage.ts';
import type { CoverageState } from '../../state/coverageSlice.ts';
import { useAppStore } from '../../state/store.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { ServiceSymbolIcon } from './ServiceSymbolIcon.tsx';

export function ServicesList({ coverage }: { coverage: CoverageState }) {
  const id = useId();
  const file = useAppStore((state) => state.services);
  const wards = useAppStore((state) => state.wards);
  const setServices = useAppStore((state) => state.setServices);
  const { symbolOf } = useTypeSymbols();
  if (!file) return null;
  // The worker places each service in a ward along with its coverage; until it has, for these
  // services, the ward is not known yet.
  const worked = coverage.coverage;
  const wardsKnown = worked !== null && coverage.services === file;
  const wardOf = (position: number) => {
    if (!wardsKnown) return '…';
    const index = worked.serviceWards[position] ?? -1;
    return index >= 0 ? (wards?.wards[index]?.name ?? '–') : 'Outside the wards';
  };

  return (
    <section className="page services-list" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Services</h2>
      <p>
        {formatCount(file.services.length)} services from {file.fileName}, kept in this browser
        until you remove them or clear the data. Loading another services file replaces them.
      </p>
      <TableScroll captionId={`${id}-caption`}>
        <table className="services-table">
          <caption id={`${id}-caption`}>Services loaded from {file.fileName}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Ward</th>
              <th scope="col">Themes</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {file.services.map((service, position) => (
              <tr key={service.row}>
                <th scope="row">{service.name}</th>
                <td>
                  <span className="service-type">
                    <ServiceSymbolIcon symbol={symbolOf(service.type)} />
                    {service.type}
                  </span>
                </td>
                <td>{wardOf(position)}</td>
                <td>{service.themes.map((theme) => themeInfo(theme).label).join(', ') || '–'}</td>
                <td>{service.notes || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <button type="button" onClick={() => setServices(null)}>
        Remove services
      </button>
    </section>
  );
}
