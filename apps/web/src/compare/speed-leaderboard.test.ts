import { describe, expect, it } from 'vitest';
import { speedQuery } from './SpeedLeaderboard.js';

describe('measured-speed leaderboard filters', () => {
  it('asks for the test kind, and the backend and build only when set', () => {
    expect(speedQuery({ kind: 'tg', backend: '', build: '' })).toBe('kind=tg&limit=100');
    expect(speedQuery({ kind: 'pp', backend: 'cuda', build: '6500' })).toBe(
      'kind=pp&limit=100&backend=cuda&build=6500',
    );
    expect(speedQuery({ kind: 'tg', backend: '', build: 'b65' })).toBe('kind=tg&limit=100');
  });
});
