using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Devices.Recorder;
using ClassroomFleet.Agent.Devices.Recorder.Onvif;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Snmp;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Agent.Tests.Devices.Recorder;

[Trait("Category", "Integration")]
[Trait("requires", "rtsp-onvif-simulator")]
public sealed class RecorderPollerTests : IAsyncDisposable
{
    private readonly SnmpClient _snmp = new(new SnmpClientOptions());
    private readonly HttpClient _http = DeviceHttp.Create();

    [Fact]
    public async Task A_Live_Recorder_Yields_Stream_Identity_And_Clock_Offset()
    {
        await using var sim = await StartAsync("--user", "admin", "--password", "rec-pass", "--clock-offset", "120");
        var poller = Poller("rec-pass", out _);

        var point = Assert.Single(await poller.PollAsync(Device(sim.Port)));

        Assert.Equal("recorder", point.Measurement);
        Assert.Equal(200, point.Integers!["rtsp_status"]);
        Assert.True(point.Booleans!["stream_live"]);
        Assert.Equal(2, point.Integers["media_count"]);
        Assert.Equal("H264", point.Strings!["video_codec"]);
        Assert.True(point.Booleans["onvif_ok"]);
        Assert.InRange(point.Floats!["clock_offset_s"], 118, 122);
        Assert.Equal("RX-200 Recorder", point.Strings["model"]);
        Assert.Equal("RX200-0042", point.Strings["serial"]);
        Assert.Equal("V5.6.1 build 251001", point.Strings["firmware"]);
        Assert.False(point.Strings.ContainsKey("rtsp_error"));
        Assert.False(point.Strings.ContainsKey("onvif_error"));
    }

    [Fact]
    public async Task A_Server_That_Answers_Without_Media_Is_Not_A_Live_Stream()
    {
        await using var sim = await StartAsync("--no-stream");
        var point = Assert.Single(await Poller(null, out _).PollAsync(Device(sim.Port, credential: null)));

        Assert.Equal(200, point.Integers!["rtsp_status"]);
        Assert.False(point.Booleans!["stream_live"]);
        Assert.Equal(0, point.Integers["media_count"]);
        Assert.Equal("ok", await sim.ControlAsync("stream on"));
        var again = Assert.Single(await Poller(null, out _).PollAsync(Device(sim.Port, credential: null)));
        Assert.True(again.Booleans!["stream_live"]);
    }

    [Fact]
    public async Task A_Wrong_Password_Shows_As_401_And_An_Onvif_Authentication_Error()
    {
        await using var sim = await StartAsync("--user", "admin", "--password", "rec-pass");
        var point = Assert.Single(await Poller("wrong", out _).PollAsync(Device(sim.Port)));

        Assert.Equal(401, point.Integers!["rtsp_status"]);
        Assert.False(point.Booleans!["stream_live"]);
        Assert.True(point.Booleans["onvif_ok"]);
        Assert.Contains("NotAuthorized", point.Strings!["onvif_error"], StringComparison.Ordinal);
        Assert.False(point.Strings.ContainsKey("model"));
    }

    [Fact]
    public async Task Malformed_Sdp_And_Soap_Are_Rejected_Counted_And_Do_Not_Crash()
    {
        await using var sim = await StartAsync();
        await sim.ControlAsync("sdp garbage");
        await sim.ControlAsync("soap garbage");
        var poller = Poller(null, out _);

        var ex = await Assert.ThrowsAsync<RecorderUnreachableException>(() => poller.PollAsync(Device(sim.Port, credential: null)));
        Assert.Contains("SDP", ex.Message, StringComparison.Ordinal);
        Assert.Contains("XML", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, poller.MalformedAnswers);

        await sim.ControlAsync("sdp ok");
        var point = Assert.Single(await poller.PollAsync(Device(sim.Port, credential: null)));
        Assert.True(point.Booleans!["stream_live"]);
        Assert.False(point.Booleans["onvif_ok"]);
        Assert.Contains("XML", point.Strings!["onvif_error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_Answering_Fails_The_Poll_Naming_Both_Protocols()
    {
        int port;
        await using (var sim = await StartAsync())
        {
            port = sim.Port;
        }

        var ex = await Assert.ThrowsAsync<RecorderUnreachableException>(() => Poller(null, out _).PollAsync(Device(port, credential: null)));
        Assert.Contains("RTSP: cannot connect", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ONVIF: GetSystemDateAndTime", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Onvif_Client_Reads_The_Device_Clock_Directly()
    {
        await using var sim = await StartAsync("--clock-offset", "-3600");
        var client = new OnvifClient(_http, TimeProvider.System);
        var clock = await client.GetSystemDateAndTimeAsync(new Uri($"http://127.0.0.1:{sim.Port}/onvif/device_service"), TimeSpan.FromSeconds(5));
        Assert.InRange(clock.Offset.TotalSeconds, -3602, -3598);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _snmp.DisposeAsync();
    }

    private static Task<DeviceSimulatorProcess> StartAsync(params string[] arguments) =>
        DeviceSimulatorProcess.StartAsync("rtsp-onvif", "cf-rtsp-onvif-sim", arguments);

    private static DeviceEntry Device(int port, string? credential = "recorder") => new()
    {
        Id = "rec-1",
        Kind = "recorder",
        Address = "127.0.0.1",
        Rtsp = new RtspEntry { Port = port, Path = "/live/main", Credential = credential },
        Onvif = new OnvifEntry { Port = port, Credential = credential },
    };

    private RecorderPoller Poller(string? password, out IConfiguration configuration)
    {
        configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Credentials:recorder:User"] = "admin",
            ["Credentials:recorder:Password"] = password,
        }).Build();
        return new RecorderPoller(
            DeviceProfileCatalog.BuiltIn,
            new DeviceCredentials(configuration),
            new OnvifClient(_http, TimeProvider.System),
            new HostResourcesReader(_snmp, new CredentialStore(configuration)),
            TimeProvider.System,
            NullLogger<RecorderPoller>.Instance);
    }
}
