import type { ViewBox } from './mapView';

/** The properties the map's stylesheet sets on its shapes and text. */
const PROPERTIES = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
] as const;

/**
 * The drawn map as an SVG file that looks the same outside the editor: the theme's colours are
 * CSS variables the file would not have, so each shape takes its computed style inline.
 */
export function standaloneSvg(live: SVGSVGElement, whole: ViewBox): string {
  const copy = live.cloneNode(true) as SVGSVGElement;
  // The whole map, not the part the user has zoomed to.
  copy.setAttribute('viewBox', `${whole.x} ${whole.y} ${whole.width} ${whole.height}`);
  copy.setAttribute('width', String(Math.ceil(whole.width)));
  copy.setAttribute('height', String(Math.ceil(whole.height)));
  const from = live.querySelectorAll<SVGElement>('rect, text, polyline, path');
  const to = copy.querySelectorAll<SVGElement>('rect, text, polyline, path');
  from.forEach((element, i) => {
    const style = getComputedStyle(element);
    to[i].setAttribute('style', PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'));
  });
  const background = getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim();
  copy.setAttribute('style', `background:${background || '#ffffff'}`);
  copy.removeAttribute('role');
  copy.removeAttribute('aria-label');
  return new XMLSerializer().serializeToString(copy);
}
