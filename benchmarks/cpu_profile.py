"""Run a module under cProfile timed by CPU time, so a busy neighbour's time does not show.

Run: python -m benchmarks.cpu_profile OUT MODULE [ARGS...]  (statistics saved in OUT on exit,
Ctrl-C included; read them with `python -m pstats OUT`)
"""

from __future__ import annotations

import cProfile
import runpy
import sys
import time


def main() -> None:
    """Profile `python -m MODULE ARGS...` and save the statistics, however it ends."""
    out, module, *args = sys.argv[1:]
    sys.argv = [module, *args]
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        profiler.disable()
        profiler.dump_stats(out)


if __name__ == "__main__":
    main()
