using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Bench.Compliance;

/// <summary>
/// Generated counties of about 100 sites each: 25 % urban schools, 60 % rural schools, 15 % teaching points (a third of
/// them sharing their parent's line), with registry counts, rooms, devices, class lists, 12 school days of probes and
/// the access points' heartbeats. Deterministic for a seed.
/// </summary>
public static class GeneratedCounties
{
    private static readonly DateOnly AsOf = new(2025, 9, 1);

    public static List<(CountyFacts Facts, InMemoryMeasurementSource Telemetry)> Generate(int schools, int perCounty, SchoolCalendar calendar, DateTimeOffset at, int seed)
    {
        var random = new Random(seed);
        var days = calendar.LastSchoolDays(ChinaTime.DateOf(at), 12) ?? throw new InvalidOperationException("the instant is outside the calendar");
        var counties = new List<(CountyFacts, InMemoryMeasurementSource)>();
        for (var c = 0; c * perCounty < schools; c++)
        {
            var code = (410000 + c).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var telemetry = new InMemoryMeasurementSource();
            var sites = new List<SiteFacts>(perCounty);
            string? lastRural = null;
            for (var i = 0; i < perCounty && c * perCounty + i < schools; i++)
            {
                var id = code + (i + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
                var roll = random.Next(100);
                var site = roll < 25 ? School(id, urban: true, random) : roll < 85 || lastRural is null ? School(id, urban: false, random) : TeachingPoint(id, lastRural, random);
                lastRural = site.Kind == SiteKind.School && site.UrbanRuralCode![0] == '2' ? id : lastRural;
                sites.Add(site);
                if (!site.SharedUplink && random.Next(100) < 95)
                {
                    AddProbes(telemetry, id, site.Uplinks[0].DownMbps, days, random);
                    AddAccessPointHeartbeats(telemetry, site, days, random);
                }
            }

            counties.Add((new CountyFacts(code, $"县{c}", calendar.Id, sites), telemetry));
        }

        return counties;
    }

    private static SiteFacts School(string id, bool urban, Random random)
    {
        var classes = urban ? random.Next(18, 49) : random.Next(6, 19);
        var teachers = classes * 2 + random.Next(0, 10);
        var classSize = urban ? random.Next(40, 51) : random.Next(25, 46);
        var labSeats = classSize + random.Next(-5, 6);
        var rooms = new List<RoomFacts>(classes + 3);
        var devices = new List<DeviceFacts>(classes * 2 + labSeats + teachers);
        var classList = new List<ClassFacts>(classes);
        for (var n = 1; n <= classes; n++)
        {
            var room = $"c{n}";
            rooms.Add(new RoomFacts(room, "ordinary", WiredPorts: 1));
            if (random.Next(100) < 97)
            {
                devices.Add(new DeviceFacts($"panel-{n}", "interactive_flat_panel", room));
            }

            if (urban)
            {
                devices.Add(new DeviceFacts($"ap-{n}", "access_point", room));
            }

            classList.Add(new ClassFacts($"class-{n}", classSize, room, ["lab1"]));
        }

        rooms.Add(new RoomFacts("lab1", "computer_lab", WiredPorts: labSeats));
        rooms.Add(new RoomFacts("office1", "office", WiredPorts: teachers));
        devices.Add(new DeviceFacts("panel-lab1", "interactive_flat_panel", "lab1"));
        for (var n = 1; n <= labSeats; n++)
        {
            devices.Add(new DeviceFacts($"spc-{n}", "student_pc", "lab1", Broken: random.Next(100) < 2));
        }

        var officePcs = teachers - random.Next(0, 3);
        for (var n = 1; n <= officePcs; n++)
        {
            devices.Add(new DeviceFacts($"tpc-{n}", "teacher_office_pc", "office1"));
        }

        var line = urban ? new[] { 300m, 500m, 1000m }[random.Next(3)] : new[] { 50m, 100m, 200m }[random.Next(3)];
        return new SiteFacts
        {
            Id = id,
            Name = $"学校{id}",
            Kind = SiteKind.School,
            UrbanRuralCode = urban ? "111" : "220",
            Stage = urban ? "junior" : "primary",
            Tags = urban && random.Next(2) == 0 ? ["有条件"] : [],
            Classes = new RegistryCount(classes, AsOf, "学籍系统"),
            Teachers = new RegistryCount(teachers, random.Next(100) < 5 ? new DateOnly(2023, 6, 1) : AsOf, "教育事业统计"),
            Students = new RegistryCount(classes * classSize, AsOf, "学籍系统"),
            Uplinks = [new UplinkContract("line-1", line, line / 5, UplinkRole.Primary, UplinkReach.Internet, new DateOnly(2025, 3, 1), "合同")],
            Rooms = rooms,
            Devices = devices,
            ClassList = classList,
            ClassListAsOf = AsOf,
            ClassListSource = "学籍系统",
        };
    }

    private static SiteFacts TeachingPoint(string id, string parent, Random random)
    {
        var shared = random.Next(3) == 0;
        var classes = random.Next(1, 4);
        return new SiteFacts
        {
            Id = id,
            Name = $"教学点{id}",
            Kind = SiteKind.TeachingPoint,
            UrbanRuralCode = "220",
            Stage = "primary",
            ParentSchool = parent,
            SharedUplink = shared,
            HasItCourse = false,
            Classes = new RegistryCount(classes, AsOf, "学籍系统"),
            Teachers = new RegistryCount(classes + 1, AsOf, "教育事业统计"),
            Students = new RegistryCount(classes * 10, AsOf, "学籍系统"),
            Uplinks = shared ? [] : [new UplinkContract("line-1", 20m, 4m, UplinkRole.Primary, UplinkReach.Internet, new DateOnly(2025, 3, 1), "合同")],
            Rooms = [.. Enumerable.Range(1, classes).Select(n => new RoomFacts($"c{n}", "ordinary", WiredPorts: 1))],
            Devices = [.. Enumerable.Range(1, classes).Select(n => new DeviceFacts($"panel-{n}", "interactive_flat_panel", $"c{n}"))],
            ClassList = [.. Enumerable.Range(1, classes).Select(n => new ClassFacts($"class-{n}", 10, $"c{n}", []))],
            ClassListAsOf = AsOf,
            ClassListSource = "学籍系统",
        };
    }

    /// <summary>
    /// The agent's ICMP poll of every access point on the last five school days, 98 % of them up: the Wi-Fi rules count
    /// an access point in functional mode only when it was seen up in their window.
    /// </summary>
    private static void AddAccessPointHeartbeats(InMemoryMeasurementSource telemetry, SiteFacts site, IReadOnlyList<DateOnly> days, Random random)
    {
        var lastFive = days.Skip(days.Count - 5).ToList();
        foreach (var device in site.Devices.Where(d => d.Class == "access_point"))
        {
            var up = random.Next(100) < 98;
            foreach (var day in lastFive)
            {
                var time = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, random.Next(60))), ChinaTime.Offset);
                telemetry.AddHeartbeat(site.Id, new DeviceHeartbeat(time, device.Id, up));
            }
        }
    }

    private static void AddProbes(InMemoryMeasurementSource telemetry, string school, decimal lineMbps, IReadOnlyList<DateOnly> days, Random random)
    {
        foreach (var day in days)
        {
            // Two probes a school day, at 75–100 % of the contracted line.
            foreach (var hour in (ReadOnlySpan<int>)[10, 15])
            {
                var time = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, random.Next(60))), ChinaTime.Offset);
                var mbps = (double)lineMbps * (0.75 + random.NextDouble() / 4);
                telemetry.AddProbe(school, new ProbeSample(time, "gw", "iperf3", mbps, mbps / 5, 1000));
                telemetry.AddHeartbeat(school, new DeviceHeartbeat(time, "gw", true));
            }
        }
    }
}
