// Preloaded (`node -r`) into the second API of the posting scenario, the "moderation off"
// side of its on/off comparison: the gate judges nothing (no policy lookup, no author facts,
// no decision row) and lets every post through, so the difference between the two APIs is
// exactly what moderation adds to a write. Benchmark tooling only; never loaded in production.
require('reflect-metadata');
const { join } = require('node:path');

const compiled = join(__dirname, '../../../dist/apps/api/libs/server/moderation/src/gate/moderation.service.js');
const { ModerationService } = require(compiled);
ModerationService.prototype.evaluate = async function evaluateNothing() {
  return { state: 'VISIBLE', decisionId: null, reason: null };
};
