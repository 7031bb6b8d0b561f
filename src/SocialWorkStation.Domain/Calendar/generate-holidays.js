// Generates china-holidays.txt (statutory holidays and make-up working days, 调休) from the npm
// package chinese-days (MIT, see LICENSE-chinese-days.txt), as pinyin-readings.txt is generated.
// Run: npm pack chinese-days@1.5.7 && tar xzf chinese-days-1.5.7.tgz && node generate-holidays.js package > china-holidays.txt
// A year the package does not hold yet can be added by hand from the State Council General Office's
// notice (国务院办公厅关于YYYY年部分节假日安排的通知): one line per day, then a "year" line; see docs/operations.md.
const path = require('path');
const fs = require('fs');
const data = JSON.parse(fs.readFileSync(path.resolve(process.argv[2] || 'package', 'dist/chinese-days.json'), 'utf8'));
const version = JSON.parse(fs.readFileSync(path.resolve(process.argv[2] || 'package', 'package.json'), 'utf8')).version;
const lines = [];
const years = new Set();
for (const [date, v] of Object.entries(data.holidays)) { lines.push(`${date}\tholiday\t${v.split(',')[1]}`); years.add(date.slice(0, 4)); }
for (const [date, v] of Object.entries(data.workdays)) { lines.push(`${date}\tworkday\t${v.split(',')[1]}`); years.add(date.slice(0, 4)); }
lines.sort();
const out = [`# date<TAB>holiday|workday<TAB>festival; generated from chinese-days ${version} (MIT, see LICENSE-chinese-days.txt)`];
for (const y of [...years].sort()) out.push(`year\t${y}`);
process.stdout.write(out.concat(lines).join('\n') + '\n');
