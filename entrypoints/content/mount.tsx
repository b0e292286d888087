import { render } from 'preact';
import widgetOnlyCss from '../../components/review-widget.css?inline';
import { draftPanelCss } from '../../components/drafts/draft-panel-css';
import { ReviewWidget, type ReviewWidgetProps } from '../../components/ReviewWidget';

const widgetCss = `${widgetOnlyCss}\n${draftPanelCss}`;

export const WIDGET_TAG = 'mend-review';
export const REVIEW_ATTRIBUTE = 'data-mend-review';

/** Default place for the UI: a table row gets it in its widest cell, anything else at its end. */
export function defaultMountPoint(root: Element): Element {
  if (root.tagName !== 'TR') return root;
  let best: Element = root;
  let bestLength = -1;
  for (const cell of Array.from(root.children)) {
    const length = cell.textContent?.length ?? 0;
    if (length > bestLength) {
      best = cell;
      bestLength = length;
    }
  }
  return best;
}

let sharedSheet: CSSStyleSheet | null | undefined;

/**
 * One constructed stylesheet adopted by every widget: a page with 1,000 reviews would otherwise
 * parse and match 1,000 copies of the same CSS. Falls back to a <style> per widget where
 * constructable stylesheets are unavailable.
 */
function widgetSheet(): CSSStyleSheet | null {
  if (sharedSheet !== undefined) return sharedSheet;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(widgetCss);
    sharedSheet = sheet;
  } catch {
    sharedSheet = null;
  }
  return sharedSheet;
}

export interface MountedWidget {
  host: HTMLElement;
  update(props: ReviewWidgetProps): void;
  remove(): void;
}

/**
 * A `<mend-review>` host with an OPEN shadow root (tests and assistive tools can reach in); the
 * page's styles cannot reach the widget and the widget's cannot leak out. The element is never
 * registered as a custom element: content scripts have no customElements, and none is needed.
 */
export function mountWidget(mountPoint: Element, props: ReviewWidgetProps, place: (insert: () => void) => void = (insert) => insert()): MountedWidget {
  const host = document.createElement(WIDGET_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  const sheet = widgetSheet();
  if (sheet) {
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = widgetCss;
    shadow.append(style);
  }
  shadow.append(container);
  // Keep the page's own click handlers (row selection, links) from reacting to our buttons.
  // Typing in the draft panel must not trigger the page's keyboard shortcuts either.
  for (const type of ['click', 'mousedown', 'mouseup', 'keydown', 'keyup', 'keypress', 'input']) host.addEventListener(type, (event) => event.stopPropagation());
  render(<ReviewWidget {...props} />, container);
  place(() => mountPoint.append(host));
  return {
    host,
    update(next) {
      render(<ReviewWidget {...next} />, container);
    },
    remove() {
      render(null, container);
      host.remove();
    },
  };
}
