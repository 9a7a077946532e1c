import { Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

interface PublicFormCardProps {
  /** Used for the heading's id, which names the form for screen readers. */
  id: string;
  title: string;
  description?: string;
  onSubmit: () => void;
  children: ReactNode;
}

/** The card form of the pages used without a session: login, first-run setup, invitation. */
export function PublicFormCard({ id, title, description, onSubmit, children }: PublicFormCardProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Paper withBorder shadow="sm" p="xl" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <Stack>
          <Title order={2} size="h3" id={`${id}-title`}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
          {children}
        </Stack>
      </form>
    </Paper>
  );
}
