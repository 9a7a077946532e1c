import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../api/problem';
import { scoreVector } from './api';

/** CVSS 3.1 and 4.0 calculator: the vector is scored by the server's standards module. */
export function CvssCalculator({ initial, onUse }: { initial: string; onUse: (vector: string) => void }) {
  const [vector, setVector] = useState(initial);
  const [answer, setAnswer] = useState<string | null>(null);
  return (
    <Group align="flex-end">
      <TextInput label="CVSS vector (3.1 or 4.0)" value={vector} onChange={(e) => setVector(e.currentTarget.value)} w={520} />
      <Button
        variant="light"
        onClick={async () => setAnswer(await scoreVector(vector).then((s) => `CVSS ${s.version}: ${s.baseScore} ${s.baseSeverity}`, describeError))}
      >
        Score
      </Button>
      <Button variant="default" onClick={() => onUse(vector)}>
        Use for the report
      </Button>
      {answer && <Text size="sm">{answer}</Text>}
    </Group>
  );
}
