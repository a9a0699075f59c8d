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
SCHOOLS = 'WHERE "county" =~ /^$county$/ AND "school" =~ /^$school$/'
DEVICES = SCHOOLS + ' AND "device" =~ /^$device$/'

# The compliance verdict is a field (state) with one 0/1 indicator field per state, on the stable series county, school,
# rule, pack: a re-evaluated instant replaces its point, and each school counts once per rule under its latest verdict.
STATES = [("pass", "达标"), ("fail", "未达标"), ("unknown", "无法判定"), ("not_applicable", "不适用"), ("not_yet_due", "未到期"), ("exempt", "豁免")]
BANDWIDTH_RULES = '"rule" =~ /bw-per-class|bw\\.teaching-point/'


def compliance_by_rule(rule_filter=""):
    where = f'{SCHOOLS} AND {rule_filter} AND $timeFilter' if rule_filter else f'{SCHOOLS} AND $timeFilter'
    return (
        'SELECT ' + ', '.join(f'sum("{f}") AS "{label}"' for f, label in STATES)
        + ' FROM (SELECT ' + ', '.join(f'last("{f}") AS "{f}"' for f, _ in STATES)
        + f' FROM "compliance" {where} GROUP BY "school", "rule") GROUP BY "rule"'
    )


def variables(levels):
    # county → school → device: each narrows the next; school and device take several values or All.
    out = []
    if "county" in levels:
        out.append(var("county", "县 / County", 'SHOW TAG VALUES FROM "device" WITH KEY = "county"'))
    if "school" in levels:
        out.append(var("school", "学校 / School", 'SHOW TAG VALUES FROM "device" WITH KEY = "school" WHERE "county" =~ /^$county$/', multi=True))
    if "device" in levels:
        out.append(var("device", "设备 / Device", 'SHOW TAG VALUES FROM "device" WITH KEY = "device" WHERE "county" =~ /^$county$/ AND "school" =~ /^$school$/', multi=True))
    return out


