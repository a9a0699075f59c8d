using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Ingest;

namespace ClassroomFleet.Fleet.Tests.Ingest;

public class TelemetryValidatorTests
{
    private static readonly SchoolTopic Topic = new(TopicKind.Telemetry, "410323", "4141032301", "sw-core-1");

    private static TelemetryBatch Batch(string county = "410323", string school = "4141032301", string device = "sw-core-1", int points = 1) => new()
    {
        County = county,
        School = school,
        Device = device,
        Kind = "switch",
        Agent = "gw-1",
        Sequence = 1,
        Points = Enumerable.Range(0, points).Select(_ => Point()).ToList(),
    };

    private static TelemetryPoint Point(
        Dictionary<string, string>? tags = null,
        Dictionary<string, double>? floats = null,
        long time = 1_763_800_000_000_000_000) => new()
    {
        Measurement = "interface",
        TimestampNs = time,
        Tags = tags ?? new Dictionary<string, string> { ["if_name"] = "Gi1/0/1" },
        Floats = floats ?? new Dictionary<string, double> { ["in_bps"] = 1 },
    };

    [Fact]
    public void A_Consistent_Batch_Passes() => Assert.Null(TelemetryValidator.Validate(Topic, Batch()));

    [Theory]
    [InlineData(null)]
    [InlineData("4141032301")]
    [InlineData("fleet-admin")]
    [InlineData("e2e-agent-4141032301")]
    public void A_Sender_That_Is_Absent_The_Topics_School_Or_Not_A_School_Passes(string? sender) =>
        Assert.Null(TelemetryValidator.ValidateSender(Topic, sender));

    [Fact]
    public void A_Sender_That_Is_Another_School_Is_Spoofed()
    {
        var result = TelemetryValidator.ValidateSender(Topic, "4141032399");

        Assert.Equal(DecodeFailure.Spoofed, result?.Failure);
        Assert.Contains("4141032399", result?.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("410323")]
    public void A_School_Unknown_To_The_Registry_Or_Registered_In_The_Topics_County_Passes(string? registered) =>
        Assert.Null(TelemetryValidator.ValidateCounty(Topic, registered));

    [Fact]
    public void A_School_Registered_In_Another_County_Than_The_Topics_Is_Spoofed()
    {
        var result = TelemetryValidator.ValidateCounty(Topic with { County = "999999" }, "410323");

        Assert.Equal(DecodeFailure.Spoofed, result?.Failure);
        Assert.Contains("registered in county 410323, not 999999", result?.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("410324", "4141032301", "sw-core-1")]
    [InlineData("410323", "4141032302", "sw-core-1")]
    [InlineData("410323", "4141032301", "sw-core-2")]
    public void A_Payload_That_Names_Another_School_Or_Device_Than_Its_Topic_Is_Spoofed(string county, string school, string device)
    {
        var result = TelemetryValidator.Validate(Topic, Batch(county, school, device));
        Assert.Equal(DecodeFailure.Spoofed, result?.Failure);
    }

    [Fact]
    public void Too_Many_Points_Is_Invalid()
    {
        var result = TelemetryValidator.Validate(Topic, Batch(points: TelemetryValidator.MaxPointsPerBatch + 1));
        Assert.Equal(DecodeFailure.Invalid, result?.Failure);
    }

    [Fact]
    public void A_Good_Point_Passes() => Assert.Null(TelemetryValidator.ValidatePoint(Point()));

    [Fact]
    public void A_Null_Point_Is_Refused_Not_Dereferenced() => Assert.Equal("a point is JSON null", TelemetryValidator.ValidatePoint(null));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_Non_Finite_Float_Is_Refused(double value) =>
        Assert.NotNull(TelemetryValidator.ValidatePoint(Point(floats: new() { ["in_bps"] = value })));

    [Theory]
    [InlineData("school")]
    [InlineData("county")]
    [InlineData("device")]
    public void A_Point_Cannot_Overwrite_The_Identity_Tags(string tag) =>
        Assert.NotNull(TelemetryValidator.ValidatePoint(Point(tags: new() { [tag] = "4141032399" })));

    [Fact]
    public void A_Point_Without_Fields_Is_Refused() =>
        Assert.NotNull(TelemetryValidator.ValidatePoint(Point(floats: [])));

    [Fact]
    public void A_Point_Without_A_Time_Is_Refused() =>
        Assert.NotNull(TelemetryValidator.ValidatePoint(Point(time: 0)));

    [Fact]
    public void An_Empty_Tag_Value_Is_Refused() =>
        Assert.NotNull(TelemetryValidator.ValidatePoint(Point(tags: new() { ["if_name"] = "" })));
}
