/**
 * Share and export: the one-page briefing, the map as PNG, the ward table as CSV, and a link to
 * the view. Exports apply publication mode by default, whatever the screen shows.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeView } from '../../analysis/describeView.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD, suppressionFor } from '../../analysis/suppression.ts';
import { MAP_IMAGE_HEIGHT, MAP_IMAGE_WIDTH, mapImageFor, mapSvg } from '../../export/mapSvg.ts';
import { exportFileName, wardTableCsv } from '../../export/wardTableCsv.ts';
import { selectExportFigures, useAreaStatistics } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { LinkToCopy, useCopyLink } from '../../ui/copyLink.tsx';
import { downloadBlob, svgToPng } from '../../ui/downloads.ts';
import { exportBaseMapImage } from '../../ui/exportBaseMap.ts';
import './shareAndExport.css';
import { errorMessage } from '../../data/errorMessage.ts';

/** The PNG has twice the pixels of the image's size, for slides and print. */
const PNG_SCALE = 2;

export function ShareAndExport({
  publication,
  onPublicationChange,
}: {
  /** Publication mode for exports: on by default, apart from the setting on screen. */
  publication: boolean;
  onPublicationChange(publication: boolean): void;
}) {
  const id = useId();
  const figures = useAppStore(selectExportFigures);
  const view = useAppStore(
    useShallow((state) => ({
      theme: state.theme,
      from: state.from,
      to: state.to,
      measure: state.measure,
      time: state.time,
      mapMode: state.mapMode,
    })),
  );
  const populationYear = useAppStore((state) => state.populationSource?.year ?? null);
  const setPage = useAppStore((state) => state.setPage);
  const baseMapSettings = useAppStore((state) => state.baseMap);
  const statistics = useAreaStatistics();
  const { copyLink, linkToCopy, linkField, status, setStatus } = useCopyLink();

  if (!figures) return null;
  const fileView = { ...view, areaName: figures.area.name };

  const downloadMap = async () => {
    const { wards } = useAppStore.getState();
    if (!wards) return;
    const heading = `${figures.area.name}: ${describeView({ ...view, themeLabel: figures.theme.label })}`;
    setStatus('Making the map image…');
    const baseMap = await exportBaseMapImage(
      baseMapSettings,
      figures.area.bounds,
      heading,
      PNG_SCALE,
    ).catch(() => undefined);
    const svg = mapSvg(mapImageFor(figures, wards, statistics, view, heading, baseMap ?? null));
    try {
      const png = await svgToPng(svg, MAP_IMAGE_WIDTH, MAP_IMAGE_HEIGHT, PNG_SCALE);
      downloadBlob(png, exportFileName('map', fileView, 'png'));
      setStatus(
        baseMap === undefined
          ? 'Map image downloaded, without the base map: it could not be drawn.'
          : 'Map image downloaded.',
      );
    } catch (error) {
      setStatus(errorMessage(error, 'The map image could not be made.'));
    }
  };

  const downloadTable = () => {
    const csv = wardTableCsv({
      figures,
      statistics,
      measure: view.measure,
      populationYear,
      suppressAt: suppressionFor(publication),
    });
    downloadBlob(
      new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      exportFileName('wards', fileView, 'csv'),
    );
    setStatus(`Ward table downloaded${publication ? ', with publication mode' : ''}.`);
  };

  return (
    <section className="share-export" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Share and export
      </h2>
      <div className="share-buttons">
        <button type="button" onClick={() => setPage('briefing')}>
          Export briefing
        </button>
        <button type="button" onClick={downloadMap}>
          Download map (PNG)
        </button>
        <button type="button" onClick={downloadTable}>
          Download ward table (CSV)
        </button>
        <button type="button" onClick={() => copyLink(window.location.href)}>
          Copy link
        </button>
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={publication}
          aria-describedby={`${id}-publication-hint`}
          onChange={(event) => onPublicationChange(event.target.checked)}
        />
        Publication mode (hide counts of 1 to {DEFAULT_SUPPRESSION_THRESHOLD})
      </label>
      <span id={`${id}-publication-hint`} className="hint">
        For the briefing and the CSV; the screen keeps its own setting.
      </span>
      <LinkToCopy label="Link to this view" link={linkToCopy} fieldRef={linkField} />
      <p className="share-status" role="status">
        {status}
      </p>
    </section>
  );
}
