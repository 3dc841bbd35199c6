// expect: converted
// contracts: validate, normalize
'use strict';
function validate(input, next) {
  setImmediate(() => {
    if (!input.email) return next(new Error('email required'));
    next(null, input);
  });
}

function normalize(input, next) {
  validate(input, (err, valid) => {
    if (err) return next(err);
    process.nextTick(() => next(null, { email: valid.email.toLowerCase() }));
  });
}

normalize({ email: 'Ada@Example.COM' }, (err, out) => {
  if (err) throw err;
  console.log(out.email);
  normalize({}, (err) => console.log('invalid:', err.message));
});
