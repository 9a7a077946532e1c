import { allPages, day, requireServer } from '../remote-verbs';
import { Option } from 'commander';
import { VENDOR_STATUSES, VEX_JUSTIFICATIONS } from '../../domain/cases/vendor-statement';
import { CASE_STATES } from '../../domain/cases/case-states';
import type { OkJson } from '../../client/operations';
import { ok } from '../client';
import { type GlobalOptions, printJson, println } from '../io';
import type { CommandModule } from './index';

type CaseVulnerability = OkJson<'/api/cases/{id}', 'get'>['vulnerabilities'][number];

/** The technical details of a case vulnerability, one line each (ADR 0031); PoCs by attachment id. */
function vulnerabilityDetails(v: CaseVulnerability): string[] {
  const lines: string[] = [];
  if (v.affectedVersions.length) lines.push(`affected versions: ${v.affectedVersions.join(', ')}`);
  const rating = [
    v.severity && v.severity !== 'unknown' ? `severity ${v.severity}` : null,
    v.cvss ? `${v.cvss.vector}${v.cvss.score !== null ? ` (${v.cvss.score})` : ''}` : null,
    v.ssvc ? `SSVC ${v.ssvc.decision}` : null,
  ].filter(Boolean);
  if (rating.length) lines.push(rating.join(', '));
  for (const a of v.proofOfConcept) lines.push(`proof of concept ${a.id}: ${a.name} (${a.size} bytes) — GET /api/findings/attachments/${a.id}`);
  if (v.description) lines.push(...v.description.split('\n').map((l) => `| ${l}`));
  return lines;
}

/**
 * `aisc cases …`: coordinated disclosure from a terminal or a vendor's automation — the
 * cases one takes part in, one case with its vulnerabilities and the statements one may
 * see, the invitation inbox, and a vendor's statement on a vulnerability (ADR 0030).
 */
export const casesCommand: CommandModule = (program, io) => {
  const cases = program.command('cases').description('coordinated-disclosure cases you take part in (with --server and --token)');

  cases
    .command('list')
    .description('your cases, newest first')
    .addOption(new Option('--state <state>', 'only cases in this state').choices([...CASE_STATES]))
    .action(async (o: { state?: (typeof CASE_STATES)[number] }, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = requireServer(io, globals, 'Case verbs');
      const items = await allPages((page) => ok(client.GET('/api/cases', { params: { query: { ...page, ...(o.state ? { state: o.state } : {}) } } })));
      if (globals.json) return printJson(io, items);
      for (const c of items) println(io, `${c.id}  ${c.state.padEnd(12)} public ${day(c.embargo.publicAt)}  ${c.title}`);
      println(io, `${items.length} case${items.length === 1 ? '' : 's'}`);
    });

  cases
    .command('show')
    .description('one case: its embargo, vulnerabilities, proposals and the statements you may see')
    .argument('<case>', 'the case id')
    .action(async (caseId: string, _o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = requireServer(io, globals, 'Case verbs');
      const c = await ok(client.GET('/api/cases/{id}', { params: { path: { id: caseId } } }));
      const statements = await allPages((page) => ok(client.GET('/api/cases/{id}/statements', { params: { path: { id: caseId }, query: page } })));
      if (globals.json) return printJson(io, { ...c, statements });
      println(io, `${c.title} (${c.state})`);
      println(
        io,
        `embargo: ${c.embargo.state}${c.embargo.publicAt ? `, public ${day(c.embargo.publicAt)}` : ''}${c.advisoryId ? `; advisory ${c.advisoryId}` : ''}`,
      );
      for (const p of c.proposals) println(io, `proposal ${p.id}: ${day(p.publicAt)} ${p.status}${p.reason ? ` — ${p.reason}` : ''}`);
      for (const v of c.vulnerabilities) {
        println(io, `vulnerability ${v.id}: ${v.title}${v.product ? ` [${v.product}]` : ''}${v.cwe ? ` ${v.cwe}` : ''}`);
        for (const line of vulnerabilityDetails(v)) println(io, `  ${line}`);
        for (const s of statements.filter((x) => x.vulnerabilityId === v.id)) {
          println(
            io,
            `  ${s.vendorOrganisationId}: ${s.status}${s.justification ? ` (${s.justification})` : ''}${s.fixedVersions.length ? ` fixed in ${s.fixedVersions.join(', ')}` : ''}${s.shared ? ', shared' : ''}`,
          );
        }
      }
    });

  cases
    .command('inbox')
    .description("your organisation's case invitations, newest first")
    .action(async (_o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = requireServer(io, globals, 'Case verbs');
      const items = await allPages((page) => ok(client.GET('/api/inbox', { params: { query: page } })));
      if (globals.json) return printJson(io, items);
      for (const i of items) println(io, `${i.case.id}  invited ${day(i.participation.invitedAt)}  ${i.participation.status.padEnd(10)} ${i.case.title}`);
      println(io, `${items.length} invitation${items.length === 1 ? '' : 's'}`);
    });

  cases
    .command('statement')
    .description("record your organisation's statement on a vulnerability of a case")
    .argument('<case>', 'the case id')
    .argument('<vulnerability>', 'the vulnerability id (see `aisc cases show`)')
    .addOption(new Option('--status <status>', 'affected, not_affected, under_investigation or fixed').choices([...VENDOR_STATUSES]).makeOptionMandatory())
    .addOption(new Option('--justification <j>', 'why not affected (a VEX justification)').choices([...VEX_JUSTIFICATIONS]))
    .option('--fixed <versions...>', 'the versions that fix it')
    .option('--impact <text>', 'impact statement')
    .option('--action <text>', 'what users should do')
    .action(
      async (
        caseId: string,
        vulnerabilityId: string,
        o: {
          status: (typeof VENDOR_STATUSES)[number];
          justification?: (typeof VEX_JUSTIFICATIONS)[number];
          fixed?: string[];
          impact?: string;
          action?: string;
        },
        cmd,
      ) => {
        const globals = cmd.optsWithGlobals() as GlobalOptions;
        const body = {
          status: o.status,
          justification: o.justification ?? null,
          fixedVersions: o.fixed ?? [],
          impactStatement: o.impact ?? null,
          actionStatement: o.action ?? null,
        };
        const s = await ok(
          requireServer(io, globals, 'Case verbs').POST('/api/cases/{id}/vulnerabilities/{childId}/statement', {
            params: { path: { id: caseId, childId: vulnerabilityId } },
            body,
          }),
        );
        if (globals.json) return printJson(io, s);
        println(io, `recorded: ${s.status}${s.fixedVersions.length ? ` (fixed in ${s.fixedVersions.join(', ')})` : ''}`);
      },
    );
};
