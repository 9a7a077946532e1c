import {
  IconBug,
  IconClipboardCheck,
  IconCalendarTime,
  IconChartBar,
  IconReportAnalytics,
  IconChartDonut,
  IconCpu,
  IconGavel,
  IconHeartHandshake,
  IconMessageQuestion,
  IconRobot,
  IconAdjustments,
  IconFolders,
  IconInbox,
  IconListCheck,
  IconBuilding,
  IconHistory,
  IconHome,
  IconShieldCheck,
  IconKey,
  IconUsers,
  IconWebhook,
  IconChecklist,
  IconCertificate,
  type Icon,
} from '@tabler/icons-react';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The one table of pages inside the authenticated shell. Later issues add a page here and it
 * appears in the router and, when it has a `nav` entry, in the navigation.
 */
export interface ShellPage {
  /** Path below `/`, react-router syntax (`webhooks/:webhookId`). */
  path: string;
  /** Who may open it: `admin` pages are hidden from the navigation of everyone else. */
  access: 'any' | 'admin';
  component: LazyExoticComponent<ComponentType>;
  /** Shown in the navigation when present, in table order. */
  nav?: { label: string; icon: Icon; section: string };
}

/** Loads a page module only when it is first opened, so the login page stays small. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

export const shellPages: ShellPage[] = [
  {
    path: '',
    access: 'any',
    component: page(() => import('./pages/OverviewPage'), 'OverviewPage'),
    nav: { label: 'Overview', icon: IconHome, section: 'Account' },
  },
  {
    path: 'tokens',
    access: 'any',
    component: page(() => import('./pages/tokens/TokensPage'), 'TokensPage'),
    nav: { label: 'API tokens', icon: IconKey, section: 'Account' },
  },
  {
    path: 'findings/new',
    access: 'any',
    component: page(() => import('./pages/intake/SubmitFindingPage'), 'SubmitFindingPage'),
    nav: { label: 'Submit a finding', icon: IconBug, section: 'Vulnerabilities' },
  },
  {
    path: 'reports',
    access: 'any',
    component: page(() => import('./pages/intake/TriageQueuePage'), 'TriageQueuePage'),
    nav: { label: 'Reports', icon: IconListCheck, section: 'Vulnerabilities' },
  },
  { path: 'reports/:reportId', access: 'any', component: page(() => import('./pages/intake/ReportPage'), 'ReportPage') },
  {
    path: 'organisations',
    access: 'admin',
    component: page(() => import('./pages/organisations/OrganisationsPage'), 'OrganisationsPage'),
    nav: { label: 'Organisations', icon: IconBuilding, section: 'Administration' },
  },
  {
    path: 'users',
    access: 'admin',
    component: page(() => import('./pages/users/UsersPage'), 'UsersPage'),
    nav: { label: 'Users', icon: IconUsers, section: 'Administration' },
  },
  {
    path: 'webhooks',
    access: 'admin',
    component: page(() => import('./pages/webhooks/WebhooksPage'), 'WebhooksPage'),
    nav: { label: 'Webhooks', icon: IconWebhook, section: 'Administration' },
  },
  {
    path: 'webhooks/:webhookId',
    access: 'admin',
    component: page(() => import('./pages/webhooks/DeliveryLogPage'), 'DeliveryLogPage'),
  },
  {
    path: 'advisory-desk',
    access: 'any',
    component: page(() => import('./pages/advisories/AdvisoryDeskPage'), 'AdvisoryDeskPage'),
    nav: { label: 'Advisory desk', icon: IconShieldCheck, section: 'Clearinghouse' },
  },
  {
    path: 'cases',
    access: 'any',
    component: page(() => import('./pages/cases/CasesPage'), 'CasesPage'),
    nav: { label: 'Cases', icon: IconFolders, section: 'Clearinghouse' },
  },
  { path: 'cases/:caseId', access: 'any', component: page(() => import('./pages/cases/CasePage'), 'CasePage') },
  {
    path: 'inbox',
    access: 'any',
    component: page(() => import('./pages/cases/InboxPage'), 'InboxPage'),
    nav: { label: 'Vendor inbox', icon: IconInbox, section: 'Clearinghouse' },
  },
  {
    path: 'frontier/models',
    access: 'any',
    component: page(() => import('./pages/frontier/registry/ModelsPage'), 'ModelsPage'),
    nav: { label: 'Model registry', icon: IconRobot, section: 'Frontier models' },
  },
  { path: 'frontier/models/:modelId', access: 'any', component: page(() => import('./pages/frontier/registry/ModelPage'), 'ModelPage') },
  { path: 'frontier/versions/:versionId', access: 'any', component: page(() => import('./pages/frontier/registry/VersionPage'), 'VersionPage') },
  {
    path: 'frontier/inquiries',
    access: 'any',
    component: page(() => import('./pages/frontier/inquiries/InquiriesPage'), 'InquiriesPage'),
    nav: { label: 'Coverage inquiries', icon: IconMessageQuestion, section: 'Frontier models' },
  },
  {
    path: 'frontier/reviews',
    access: 'any',
    component: page(() => import('./pages/frontier/reviews/ReviewsPage'), 'ReviewsPage'),
    nav: { label: 'Designation reviews', icon: IconGavel, section: 'Frontier models' },
  },
  { path: 'frontier/reviews/:reviewId', access: 'any', component: page(() => import('./pages/frontier/reviews/ReviewPage'), 'ReviewPage') },
  {
    path: 'frontier/plans',
    access: 'any',
    component: page(() => import('./pages/frontier/access/PlansPage'), 'PlansPage'),
    nav: { label: 'Access plans', icon: IconCalendarTime, section: 'Frontier models' },
  },
  { path: 'frontier/plans/:planId', access: 'any', component: page(() => import('./pages/frontier/access/PlanPage'), 'PlanPage') },
  {
    path: 'frontier/partners',
    access: 'any',
    component: page(() => import('./pages/frontier/access/PartnersPage'), 'PartnersPage'),
    nav: { label: 'Trusted partners', icon: IconHeartHandshake, section: 'Frontier models' },
  },
  {
    path: 'frontier/portfolio',
    access: 'any',
    component: page(() => import('./pages/frontier/portfolio/PortfolioPage'), 'PortfolioPage'),
    nav: { label: 'Portfolio', icon: IconChartBar, section: 'Frontier models' },
  },
  {
    path: 'frontier/engagements',
    access: 'any',
    component: page(() => import('./pages/frontier/engagements/EngagementsPage'), 'EngagementsPage'),
    nav: { label: 'Assessments', icon: IconClipboardCheck, section: 'Frontier models' },
  },
  {
    path: 'frontier/engagements/:engagementId',
    access: 'any',
    component: page(() => import('./pages/frontier/engagements/EngagementPage'), 'EngagementPage'),
  },
  {
    path: 'frontier/evaluations',
    access: 'any',
    component: page(() => import('./pages/frontier/evaluations/RunsPage'), 'RunsPage'),
    nav: { label: 'Evaluation runs', icon: IconReportAnalytics, section: 'Frontier models' },
  },
  { path: 'frontier/evaluations/:runId', access: 'any', component: page(() => import('./pages/frontier/evaluations/RunPage'), 'RunPage') },
  {
    path: 'frontier/practices',
    access: 'any',
    component: page(() => import('./pages/frontier/standards/CataloguePage'), 'CataloguePage'),
    nav: { label: 'Voluntary practices', icon: IconChecklist, section: 'Frontier models' },
  },
  {
    path: 'frontier/attestations',
    access: 'any',
    component: page(() => import('./pages/frontier/standards/AttestationsPage'), 'AttestationsPage'),
    nav: { label: 'Attestations', icon: IconCertificate, section: 'Frontier models' },
  },
  {
    path: 'frontier/scorecard',
    access: 'any',
    component: page(() => import('./pages/frontier/standards/ScorecardPage'), 'OwnScorecardPage'),
    nav: { label: 'Scorecard', icon: IconChartDonut, section: 'Frontier models' },
  },
  { path: 'frontier/scorecards/:organisationId', access: 'any', component: page(() => import('./pages/frontier/standards/ScorecardPage'), 'ScorecardPage') },
  {
    path: 'frontier/compute',
    access: 'any',
    component: page(() => import('./pages/frontier/compute/ComputePage'), 'ComputePage'),
    nav: { label: 'Compute', icon: IconCpu, section: 'Frontier models' },
  },
  { path: 'frontier/compute/clusters/:clusterId', access: 'any', component: page(() => import('./pages/frontier/compute/ClusterPage'), 'ClusterPage') },
  { path: 'frontier/compute/accelerators', access: 'any', component: page(() => import('./pages/frontier/compute/AcceleratorsPage'), 'AcceleratorsPage') },
  {
    path: 'frontier/settings',
    access: 'admin',
    component: page(() => import('./pages/frontier/settings/FrontierSettingsPage'), 'FrontierSettingsPage'),
    nav: { label: 'Frontier settings', icon: IconAdjustments, section: 'Administration' },
  },
  {
    path: 'audit',
    access: 'admin',
    component: page(() => import('./pages/audit/AuditPage'), 'AuditPage'),
    nav: { label: 'Audit trail', icon: IconHistory, section: 'Administration' },
  },
];

/** Pages reachable without a session. */
export const publicPages: { path: string; component: LazyExoticComponent<ComponentType> }[] = [
  { path: 'login', component: page(() => import('./pages/login/LoginPage'), 'LoginPage') },
  { path: 'setup', component: page(() => import('./pages/setup/SetupPage'), 'SetupPage') },
  { path: 'invite', component: page(() => import('./pages/invite/AcceptInvitationPage'), 'AcceptInvitationPage') },
  { path: 'advisories', component: page(() => import('./pages/advisories/PublicAdvisoriesPage'), 'PublicAdvisoriesPage') },
  { path: 'advisories/:id', component: page(() => import('./pages/advisories/PublicAdvisoryPage'), 'PublicAdvisoryPage') },
  { path: 'scorecards', component: page(() => import('./pages/frontier/standards/PublishedScorecardsPage'), 'PublishedScorecardsPage') },
];
