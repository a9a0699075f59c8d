using System.Text;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Agent.Tests.Outbox;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Tests.Publishing;

public sealed class AckHandlerTests : IAsyncDisposable
{
    private readonly ManualTime _time = new();
    private readonly MemoryOutbox _outbox;
    private readonly MqttTransport _transport = new(new MqttTransportOptions { ClientId = "unused" }, NullLogger<MqttTransport>.Instance);
    private readonly PublishCounters _counters = new();
    private readonly AckHandler _handler;

    public AckHandlerTests()
    {
        _outbox = new MemoryOutbox(new OutboxOptions(), _time);
        _handler = new AckHandler(_transport, _outbox, _counters, Options.Create(new AgentOptions { AgentId = "gw-1", FleetId = "county-fleet" }), NullLogger<AckHandler>.Instance);
    }

    public async ValueTask DisposeAsync() => await _transport.DisposeAsync();

    [Fact]
    public async Task Stored_Sequences_Leave_Rejected_Ones_Are_Counted_And_Other_Agents_Acks_Are_Ignored()
    {
        var a = await Append();
        var b = await Append();
        var c = await Append();

        await Handle($"{{\"schema\":1,\"agent\":\"gw-2\",\"fleet\":\"county-fleet\",\"stored\":[{a},{b},{c}]}}");
        Assert.Equal(3, _outbox.GetStats().Depth);

        await Handle($"{{\"schema\":1,\"agent\":\"gw-1\",\"fleet\":\"county-fleet\",\"stored\":[{a}],\"rejected\":[{{\"seq\":{b},\"reason\":\"field type conflict\"}}]}}");

        var stats = _outbox.GetStats();
        Assert.Equal(1, stats.Depth);
        Assert.Equal(1, stats.Acknowledged);
        Assert.Equal(1, stats.Dropped[DropReason.Rejected]);
        Assert.Equal(1, _counters.AcksOtherAgent);
        Assert.Equal(1, _counters.AcksApplied);
        Assert.Equal(2, _counters.AckedBatches);
        Assert.Equal(0, _counters.AckedUnknownBatches);
    }

    [Fact]
    public async Task An_Ack_From_Another_Or_No_Fleet_Is_Ignored_And_Counted_And_Leaves_The_Outbox_Untouched()
    {
        var a = await Append();
        var b = await Append();

        await Handle($"{{\"schema\":1,\"agent\":\"gw-1\",\"fleet\":\"rogue\",\"stored\":[{a},{b}]}}");
        await Handle($"{{\"schema\":1,\"agent\":\"gw-1\",\"stored\":[{a}],\"rejected\":[{{\"seq\":{b},\"reason\":\"x\"}}]}}");

        var stats = _outbox.GetStats();
        Assert.Equal(2, stats.Depth);
        Assert.Equal(0, stats.Acknowledged);
        Assert.Equal(0, stats.Dropped[DropReason.Rejected]);
        Assert.Equal(2, _counters.AcksForeignFleet);
        Assert.Equal(0, _counters.AcksApplied);

        // The fleet's own acknowledgement still works afterwards.
        await Handle($"{{\"schema\":1,\"agent\":\"gw-1\",\"fleet\":\"county-fleet\",\"stored\":[{a},{b}]}}");
        Assert.Equal(0, _outbox.GetStats().Depth);
    }

    [Fact]
    public async Task Sequences_The_Outbox_No_Longer_Holds_Are_Counted_As_Unknown()
    {
        var a = await Append();

        await Handle($"{{\"schema\":1,\"agent\":\"gw-1\",\"fleet\":\"county-fleet\",\"stored\":[{a},424242]}}");
        await Handle($"{{\"schema\":1,\"agent\":\"gw-1\",\"fleet\":\"county-fleet\",\"stored\":[{a}],\"rejected\":[{{\"seq\":777,\"reason\":\"x\"}}]}}");

        Assert.Equal(2, _counters.AcksApplied);
        Assert.Equal(1, _counters.AckedBatches);
        Assert.Equal(3, _counters.AckedUnknownBatches);
        Assert.Equal(1, _outbox.GetStats().Acknowledged);
        Assert.Equal(0, _outbox.GetStats().Dropped[DropReason.Rejected]);
    }

    [Fact]
    public async Task A_Malformed_Ack_Is_Counted_And_Changes_Nothing()
    {
        await Append();
        await Handle("{\"schema\":1,\"agent\":");
        await Handle("{\"schema\":9,\"agent\":\"gw-1\",\"stored\":[1]}");

        Assert.Equal(2, _handler.Malformed);
        Assert.Equal(1, _outbox.GetStats().Depth);
    }

    private async Task<long> Append() =>
        (await _outbox.AppendAsync(new OutboxAppend("sw-1", "switch", _time.GetUtcNow().ToUnixTimeMilliseconds(), "[]"u8.ToArray()))).Sequence;

    private Task Handle(string json) =>
        _handler.HandleAsync(new IncomingMessage("cf/v1/410323/4141032301/ack", Encoding.UTF8.GetBytes(json), false, null, null, null), CancellationToken.None);
}
