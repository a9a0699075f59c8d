using ClassroomFleet.Agent.Extensions;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.FaultTests.AgentHost;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// CF_FAULT_MODE: apply (see ApplyLoop), durable (the product), memory (negative control: no disk), puback (negative control: a batch leaves the
// outbox on the broker's PUBACK instead of the fleet's acknowledgement).
var mode = Environment.GetEnvironmentVariable("CF_FAULT_MODE") ?? "durable";
if (mode == "apply")
{
    // apply: the remote-configuration apply path alone (RemoteConfigApplyKillTests).
    await ApplyLoop.RunAsync(Environment.GetEnvironmentVariable("CF_APPLY_DIR")!, CancellationToken.None);
    return;
}

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSingleton<IOutbox>(sp =>
{
    var options = sp.GetRequiredService<IOptions<OutboxOptions>>().Value;
    var time = sp.GetRequiredService<TimeProvider>();
    IOutbox inner = mode == "memory"
        ? new MemoryOutbox(options, time)
        : new FileOutbox(Path.Combine(builder.Configuration["Agent:StateDirectory"]!, "outbox"), options, time, sp.GetRequiredService<ILogger<FileOutbox>>());
    return new RecordingOutbox(inner);
});
if (mode == "puback")
{
    builder.Services.AddSingleton<IMqttTransport>(sp => new PubackAcknowledgingTransport(sp.GetRequiredService<MqttTransport>(), sp.GetRequiredService<IOutbox>()));
}

builder.AddAgent();
builder.Services.RemoveAll<IDevicePoller>();
builder.Services.AddSingleton<IDevicePoller, SyntheticPoller>();
await builder.Build().RunAsync();
