/**
 * The app's side of the workspace worker. A dataset goes over as its record (keptDataset.ts, as
 * the browser keeps it) and then its arrays, copied a few megabytes at a time, each batch in a
 * task of its own, so that copying all of London's cube (140 MB) never holds up the page.
 */
import { transfer } from 'comlink';
import { type ConnectedWorker, connectWorker } from '../data/connectWorker.ts';
import { datasetArrays, datasetRecord } from '../data/keptDataset.ts';
import { WorkspaceError } from './container.ts';
import type { WorkspaceContents } from './contents.ts';
import type { Opened, WorkspaceApi, WorkspaceSkeleton } from './workspaceWorker.ts';

/** Bytes of arrays per message: copying them takes a millisecond or two. */
const BATCH_BYTES = 4 * 1024 * 1024;

let worker: ConnectedWorker<WorkspaceApi> | null = null;
let nextId = 1;

function workspaceWorker(): ConnectedWorker<WorkspaceApi> {
  worker ??= connectWorker<WorkspaceApi>(
    new Worker(new URL('./workspaceWorker.ts', import.meta.url), {
      type: 'module',
      name: 'workspace',
    }),
    'The workspace worker stopped.',
  );
  return worker;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The workspace file's bytes. The contents are only read: the app's arrays stay as they are. */
export async function saveInWorker(
  contents: WorkspaceContents,
  passphrase: string | null,
): Promise<Uint8Array<ArrayBuffer>> {
  const { api, answer } = workspaceWorker();
  const id = nextId++;
  const datasets = contents.kind === 'analysis' ? contents.datasets : [];
  const skeleton: WorkspaceSkeleton =
    contents.kind === 'analysis'
      ? { ...contents, datasets: datasets.map(datasetRecord) }
      : contents;
  await answer(api.startSave(id, skeleton, passphrase));
  for (const [index, dataset] of datasets.entries()) {
    let batch: ArrayBufferView[] = [];
    let bytes = 0;
    const flush = async () => {
      const arrays = batch;
      batch = [];
      bytes = 0;
      await answer(
        api.addArrays(
          id,
          index,
          transfer(
            arrays,
            arrays.map((array) => array.buffer as ArrayBuffer),
          ),
        ),
      );
      await nextTask();
    };
    // Copies (slice) handed over: the app's arrays, or views into one buffer, stay as they are.
    for (const array of datasetArrays(dataset)) {
      batch.push(array.slice());
      bytes += array.byteLength;
      if (bytes >= BATCH_BYTES) await flush();
    }
    if (batch.length > 0) await flush();
  }
  return answer(api.finishSave(id));
}

/** The file's contents, checked whole; rejects with a WorkspaceError saying why it is refused. */
export async function openInWorker(
  file: Blob,
  passphrase: string | null,
): Promise<WorkspaceContents> {
  const { api, answer } = workspaceWorker();
  const opened = await answer<Opened>(api.open(file, passphrase));
  if ('problem' in opened) throw new WorkspaceError(opened.problem, opened.message);
  return opened.contents;
}
