#!/usr/bin/env python3
"""Lists the failed tests of every TRX file given, with the first lines of each failure message.

Used at the end of scripts/test.sh and .ci/run so that the names of failing tests are the last thing a CI log shows,
not buried under thousands of lines of host logs."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
MESSAGE_LINES = 6


def failures(path):
    root = ET.parse(path).getroot()
    for result in root.iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") != "Failed":
            continue
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
        yield result.get("testName", "?"), result.get("duration", "?"), message.splitlines()[:MESSAGE_LINES]


def main(paths):
    found = 0
    for path in paths:
        try:
            listed = list(failures(path))
        except (ET.ParseError, OSError) as error:
            print(f"[failed] cannot read {path}: {error}")
            continue
        for name, duration, lines in listed:
            found += 1
            print(f"[failed] {name} ({duration})")
            for line in lines:
                print(f"[failed]     {line}")
    if found:
        print(f"[failed] {found} failed test(s) listed above")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
