/**
 * Ward boundaries as a zipped Shapefile: the .shp's shapes and the .dbf's attributes (read by
 * shpjs, in the .cpg's encoding when there is one), put together as GeoJSON features, converted
 * from British National Grid when the .prj or the coordinates say so, then checked as any
 * boundary file is.
 */
import type { FeatureCollection } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { errorMessage } from '../data/errorMessage.ts';
import {
  type BoundaryChoices,
  type ParsedBoundaries,
  readBoundaryCollection,
} from './boundaryFile.ts';
import { SHAPEFILE_FORMAT } from './boundaryFormats.ts';
import { entryBytes, type ZipEntry } from './zipArchive.ts';

/** Shapefiles of wards are a few MB; these limits stop a zip bomb, not a real file. */
const SHAPE_LIMIT = 512 << 20;
const SIDE_FILE_LIMIT = 1 << 20;

/** The Shapefile whose .shp is `shp` (found by detectArchive), with its side files. */
export async function readShapefileZip(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  shp: ZipEntry,
  fileName: string,
  choices: BoundaryChoices = {},
): Promise<ParsedBoundaries> {
  const base = shp.name.slice(0, -4).toLowerCase();
  const part = (extension: string) =>
    entries.find((entry) => entry.name.toLowerCase() === `${base}.${extension}`);
  const dbf = part('dbf');
  if (!dbf)
    return {
      kind: 'unrecognised',
      fileName,
      message: `The zip archive has ${shp.name} but not its .dbf, which holds the ward codes.`,
    };
  const side = async (entry: ZipEntry | undefined) =>
    entry ? new TextDecoder('utf-8').decode(await entryBytes(bytes, entry, SIDE_FILE_LIMIT)) : '';
  const prj = await side(part('prj'));
  const cpg = (await side(part('cpg'))).trim();
  let collection: FeatureCollection;
  try {
    const shapes = parseShp(await entryBytes(bytes, shp, SHAPE_LIMIT));
    const records = parseDbf(await entryBytes(bytes, dbf, SHAPE_LIMIT), cpg || undefined);
    collection = {
      type: 'FeatureCollection',
      features: shapes.map((geometry, index) => ({
        type: 'Feature',
        // A shape with no geometry is reported as such by the checks.
        geometry: geometry as never,
        properties: records[index] ?? {},
      })),
    };
  } catch (error) {
    return {
      kind: 'unrecognised',
      fileName,
      message: `The Shapefile cannot be read (${errorMessage(error)}).`,
    };
  }
  const parsed = readBoundaryCollection(collection, fileName, prj, SHAPEFILE_FORMAT, choices);
  if (parsed.kind === 'boundaries' && prj === '')
    parsed.report.notes.push(
      'The Shapefile has no .prj: its coordinate system was told from the coordinates.',
    );
  return parsed;
}
