using System.Collections.Concurrent;
using System.Globalization;
using ClassroomFleet.Agent.Extensions;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Agent.Tests.Devices.Uplink;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Tests.Hosting;

/// <summary>
/// The agent host as Program.cs builds it (AddAgent), with a school file listing one device of every polled kind,
/// against real peers: snmpsim (switch and its forwarding/ARP tables), the PJLink and RTSP/ONVIF simulators, ICMP to
/// loopback and the services' iperf3 server. Only the telemetry sink is replaced, to see what each device yielded.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpsim")]
[Trait("requires", "iperf3")]
[Trait("requires", "mosquitto")]
public sealed class AgentHostPollsEveryKindTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-host-").FullName;

    private sealed class RecordingSink : ITelemetrySink
    {
        public ConcurrentQueue<PollOutcome> Outcomes { get; } = new();

        public ValueTask EnqueueAsync(PollOutcome outcome, CancellationToken cancellationToken = default)
        {
            Outcomes.Enqueue(outcome);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Every_Device_Kind_Of_The_School_File_Yields_Its_Points()
    {
        await using var panel = await DeviceSimulatorProcess.StartAsync("pjlink", "cf-pjlink-sim", ["--class", "2", "--lamp-hours", "1234"]);
        await using var projector = await DeviceSimulatorProcess.StartAsync("pjlink", "cf-pjlink-sim", ["--class", "1"]);
        await using var recorder = await DeviceSimulatorProcess.StartAsync("rtsp-onvif", "cf-rtsp-onvif-sim", []);
        await using var iperf3 = await Iperf3Process.StartAsync();
        var schoolFile = Path.Combine(_folder, "school.yaml");
        await File.WriteAllTextAsync(schoolFile, $$"""
            schema: classroomfleet.school/v1
            county: "410323"
            school: "4141032301"
            name: 新安县第一实验小学
            category: urban
            urban_rural_code: "111"
            classes: { count: 24, as_of: 2026-09-01 }
            rooms:
              - { id: net, name: 网络机房, type: network }
              - { id: r101, name: 一年级一班, type: ordinary }
              - { id: rec, name: 录播教室, type: recording }
              - { id: lab, name: 计算机教室, type: computer_lab }
              - { id: office, name: 教师办公室, type: office }
            devices:
              - id: sw-core-1
                kind: switch
                room: net
                address: "{{ServiceEndpoints.Snmpsim}}"
                interval: 1s
                snmp: { version: v2c, credential: core-ro }
                uplinks: [Gi1/0/49]
              - id: panel-101
                kind: panel
                room: r101
                address: 127.0.0.1
                interval: 1s
                pjlink: { port: {{panel.Port}} }
              - id: projector-101
                kind: projector
                room: r101
                address: 127.0.0.1
                interval: 1s
                pjlink: { port: {{projector.Port}} }
              - id: rec-1
                kind: recorder
                room: rec
                address: 127.0.0.1
                interval: 1s
                rtsp: { port: {{recorder.Port}}, path: /live/main }
                onvif: { port: {{recorder.Port}} }
              - id: pcs-lab
                kind: student_pc
                room: lab
                interval: 1s
                switch: sw-core-1
                macs: [02:cf:00:01:00:01, 02:cf:00:01:00:02, 02:cf:00:01:00:28]
              - id: pcs-office
                kind: teacher_pc
                room: office
                interval: 1s
                hosts: [127.0.0.1-2]
              - id: pc-head
                kind: pc
                room: office
                address: 127.0.0.1
                interval: 1s
              - id: probe-1
                kind: probe
                room: net
                interval: 1h
                probe: { method: iperf3, server: "{{iperf3.Endpoint}}", streams: 2, duration: 1s, direction: both, windows: ["00:00-23:59"], spread: 1s }
            """);

        var sink = new RecordingSink();
        var (mqttHost, mqttPort) = ServiceEndpoints.Mqtt;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agent:SchoolFile"] = schoolFile,
            ["Agent:AgentId"] = "host-test-agent",
            ["Agent:StateDirectory"] = Path.Combine(_folder, "state"),
            ["Agent:HealthEndpoint"] = "",
            ["Agent:Jitter"] = "0",
            ["Credentials:core-ro:Community"] = "school-core",
            ["Mqtt:Host"] = mqttHost,
            ["Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "host-test-" + Guid.NewGuid().ToString("N")[..8],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddAgent();
        builder.Services.AddSingleton<ITelemetrySink>(sink);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            string[] devices = ["sw-core-1", "panel-101", "projector-101", "rec-1", "pcs-lab", "pcs-office", "pc-head", "probe-1"];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!devices.All(d => Succeeded(sink, d)) && !timeout.IsCancellationRequested)
            {
                await Task.Delay(200, CancellationToken.None);
            }

            var missing = devices.Where(d => !Succeeded(sink, d)).Select(d => $"{d}: {sink.Outcomes.LastOrDefault(o => o.Device == d)?.Error ?? "never polled"}");
            Assert.True(devices.All(d => Succeeded(sink, d)), "devices without a successful poll: " + string.Join("; ", missing));

            Assert.Contains(Points(sink, "sw-core-1"), p => p.Measurement == "uplink" && p.Tags!["if_name"] == "Gi1/0/49" && p.Floats!.ContainsKey("in_bps"));
            Assert.Contains(Points(sink, "panel-101"), p => p.Measurement == "panel" && p.Integers!["lamp_hours"] == 1234);
            Assert.Contains(Points(sink, "projector-101"), p => p.Measurement == "panel");
            Assert.Contains(Points(sink, "rec-1"), p => p.Measurement == "recorder" && p.Booleans!["stream_live"]);
            Assert.Contains(Points(sink, "pcs-lab"), p => p.Measurement == "pc" && p.Integers!["present"] == 2 && p.Integers["registered"] == 3);
            Assert.Contains(Points(sink, "pcs-office"), p => p.Measurement == "pc" && p.Integers!["present_icmp"] == 2);
            Assert.Contains(Points(sink, "pc-head"), p => p.Measurement == "pc" && p.Integers!["present"] == 1);
            Assert.Contains(Points(sink, "probe-1"), p => p.Measurement == "uplink" && p.Tags!["method"] == "iperf3" && p.Floats!["down_bps"] > 0);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static bool Succeeded(RecordingSink sink, string device) =>
        sink.Outcomes.Any(o => o.Device == device && o.Error is null && o.Points.Any(p => p.Measurement != "device"));

    private static IEnumerable<Contracts.Messages.TelemetryPoint> Points(RecordingSink sink, string device) =>
        sink.Outcomes.Where(o => o.Device == device && o.Error is null).SelectMany(o => o.Points);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
