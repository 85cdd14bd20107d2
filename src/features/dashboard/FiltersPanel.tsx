/**
 * What the map shows: theme (with which themes have data), period, measure, how the map classes
 * wards, its layers and base map, and where the device is. Docked beside the map on a desktop (it
 * folds to a rail), a drawer on a tablet or phone.
 */
import { BaseMapSettings } from '../../ui/BaseMapSettings.tsx';
import { MeasurePicker, PeriodPicker, ThemePicker } from '../../ui/Controls.tsx';
import { SavedViews } from '../../ui/SavedViews.tsx';
import { Layers } from './Layers.tsx';
import { LocateMe } from './LocateMe.tsx';
import { MapOptions } from './MapOptions.tsx';

export function FiltersPanel({ onClose }: { onClose(): void }) {
  return (
    <section className="filters-panel" aria-labelledby="filters-title">
      <div className="panel-head">
        <h2 id="filters-title">Filters and map</h2>
        <button type="button" onClick={onClose}>
          <span aria-hidden="true">« </span>Hide{' '}
          <span className="visually-hidden">filters and map</span>
        </button>
      </div>
      <form className="filters" aria-label="View" onSubmit={(event) => event.preventDefault()}>
        <ThemePicker />
        <PeriodPicker />
        <MeasurePicker />
      </form>
      <SavedViews />
      <MapOptions />
      <Layers />
      <BaseMapSettings />
      <LocateMe />
    </section>
  );
}
