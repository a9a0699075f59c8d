using ClassroomFleet.Messaging.Authorization;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>
/// Options of the in-process broker (section <c>Mqtt:EmbeddedBroker</c>) for single-site installs and the quick start.
/// Users come from a mosquitto password file; roles (fleet/admin) from <see cref="Roles"/>; school users are recognised
/// by their name <c>&lt;10-digit school code&gt;</c>.
/// </summary>
public sealed class EmbeddedBrokerOptions
{
    public const string SectionName = "Mqtt:EmbeddedBroker";

    public bool Enabled { get; set; }

    public string BindAddress { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>mosquitto_passwd format; required unless <see cref="AllowAnonymous"/>.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>User name → role (Fleet or Admin).</summary>
    public Dictionary<string, BrokerRole> Roles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>For tests and demos only: anonymous clients are let in with the role <see cref="BrokerRole.Fleet"/>.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Per-client queue for offline persistent sessions (mosquitto: max_queued_messages).</summary>
    public int MaxPendingMessagesPerClient { get; set; } = 100_000;
}
