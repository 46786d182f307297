/**
 * @module bench/error-transfer — comlink sends a thrown Error across the Worker boundary as message, name and
 * stack only; this keeps a CliffbenchError's `code` and `detail` too, so the page can tell "cancelled" from
 * "no adapter" without parsing messages. Installed in the Worker; comlink's receiving side copies every
 * serialised field onto the Error it rethrows.
 */
import { transferHandlers } from 'comlink';

interface Thrown {
  readonly value: unknown;
}

export function installErrorTransfer(): void {
  const original = transferHandlers.get('throw');
  if (original === undefined) return;
  transferHandlers.set('throw', {
    canHandle: original.canHandle,
    serialize(thrown: unknown) {
      const [serialized, transfer] = original.serialize(thrown);
      const error = (thrown as Thrown).value;
      const s = serialized as { isError?: boolean; value?: Record<string, unknown> };
      if (s.isError && s.value !== undefined && error instanceof Error) {
        const { code, detail } = error as Error & { code?: unknown; detail?: unknown };
        if (typeof code === 'string') s.value.code = code;
        if (detail !== undefined) {
          try {
            s.value.detail = structuredClone(detail);
          } catch {
            // Detail that cannot be cloned stays behind; the code and message still cross.
          }
        }
      }
      return [serialized, transfer];
    },
    deserialize: original.deserialize,
  });
}
