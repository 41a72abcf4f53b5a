"use client";
// One chart of the bilans dashboard (recharts). The same numbers are always rendered as a table
// next to it (BilanChartCard), so the chart is never the only way to read them; series differ by
// dash pattern and marker shape as well as colour (no colour-only meaning).
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartRow {
  label: string;
  [key: string]: string | number | null;
}

const COLORS = ["#1d4f91", "#b34700", "#2e7d32", "#6a1b9a"];
const DASHES = ["", "6 3", "2 2", "8 3 2 3"];
const DOTS = ["circle", "square", "triangle", "diamond"] as const;

export function BilanChart({ kind, rows, series, stacked = false, horizontal = false, height = "md" }: { kind: "line" | "bar"; rows: ChartRow[]; series: ChartSeries[]; stacked?: boolean; horizontal?: boolean; height?: "sm" | "md" }) {
  return (
    <div aria-hidden="true" className={`${height === "sm" ? "h-52" : "h-60"} w-full`}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "line" ? (
          <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d0d5dd" />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#333" }} />
            <YAxis tick={{ fontSize: 12, fill: "#333" }} allowDecimals />
            <Tooltip />
            <Legend />
            {series.map((s, i) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={COLORS[i % 4]} strokeWidth={2} strokeDasharray={DASHES[i % 4]} dot={{ r: 4 }} legendType={DOTS[i % 4]} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        ) : (
          <BarChart accessibilityLayer={false} data={rows} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: horizontal ? 120 : 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d0d5dd" />
            {horizontal ? <XAxis type="number" tick={{ fontSize: 12, fill: "#333" }} /> : <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#333" }} />}
            {horizontal ? <YAxis type="category" dataKey="label" tick={{ fontSize: 12, fill: "#333" }} width={120} /> : <YAxis tick={{ fontSize: 12, fill: "#333" }} />}
            <Tooltip />
            <Legend />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={COLORS[i % 4]} stackId={stacked ? "s" : undefined} stroke="#111" strokeWidth={i % 2 ? 1 : 0} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
