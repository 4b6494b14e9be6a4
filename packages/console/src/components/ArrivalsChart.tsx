/** First check-ins per hour of the day, as bars; the numbers are in the table beside. */
export function ArrivalsChart({ arrivals }: { arrivals: number[] }) {
  const most = Math.max(1, ...arrivals);
  const hoursWithArrivals = arrivals
    .map((count, hour) => ({ count, hour }))
    .filter((a) => a.count > 0);
  const first = hoursWithArrivals[0]?.hour ?? 7;
  const last = hoursWithArrivals.at(-1)?.hour ?? 10;
  const shown = arrivals
    .map((count, hour) => ({ count, hour }))
    .filter((a) => a.hour >= Math.min(first, 6) && a.hour <= Math.max(last, 11));

  return (
    <figure className="chart">
      <figcaption>Arrivals over the day (first check-in per person per day)</figcaption>
      <div className="bars" role="img" aria-label={describe(hoursWithArrivals)}>
        {shown.map(({ count, hour }) => (
          <div key={hour} className="bar-col">
            <div className="bar" style={{ height: `${(count / most) * 100}%` }} />
            <span className="bar-count">{count > 0 ? count : ''}</span>
            <span className="bar-label">{String(hour).padStart(2, '0')}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

function describe(hours: { count: number; hour: number }[]): string {
  if (hours.length === 0) return 'No arrivals.';
  return hours.map((h) => `${h.count} between ${h.hour}:00 and ${h.hour + 1}:00`).join('; ');
}
