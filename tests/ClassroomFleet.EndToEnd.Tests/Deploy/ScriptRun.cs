using System.Diagnostics;

namespace ClassroomFleet.EndToEnd.Tests.Deploy;

/// <summary>One run of a deploy script or tool: exit code, standard output and standard error.</summary>
internal sealed record ScriptRun(int ExitCode, string Output, string Errors)
{
    public static async Task<ScriptRun> RunAsync(string file, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ScriptRun(process.ExitCode, await output, await errors);
    }
}
