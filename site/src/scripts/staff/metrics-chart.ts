/*
 * A small bar chart of checks per day as inline SVG: no chart library, no inline styles (the CSP allows none), only
 * SVG presentation attributes. The table next to it carries the same figures for screen readers and copying.
 */

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 200;
const AXIS = 40;

export interface ChartLabels {
  title: string;
  description: string;
  /** What one bar is (the legend). */
  series: string;
  axisCount: string;
  axisDay: string;
}

export function renderBarChart(
  container: Element,
  bars: { label: string; value: number }[],
  labels: ChartLabels,
): void {
  const { title, description } = labels;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', 'metrics-chart-title metrics-chart-desc');
  svg.setAttribute('class', 'metrics-chart');
  svg.append(textNode('title', title, 'metrics-chart-title'), textNode('desc', description, 'metrics-chart-desc'));

  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = (WIDTH - AXIS) / Math.max(1, bars.length);
  const barWidth = Math.max(1, slot * 0.7);
  bars.forEach((bar, index) => {
    const height = Math.round(((HEIGHT - AXIS * 2) * bar.value) / max);
    const x = AXIS + index * slot + (slot - barWidth) / 2;
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', x.toFixed(1));
    rect.setAttribute('y', String(HEIGHT - AXIS - height));
    rect.setAttribute('width', barWidth.toFixed(1));
    rect.setAttribute('height', String(height));
    rect.setAttribute('fill', '#0b4f9c');
    const tooltip = document.createElementNS(SVG, 'title');
    tooltip.textContent = `${bar.label}: ${bar.value}`;
    rect.append(tooltip);
    svg.append(rect);
    // Label every bar when few, else every seventh, so labels never overlap.
    if (bars.length <= 14 || index % 7 === bars.length % 7) {
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', (x + barWidth / 2).toFixed(1));
      label.setAttribute('y', String(HEIGHT - AXIS + 14));
      label.setAttribute('text-anchor', 'middle');
      label.setAttribute('font-size', '11');
      label.setAttribute('fill', 'currentColor');
      label.textContent = bar.label.slice(5);
      svg.append(label);
    }
  });
  const baseline = document.createElementNS(SVG, 'line');
  baseline.setAttribute('x1', String(AXIS));
  baseline.setAttribute('x2', String(WIDTH));
  baseline.setAttribute('y1', String(HEIGHT - AXIS));
  baseline.setAttribute('y2', String(HEIGHT - AXIS));
  baseline.setAttribute('stroke', 'currentColor');
  svg.append(baseline);
  const maxLabel = document.createElementNS(SVG, 'text');
  maxLabel.setAttribute('x', String(AXIS - 4));
  maxLabel.setAttribute('y', String(AXIS));
  maxLabel.setAttribute('text-anchor', 'end');
  maxLabel.setAttribute('font-size', '11');
  maxLabel.setAttribute('fill', 'currentColor');
  maxLabel.textContent = String(max);
  svg.append(
    maxLabel,
    axisLabel(labels.axisDay, WIDTH / 2, HEIGHT - 4),
    axisLabel(labels.axisCount, 12, HEIGHT / 2, -90),
  );
  const legend = document.createElement('p');
  legend.className = 'metrics-legend';
  const swatch = document.createElement('span');
  swatch.className = 'metrics-legend__swatch';
  swatch.setAttribute('aria-hidden', 'true');
  legend.append(swatch, document.createTextNode(labels.series));
  container.replaceChildren(svg, legend);
}

function axisLabel(text: string, x: number, y: number, rotate = 0): SVGElement {
  const node = document.createElementNS(SVG, 'text');
  node.setAttribute('x', String(x));
  node.setAttribute('y', String(y));
  node.setAttribute('text-anchor', 'middle');
  node.setAttribute('font-size', '12');
  node.setAttribute('fill', 'currentColor');
  if (rotate) node.setAttribute('transform', `rotate(${rotate} ${x} ${y})`);
  node.textContent = text;
  return node;
}

function textNode(name: 'title' | 'desc', text: string, id: string): SVGElement {
  const node = document.createElementNS(SVG, name);
  node.id = id;
  node.textContent = text;
  return node;
}
