using System.Net;

namespace ClassroomFleet.Snmp;

/// <summary>One agent and how to talk to it. Immutable; share one instance per device.</summary>
public sealed record SnmpTarget
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);
    public const int DefaultRetries = 1;
    public const int DefaultMaxRepetitions = 25;

    public SnmpTarget(IPEndPoint endpoint, SnmpVersion version = SnmpVersion.V2c, string community = "public")
    {
        Endpoint = endpoint;
        Version = version;
        Community = community;
    }

    public IPEndPoint Endpoint { get; init; }

    public SnmpVersion Version { get; init; }

    /// <summary>The community string for v1 and v2c (RFC 1901); ignored for v3.</summary>
    public string Community { get; init; }

    /// <summary>The SNMPv3 user; required when <see cref="Version"/> is <see cref="SnmpVersion.V3"/>.</summary>
    public UsmCredentials? Credentials { get; init; }

    /// <summary>The SNMPv3 contextName (RFC 3411 §3.3.1); empty for the default context.</summary>
    public string ContextName { get; init; } = string.Empty;

    /// <summary>How long to wait for each attempt's answer.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Retransmissions after the first attempt; the same request-id is reused so a late answer still counts.</summary>
    public int Retries { get; init; } = DefaultRetries;

    /// <summary>
    /// The most one call (a GET, a whole walk, a whole table) may take, retries included; null for no limit beyond
    /// timeout × attempts per request. For a limit across all the calls of one device poll, pass an <see cref="SnmpBudget"/>.
    /// </summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>GETBULK max-repetitions for walks and tables (RFC 3416 §4.2.3).</summary>
    public int MaxRepetitions { get; init; } = DefaultMaxRepetitions;

    /// <summary>Walk with GETNEXT instead of GETBULK, for weak embedded agents. SNMPv1 always uses GETNEXT.</summary>
    public bool UseGetNext { get; init; }

    /// <summary>A pause between consecutive requests of one walk or table, to spare slow agents.</summary>
    public TimeSpan Pacing { get; init; } = TimeSpan.Zero;

    public override string ToString() => $"{Endpoint} ({Version})";
}
