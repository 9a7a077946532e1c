import { useQuery } from '@tanstack/react-query';
import { body, client, type ItemOf, type ResponseOf } from '../../../api/client';
import { ApiError, readProblem } from '../../../api/problem';

/** Evaluation-run calls of the UI (src/http/routes/frontier-evaluations*.ts, issue 12). */
export const evaluationsKey = 'frontier-evaluations';

export type RunPage = ResponseOf<'/api/frontier/evaluation-runs', 'get'>;
export type Run = ItemOf<RunPage>;
export type Comparison = ResponseOf<'/api/frontier/evaluation-runs/compare', 'get'>;

export interface RunFilter {
  modelId?: string | undefined;
  task?: string | undefined;
  after?: string | undefined;
}

export const useRuns = (f: RunFilter) =>
  useQuery({
    queryKey: [evaluationsKey, 'runs', f],
    queryFn: () => body(client.GET('/api/frontier/evaluation-runs', { params: { query: { ...f, limit: 50 } } })),
    placeholderData: (p) => p,
  });

export const useRun = (id: string) =>
  useQuery({ queryKey: [evaluationsKey, 'run', id], queryFn: () => body(client.GET('/api/frontier/evaluation-runs/{id}', { params: { path: { id } } })) });

export const useComparison = (modelId: string | null, task: string) =>
  useQuery({
    queryKey: [evaluationsKey, 'compare', modelId, task],
    queryFn: () => body(client.GET('/api/frontier/evaluation-runs/compare', { params: { query: { modelId: modelId!, task } } })),
    enabled: !!modelId && task.trim() !== '',
  });

/** Every model the caller may see (for pickers: the first 500). */
export const useModelChoices = () =>
  useQuery({ queryKey: [evaluationsKey, 'models'], queryFn: () => body(client.GET('/api/frontier/models', { params: { query: { limit: 500, offset: 0 } } })) });

export const useModelVersions = (modelId: string | null) =>
  useQuery({
    queryKey: [evaluationsKey, 'model', modelId],
    queryFn: () => body(client.GET('/api/frontier/models/{id}', { params: { path: { id: modelId! } } })),
    enabled: !!modelId,
  });

export const useVersionCheckpoints = (versionId: string | null) =>
  useQuery({
    queryKey: [evaluationsKey, 'checkpoints', versionId],
    queryFn: () => body(client.GET('/api/frontier/versions/{id}/checkpoints', { params: { path: { id: versionId! } } })),
    enabled: !!versionId,
  });

export interface Upload {
  readonly file: File;
  readonly checkpointId: string;
  readonly name?: string | undefined;
  /** The assessment engagement the run is evidence for (linked by the server in the same transaction). */
  readonly engagementId?: string | undefined;
  readonly csrfToken: string;
  /** Called as the browser sends the file: bytes sent and the total. */
  readonly onProgress: (sent: number, total: number) => void;
}

/**
 * Uploads a log file as the raw body of `POST /api/frontier/evaluation-runs`. XMLHttpRequest,
 * not fetch: only it reports upload progress (`xhr.upload` progress events). A failure throws
 * the same ApiError (with the problem's field errors) as every other call of the UI.
 */
export function uploadLog(u: Upload): Promise<{ run: Run; created: boolean }> {
  const query = new URLSearchParams({
    checkpointId: u.checkpointId,
    ...(u.name ? { name: u.name } : {}),
    ...(u.engagementId ? { engagementId: u.engagementId } : {}),
  });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/frontier/evaluation-runs?${query}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', u.csrfToken);
    xhr.setRequestHeader('content-type', u.file.name.endsWith('.json') ? 'application/json' : 'application/octet-stream');
    xhr.upload.addEventListener('progress', (e) => u.onProgress(e.loaded, e.lengthComputable ? e.total : u.file.size));
    xhr.addEventListener('load', () => {
      const response = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } });
      if (xhr.status === 200 || xhr.status === 201) resolve({ run: JSON.parse(xhr.responseText) as Run, created: xhr.status === 201 });
      else void readProblem(response).then(reject, reject);
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { title: 'Network error', detail: 'The upload did not reach the server' })));
    xhr.send(u.file);
  });
}
