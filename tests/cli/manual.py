#!/usr/bin/env python3
"""The manual page against the program: quotex(1) cannot drift from --help.

Checks that every option each subcommand's --help lists is an item of the
page's "Options of <subcommand>" section, that the section names no option
--help lacks, that the fixed values --help lists (TEXT:{a,b}) are spelled out
there, that the page's version is the program's, and that groff renders it
without a warning.

Usage: manual.py path/to/quotex path/to/quotex.1
"""
import re
import shutil
import subprocess
import sys

quotex, page_path = sys.argv[1], sys.argv[2]
page = open(page_path, encoding="utf-8").read()
failures = []
passed = 0


def check(name, ok, detail=""):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(f"FAIL: {name}{': ' + detail if detail else ''}")


def help_of(sub):
    args = [quotex] + ([sub] if sub != "extract" else []) + ["--help"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def help_options(text):
    opts = set()
    for m in re.finditer(r"^  (-[a-zA-Z],)?(--[a-z0-9-]+)", text, re.M):
        if m.group(1):
            opts.add(m.group(1).rstrip(","))
        opts.add(m.group(2))
    return opts


def help_values(text):
    """option -> its fixed values, from "--format TEXT:{jsonl,text}"."""
    return {m.group(1): m.group(2).split(",")
            for m in re.finditer(r"(--[a-z0-9-]+) TEXT:\{([^}]*)\}", text)}


def section(title):
    """The text of `.SS "title"` up to the next .SS or .SH."""
    m = re.search(r'^\.SS "' + re.escape(title) + r'"\n(.*?)(?=^\.S[SH] )', page, re.M | re.S)
    return m.group(1) if m else ""


def item_options(sec):
    """The options named on the tag line of each .TP item."""
    opts = set()
    for m in re.finditer(r"^\.TP\n(.*)$", sec, re.M):
        tag = m.group(1).replace("\\-", "-")
        opts.update(re.findall(r"(?<![\w-])(--[a-z0-9-]+|-[a-zA-Z])(?![\w-])", tag))
    return opts


for sub in ["extract", "check", "rules", "eval"]:
    text = help_of(sub)
    want = help_options(text)
    sec = section(f"Options of {sub}")
    check(f"the page has a section 'Options of {sub}'", bool(sec))
    have = item_options(sec)
    check(f"{sub}: every option of --help is an item of the page", want <= have,
          ", ".join(sorted(want - have)))
    check(f"{sub}: the page names no option --help lacks", have <= want,
          ", ".join(sorted(have - want)))
    plain = sec.replace("\\-", "-")
    for opt, values in help_values(text).items():
        missing = [v for v in values if not re.search(r"\\fB" + re.escape(v) + r"\\fR", plain)]
        check(f"{sub} {opt}: each value is spelled out in bold", not missing, ", ".join(missing))

commands = re.search(r"^\.SH COMMANDS\n(.*?)(?=^\.SH )", page, re.M | re.S)
for word in ["extract", "check", "rules", "eval"]:
    check(f"COMMANDS describes {word}", commands is not None and re.search(
        r"^\.TP\n\\fB" + word + r"(\\fR| )", commands.group(1), re.M) is not None)

exit_section = re.search(r"^\.SH EXIT STATUS\n(.*?)(?=^\.SH )", page, re.M | re.S)
check("EXIT STATUS lists 0, 1, 2 and 3", exit_section is not None and all(
    f".B {c}\n" in exit_section.group(1) for c in "0123"))

version = subprocess.run([quotex, "--version"], capture_output=True, text=True,
                         check=True).stdout.splitlines()[0].split()[1]
th = re.search(r'^\.TH QUOTEX 1 "([^"]*)" "quotex ([^"]*)"', page, re.M)
check("the page's .TH names the program's version", th is not None and th.group(2) == version,
      th.group(0) if th else "no .TH line")
check("the page's date is filled in (YYYY-MM-DD)",
      th is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", th.group(1)) is not None)
check("no placeholder left", "@" not in page.replace("\\(at", ""))

if shutil.which("groff"):
    r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page_path],
                       capture_output=True, text=True)
    check("groff renders the page without a warning", r.returncode == 0 and not r.stderr,
          r.stderr.strip())
else:
    print("groff not found: rendering not checked")

for f in failures:
    print(f, file=sys.stderr)
print(f"manual: {passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
