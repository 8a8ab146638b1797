// Indigo 500 stays above 3:1 against both the white and the slate-950 background;
// axis text takes the surrounding (muted) text colour.
export const SERIES_COLOUR = '#6366f1';
export const CHART_HEIGHT = 220;
export const axisTick = { fill: 'currentColor', fontSize: 12 };
// The tooltip has a white box in both colour schemes, so its text is fixed dark.
export const tooltipStyles = {
  contentStyle: { color: '#0f172a' },
  itemStyle: { color: '#0f172a' },
  labelStyle: { color: '#0f172a' },
};
