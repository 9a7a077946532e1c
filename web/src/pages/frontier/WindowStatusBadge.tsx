import { StateBadge } from '../../components/StateBadge';

/** The statuses of an access window (src/domain/frontier access-window functions). */
const STATUS: Record<string, { label: string; colour: string; title: string }> = {
  on_track: { label: 'on track', colour: 'teal', title: 'The recorded grants give the voluntary access window before release.' },
  at_risk: { label: 'at risk', colour: 'orange', title: 'The recorded grants do not yet give the voluntary access window before release.' },
  met: { label: 'met', colour: 'green', title: 'The voluntary access window was given before release.' },
  late: { label: 'late', colour: 'red', title: 'Access was given, but for fewer days than the voluntary window before release.' },
  not_provided: { label: 'not provided', colour: 'gray', title: 'No access was recorded before release.' },
  no_release_date: { label: 'no release date', colour: 'gray', title: 'No release date is recorded for the milestone the window counts to.' },
};

/** An access window's status as a badge; `data-status` carries the raw value for tests and styling. */
export function WindowStatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status.replace(/_/g, ' '), colour: 'gray', title: status };
  return (
    <span data-testid="window-status" data-status={status}>
      <StateBadge colour={s.colour} title={s.title}>
        {s.label}
      </StateBadge>
    </span>
  );
}
