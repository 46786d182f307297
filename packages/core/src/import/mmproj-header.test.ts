import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors.js';
import { ggufFixture } from '../../test/gguf-files.js';
import { GEMMA3_KEYS, GEMMA4_KEYS, mmprojFixture } from '../../test/mmproj-files.js';
import { readMmprojHeader } from './mmproj-header.js';

describe('readMmprojHeader', () => {
  it('reads the size from the tensor infos and Gemma 3 tokens from image_size / patch_size / 4', async () => {
    const file = mmprojFixture(GEMMA3_KEYS);
    const m = await readMmprojHeader(file.bytes);
    expect(m.bytes).toBe(file.size);
    expect(m.bytes).toBeGreaterThan(file.bytes.length); // the tensor data counts, not just the header
    expect(m.projector).toBe('gemma3');
    expect(m.imageTokens).toBe(256);
  });

  it('takes the scale factor the header gives (tinygemma3 style)', async () => {
    const m = await readMmprojHeader(
      mmprojFixture({ ...GEMMA3_KEYS, 'clip.vision.projector.scale_factor': 2 }).bytes,
    );
    expect(m.imageTokens).toBe((896 / 14 / 2) ** 2);
  });

  it('Gemma 4: at most 280 tokens an image, whatever the image size key says', async () => {
    const m = await readMmprojHeader(mmprojFixture(GEMMA4_KEYS).bytes);
    expect(m.projector).toBe('gemma4v');
    expect(m.imageTokens).toBe(280);
    expect(m.tokensNote).toMatch(/at most 280/);
  });

  it('an unknown projector type: size read, tokens unknown', async () => {
    const m = await readMmprojHeader(
      mmprojFixture({ ...GEMMA3_KEYS, 'clip.projector_type': 'martian' }).bytes,
    );
    expect(m.imageTokens).toBeUndefined();
    expect(m.tokensNote).toMatch(/not known for projector "martian"/);
  });

  it('refuses a model file given as a projector, naming what it is', async () => {
    const e = await errorOf(readMmprojHeader(ggufFixture('llama-2-7b').bytes, 'llama.gguf'));
    expect(e.code).toBe('invalid-gguf');
    expect(e.message).toMatch(
      /llama\.gguf is a GGUF but not a vision projector \(mmproj\): it has no clip\.\* keys \(it is a "llama" model file\)/,
    );
  });

  it('refuses an audio-only projector', async () => {
    const e = await errorOf(
      readMmprojHeader(mmprojFixture({ ...GEMMA4_KEYS, 'clip.has_vision_encoder': false }).bytes),
    );
    expect(e.message).toMatch(/without a vision encoder/);
  });

  it('refuses a cut header and a file that is not GGUF', async () => {
    const file = mmprojFixture(GEMMA3_KEYS);
    const cut = await errorOf(readMmprojHeader(file.bytes.subarray(0, 200), 'cut.gguf'));
    expect(cut.message).toMatch(/cut\.gguf: the GGUF header is cut short/);
    const text = await errorOf(readMmprojHeader(new TextEncoder().encode('not a gguf at all'), 'x.gguf'));
    expect(text.message).toMatch(/x\.gguf is not a GGUF file/);
  });
});
