using System.CommandLine;
using System.Text;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Extensions;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Influx;
using ClassroomFleet.Influx.LineProtocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Cli;

/// <summary>
/// <c>classroomfleet-agent poll --once [--device ID] [--school-file PATH]</c>: for field technicians, like
/// <c>telegraf --test</c>. Polls every device of the school file (or one) once, prints the points as line protocol on
/// standard output without publishing anything, and exits non-zero if a device failed. Configuration (credentials,
/// school file path) comes from the same appsettings / environment as the service.
/// </summary>
public static class PollOnceCommand
{
    public static Command Create(string[] hostArgs)
    {
        var once = new Option<bool>("--once") { Description = "Poll each device once and exit (the only mode for now)", Required = true };
        var device = new Option<string?>("--device") { Description = "Poll only this device id" };
        var schoolFile = new Option<string?>("--school-file") { Description = "Use this school file instead of the configured one" };
        var command = new Command("poll", "Poll devices once and print the points as line protocol") { once, device, schoolFile };
        command.SetAction((result, cancellationToken) =>
            RunAsync(hostArgs, result.GetValue(device), result.GetValue(schoolFile), Console.Out, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string[] hostArgs, string? deviceId, string? schoolFilePath, TextWriter output, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(hostArgs);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (schoolFilePath is not null)
        {
            builder.Configuration[$"{AgentOptions.SectionName}:{nameof(AgentOptions.SchoolFile)}"] = schoolFilePath;
        }

        builder.AddAgentPolling();
        using var host = builder.Build();
        var services = host.Services;
        var settings = services.GetRequiredService<IOptions<AgentOptions>>().Value;
        var provider = services.GetRequiredService<SchoolFileProvider>();
        provider.LastGoodEnabled = false;
        var school = await provider.ReloadAsync(cancellationToken).ConfigureAwait(false);
        if (school is null)
        {
            await Console.Error.WriteLineAsync($"error: no usable school file at {settings.SchoolFile}").ConfigureAwait(false);
            return 2;
        }

        var devices = school.Devices.Where(d => deviceId is null || d.Id == deviceId).ToList();
        if (devices.Count == 0)
        {
            await Console.Error.WriteLineAsync($"error: device '{deviceId}' is not in {settings.SchoolFile}").ConfigureAwait(false);
            return 2;
        }

        var pollers = services.GetServices<IDevicePoller>().ToDictionary(p => p.Kind, StringComparer.Ordinal);
        var runner = services.GetRequiredService<DevicePollRunner>();
        var budgets = services.GetRequiredService<DeviceBudgets>();
        var outcomes = await Task.WhenAll(devices.Select(async d => pollers.TryGetValue(d.Kind, out var poller)
            ? await runner.PollOnceAsync(poller, d, budgets.For(d), cancellationToken).ConfigureAwait(false)
            : new PollOutcome(d.Id, d.Kind, [], TimeSpan.Zero, $"no poller for kind '{d.Kind}'"))).ConfigureAwait(false);

        using var buffer = new LineProtocolBuffer();
        foreach (var outcome in outcomes)
        {
            foreach (var point in outcome.Points)
            {
                TelemetryLineProtocol.Append(buffer, school.County, school.School, outcome.Device, point);
            }
        }

        await output.WriteAsync(Encoding.UTF8.GetString(buffer.WrittenMemory.Span)).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        var failed = outcomes.Where(o => o.Error is not null).ToList();
        foreach (var outcome in failed)
        {
            await Console.Error.WriteLineAsync($"FAILED {outcome.Device} ({outcome.Kind}): {outcome.Error}").ConfigureAwait(false);
        }

        return failed.Count == 0 ? 0 : 1;
    }
}
