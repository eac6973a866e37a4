// Preloaded into a benchmarked CLI process: prints its peak resident memory to stderr at exit.
process.on('exit', () => {
  process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
