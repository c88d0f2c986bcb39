// Decides the requests of a case file (../shared/policy-eval/FORMAT.md) round-robin on one thread with
// iam-simulate, for comparison with `gatehouse policy bench`: warms up for a fifth of the time, measures for
// --seconds, and prints "decisions/s: N" as its last line. iam-simulate is not part of Gatehouse and is not
// installed by the build: see README.md beside this file.
//
//   node run.mjs --peer-dir DIR [--seconds S] [--api checked|unchecked] [--print] FILE
//
// --api checked (default) calls runSimulation, which validates the policies and the request on every call;
// --api unchecked calls runUnsafeSimulation, which skips that validation. --print decides each case once and
// prints "id decision" lines instead of timing.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

function parseArgs(argv) {
  const args = { seconds: 10, api: 'checked', print: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--peer-dir') args.peerDir = argv[++i];
    else if (a === '--seconds') args.seconds = Number(argv[++i]);
    else if (a === '--api') args.api = argv[++i];
    else if (a === '--print') args.print = true;
    else args.file = a;
  }
  if (!args.peerDir || !args.file || !(args.seconds > 0) || !['checked', 'unchecked'].includes(args.api)) {
    console.error('usage: node run.mjs --peer-dir DIR [--seconds S] [--api checked|unchecked] [--print] FILE');
    process.exit(2);
  }
  return args;
}

/** The case format's typed context entries as iam-simulate's string or string-array values. */
function contextVariables(context) {
  const out = {};
  for (const [key, entry] of Object.entries(context ?? {})) {
    out[key] = entry.type.startsWith('ArrayOf') ? entry.values : entry.value;
  }
  return out;
}

const named = (list) => (list ?? []).map((p) => ({ name: p.name, policy: p.document }));
const levels = (list) => (list ?? []).map((l) => ({ orgIdentifier: l.target, policies: named(l.policies) }));

/** One case of the case format as an iam-simulate simulation. */
function simulation(c, anonymousPrincipal) {
  const { request: r, policies: p = {}, settings = {} } = c;
  if ((p.session ?? []).length > 1) {
    throw new Error(`case ${c.id}: iam-simulate takes one session policy`);
  }
  return {
    request: {
      principal: r.anonymous ? anonymousPrincipal : r.principal,
      action: r.action,
      resource: { resource: r.resource, accountId: r.resourceAccount },
      contextVariables: contextVariables(r.context),
    },
    identityPolicies: named(p.identity),
    serviceControlPolicies: levels(p.scps),
    resourceControlPolicies: levels(p.rcps),
    resourcePolicy: p.resource?.document,
    permissionBoundaryPolicies: p.permissionsBoundary ? named(p.permissionsBoundary) : undefined,
    sessionPolicy: p.session?.[0]?.document,
    vpcEndpointPolicies: p.endpoint ? named(p.endpoint) : undefined,
    additionalSettings: {
      s3: { blockPublicAccess: settings.s3BlockPublicAccess, bucketAbacEnabled: settings.s3BucketAbacEnabled },
    },
  };
}

const args = parseArgs(process.argv.slice(2));
const peer = createRequire(path.join(path.resolve(args.peerDir), 'package.json'))('@cloud-copilot/iam-simulate');
const cases = readFileSync(args.file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const simulations = cases.map((c) => simulation(c, peer.anonymousPrincipal));

/** Decides one simulation with runUnsafeSimulation, which answers synchronously. */
const decideUnchecked = (s) => peer.runUnsafeSimulation(s, {});

/** Decides one simulation with runSimulation, which answers with a promise. */
async function decideChecked(s) {
  const result = await peer.runSimulation(s, {});
  if (result.resultType === 'error') {
    throw new Error(`iam-simulate refused a simulation: ${result.errors.message}`);
  }
  return result.overallResult;
}

/**
 * Decides round-robin until `millis` have passed; returns [decisions, elapsed nanoseconds]. The unchecked API is
 * called without `await`, so that it is not charged for a promise it does not make.
 */
async function run(millis) {
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(millis * 1e6));
  let decisions = 0;
  let next = 0;
  let now;
  do {
    for (let i = 0; i < 64; i++) {
      if (args.api === 'unchecked') {
        decideUnchecked(simulations[next]);
      } else {
        await decideChecked(simulations[next]);
      }
      next = next + 1 === simulations.length ? 0 : next + 1;
    }
    decisions += 64;
    now = process.hrtime.bigint();
  } while (now < deadline);
  return [decisions, Number(now - start)];
}

if (args.print) {
  for (let i = 0; i < cases.length; i++) {
    const decision = args.api === 'unchecked' ? decideUnchecked(simulations[i]) : await decideChecked(simulations[i]);
    console.log(`${cases[i].id} ${decision}`);
  }
} else {
  console.log(`cases: ${cases.length} (iam-simulate, ${args.api})`);
  await run(args.seconds * 200);
  const [decisions, nanos] = await run(args.seconds * 1000);
  console.log(`decisions: ${decisions} in ${(nanos / 1e9).toFixed(3)} s`);
  console.log(`decisions/s: ${Math.round((decisions * 1e9) / nanos)}`);
}
