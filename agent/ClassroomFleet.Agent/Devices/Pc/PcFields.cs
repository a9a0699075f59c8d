using System.Net.NetworkInformation;
using ClassroomFleet.Agent.Devices.Switch.Tables;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Devices.Pc;

/// <summary>The fields of one <c>pc</c> point: registered, present, absent, and how presence was established.</summary>
internal sealed class PcFields(int registered)
{
    private readonly Dictionary<string, long> _integers = new() { ["registered"] = registered };

    public Dictionary<string, string> Strings { get; } = [];

    private readonly Dictionary<string, double> _floats = [];

    public bool CountedByTables { get; private set; }

    public void AddTables(IReadOnlyList<PhysicalAddress> macs, SwitchTables tables, int absentListLimit)
    {
        int present = 0, inFdb = 0, inArp = 0;
        var absent = new List<string>();
        foreach (var mac in macs)
        {
            var fdb = tables.PortByMac.ContainsKey(mac);
            var arp = tables.AddressByMac.ContainsKey(mac);
            inFdb += fdb ? 1 : 0;
            inArp += arp ? 1 : 0;
            if (fdb || arp)
            {
                present++;
            }
            else if (absent.Count < absentListLimit)
            {
                absent.Add(MacAddressText.Format(mac));
            }
        }

        CountedByTables = true;
        Strings["method"] = "switch_tables";
        _integers["present"] = present;
        _integers["absent"] = macs.Count - present;
        _integers["present_fdb"] = inFdb;
        _integers["present_arp"] = inArp;
        if (absent.Count > 0)
        {
            Strings["absent_macs"] = string.Join(',', absent);
        }
    }

    public void AddEchoes(IReadOnlyList<IcmpResult> echoes)
    {
        var reached = echoes.Where(e => e.Reachable).ToList();
        Strings["method"] = "icmp";
        _integers["present"] = reached.Count;
        _integers["absent"] = echoes.Count - reached.Count;
        _integers["present_icmp"] = reached.Count;
        if (reached.Count > 0 && reached.Average(e => e.RoundTripMs ?? 0) is var rtt)
        {
            _floats["rtt_ms_avg"] = Math.Round(rtt, 3);
        }
    }

    public TelemetryPoint ToPoint(string measurement, long timestampNs) => new()
    {
        Measurement = measurement,
        TimestampNs = timestampNs,
        Integers = _integers,
        Floats = _floats.Count > 0 ? _floats : null,
        Strings = Strings.Count > 0 ? Strings : null,
    };
}
