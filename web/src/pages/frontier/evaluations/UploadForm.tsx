import { Button, FileInput, Group, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useCurrentSession } from '../../../api/session';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { evaluationsKey, type Run, uploadLog, useModelChoices, useModelVersions, useVersionCheckpoints } from './evaluationsApi';

const fields = ['/checkpointId', '/log', '/name'] as const;

/** An engagement the run is evidence for: its checkpoints are the ones to choose from. */
export interface EngagementTarget {
  readonly id: string;
  readonly checkpointIds: readonly string[];
}

/**
 * Imports an Inspect log (.json or .eval) as a run of a checkpoint chosen among the models the
 * caller may see — or, into an engagement, among the checkpoints it relies on — with the upload's
 * progress (docs/ui-forms.md; problems shown at their field).
 */
export function UploadForm({ onDone, engagement }: { onDone: (run: Run, created: boolean) => void; engagement?: EngagementTarget }) {
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(fields);
  const [modelId, setModelId] = useState<string | null>(null);
  const [versionId, setVersionId] = useState<string | null>(null);
  const [checkpointId, setCheckpointId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const models = useModelChoices();
  const versions = useModelVersions(modelId);
  const checkpoints = useVersionCheckpoints(versionId);
  const upload = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('Choose a log file');
      return uploadLog({
        file,
        checkpointId: checkpointId ?? '',
        name: name.trim() || undefined,
        engagementId: engagement?.id,
        csrfToken: session.csrfToken,
        onProgress: (sent, total) => setProgress({ sent, total }),
      });
    },
    onSuccess: ({ run, created }) => {
      void queryClient.invalidateQueries({ queryKey: [evaluationsKey] });
      onDone(run, created);
    },
    onError: (e) => {
      setProgress(null);
      report(e);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    upload.mutate();
  };
  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <form onSubmit={submit} noValidate aria-label="Import an Inspect log">
      <Stack>
        {engagement ? (
          <Select
            label="Checkpoint"
            description="One of the checkpoints the engagement relies on"
            required
            data={engagement.checkpointIds.map((id) => ({ value: id, label: `Checkpoint ${id.slice(0, 8)}…` }))}
            value={checkpointId}
            onChange={(v) => {
              setCheckpointId(v);
              clear('/checkpointId');
            }}
            error={errors['/checkpointId']}
          />
        ) : (
          <>
            <Select
              label="Model"
              placeholder="Choose a model"
              searchable
              data={(models.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
              value={modelId}
              onChange={(v) => {
                setModelId(v);
                setVersionId(null);
                setCheckpointId(null);
              }}
            />
            <Select
              label="Version"
              placeholder={modelId ? 'Choose a version' : 'Choose a model first'}
              disabled={!modelId}
              data={(versions.data?.versions ?? []).map((v) => ({ value: v.id, label: v.version }))}
              value={versionId}
              onChange={(v) => {
                setVersionId(v);
                setCheckpointId(null);
              }}
            />
            <Select
              label="Checkpoint"
              description="The weights the evaluation ran against"
              placeholder={versionId ? 'Choose a checkpoint' : 'Choose a version first'}
              required
              disabled={!versionId}
              data={(checkpoints.data?.items ?? []).map((c) => ({ value: c.id, label: c.label ? `${c.label} (${c.hash.slice(0, 19)}…)` : c.hash }))}
              value={checkpointId}
              onChange={(v) => {
                setCheckpointId(v);
                clear('/checkpointId');
              }}
              error={errors['/checkpointId']}
            />
          </>
        )}
        <FileInput
          label="Inspect log"
          description="The .json log or the .eval archive, as Inspect wrote it"
          placeholder="Choose a file"
          accept=".json,.eval,application/json,application/zip"
          required
          value={file}
          onChange={(f) => {
            setFile(f);
            clear('/log');
          }}
          error={errors['/log']}
        />
        <TextInput
          label="Name"
          description="Defaults to the task and the model"
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            clear('/name');
          }}
          error={errors['/name']}
        />
        {progress && (
          <Stack gap={4}>
            <Progress value={percent} aria-label="Upload progress" animated={upload.isPending} />
            <Text size="xs" c="dimmed">
              {percent}% of {(progress.total / 1024).toFixed(0)} KiB sent{percent === 100 && upload.isPending ? ' — reading the log…' : ''}
            </Text>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={upload.isPending} disabled={!file}>
            Import
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
