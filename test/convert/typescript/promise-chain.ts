interface Release {
  readonly tag: string;
}

function latest(url: string): Promise<string | undefined> {
  return fetch(url)
    .then((response) => response.json() as Promise<Release>)
    .then((release) => release.tag)
    .catch((error) => {
      console.log('failed', error.message);
      return undefined;
    });
}

async function main() {
  latest('http://127.0.0.1:9/x').then((tag) => console.log(tag?.length)).finally(() => console.log('done'));
}

main();

export {};
