// expect: converted
// Two awaited chains of one block whose handlers share a parameter name: converted one per pass, names stay unique.
async function total(p, q) {
  const a = await p.then((r) => r.x);
  const b = await q.then((r) => r.y);
  return a + b;
}

total(Promise.resolve({ x: 1 }), Promise.resolve({ y: 2 })).then((n) => console.log('total', n));
