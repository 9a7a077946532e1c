import { Alert, Anchor, Badge, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../../api/problem';
import { PageHeader } from '../../../components/PageHeader';
import { useCatalogues } from './standardsApi';

/** The catalogue of voluntary security practices, each with its sources and whether evidence is required; older versions selectable. */
export function CataloguePage() {
  const catalogues = useCatalogues();
  const [version, setVersion] = useState<string | null>(null);
  if (catalogues.isPending) return <Text>Loading…</Text>;
  if (catalogues.isError) return <Alert color="red">{describeError(catalogues.error)}</Alert>;
  const items = catalogues.data.items;
  const shown = items.find((c) => c.version === version) ?? items[0];
  return (
    <>
      <PageHeader
        title="Voluntary practices"
        description="The catalogue organisations attest against. Voluntary: attesting, or not, never holds up a release."
        action={
          <Select
            label="Catalogue version"
            data={items.map((c) => ({ value: c.version, label: `${c.version}${c.current ? ' (current)' : ''}` }))}
            value={shown?.version ?? null}
            onChange={setVersion}
            allowDeselect={false}
          />
        }
      />
      {!shown ? (
        <Text c="dimmed">No catalogue yet.</Text>
      ) : (
        <Stack>
          {shown.note && <Text c="dimmed">{shown.note}</Text>}
          {shown.practices.map((p) => (
            <Card withBorder key={p.id}>
              <Group justify="space-between" mb="xs">
                <Title order={3}>{p.title}</Title>
                {p.evidenceRequired ? <Badge color="blue">Evidence required</Badge> : <Badge color="gray">Evidence optional</Badge>}
              </Group>
              <Text mb="xs">{p.description}</Text>
              <Text size="sm" fw={600}>
                Sources
              </Text>
              <List size="sm">
                {p.sources.map((s) => (
                  <List.Item key={s.citation}>
                    {s.url ? (
                      <Anchor href={s.url} target="_blank" rel="noreferrer">
                        {s.citation}
                      </Anchor>
                    ) : (
                      s.citation
                    )}
                  </List.Item>
                ))}
              </List>
              <Text size="xs" c="dimmed" mt="xs">
                {p.id}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </>
  );
}
