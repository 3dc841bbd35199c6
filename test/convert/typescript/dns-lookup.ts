import dns from 'node:dns';

function where(host: string) {
  dns.lookup(host, 4, (err, address, family) => {
    if (err) throw err;
    console.log(address.length, family + 1);
  });
}

where('localhost');
