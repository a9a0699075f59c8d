using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Server;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>Turns validated <see cref="EmbeddedBrokerOptions"/> into MQTTnet server options: the plain and the optional TLS listener.</summary>
internal static class BrokerServerOptionsFactory
{
    public static MqttServerOptions Create(EmbeddedBrokerOptions options)
    {
        var (v4, v6) = ListenerAddresses.For(IPAddress.Parse(options.BindAddress));
        var builder = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(v4)
            .WithDefaultEndpointBoundIPV6Address(v6)
            .WithDefaultEndpointPort(options.Port)
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(options.MaxPendingMessagesPerClient);

        if (options.Tls.Enabled)
        {
            var (tlsV4, tlsV6) = ListenerAddresses.For(IPAddress.Parse(options.Tls.BindAddress));
            builder = builder
                .WithEncryptedEndpoint()
                .WithEncryptedEndpointBoundIPAddress(tlsV4)
                .WithEncryptedEndpointBoundIPV6Address(tlsV6)
                .WithEncryptedEndpointPort(options.Tls.Port)
                .WithEncryptionCertificate(LoadCertificate(options.Tls))
                .WithEncryptionSslProtocol(SslProtocols.Tls12 | SslProtocols.Tls13);
        }

        return builder.Build();
    }

    private static X509Certificate2 LoadCertificate(EmbeddedBrokerTlsOptions tls)
    {
        // A key from PEM is ephemeral; SslStream wants it in a store-backed form, hence the round trip through PKCS#12.
        using var pem = X509Certificate2.CreateFromPemFile(tls.CertificateFile!, tls.KeyFile);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
