// expect: converted
// contracts: findById, findByTeam, teammatesOf
'use strict';
class UserRepo {
  constructor(rows) {
    this.rows = rows;
  }

  findById(id, cb) {
    setImmediate(() => {
      const row = this.rows.find((r) => r.id === id);
      if (!row) return cb(new Error('no user ' + id));
      cb(null, row);
    });
  }

  findByTeam(team, cb) {
    setTimeout(() => {
      cb(null, this.rows.filter((r) => r.team === team));
    }, 2);
  }

  teammatesOf(id, cb) {
    this.findById(id, (err, user) => {
      if (err) return cb(err);
      this.findByTeam(user.team, (err, members) => {
        if (err) return cb(err);
        cb(null, members.filter((m) => m.id !== id).map((m) => m.name));
      });
    });
  }
}

const repo = new UserRepo([
  { id: 1, name: 'Ada', team: 'engine' },
  { id: 2, name: 'Charles', team: 'engine' },
  { id: 3, name: 'Grace', team: 'compiler' },
]);

repo.teammatesOf(1, (err, names) => {
  if (err) throw err;
  console.log('teammates of 1:', names.join(', '));
  repo.teammatesOf(9, (err) => {
    console.log('teammates of 9:', err.message);
  });
});
