/**
 * @module inputs/image-projector — what the images in the prompt will use, as core resolves it for the page's
 * inputs (estimate/mmproj.ts `mmprojOf`): the projector cliffbench knows for the model (the catalog's published
 * file, or one computed from an imported config's SigLIP `vision_config`) with its tokens per image, or core's
 * message when images need a projector (or tokens per image) nobody gave. Resolutions come from the page's cache,
 * so asking costs what one estimate does.
 */
import { CliffbenchError } from '@cliffbench/core';
import { resolvedFor } from '../estimate/resolved-cache.js';
import type { ModelFile } from '../model-file/read-model-file.js';
import type { Inputs } from '../state/url-state.js';

/** A projector core would load, in the words the page shows. */
export interface KnownProjector {
  readonly bytes: number;
  /** llama.cpp's projector type, e.g. "gemma4v". */
  readonly projector: string;
  /** Tokens one image adds (the most, for dynamic-resolution projectors); undefined if unknown. */
  readonly tokensPerImage?: number | undefined;
  /** From the catalog (a published file) rather than computed from an imported config. */
  readonly published: boolean;
}

/** What the images use, or why they cannot be estimated. */
export interface ImageProjector {
  /** The projector cliffbench knows for the model, ignoring any size typed; undefined when it knows none. */
  readonly known?: KnownProjector | undefined;
  /** Tokens an image adds with the projector the inputs ask for (the typed size keeps the known geometry). */
  readonly tokensPerImage?: number | undefined;
  /** Core's message when the images (and only they) make the inputs impossible to estimate. */
  readonly error?: string | undefined;
}

const messageOf = (e: unknown): string | undefined => (e instanceof CliffbenchError ? e.message : undefined);

function tryResolve(inputs: Inputs, file: ModelFile | undefined) {
  try {
    return { r: resolvedFor(inputs, file) };
  } catch (e) {
    return { error: messageOf(e) ?? String(e) };
  }
}

/** The projector the images use for `inputs` (and a model `file`), as the estimate will. */
export function imageProjectorOf(inputs: Inputs, file?: ModelFile): ImageProjector {
  const { images: _images, ...withoutImages } = inputs;
  const { mmprojBytes: _size, ...bare } = withoutImages;
  // With one image and no size, core loads the projector it knows for the model, or says it knows none.
  const probe = tryResolve({ ...bare, images: 1 }, file);
  const m = probe.r?.mmproj;
  const known: KnownProjector | undefined =
    m === undefined
      ? undefined
      : {
          bytes: m.bytes,
          projector: m.projector,
          tokensPerImage: m.imageTokens,
          published: file?.kind !== 'config',
        };
  if ((inputs.images ?? 0) === 0) return { known };
  const actual = tryResolve(inputs, file);
  if (actual.r !== undefined) return { known, tokensPerImage: actual.r.mmproj?.imageTokens };
  // Only the images' fault when the same inputs without them resolve.
  const without = tryResolve(withoutImages, file);
  return without.r === undefined ? { known } : { known, error: actual.error };
}
