#!/usr/bin/env python3
"""Writes an snmpsim .snmprec recording of an access switch whose counters advance.

The recording holds SNMPv2-MIB system, IF-MIB ifTable and ifXTable (64-bit counters, ifHighSpeed, ifAlias,
ifCounterDiscontinuityTime). Counters use snmpsim's `numeric` variation: value = initial + rate x seconds since
snmpsimd started, so a poller sees real rates. One port (the uplink) carries `uplink_in_mbps`/`uplink_out_mbps`;
access ports carry a few Mbit/s each; the last `down_ports` ports are down with zero counters.

With --pcs/--panels/--recorders it also holds what a school's core switch knows about the hosts behind it:
BRIDGE-MIB dot1dBasePortIfIndex and dot1dTpFdbTable, Q-BRIDGE-MIB dot1qTpFdbTable (VLAN 1), IP-MIB
ipNetToPhysicalTable and ipNetToMediaTable. Host MACs are locally administered: PC n is 02:cf:00:01:00:nn at
10.3.2.(10+n), panel n 02:cf:00:02:00:nn at 10.3.3.(10+n), recorder n 02:cf:00:03:00:nn at 10.3.4.(10+n); see
host_table() for which rows each host gets (the last PCs are absent, some are only in the ARP table).

Usage: generate_switch.py NAME [--ports 48] [--uplink-speed 1000]
                           [--uplink-in-mbps 80] [--uplink-out-mbps 30] [--down-ports 4]
                           [--pcs 40 --pcs-arp-only 2 --pcs-absent 2 --panels 10 --recorders 2] > NAME.snmprec
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
    p.add_argument("--pcs", type=int, default=0, help="registered PCs behind the switch")
    p.add_argument("--pcs-arp-only", type=int, default=0, help="of those, PCs seen only in the ARP table")
    p.add_argument("--pcs-absent", type=int, default=0, help="of those, the last PCs, not seen at all (the very last one has an invalid FDB row)")
    p.add_argument("--panels", type=int, default=0)
    p.add_argument("--recorders", type=int, default=0)
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
    add("1.3.6.1.6.3.10.2.1.2.0", "2", "3")  # snmpEngineBoots (SNMP-FRAMEWORK-MIB)

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

    if a.pcs or a.panels or a.recorders:
        host_table(a, add, oid, [i for i in indices if i not in down and i != uplink])

    rows.sort(key=lambda r: tuple(int(x) for x in r[0].split(".")))
    out = sys.stdout
    for o, t, v in rows:
        out.write(f"{o}|{t}|{v}\n")


def host_mac(group: int, n: int) -> list[int]:
    return [0x02, 0xCF, 0x00, group, n // 256, n % 256]


def host_table(a, add, oid, access_ports: list[int]) -> None:
    """Bridge forwarding and ARP rows for the hosts. Hosts fill the access ports in order, two PCs per port, then one
    panel or recorder per port. PCs 1..(pcs - arp_only - absent) are in both FDB tables (dot1d for the first ten only,
    as a switch that reports the old table for part of its entries) and in ARP; the next arp_only PCs only in ARP; the
    absent ones nowhere, except that the very last PC has a dot1dTpFdbTable row with status invalid(2)."""
    hosts = []  # (group, n, ip, port or None, in_fdb, in_arp)
    present = a.pcs - a.pcs_arp_only - a.pcs_absent
    port_of = iter([p for p in access_ports for _ in (0, 1)])
    for n in range(1, a.pcs + 1):
        port = next(port_of, access_ports[-1])
        hosts.append((1, n, f"10.3.2.{10 + n}", port, n <= present, n <= present + a.pcs_arp_only))
    rest = iter(access_ports[(a.pcs + 1) // 2:])
    for n in range(1, a.panels + 1):
        hosts.append((2, n, f"10.3.3.{10 + n}", next(rest, access_ports[-1]), True, True))
    for n in range(1, a.recorders + 1):
        hosts.append((3, n, f"10.3.4.{10 + n}", next(rest, access_ports[-1]), True, True))

    bridge = (1, 3, 6, 1, 2, 1, 17)
    for port in access_ports:
        add(oid(*bridge, 1, 4, 1, 1, port), "2", str(port))    # dot1dBasePort
        add(oid(*bridge, 1, 4, 1, 2, port), "2", str(port))    # dot1dBasePortIfIndex (bridge port = ifIndex here)
    vlan_if = 1000  # the VLAN 1 interface that holds the ARP entries
    for group, n, ip, port, in_fdb, in_arp in hosts:
        mac = host_mac(group, n)
        hexmac = "".join(f"{b:02x}" for b in mac)
        if in_fdb:
            if group != 1 or n <= 10:
                add(oid(*bridge, 4, 3, 1, 1, *mac), "4x", hexmac)
                add(oid(*bridge, 4, 3, 1, 2, *mac), "2", str(port))
                add(oid(*bridge, 4, 3, 1, 3, *mac), "2", "3")   # learned
            add(oid(*bridge, 7, 1, 2, 2, 1, 2, 1, *mac), "2", str(port))
            add(oid(*bridge, 7, 1, 2, 2, 1, 3, 1, *mac), "2", "3")
        if in_arp:
            octets = [int(x) for x in ip.split(".")]
            ip_ = (1, 3, 6, 1, 2, 1, 4)
            add(oid(*ip_, 22, 1, 1, vlan_if, *octets), "2", str(vlan_if))
            add(oid(*ip_, 22, 1, 2, vlan_if, *octets), "4x", hexmac)
            add(oid(*ip_, 22, 1, 3, vlan_if, *octets), "64", ip)
            add(oid(*ip_, 22, 1, 4, vlan_if, *octets), "2", "3")   # dynamic
            add(oid(*ip_, 35, 1, 4, vlan_if, 1, 4, *octets), "4x", hexmac)
            add(oid(*ip_, 35, 1, 6, vlan_if, 1, 4, *octets), "2", "3")
            add(oid(*ip_, 35, 1, 7, vlan_if, 1, 4, *octets), "2", "1")  # reachable
    if a.pcs_absent:
        mac = host_mac(1, a.pcs)
        add(oid(*bridge, 4, 3, 1, 1, *mac), "4x", "".join(f"{b:02x}" for b in mac))
        add(oid(*bridge, 4, 3, 1, 2, *mac), "2", str(access_ports[0]))
        add(oid(*bridge, 4, 3, 1, 3, *mac), "2", "2")   # invalid


if __name__ == "__main__":
    main()
