/** @module main — mounts the page, then warms the estimator in idle time. */
import { render } from 'preact';
import { App } from './App.js';
import { scheduleWarmUp } from './estimate/warm-up.js';
import { inputs } from './state/store.js';
import './styles.css';

const root = document.getElementById('app');
if (root !== null) {
  render(<App />, root);
  // The mark lets tests (and curious readers of the performance panel) see when warm-up has finished.
  scheduleWarmUp(inputs.peek().model, inputs.peek().device, () => performance.mark('cliffbench:warm'));
}
