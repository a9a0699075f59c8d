using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Snmp.Tests.Support;

/// <summary>Runs the net-snmp command-line tools without MIBs and parses their numeric output.</summary>
internal static class NetSnmpCli
{
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        // Each run gets a state directory of its own: net-snmp tools read and rewrite snmpapp.conf (engine IDs, boots)
        // in the shared persistent directory, and parallel tests caught each other's half-written file there.
        var state = Directory.CreateTempSubdirectory("cf-netsnmp-");
        try
        {
            return await RunInAsync(state.FullName, tool, arguments);
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    private static async Task<string> RunInAsync(string stateDirectory, string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MIBS"] = ":";
        start.Environment["SNMP_PERSISTENT_DIR"] = stateDirectory;
        start.Environment["SNMPCONFPATH"] = stateDirectory;
        start.ArgumentList.Add("-m");
        start.ArgumentList.Add(string.Empty);
        // The shared agents also serve parallel tests on a loaded machine; net-snmp's default 1 s timeout is too tight.
        foreach (var option in new[] { "-t", "3", "-r", "3" })
        {
            start.ArgumentList.Add(option);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }

    /// <summary>Parses `-On -Ot` lines ("OID = TYPE: value") into OID, type and raw value bytes/text.</summary>
    public static List<(Oid Oid, SnmpType Type, string Value)> ParseWalk(string output)
    {
        var result = new List<(Oid, SnmpType, string)>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if ((eq < 0 || !line.StartsWith('.')) && result.Count > 0)
            {
                // net-snmp wraps long Hex-STRINGs, and strings with line breaks, onto following lines.
                var (lastOid, lastType, lastValue) = result[^1];
                result[^1] = (lastOid, lastType, lastValue.StartsWith("hex:", StringComparison.Ordinal) ? lastValue + " " + line.Trim() : lastValue + "\n" + line);
                continue;
            }

            if (eq < 0)
            {
                continue;
            }

            var oid = Oid.Parse(line[..eq]);
            var rest = line[(eq + 3)..];
            if (rest.StartsWith("No more variables", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = rest.IndexOf(": ", StringComparison.Ordinal);
            var (typeName, value) = rest == "\"\"" ? ("STRING", "\"\"")
                : colon < 0 ? ("Timeticks", rest)
                : (rest[..colon], rest[(colon + 2)..]);
            var type = typeName switch
            {
                "INTEGER" => SnmpType.Integer32,
                "STRING" or "Hex-STRING" => SnmpType.OctetString,
                "OID" => SnmpType.ObjectIdentifier,
                "Gauge32" => SnmpType.Gauge32,
                "Counter32" => SnmpType.Counter32,
                "Counter64" => SnmpType.Counter64,
                "Timeticks" => SnmpType.TimeTicks,
                "IpAddress" => SnmpType.IpAddress,
                "Opaque" => SnmpType.Opaque,
                _ => throw new FormatException($"Unknown net-snmp type in '{line}'."),
            };
            result.Add((oid, type, typeName == "Hex-STRING" ? "hex:" + value.Trim() : value));
        }

        return result;
    }

    /// <summary>Our value in the same notation as <see cref="ParseWalk"/>, for the types whose value does not change between two walks.</summary>
    public static string? StableText(SnmpValue value) => value switch
    {
        Integer32 i => i.Value.ToString(CultureInfo.InvariantCulture),
        Gauge32 g => g.Value.ToString(CultureInfo.InvariantCulture),
        ObjectIdentifier o => "." + o.Value,
        IpAddress ip => ip.AsText(),
        OctetString s => s.Value.IsEmpty ? "\"\"" : null,
        _ => null,
    };

    /// <summary>True when net-snmp's rendering of an OCTET STRING denotes exactly these bytes.</summary>
    public static bool SameOctets(string netSnmpValue, ReadOnlySpan<byte> bytes)
    {
        if (netSnmpValue.StartsWith("hex:", StringComparison.Ordinal))
        {
            var hex = netSnmpValue[4..].Replace(" ", string.Empty, StringComparison.Ordinal);
            return Convert.FromHexString(hex).AsSpan().SequenceEqual(bytes);
        }

        var quoted = netSnmpValue.Length >= 2 && netSnmpValue[0] == '"' ? netSnmpValue[1..^1] : netSnmpValue;
        // net-snmp prints a backslash before '"' and '\\' inside quoted strings.
        var text = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            text.Append(quoted[i] == '\\' && i + 1 < quoted.Length ? quoted[++i] : quoted[i]);
        }

        return Encoding.UTF8.GetBytes(text.ToString()).AsSpan().SequenceEqual(bytes.TrimEnd((byte)0));
    }
}
