/**
 * Which cells of a published table to hide so that no count from 1 to the threshold can be read
 * from it, even by someone who knows the table's total (a borough's total is often published
 * elsewhere, and a second table of the same offences gives it too).
 *
 * Primary suppression hides every count from 1 to the threshold. That alone is not enough once the
 * total is known: with one hidden cell, total minus the others gives it; with several, their sum
 * can still pin every one of them (two hidden cells summing to 2 are both 1). So the hidden cells
 * are bounded as their reader can bound them: each at least 1 (zeros are shown), and at most the
 * larger of the threshold and the smallest count still shown (cells are hidden smallest first, so
 * a cell hidden to protect another is no larger than those left). While the hidden sum leaves a
 * hidden cell only one value within those bounds, the smallest count still shown is hidden as
 * well (complementary suppression); when no count is left to hide, a zero is (a hidden cell may
 * then be 0). This is the interval ("protection interval") model of statistical disclosure
 * control; someone who re-ran this rule over every possible table could sometimes narrow a hidden
 * cell further, which the model does not cover.
 *
 * Counts are rounded to whole numbers first: offence times spread over several hours make
 * fractional counts, and published counts are whole.
 */

/** Whether each cell is hidden. */
export function protectTable(counts: readonly number[], suppressUpTo: number): boolean[] {
  const whole = counts.map((count) => Math.round(count));
  const hidden = whole.map((count) => count >= 1 && count <= suppressUpTo);
  let zerosHidden = false;
  for (;;) {
    let hiddenCount = 0;
    let hiddenSum = 0;
    let smallestShown = Number.POSITIVE_INFINITY;
    let smallestShownAt = -1;
    let zeroShownAt = -1;
    whole.forEach((count, index) => {
      if (hidden[index]) {
        hiddenCount += 1;
        hiddenSum += count;
      } else if (count > 0 && count < smallestShown) {
        smallestShown = count;
        smallestShownAt = index;
      } else if (count === 0 && zeroShownAt < 0) zeroShownAt = index;
    });
    if (hiddenCount === 0) return hidden;
    // The values a reader who knows the total and this rule could give one hidden cell.
    const least = zerosHidden ? 0 : 1;
    const most = Math.max(suppressUpTo, smallestShown);
    const others = hiddenCount - 1;
    const lowest = Math.max(least, hiddenSum - others * most);
    const highest = Math.min(most, hiddenSum - others * least);
    if (highest > lowest) return hidden;
    if (smallestShownAt >= 0) hidden[smallestShownAt] = true;
    else if (zeroShownAt >= 0) {
      // Only ones and zeros are left to tell apart: hiding a zero makes them ambiguous.
      hidden[zeroShownAt] = true;
      zerosHidden = true;
    } else return hidden;
  }
}
