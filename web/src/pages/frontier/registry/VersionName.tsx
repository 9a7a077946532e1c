import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useVersion } from './registryApi';

/** A model version as "Model 1.0", linked to its page (cached per version, like OrganisationName). */
export function VersionName({ id }: { id: string }) {
  const version = useVersion(id);
  return (
    <Anchor component={Link} to={`/frontier/versions/${id}`} size="sm">
      {version.data ? `${version.data.model.name} ${version.data.version}` : version.isError ? <Text span>{id.slice(0, 8)}</Text> : '…'}
    </Anchor>
  );
}
