/** A service type's symbol as SVG, the same drawing as the map's icon. */
import { type ServiceSymbol, SYMBOL_BOX } from '../../map/serviceSymbols.ts';

export function ServiceSymbolIcon({
  symbol,
  proposed = false,
  size = 22,
}: {
  symbol: ServiceSymbol;
  proposed?: boolean;
  size?: number;
}) {
  return (
    <svg
      className="service-symbol"
      width={size}
      height={size}
      viewBox={`-4 -4 ${SYMBOL_BOX + 8} ${SYMBOL_BOX + 8}`}
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={symbol.path}
        fill={proposed ? '#ffffff' : symbol.colour}
        stroke="#111111"
        strokeWidth={proposed ? 4 : 2}
        strokeDasharray={proposed ? '7 5' : undefined}
      />
      <text
        x={SYMBOL_BOX / 2}
        y={symbol.letterY}
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={30}
        fontWeight={700}
        fill={proposed ? '#111111' : symbol.letterColour}
      >
        {symbol.letter}
      </text>
    </svg>
  );
}
