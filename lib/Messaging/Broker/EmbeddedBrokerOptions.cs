using ClassroomFleet.Messaging.Authorization;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>
/// Options of the in-process broker (section <c>Mqtt:EmbeddedBroker</c>) for single-site installs and the quick start.
/// Users come from a mosquitto password file; roles (fleet/admin) from <see cref="Roles"/>; school users are recognised
/// by their name <c>&lt;10-digit school code&gt;</c>. The defaults mirror provisioning/mosquitto/mosquitto.conf.
/// </summary>
public sealed class EmbeddedBrokerOptions
{
    public const string SectionName = "Mqtt:EmbeddedBroker";

    /// <summary>mosquitto's <c>message_size_limit</c> in the production configuration.</summary>
    public const int DefaultMessageSizeLimit = 262_144;

    /// <summary>mosquitto's <c>max_queued_messages</c> in the production configuration.</summary>
    public const int DefaultMaxPendingMessagesPerClient = 100_000;

    public bool Enabled { get; set; }

    /// <summary>The plain listener. 127.0.0.1 also listens on ::1, 0.0.0.0 also on ::, any other address on itself only.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>An optional second listener with TLS, for schools connecting across the network (mosquitto: 8883).</summary>
    public EmbeddedBrokerTlsOptions Tls { get; set; } = new();

    /// <summary>mosquitto_passwd format; required unless <see cref="AllowAnonymous"/>. Reloaded when the file changes.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>How often the password file is checked for changes (mosquitto reloads it on SIGHUP); zero turns reloading off.</summary>
    public TimeSpan PasswordFileReloadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>User name → role (Fleet or Admin).</summary>
    public Dictionary<string, BrokerRole> Roles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// For tests and demos only: anonymous clients are let in with the role <see cref="BrokerRole.Fleet"/>. Refused at
    /// start unless every listener is bound to a loopback address.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// Largest accepted payload in bytes (mosquitto: <c>message_size_limit</c>); a larger publish is acknowledged with
    /// reason 149 and not forwarded, as mosquitto 2.0 does. Zero means no limit.
    /// </summary>
    public int MessageSizeLimit { get; set; } = DefaultMessageSizeLimit;

    /// <summary>Per-client queue for offline persistent sessions (mosquitto: max_queued_messages).</summary>
    public int MaxPendingMessagesPerClient { get; set; } = DefaultMaxPendingMessagesPerClient;
}
