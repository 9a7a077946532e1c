import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Card, Select, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../../api/problem';
import { useComparison } from './evaluationsApi';

const COLOURS = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6'];

/**
 * One task's metric across a model's checkpoints (`GET /api/frontier/evaluation-runs/compare`),
 * shown once a model and a task are chosen in the filters above: one line per scorer, one point
 * per checkpoint (its newest run).
 */
export function MetricChart({ modelId, task }: { modelId: string | null; task: string }) {
  const comparison = useComparison(modelId, task);
  const [metric, setMetric] = useState<string | null>(null);
  if (!modelId || !task) return null;
  return (
    <Card withBorder mt="md">
      <Title order={3} mb="sm">
        {task} across checkpoints
      </Title>
      {comparison.isError && <Text c="red">{describeError(comparison.error)}</Text>}
      {comparison.isSuccess &&
        (() => {
          const c = comparison.data;
          const metrics = [...new Set(c.metrics.map((m) => m.metric))];
          const chosen = metric && metrics.includes(metric) ? metric : (metrics[0] ?? null);
          if (c.checkpoints.length === 0 || !chosen) return <Text c="dimmed">No runs of this task on this model.</Text>;
          const scorers = [...new Set(c.metrics.filter((m) => m.metric === chosen).map((m) => m.scorer))];
          const data = c.checkpoints.map((cp) => ({
            checkpoint: cp.label || cp.hash.slice(7, 19),
            ...Object.fromEntries(cp.values.filter((v) => v.metric === chosen && v.value !== null).map((v) => [v.scorer, v.value])),
          }));
          return (
            <>
              <Select label="Metric" data={metrics} value={chosen} onChange={setMetric} mb="sm" w={240} allowDeselect={false} />
              <LineChart
                h={280}
                data={data}
                dataKey="checkpoint"
                series={scorers.map((s, i) => ({ name: s, color: COLOURS[i % COLOURS.length]! }))}
                withLegend
                connectNulls
                aria-label={`${chosen} of ${task} per checkpoint`}
              />
            </>
          );
        })()}
    </Card>
  );
}
