namespace ClassroomFleet.Sensors.Tests;

public sealed class SensorFaultCounterTests
{
    [Fact]
    public void Counts_By_Kind_And_In_Total()
    {
        var counter = new SensorFaultCounter();

        counter.Record(new SensorFault("a", SensorFaultKind.CrcFailed, "/p", "d"));
        counter.Record(new SensorFault("a", SensorFaultKind.CrcFailed, "/p", "d"));
        counter.Record(new SensorFault("b", SensorFaultKind.Malformed, "/p", "d"));

        Assert.Equal(2, counter.Count(SensorFaultKind.CrcFailed));
        Assert.Equal(1, counter.Count(SensorFaultKind.Malformed));
        Assert.Equal(0, counter.Count(SensorFaultKind.Missing));
        Assert.Equal(3, counter.Total);
    }
}
