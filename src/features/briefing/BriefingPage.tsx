/**
 * The one-page briefing for a tasking meeting: an A4 landscape sheet (briefing.css) with the
 * view, the map and its legend, the ten leading wards with their change, the hours of the week,
 * the sources, when it was made and whether publication mode was applied. Downloaded as a PDF
 * file in one click (export/briefingPdf.ts), or printed.
 */
import { type CSSProperties, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AreaFigures } from '../../analysis/areaFigures.ts';
import { suppressionFor } from '../../analysis/suppression.ts';
import {
  type BriefingContent,
  briefingContent,
  PROTECTIVE_MARKINGS,
  type ProtectiveMarking,
  TOP_WARDS,
} from '../../export/briefing.ts';
import { type BaseMapImage, mapImageFor, mapSvg } from '../../export/mapSvg.ts';
import { exportFileName } from '../../export/wardTableCsv.ts';
import { useAreaStatistics, useDatasetSummaries } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { downloadBlob } from '../../ui/downloads.ts';
import { exportBaseMapImage } from '../../ui/exportBaseMap.ts';
import { InlineSvg } from '../../ui/InlineSvg.tsx';
import { useWardName } from '../../ui/viewText.ts';
import './briefing.css';
import { errorMessage } from '../../data/errorMessage.ts';
import { useFitToWidth } from './useFitToWidth.ts';

/** The base map is drawn at twice the sheet's pixels, for print. */
const BASE_MAP_SCALE = 2;

