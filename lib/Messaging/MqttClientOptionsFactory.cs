using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace ClassroomFleet.Messaging;

/// <summary>Turns validated <see cref="MqttTransportOptions"/> into MQTTnet client options.</summary>
internal static class MqttClientOptionsFactory
{
    public static MqttClientOptions Create(MqttTransportOptions options)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.ClientId)
            .WithProtocolVersion(options.IsVersion311 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500)
            .WithCleanStart(options.CleanStart)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(options.CommunicationTimeout);

        if (!options.IsVersion311)
        {
            builder = builder
                .WithSessionExpiryInterval((uint)options.SessionExpiry.TotalSeconds)
                .WithMaximumPacketSize((uint)options.MaximumPacketSize)
                .WithReceiveMaximum((ushort)options.ReceiveMaximum)
                .WithRequestProblemInformation(true);
        }

        if (!string.IsNullOrEmpty(options.Username))
        {
            builder = builder.WithCredentials(options.Username, options.Password ?? "");
        }

        if (!string.IsNullOrEmpty(options.Will.Topic))
        {
            builder = builder
                .WithWillTopic(options.Will.Topic)
                .WithWillPayload(Encoding.UTF8.GetBytes(options.Will.Payload))
                .WithWillRetain(options.Will.Retain)
                .WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)options.Will.Qos);
        }

        if (options.Tls.IsActive)
        {
            builder = builder.WithTlsOptions(CreateTls(options));
        }

        var built = builder.Build();
        ((MqttClientTcpOptions)built.ChannelOptions).BufferSize = options.SocketBufferBytes;
        return built;
    }

    private static MqttClientTlsOptions CreateTls(MqttTransportOptions options)
    {
        var tls = options.Tls;
        var builder = new MqttClientTlsOptionsBuilder()
            .UseTls(true)
            .WithTargetHost(string.IsNullOrEmpty(tls.TargetHost) ? options.Host : tls.TargetHost);

        if (!string.IsNullOrEmpty(tls.CaFile))
        {
            var trusted = new X509Certificate2Collection();
            trusted.ImportFromPemFile(tls.CaFile);
            builder = builder.WithCertificateValidationHandler(args => ChainsToTrustedCa(args, trusted));
        }

        if (!string.IsNullOrEmpty(tls.ClientCertFile) && !string.IsNullOrEmpty(tls.ClientKeyFile))
        {
            var certificate = X509Certificate2.CreateFromPemFile(tls.ClientCertFile, tls.ClientKeyFile);
            builder = builder.WithClientCertificates([certificate]);
        }

        return builder.Build();
    }

    // Trust only the configured CA: the system store is not consulted, and the host name must still match.
    private static bool ChainsToTrustedCa(MqttClientCertificateValidationEventArgs args, X509Certificate2Collection trusted)
    {
        if ((args.SslPolicyErrors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0
            || args.Certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (args.Chain is not null)
        {
            foreach (var element in args.Chain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(args.Certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
