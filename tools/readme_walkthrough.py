#!/usr/bin/env python3
"""Re-run the README walkthrough and put each command's real output under it.

Usage: tools/readme_walkthrough.py BUILD/claimtrack [README.md]
Every ```console block whose first line is `$ claimtrack ...` is run, in order, against one fresh
database in a temporary folder (with `samples/` linked in), as reviewer "lin"; what it printed
(stdout, then stderr) replaces the block's old output.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile


def main() -> int:
    binary = os.path.abspath(sys.argv[1])
    readme = sys.argv[2] if len(sys.argv) > 2 else "README.md"
    root = os.path.dirname(os.path.abspath(readme))
    text = open(readme, encoding="utf-8").read()
    block = re.compile(r"```console\n\$ claimtrack (.*?)\n(.*?)```", re.S)
    with tempfile.TemporaryDirectory() as work:
        os.symlink(os.path.join(root, "samples"), os.path.join(work, "samples"))
        env = dict(os.environ, CLAIMTRACK_DB=os.path.join(work, "claimtrack.db"), CLAIMTRACK_REVIEWER="lin", NO_COLOR="1")

        def run(match: re.Match) -> str:
            command = match.group(1)
            done = subprocess.run([binary] + shlex.split(command), cwd=work, env=env, capture_output=True, text=True)
            output = done.stdout + done.stderr.replace(binary, "claimtrack")
            return f"```console\n$ claimtrack {command}\n{output}```"

        text = block.sub(run, text)
    open(readme, "w", encoding="utf-8").write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
