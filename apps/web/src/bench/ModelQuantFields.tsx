/**
 * @module bench/ModelQuantFields — the model and quant a pasted or typed llama.cpp run used: two labelled
 * selects, the catalog's models and the quant list.
 */
import { models } from '@cliffbench/core';
import { QuantOptions } from '../inputs/QuantOptions.js';

export function ModelQuantFields(props: {
  /** The model select's label ("Model run", "Model served"). */
  readonly label: string;
  readonly model: string;
  readonly quant: string;
  readonly onModel: (id: string) => void;
  readonly onQuant: (quant: string) => void;
}) {
  return (
    <>
      <label>
        {props.label}
        <select value={props.model} onChange={(e) => props.onModel(e.currentTarget.value)}>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Its quant
        <select value={props.quant} onChange={(e) => props.onQuant(e.currentTarget.value)}>
          <QuantOptions />
        </select>
      </label>
    </>
  );
}
