#!/usr/bin/env python3
"""Writes the Grafana dashboards (JSON model, schemaVersion 39, InfluxQL) from one description per dashboard.

Run from the repository root: python3 dashboards/generate.py. The JSON files are checked in; the dashboard test in
tests/ClassroomFleet.EndToEnd.Tests loads them, checks the model and runs every query against a real influxd filled by the
real pipeline. Titles are Chinese with the English after a slash, since Grafana has no per-dashboard translation.
"""
import json
import pathlib

DS = {"type": "influxdb", "uid": "cf-influxdb"}
HERE = pathlib.Path(__file__).parent

COUNTY = 'WHERE "county" =~ /^$county$/'
SCHOOL = 'WHERE "county" =~ /^$county$/ AND "school" =~ /^$school$/'

# The compliance verdict is a field (state) with one 0/1 indicator field per state, on the stable series county, school,
# rule, pack: a re-evaluated instant replaces its point, and each school counts once per rule under its latest verdict.
STATES = [("pass", "达标"), ("fail", "未达标"), ("unknown", "无法判定"), ("not_applicable", "不适用"), ("not_yet_due", "未到期"), ("exempt", "豁免")]
COMPLIANCE_BY_RULE = (
    'SELECT ' + ', '.join(f'sum("{f}") AS "{label}"' for f, label in STATES)
    + ' FROM (SELECT ' + ', '.join(f'last("{f}") AS "{f}"' for f, _ in STATES)
    + f' FROM "compliance" {COUNTY} AND $timeFilter GROUP BY "school", "rule") GROUP BY "rule"'
)


def variables(levels):
    out = []
    if "county" in levels:
        out.append(var("county", "县 / County", 'SHOW TAG VALUES FROM "device" WITH KEY = "county"'))
    if "school" in levels:
        out.append(var("school", "学校 / School", 'SHOW TAG VALUES FROM "device" WITH KEY = "school" WHERE "county" =~ /^$county$/'))
    if "device" in levels:
        out.append(var("device", "设备 / Device", 'SHOW TAG VALUES FROM "device" WITH KEY = "device" WHERE "school" =~ /^$school$/', multi=True))
    return out


def var(name, label, query, multi=False):
    return {
        "name": name, "label": label, "type": "query", "datasource": DS, "query": query, "refresh": 2,
        "includeAll": multi, "multi": multi, "sort": 1, "current": {}, "options": [], "hide": 0,
    }


def panel(pid, title, kind, queries, x, y, w=12, h=8, unit=None, fmt="time_series", description=None):
    targets = [
        {"refId": chr(65 + i), "datasource": DS, "rawQuery": True, "query": q, "resultFormat": fmt}
        for i, q in enumerate(queries)
    ]
    p = {
        "id": pid, "type": kind, "title": title, "datasource": DS, "targets": targets,
        "gridPos": {"x": x, "y": y, "w": w, "h": h},
        "fieldConfig": {"defaults": {"unit": unit} if unit else {}, "overrides": []},
        "options": {},
    }
    if description:
        p["description"] = description
    return p


def dashboard(uid, title, tags, levels, panels):
    return {
        "uid": uid, "title": title, "tags": ["classroomfleet", *tags], "timezone": "Asia/Shanghai",
        "schemaVersion": 39, "version": 1, "editable": True, "graphTooltip": 1,
        "time": {"from": "now-6h", "to": "now"}, "refresh": "1m",
        "templating": {"list": variables(levels)}, "annotations": {"list": []}, "links": [],
        "panels": panels,
    }


