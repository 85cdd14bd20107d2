/// <reference lib="webworker" />
/**
 * Saves and opens workspaces off the main thread: laying out, compressing, encrypting and hashing
 * all of London's cube takes seconds. Reached through Comlink (workspaceClient.ts).
 */
import { expose, transfer } from 'comlink';
import type { CountBlock } from '../data/cube.ts';
import type { Dataset } from '../data/dataset.ts';
import type { DatasetRecord } from '../data/keptDataset.ts';
import { WorkspaceError, type WorkspaceProblem } from './container.ts';
import type { AnalysisContents, PublicationContents, WorkspaceContents } from './contents.ts';
import { readWorkspace, writeWorkspace } from './workspaceFile.ts';

/** What a save sends first: the contents with each dataset as its record (no arrays). */
export type WorkspaceSkeleton =
  | PublicationContents
  | (Omit<AnalysisContents, 'datasets'> & { datasets: DatasetRecord[] });

/** Saves under way: the skeleton and each dataset's arrays as they arrive (datasetArrays order). */
const saves = new Map<
  number,
  { skeleton: WorkspaceSkeleton; passphrase: string | null; arrays: ArrayBufferView[][] }
>();

/** An opening's answer. A refusal is an answer, not a throw: Comlink would lose its problem. */
export type Opened =
  | { contents: WorkspaceContents }
  | { problem: WorkspaceProblem; message: string };

/** A dataset from its record and its arrays in datasetArrays' order (distinct blocks, points). */
function datasetOf(record: DatasetRecord, arrays: readonly ArrayBufferView[]): Dataset {
  const { pointCount, blocks, cube, ...rest } = record;
  const stored = blocks ? blocks.of.reduce((most, block) => Math.max(most, block + 1), 0) : 0;
  const distinct = arrays.slice(0, stored) as CountBlock[];
  const [longitude, latitude, month, theme] = arrays.slice(stored) as [
    Float32Array,
    Float32Array,
    Uint16Array,
    Uint8Array,
  ];
  return {
    ...rest,
    cube: { ...cube, cumulative: (blocks?.of ?? []).map((block) => distinct[block] as CountBlock) },
    points: pointCount === null ? null : { longitude, latitude, month, theme },
  };
}

/** Every buffer of the contents' typed arrays, to hand over rather than copy. */
function buffersOf(contents: WorkspaceContents): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  if (contents.kind !== 'analysis') return [];
  for (const { cube, points, report } of contents.datasets) {
    for (const block of cube.cumulative) buffers.add(block.buffer as ArrayBuffer);
    if (points) for (const array of Object.values(points)) buffers.add(array.buffer);
    buffers.add(report.rejections.rows.buffer as ArrayBuffer);
    buffers.add(report.rejections.reasons.buffer as ArrayBuffer);
  }
  return [...buffers];
}

const workspaces = {
  /** The contents to save, each dataset as its record: its arrays follow in `addArrays`. */
  startSave(id: number, skeleton: WorkspaceSkeleton, passphrase: string | null): void {
    const datasets = skeleton.kind === 'analysis' ? skeleton.datasets : [];
    saves.set(id, { skeleton, passphrase, arrays: datasets.map(() => []) });
  },

  /** The next arrays, in order, of dataset `dataset`. */
  addArrays(id: number, dataset: number, arrays: ArrayBufferView[]): void {
    const target = saves.get(id)?.arrays[dataset];
    if (!target) throw new Error('Arrays for a save that is not under way.');
    target.push(...arrays);
  },

  /** The file's bytes. */
  async finishSave(id: number): Promise<Uint8Array<ArrayBuffer>> {
    const save = saves.get(id);
    saves.delete(id);
    if (!save) throw new Error('The end of a save that is not under way.');
    const { skeleton, arrays, passphrase } = save;
    const contents: WorkspaceContents =
      skeleton.kind === 'analysis'
        ? {
            ...skeleton,
            datasets: skeleton.datasets.map((record, index) =>
              datasetOf(record, arrays[index] ?? []),
            ),
          }
        : skeleton;
    const bytes = await writeWorkspace(contents, passphrase);
    return transfer(bytes, [bytes.buffer]);
  },

  async open(file: Blob, passphrase: string | null): Promise<Opened> {
    try {
      const contents = await readWorkspace(new Uint8Array(await file.arrayBuffer()), passphrase);
      return transfer({ contents }, buffersOf(contents));
    } catch (error) {
      if (error instanceof WorkspaceError)
        return { problem: error.problem, message: error.message };
      throw error;
    }
  },
};

export type WorkspaceApi = typeof workspaces;

expose(workspaces);
