// Entities and pillars through the npm package: every span slices the caller's string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from 'ngoaivu';

const text = '🇻🇳 Thực hiện Chỉ thị số 41-CT/TW ngày 15/4/2010 của Ban Bí thư, đồng chí Trần Sỹ Thanh, Bí thư Tỉnh ủy, tiếp Đại sứ Hàn Quốc tại Việt Nam Choi Young-sam; hai bên bàn về ASEAN, Hiệp định EVFTA và công tác đối ngoại Đảng.';

test('entity mentions and pillar evidence slice back in UTF-16', () => {
  const r = analyze(text);
  const types = new Set(r.entities.map((e) => e.type));
  for (const t of ['document', 'person', 'organization', 'agreement', 'country']) assert.ok(types.has(t), t);
  for (const e of r.entities) for (const m of e.mentions) assert.equal(text.slice(m.span.start, m.span.end), m.text);
  for (const p of r.pillars) for (const m of p.evidence) assert.equal(text.slice(m.span.start, m.span.end), m.text);
  const doc = r.entities.find((e) => e.type === 'document');
  assert.deepEqual([doc.docType, doc.number, doc.code, doc.date, doc.issuer], ['Chỉ thị', '41', 'CT/TW', '2010-04-15', 'Ban Bí thư']);
  const people = r.entities.filter((e) => e.type === 'person').map((e) => [e.name, e.role]);
  assert.deepEqual(people, [['Trần Sỹ Thanh', 'Bí thư Tỉnh ủy'], ['Choi Young-sam', 'Đại sứ Hàn Quốc tại Việt Nam']]);
  assert.ok(r.pillars.some((p) => p.key === 'party' && p.share > 0));
});
