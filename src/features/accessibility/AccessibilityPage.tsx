/** Accessibility statement, as the Public Sector Bodies Accessibility Regulations 2018 ask. */
export function AccessibilityPage() {
  return (
    <article className="page accessibility">
      <h2>Accessibility statement</h2>
      <p>
        This dashboard is meant for everyone in a Community Safety Partnership, including people who
        use a keyboard, a screen reader, magnification or a touch screen. We aim to meet the Web
        Content Accessibility Guidelines (WCAG) 2.2 at level AA.
      </p>
      <h3>How you can use it</h3>
      <ul>
        <li>
          Every figure on the map is also in the ward table, which you can sort and use to select a
          ward. The map is never the only way to read a figure.
        </li>
        <li>
          Every control works with a keyboard. In the time-of-day grid, the arrow keys move between
          hours and days, and Enter chooses one.
        </li>
        <li>
          Colours come from palettes that people with colour-blindness can tell apart, and colour is
          never the only sign: changes carry ▲ and ▼ and the words “significant” or “not
          significant”; hot spots are named in the table; the legend gives each class’s range and
          number of wards.
        </li>
        <li>
          Text and controls keep their contrast, and the page reflows from a 320 pixel wide phone to
          a desktop.
        </li>
        <li>Buttons and other targets are at least 44 by 44 pixels on touch screens.</li>
        <li>Charts of trends have a table of their figures beside them.</li>
      </ul>
      <h3>What is not fully accessible</h3>
      <ul>
        <li>
          The map itself is a picture drawn with WebGL: a screen reader cannot explore it. Use the
          ward table, which holds the same figures, and the selected-ward summary.
        </li>
        <li>Ward labels on the map are hidden when an area has too many wards to label legibly.</li>
      </ul>
      <h3>How we test</h3>
      <p>
        Every view is checked with axe-core in a real browser as part of the automated tests,
        together with tests that use the keyboard alone and tests on tablet-sized touch screens.
      </p>
      <h3>Feedback</h3>
      <p>
        If something does not work for you, tell your partnership’s analyst or the team that runs
        this dashboard. If you are not happy with the response, contact the Equality Advisory and
        Support Service (EASS).
      </p>
    </article>
  );
}
