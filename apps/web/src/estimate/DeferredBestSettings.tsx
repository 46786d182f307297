/**
 * @module estimate/DeferredBestSettings — the tuner's "Best settings" card, one task behind the inputs: the
 * tuner searches hundreds of configurations (~5-15 ms), so it runs after the estimate and charts have painted
 * instead of inside the input's frame.
 */
import type { Calibration, TuneScenario } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { BestSettingsCard } from '../tune/BestSettingsCard.js';

export function DeferredBestSettings(props: {
  readonly scenario: TuneScenario;
  readonly calibration?: Calibration | undefined;
}) {
  const shown = useSignal<{ scenario: TuneScenario; calibration?: Calibration | undefined } | undefined>(
    undefined,
  );
  const key = JSON.stringify([props.scenario, props.calibration ?? null]);
  useEffect(() => {
    const timer = setTimeout(() => {
      shown.value = { scenario: props.scenario, calibration: props.calibration };
    }, 0);
    return () => clearTimeout(timer);
  }, [key]);
  const s = shown.value;
  if (s === undefined) return <p class="card loading">Searching for the best settings…</p>;
  return <BestSettingsCard scenario={s.scenario} calibration={s.calibration} />;
}
