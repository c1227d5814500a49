"""`manage.py` as a user runs it in a terminal."""

import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ctrl_c_ends_a_command_with_one_line_and_status_130_not_a_traceback(ctrl_c_heard):
    waiting = "import time; print('waiting', flush=True); time.sleep(60)"
    run = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "shell", "--no-imports", "-c", waiting],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert run.stdout.readline().strip() == "waiting"
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert (run.returncode, err) == (130, "interrupted\n")
