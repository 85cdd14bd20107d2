import { describe, expect, it } from 'vitest';
import { cameraFromSearch, searchFor, viewFromSearch } from './url.ts';
import { initialView } from './viewSlice.ts';

describe('view in the URL', () => {
  it('round-trips every part of the view and the camera', () => {
    const view = {
      ...initialView,
      area: 'E09000020',
      theme: 'youth_violence',
      from: '2025-10',
      to: '2026-09',
      preset: null,
      measure: 'rate' as const,
      ward: 'E05009396',
      time: { weekday: 4, hourFrom: 22, hourTo: 1 },
      classes: { method: 'custom' as const, count: 4, breaks: [1.5, 3, 10] },
      mapMode: 'hotspots' as const,
      publication: true,
      meeting: true,
      page: 'priorities' as const,
    };
    const search = searchFor(view, { zoom: 13.25, latitude: 51.5, longitude: -0.19 }, '');
    expect(search).toBe(
      '?area=E09000020&theme=youth_violence&from=2025-10&to=2026-09&measure=rate&ward=E05009396&day=Fri&hours=22-1&classes=custom-4&breaks=1.5,3,10&mode=hotspots&publication=1&meeting=1&page=priorities&map=13.25/51.50000/-0.19000',
    );
    expect(viewFromSearch(search)).toEqual({
      classes: { method: 'custom', count: 4, breaks: [1.5, 3, 10] },
      mapMode: 'hotspots',
      publication: true,
      meeting: true,
      page: 'priorities',
      area: 'E09000020',
      theme: 'youth_violence',
      from: '2025-10',
      to: '2026-09',
      preset: null,
      measure: 'rate',
      ward: 'E05009396',
      time: { weekday: 4, hourFrom: 22, hourTo: 1 },
    });
    expect(cameraFromSearch(search)).toEqual({ zoom: 13.25, latitude: 51.5, longitude: -0.19 });
  });

  it('carries a period preset, which wins over the months beside it', () => {
    const search = searchFor(
      { ...initialView, preset: 'last-3-months', from: '2025-12', to: '2026-02' },
      null,
      '',
    );
    expect(new URLSearchParams(search).get('period')).toBe('last-3-months');
    expect(viewFromSearch(search)).toMatchObject({
      preset: 'last-3-months',
      from: '2025-12',
      to: '2026-02',
    });
    // Months alone are a custom period; an unknown preset is ignored.
    expect(viewFromSearch('?from=2025-01&to=2025-03').preset).toBeNull();
    expect(viewFromSearch('?period=last-5-years')).toEqual({});
  });

  it('carries the priorities weights and top N, leaving out the defaults', () => {
    const search = searchFor(
      {
        ...initialView,
        weights: { youth_violence: 2, vawg: 1, robbery: 0, possession_of_weapons: 0.5, knife: 1 },
        topN: 3,
      },
      null,
      '',
    );
    const params = new URLSearchParams(search);
    // Possession of weapons at its default of 0.5 and a theme at its default of 1 are left out;
    // VAWG at 1 is not its default (0.5).
    expect(params.get('weights')).toBe('youth_violence:2,vawg:1,robbery:0');
    expect(params.get('top')).toBe('3');
    expect(viewFromSearch(search)).toMatchObject({
      weights: { youth_violence: 2, vawg: 1, robbery: 0 },
      topN: 3,
    });
    expect(viewFromSearch('?weights=robbery:-1&top=0')).toEqual({});
  });

  it("keeps a theme called by one of JavaScript's own names as a weight of its own", () => {
    const view = viewFromSearch('?weights=constructor:2,robbery:0');
    expect(view.weights).toEqual({ constructor: 2, robbery: 0 });
    expect(Object.hasOwn(view.weights ?? {}, 'constructor')).toBe(true);
  });

  it('ignores malformed parameters instead of failing', () => {
    expect(
      viewFromSearch(
        '?area=<script>&measure=mean&from=2024-13&to=2025-01&hours=25&ward=x&classes=jenks-9&mode=3d&page=admin',
      ),
    ).toEqual({});
    expect(viewFromSearch('?classes=custom-3&breaks=1,two')).toEqual({});
    expect(cameraFromSearch('?map=12/abc/0')).toBeNull();
    expect(cameraFromSearch('?map=30/51.5/0')).toBeNull();
  });

  it('keeps parameters it does not own and drops cleared ones', () => {
    const search = searchFor(
      { ...initialView, ward: null, time: null },
      null,
      'debug=1&ward=E05009396&hours=3',
    );
    const params = new URLSearchParams(search);
    expect(params.get('debug')).toBe('1');
    expect(params.has('ward')).toBe(false);
    expect(params.has('hours')).toBe(false);
  });
});
