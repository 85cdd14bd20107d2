import { describe, expect, it } from 'vitest';
import { datasetOf } from '../../tests/support/datasets.ts';
import { monthIndex } from './calendar.ts';
import { CubeBuilder, timeSlot } from './cube.ts';
import {
  describeTheme,
  overlappingThemes,
  summarise,
  themeIndices,
  themeSources,
} from './dataset.ts';

const month = (key: string) => monthIndex(key) as number;

function cubeWith(themes: string[], first: string, last: string) {
  const builder = new CubeBuilder();
  for (const theme of themes) {
    builder.add(theme, month(first), 'E05009396', timeSlot(0, 0), 1);
    builder.add(theme, month(last), 'E05009396', timeSlot(0, 0), 1);
  }
  return builder.build();
}

describe('theme choice within a dataset', () => {
  it('makes "all" from serious-violence themes only, never other recorded crime', () => {
    const dataset = datasetOf(
      cubeWith(['sexual_violence', 'burglary', 'robbery'], '2024-01', '2024-02'),
      {
        themes: { burglary: { group: 'other_recorded_crime' } },
      },
    );
    expect(themeIndices(dataset, 'all')).toEqual([0, 2]);
    expect(themeIndices(dataset, 'burglary')).toEqual([1]);
    expect(themeIndices(dataset, 'knife_crime')).toEqual([]);
  });

  it('leaves replaced themes out of every figure', () => {
    const dataset = {
      ...datasetOf(cubeWith(['sexual_violence', 'robbery'], '2024-01', '2024-02')),
      replacedThemes: ['robbery'],
    };
    expect(themeIndices(dataset, 'robbery')).toEqual([]);
    expect(themeIndices(dataset, 'all')).toEqual([0]);
  });
});

describe('overlaps between datasets', () => {
  const loaded = summarise(
    datasetOf(cubeWith(['sexual_violence', 'robbery'], '2022-12', '2024-11'), { id: 'a' }),
  );

  it('finds the themes a new file shares with loaded data for some of the same months', () => {
    const recent = summarise(
      datasetOf(cubeWith(['sexual_violence', 'vawg'], '2024-03', '2026-02'), { id: 'b' }),
    );
    expect(overlappingThemes([loaded], recent)).toEqual(['sexual_violence']);
  });

  it('finds none when the months do not meet, as for the historical and recent MPS files', () => {
    const later = summarise(
      datasetOf(cubeWith(['sexual_violence', 'robbery'], '2024-12', '2026-02'), { id: 'c' }),
    );
    expect(overlappingThemes([loaded], later)).toEqual([]);
  });

  it('ignores themes already replaced', () => {
    const replaced = { ...loaded, replacedThemes: ['sexual_violence'] };
    const recent = summarise(
      datasetOf(cubeWith(['sexual_violence'], '2024-03', '2026-02'), { id: 'b' }),
    );
    expect(overlappingThemes([replaced], recent)).toEqual([]);
  });

  it('describes a theme from the first dataset carrying it, and names its sources', () => {
    const knife = summarise(
      datasetOf(cubeWith(['youth_violence'], '2024-01', '2024-06'), {
        id: 'knife',
        fileName: 'knife.csv',
        themes: { youth_violence: { label: 'Knife-injury victims aged 1–24, non-domestic' } },
      }),
    );
    expect(describeTheme([loaded, knife], 'youth_violence').label).toBe(
      'Knife-injury victims aged 1–24, non-domestic',
    );
    expect(describeTheme([], 'youth_violence').label).toBe('Youth violence (under 25)');
    expect(describeTheme([], 'all').label).toBe('All serious violence');
    expect(
      themeSources([loaded, knife], 'youth_violence').map((dataset) => dataset.fileName),
    ).toEqual(['knife.csv']);
    expect(themeSources([loaded, knife], 'all')).toHaveLength(2);
  });
});
