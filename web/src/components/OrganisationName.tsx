import { Text } from '@mantine/core';
import { useOrganisation } from '../api/organisations';

/** An organisation's name from its id (cached, so a page of rows costs one request per organisation). */
export function OrganisationName({ id }: { id: string | null | undefined }) {
  const organisation = useOrganisation(id);
  if (!id) {
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  }
  return (
    <Text span size="sm">
      {organisation.data?.name ?? (organisation.isError ? 'Unknown organisation' : '…')}
    </Text>
  );
}
