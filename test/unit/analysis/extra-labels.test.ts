import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../../../lib/analysis/types';
import { loadExtraLabels, roleOf } from '../../tools/extra-labels';

const labels = loadExtraLabels();

describe('the second labelled set (test/fixtures/extra-labels)', () => {
  it('follows the taxonomy: known ids, causes only on complaints, other and personal alone', () => {
    expect(labels.length).toBe(3228);
    for (const label of labels) {
      expect(['os10', 'jd', 'zj'], label.id).toContain(label.source);
      for (const cause of label.causes) expect(CAUSE_IDS, label.id).toContain(cause);
      if (!label.negative) expect(label.causes, label.id).toEqual([]);
      else expect(label.causes.length, label.id).toBeGreaterThan(0);
      if (label.causes.includes('other') || label.causes.includes('personal')) expect(label.causes.length, label.id).toBe(1);
    }
  });

  it('labels each review once, and its parts do not drift (the sealed part must stay the same reviews)', () => {
    const ids = labels.map((label) => label.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(labels.filter((label) => roleOf(label.id, label.batch) === 'sealed').length).toBe(790);
    expect(labels.filter((label) => roleOf(label.id, label.batch) === 'read').length).toBe(320);
  });
});
