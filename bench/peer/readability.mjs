// Peer extractor for `extract_eval --peer`: Mozilla Readability on jsdom over the same pages.
// Usage: node readability.mjs aeb|zh DATA_DIR OUT.json
// Writes {id: {"articleBody": textContent}} to OUT.json and prints one line
// "pages N wall W cpu C": seconds spent in jsdom + Readability only (wall clock, and CPU time of the
// process, which a loaded machine inflates less).

import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const [set, dataDir, outPath] = process.argv.slice(2);
if (!['aeb', 'zh'].includes(set) || !dataDir || !outPath) {
  console.error('usage: node readability.mjs aeb|zh DATA_DIR OUT.json');
  process.exit(2);
}

// Each page: its id and its text (aeb pages are UTF-8 by the benchmark's own statement).
function pages() {
  if (set === 'aeb') {
    const dir = join(dataDir, 'article-extraction-benchmark');
    const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
    return Object.keys(gold).map((id) => ({
      id,
      input: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
    }));
  }
  const dir = join(dataDir, 'chinese-web-content-extraction');
  const gold = JSON.parse(readFileSync(join(dir, 'eval', 'cleaned_ground.json'), 'utf8'));
  return Object.keys(gold).map((id) => ({ id, input: decode(readFileSync(join(dir, 'original', `${id}.html`))) }));
}

// Decode `bytes` by the charset its markup declares (most of these pages are GB2312/GBK, some declare
// it where jsdom's own sniffing does not look), so that both extractors read the same text.
function decode(bytes) {
  const head = bytes.subarray(0, 8192).toString('latin1');
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head);
  let label = declared ? declared[1].toLowerCase() : 'utf-8';
  if (label === 'gb2312' || label === 'gbk') label = 'gb18030';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

// Page scripts never run and CSS errors are not printed.
const quiet = new VirtualConsole();
const out = {};
let wall = 0;
let cpu = 0;
let count = 0;
for (const { id, input } of pages()) {
  const start = process.hrtime.bigint();
  const startCpu = process.cpuUsage();
  let text = '';
  try {
    const dom = new JSDOM(input, { url: 'https://page.example/', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    text = article && article.textContent ? article.textContent : '';
    dom.window.close();
  } catch (error) {
    console.error(`readability.mjs: ${id}: ${error.message}`);
  }
  wall += Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(startCpu);
  cpu += (used.user + used.system) / 1e6;
  count += 1;
  out[id] = { articleBody: text };
}
writeFileSync(outPath, JSON.stringify(out));
console.log(`pages ${count} wall ${wall.toFixed(3)} cpu ${cpu.toFixed(3)}`);
