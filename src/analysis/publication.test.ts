import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { KENSINGTON, squareWard, wardSetOf } from '../../tests/support/wards.ts';
import { monthIndex } from '../data/calendar.ts';
import { CubeBuilder, timeSlot, UNKNOWN_TIME_SLOT } from '../data/cube.ts';
import { findArea } from '../geo/wardSet.ts';
import { publishView, SUPPRESSED } from './publication.ts';

const wards = wardSetOf([
  squareWard('E05000001', 'Alpha', KENSINGTON, 0, 0),
  squareWard('E05000002', 'Bravo', KENSINGTON, 0.01, 0),
  squareWard('E05000003', 'Charlie', KENSINGTON, 0.02, 0),
]);
const january = monthIndex('2026-01') as number;

/** Robbery in January 2026: Alpha 3 on Friday at 22:00, Bravo 10 on Monday at 09:00, Charlie 7
 * at unknown times; and 2 in Alpha in February, outside the period. */
function robbery() {
  const builder = new CubeBuilder();
  builder.add('robbery', january, 'E05000001', timeSlot(4, 22), 3);
  builder.add('robbery', january, 'E05000002', timeSlot(0, 9), 10);
  builder.add('robbery', january, 'E05000003', UNKNOWN_TIME_SLOT, 7);
  builder.add('robbery', january + 1, 'E05000001', timeSlot(4, 22), 2);
  return datasetOf(builder.build());
}

function published(ward: string | null = null) {
  const area = findArea(wards, KENSINGTON.lad);
  if (!area) throw new Error('fixture');
  return publishView(
    'Robbery in January',
    '?theme=robbery',
    {
      wards,
      area,
      datasets: [robbery()],
      populations: null,
      view: {
        area: area.id,
        theme: 'robbery',
        from: '2026-01',
        to: '2026-01',
        preset: null,
        measure: 'count',
        ward,
        time: null,
      },
    },
    4,
  );
}

describe('publishView', () => {
  it('hides counts of 1 to 4, and the smallest other count when the total would give them', () => {
    // Wards 3, 10, 7: hiding 3 alone, the total (20) minus 10 and 7 gives it back, so the
    // smallest count shown, 7, is hidden too; then the two hidden ones sum to 10 and each could
    // be anything from 1 to 9.
    expect(published().wards).toEqual([
      { code: 'E05000001', name: 'Alpha', count: SUPPRESSED },
      { code: 'E05000002', name: 'Bravo', count: 10 },
      { code: 'E05000003', name: 'Charlie', count: SUPPRESSED },
    ]);
  });

  it('protects the area heatmap the same way, whatever ward is selected', () => {
    // Hours: 3 on Friday at 22:00 (hidden), 10 on Monday at 09:00, 7 at unknown time (hidden to
    // protect the 3), 0 elsewhere.
    for (const view of [published(), published('E05000002')]) {
      const heatmap = view.heatmap;
      expect(heatmap?.cells[timeSlot(4, 22)]).toBe(SUPPRESSED);
      expect(heatmap?.cells[timeSlot(0, 9)]).toBe(10);
      expect(heatmap?.unknownTime).toBe(SUPPRESSED);
      expect(heatmap?.cells.filter((cell) => cell !== 0)).toHaveLength(2);
    }
  });

  it('describes the view without any total', () => {
    const view = published();
    expect(view).toMatchObject({
      name: 'Robbery in January',
      search: '?theme=robbery',
      areaName: 'Kensington and Chelsea',
      themeLabel: 'Robbery',
    });
    // Nothing but names and the counts above: no total, rate or rank.
    expect(Object.keys(view).sort()).toEqual(
      ['areaName', 'heatmap', 'name', 'period', 'search', 'themeLabel', 'wards'].sort(),
    );
    expect(view.period).toBe('Jan 2026');
  });
});
