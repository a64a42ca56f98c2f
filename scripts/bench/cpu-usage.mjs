/**
 * Preloaded (`node --import`) into the processes the bench spawns: prints their CPU time, all
 * threads, to stderr on exit. Wall time is the figure; CPU time shows it apart from a busy machine.
 */
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nbench-cpu-ms ${Math.round((user + system) / 1000)}\n`);
});
