using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ClassroomFleet.Messaging.Tests;

/// <summary>A throw-away CA with a server certificate for 127.0.0.1/localhost and a client certificate, as PEM files.</summary>
public sealed class TestCertificates
{
    private TestCertificates(string caFile, string serverCertFile, string serverKeyFile, string clientCertFile, string clientKeyFile)
    {
        CaFile = caFile;
        ServerCertFile = serverCertFile;
        ServerKeyFile = serverKeyFile;
        ClientCertFile = clientCertFile;
        ClientKeyFile = clientKeyFile;
    }

    public string CaFile { get; }

    public string ServerCertFile { get; }

    public string ServerKeyFile { get; }

    public string ClientCertFile { get; }

    public string ClientKeyFile { get; }

    public static TestCertificates Create(string directory, string prefix = "")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN=ClassroomFleet Test CA {prefix}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        var (serverCert, serverKey) = Issue(ca, "CN=127.0.0.1", san.Build(), new Oid("1.3.6.1.5.5.7.3.1"), 1);
        var (clientCert, clientKey) = Issue(ca, "CN=3301020001", null, new Oid("1.3.6.1.5.5.7.3.2"), 2);

        string Write(string name, string pem)
        {
            var path = Path.Combine(directory, prefix + name);
            File.WriteAllText(path, pem);
            return path;
        }

        return new TestCertificates(
            Write("ca.pem", ca.ExportCertificatePem()),
            Write("server.pem", serverCert),
            Write("server.key", serverKey),
            Write("client.pem", clientCert),
            Write("client.key", clientKey));
    }

    private static (string Certificate, string Key) Issue(X509Certificate2 ca, string subject, X509Extension? san, Oid usage, byte serial)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        // Within the CA's validity, which X509 requires (the CA was made a moment earlier: "now" has moved on since).
        using var certificate = request.Create(ca, ca.NotBefore.ToUniversalTime(), ca.NotAfter.ToUniversalTime().AddDays(-1), [serial, 0x42]);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
