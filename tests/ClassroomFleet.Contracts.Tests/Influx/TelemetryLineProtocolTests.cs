using System.Text;
using ClassroomFleet.Contracts.Influx;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Contracts.Tests.Influx;

public class TelemetryLineProtocolTests
{
    private static string Line(TelemetryPoint point)
    {
        using var buffer = new LineProtocolBuffer();
        TelemetryLineProtocol.Append(buffer, "410323", "4141032301", "sw-core-1", point);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Tags_Of_The_Batch_And_The_Point_Are_Written_In_Key_Order_And_Fields_By_Type()
    {
        var line = Line(new TelemetryPoint
        {
            Measurement = "interface",
            TimestampNs = 1_763_800_000_000_000_001,
            Tags = new Dictionary<string, string> { ["zone"] = "b", ["room"] = "网络机房", ["if_name"] = "Gi1/0/1", ["alpha"] = "a" },
            Floats = new Dictionary<string, double> { ["in_bps"] = 2.5 },
            Integers = new Dictionary<string, long> { ["in_octets"] = 7 },
            Strings = new Dictionary<string, string> { ["alias"] = "上行 1" },
            Booleans = new Dictionary<string, bool> { ["oper_up"] = true },
        });

        Assert.Equal(
            "interface,alpha=a,county=410323,device=sw-core-1,if_name=Gi1/0/1,room=网络机房,school=4141032301,zone=b "
            + "in_bps=2.5,in_octets=7i,alias=\"上行 1\",oper_up=true 1763800000000000001\n",
            line);
    }

    [Fact]
    public void The_Batch_Names_The_County_School_And_Device_Even_When_The_Point_Carries_Those_Tags()
    {
        var line = Line(new TelemetryPoint
        {
            Measurement = "device",
            TimestampNs = 1,
            Tags = new Dictionary<string, string> { ["school"] = "4100000000", ["county"] = "999999", ["device"] = "other" },
            Floats = new Dictionary<string, double> { ["up"] = 1 },
        });

        Assert.Equal("device,county=410323,device=sw-core-1,school=4141032301 up=1 1\n", line);
    }

    [Fact]
    public void A_Point_Line_Protocol_Cannot_Carry_Is_Refused_And_Leaves_The_Lines_Before_It()
    {
        using var buffer = new LineProtocolBuffer();
        var good = new TelemetryPoint { Measurement = "device", TimestampNs = 1, Floats = new Dictionary<string, double> { ["up"] = 1 } };
        TelemetryLineProtocol.Append(buffer, "410323", "4141032301", "d", good);
        var bad = good with { Tags = new Dictionary<string, string> { ["room"] = "3\n2" } };

        Assert.Throws<ArgumentException>(() => TelemetryLineProtocol.Append(buffer, "410323", "4141032301", "d", bad));
        Assert.Equal(1, buffer.LineCount);
        Assert.Equal("device,county=410323,device=d,school=4141032301 up=1 1\n", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
