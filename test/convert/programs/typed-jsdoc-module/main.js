// expect: converted
const { findAccount } = require('./accounts');

function greet(id) {
  findAccount(id, (err, account) => {
    if (err) {
      console.log('failed:', err.message);
      return;
    }
    console.log('hello', account.name);
  });
}

function greetOrCrash(id) {
  findAccount(id, (err, account) => {
    if (err) throw err;
    console.log('welcome', account.name);
  });
}

greet('1');
greet('3');
greetOrCrash('2');