function TopWards({ content }: { content: BriefingContent }) {
  return (
    <table className="briefing-wards">
      <caption>
        Top {TOP_WARDS} wards. {content.changeHeader}: ▲ rise, ▼ fall, * significant at the 5%
        level. = marks a tie. {content.rankNote}
      </caption>
      <thead>
        <tr>
          <th scope="col" className="numeric">
            Rank
          </th>
          <th scope="col">Ward</th>
          <th scope="col" className="numeric">
            Count
          </th>
          <th scope="col" className="numeric">
            {content.rateHeader}
          </th>
          <th scope="col" className="numeric">
            {content.intervalHeader}
          </th>
          <th scope="col" className="numeric">
            Change
          </th>
          <th scope="col">Hot spot</th>
        </tr>
      </thead>
      <tbody>
        {content.topWards.map((row) => (
          <tr key={row.code}>
            <td className="numeric">{row.rank}</td>
            <th scope="row">{row.ward}</th>
            <td className="numeric">{row.count}</td>
            <td className="numeric">{row.rate}</td>
            <td className="numeric">{row.interval}</td>
            <td className="numeric">
              {row.change === null ? (
                '–'
              ) : (
                <>
                  <span className="visually-hidden">{row.change.words}</span>
                  <span aria-hidden="true">
                    {row.change.text} {row.change.arrow}
                    {row.change.significant ? '*' : ''}
                  </span>
                </>
              )}
            </td>
            <td>{row.hotspot}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HoursOfTheWeek({ content }: { content: BriefingContent }) {
  if (content.heatmap === null) {
    return (
      <p className="briefing-no-times">
        When offences happen: the data for {content.theme} has no time of day.
      </p>
    );
  }
  return (
    <table className="briefing-heatmap">
      <caption>When offences happen, by hour and day of the week. {content.heatmapScope}.</caption>
      <thead>
        <tr>
          <td />
          {content.heatmap[0]?.cells.map((_, hour) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the hour is the column's identity.
            <th key={hour} scope="col">
              {String(hour).padStart(2, '0')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {content.heatmap.map((row) => (
          <tr key={row.day}>
            <th scope="row">{row.day}</th>
            {row.cells.map((cell, hour) => (
              <td
                // biome-ignore lint/suspicious/noArrayIndexKey: the hour is the column's identity.
                key={hour}
                style={{ background: cell.background, color: cell.colour }}
              >
                {cell.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Reasons({ content }: { content: BriefingContent }) {
  return (
    <section className="briefing-reasons" aria-label="Why these wards">
      <h3>Why these wards</h3>
      <ol>
        {content.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ol>
    </section>
  );
}

export function BriefingPage({
  figures,
  publication,
}: {
  /** The figures with the exports' publication mode applied. */
  figures: AreaFigures;
  /** Publication mode for exports, chosen beside "Export briefing". */
  publication: boolean;
}) {
  const id = useId();
  const frame = useRef<HTMLDivElement>(null);
  const sheet = useRef<HTMLElement>(null);
  const previewScale = useFitToWidth(frame, sheet);
  const [marking, setMarking] = useState<ProtectiveMarking>('OFFICIAL');
  const view = useAppStore(
    useShallow((state) => ({
      from: state.from,
      to: state.to,
      time: state.time,
      measure: state.measure,
      mapMode: state.mapMode,
    })),
  );
  const datasets = useDatasetSummaries();
  const wards = useAppStore((state) => state.wards);
  const populationSource = useAppStore((state) => state.populationSource);
  const setPage = useAppStore((state) => state.setPage);
  const statistics = useAreaStatistics();
  const suppressAt = suppressionFor(publication);
  const nameOf = useWardName();
  const { mapMode, measure } = view;
  const [generatedAt] = useState(() => new Date());
  const baseMapSettings = useAppStore((state) => state.baseMap);
  const bounds = figures.area.bounds;
  // The base map shown on screen, drawn for the sheet; undefined while it is being drawn.
  const [baseMap, setBaseMap] = useState<BaseMapImage | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    setBaseMap(undefined);
    exportBaseMapImage(baseMapSettings, bounds, null, BASE_MAP_SCALE)
      .catch(() => null)
      .then((image) => {
        if (current) setBaseMap(image);
      });
    return () => {
      current = false;
    };
  }, [baseMapSettings, bounds]);
  const svg = useMemo(
    () =>
      wards
        ? mapSvg(
            mapImageFor(figures, wards, statistics, { mapMode, measure }, null, baseMap ?? null),
          )
        : null,
    [figures, wards, statistics, mapMode, measure, baseMap],
  );
  const content = briefingContent({
    figures,
    statistics,
    datasets,
    populationSource,
    view,
    suppressAt,
    generatedAt,
    marking,
    nameOf,
  });
  const [pdfStatus, setPdfStatus] = useState('');
  const downloadPdf = async () => {
    if (!wards) return;
    setPdfStatus('Making the PDF…');
    try {
      // pdf-lib is loaded only when a PDF is asked for.
      const { briefingPdf } = await import('../../export/briefingPdf.ts');
      // The base map as the sheet shows it (none while it is still being drawn).
      const map = mapImageFor(
        figures,
        wards,
        statistics,
        { mapMode, measure },
        null,
        baseMap ?? null,
      );
      const bytes = await briefingPdf(content, map);
      downloadBlob(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
        exportFileName(
          'briefing',
          { ...view, theme: figures.theme.id, areaName: figures.area.name },
          'pdf',
        ),
      );
      setPdfStatus('PDF downloaded.');
    } catch (error) {
      setPdfStatus(`The PDF could not be made: ${errorMessage(error)}`);
    }
  };

  return (
    <main className="briefing-page">
      <div className="briefing-toolbar">
        <button type="button" onClick={downloadPdf}>
          Download PDF
        </button>
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button type="button" onClick={() => setPage('dashboard')}>
          Back to the dashboard
        </button>
        <div className="field">
          <label htmlFor={`${id}-marking`}>Protective marking</label>
          <select
            id={`${id}-marking`}
            value={marking}
            onChange={(event) => setMarking(event.target.value as ProtectiveMarking)}
          >
            {PROTECTIVE_MARKINGS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <p className="hint">
          A4 landscape, one page. Download PDF makes the file here, in the browser, with the base
          map when one is shown.
        </p>
        <p className="hint" role="status">
          {pdfStatus}
        </p>
      </div>
      {/* The sheet keeps its A4 layout and is drawn smaller where the screen is narrower. */}
      <div ref={frame} className="briefing-preview">
        <article
          ref={sheet}
          className="briefing-sheet"
          aria-labelledby={`${id}-title`}
          style={{ '--preview-scale': previewScale } as CSSProperties}
        >
          <p className="briefing-marking">{content.marking}</p>
          <header className="briefing-header">
            <div className="briefing-title">
              <h2 id={`${id}-title`}>
                Briefing: {content.theme} in {content.area}
              </h2>
              {content.synthetic && (
                <p className="briefing-synthetic">Synthetic demo data: not real offences.</p>
              )}
            </div>
            <dl className="briefing-facts">
              <div>
                <dt>Area</dt>
                <dd>{content.area}</dd>
              </div>
              <div>
                <dt>Theme</dt>
                <dd>
                  {content.theme}. {content.themeDefinition}
                </dd>
              </div>
              <div>
                <dt>Period</dt>
                <dd>{content.period}</dd>
              </div>
              <div>
                <dt>Measure</dt>
                <dd>{content.measure}</dd>
              </div>
              <div>
                <dt>Generated</dt>
                <dd>{content.generated}</dd>
              </div>
            </dl>
            <p className="briefing-publication">{content.publication}</p>
          </header>
          <div className="briefing-body">
            <div className="briefing-column">
              <figure className="briefing-map">
                {svg && <InlineSvg markup={svg} className="briefing-map-image" />}
                <figcaption>
                  Map of {content.area}: {content.theme}. The ward table gives every figure.
                </figcaption>
              </figure>
              <HoursOfTheWeek content={content} />
            </div>
            <div className="briefing-column">
              <TopWards content={content} />
              <Reasons content={content} />
            </div>
          </div>
          <footer className="briefing-sources">
            <h3>Data sources</h3>
            <ul>
              {content.sources.map((source) => (
                <li key={source}>{source}</li>
              ))}
            </ul>
          </footer>
          <p className="briefing-marking">{content.marking}</p>
        </article>
      </div>
    </main>
  );
}
