// Quiet test output: request logs only from WARN up (tests that check logging lower it themselves),
// and no Node-version notice from the AWS SDK (Lambda runs Node 22; this machine has Node 20).
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
