'use strict';
// Runs shell jobs one after another and keeps a log, the way many build
// scripts did before async/await. Run: node examples/job-runner/runner.js
const { exec, execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-jobs-'));
const logFile = path.join(workDir, 'jobs.log');

// Callback hell: each step nests one level deeper.
function runJob(job, done) {
  fs.appendFile(logFile, 'start ' + job.name + '\n', function (err) {
    if (err) return done(err);
    exec(job.command, { cwd: workDir }, function (err, stdout) {
      if (err) return done(err);
      fs.writeFile(path.join(workDir, job.name + '.out'), stdout, function (err) {
        if (err) return done(err);
        fs.appendFile(logFile, 'end ' + job.name + '\n', function (err) {
          if (err) return done(err);
          done(null, stdout.trim());
        });
      });
    });
  });
}

function cleanup(callback) {
  fs.rm(workDir, { recursive: true, force: true }, function (error) {
    // `error` is never looked at: a failed clean-up goes unnoticed.
    callback();
  });
}

async function runAll(jobs) {
  const results = [];
  // forEach ignores the promises its async callback returns: the jobs race and
  // runAll returns before any of them finished.
  jobs.forEach(async (job) => {
    results.push(await new Promise((resolve, reject) => runJob(job, (err, out) => (err ? reject(err) : resolve(out)))));
  });
  const gitVersion = execSync('git --version').toString().trim(); // blocks inside async code
  return { results, gitVersion };
}

function main() {
  const jobs = [
    { name: 'hello', command: 'echo hello' },
    { name: 'count', command: 'echo 1 2 3' },
  ];
  runJob(jobs[0], function (err, out) {
    if (err) throw err;
    console.log('job', jobs[0].name, '->', out);
    runAll(jobs.slice(1)).then(function (summary) {
      console.log('git found:', summary.gitVersion.startsWith('git version'));
      setTimeout(function () {
        console.log('log lines:', fs.readFileSync(logFile, 'utf8').trim().split('\n').length);
        cleanup(function () { console.log('done'); });
      }, 200);
    });
  });
}

if (require.main === module) main();

module.exports = { runJob, runAll };
