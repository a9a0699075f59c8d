namespace ClassroomFleet.Messaging.Broker;

/// <summary>The embedded broker's TLS listener (section <c>Mqtt:EmbeddedBroker:Tls</c>): a PEM certificate and key.</summary>
public sealed class EmbeddedBrokerTlsOptions
{
    public bool Enabled { get; set; }

    public string BindAddress { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 8883;

    /// <summary>PEM server certificate, optionally followed by its intermediate certificates.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="CertificateFile"/> (PKCS#8, RSA or EC).</summary>
    public string? KeyFile { get; set; }
}
