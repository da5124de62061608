/**
 * Loads the chart runtime (and with it chart.js) only when a chart comes near
 * the viewport, so a report page loads no chart code up front.
 */
const figures = [...document.querySelectorAll<HTMLElement>('figure[data-chart]')];

if (figures.length > 0) {
  let runtime: Promise<typeof import('./chart-runtime.ts')> | undefined;
  const load = () => (runtime ??= import('./chart-runtime.ts'));
  const draw = (figure: HTMLElement) => {
    load()
      .then(({ drawChart }) => drawChart(figure))
      .catch((error: unknown) => {
        figure.dataset.chartState = 'failed';
        console.error('Trendbook: the chart runtime failed to load', error);
      });
  };
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          draw(entry.target as HTMLElement);
        }
      },
      { rootMargin: '200px 0px' },
    );
    figures.forEach((figure) => {
      observer.observe(figure);
    });
  } else {
    figures.forEach(draw);
  }
}