DASHBOARDS = [
    dashboard("cf-county", "县域总览 / County overview", ["county"], ["county"], [
        panel(1, "在线学校 / Schools reporting (15 min)", "stat", [
            f'SELECT count("up") AS "schools" FROM (SELECT last("up") AS "up" FROM "device" {COUNTY} AND time > now() - 15m GROUP BY "school")'], 0, 0, 6, 4),
        panel(2, "离线设备 / Devices down", "stat", [
            f'SELECT count("up") AS "down" FROM (SELECT last("up") AS "up" FROM "device" {COUNTY} AND $timeFilter GROUP BY "school", "device") WHERE "up" = false'], 6, 0, 6, 4),
        panel(3, "各规则达标情况 / Compliance by rule", "table", [
            COMPLIANCE_BY_RULE],
            12, 0, 12, 10, fmt="table",
            description="每校每条规则取最近一次结论计数 / Schools per rule and state, from each school's latest verdict"),
        panel(4, "班均带宽最低的学校 / Lowest bandwidth per class", "table", [
            f'SELECT bottom("value", "school", 10) AS "mbps_per_class" FROM (SELECT last("value") AS "value" FROM "compliance" {COUNTY} AND "rule" =~ /bw-per-class/ AND $timeFilter GROUP BY "school")'],
            0, 4, 12, 10, fmt="table"),
    ]),
    dashboard("cf-school", "学校详情 / School detail", ["school"], ["county", "school"], [
        panel(1, "教室与设备 / Rooms and devices", "table", [
            f'SELECT last("up") AS "up", last("poll_ms") AS "poll_ms" FROM "device" {SCHOOL} AND $timeFilter GROUP BY "room", "kind", "device"'],
            0, 0, 12, 12, fmt="table"),
        panel(2, "出口利用率与容量 / Uplink use against capacity", "timeseries", [
            f'SELECT mean("in_bps") AS "in", mean("out_bps") AS "out", mean("capacity_mbps") * 1000000 AS "capacity" FROM "uplink" {SCHOOL} AND "method" = \'passive\' AND $timeFilter GROUP BY time($__interval) fill(null)'],
            12, 0, 12, 8, unit="bps"),
        panel(3, "班均出口带宽与目标 / Bandwidth per class against the target", "timeseries", [
            f'SELECT last("value") AS "per_class", last("threshold") AS "target" FROM "compliance" {SCHOOL} AND "rule" =~ /bw-per-class|bw.teaching-point/ AND $timeFilter GROUP BY time($__interval), "rule" fill(previous)'],
            12, 8, 12, 8, unit="Mbits"),
    ]),
    dashboard("cf-devices", "设备健康 / Device health", ["devices"], ["county", "school", "device"], [
        panel(1, "轮询耗时 / Poll duration", "timeseries", [
            f'SELECT mean("poll_ms") FROM "device" {SCHOOL} AND "device" =~ /^$device$/ AND $timeFilter GROUP BY time($__interval), "device" fill(null)'],
            0, 0, 12, 8, unit="ms"),
        panel(2, "设备在线 / Device up", "state-timeline", [
            f'SELECT last("up") FROM "device" {SCHOOL} AND "device" =~ /^$device$/ AND $timeFilter GROUP BY time($__interval), "device" fill(null)'],
            12, 0, 12, 8),
        panel(3, "交换机端口流量 / Switch ports", "timeseries", [
            f'SELECT mean("in_bps") AS "in", mean("out_bps") AS "out" FROM "interface" {SCHOOL} AND "device" =~ /^$device$/ AND $timeFilter GROUP BY time($__interval), "device", "if_name" fill(null)'],
            0, 8, 24, 8, unit="bps"),
        panel(4, "最近错误 / Latest errors", "table", [
            f'SELECT last("error") AS "error" FROM "device" {SCHOOL} AND "up" = false AND $timeFilter GROUP BY "device", "kind"'],
            0, 16, 24, 6, fmt="table"),
    ]),
    dashboard("cf-bandwidth", "带宽审计 / Bandwidth audit", ["bandwidth", "audit"], ["county"], [
        panel(1, "班均带宽（按学校）/ Bandwidth per class by school", "table", [
            f'SELECT last("state") AS "state", last("value") AS "mbps_per_class", last("threshold") AS "target", last("samples") AS "samples", last("reason") AS "reason" FROM "compliance" {COUNTY} AND "rule" =~ /bw-per-class|bw.teaching-point/ AND $timeFilter GROUP BY "school", "rule"'],
            0, 0, 24, 10, fmt="table"),
        panel(2, "实测带宽（主动测速）/ Measured capacity (active probes)", "timeseries", [
            f'SELECT median("down_bps") AS "down" FROM "uplink" {COUNTY} AND "method" =~ /iperf3|http/ AND $timeFilter GROUP BY time(1h), "school" fill(none)'],
            0, 10, 24, 8, unit="bps"),
        panel(3, "出口利用率 95 分位 / Uplink p95 utilisation (diagnostic)", "table", [
            f'SELECT percentile("in_utilisation", 95) AS "p95_in" FROM "uplink" {COUNTY} AND "method" = \'passive\' AND $timeFilter GROUP BY "school"'],
            0, 18, 24, 8, unit="percentunit", fmt="table"),
    ]),
    dashboard("cf-cabinet", "机柜环境 / Cabinet", ["cabinet"], ["county", "school"], [
        panel(1, "机柜温度 / Cabinet temperature", "timeseries", [
            f'SELECT mean("temperature_c") FROM "cabinet" {SCHOOL} AND $timeFilter GROUP BY time($__interval), "sensor" fill(null)'],
            0, 0, 12, 8, unit="celsius"),
        panel(2, "柜门 / Door", "state-timeline", [
            f'SELECT last("door_open") FROM "cabinet" {SCHOOL} AND $timeFilter GROUP BY time($__interval) fill(previous)'],
            12, 0, 12, 8),
    ]),
    dashboard("cf-agents", "采集代理 / Agents", ["agents"], ["county"], [
        panel(1, "缓存积压 / Outbox depth", "timeseries", [
            f'SELECT max("outbox_depth") FROM "agent" {COUNTY} AND $timeFilter GROUP BY time($__interval), "school" fill(null)'],
            0, 0, 12, 8),
        panel(2, "最旧未确认数据 / Oldest unacknowledged (s)", "timeseries", [
            f'SELECT max("outbox_oldest_age_s") FROM "agent" {COUNTY} AND $timeFilter GROUP BY time($__interval), "school" fill(null)'],
            12, 0, 12, 8, unit="s"),
        panel(3, "代理状态 / Agent state", "table", [
            f'SELECT last("outbox_depth") AS "outbox_depth", last("outbox_oldest_age_s") AS "oldest_s" FROM "agent" {COUNTY} AND $timeFilter GROUP BY "school", "device"'],
            0, 8, 24, 8, fmt="table"),
    ]),
]


def main():
    for d in DASHBOARDS:
        path = HERE / f"{d['uid']}.json"
        path.write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(path)


if __name__ == "__main__":
    main()
