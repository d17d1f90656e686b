#!/usr/bin/env node
'use strict';

// The S3-compatible server of the blob-store tests: s3rver 3.7.1 plus the one call it lacks that the product uses,
// AbortMultipartUpload (DELETE /bucket/key?uploadId=...; s3rver answers 405). The abort removes the upload's parts
// from s3rver's own upload folder, as S3 does, so a test can check that a failed upload leaves no parts behind.
// Usage: node serve.js <directory> <address> <port>
const fs = require('fs');
const path = require('path');
const S3rver = require('s3rver');

const [directory, address, port] = process.argv.slice(2);
const server = new S3rver({ directory, address, port: Number(port), silent: true, vhostBuckets: false });

server.middleware.unshift(async (ctx, next) => {
  if (ctx.method !== 'DELETE' || !('uploadId' in ctx.query)) {
    return next();
  }
  const bucket = decodeURIComponent(ctx.path.split('/')[1] || '');
  const uploadId = String(ctx.query.uploadId);
  const folder = path.join(server.store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
  if (!/^[0-9a-f]+$/.test(uploadId) || !fs.existsSync(folder)) {
    ctx.status = 404;
    ctx.type = 'application/xml';
    ctx.body = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>';
    return undefined;
  }
  fs.rmSync(folder, { recursive: true, force: true });
  ctx.status = 204;
  return undefined;
});

server.run().catch(err => {
  console.error(err);
  process.exit(1);
});
