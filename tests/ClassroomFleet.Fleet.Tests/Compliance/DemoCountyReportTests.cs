using System.Net;
using System.Text.RegularExpressions;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Reports;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>
/// The printable audit report of the demo county 新安县 (410323) as a Chinese-speaking county auditor receives it,
/// rendered by headless Chromium; the HTML, a full-page screenshot and the printed PDF are saved in the repository
/// root's artifacts/test-results, where scripts/test.sh collects the test output.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "chromium")]
public sealed partial class DemoCountyReportTests
{
    /// <summary>Latin words that may appear in the Chinese report outside identifiers: units and protocol names.</summary>
    private static readonly HashSet<string> AllowedLatin = new(StringComparer.Ordinal) { "Mbit/s", "Mbps", "MB/s", "M", "min", "HTTP", "AP", "InfluxDB" }; // "10M以上": the 2017/2018 work points' own wording

    [Fact]
    public async Task The_demo_county_report_reads_in_chinese_with_quotes_ratios_classification_and_pack_versions()
    {
        var set = ComplianceTestData.ShippedPacks();
        var evaluation = await DemoCountyTests.EvaluateAsync(set.ForCounty("410323"));
        var dom = await RenderAsync(evaluation, "compliance-report-410323");
        var text = Tag().Replace(dom, "");

        // Every rule in force has its exact source quote and document number in the report.
        foreach (var rule in evaluation.Packs.SelectMany(p => p.Rules))
        {
            Assert.Contains($"「{rule.Source.Quote}」", text, StringComparison.Ordinal);
            Assert.Contains(rule.Source.DocumentNumber, text, StringComparison.Ordinal);
        }

        foreach (var expected in new[]
        {
            "教育信息化达标审计报告：新安县", "评估时点", "2026-12-02 12:30（北京时间）", "2026-2027学年校历（河南，示例）", "须以县教育局校历为准", "暂定的节假日", "春节（暂定） 2027-02-05–2027-02-08",
            "规则包 ly15-265 版本 1.2.0", "规则包 cn-national 版本 1.2.0", "结论说明",
            "111 主城区（城镇）", "210 乡中心区（乡村）", "2025年代码", "代码年份未登记",   // classification and its year (§6.3)
            "每班 ≥ 10 Mbit/s", "41.67 Mbit/s", "1000 Mbit/s", "÷ 24 个班",             // bandwidth per class with its figures
            "师机比 1:1（每名专任教师至少 1 台）", "1:1", "60 台 / 60 名专任教师",         // 1:1 as a ratio
            "每间计算机教室的可用座位数 ≥ 使用该教室的最大班额（一人一机）", "缺 1 座", "lab1：45 座 / 班额 46 人，缺 1 座",
            "2026-11-05 至 2026-12-02，共 20 个上学日（不含考试日），每日 08:00–12:00、14:00–17:30（北京时间）",
            "严重程度", "重要", "整改建议", "联系运营商扩容，或核查班级数", "条文解读", "计算方法",
            "采集代理在整个统计窗口内无任何上报（离线）", "专任教师数已过期：截至 2024-06-30，距评估时点 885 天，超过允许的 400 天",
            "合同带宽 100 Mbit/s，但实测中位数仅 45 Mbit/s", "核定带宽取合同 1000 与实测 900 ÷ 0.9 = 1000 中的较小者", "设备配套不全的教室：c5（缺投影机）、c6（缺投影机）",
            "县域内规则“学校宽带接入（有合同且实测可用）”达标学校所占比例", "达标率在 75% 至 100% 之间", "审核人",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        AssertNoUntranslatedText(dom);
    }

    [Fact]
    public async Task The_chengdu_pack_applied_to_the_demo_county_shows_the_student_computer_ratio_as_6_to_1()
    {
        var evaluation = await DemoCountyTests.EvaluateAsync([ComplianceTestData.ShippedPacks().Resolve("cd14-10")!]);
        var dom = await RenderAsync(evaluation, "compliance-report-410323-cd14-10");
        var text = Tag().Replace(dom, "");

        Assert.Contains("生机比 6:1（每台至多 6 名在校生）", text, StringComparison.Ordinal);
        Assert.Contains("24.44:1", text, StringComparison.Ordinal);            // 1100 students / 45 lab computers
        Assert.Contains("1100 名在校生 / 45 台", text, StringComparison.Ordinal);
        Assert.Contains("「多媒体到班率1:1」", text, StringComparison.Ordinal);
        Assert.Contains("≥ 100%（每个班的教室都配备，即到班率 1:1）", text, StringComparison.Ordinal);
        Assert.Contains("10 / 24 个班", text, StringComparison.Ordinal);        // 14 classes without a home room on record
        Assert.Contains("未登记本班教室的班级数：14", text, StringComparison.Ordinal);
        AssertNoUntranslatedText(dom);
    }

    private static async Task<string> RenderAsync(CountyEvaluation evaluation, string name)
    {
        var html = AuditHtmlReport.Render(evaluation, ReportText.Chinese);
        var htmlPath = Path.Combine(ChromiumRunner.ArtifactsDirectory, name + ".html");
        var pngPath = Path.Combine(ChromiumRunner.ArtifactsDirectory, name + ".png");
        var pdfPath = Path.Combine(ChromiumRunner.ArtifactsDirectory, name + ".pdf");
        await File.WriteAllTextAsync(htmlPath, html);
        File.Delete(pngPath);
        File.Delete(pdfPath);

        // The CLI screenshot is the window only: size the window to the whole report (rows are at most ~110 px tall).
        var rows = TableRow().Count(html);
        await ChromiumRunner.ScreenshotAsync(htmlPath, pngPath, 1240, Math.Clamp(900 + (rows * 75), 2000, 16000));
        await ChromiumRunner.PrintToPdfAsync(htmlPath, pdfPath);
        var dom = await ChromiumRunner.DumpDomAsync(htmlPath);

        Assert.True(new FileInfo(pngPath).Length > 100_000, $"screenshot {pngPath} is only {new FileInfo(pngPath).Length} bytes");
        var pdf = await File.ReadAllTextAsync(pdfPath);
        Assert.StartsWith("%PDF", pdf, StringComparison.Ordinal);
        Assert.True(PdfPage().Count(pdf) >= 2, "the printed report should span several A4 pages");
        return WebUtility.HtmlDecode(dom);
    }

    /// <summary>Outside identifiers (rule ids, school codes, hashes, file names), no English word or raw code is left.</summary>
    private static void AssertNoUntranslatedText(string dom)
    {
        var body = dom[dom.IndexOf("<body", StringComparison.Ordinal)..];
        var visible = Tag().Replace(Identifier().Replace(body, " "), " ");
        var leftovers = Latin().Matches(visible).Select(m => m.Value.TrimEnd('.', '-', '/'))
            .Where(w => !w.Any(char.IsAsciiDigit) && !AllowedLatin.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(leftovers.Count == 0, "untranslated text in the Chinese report: " + string.Join(", ", leftovers));
        foreach (var code in new[] { "AGENT_OFFLINE", "INSUFFICIENT", "REGISTRY_STALE", "NO_ROOM", "school days", "persons/device", "ratio", "seats" })
        {
            Assert.DoesNotContain(code, visible, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<tr[ >]")]
    private static partial Regex TableRow();

    [GeneratedRegex("/Type\\s*/Page[^s]")]
    private static partial Regex PdfPage();

    [GeneratedRegex("<span class=\"id\">[^<]*</span>")]
    private static partial Regex Identifier();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("[A-Za-z][A-Za-z0-9_./-]*")]
    private static partial Regex Latin();
}
