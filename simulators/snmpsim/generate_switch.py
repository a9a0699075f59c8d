#!/usr/bin/env python3
"""Writes an snmpsim .snmprec recording of an access switch whose counters advance.

The recording holds SNMPv2-MIB system, IF-MIB ifTable and ifXTable (64-bit counters, ifHighSpeed, ifAlias,
ifCounterDiscontinuityTime). Counters use snmpsim's `numeric` variation: value = initial + rate x seconds since
snmpsimd started, so a poller sees real rates. One port (the uplink) carries `uplink_in_mbps`/`uplink_out_mbps`;
access ports carry a few Mbit/s each; the last `down_ports` ports are down with zero counters.

Usage: generate_switch.py NAME [--ports 48] [--uplink-port 49] [--uplink-speed 1000]
                           [--uplink-in-mbps 80] [--uplink-out-mbps 30] [--down-ports 4] > NAME.snmprec
"""
import argparse
import sys


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("name")
    p.add_argument("--ports", type=int, default=48, help="access ports")
    p.add_argument("--uplink-speed", type=int, default=1000, help="uplink ifHighSpeed in Mbit/s")
    p.add_argument("--uplink-in-mbps", type=float, default=80.0)
    p.add_argument("--uplink-out-mbps", type=float, default=30.0)
    p.add_argument("--down-ports", type=int, default=4)
    p.add_argument("--uptime-initial", type=int, default=8_640_000, help="sysUpTime at start, ticks")
    a = p.parse_args()

    uplink = a.ports + 1
    indices = list(range(1, uplink + 1))
    down = set(range(a.ports - a.down_ports + 1, a.ports + 1))
    rows: list[tuple[str, str, str]] = []

    def oid(*parts: int) -> str:
        return ".".join(str(x) for x in parts)

    def add(o: str, typ: str, value: str) -> None:
        rows.append((o, typ, value))

    def name_of(i: int) -> str:
        return f"GigabitEthernet1/0/{i}"

    def rate_bytes(i: int, direction: str) -> int:
        if i == uplink:
            mbps = a.uplink_in_mbps if direction == "in" else a.uplink_out_mbps
        elif i in down:
            return 0
        else:
            mbps = 1.0 + (i % 7) * 0.5 if direction == "in" else 0.5 + (i % 5) * 0.25
        return int(mbps * 1_000_000 / 8)

    sys_ = (1, 3, 6, 1, 2, 1, 1)
    add(oid(*sys_, 1, 0), "4", f"ClassroomFleet simulated {a.ports}-port GbE access switch, fw 2.4.1")
    add(oid(*sys_, 2, 0), "6", "1.3.6.1.4.1.25506.1.1")
    add(oid(*sys_, 3, 0), "67:numeric", f"rate=100,initial={a.uptime_initial}")
    add(oid(*sys_, 4, 0), "4", "it-centre@school.example")
    add(oid(*sys_, 5, 0), "4", a.name)
    add(oid(*sys_, 6, 0), "4", "Network cabinet, building A")
    add(oid(*sys_, 7, 0), "2", "6")

    if_ = (1, 3, 6, 1, 2, 1, 2)
    add(oid(*if_, 1, 0), "2", str(len(indices)))
    entry = (*if_, 2, 1)
    for col in (1, 2, 3, 5, 6, 7, 8, 10, 13, 14, 16, 19, 20):
        for i in indices:
            up = i not in down
            o = oid(*entry, col, i)
            if col == 1:
                add(o, "2", str(i))
            elif col == 2:
                add(o, "4", name_of(i))
            elif col == 3:
                add(o, "2", "6")
            elif col == 5:
                add(o, "66", str(1_000_000_000 if i == uplink else (1_000_000_000 if up else 0)))
            elif col == 6:
                add(o, "4x", f"70f96d00{i:04x}")
            elif col == 7:
                add(o, "2", "1")
            elif col == 8:
                add(o, "2", "1" if up else "2")
            elif col in (10, 16):
                r = rate_bytes(i, "in" if col == 10 else "out")
                add(o, "65:numeric" if r else "65", f"rate={r},wrap=1" if r else "0")
            else:
                add(o, "65", "0")

    x_entry = (1, 3, 6, 1, 2, 1, 31, 1, 1, 1)
    for col in (1, 6, 10, 15, 18, 19):
        for i in indices:
            up = i not in down
            o = oid(*x_entry, col, i)
            if col == 1:
                add(o, "4", f"Gi1/0/{i}")
            elif col in (6, 10):
                r = rate_bytes(i, "in" if col == 6 else "out")
                add(o, "70:numeric" if r else "70", f"rate={r},initial={10_000_000 * i}" if r else "0")
            elif col == 15:
                add(o, "66", str(a.uplink_speed if i == uplink else 1000))
            elif col == 18:
                add(o, "4", "uplink-isp" if i == uplink else "")
            elif col == 19:
                add(o, "67", "0")

    rows.sort(key=lambda r: tuple(int(x) for x in r[0].split(".")))
    out = sys.stdout
    for o, t, v in rows:
        out.write(f"{o}|{t}|{v}\n")


if __name__ == "__main__":
    main()
