// CPU spent per phase of the subscription benchmark, to tell a slow worker from a starved one:
// the worker child (/proc/<pid>/stat), this load generator (process.cpuUsage) and the whole machine
// (/proc/stat: busy and steal, i.e. time the hypervisor gave to other guests).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

let ticksPerSecond;
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of a process, in ms. */
function processCpuMs(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}

/** The machine's aggregate CPU line, in ticks: busy (not idle/iowait), steal, and total. */
function machineTicks() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
  const total = user + nice + system + idle + iowait + irq + softirq + (steal || 0);
  return { busy: total - idle - iowait - (steal || 0), steal: steal || 0, total };
}

export function cpuSnapshot(workerPid) {
  const self = process.cpuUsage();
  return { at: performance.now(), worker: processCpuMs(workerPid), self: (self.user + self.system) / 1000, machine: machineTicks() };
}

/**
 * Between two snapshots: the worker's and this process's CPU as a share of one core, and the whole
 * machine's busy and steal time as a share of all its cores (fractions, 1 = 100 %).
 */
export function cpuBetween(a, b) {
  const wall = b.at - a.at;
  const total = b.machine.total - a.machine.total;
  return {
    seconds: wall / 1000,
    worker: (b.worker - a.worker) / wall,
    workerMs: b.worker - a.worker,
    self: (b.self - a.self) / wall,
    machineBusy: total > 0 ? (b.machine.busy - a.machine.busy) / total : NaN,
    machineSteal: total > 0 ? (b.machine.steal - a.machine.steal) / total : NaN,
    cores: os.cpus().length,
  };
}
