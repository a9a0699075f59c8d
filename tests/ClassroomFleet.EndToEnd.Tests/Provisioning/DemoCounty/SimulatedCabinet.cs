namespace ClassroomFleet.EndToEnd.Tests.Provisioning.DemoCounty;

/// <summary>
/// A network cabinet without hardware: an SHT3x-like hwmon chip (31.5 °C, 55 %) and a simulated GPIO chip with the door
/// closed and mains present, as files under a sysfs root of its own; returns the agent's Cabinet settings for it.
/// </summary>
public static class SimulatedCabinet
{
    public static IReadOnlyDictionary<string, string?> Create(string root)
    {
        var hwmon = Directory.CreateDirectory(Path.Combine(root, "sys", "class", "hwmon", "hwmon0")).FullName;
        File.WriteAllText(Path.Combine(hwmon, "name"), "sht3x\n");
        File.WriteAllText(Path.Combine(hwmon, "temp1_input"), "31500\n");
        File.WriteAllText(Path.Combine(hwmon, "humidity1_input"), "55000\n");
        var gpio = Directory.CreateDirectory(Path.Combine(root, "gpio-sim", "chip0")).FullName;
        File.WriteAllText(Path.Combine(gpio, "line17"), "0\n");
        File.WriteAllText(Path.Combine(gpio, "line27"), "0\n");

        return new Dictionary<string, string?>
        {
            ["Cabinet:Enabled"] = "true",
            ["Cabinet:Driver"] = "Simulated",
            ["Cabinet:Model"] = "demo-gw",
            ["Cabinet:SysfsRoot"] = root,
            ["Cabinet:Interval"] = "00:00:05",
            ["Cabinet:Sensors:0:Id"] = "rack",
            ["Cabinet:Sensors:0:Type"] = "Hwmon",
            ["Cabinet:Sensors:0:Device"] = "sht3x",
            ["Cabinet:Sensors:0:Channel"] = "1",
            ["Cabinet:Models:demo-gw:Pins:door:Role"] = "Door",
            ["Cabinet:Models:demo-gw:Pins:door:Line"] = "17",
            ["Cabinet:Models:demo-gw:Pins:door:Pull"] = "Up",
            ["Cabinet:Models:demo-gw:Pins:mains:Role"] = "Mains",
            ["Cabinet:Models:demo-gw:Pins:mains:Line"] = "27",
            ["Cabinet:Models:demo-gw:Pins:mains:Pull"] = "Up",
            ["Cabinet:Models:demo-gw:Pins:mains:ActiveLow"] = "true",
        };
    }
}
