import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';

interface OneTimeSecretProps {
  /** What the value is, e.g. "API token secret" or "Invitation link". */
  label: string;
  value: string;
  /** Why it is shown only now. */
  warning: string;
}

/** A secret or link the server shows once: the value, a copy button and a warning. */
export function OneTimeSecret({ label, value, warning }: OneTimeSecretProps) {
  return (
    <Stack gap="sm">
      <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title="Shown only once">
        {warning}
      </Alert>
      <Text size="sm" fw={600} id="one-time-secret-label">
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} aria-labelledby="one-time-secret-label" data-testid="one-time-secret">
          {value}
        </Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : undefined}
                onClick={copy}
                aria-label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}
                size="lg"
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
