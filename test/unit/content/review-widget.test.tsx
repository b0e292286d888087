import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewWidget, type ReviewWidgetProps } from '../../../components/ReviewWidget';
import type { Analysis } from '../../../lib/analysis/types';
import type { ReviewSnapshot } from '../../../lib/sites/types';

const hostile = '<img src=x onerror="alert(1)">质量太差了，用了两天就坏了\u202E<script>alert(2)</script>';

const snapshot: ReviewSnapshot = {
  platform: 'qianniu',
  reviewId: 'r1',
  rating: 'bad',
  text: hostile,
  canReply: true,
  pageUrl: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
};

const start = hostile.indexOf('坏了');
const analysis: Analysis = {
  lang: 'zh-Hans',
  negative: true,
  negativity: 0.9,
  causes: ['quality'],
  evidence: { quality: [[start, start + 2]] },
  extortion: false,
  extortionEvidence: [],
};

function props(overrides: Partial<ReviewWidgetProps> = {}): ReviewWidgetProps {
  return {
    snapshot,
    analysis,
    analysedText: hostile,
    risk: { band: 'watch', score: 35, signals: [{ id: 'soft.extortion', kind: 'soft', detail: 'threatens a complaint' }] },
    caseId: null,
    onTrack: () => {},
    ...overrides,
  };
}

describe('ReviewWidget', () => {
  const host = document.createElement('div');
  afterEach(() => {
    render(null, host);
    host.replaceChildren();
  });

  it('shows the cause chips, the risk badge and both actions', () => {
    render(<ReviewWidget {...props()} />, host);
    expect(host.querySelector('[data-cause="quality"]')?.textContent).toBe('Quality');
    expect(host.querySelector('[data-risk="watch"]')?.textContent).toBe('Watch');
    expect(host.querySelector('[data-action="draft"]')).not.toBeNull();
    expect(host.querySelector('[data-action="track"]')?.textContent).toBe('Track');
  });

  it('renders no chips for a positive review', () => {
    render(<ReviewWidget {...props({ snapshot: { ...snapshot, rating: 'good' } })} />, host);
    expect(host.querySelector('[data-cause]')).toBeNull();
    expect(host.querySelector('[data-risk]')).not.toBeNull();
  });

  it('shows the evidence words inside the review text as inert text on hover', async () => {
    render(<ReviewWidget {...props()} />, host);
    const chip = host.querySelector('[data-cause="quality"]')!;
    chip.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    chip.dispatchEvent(new MouseEvent('mouseenter'));
    await new Promise((r) => setTimeout(r, 0));
    const popover = host.querySelector('[data-evidence="quality"]');
    expect(popover).not.toBeNull();
    expect(popover!.querySelector('mark')?.textContent).toBe('坏了');
    expect(popover!.textContent).toContain('onerror="alert(1)">质量太差了');
    expect(host.querySelector('img, script')).toBeNull();
  });

  it('marks the track button once a case exists and calls back on click', () => {
    const onTrack = vi.fn();
    render(<ReviewWidget {...props({ onTrack })} />, host);
    (host.querySelector('[data-action="track"]') as HTMLButtonElement).click();
    expect(onTrack).toHaveBeenCalledOnce();
    render(<ReviewWidget {...props({ caseId: 'qianniu:r1' })} />, host);
    expect(host.querySelector('[data-action="track"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(host.querySelector('[data-action="track"]')?.textContent).toBe('Tracked');
  });

  it('opens the risk signals from the badge', async () => {
    render(<ReviewWidget {...props()} />, host);
    (host.querySelector('[data-risk]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(host.querySelector('[data-signal="soft.extortion"]')?.textContent).toBe('threatens a complaint');
  });

  it('shows a storage error instead of pretending the case exists', () => {
    render(<ReviewWidget {...props({ caseError: 'QuotaExceededError' })} />, host);
    expect(host.querySelector('.error')?.textContent).toContain('QuotaExceededError');
  });
});
