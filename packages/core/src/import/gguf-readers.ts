/**
 * @module import/gguf-readers — the entry `@cliffbench/core/gguf`: GGUF headers read where they live, for the
 * page (loaded lazily, so none of it is in the estimate view's first JavaScript): files and Blobs, every part
 * of a split, and remote files by HTTP Range (a URL, or a Hugging Face repository and its listing).
 * Browser-safe: no Node imports.
 */
export { type GgufModel, readGgufSources } from './gguf-header.js';
export {
  type ByteSource,
  blobSource,
  bytesSource,
  type NamedBlob,
  type SplitName,
  splitNameOf,
  splitPartPaths,
} from './gguf-source.js';
export {
  DEFAULT_HUB_ENDPOINT,
  type GgufEntry,
  ggufEntriesOf,
  type HubFile,
  hubFileUrl,
  isRemoteModel,
  listHubGguf,
  parseRemoteModel,
  pickGgufEntry,
  type RemoteFailure,
  type RemoteGgufModel,
  type RemoteLocation,
  type RemoteOptions,
  readRemoteGguf,
} from './remote-gguf.js';
