using System.Globalization;
using System.Text;

namespace ClassroomFleet.Messaging.Tests.Brokers;

/// <summary>
/// provisioning/mosquitto/mosquitto.conf made runnable in a test: every setting kept as written, except the file
/// paths (password file, ACL, certificates, persistence folder, log) and the listeners' ports. The listener without
/// a certificate (production 1883, the fleet's) becomes the <see cref="ClassroomFleet.Testing.MosquittoProcess"/>'s own
/// listener; the one with a certificate (production 8883, the schools') is moved to <c>schoolPort</c> with the test's
/// certificates and keeps its other options (use_username_as_clientid...).
/// </summary>
public static class ProductionMosquittoConfig
{
    private static readonly string[] Replaced = ["user", "password_file", "acl_file", "persistence_location", "log_dest"];

    public static string Adapt(string production, string passwordFile, string aclFile, int schoolPort, TestCertificates certificates)
    {
        var globals = new List<string>();
        var listeners = new List<List<string>>();
        foreach (var raw in production.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var key = line.Split(' ', 2)[0];
            if (key == "listener")
            {
                listeners.Add([line]);
            }
            else if (listeners.Count > 0)
            {
                listeners[^1].Add(line);
            }
            else if (!Replaced.Contains(key))
            {
                globals.Add(line);
            }
        }

        var schools = listeners.SingleOrDefault(l => l.Any(o => o.StartsWith("certfile ", StringComparison.Ordinal)))
            ?? throw new InvalidOperationException("mosquitto.conf has no TLS listener for the schools");
        var config = new StringBuilder();
        foreach (var line in globals)
        {
            config.Append(line).Append('\n');
        }

        config.Append(CultureInfo.InvariantCulture, $"password_file {passwordFile}\nacl_file {aclFile}\n");
        config.Append(CultureInfo.InvariantCulture, $"listener {schoolPort} 127.0.0.1\n");
        foreach (var option in schools.Skip(1))
        {
            var key = option.Split(' ', 2)[0];
            config.Append(key switch
            {
                "cafile" => $"cafile {certificates.CaFile}",
                "certfile" => $"certfile {certificates.ServerCertFile}",
                "keyfile" => $"keyfile {certificates.ServerKeyFile}",
                _ => option,
            }).Append('\n');
        }

        return config.ToString();
    }
}
