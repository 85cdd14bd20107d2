/** The tile service this build was configured with (vite.config.ts), or null: the default. */
import type { TileService } from './tileService.ts';

declare const __TILE_SERVICE__: TileService | null;

export const CONFIGURED_TILE_SERVICE: TileService | null = __TILE_SERVICE__;
