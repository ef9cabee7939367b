import * as l10n from '@vscode/l10n';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { Direction, NodeBox, nextNode } from '../../src/core/flowMap/nodeNavigation';

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapViewEvents {
  /** A node was selected: by a click, or by the keyboard. */
  readonly select: (nodeId: string | undefined) => void;
  /** A node was opened: double-click or Enter. */
  readonly activate: (nodeId: string) => void;
  /** The view moved or zoomed: kept so that a page shown again looks as it was left. */
  readonly moved: (view: ViewBox) => void;
}

const ARROWS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};
const ZOOM_STEP = 1.25;

/**
 * The drawn map: its SVG, zoomed and panned through the viewBox (wheel, drag, + and −), a node
 * selected by click or arrow keys, opened by double-click or Enter.
 */
export class MapView {
  private svg: SVGSVGElement | undefined;
  private boxes: NodeBox[] = [];
  private view: ViewBox = { x: 0, y: 0, width: 1, height: 1 };
  private whole: ViewBox = { x: 0, y: 0, width: 1, height: 1 };
  private selected: string | undefined;
  /** Set by a drag, so that the click that ends it does not clear the selection. */
  private dragged = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly events: MapViewEvents,
  ) {
    host.addEventListener('wheel', (e) => this.wheel(e), { passive: false });
    host.addEventListener('pointerdown', (e) => this.drag(e));
    host.addEventListener('click', (e) => {
      if (!this.dragged) {
        this.events.select(this.nodeAt(e.target));
      }
      this.dragged = false;
    });
    host.addEventListener('dblclick', (e) => {
      const id = this.nodeAt(e.target);
      if (id) {
        this.events.activate(id);
      }
    });
    host.addEventListener('keydown', (e) => this.key(e));
  }

  /** Shows a new drawing; `view` keeps where the user was (a redraw for a trace, a page shown again). */
  show(svgText: string, laidOut: ElkNode, view?: ViewBox): void {
    // The SVG is built from escaped text by flowSvg and parsed as XML: nothing in it runs.
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
    const [x, y, width, height] = (svg.getAttribute('viewBox') ?? '0 0 1 1').split(' ').map(Number);
    this.whole = { x, y, width, height };
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('role', 'group');
    svg.setAttribute('aria-label', l10n.t('Event flow map: arrow keys move between nodes, Enter opens one'));
    this.boxes = (laidOut.children ?? []).map((c) => ({
      id: c.id,
      x: c.x ?? 0,
      y: c.y ?? 0,
      width: c.width ?? 0,
      height: c.height ?? 0,
    }));
    this.host.replaceChildren(svg);
    this.svg = svg;
    this.setView(view ?? this.whole);
    this.select(this.selected, false);
  }

  clear(): void {
    this.svg = undefined;
    this.boxes = [];
    this.host.replaceChildren();
  }

  /** The drawn SVG, classes and all, and the box of the whole map. */
  get drawing(): { readonly svg: SVGSVGElement; readonly whole: ViewBox } | undefined {
    return this.svg && { svg: this.svg, whole: { ...this.whole } };
  }

  get currentView(): ViewBox {
    return { ...this.view };
  }

  /** Marks nodes with a class (a finding, a delivery's outcome); each call replaces the last set of that class. */
  mark(className: string, ids: ReadonlySet<string>): void {
    for (const g of this.nodeGroups()) {
      g.classList.toggle(className, ids.has(g.dataset.nodeId ?? ''));
    }
  }

  select(nodeId: string | undefined, reveal = true): void {
    this.selected = nodeId;
    const groups = this.nodeGroups();
    // One node at a time is in the Tab order (the selected one, else the first): Tab leaves the map in one step.
    const tabStop = groups.some((g) => g.dataset.nodeId === nodeId) ? nodeId : groups[0]?.dataset.nodeId;
    for (const g of groups) {
      const on = g.dataset.nodeId === nodeId;
      g.classList.toggle('selected', on);
      g.tabIndex = g.dataset.nodeId === tabStop ? 0 : -1;
      if (on) {
        g.setAttribute('aria-current', 'true');
      } else {
        g.removeAttribute('aria-current');
      }
      if (on && reveal) {
        this.bringIntoView(nodeId!);
        g.focus({ preventScroll: true });
      }
    }
  }

  fit(): void {
    this.setView(this.whole);
  }

  zoom(factor: number, centre?: { x: number; y: number }): void {
    const c = centre ?? { x: this.view.x + this.view.width / 2, y: this.view.y + this.view.height / 2 };
    const width = clamp(this.view.width / factor, 40, this.whole.width * 4);
    const scale = width / this.view.width;
    this.setView({
      x: c.x - (c.x - this.view.x) * scale,
      y: c.y - (c.y - this.view.y) * scale,
      width,
      height: this.view.height * scale,
    });
  }

  private nodeGroups(): HTMLElement[] {
    return this.svg ? Array.from(this.svg.querySelectorAll<HTMLElement>('g[data-node-id]')) : [];
  }

  private nodeAt(target: EventTarget | null): string | undefined {
    return target instanceof Element ? target.closest<HTMLElement>('g[data-node-id]')?.dataset.nodeId : undefined;
  }

  private setView(view: ViewBox): void {
    // The box keeps the host's shape, so that the map is never stretched.
    const aspect = this.host.clientHeight > 0 ? this.host.clientWidth / this.host.clientHeight : 2;
    const width = Math.max(view.width, view.height * aspect);
    const height = width / aspect;
    this.view = {
      x: view.x - (width - view.width) / 2,
      y: view.y - (height - view.height) / 2,
      width,
      height,
    };
    this.svg?.setAttribute('viewBox', `${this.view.x} ${this.view.y} ${this.view.width} ${this.view.height}`);
    this.events.moved(this.currentView);
  }

  private bringIntoView(nodeId: string): void {
    const box = this.boxes.find((b) => b.id === nodeId);
    if (!box) {
      return;
    }
    const inside =
      box.x >= this.view.x &&
      box.y >= this.view.y &&
      box.x + box.width <= this.view.x + this.view.width &&
      box.y + box.height <= this.view.y + this.view.height;
    if (!inside) {
      this.setView({
        ...this.view,
        x: box.x + box.width / 2 - this.view.width / 2,
        y: box.y + box.height / 2 - this.view.height / 2,
      });
    }
  }

  private toMap(e: MouseEvent): { x: number; y: number } {
    const rect = this.host.getBoundingClientRect();
    return {
      x: this.view.x + ((e.clientX - rect.left) / rect.width) * this.view.width,
      y: this.view.y + ((e.clientY - rect.top) / rect.height) * this.view.height,
    };
  }

  private wheel(e: WheelEvent): void {
    if (!this.svg) {
      return;
    }
    e.preventDefault();
    this.zoom(e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, this.toMap(e));
  }

  private drag(e: PointerEvent): void {
    if (!this.svg || e.button !== 0 || this.nodeAt(e.target)) {
      return;
    }
    const start = { x: e.clientX, y: e.clientY, view: this.currentView };
    const perPixel = this.view.width / Math.max(1, this.host.clientWidth);
    this.host.setPointerCapture(e.pointerId);
    this.host.classList.add('panning');
    const move = (m: PointerEvent) => {
      this.dragged = true;
      this.setView({
        ...start.view,
        x: start.view.x - (m.clientX - start.x) * perPixel,
        y: start.view.y - (m.clientY - start.y) * perPixel,
      });
    };
    const up = () => {
      this.host.removeEventListener('pointermove', move);
      this.host.removeEventListener('pointerup', up);
      this.host.classList.remove('panning');
    };
    this.host.addEventListener('pointermove', move);
    this.host.addEventListener('pointerup', up);
  }

  private key(e: KeyboardEvent): void {
    const direction = ARROWS[e.key];
    if (direction) {
      e.preventDefault();
      const next = this.selected ? nextNode(this.boxes, this.selected, direction) : this.boxes[0]?.id;
      if (next) {
        this.events.select(next);
      }
    } else if (e.key === 'Enter' && this.selected) {
      e.preventDefault();
      this.events.activate(this.selected);
    } else if (e.key === '+' || e.key === '=') {
      this.zoom(ZOOM_STEP);
    } else if (e.key === '-') {
      this.zoom(1 / ZOOM_STEP);
    } else if (e.key === '0') {
      this.fit();
    }
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
