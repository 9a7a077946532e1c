import { StateBadge } from '../../../components/StateBadge';

const COLOURS: Record<string, string> = {
  proposed: 'blue',
  under_review: 'indigo',
  deferred: 'yellow',
  designated: 'orange',
  not_designated: 'teal',
  rebuttal_requested: 'grape',
  rebuttal_reviewed: 'violet',
};

export function ReviewStateBadge({ state }: { state: string }) {
  return <StateBadge colour={COLOURS[state] ?? 'gray'}>{state.replace(/_/g, ' ')}</StateBadge>;
}
