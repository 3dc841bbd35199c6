import { pinned, type PrecisionCorpus } from './precision-corpus';

/** Pinned callback-era repositories (error-first callbacks): the corpora of no-unchecked-callback-error, max-callback-depth and prefer-async-await. */
export const CALLBACK_ERA_CORPORA: readonly PrecisionCorpus[] = [
  pinned('mongoose-4.11.13', 'Automattic/mongoose', 'v4.11.13', '96e06b70fb35d3f847dc4a82d04459204655a3ff', ['lib']),
  pinned('kue-0.11.6', 'Automattic/kue', 'v0.11.6', '4b1774df01ad0689352a4b1c68f2f70a4d74c6ae', ['lib']),
  pinned('agenda-1.0.3', 'agenda/agenda', 'v1.0.3', 'd33a46e138dfda3d7d0bd1b37c64a82bbbae42a0', ['lib']),
  pinned('loopback-2.42.0', 'strongloop/loopback', 'v2.42.0', '80cb175105ee542334cda0c0ce881cf9d454d2b0', ['lib', 'common', 'server']),
  pinned('nodebb-1.4.0', 'NodeBB/NodeBB', 'v1.4.0', 'd120ee86cfe2a55efcd3982cc3e8fa3f71284602', ['src']),
  pinned('etherpad-lite-1.6.0', 'ether/etherpad-lite', '1.6.0', 'dcfb28799035f918a937243106f64dedeaef4b32', ['src/node']),
  pinned('pm2-2.4.0', 'Unitech/pm2', '2.4.0', '59ddd214473efe2c21cda71c800b08c75b954a37', ['lib']),
  pinned('npm-3.10.0', 'npm/cli', 'v3.10.0', 'ef668bdba0396f407f18bf1f4e0a0daa55a6286b', ['lib']),
  pinned('sails-0.12.14', 'balderdashy/sails', 'v0.12.14', '575f746bbed95902bd5b593fd24a0b20c9b256ab', ['lib']),
  pinned('node-imap-0.8.19', 'mscdex/node-imap', 'v0.8.19', '867aa88a335a266b904e0271afa36f69af31a869', ['lib']),
  pinned('bower-1.8.8', 'bower/bower', 'v1.8.8', '67741b4bfe465ef0b816f7f2811ce6ba6d065c1a', ['lib']),
  pinned('forever-0.14.1', 'foreversd/forever', 'v0.14.1', '509eaf24deaf1ea8515298d5fcf16708715e658c', ['lib']),
  pinned('karma-1.7.1', 'karma-runner/karma', 'v1.7.1', 'ee40570953765a9da26d11f0d85cb30a9d8ed070', ['lib']),
  pinned('browser-sync-2.18.13', 'BrowserSync/browser-sync', 'v2.18.13', 'f015a29178828890ed50bc6e454d2ba8ca87ac5a', ['lib']),
  pinned('winston-2.4.7', 'winstonjs/winston', 'v2.4.7', 'b8baf4c6797d652f882e61a8a3bd8d00875e5596', ['lib']),
  pinned('hexo-2.8.3', 'hexojs/hexo', '2.8.3', 'dfa215ac19a0e34d5a8ce53c48ea9ef921ae2b50', ['lib']),
  pinned('haraka-2.8.19', 'haraka/Haraka', 'v2.8.19', '57eeb66a92e24d26c3b9a25df02a745bffb9c539', ['.']),
  pinned('fluent-ffmpeg-2.1.2', 'fluent-ffmpeg/node-fluent-ffmpeg', 'v2.1.2', '77018ccf5b927b0d5f0c0cb843a0006484a96b46', ['lib']),
  pinned('node-red-0.13.4', 'node-red/node-red', '0.13.4', '129ca0e39fb7d63dc68b575f36fdf24782b225c4', ['red', 'nodes']),
  pinned('statsd-0.8.0', 'statsd/statsd', 'v0.8.0', '5d729d95847db0189e2c5571014b54c63d661f31', ['lib', 'backends']),
  pinned('appium-1.4.0', 'appium/appium', 'v1.4.0', '8f63e2f91ef7907aed8bda763f4e5ca08e86970a', ['lib']),
  pinned('nodemon-1.19.4', 'remy/nodemon', 'v1.19.4', '7d6c1a88a10f02d3f00b6e0635f982bb74ce5708', ['lib']),
];
