namespace ClassroomFleet.Messaging;

/// <summary>TLS for the broker connection. Enabled when <see cref="Enabled"/> is true or a <see cref="CaFile"/> is given.</summary>
public sealed class MqttTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>PEM file with the CA certificate(s) the broker's certificate must chain to. Empty: the system store.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate for mutual TLS; needs <see cref="ClientKeyFile"/>.</summary>
    public string? ClientCertFile { get; set; }

    /// <summary>PEM private key (PKCS#8 or RSA/EC) of the client certificate.</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>Name expected in the broker's certificate; defaults to the host.</summary>
    public string? TargetHost { get; set; }

    internal bool IsActive => Enabled || !string.IsNullOrEmpty(CaFile);
}
