using System.Net;
using System.Net.NetworkInformation;
using ClassroomFleet.Agent.Devices.Profiles;

namespace ClassroomFleet.Agent.School;

/// <summary>Checks the per-kind protocol settings of a device (PJLink, RTSP, ONVIF, HOST-RESOURCES, PC hosts, probe).</summary>
internal static class DeviceSettingsValidator
{
    public static bool IsPcKind(string kind) => kind is "pc" or "teacher_pc" or "student_pc";

    public static void Validate(DeviceEntry device, string at, Action<string, string> error)
    {
        if (device.Profile is { } profile && !DeviceProfileCatalog.BuiltIn.Contains(profile))
        {
            error($"{at}.profile", $"'{profile}' is not a device profile ({string.Join(", ", DeviceProfileCatalog.BuiltIn.Profiles.Select(p => p.Name))})");
        }

        if (device.Pjlink is { } pjlink)
        {
            Port(pjlink.Port, $"{at}.pjlink.port", error);
            CredentialName(pjlink.Credential, $"{at}.pjlink.credential", error);
        }

        if (device.Rtsp is { } rtsp)
        {
            Port(rtsp.Port, $"{at}.rtsp.port", error);
            AbsolutePath(rtsp.Path, $"{at}.rtsp.path", error);
            CredentialName(rtsp.Credential, $"{at}.rtsp.credential", error);
        }

        if (device.Onvif is { } onvif)
        {
            Port(onvif.Port, $"{at}.onvif.port", error);
            AbsolutePath(onvif.Path, $"{at}.onvif.path", error);
            CredentialName(onvif.Credential, $"{at}.onvif.credential", error);
        }

        if (device.HostResources is { } host)
        {
            Port(host.Port, $"{at}.host_resources.port", error);
            if (host.Version is not ("v1" or "v2c"))
            {
                error($"{at}.host_resources.version", "must be v1 or v2c");
            }

            if (string.IsNullOrWhiteSpace(host.Credential))
            {
                error($"{at}.host_resources.credential", "must name a credential of the agent (secrets never stand in the school file)");
            }
        }

        if (device.Overrides is { } overrides)
        {
            Duration(overrides.Timeout, $"{at}.overrides.timeout", error);
            Duration(overrides.Pacing, $"{at}.overrides.pacing", error);
            Duration(overrides.Budget, $"{at}.overrides.budget", error);
            if (overrides.MaxRepetitions is < 1 or > 100)
            {
                error($"{at}.overrides.max_repetitions", "must be 1 to 100");
            }

            for (var i = 0; i < (overrides.Commands?.Count ?? 0); i++)
            {
                var command = overrides.Commands![i];
                if (!PjLinkCommandText.IsValid(command))
                {
                    error($"{at}.overrides.commands[{i}]", "must be a PJLink class digit and 4-letter command, e.g. 1POWR");
                }
            }
        }

        for (var i = 0; i < device.Hosts.Count; i++)
        {
            if (!PcHostRange.TryParse(device.Hosts[i], out _))
            {
                error($"{at}.hosts[{i}]", "must be an IPv4 address or a last-octet range such as 10.3.2.11-70");
            }
        }

        if (device.Hosts.Count > 0 && !IsPcKind(device.Kind))
        {
            error($"{at}.hosts", "only a PC group (kind pc, teacher_pc or student_pc) has hosts");
        }

        ValidateMacs(device, at, error);

        ValidateKind(device, at, error);
    }

    private static void ValidateMacs(DeviceEntry device, string at, Action<string, string> error)
    {
        var seen = new HashSet<PhysicalAddress>();
        for (var i = 0; i < device.Macs.Count; i++)
        {
            if (!MacAddressText.TryParse(device.Macs[i], out var mac))
            {
                error($"{at}.macs[{i}]", "must be a MAC address such as 70:f9:6d:00:10:01");
            }
            else if (!seen.Add(mac))
            {
                error($"{at}.macs[{i}]", $"'{device.Macs[i]}' is listed twice");
            }
        }

        if (device.Macs.Count > 0 && device.Kind is "switch" or "probe" or "cabinet")
        {
            error($"{at}.macs", "only devices behind a switch (PCs, panels, projectors, recorders) list their MAC addresses");
        }

        if (device.Switch is not null && !IsPcKind(device.Kind))
        {
            error($"{at}.switch", "only a PC group (kind pc, teacher_pc or student_pc) names the switch that shows its PCs");
        }

        if (device.Switch is not null && device.Macs.Count == 0)
        {
            error($"{at}.macs", "a PC group that names a switch lists the MAC addresses to look for");
        }
    }

    private static void ValidateKind(DeviceEntry device, string at, Action<string, string> error)
    {
        switch (device.Kind)
        {
            case "recorder" when device.Rtsp is null && device.Onvif is null:
                error($"{at}.rtsp", "a recorder needs rtsp or onvif settings (or both)");
                break;
            case "probe" when device.Probe is null:
                error($"{at}.probe", "is required for a probe");
                break;
            case "probe":
                ProbeSettingsValidator.Validate(device.Probe!, $"{at}.probe", error);
                break;
        }
    }

    private static void Port(int? port, string field, Action<string, string> error)
    {
        if (port is < 1 or > 65535)
        {
            error(field, "must be 1 to 65535");
        }
    }

    private static void AbsolutePath(string path, string field, Action<string, string> error)
    {
        if (!path.StartsWith('/') || path.Any(char.IsWhiteSpace))
        {
            error(field, "must be an absolute path without spaces, e.g. /live/main");
        }
    }

    private static void CredentialName(string? name, string field, Action<string, string> error)
    {
        if (name is not null && (name.Length == 0 || name.Any(char.IsWhiteSpace)))
        {
            error(field, "must name a credential of the agent (secrets never stand in the school file)");
        }
    }

    private static void Duration(string? text, string field, Action<string, string> error)
    {
        if (text is not null && !DurationText.TryParse(text, out _))
        {
            error(field, "must be a duration such as 500ms, 3s or 1m");
        }
    }

    internal static bool IsHostAndPort(string text, int defaultPort) =>
        DeviceAddress.TryParse(text, defaultPort, out var address) && (IPAddress.TryParse(address.Host, out _) || address.Host.Length > 0);
}
