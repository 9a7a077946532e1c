import { StateBadge } from '../../../components/StateBadge';

const COLOURS: Record<string, string> = {
  scoped: 'gray',
  access_pending: 'yellow',
  in_progress: 'blue',
  draft_report: 'indigo',
  developer_review: 'violet',
  final: 'teal',
  published_summary: 'green',
  confidential_only: 'dark',
  withdrawn: 'red',
};

export function EngagementStateBadge({ state }: { state: string }) {
  return <StateBadge colour={COLOURS[state] ?? 'gray'}>{state.replace(/_/g, ' ')}</StateBadge>;
}
