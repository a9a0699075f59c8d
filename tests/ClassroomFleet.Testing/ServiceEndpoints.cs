using System.Net;

namespace ClassroomFleet.Testing;

/// <summary>
/// Where the real servers started by <c>scripts/services.sh up</c> listen. The script prints these variables
/// (<c>eval "$(scripts/services.sh env)"</c>); <c>scripts/test.sh</c> exports them before <c>dotnet test</c>.
/// A test that needs a server and finds no variable fails with a message saying how to start it: integration tests
/// are never skipped silently.
/// </summary>
public static class ServiceEndpoints
{
    /// <summary>mosquitto, anonymous listener (CF_MQTT_HOST / CF_MQTT_PORT).</summary>
    public static (string Host, int Port) Mqtt => (Required("CF_MQTT_HOST"), int.Parse(Required("CF_MQTT_PORT"), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>influxd HTTP base address, v1 API (CF_INFLUX_URL).</summary>
    public static Uri Influx => new(Required("CF_INFLUX_URL"));

    /// <summary>net-snmp snmpd with v2c community <c>public</c> and the v3 users listed in scripts/services.sh (CF_SNMPD_ENDPOINT).</summary>
    public static IPEndPoint Snmpd => IPEndPoint.Parse(Required("CF_SNMPD_ENDPOINT"));

    /// <summary>snmpsim serving simulators/snmpsim/data; the community selects the data file (CF_SNMPSIM_ENDPOINT).</summary>
    public static IPEndPoint Snmpsim => IPEndPoint.Parse(Required("CF_SNMPSIM_ENDPOINT"));

    /// <summary>The first of the PJLink emulators' consecutive ports, 10 per simulated school (CF_PJLINK_PORT).</summary>
    public static int PjlinkPort => int.Parse(Required("CF_PJLINK_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first of the RTSP/ONVIF recorder emulators' consecutive ports, 2 per simulated school (CF_RECORDER_PORT).</summary>
    public static int RecorderPort => int.Parse(Required("CF_RECORDER_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The HTTP bandwidth probe target (CF_PROBE_URL).</summary>
    public static Uri ProbeUrl => new(Required("CF_PROBE_URL"));

    /// <summary>
    /// A PostgreSQL superuser's Npgsql connection string to the database <c>postgres</c> (CF_POSTGRES_CONNECTION); tests create
    /// and drop databases of their own with it.
    /// </summary>
    public static string PostgresConnection => Required("CF_POSTGRES_CONNECTION");

    /// <summary>The folder holding the services' state, logs and PID files (CF_SERVICES_DIR).</summary>
    public static string StateDirectory => Required("CF_SERVICES_DIR");

    public static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Environment variable {name} is not set. Start the local servers first: eval \"$(scripts/services.sh up)\" (or run scripts/test.sh).");
}
