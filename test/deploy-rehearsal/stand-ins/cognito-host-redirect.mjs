// Preloaded (`node --import`) into the staff bundles' processes by the deploy rehearsal, and nowhere else.
//
// Why it exists: aws-jwt-verify fetches the pool's signing keys from the fixed address
// https://cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/jwks.json; unlike the AWS SDK clients it has no
// endpoint variable. This routes requests for exactly that one host to the local JWKS stand-in named in
// REHEARSAL_COGNITO_JWKS (host:port, plain HTTP). Every other https request — and everything else in the
// process — is left untouched, so the bundle under test is otherwise exactly the deployed one.
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';

const standIn = process.env.REHEARSAL_COGNITO_JWKS;
const cognitoHost = `cognito-idp.${process.env.AWS_REGION}.amazonaws.com`;
const originalRequest = https.request;

https.request = function redirectCognitoOnly(...args) {
  const [target, options, callback] = args;
  const url = typeof target === 'string' || target instanceof URL ? new URL(target) : undefined;
  if (!standIn || url?.host !== cognitoHost) return originalRequest.apply(this, args);
  const local = new URL(`${url.pathname}${url.search}`, `http://${standIn}`);
  return typeof options === 'function' ? http.request(local, options) : http.request(local, options ?? {}, callback);
};
// The bundle imports `request` from "https" as an ESM binding: make that binding see the patched function.
syncBuiltinESMExports();
