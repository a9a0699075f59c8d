using System.Text;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Fleet.Ingest;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Fleet.Tests.Ingest;

public sealed class AgentStatusRecorderTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_Online_Status_Becomes_An_Agent_Status_Point_With_Numeric_Online_And_The_Versions()
    {
        var status = new AgentStatus
        {
            Agent = "gw-4141032301",
            Online = true,
            Version = "1.4.0",
            ConfigVersion = 7,
            OutboxDepth = 12,
            OutboxOldestAgeSeconds = 3.5,
        };

        Assert.Equal(
            "agent_status,county=410323,device=gw-4141032301,school=4141032301 online=1i,version=\"1.4.0\",config_version=7i,outbox_depth=12i,outbox_oldest_age_s=3.5 1796198400000000000\n",
            Line(status));
    }

    [Fact]
    public void A_Last_Will_Writes_Online_Zero_And_Only_What_It_Carries()
    {
        var will = new AgentStatus { Agent = "gw-4141032301", Online = false };

        Assert.Equal("agent_status,county=410323,device=gw-4141032301,school=4141032301 online=0i 1796198400000000000\n", Line(will));
    }

    private static string Line(AgentStatus status)
    {
        using var buffer = new LineProtocolBuffer();
        AgentStatusRecorder.Append(buffer, "410323", "4141032301", status, Received);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
