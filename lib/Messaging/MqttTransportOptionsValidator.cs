using Microsoft.Extensions.Options;

namespace ClassroomFleet.Messaging;

/// <summary>Reports every problem of <see cref="MqttTransportOptions"/> at once, each with its configuration key.</summary>
public sealed class MqttTransportOptionsValidator : IValidateOptions<MqttTransportOptions>
{
    private readonly string _section;

    public MqttTransportOptionsValidator(string section = MqttTransportOptions.SectionName) => _section = section;

    public ValidateOptionsResult Validate(string? name, MqttTransportOptions options)
    {
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public List<string> Errors(MqttTransportOptions options)
    {
        var errors = new List<string>();
        void Fail(string key, string problem) => errors.Add($"{_section}:{key} {problem}");

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            Fail("Host", "is required");
        }

        if (options.Port is < 1 or > 65535)
        {
            Fail("Port", $"must be 1..65535 (was {options.Port})");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            Fail("ClientId", "is required: a persistent session is found again by its client id");
        }
        else if (options.ClientId.Length > 65535 || options.ClientId.Contains('/', StringComparison.Ordinal)
            || options.ClientId.Contains('+', StringComparison.Ordinal) || options.ClientId.Contains('#', StringComparison.Ordinal))
        {
            Fail("ClientId", "must not contain '/', '+' or '#'");
        }

        if (options.ProtocolVersion is not ("5.0" or "3.1.1"))
        {
            Fail("ProtocolVersion", $"must be \"5.0\" or \"3.1.1\" (was \"{options.ProtocolVersion}\")");
        }

        if (options.SessionExpiry < TimeSpan.Zero || options.SessionExpiry.TotalSeconds > uint.MaxValue)
        {
            Fail("SessionExpiry", "must be between 0 and 4294967295 seconds");
        }
        else if (!options.CleanStart && options.SessionExpiry < TimeSpan.FromSeconds(1))
        {
            // MQTT 5.0 §3.1.2.11.2: expiry 0 ends the session when the connection closes, so "persistent" would be a lie.
            Fail("SessionExpiry", "must be at least 1 second when CleanStart is false (a persistent session needs an expiry)");
        }

        if (options.KeepAlive < TimeSpan.Zero || options.KeepAlive.TotalSeconds > ushort.MaxValue)
        {
            Fail("KeepAlive", "must be between 0 and 65535 seconds");
        }

        if (options.CommunicationTimeout <= TimeSpan.Zero)
        {
            Fail("CommunicationTimeout", "must be positive");
        }

        // §2.2.3: a fixed header plus a 4-byte remaining length cannot exceed 268435460 bytes.
        if (options.MaximumPacketSize is < 128 or > 268_435_460)
        {
            Fail("MaximumPacketSize", $"must be 128..268435460 bytes (was {options.MaximumPacketSize})");
        }

        if (options.ReceiveMaximum is < 1 or > 65535)
        {
            Fail("ReceiveMaximum", $"must be 1..65535 (was {options.ReceiveMaximum})");
        }

        if (options.SocketBufferBytes is < 4096 or > 16 * 1024 * 1024)
        {
            Fail("SocketBufferBytes", $"must be 4096..16777216 bytes (was {options.SocketBufferBytes})");
        }

        if (options.OutgoingQueueCapacity < 1)
        {
            Fail("OutgoingQueueCapacity", "must be at least 1");
        }

        if (options.MaximumInflight is < 1 or > 65535)
        {
            Fail("MaximumInflight", "must be 1..65535");
        }

        if (options.ReconnectMinDelay <= TimeSpan.Zero)
        {
            Fail("ReconnectMinDelay", "must be positive");
        }

        if (options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            Fail("ReconnectMaxDelay", "must not be less than ReconnectMinDelay");
        }

        if (options.RepublishAfterLoss is < 0 or > 65535)
        {
            Fail("RepublishAfterLoss", "must be 0..65535");
        }
        else if (options.RepublishAfterLoss > 0 && options.RepublishAfterLoss < options.MaximumInflight)
        {
            // Acknowledgements are processed out of order within the in-flight window, so a smaller memory can miss the
            // newest one, the message the broker may have lost.
            Fail("RepublishAfterLoss", $"must be 0 (off) or at least MaximumInflight ({options.MaximumInflight})");
        }

        if (options.RepublishAfterLossWindow < TimeSpan.Zero || options.RepublishAfterLossWindow > TimeSpan.FromMinutes(1))
        {
            Fail("RepublishAfterLossWindow", "must be 0..1 minute");
        }

        if (options.HandlerTimeout <= TimeSpan.Zero)
        {
            Fail("HandlerTimeout", "must be positive");
        }

        ValidateTls(options.Tls, Fail);
        ValidateWill(options.Will, Fail);
        return errors;
    }

    private static void ValidateTls(MqttTlsOptions tls, Action<string, string> fail)
    {
        if (!string.IsNullOrEmpty(tls.CaFile) && !File.Exists(tls.CaFile))
        {
            fail("Tls:CaFile", $"does not exist: {tls.CaFile}");
        }

        var hasCert = !string.IsNullOrEmpty(tls.ClientCertFile);
        var hasKey = !string.IsNullOrEmpty(tls.ClientKeyFile);
        if (hasCert != hasKey)
        {
            fail(hasCert ? "Tls:ClientKeyFile" : "Tls:ClientCertFile", "is required when the other half of the client certificate is given");
        }

        if (hasCert && !File.Exists(tls.ClientCertFile))
        {
            fail("Tls:ClientCertFile", $"does not exist: {tls.ClientCertFile}");
        }

        if (hasKey && !File.Exists(tls.ClientKeyFile))
        {
            fail("Tls:ClientKeyFile", $"does not exist: {tls.ClientKeyFile}");
        }

        if ((hasCert || hasKey) && !tls.IsActive)
        {
            fail("Tls:Enabled", "must be true when a client certificate is configured");
        }
    }

    private static void ValidateWill(MqttWillOptions will, Action<string, string> fail)
    {
        if (string.IsNullOrEmpty(will.Topic))
        {
            return;
        }

        if (will.Topic.Contains('+', StringComparison.Ordinal) || will.Topic.Contains('#', StringComparison.Ordinal))
        {
            fail("Will:Topic", "must not contain wildcards");
        }

        if (!Enum.IsDefined(will.Qos))
        {
            fail("Will:Qos", "must be AtMostOnce, AtLeastOnce or ExactlyOnce");
        }
    }
}
