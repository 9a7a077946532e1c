/** Shapes of the AISC HTTP API as the web UI uses them (see docs/openapi.json). */

export interface Labelled {
  id: string;
  label: string;
}

export interface Meta {
  organisationKinds: Labelled[];
  sectors: Labelled[];
  roles: Labelled[];
  clearances: Labelled[];
  tlp: string[];
  classifications: Labelled[];
  tokenScopes: Labelled[];
  eventTypes: string[];
  setupNeeded: boolean;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
  clearance: string;
  organisation: { id: string; name: string; kind: string };
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  platformAdmin: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  sectors: string[];
  parentId: string | null;
  coordinator: boolean;
  createdAt: string;
}

export type UserStatus = 'active' | 'invited' | 'disabled';

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  clearance: string;
  organisationId: string;
  status: UserStatus;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Invitation {
  url: string;
  expiresAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  active: boolean;
  organisationId: string;
  createdAt: string;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'dead';

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actor: { userId: string | null; organisationId: string | null; label: string };
  action: string;
  recordType: string;
  recordId: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  hash: string;
}

/** One message of `GET /api/events/stream`. */
export interface StreamEvent {
  id: string;
  type: string;
  recordType: string;
  recordId: string;
  at: string;
}
