/**
 * jsdom does no layout: every element is 0px tall, so a virtualised list would draw nothing.
 * This gives the conversation a layout by its class names: the scroller (`.message-list`) a
 * viewport height, each drawn message (`.message-list__item`) a height, and the scroller a
 * scroll height from its content's height (set by the virtualizer). Scrolling is a `scrollTop`
 * write; like a browser, the scroller keeps `scrollTop` within [0, scrollHeight - clientHeight]
 * and reports a change with a scroll event a moment later (a microtask here).
 */
export interface ListLayout {
  /** The scroller's visible height. */
  viewport: number
  /** A drawn message's height, by its index in the conversation. */
  itemHeight: (index: number) => number
}

export const DEFAULT_LIST_LAYOUT: ListLayout = { viewport: 600, itemHeight: () => 100 }

let layout = DEFAULT_LIST_LAYOUT

export function setListLayout(next: Partial<ListLayout>): void {
  layout = { ...layout, ...next }
}

export function resetListLayout(): void {
  layout = DEFAULT_LIST_LAYOUT
}

const scrollTops = new WeakMap<Element, number>()

function define(
  name: 'clientHeight' | 'offsetHeight' | 'scrollHeight',
  pick: (el: HTMLElement) => number | null,
) {
  const original =
    Object.getOwnPropertyDescriptor(HTMLElement.prototype, name) ??
    Object.getOwnPropertyDescriptor(Element.prototype, name)
  Object.defineProperty(HTMLElement.prototype, name, {
    configurable: true,
    get(this: HTMLElement) {
      return pick(this) ?? (original?.get?.call(this) as number | undefined) ?? 0
    },
  })
}

/**
 * Installs the getters once, for the whole test run (see setup.ts), and a stand-in
 * ResizeObserver, which jsdom lacks: {@link FakeResizeObserver}.
 */
export function installListLayout(): void {
  globalThis.ResizeObserver ??= FakeResizeObserver
  define('clientHeight', (el) => (el.classList.contains('message-list') ? layout.viewport : null))
  define('offsetHeight', (el) =>
    el.classList.contains('message-list__item')
      ? layout.itemHeight(Number(el.dataset.index))
      : null,
  )
  define('scrollHeight', (el) => {
    if (!el.classList.contains('message-list')) return null
    const content = el.firstElementChild as HTMLElement | null
    return Math.max(layout.viewport, parseFloat(content?.style.height ?? '') || 0)
  })
  const scrollTop = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop')
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      if (!this.classList.contains('message-list')) return scrollTop?.get?.call(this) as number
      return Math.min(scrollTops.get(this) ?? 0, Math.max(0, this.scrollHeight - this.clientHeight))
    },
    set(this: HTMLElement, value: number) {
      if (!this.classList.contains('message-list')) return scrollTop?.set?.call(this, value)
      const before = this.scrollTop
      scrollTops.set(this, Math.max(0, Math.min(value, this.scrollHeight - this.clientHeight)))
      // a browser reports a scroll asynchronously, once per change
      if (this.scrollTop !== before) queueMicrotask(() => this.dispatchEvent(new Event('scroll')))
    },
  })
}

const observers = new Set<FakeResizeObserver>()

/**
 * A ResizeObserver that reports an element's size once it is observed, as a browser's does, and
 * later only when a test says sizes changed ({@link resizeObserved}).
 */
export class FakeResizeObserver implements ResizeObserver {
  private readonly targets = new Set<Element>()
  constructor(private readonly callback: ResizeObserverCallback) {
    observers.add(this)
  }
  observe(target: Element) {
    this.targets.add(target)
    // like a browser's, the first observation reports the size the element has
    queueMicrotask(() => {
      if (this.targets.has(target)) this.callback([{ target } as ResizeObserverEntry], this)
    })
  }
  unobserve(target: Element) {
    this.targets.delete(target)
  }
  disconnect() {
    this.targets.clear()
    observers.delete(this)
  }
  report() {
    const entries = [...this.targets].map((target) => ({ target }) as ResizeObserverEntry)
    if (entries.length > 0) this.callback(entries, this)
  }
}

/** Tells every fake observer that the elements it watches may have changed size. */
export function resizeObserved(): void {
  for (const observer of [...observers]) observer.report()
}
