namespace ClassroomFleet.Fleet.Web;

/// <summary>The web view's strings in Chinese and English, by key. A missing key shows itself, so a gap is visible, not fatal.</summary>
public static class WebText
{
    private static readonly Dictionary<string, (string Zh, string En)> Table = new(StringComparer.Ordinal)
    {
        ["app"] = ("班班通设备监控", "ClassroomFleet"),
        ["counties"] = ("区县", "Counties"),
        ["county"] = ("区县", "County"),
        ["schools"] = ("学校", "Schools"),
        ["school"] = ("学校", "School"),
        ["name"] = ("名称", "Name"),
        ["code"] = ("代码", "Code"),
        ["category"] = ("类别", "Category"),
        ["category.urban"] = ("城镇", "Urban"),
        ["category.rural"] = ("农村", "Rural"),
        ["category.teaching_point"] = ("教学点", "Teaching point"),
        ["devices"] = ("设备", "Devices"),
        ["device"] = ("设备", "Device"),
        ["agents"] = ("网关代理", "Agents"),
        ["agents.online"] = ("在线代理", "Agents online"),
        ["last_seen"] = ("最后上报", "Last seen"),
        ["never"] = ("从未", "never"),
        ["facts"] = ("学校信息", "School facts"),
        ["classes"] = ("班级数", "Classes"),
        ["teachers"] = ("专任教师数", "Teachers"),
        ["students"] = ("在校生数", "Students"),
        ["as_of"] = ("截至", "as of"),
        ["rooms"] = ("教室与设备", "Rooms and devices"),
        ["room"] = ("教室", "Room"),
        ["no_room"] = ("未分配教室", "No room"),
        ["kind"] = ("类型", "Kind"),
        ["status"] = ("状态", "Status"),
        ["up"] = ("正常", "Up"),
        ["down"] = ("故障", "Down"),
        ["unknown"] = ("无数据", "No data"),
        ["poll_ms"] = ("轮询耗时 (毫秒)", "Poll time (ms)"),
        ["error"] = ("错误", "Error"),
        ["online"] = ("在线", "Online"),
        ["offline"] = ("离线", "Offline"),
        ["version"] = ("版本", "Version"),
        ["outbox"] = ("待确认批次", "Outbox depth"),
        ["uplink"] = ("出口带宽 (最近一小时)", "Uplink bandwidth (last hour)"),
        ["interface"] = ("端口", "Interface"),
        ["in_last"] = ("下行 当前", "In, last"),
        ["out_last"] = ("上行 当前", "Out, last"),
        ["in_mean"] = ("下行 平均", "In, mean"),
        ["out_mean"] = ("上行 平均", "Out, mean"),
        ["not_in_file"] = ("未登记在学校文件中", "not in the school file"),
        ["login"] = ("登录", "Sign in"),
        ["logout"] = ("退出", "Sign out"),
        ["token"] = ("访问令牌", "API token"),
        ["login.bad"] = ("令牌无效或已撤销。", "The token is unknown or revoked."),
        ["login.no_url_token"] = ("请在此表单中输入令牌：网址中的令牌会留在日志和浏览记录里，因此不予接受。",
            "Enter the token in this form: a token in a web address stays in logs and browser history, so it is not accepted."),
        ["not_found"] = ("未找到。", "Not found."),
        ["none"] = ("暂无。", "None yet."),
        ["language"] = ("English", "中文"),
    };

    public static string Get(string key, WebLanguage language) =>
        Table.TryGetValue(key, out var text) ? (language == WebLanguage.En ? text.En : text.Zh) : key;

    /// <summary>Every key, for the test that both languages are complete.</summary>
    public static IEnumerable<string> Keys => Table.Keys;
}
