/**
 * The import rules of `npm run lint`: the layers of README's "How the code is laid out", features
 * that never import each other, React and the map libraries where they belong, and no cycles.
 * dependency-cruiser parses TypeScript with swc (TypeScript 7 has no compiler API).
 */
const KERNELS = ['data', 'geo', 'formats', 'analysis', 'map', 'export', 'workspace'];
const LAYERS = [...KERNELS, 'state', 'ui', 'features', 'app'];

/** Each layer imports only the layers listed before it (and itself). */
const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `${layer}-imports-lower-layers-only`,
  comment: `src/${layer} may import only ${LAYERS.slice(0, index).join(', ') || 'itself'}.`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${LAYERS.slice(index + 1).join('|')})/` },
}));

export default {
  forbidden: [
    ...layerRules,
    {
      name: 'features-are-independent',
      comment: 'A feature never imports another: shared pieces go to src/ui or a kernel.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'kernels-without-react',
      comment: 'Kernels are plain TypeScript: no React, no store.',
      severity: 'error',
      from: { path: `^src/(${KERNELS.join('|')})/` },
      to: { path: '^node_modules/(react|react-dom|zustand)/' },
    },
    {
      name: 'map-libraries-in-map-only',
      comment: 'src/map is the only code that touches MapLibre and deck.gl.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/map/' },
      to: { path: '^node_modules/(maplibre-gl|@deck\\.gl)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|bench/out|public)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
