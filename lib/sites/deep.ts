/**
 * Open shadow roots: Amazon's Katal components (and micro-frontends elsewhere) keep content where
 * `querySelectorAll` and `textContent` do not reach. Closed roots stay closed: Mend cannot see them.
 */

/** Every open shadow root under `scope` (nested ones included), in document order. */
export function openShadowRoots(scope: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: ParentNode) => {
    const self = (node as Node).nodeType === 1 ? (node as Element) : null;
    const elements = self ? [self, ...Array.from(node.querySelectorAll('*'))] : Array.from(node.querySelectorAll('*'));
    for (const el of elements) {
      const shadow = el.shadowRoot;
      // Mend's own widgets are never page content.
      if (shadow && !el.tagName.startsWith('MEND-')) {
        found.push(shadow);
        visit(shadow);
      }
    }
  };
  visit(scope);
  return found;
}

/** `querySelectorAll` that also looks inside open shadow roots (and matches the scope itself). */
export function deepQueryAll(scope: ParentNode, selector: string): Element[] {
  const self = (scope as Node).nodeType === 1 ? (scope as Element) : null;
  const out: Element[] = self?.matches(selector) ? [self] : [];
  out.push(...Array.from(scope.querySelectorAll(selector)));
  for (const shadow of openShadowRoots(scope)) out.push(...Array.from(shadow.querySelectorAll(selector)));
  return out;
}

export function deepQuery(scope: ParentNode, selector: string): Element | null {
  const direct = scope.querySelector(selector);
  if (direct) return direct;
  for (const shadow of openShadowRoots(scope)) {
    const hit = shadow.querySelector(selector);
    if (hit) return hit;
  }
  return null;
}

/**
 * Text of a subtree with open shadow content included. A host's shadow text comes first, then its
 * light children (which a <slot> would render); slots themselves add nothing, so nothing is read twice.
 */
export function deepText(node: Node): string {
  const parts: string[] = [];
  collect(node, parts);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Text nodes in order; element boundaries become separate parts (a space when joined). */
function collect(node: Node, parts: string[]): void {
  if (node.nodeType === 3) {
    const value = node.nodeValue;
    if (value) parts.push(value);
    return;
  }
  if (node.nodeType === 1) {
    const el = node as Element;
    const tag = el.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT' || tag === 'SLOT') return;
    // Mend's own widgets (open shadow roots) must never be read back as page content.
    if (tag.startsWith('MEND-')) return;
    if (el.shadowRoot) collect(el.shadowRoot, parts);
  } else if (node.nodeType !== 9 && node.nodeType !== 11) {
    return;
  }
  for (let child = node.firstChild; child; child = child.nextSibling) collect(child, parts);
}

/** The host chain from an element in a shadow tree up to the document, for `closest` across roots. */
export function closestDeep(el: Element, selector: string): Element | null {
  let current: Element | null = el;
  while (current) {
    const hit = current.closest(selector);
    if (hit) return hit;
    const root = current.getRootNode() as ShadowRoot | Document;
    current = 'host' in root ? root.host : null;
  }
  return null;
}
