import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, type Inputs } from '../state/url-state.js';
import { imageProjectorOf } from './image-projector.js';

describe('the projector images use on the page', () => {
  const gemma: Inputs = { ...DEFAULT_INPUTS, model: 'gemma-4-31b', device: 'geforce-rtx-4090' };

  it('a catalog model’s published projector, whatever size is typed', () => {
    const none = imageProjectorOf(gemma);
    expect(none.known).toMatchObject({ projector: 'gemma4v', tokensPerImage: 280, published: true });
    expect(none.known?.bytes).toBeGreaterThan(1e9);
    expect(imageProjectorOf({ ...gemma, mmprojBytes: 5e8, images: 2 })).toMatchObject({
      known: none.known,
      tokensPerImage: 280,
    });
    expect(imageProjectorOf({ ...gemma, images: 2 }).error).toBeUndefined();
  });

  it('core’s message when the images need a projector or tokens per image nobody gave', () => {
    const llama: Inputs = { ...DEFAULT_INPUTS, model: 'llama-3.1-8b' };
    expect(imageProjectorOf(llama)).toEqual({ known: undefined });
    expect(imageProjectorOf({ ...llama, images: 1 }).error).toMatch(/1 image needs a vision projector/);
    expect(imageProjectorOf({ ...llama, images: 2, mmprojBytes: 6e8 }).error).toMatch(
      /tokens an image adds are not known/,
    );
    // Not the images' fault: an unknown device is the estimate's error, not the images field's.
    expect(imageProjectorOf({ ...llama, device: 'no such gpu', images: 1 }).error).toBeUndefined();
  });
});
