import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { CartesianGrid, ComposedChart, pattern, patterns, ReferenceArea, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { WindowStatusBadge } from '../WindowStatusBadge';
import { dayTicks, layoutTimeline, type TimelineGrant, type TimelineMilestone } from './timelineModel';

const dateLabel = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const ROW_HEIGHT = 44;
const COLOURS = {
  access: 'var(--mantine-color-blue-6)',
  outage: 'var(--mantine-color-red-6)',
  window: 'var(--mantine-color-teal-2)',
  milestone: 'var(--mantine-color-grape-7)',
  asOf: 'var(--mantine-color-dark-3)',
};

export interface AccessTimelineProps {
  grants: TimelineGrant[];
  milestones: TimelineMilestone[];
  /** The window's status as the server computed it. */
  status: string;
  /** The release the window is counted to, and the window (days) before it, to shade. */
  releaseAt?: string | null;
  windowDays?: number;
  /** "Now" as the server saw it. */
  asOf?: string | null;
}

/**
 * The access plan as a chart (issue 11 "timeline view"): one row per grantee with its grants as
 * horizontal bars, outages cut out and hatched, the release milestones as vertical lines, the
 * voluntary window before release shaded, and the window's status. Built from recharts
 * primitives (reference areas and lines on numeric axes) so it follows the chart theme.
 */
export function AccessTimeline({ grants, milestones, status, releaseAt, windowDays, asOf }: AccessTimelineProps) {
  const windowStart = releaseAt && windowDays ? new Date(releaseAt).getTime() - windowDays * 86_400_000 : null;
  const layout = useMemo(
    () => layoutTimeline(grants, milestones, [asOf, releaseAt, windowStart === null ? null : new Date(windowStart).toISOString()]),
    [grants, milestones, asOf, releaseAt, windowStart],
  );
  const rowCount = Math.max(1, layout.rows.length);
  const height = 90 + rowCount * ROW_HEIGHT;
  const rowName = (value: number) => layout.rows[value] ?? '';
  return (
    <Box component="figure" m={0} aria-labelledby="access-timeline-title" data-testid="access-timeline">
      <Group justify="space-between" mb="xs">
        <Text fw={600} id="access-timeline-title">
          Access timeline
        </Text>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Window status
          </Text>
          <WindowStatusBadge status={status} />
        </Group>
      </Group>
      <div style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 24, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              domain={layout.domain}
              allowDataOverflow
              ticks={dayTicks(layout.domain)}
              tickFormatter={(v: number) => dateLabel.format(v)}
              scale="time"
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={[-0.5, rowCount - 0.5]}
              ticks={layout.rows.map((_, i) => i)}
              tickFormatter={rowName}
              reversed
              allowDataOverflow
              width={160}
              interval={0}
            />
            {windowStart !== null && releaseAt && (
              <ReferenceArea x1={windowStart} x2={new Date(releaseAt).getTime()} fill={COLOURS.window} fillOpacity={0.35} ifOverflow="hidden" zIndex={0} />
            )}
            {layout.bars.map((bar) => (
              <ReferenceArea
                key={bar.key}
                x1={bar.from}
                x2={bar.to}
                y1={bar.row - 0.3}
                y2={bar.row + 0.3}
                ifOverflow="hidden"
                radius={3}
                fill={bar.kind === 'outage' ? { color: COLOURS.outage, definition: pattern(patterns.diagonal) } : COLOURS.access}
                fillOpacity={bar.kind === 'outage' ? 0.9 : 0.85}
                stroke={bar.kind === 'outage' ? COLOURS.outage : 'none'}
                data-kind={bar.kind}
              />
            ))}
            {milestones.map((m) => (
              <ReferenceLine
                key={m.milestone}
                x={new Date(m.at).getTime()}
                stroke={COLOURS.milestone}
                strokeWidth={2}
                ifOverflow="extendDomain"
                label={{ value: m.label, position: 'top', fill: COLOURS.milestone, fontSize: 12 }}
              />
            ))}
            {asOf && (
              <ReferenceLine
                x={new Date(asOf).getTime()}
                stroke={COLOURS.asOf}
                strokeDasharray="4 4"
                label={{ value: 'now', position: 'insideTopLeft', fontSize: 11 }}
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <Group gap="md" mt={4}>
        <Legend colour={COLOURS.access} label="Access granted" />
        <Legend colour={COLOURS.outage} label="Outage" />
        {windowStart !== null && <Legend colour={COLOURS.window} label={`${windowDays}-day voluntary window`} />}
        <Legend colour={COLOURS.milestone} label="Release milestone" line />
      </Group>
      <VisuallyHidden component="figcaption">
        <TimelineDescription grants={grants} milestones={milestones} status={status} />
      </VisuallyHidden>
      {grants.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          No grants recorded yet.
        </Text>
      )}
    </Box>
  );
}

function Legend({ colour, label, line }: { colour: string; label: string; line?: boolean }) {
  return (
    <Group gap={6}>
      <span aria-hidden style={{ display: 'inline-block', width: line ? 3 : 14, height: 12, background: colour, borderRadius: 2 }} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

/** The chart in words, for screen readers. */
function TimelineDescription({ grants, milestones, status }: Pick<AccessTimelineProps, 'grants' | 'milestones' | 'status'>) {
  return (
    <>
      Window status {status.replace(/_/g, ' ')}. {milestones.map((m) => `${m.label}: ${fullDate.format(new Date(m.at))}. `)}
      {grants.map(
        (g) =>
          `${g.grantee}${g.accessKind ? ` (${g.accessKind})` : ''}: ${fullDate.format(new Date(g.start))} to ${fullDate.format(new Date(g.end))}` +
          (g.outages.length > 0 ? `, ${g.outages.length} outage(s)` : '') +
          '. ',
      )}
    </>
  );
}
