import { EXACT_TEST_UP_TO } from '../../analysis/change.ts';
import { FIRST_DATA_YEAR, lastDataYear } from '../../data/calendar.ts';
import { formatCount } from '../../data/numberFormat.ts';
import { MAX_COUNT } from '../../formats/rowChecks.ts';

/** "How figures are computed": every statistic on screen, in words a tasking meeting can check. */
import { GRID_ACCURACY_NOTE } from '../../geo/britishNationalGrid.ts';

export function MethodsPage() {
  return (
    <article className="page methods">
      <h2>How figures are computed</h2>
      <p>
        Every figure is computed in this browser from the files loaded. Nothing is sent anywhere.
        The sources and their dates are listed under “Loaded data” and “Data sources”.
      </p>

      <h3>Counts</h3>
      <p>
        The number of offences recorded in the ward in the chosen months (and hours, when a time
        filter is on). The MPS series count offences by the month they were recorded. Where a file
        gives a window of time for an offence (from and to), it is spread over the hours of the
        window: an offence that may have happened in any of k hours adds 1/k to each of those hours
        of the week (aoristic weighting), so a count by hour can be fractional. A window longer than
        7 days counts as unknown time.
      </p>
      <p>
        “All serious violence” counts each offence once when the file says which offences are in
        more than one theme (the partner extract and the demo data do). Otherwise it adds the
        serious-violence themes together, and an offence in two themes counts twice.
      </p>

      <h3>What a file’s rows may hold</h3>
      <p>
        Dates of offences are read from {FIRST_DATA_YEAR} to {lastDataYear()} (next year, for a
        system whose clock runs ahead). A date outside those years is rejected with its row, and so
        are dates that systems write for “not known” (31/12/9999, 01/01/1900 and the like) and years
        such as 0025. A date written with a two-digit year (10/01/25) is read as 20yy when that is
        no later than {lastDataYear()}, and the load report says how many dates were read so; later
        (10/01/95 would be 2095, or was it 1995?) it is rejected, and so is a month with a two-digit
        year (25-01). A count is a whole number written in plain digits, up to{' '}
        {formatCount(MAX_COUNT)} in one row. Every row rejected is listed with its reason in the
        load report, and the whole list can be downloaded.
      </p>
      <h3>Partner tables, dates and places</h3>
      <p>
        A table whose columns match no known format is read through the columns you match (the
        “Match columns” step). Dates are read day first, as written in the UK: 10/01/2025 is 10
        January; 10/01/25 is 10 January 2025, as above. Excel serial dates and a time in its own
        column are joined to their date; 24:00 is the midnight that ends the day; a month alone
        (2025-01) stands for the whole month, so its offences have no known time. Times are London
        time, across the clock changes. A victim age band counts as youth violence only when the
        whole band is under 25.
      </p>
      <p>{GRID_ACCURACY_NOTE}</p>

      <h3>Rates per 1,000 residents</h3>
      <p>
        Rate = count ÷ residents × 1,000. The denominator is the Census 2021 usual resident
        population of the ward (ONS), or the population file you loaded. Youth violence is per 1,000
        residents aged 10 to 24. Each rate names its denominator beside it. A rate for several
        months is not annualised: 12 months give a yearly rate.
      </p>

      <h3>95% confidence intervals</h3>
      <p>
        Offence counts vary by chance from one period to the next, most of all when they are small.
        The interval around a count treats it as a Poisson count: exact limits (Garwood) for counts
        below 10, and Byar’s approximation from 10 upwards, as Public Health England and the
        Association of Public Health Observatories recommend. The interval of a rate is the count’s
        interval divided by the population.
      </p>
      <p>
        A ward is <strong>significantly higher</strong> (or lower) than its area when the whole of
        its interval lies above (or below) the area’s rate. Small wards need a larger difference to
        show one: this is the funnel plot’s idea.
      </p>

      <h3>Change</h3>
      <p>
        The chosen period is compared with the period of the same length just before it, and with
        the same months a year earlier: the difference in offences and in per cent. Whether a change
        is more than chance is tested with the exact conditional test for two Poisson counts: given
        the offences in both periods together, the share in the later period is binomial with
        probability one half (Przyborowski and Wilenski). A change is marked significant when the
        two-sided p-value is below 0.05. The p-value is worked out in closed form (the regularised
        incomplete beta function), and above {formatCount(EXACT_TEST_UP_TO)} offences in the two
        periods together by the normal approximation with continuity correction, whose error there
        is below 0.0002.
      </p>

      <h3>Ranks</h3>
      <p>
        Ward 1 has the highest figure. Tied wards share the best rank and the next rank is skipped
        (1, 2, 2, 4). The rank is by the measure chosen: count or rate. With data for all of London
        loaded, the rank among London’s wards is given too.
      </p>

      <h3>Hot spots</h3>
      <p>
        The Getis-Ord Gi* statistic asks whether a ward and the wards that touch it (sharing a
        border or a corner, “queen contiguity”, taken from the boundaries) together have more
        offences than the area as a whole would make likely. It gives a z-score per ward; the
        p-values are corrected for testing many wards at once with the Benjamini-Hochberg false
        discovery rate. Wards are hot or cold spots at 99%, 95% or 90% confidence (corrected p-value
        below 0.01, 0.05 or 0.10).
      </p>

      <h3>Map classes</h3>
      <ul>
        <li>Quantile: about the same number of wards in each class.</li>
        <li>
          Natural breaks (Jenks): classes that keep similar wards together (optimal one-dimensional
          k-means).
        </li>
        <li>Equal interval: classes of equal width from the lowest to the highest figure.</li>
        <li>Your own breaks: the class limits you type.</li>
      </ul>
      <p>The legend gives each class’s range and how many wards fall in it.</p>

      <h3>Priorities</h3>
      <p>
        Each ward’s rank in each theme, and a combined score: the mean of its ranks, weighted by the
        weights you set (all 1 at first; 0 leaves a theme out). The lowest score is the first
        priority. Wards in the top N of every theme are picked out.
      </p>

      <h3>Publication mode</h3>
      <p>
        Small numbers can identify victims. In publication mode counts from 1 to 4 show as “&lt;5”
        in the table, tooltips, heatmap and exports, and the rates, intervals and changes built on
        them are hidden. Exports use it unless you turn it off.
      </p>
    </article>
  );
}
