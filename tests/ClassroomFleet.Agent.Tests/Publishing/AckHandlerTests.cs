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
    private readonly AckHandler _handler;

    public AckHandlerTests()
    {
        _outbox = new MemoryOutbox(new OutboxOptions(), _time);
        _handler = new AckHandler(_transport, _outbox, Options.Create(new AgentOptions { AgentId = "gw-1" }), NullLogger<AckHandler>.Instance);
    }

    public async ValueTask DisposeAsync() => await _transport.DisposeAsync();

    [Fact]
    public async Task Stored_Sequences_Leave_Rejected_Ones_Are_Counted_And_Other_Agents_Acks_Are_Ignored()
    {
        var a = await Append();
        var b = await Append();
        var c = await Append();

        await Handle($"{{\"schema\":1,\"agent\":\"gw-2\",\"stored\":[{a},{b},{c}]}}");
        Assert.Equal(3, _outbox.GetStats().Depth);

        await Handle($"{{\"schema\":1,\"agent\":\"gw-1\",\"stored\":[{a}],\"rejected\":[{{\"seq\":{b},\"reason\":\"field type conflict\"}}]}}");

        var stats = _outbox.GetStats();
        Assert.Equal(1, stats.Depth);
        Assert.Equal(1, stats.Acknowledged);
        Assert.Equal(1, stats.Dropped[DropReason.Rejected]);
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
