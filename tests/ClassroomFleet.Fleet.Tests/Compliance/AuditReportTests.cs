using System.Diagnostics;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Reports;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>The 台账 CSV and the printable HTML audit report, the latter rendered by headless Chromium.</summary>
public sealed class AuditReportTests
{
    private static readonly Lazy<Task<CountyEvaluation>> Evaluation = new(() =>
    {
        var packs = ComplianceTestData.ShippedPacks();
        return ComplianceTestData.EvaluateAsync([packs.Resolve("ly15-265")!, packs.Resolve("cn-national")!], ComplianceTestData.SyntheticTelemetry());
    });

    [Fact]
    public async Task Ledger_lists_each_failing_school_and_rule_once_with_its_evidence()
    {
        var evaluation = await Evaluation.Value;
        var csv = LedgerCsvWriter.Write(evaluation, ReportText.Chinese);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("县（市、区）,学校代码,学校,规则,文号", lines[0], StringComparison.Ordinal);
        Assert.Equal(evaluation.Results.Count(r => r.State == ComplianceState.Fail), lines.Length - 1);
        var row = Assert.Single(lines, l => l.Contains("4103990002,第二小学,ly15-265.dev.teacher-office-pc", StringComparison.Ordinal));
        Assert.Contains(",各级各类学校教师办公用电脑配置率达到1:1,", row, StringComparison.Ordinal); // no comma inside: not quoted
        Assert.Contains("未达标,0.99,>= 1,ratio", row, StringComparison.Ordinal);
        Assert.Contains("teachers=100 [教育事业统计, 2025-09-01]", row, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("无法判定", StringComparison.Ordinal));
        Assert.Contains("INSUFFICIENT_SAMPLES(7/10)", LedgerCsvWriter.Write(evaluation, ReportText.Chinese, includeUnknown: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_report_puts_each_quote_beside_the_numbers_and_bounds_the_county_rate()
    {
        var html = AuditHtmlReport.Render(await Evaluation.Value, ReportText.Chinese);
        Assert.Contains("「城镇学校班均出口带宽不小于10兆」", html, StringComparison.Ordinal);
        Assert.Contains("001_d28fa46a91af077b.txt 行 51", html, StringComparison.Ordinal);
        Assert.Contains("达标率（区间）", html, StringComparison.Ordinal);
        Assert.Contains("40%–60%", html, StringComparison.Ordinal);
        Assert.Contains("classes=31 [学籍系统, 2025-09-01]", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", AuditHtmlReport.Render(await Evaluation.Value, ReportText.English), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Integration")]
    [Trait("requires", "chromium")]
    public async Task Headless_chromium_renders_the_report_with_the_quotes()
    {
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        var htmlPath = Path.Combine(artifacts, "compliance-report-410399.html");
        var pngPath = Path.Combine(artifacts, "compliance-report-410399.png");
        await File.WriteAllTextAsync(htmlPath, AuditHtmlReport.Render(await Evaluation.Value, ReportText.Chinese));
        File.Delete(pngPath);

        await RunChromiumAsync($"--screenshot={pngPath} --window-size=1200,1600 file://{htmlPath}");
        var dom = await RunChromiumAsync($"--dump-dom file://{htmlPath}");

        Assert.True(new FileInfo(pngPath).Length > 30_000, $"screenshot {pngPath} is only {new FileInfo(pngPath).Length} bytes");
        Assert.Contains("城镇学校班均出口带宽不小于10兆", dom, StringComparison.Ordinal);
        Assert.Contains("交互式多媒体终端设备配置覆盖率达到100%，包括普通教室、功能教室、体音美专业教室及其它与教学紧密相关的教室", dom, StringComparison.Ordinal);
        Assert.Contains("到2020年底前，中小学（含教学点）宽带接入率达到98%以上、出口带宽达到100Mbps以上", dom, StringComparison.Ordinal);
    }

    private static async Task<string> RunChromiumAsync(string arguments)
    {
        var profile = Directory.CreateTempSubdirectory("cf-chromium-");
        try
        {
            var start = new ProcessStartInfo("chromium",
                $"--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir={profile.FullName} {arguments}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start (apt-get install -y chromium)");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await stderr}");
            return await stdout;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
