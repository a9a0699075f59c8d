using System.Net;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Reports;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>The 台账 CSV and the HTML audit report of the synthetic county (the demo county's report: DemoCountyReportTests).</summary>
public sealed class AuditReportTests
{
    private static readonly Lazy<Task<CountyEvaluation>> Evaluation = new(() =>
    {
        var packs = ComplianceTestData.ShippedPacks();
        return ComplianceTestData.EvaluateAsync([packs.Resolve("ly15-265")!, packs.Resolve("cn-national")!], ComplianceTestData.SyntheticTelemetry());
    });

    private static readonly Lazy<Task<CountyEvaluation>> Chengdu = new(() =>
        ComplianceTestData.EvaluateAsync([ComplianceTestData.ShippedPacks().Resolve("cd14-10")!], ComplianceTestData.SyntheticTelemetry()));

    [Fact]
    public async Task Ledger_lists_each_failing_school_and_rule_once_with_its_evidence_in_chinese()
    {
        var evaluation = await Evaluation.Value;
        var csv = LedgerCsvWriter.Write(evaluation, ReportText.Chinese);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("县（市、区）,学校代码,学校,规则,文号", lines[0], StringComparison.Ordinal);
        Assert.Contains(",严重程度,整改建议,规则包,规则包版本,规则包校验值", lines[0], StringComparison.Ordinal);
        Assert.Equal(evaluation.Results.Count(r => r.State == ComplianceState.Fail), lines.Length - 1);
        var row = Assert.Single(lines, l => l.Contains("4103990002,第二小学,ly15-265.dev.teacher-office-pc", StringComparison.Ordinal));
        Assert.Contains(",各级各类学校教师办公用电脑配置率达到1:1,", row, StringComparison.Ordinal); // no comma inside: not quoted
        Assert.Contains(",未达标,1:0.99 (99 台 / 100 名专任教师),师机比 1:1（每名专任教师至少 1 台）,", row, StringComparison.Ordinal);
        Assert.Contains("专任教师数：100（教育事业统计，截至 2025-09-01）", row, StringComparison.Ordinal);
        Assert.Contains(",重要,按专任教师数补足教师办公用电脑并登记到资产台账,ly15-265,1.2.0,", row, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("无法判定", StringComparison.Ordinal));
        Assert.Contains("测速样本不足：窗口内成功 7 次，至少需要 10 次", LedgerCsvWriter.Write(evaluation, ReportText.Chinese, includeUnknown: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_report_puts_each_quote_beside_the_numbers_and_bounds_the_county_rate()
    {
        var html = AuditHtmlReport.Render(await Evaluation.Value, ReportText.Chinese);
        Assert.Contains("「城镇学校班均出口带宽不小于10兆」", html, StringComparison.Ordinal);
        Assert.Contains("001_d28fa46a91af077b.txt</span> 第 51 行", html, StringComparison.Ordinal);
        Assert.Contains("达标率（区间）", html, StringComparison.Ordinal);
        Assert.Contains("33.3%–66.7%", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("班级数：31（学籍系统，截至 2025-09-01）"), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("每班 ≥ 10 Mbit/s"), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("未登记城乡分类代码，无法确定是否适用本规则"), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("缺 5 座"), html, StringComparison.Ordinal); // 40 seats for a class of 45
        Assert.Contains("lang=\"en\"", AuditHtmlReport.Render(await Evaluation.Value, ReportText.English), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ratios_are_written_as_ratios_and_the_county_share_shows_schools_not_samples()
    {
        var chengdu = AuditHtmlReport.Render(await Chengdu.Value, ReportText.Chinese);
        Assert.Contains(WebUtility.HtmlEncode("生机比 6:1（每台至多 6 名在校生）"), chengdu, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("30:1"), chengdu, StringComparison.Ordinal);                   // 1350 students / 45 computers
        Assert.Contains(WebUtility.HtmlEncode("1350 名在校生 / 45 台"), chengdu, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("无设备（∞）"), chengdu, StringComparison.Ordinal);             // no student computer
        Assert.Contains(WebUtility.HtmlEncode("师机比 1:1（每名专任教师至少 1 台）"), chengdu, StringComparison.Ordinal);

        var national = AuditHtmlReport.Render(await Evaluation.Value, ReportText.Chinese);
        Assert.Contains(WebUtility.HtmlEncode("10 所达标、3 所无法判定，共 13 所"), national, StringComparison.Ordinal);
        Assert.DoesNotContain("13/</td>", national, StringComparison.Ordinal);
    }
}
