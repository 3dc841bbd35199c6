// expect: converted
const { Store } = require('./store');

/**
 * @param {import('./store').Store} store
 * @param {string} key
 */
function show(store, key) {
  store.get(key, (err, value) => {
    if (err) {
      console.log('error', err.code);
      return;
    }
    console.log('value', value);
  });
}

/** @param {import('./store').Store} store */
function showTwo(store) {
  store.get('a', (err, first) => {
    if (err) throw err;
    store.get('b', (err, second) => {
      if (err) {
        console.log('second failed', err.message);
        return;
      }
      console.log(first, second);
    });
  });
}

const store = new Store('shop');
show(store, 'a');
show(store, 'z');
showTwo(store);
