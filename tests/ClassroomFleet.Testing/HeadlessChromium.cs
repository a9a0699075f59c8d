using System.Diagnostics;

namespace ClassroomFleet.Testing;

/// <summary>
/// Runs the Debian <c>chromium</c> headless for web tests: <c>--dump-dom</c> for assertions, <c>--screenshot</c> for
/// pictures. One profile folder per instance, so that a cookie set by one page load is sent by the next; the folder is
/// deleted at dispose. Each run is a process of its own, killed by its id if it outlives the timeout.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _profile = Directory.CreateTempSubdirectory("cf-chromium-").FullName;

    public static string Executable => File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : throw new InvalidOperationException("chromium is not installed: apt-get install -y chromium");

    public async Task<string> DumpDomAsync(Uri url, string? acceptLanguage = null, CancellationToken cancellationToken = default) =>
        await RunAsync(["--dump-dom", .. Language(acceptLanguage), url.AbsoluteUri], cancellationToken).ConfigureAwait(false);

    public async Task ScreenshotAsync(Uri url, string pngPath, int width = 1280, int height = 900, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
        await RunAsync([$"--screenshot={Path.GetFullPath(pngPath)}", $"--window-size={width},{height}", "--hide-scrollbars", url.AbsoluteUri], cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile for a moment; the temp folder is cleaned by the OS later.
        }
    }

    private static string[] Language(string? acceptLanguage) => acceptLanguage is null ? [] : [$"--lang={acceptLanguage}", $"--accept-lang={acceptLanguage}"];

    private async Task<string> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", $"--user-data-dir={_profile}"])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}");
        }

        return output;
    }
}
