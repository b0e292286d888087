import { IDBFactory } from 'fake-indexeddb';
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { openCasesDb, type CasesRepository } from '../../../lib/cases/repository';
import type { Case } from '../../../lib/cases/types';

/** A fresh, empty fake IndexedDB per test, opened through the real repository. */
export async function freshStore(): Promise<{ factory: IDBFactory; repo: CasesRepository }> {
  const factory = new IDBFactory();
  return { factory, repo: await openCasesDb({ factory }) };
}

/** Seeds already-built cases in one transaction, with everything the store keeps beside each one. */
export async function putCases(repo: CasesRepository, cases: readonly Case[]): Promise<void> {
  await repo.saveMany(cases.map((c) => structuredClone(c)));
}

export function mount(vnode: VNode, host = document.createElement('div')): { host: HTMLElement; unmount: () => void } {
  document.body.append(host);
  act(() => render(vnode, host));
  return {
    host,
    unmount: () => {
      act(() => render(null, host));
      host.remove();
    },
  };
}

/** Polls until `check` returns a truthy value (IndexedDB answers arrive asynchronously). */
export async function waitFor<T>(
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeout = 4_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    let value: T | null | undefined | false = null;
    // act() resolves to nothing, so the value leaves through the closure.
    await act(async () => {
      value = await check();
    });
    if (value) return value;
    if (Date.now() - started > timeout) throw new Error(`waitFor timed out; page: ${document.body.textContent?.slice(0, 300)}`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

export function rowIds(host: ParentNode): string[] {
  return Array.from(host.querySelectorAll('[data-case-id]')).map((row) => row.getAttribute('data-case-id')!);
}

export async function changeValue(element: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export async function click(element: Element): Promise<void> {
  await act(() => {
    (element as HTMLElement).click();
  });
}
