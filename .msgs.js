const fs=require('fs'),path=require('path');const {Linter}=require('eslint');
const plugin=(m=>m.default??m)(require('/work/wt-precision/dist/rules/index.js'));const {javascriptParser}=require('/work/wt-precision/dist/rules/parsers/javascript-parser.js');
const [rule,...files]=process.argv.slice(2);const linter=new Linter();
for(const f of files){const t=fs.readFileSync(f,'utf8');for(const m of linter.verify(t,[{files:['**/*.js'],plugins:{'async-guard':plugin},languageOptions:{parser:javascriptParser,sourceType:'commonjs'},rules:{['async-guard/'+rule]:'warn'}}],'x.js'))console.log(f.replace(/.*(node_modules|corpora)\//,'')+':'+m.line+' '+m.message.slice(0,230));}