def var(name, label, query, multi=False):
    v = {
        "name": name, "label": label, "type": "query", "datasource": DS, "query": query, "refresh": 2,
        "includeAll": multi, "multi": multi, "sort": 1, "current": {}, "options": [], "hide": 0,
    }
    if multi:
        # "All" must mean every site, not the sites that happen to have device series: a teaching point on its parent's
        # line, or a school whose agent never reported, has compliance results but no devices. Grafana puts an allValue
        # into the query unescaped.
        v["allValue"] = ".*"
    return v


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
    dashboard("cf-county", "县域总览 / County overview", ["county"], ["county", "school"], [
        panel(1, "在线学校 / Schools reporting (15 min)", "stat", [
            f'SELECT count("available") AS "schools" FROM (SELECT last("available") AS "available" FROM "device" {SCHOOLS} AND time > now() - 15m GROUP BY "school")'], 0, 0, 6, 4),
        panel(2, "离线设备 / Devices down", "stat", [
            f'SELECT sum("down") AS "down" FROM (SELECT 1 - last("available") AS "down" FROM "device" {SCHOOLS} AND $timeFilter GROUP BY "school", "device")'], 6, 0, 6, 4,
            description="最近一次轮询失败的设备数 / Devices whose latest poll failed"),
        panel(3, "各规则达标情况 / Compliance by rule", "table", [compliance_by_rule()],
            12, 0, 12, 10, fmt="table",
            description="每校每条规则取最近一次结论计数 / Schools per rule and state, from each school's latest verdict"),
        panel(4, "班均带宽最低的学校 / Lowest bandwidth per class", "table", [
            f'SELECT bottom("value", "school", 10) AS "mbps_per_class" FROM (SELECT last("value") AS "value" FROM "compliance" {SCHOOLS} AND {BANDWIDTH_RULES} AND $timeFilter GROUP BY "school")'],
            0, 4, 12, 10, fmt="table"),
        panel(5, "采集代理在线 / Agents online", "table", [
            f'SELECT last("online") AS "online", last("version") AS "version" FROM "agent_status" {SCHOOLS} AND time > now() - 30d GROUP BY "school", "device"'],
            0, 14, 24, 8, fmt="table",
            description="1 = 在线, 0 = 离线（遗嘱消息）/ 1 online, 0 offline (the broker published the agent's last will)"),
    ]),
    dashboard("cf-school", "学校详情 / School detail", ["school"], ["county", "school"], [
        panel(1, "教室与设备 / Rooms and devices", "table", [
            f'SELECT last("available") AS "available", last("poll_ms") AS "poll_ms" FROM "device" {SCHOOLS} AND $timeFilter GROUP BY "school", "room", "kind", "device"'],
            0, 0, 12, 12, fmt="table",
            description="available: 1 = 最近一次轮询成功 / latest poll succeeded, 0 = 失败 / failed"),
        panel(2, "出口利用率与容量 / Uplink use against capacity", "timeseries", [
            f'SELECT mean("in_bps") AS "in", mean("out_bps") AS "out", mean("capacity_mbps") * 1000000 AS "capacity" FROM "uplink" {SCHOOLS} AND "method" = \'passive\' AND $timeFilter GROUP BY time($__interval), "school" fill(null)'],
            12, 0, 12, 8, unit="bps"),
        panel(3, "班均出口带宽与目标 / Bandwidth per class against the target", "timeseries", [
            f'SELECT last("value") AS "per_class", last("threshold") AS "target" FROM "compliance" {SCHOOLS} AND {BANDWIDTH_RULES} AND $timeFilter GROUP BY time($__interval), "school", "rule" fill(previous)'],
            12, 8, 12, 8, unit="Mbits"),
        panel(4, "学校规则结论 / Rule verdicts", "table", [
            f'SELECT last("state") AS "state", last("value") AS "value", last("threshold") AS "threshold", last("reason") AS "reason" FROM "compliance" {SCHOOLS} AND $timeFilter GROUP BY "school", "rule"'],
            0, 12, 12, 10, fmt="table"),
    ]),
    dashboard("cf-devices", "设备健康 / Device health", ["devices"], ["county", "school", "device"], [
        panel(1, "设备在线 / Device up", "state-timeline", [
            f'SELECT last("available") FROM "device" {DEVICES} AND $timeFilter GROUP BY time($__interval), "device" fill(null)'],
            0, 0, 12, 8),
        panel(2, "轮询耗时 / Poll duration", "timeseries", [
            f'SELECT mean("poll_ms") FROM "device" {DEVICES} AND $timeFilter GROUP BY time($__interval), "device" fill(null)'],
            12, 0, 12, 8, unit="ms"),
        panel(3, "最近错误 / Latest errors", "table", [
            f'SELECT last("error") AS "error" FROM "device" {DEVICES} AND "available" = 0 AND $timeFilter GROUP BY "school", "device", "kind"'],
            0, 8, 24, 6, fmt="table",
            description="为什么白板是黑的 / why a device is dark: the poller's last error"),
        panel(4, "一体机/投影电源 / Panel and projector power", "state-timeline", [
            f'SELECT last("power_state") FROM "panel" {DEVICES} AND $timeFilter GROUP BY time($__interval), "device" fill(previous)'],
            0, 14, 12, 8,
            description="PJLink POWR: 0 待机 standby, 1 开机 on, 2 冷却 cooling, 3 预热 warm-up"),
        panel(5, "灯泡小时与故障 / Lamp hours and errors", "table", [
            f'SELECT last("lamp_hours") AS "lamp_hours", last("error_worst") AS "error_worst", last("error_lamp") AS "error_lamp", last("error_temperature") AS "error_temperature" FROM "panel" {DEVICES} AND $timeFilter GROUP BY "school", "device"'],
            12, 14, 12, 8, fmt="table",
            description="PJLink ERST: 0 正常 ok, 1 警告 warning, 2 故障 error"),
        panel(6, "录播直播流 / Recorder stream live", "state-timeline", [
            f'SELECT last("rtsp_status") FROM "recorder" {DEVICES} AND $timeFilter GROUP BY time($__interval), "device" fill(previous)'],
            0, 22, 12, 8,
            description="RTSP DESCRIBE 状态码 / status code (200 = live)"),
        panel(7, "录播磁盘剩余 / Recorder disk free", "timeseries", [
            f'SELECT min("disk_free_pct") FROM "recorder" {DEVICES} AND $timeFilter GROUP BY time($__interval), "device" fill(null)'],
            12, 22, 12, 8, unit="percent"),
        panel(8, "交换机端口流量 / Switch ports", "timeseries", [
            f'SELECT mean("in_bps") AS "in", mean("out_bps") AS "out" FROM "interface" {DEVICES} AND $timeFilter GROUP BY time($__interval), "device", "if_name" fill(null)'],
            0, 30, 24, 8, unit="bps"),
    ]),
    dashboard("cf-bandwidth", "带宽审计 / Bandwidth audit", ["bandwidth", "audit"], ["county", "school"], [
        panel(1, "班均带宽（按学校）/ Bandwidth per class by school", "table", [
            f'SELECT last("state") AS "state", last("value") AS "mbps_per_class", last("upper") AS "upper", last("threshold") AS "target", last("samples") AS "samples", last("reason") AS "reason", last("underlying") AS "evidence" FROM "compliance" {SCHOOLS} AND {BANDWIDTH_RULES} AND $timeFilter GROUP BY "school", "rule"'],
            0, 0, 24, 10, fmt="table",
            description="证据：样本数、测量依据 / evidence: samples and what the figure rests on"),
        panel(2, "按学校类别 / By school category", "table", [compliance_by_rule(BANDWIDTH_RULES)],
            0, 10, 12, 8, fmt="table",
            description="规则即类别：城镇 urban、农村 rural、教学点 teaching point"),
        panel(3, "实测带宽（主动测速）/ Measured capacity (active probes)", "timeseries", [
            f'SELECT median("down_bps") AS "down" FROM "uplink" {SCHOOLS} AND "method" =~ /iperf3|http/ AND $timeFilter GROUP BY time(1h), "school" fill(none)'],
            12, 10, 12, 8, unit="bps"),
        panel(4, "出口利用率 95 分位 / Uplink p95 utilisation (diagnostic)", "table", [
            f'SELECT percentile("in_utilisation", 95) AS "p95_in" FROM "uplink" {SCHOOLS} AND "method" = \'passive\' AND $timeFilter GROUP BY "school"'],
            0, 18, 24, 8, unit="percentunit", fmt="table"),
    ]),
    dashboard("cf-cabinet", "机柜环境 / Cabinet", ["cabinet"], ["county", "school"], [
        panel(1, "机柜温度 / Cabinet temperature", "timeseries", [
            f'SELECT mean("temperature_c") FROM "cabinet" {SCHOOLS} AND $timeFilter GROUP BY time($__interval), "school", "sensor" fill(null)'],
            0, 0, 12, 8, unit="celsius"),
        panel(2, "柜门 / Door", "state-timeline", [
            f'SELECT last("door_open") FROM "cabinet" {SCHOOLS} AND "input" =~ /.+/ AND $timeFilter GROUP BY time($__interval), "school", "input" fill(previous)'],
            12, 0, 12, 8),
        panel(3, "机柜告警 / Cabinet alerts", "table", [
            f'SELECT last("alert_over_temperature") AS "over_temperature", last("alert_high_humidity") AS "high_humidity", last("alert_door_open_long") AS "door_open_long", last("sensor_faults") AS "sensor_faults" FROM "cabinet" {SCHOOLS} AND $timeFilter GROUP BY "school", "device"'],
            0, 8, 24, 6, fmt="table",
            description="1 = 告警 raised (with hysteresis), 0 = 正常 clear"),
    ]),
    dashboard("cf-agents", "采集代理 / Agents", ["agents"], ["county", "school"], [
        panel(1, "缓存积压 / Outbox depth", "timeseries", [
            f'SELECT max("outbox_depth") FROM "agent" {SCHOOLS} AND $timeFilter GROUP BY time($__interval), "school" fill(null)'],
            0, 0, 12, 8),
        panel(2, "最旧未确认数据 / Oldest unacknowledged (s)", "timeseries", [
            f'SELECT max("outbox_oldest_age_s") FROM "agent" {SCHOOLS} AND $timeFilter GROUP BY time($__interval), "school" fill(null)'],
            12, 0, 12, 8, unit="s"),
        panel(3, "版本与配置 / Versions and configuration", "table", [
            f'SELECT last("online") AS "online", last("version") AS "version", last("config_version") AS "config_version" FROM "agent_status" {SCHOOLS} AND time > now() - 30d GROUP BY "school", "device"'],
            0, 8, 12, 8, fmt="table",
            description="config_version: 已应用的远程配置版本 / the remote configuration version the agent applied"),
        panel(4, "配置下发进度 / Configuration rollout", "state-timeline", [
            f'SELECT last("config_version") FROM "agent_status" {SCHOOLS} AND $timeFilter GROUP BY time($__interval), "school" fill(previous)'],
            12, 8, 12, 8,
            description="每校已应用的配置版本随时间变化 / the applied version per school over time: a rollout shows as schools stepping up"),
        panel(5, "代理缓存状态 / Outbox state", "table", [
            f'SELECT last("outbox_depth") AS "outbox_depth", last("outbox_oldest_age_s") AS "oldest_s", last("outbox_writable") AS "writable" FROM "agent" {SCHOOLS} AND $timeFilter GROUP BY "school", "device"'],
            0, 16, 24, 8, fmt="table"),
    ]),
]


def main():
    for d in DASHBOARDS:
        path = HERE / f"{d['uid']}.json"
        path.write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(path)


if __name__ == "__main__":
    main()
