import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICES_VIEW, gapRuleOf } from '../analysis/servicesView.ts';
import { searchFor, viewFromSearch } from './url.ts';
import { initialView } from './viewSlice.ts';

describe('the Services page in the URL', () => {
  it('round-trips the page, reach, need, service type and gap rule', () => {
    const servicesView = {
      reachMetres: 1200,
      need: 'priority' as const,
      serviceType: 'Youth hub',
      topShare: 'quarter' as const,
      coverageBelowPercent: 40,
    };
    const search = searchFor({ ...initialView, page: 'services', servicesView }, null, '');
    const params = new URLSearchParams(search);
    expect(params.get('page')).toBe('services');
    expect(params.get('reach')).toBe('1200');
    expect(params.get('need')).toBe('priority');
    expect(params.get('stype')).toBe('Youth hub');
    expect(params.get('gap')).toBe('quarter-40');
    expect(viewFromSearch(search)).toMatchObject({ page: 'services', servicesView });
  });

  it('leaves the defaults out, and ignores bad values one by one', () => {
    const search = searchFor(initialView, null, '');
    for (const name of ['reach', 'need', 'stype', 'gap'])
      expect(new URLSearchParams(search).has(name)).toBe(false);
    expect(viewFromSearch(search).servicesView).toBeUndefined();
    // 5,000 m is beyond the 2,000 m limit; "gap=third-0" is no threshold; the need is kept.
    expect(viewFromSearch('?reach=5000&need=priority&gap=third-0').servicesView).toEqual({
      ...DEFAULT_SERVICES_VIEW,
      need: 'priority',
    });
  });

  it('states the gap rule as fractions', () => {
    expect(gapRuleOf(DEFAULT_SERVICES_VIEW)).toEqual({ topShare: 1 / 3, coverageBelow: 0.5 });
  });
});
