using System.Net;
using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Tests.Support;
using ClassroomFleet.Snmp.Transport;
using ClassroomFleet.Snmp.Usm;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Snmp.Tests.Usm;

/// <summary>
/// RFC 3414 §3.2 step 7b on a real authenticated, encrypted snmpd answer (Resources/Captures): whether the client
/// accepts it depends only on how its notion of the engine's boots/time compares with the message's.
/// </summary>
public sealed class UsmTimeWindowTests
{
    private static readonly UsmCredentials User = new("cfshaaes", AuthProtocol.Sha1, "authpass123", PrivProtocol.Aes128, "privpass123");
    private static readonly SocketAddress Agent = new IPEndPoint(IPAddress.Loopback, 11610).Serialize();

    private readonly byte[] _answer = Captures.Get("snmpd-v3-shaaes-004-response");
    private readonly V3Message _message;
    private readonly SnmpClientStatistics _statistics = new();
    private readonly ResponseDispatcher _dispatcher;
    private readonly UsmResponseHandler _handler;

    public UsmTimeWindowTests()
    {
        _message = V3Message.Parse(_answer);
        _dispatcher = new ResponseDispatcher(_statistics, NullLogger.Instance);
        _handler = new UsmResponseHandler(_dispatcher, _statistics, NullLogger.Instance);
    }

    private int Boots => _message.Security.EngineBoots;

    private int Time => _message.Security.EngineTime;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 149)] // our clock ran ahead, but by less than the window
    [InlineData(0, -500)] // the message is newer than anything we saw: adopted (step 7b.1)
    [InlineData(-1, 0)] // the engine rebooted since we synchronised: newer boots are adopted
    public void An_Answer_Inside_The_Window_Is_Accepted(int bootsOffset, int timeOffset)
    {
        var (pending, engine) = Expect(Boots + bootsOffset, Time + timeOffset);

        Assert.True(_handler.Handle(_answer, Agent));

        Assert.True(pending.Task.IsCompletedSuccessfully);
        Assert.Equal(0, _statistics.NotInTimeWindow);
        Assert.Equal(Boots, engine.Now().Boots);
    }

    [Theory]
    [InlineData(0, 151)] // more than 150 s older than our notion of the engine's time: maybe a replay
    [InlineData(0, 100_000)]
    [InlineData(1, 0)] // older boots than we know the engine has
    public void An_Answer_Outside_The_Window_Is_Dropped_And_Counted(int bootsOffset, int timeOffset)
    {
        var (pending, _) = Expect(Boots + bootsOffset, Time + timeOffset);

        Assert.True(_handler.Handle(_answer, Agent));

        Assert.False(pending.Task.IsCompleted);
        Assert.Equal(1, _statistics.NotInTimeWindow);
    }

    [Fact]
    public void An_Engine_Whose_Boots_Reached_The_Maximum_Accepts_Nothing()
    {
        var (pending, _) = Expect(int.MaxValue, Time);

        _handler.Handle(_answer, Agent);

        Assert.False(pending.Task.IsCompleted);
        Assert.Equal(1, _statistics.NotInTimeWindow);
    }

    private (PendingRequest Pending, EngineState Engine) Expect(int boots, int time)
    {
        var engineId = _message.Security.EngineId;
        var engine = new EngineState(engineId, boots, time);
        var requestId = ((Pdu)Captures.DecodeAny(_answer)!).RequestId;
        var pending = new PendingRequest(requestId, Agent, SnmpVersion.V3, new KeyCache().Get(User, engineId), engine);
        _dispatcher.Register(_message.MsgId, pending);
        return (pending, engine);
    }
}
