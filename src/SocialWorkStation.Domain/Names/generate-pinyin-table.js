// Generates the character→readings table for SocialWorkStation.Domain/Names from pinyin-pro (MIT).
// Run: npm pack pinyin-pro@3.29.4 && tar xzf pinyin-pro-3.29.4.tgz && node generate-pinyin-table.js package > pinyin-readings.txt
const path = require('path');
const { pinyin } = require(path.resolve(process.argv[2] || 'package'));
const ranges = [[0x3400, 0x4dbf], [0x4e00, 0x9fff]];
const out = [];
for (const [a, b] of ranges) {
  for (let cp = a; cp <= b; cp++) {
    const ch = String.fromCodePoint(cp);
    const all = pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: true }).filter(r => /^[a-z]+$/.test(r));
    if (all.length === 0) continue;
    const dflt = pinyin(ch, { toneType: 'none', type: 'array', v: true })[0];
    const sur = pinyin(ch, { toneType: 'none', type: 'array', surname: 'head', v: true })[0];
    const ordered = [];
    for (const r of [dflt, ...all]) if (/^[a-z]+$/.test(r) && !ordered.includes(r)) ordered.push(r);
    // A surname reading that differs from the default goes in its own column (单 shan, 曾 zeng, 解 xie).
    const surname = (sur && sur !== dflt && /^[a-z]+$/.test(sur)) ? sur : '';
    if (surname && !ordered.includes(surname)) ordered.push(surname);
    out.push(ch + '\t' + ordered.join(' ') + (surname ? '\t' + surname : ''));
  }
}
process.stdout.write('# character<TAB>readings (default first)[<TAB>surname reading], generated from pinyin-pro 3.29.4 (MIT, see LICENSE-pinyin-pro.txt)\n' + out.join('\n') + '\n');
