using System.Net;
using ClassroomFleet.Snmp.Pdus;

namespace ClassroomFleet.Snmp;

/// <summary>A trap or inform as received; <see cref="Principal"/> is the community (v1/v2c) or the USM user name (v3).</summary>
public sealed record SnmpNotification(
    NotificationKind Kind,
    SnmpVersion Version,
    IPEndPoint Source,
    string Principal,
    IReadOnlyList<Variable> Variables,
    TrapV1Pdu? V1Trap = null)
{
    /// <summary>snmpTrapOID.0 (RFC 3416 §4.2.6: the second binding of a v2 notification).</summary>
    public static readonly Oid SnmpTrapOidInstance = Oid.Parse("1.3.6.1.6.3.1.1.4.1.0");

    /// <summary>sysUpTime.0, the first binding of a v2 notification.</summary>
    public static readonly Oid SysUpTimeInstance = Oid.Parse("1.3.6.1.2.1.1.3.0");

    /// <summary>The notification's identity: snmpTrapOID.0 for v2/v3, or the v1 enterprise/generic/specific mapped per RFC 3584 §3.1.</summary>
    public Oid TrapOid
    {
        get
        {
            if (V1Trap is { } v1)
            {
                // RFC 3584 §3.1 (2): generic traps map to snmpTraps.(generic+1); enterprise-specific to enterprise.0.specific.
                return v1.GenericTrap == 6
                    ? v1.Enterprise.Append(0, (uint)v1.SpecificTrap)
                    : Oid.Parse("1.3.6.1.6.3.1.1.5").Append((uint)v1.GenericTrap + 1);
            }

            foreach (var variable in Variables)
            {
                if (variable.Oid == SnmpTrapOidInstance && variable.Value is ObjectIdentifier id)
                {
                    return id.Value;
                }
            }

            return Oid.Empty;
        }
    }
}
