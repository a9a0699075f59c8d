using System.Diagnostics;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>
/// Headless Chromium for the report tests: DOM dump, screenshot and print to PDF of a local file. One profile folder per
/// run; a run that outlives its timeout is killed by its process id.
/// </summary>
public static class ChromiumRunner
{
    /// <summary>Where scripts/test.sh collects test output: the repository root's artifacts/test-results.</summary>
    public static string ArtifactsDirectory => Directory.CreateDirectory(Path.Combine(ComplianceTestData.RepositoryRoot, "artifacts", "test-results")).FullName;

    public static Task<string> DumpDomAsync(string htmlPath) => RunAsync("--dump-dom", new Uri(htmlPath).AbsoluteUri);

    public static Task ScreenshotAsync(string htmlPath, string pngPath, int width, int height) =>
        RunAsync($"--screenshot={pngPath}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlPath).AbsoluteUri);

    public static Task PrintToPdfAsync(string htmlPath, string pdfPath) =>
        RunAsync($"--print-to-pdf={pdfPath}", "--no-pdf-header-footer", new Uri(htmlPath).AbsoluteUri);

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("cf-chromium-");
        try
        {
            var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}", .. arguments])
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start (apt-get install -y chromium)");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
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
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be writing its profile for a moment; the temp folder is cleaned by the OS later.
            }
        }
    }
}
