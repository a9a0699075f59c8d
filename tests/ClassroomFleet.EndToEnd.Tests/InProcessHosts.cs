using ClassroomFleet.Agent.Extensions;
using ClassroomFleet.Fleet.Extensions;
using ClassroomFleet.Fleet.Ingest;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.EndToEnd.Tests;

/// <summary>The production fleet and agent hosts (AddFleet + MapFleet, AddAgent) started in the test process with the given settings.</summary>
public static class InProcessHosts
{
    /// <summary>
    /// Returns once the ingest holds its telemetry subscription, as the demo script waits for /healthz: a shared
    /// subscription drops what is published before it is granted, and a history replay is published only once.
    /// </summary>
    public static async Task<WebApplication> StartFleetAsync(IDictionary<string, string?> settings, CancellationToken cancellationToken, ILoggerProvider? log = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        AddLog(builder.Logging, log);
        builder.AddFleet();
        var app = builder.Build();
        app.MapFleet();
        await app.StartAsync(cancellationToken);
        await app.Services.GetRequiredService<IngestReadiness>().Subscribed.WaitAsync(cancellationToken);
        return app;
    }

    /// <param name="services">Changes to the agent's services after <c>AddAgent</c> (e.g. a stand-in poller), if any.</param>
    public static async Task<IHost> StartAgentAsync(IDictionary<string, string?> settings, CancellationToken cancellationToken, ILoggerProvider? log = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        AddLog(builder.Logging, log);
        builder.AddAgent();
        services?.Invoke(builder.Services);
        var agent = builder.Build();
        await agent.StartAsync(cancellationToken);
        return agent;
    }

    private static void AddLog(ILoggingBuilder logging, ILoggerProvider? log)
    {
        if (log is not null)
        {
            logging.AddProvider(log);
        }
    }
}
