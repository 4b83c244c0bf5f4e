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

test('activities: triggers and sentences slice back in UTF-16, counterparts are entities', () => {
  const t = '😀 Năm 2023, Đoàn đại biểu tỉnh Hà Giang thăm và làm việc tại tỉnh Vân Nam (Trung Quốc); hai bên ký kết 2 biên bản ghi nhớ.';
  const r = analyze(t);
  assert.deepEqual(r.activities.map((a) => a.type), ['visit_out', 'agreement']);
  for (const a of r.activities) {
    assert.equal(t.slice(a.trigger.span.start, a.trigger.span.end), a.trigger.text);
    assert.ok(t.slice(a.sentence.start, a.sentence.end).includes(a.trigger.text));
    for (const c of a.counterparts) assert.ok(r.entities.some((e) => e.id === c.entity && e.name === c.name));
  }
  const m = r.metrics.find((x) => x.kind === 'agreements');
  assert.equal(m.activity, r.activities[1].id);
  assert.deepEqual(r.activities[1].metrics, [m.id]);
});
