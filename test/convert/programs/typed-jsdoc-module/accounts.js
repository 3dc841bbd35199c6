// A callback-era module of the program, typed with JSDoc: calls back once,
// asynchronously, error first, with one result.
const accounts = new Map([['1', { name: 'Ada' }], ['2', { name: 'Grace' }]]);

/**
 * @param {string} id
 * @param {(err: Error | null, account?: { name: string }) => void} callback
 */
function findAccount(id, callback) {
  setImmediate(() => {
    const account = accounts.get(id);
    if (account === undefined) callback(new Error(`no account ${id}`));
    else callback(null, account);
  });
}

module.exports = { findAccount };
