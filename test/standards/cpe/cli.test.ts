import { describe, expect, it } from 'vitest';
import { run } from '../purl/cli-run';

describe('aisc cpe', () => {
  it('parse shows the WFN and both bindings', async () => {
    const r = await run(['cpe', 'parse', 'cpe:/a:hp:openview_network_manager:7.51:-:~~~linux~~']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      'wfn: wfn:[part="a",vendor="hp",product="openview_network_manager",version="7\\.51",update=NA,target_sw="linux"]\n' +
        'formatted string: cpe:2.3:a:hp:openview_network_manager:7.51:-:*:*:*:linux:*:*\n' +
        'uri: cpe:/a:hp:openview_network_manager:7.51:-:~~~linux~~\n',
    );
  });

  it('parse --json reads stdin lines', async () => {
    const r = await run(['cpe', 'parse', '--json'], 'cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*\n');
    expect(JSON.parse(r.out).uri).toBe('cpe:/a:microsoft:internet_explorer:8.%02:sp%01');
  });

  it('match prints the relation', async () => {
    const r = await run(['cpe', 'match', 'cpe:2.3:a:microsoft:internet_explorer:8.*:*:*:*:*:*:*:*', 'cpe:/a:microsoft:internet_explorer:8.0.6001:beta']);
    expect(r).toMatchObject({ code: 0, out: 'SUPERSET\n' });
  });

  it('a bad name is one line on stderr and a non-zero exit', async () => {
    const r = await run(['cpe', 'match', 'cpe:/a:x', 'cpe:2.3:a:x']);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
