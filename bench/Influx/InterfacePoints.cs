using System.Globalization;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Bench.Influx;

/// <summary>
/// Interface counters as the fleet writes them: 100 schools × 20 switches × 50 ports = 100,000 points, each with five
/// tags (county, device, ifIndex, ifName, school) and six fields. Names are made once, so only the encoding is measured.
/// </summary>
internal sealed class InterfacePoints
{
    public const int Count = 100_000;

    private readonly string[] _schools = Names(100, i => $"县第{i}中学");
    private readonly string[] _devices = Names(20, i => $"sw-{i:D2}");
    private readonly string[] _ifNames = Names(50, i => $"GigabitEthernet1/0/{i + 1}");
    private readonly string[] _ifIndexes = Names(50, i => (i + 1).ToString(CultureInfo.InvariantCulture));

    public void WriteAll(LineProtocolBuffer buffer, bool sortedTags, long timestamp)
    {
        var n = 0;
        foreach (var school in _schools)
        {
            foreach (var device in _devices)
            {
                for (var port = 0; port < _ifNames.Length; port++)
                {
                    var line = buffer.Point("iface");
                    if (sortedTags)
                    {
                        line.Tag("county", "示范县").Tag("device", device).Tag("ifIndex", _ifIndexes[port]).Tag("ifName", _ifNames[port]).Tag("school", school);
                    }
                    else
                    {
                        line.Tag("school", school).Tag("ifName", _ifNames[port]).Tag("device", device).Tag("county", "示范县").Tag("ifIndex", _ifIndexes[port]);
                    }

                    line.Field("inOctets", 123_456_789_012L + n)
                        .Field("outOctets", 98_765_432_109L + n)
                        .Field("inErrors", (long)(n & 7))
                        .Field("inUtil", (n % 1000) / 1000.0)
                        .Field("operUp", (n & 1) == 0)
                        .Field("ifAlias", "三年级二班 教室")
                        .Timestamp(timestamp + n);
                    n++;
                }
            }
        }
    }

    private static string[] Names(int count, Func<int, string> name)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = name(i);
        }

        return names;
    }
}
