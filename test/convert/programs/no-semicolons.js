// expect: converted
const fs = require('fs')
const os = require('os')
const path = require('path')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'))
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
fs.writeFileSync(path.join(dir, 's.txt'), 'semicolon free')

function read () {
  fs.readFile(path.join(dir, 's.txt'), 'utf8', (err, text) => {
    if (err) throw err
    ;[text.length].forEach((n) => console.log(n, text))
  })
}

read()
