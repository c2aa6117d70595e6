"""README.md's commands and code run as written, and CI runs README's own test command.

Every ``sh``/``python`` block of README.md is run here, unless an HTML comment on the line before it says
otherwise: ``<!-- readme-test: skip (why) -->`` (placeholder names, servers, hour-long trainings),
``<!-- readme-test: install ... -->`` (a fresh-venv install line: its form is checked and what follows the
pip install is run here), ``<!-- readme-test: output ... -->`` (the block is the output of the block above)."""
import json
import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RUN_LANGUAGES = {"sh", "bash", "shell", "python"}
MARKER = re.compile(r"<!--\s*readme-test:\s*(\w+)(.*?)-->")
FRESH_VENV = "python3 -m venv .venv && . .venv/bin/activate && "


class Block:
    def __init__(self, line: int, lang: str, code: str, marker, reason: str):
        self.line, self.lang, self.code, self.marker, self.reason = line, lang, code, marker, reason

    def __repr__(self):
        return f"README.md:{self.line} ({self.lang or 'no language'})"


def readme_blocks(text: str):
    """The fenced blocks of ``text`` with their line number, language and the readme-test marker before them."""
    lines = text.splitlines()
    blocks, i = [], 0
    while i < len(lines):
        fence = re.match(r"^```(\w*)\s*$", lines[i])
        if not fence:
            i += 1
            continue
        start = i
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        prev = next((lines[k] for k in range(start - 1, -1, -1) if lines[k].strip()), "")
        m = MARKER.search(prev)
        blocks.append(Block(start + 1, fence.group(1), "\n".join(lines[start + 1:j]) + "\n",
                            m.group(1) if m else None, m.group(2).strip() if m else ""))
        i = j + 1
    return blocks


def block_after(text: str, heading_line: str) -> Block:
    """The first fenced block after the line ``heading_line``."""
    offset = text.index("\n" + heading_line + "\n")
    line = text[:offset].count("\n") + 2
    return next(b for b in readme_blocks(text) if b.line > line)


BLOCKS = readme_blocks(README.read_text(encoding="utf-8"))
RUNNABLE = [b for b in BLOCKS if b.lang in RUN_LANGUAGES and b.marker is None]


def env_with_scripts():
    """This interpreter's scripts (``kazextract``) first on PATH, as in an activated venv."""
    env = dict(os.environ)
    scripts = {sysconfig.get_path("scripts"), str(Path(sys.executable).parent)}
    env["PATH"] = os.pathsep.join([*scripts, env.get("PATH", "")])
    return env


def scratch_checkout(tmp: Path) -> Path:
    """A folder that looks like the checkout (its top-level entries linked, ``../shared`` beside it when the
    development data is there), so that the files a block writes (``page.html``, ``results.sqlite``) land
    in ``tmp`` and not in the repository."""
    work = tmp / "checkout"
    work.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in (".git", ".venv"):
            (work / entry.name).symlink_to(entry)
    shared = ROOT.parent / "shared"
    if shared.exists():
        (tmp / "shared").symlink_to(shared)
    return work


def run_block(block: Block, tmp: Path) -> subprocess.CompletedProcess:
    if block.lang == "python":
        cmd = [sys.executable, "-c", block.code]
    else:
        cmd = ["bash", "-euo", "pipefail", "-c", block.code]
    return subprocess.run(cmd, cwd=scratch_checkout(tmp), env=env_with_scripts(), capture_output=True, text=True,
                          timeout=600)


def test_every_block_is_run_or_says_why_not():
    known = {"skip", "install", "output"}
    for b in BLOCKS:
        assert b.marker in known | {None}, f"{b}: unknown readme-test marker {b.marker!r}"
        if b.marker == "skip":
            assert b.reason.startswith("(") and len(b.reason) > 4, f"{b}: a skipped block says why"
    assert len(RUNNABLE) >= 2  # the echo example and the Python API at least
    assert any(b.lang == "python" for b in RUNNABLE)


@pytest.mark.parametrize("block", RUNNABLE, ids=repr)
def test_block_runs_as_written(block, tmp_path):
    if "../shared" in block.code and not (ROOT.parent / "shared").exists():
        pytest.skip("the block reads the development data in ../shared, which is not beside this checkout")
    proc = run_block(block, tmp_path)
    assert proc.returncode == 0, f"{block} failed:\n{proc.stderr[-3000:]}"
    following = BLOCKS[BLOCKS.index(block) + 1] if block is not BLOCKS[-1] else None
    if following is not None and following.marker == "output":
        assert following.lang == "json"
        printed = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
        assert printed == [json.loads(following.code)], f"{block}: README shows another output"


def test_quick_start_has_both_commands():
    text = README.read_text(encoding="utf-8")
    run = block_after(text, "Install and run on the bundled inform.kz article:")
    tests = block_after(text, "Install and run the tests:")
    for block in (run, tests):
        line = block.code.strip()
        assert "\n" not in line, f"{block}: one line to paste"
        assert line.startswith(FRESH_VENV), f"{block}: starts from a fresh venv"
        assert " && pip install " in line
    assert run.marker == "install" and "kazextract extract corpus/" in run.code
    assert re.search(r'pip install "\.\[test[,\]]', tests.code) and tests.code.strip().endswith("python -m pytest")


def test_quick_start_run_command_works():
    """What follows the pip install of the first command, in this (already installed) environment."""
    block = block_after(README.read_text(encoding="utf-8"), "Install and run on the bundled inform.kz article:")
    after_install = block.code.strip().split(" && ")
    last_pip = max(i for i, part in enumerate(after_install) if part.startswith("pip install"))
    rest = " && ".join(after_install[last_pip + 1:])
    assert rest.startswith("kazextract ")
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", rest], cwd=ROOT, env=env_with_scripts(),
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    doc = json.loads(proc.stdout.splitlines()[0])
    assert doc["doc_id"] == "inform_kz_mangystau" and doc["records"]


def test_ci_runs_exactly_readmes_test_command():
    text = README.read_text(encoding="utf-8")
    readme_command = block_after(text, "Install and run the tests:").code
    proc = subprocess.run(["bash", str(ROOT / ".ci" / "run"), "--print-test-command"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == readme_command
    # and runs nothing of its own: no pip and no pytest outside README's command
    script = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.lstrip().startswith("#")]
    assert not [line for line in script if re.search(r"\bpip\b|pytest|ensurepip", line)]
