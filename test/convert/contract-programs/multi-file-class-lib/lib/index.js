'use strict';
const NoteStore = require('./store');

function openStore(dir) {
  return new NoteStore(dir);
}

module.exports = { openStore, NoteStore };
