/**
 * The header, as slim as each screen allows: on a desktop the title, views, Help, Load data,
 * Share, Settings and meeting mode in one row; on a tablet, and in meeting mode's larger type,
 * the views and settings fold into a menu; on a phone everything but the title does. The area is chosen beside the view's other
 * filters (a chip on the dashboard, the row of choices on the other pages).
 */
import type { ReactNode } from 'react';
import { datasetName } from '../data/dataset.ts';
import { useDatasetSummaries } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import type { Page } from '../state/viewSlice.ts';
import { Popover } from '../ui/Popover.tsx';
import { useLayoutSize } from '../ui/useLayoutSize.ts';
import { PublicationSetting } from './PublicationSetting.tsx';

function DataBadge() {
  const datasets = useDatasetSummaries();
  if (datasets.length === 0) return null;
  const synthetic = datasets.some((dataset) => dataset.synthetic);
  const text = synthetic ? 'Synthetic demo data' : `Data: ${datasets.map(datasetName).join(', ')}`;
  // A long list of files is cut short on screen; the title gives it whole.
  return (
    <p className={synthetic ? 'data-badge synthetic' : 'data-badge'} title={text}>
      {text}
    </p>
  );
}

/** The briefing opens from Share, with the other exports. */
const VIEWS: { page: Page; label: string }[] = [
  { page: 'dashboard', label: 'Dashboard' },
  { page: 'priorities', label: 'Priorities' },
  { page: 'services', label: 'Services' },
];

const HELP: { page: Page; label: string }[] = [
  { page: 'methods', label: 'How figures are computed' },
  { page: 'accessibility', label: 'Accessibility' },
];

function PageButtons({ pages }: { pages: readonly { page: Page; label: string }[] }) {
  const page = useAppStore((state) => state.page);
  const setPage = useAppStore((state) => state.setPage);
  return (
    <ul>
      {pages.map((entry) => (
        <li key={entry.page}>
          <button
            type="button"
            aria-current={page === entry.page ? 'page' : undefined}
            onClick={() => setPage(entry.page)}
          >
            {entry.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

function MeetingToggle() {
  const meeting = useAppStore((state) => state.meeting);
  const setMeeting = useAppStore((state) => state.setMeeting);
  return (
    <button
      type="button"
      className="meeting-toggle"
      aria-pressed={meeting}
      onClick={() => setMeeting(!meeting)}
    >
      Meeting mode
    </button>
  );
}

export function AppHeader({
  loadData,
  loadDataInMenu,
  share,
}: {
  /** The Load data button and its other ways in. */
  loadData: ReactNode;
  /** The same, laid out for the phone's menu. */
  loadDataInMenu: ReactNode;
  /** What Share offers: the exports and the link. */
  share: ReactNode;
}) {
  const size = useLayoutSize();
  const meeting = useAppStore((state) => state.meeting);
  // Meeting mode's larger type would wrap the desktop's row: it folds the header as a tablet's.
  const wide = size === 'desktop' && !meeting;
  // A tablet's or phone's header has no room for it beside the menu.
  const meetingOutside = meeting && size === 'desktop';
  const views = (
    <nav className="page-nav" aria-label="Views">
      <PageButtons pages={wide ? VIEWS : [...VIEWS, ...HELP]} />
    </nav>
  );
  const shareMenu = (
    <Popover label="Share" className="share-menu">
      {share}
    </Popover>
  );
  return (
    <header className={`app-header ${size}`}>
      <div className="title">
        <h1>Ward hotspot dashboard</h1>
        <DataBadge />
      </div>
      {wide && views}
      <div className="header-actions">
        {wide && (
          <Popover label="Help" className="help-menu">
            <nav className="page-nav" aria-label="Help">
              <PageButtons pages={HELP} />
            </nav>
          </Popover>
        )}
        {size !== 'phone' && loadData}
        {size !== 'phone' && shareMenu}
        {wide ? (
          <>
            <Popover label="Settings" className="settings-menu">
              <PublicationSetting />
            </Popover>
            <MeetingToggle />
          </>
        ) : (
          <>
            {/* In a meeting on a projector, leaving it stays one click away. */}
            {meetingOutside && <MeetingToggle />}
            <Popover label="Menu" className="app-menu">
              {views}
              {size === 'phone' && loadDataInMenu}
              {size === 'phone' && <section aria-label="Share">{share}</section>}
              <PublicationSetting />
              {!meetingOutside && <MeetingToggle />}
            </Popover>
          </>
        )}
      </div>
    </header>
  );
}
