import type { ReactNode } from "react";

/**
 * Dependency-free charts rendered on the server. Each chart is a figure whose data is also a
 * table (in a <details>), so the numbers are readable without seeing the bars.
 */

export function ColumnChart({
  title,
  data,
  labels,
}: {
  title: string;
  data: { label: string; value: number }[];
  labels: { label: string; value: string; show: string; summary: string; empty: string };
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  // All zero: say so, rather than an empty box that looks like a chart that failed to load.
  const none = data.every((d) => d.value === 0);
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="font-semibold">{title}</figcaption>
      <div role="img" aria-label={`${title}: ${labels.summary}`} className="flex h-32 items-end gap-px border-b border-line-strong">
        {none ? (
          <p className="mx-auto self-center text-sm text-muted">{labels.empty}</p>
        ) : (
          data.map((d) => <div key={d.label} className="flex-1 bg-accent" style={{ height: `${(d.value / max) * 100}%` }} title={`${d.label}: ${d.value}`} />)
        )}
      </div>
      <div className="flex justify-between text-xs text-muted" aria-hidden="true">
        <span>{data[0]?.label}</span>
        <span>{data.at(-1)?.label}</span>
      </div>
      <DataTable caption={labels.show} head={[labels.label, labels.value]} rows={data.map((d) => [d.label, String(d.value)])} />
    </figure>
  );
}

export function ShareBars({ title, hint, rows, labels }: { title: string; hint?: string; rows: { label: string; share: number; detail: string }[]; labels: { label: string; value: string; show: string } }) {
  return (
    <figure className="flex flex-col gap-2">
      <figcaption>
        <span className="font-semibold">{title}</span>
        {hint && <span className="block text-sm text-muted">{hint}</span>}
      </figcaption>
      <ul className="flex flex-col gap-2">
        {rows.map((r) => (
          <li key={r.label} className="flex flex-col gap-1">
            <div className="flex justify-between gap-2 text-sm">
              <span>{r.label}</span>
              <span className="tabular-nums">{Math.round(r.share * 100)}%</span>
            </div>
            <div className="h-2 rounded bg-sunken" aria-hidden="true">
              <div className="h-2 rounded bg-accent" style={{ width: `${Math.round(r.share * 100)}%` }} />
            </div>
          </li>
        ))}
      </ul>
      <DataTable caption={labels.show} head={[labels.label, labels.value]} rows={rows.map((r) => [r.label, r.detail])} />
    </figure>
  );
}

function DataTable({ caption, head, rows }: { caption: string; head: [string, string]; rows: ReactNode[][] }) {
  return (
    <details className="text-sm">
      <summary className="inline-flex min-h-11 min-w-11 cursor-pointer items-center">{caption}</summary>
      <table className="w-full text-left">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="border-b border-line-strong py-1 font-medium">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className="border-b border-line py-1 tabular-nums">{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
