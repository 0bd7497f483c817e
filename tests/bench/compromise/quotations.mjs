// compromise.js's quotations over a JSON Lines corpus ({"id", "text"} per line), one JSON line
// of quotations per document: the peer sayso's whole-process speed is compared with
// (compare.sh). Usage: node quotations.mjs CORPUS.jsonl > out.jsonl
import nlp from 'compromise';
import { readFileSync } from 'node:fs';

const out = [];
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  out.push(JSON.stringify({ id: doc.id, quotations: nlp(doc.text).quotations().out('array') }));
}
process.stdout.write(out.join('\n') + '\n');
