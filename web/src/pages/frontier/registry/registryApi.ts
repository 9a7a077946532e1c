import { useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type ResponseOf } from '../../../api/client';

/** Frontier-model registry calls of the UI (src/http/routes/frontier-registry*.ts). */
export const registryKey = 'frontier-registry';

export type ModelSummary = ItemOf<ResponseOf<'/api/frontier/models', 'get'>>;
export type Model = ResponseOf<'/api/frontier/models/{id}', 'get'>;
export type Version = ResponseOf<'/api/frontier/versions/{id}', 'get'>;
export type Evaluation = ResponseOf<'/api/frontier/versions/{id}/evaluation', 'get'>;
export type Designation = ResponseOf<'/api/frontier/versions/{id}/designation', 'get'>;

type Paging = { limit: number; offset: number };

export const useModels = (paging: Paging) =>
  useQuery({
    queryKey: [registryKey, 'models', paging],
    queryFn: () => body(client.GET('/api/frontier/models', { params: { query: paging } })),
    placeholderData: (p) => p,
  });

export const useModel = (id: string) =>
  useQuery({ queryKey: [registryKey, 'model', id], queryFn: () => body(client.GET('/api/frontier/models/{id}', { params: { path: { id } } })) });

export const useVersion = (id: string) =>
  useQuery({ queryKey: [registryKey, 'version', id], queryFn: () => body(client.GET('/api/frontier/versions/{id}', { params: { path: { id } } })) });

export type Fact = ItemOf<ResponseOf<'/api/frontier/versions/{id}/facts', 'get'>>;

/** Every declaration of one fact of a version, oldest first (the current value is the last). */
export const useFactHistory = (id: string, key: string | null) =>
  useQuery({
    enabled: key !== null,
    queryKey: [registryKey, 'version', id, 'facts', key],
    queryFn: () => body(client.GET('/api/frontier/versions/{id}/facts/{key}', { params: { path: { id, key: key ?? '' } } })),
  });

export const useRuleSets = () =>
  useQuery({ queryKey: [registryKey, 'rule-sets'], queryFn: () => body(client.GET('/api/frontier/rule-sets')), staleTime: 5 * 60_000 });

export const useEvaluation = (id: string, enabled = true) =>
  useQuery({
    enabled,
    queryKey: [registryKey, 'version', id, 'evaluation'],
    queryFn: () => body(client.GET('/api/frontier/versions/{id}/evaluation', { params: { path: { id } } })),
  });

export const useDesignation = (id: string) =>
  useQuery({
    retry: false,
    queryKey: [registryKey, 'version', id, 'designation'],
    queryFn: () => body(client.GET('/api/frontier/versions/{id}/designation', { params: { path: { id } } })),
  });

export const useCheckpoints = (id: string) =>
  useQuery({
    queryKey: [registryKey, 'version', id, 'checkpoints'],
    queryFn: () => body(client.GET('/api/frontier/versions/{id}/checkpoints', { params: { path: { id } } })),
  });

export const useLineage = (id: string) =>
  useQuery({
    queryKey: [registryKey, 'version', id, 'lineage'],
    queryFn: () => body(client.GET('/api/frontier/versions/{id}/lineage', { params: { path: { id } } })),
  });

export const registryCalls = {
  respondToDesignation: (versionId: string, response: BodyOf<'/api/frontier/versions/{id}/designation/responses', 'post'>) =>
    body(client.POST('/api/frontier/versions/{id}/designation/responses', { params: { path: { id: versionId } }, body: response })),
  registerModel: (model: BodyOf<'/api/frontier/models', 'post'>) => body(client.POST('/api/frontier/models', { body: model })),
  addVersion: (modelId: string, version: BodyOf<'/api/frontier/models/{id}/versions', 'post'>) =>
    body(client.POST('/api/frontier/models/{id}/versions', { params: { path: { id: modelId } }, body: version })),
  addCheckpoint: (versionId: string, checkpoint: BodyOf<'/api/frontier/versions/{id}/checkpoints', 'post'>) =>
    body(client.POST('/api/frontier/versions/{id}/checkpoints', { params: { path: { id: versionId } }, body: checkpoint })),
  addLineage: (versionId: string, edge: BodyOf<'/api/frontier/versions/{id}/lineage', 'post'>) =>
    body(client.POST('/api/frontier/versions/{id}/lineage', { params: { path: { id: versionId } }, body: edge })),
  declareFacts: (versionId: string, facts: BodyOf<'/api/frontier/versions/{id}/facts', 'post'>) =>
    body(client.POST('/api/frontier/versions/{id}/facts', { params: { path: { id: versionId } }, body: facts })),
};
